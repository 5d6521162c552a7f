#!/usr/bin/env bash
# Installs what ChildLink needs on a fresh Debian/Ubuntu machine and does nothing when it is there:
# libxml2's headers (the XML reader), pkg-config (SwiftPM finds libxml2 through it) and python3 (the
# tests read every workbook with Scripts/xlsx-inspect.py, an independent reader); with `--bench`,
# valgrind as well (Scripts/bench-instructions.sh counts instructions with callgrind); with
# `--browser`, Debian's chromium, chromium-driver and poppler-utils and Selenium from PyPI (the desk's
# browser test, Tests/Browser/desk_e2e.py, and the printed-pack test; nothing downloads a browser).
# The Swift 6.3 toolchain itself must already be on PATH.
set -euo pipefail

packages=(libxml2-dev pkg-config python3)
browser=no
for flag in "$@"; do
    case "$flag" in
    --bench) packages+=(valgrind) ;;
    --browser)
        packages+=(chromium chromium-driver poppler-utils)
        browser=yes
        ;;
    *)
        echo "error: unknown flag $flag (use --bench and/or --browser)" >&2
        exit 2
        ;;
    esac
done
missing=()
for package in "${packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done

if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ "$browser" = yes ] && ! python3 -c "import selenium" >/dev/null 2>&1; then
    echo "Installing: selenium (PyPI)"
    python3 -m pip install -q selenium 2>/dev/null || python3 -m pip install -q --break-system-packages selenium
fi

if ! command -v swift >/dev/null 2>&1; then
    echo "error: the Swift 6.3 toolchain is not on PATH (see https://www.swift.org/install/linux/)" >&2
    exit 1
fi

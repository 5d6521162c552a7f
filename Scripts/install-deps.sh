#!/usr/bin/env bash
# Installs what ChildLink needs on a fresh Debian/Ubuntu machine and does nothing when it is there:
# libxml2's headers (the XML reader), pkg-config (SwiftPM finds libxml2 through it) and python3 (the
# tests read every workbook with Scripts/xlsx-inspect.py, an independent reader); with
# `--bench`, valgrind as well (Scripts/bench-instructions.sh counts instructions with callgrind).
# The Swift 6.3 toolchain itself must already be on PATH.
set -euo pipefail

packages=(libxml2-dev pkg-config python3)
[ "${1:-}" != --bench ] || packages+=(valgrind)
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

if ! command -v swift >/dev/null 2>&1; then
    echo "error: the Swift 6.3 toolchain is not on PATH (see https://www.swift.org/install/linux/)" >&2
    exit 1
fi

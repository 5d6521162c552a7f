#!/usr/bin/env bash
# Runs ChildLink and Splink (DuckDB) on the same synthetic borough and prints both sets of figures.
# Usage: Scripts/splink-compare.sh [CHILDREN] [NOISE]   (defaults: 50000 default)
set -euo pipefail
cd "$(dirname "$0")/.."
children=${1:-50000}
noise=${2:-default}
if [ "${SKIP_BUILD:-0}" != 1 ]; then swift build -c release --product childlink >&2; fi
if [ ! -x .venv/bin/python ]; then python3 -m venv .venv >&2; fi
if ! .venv/bin/python -c "import splink" 2>/dev/null; then .venv/bin/pip install -q splink >&2; fi
work=$(mktemp -d "${TMPDIR:-/tmp}/childlink-splink.XXXXXX")
trap 'rm -rf "$work"' EXIT
.build/release/childlink sample --children "$children" --noise "$noise" --seed 2019 --xml-share 0 --out "$work/sample" >/dev/null
echo "== ChildLink ($children children, noise $noise)"
.build/release/childlink link "$work/sample" --truth "$work/sample/truth.csv" --out "$work/out" \
    | grep -E "^(records|pairwise|false links|twins merged|link time)"
echo "== Splink"
.venv/bin/python Scripts/splink-compare.py "$work/sample" 0.9 "$work/out/links.csv"

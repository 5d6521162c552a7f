#!/usr/bin/env bash
# Runs ChildLink and Splink (5.0.0, pinned; DuckDB) on the same records and prints both sets of figures.
#   Scripts/splink-compare.sh [CHILDREN] [NOISE]   a synthetic children's borough (defaults: 50000
#                                                  default), every record in CSV; then each
#                                                  linker's recall on the hard cases
#   Scripts/splink-compare.sh febrl                FEBRL4 (linked) and FEBRL3 (deduplicated), each
#                                                  with and without its soc_sec_id column
#                                                  (Scripts/febrl-files.sh): one table, a row for
#                                                  ChildLink in generic mode at its defaults and one
#                                                  for each Splink model (Scripts/splink-compare.py)
# BIN=path measures another ChildLink binary (no build); SKIP_BUILD=1 uses .build/release as it is.
# Splink and recordlinkage are installed into .venv when missing. Seconds are wall time: ChildLink's
# whole `link` run (read, link, write), Splink's from reading the files to its clusters.
set -euo pipefail
cd "$(dirname "$0")/.."
splink_version=5.0.0
if [ -n "${BIN:-}" ]; then
    bin=$BIN
else
    bin=.build/release/childlink
    if [ "${SKIP_BUILD:-0}" != 1 ]; then swift build -c release --product childlink >&2; fi
fi
if [ ! -x .venv/bin/python ]; then python3 -m venv .venv >&2; fi
if [ "$(.venv/bin/python -c 'import splink; print(splink.__version__)' 2>/dev/null)" != "$splink_version" ]; then
    .venv/bin/pip install -q "splink==$splink_version" >&2
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/childlink-splink.XXXXXX")
trap 'rm -rf "$work"' EXIT

# One FEBRL case: ChildLink's run timed, then the rows of both linkers (Splink's log to a file).
febrl_case() {
    local name=$1; shift
    /usr/bin/time -f "%e" -o "$work/$name.seconds" "$bin" link --generic "$@" --out "$work/$name" \
        > "$work/$name.summary" 2>&1 || { echo "$name: childlink link failed:" >&2; cat "$work/$name.summary" >&2; return 1; }
    .venv/bin/python Scripts/splink-compare.py --febrl "$name" "$work/$name/links.csv" \
        "$(cat "$work/$name.seconds")" "$@" 2> "$work/$name.splink-log" \
        || { echo "$name: splink failed:" >&2; tail -20 "$work/$name.splink-log" >&2; return 1; }
}

if [ "${1:-}" = febrl ]; then
    febrl="$work/febrl"
    Scripts/febrl-files.sh "$febrl"
    printf '%-16s %-27s %7s %9s %9s %9s %6s %6s %7s\n' case linker records precision recall F1 false missed seconds
    febrl_case febrl4 "$febrl/dataset4a.csv" "$febrl/dataset4b.csv"
    febrl_case febrl4-no-ssid "$febrl/dataset4a-no-ssid.csv" "$febrl/dataset4b-no-ssid.csv"
    febrl_case febrl3 "$febrl/dataset3.csv"
    febrl_case febrl3-no-ssid "$febrl/dataset3-no-ssid.csv"
    exit 0
fi

children=${1:-50000}
noise=${2:-default}
"$bin" sample --children "$children" --noise "$noise" --seed 2019 --xml-share 0 --out "$work/sample" >/dev/null
echo "== ChildLink ($children children, noise $noise)"
"$bin" link "$work/sample" --truth "$work/sample/truth.csv" --out "$work/out" \
    | grep -E "^(records|pairwise|false links|twins merged|link time)"
echo "== Splink"
.venv/bin/python Scripts/splink-compare.py "$work/sample" 0.9 "$work/out/links.csv"

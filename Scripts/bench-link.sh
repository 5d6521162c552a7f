#!/usr/bin/env bash
# Benchmarks `childlink link` end to end on a synthetic borough (release build): prints records,
# candidate pairs, wall time, CPU time (user + sys), peak memory (/usr/bin/time -v) and the
# matcher's own stage timings (--verbose).
#
#   Scripts/bench-link.sh                      # 1,000,000 records
#   Scripts/bench-link.sh 136000               # any size (records)
#   BENCH_DIR=/tmp/bench Scripts/bench-link.sh # where the generated input is kept and reused
#   SKIP_BUILD=1 Scripts/bench-link.sh         # use the existing release binary
#   BIN=/tmp/childlink-old Scripts/bench-link.sh  # measure another binary (a baseline) on the same input
#   KEEP=1 Scripts/bench-link.sh               # keep the run folder (log, summary, outputs) in $TMPDIR
#
# The input is generated once per size by `childlink sample --records N --seed 1` and reused, so
# runs before and after a change read the same records. Run it back to back on a quiet machine:
# wall time on a shared machine varies; CPU time is the steadier figure.
set -euo pipefail
cd "$(dirname "$0")/.."

size=${1:-1000000}
BENCH_DIR=${BENCH_DIR:-bench-data/link}
if [ -n "${BIN:-}" ]; then
    bin=$BIN
else
    if [ "${SKIP_BUILD:-0}" != 1 ]; then swift build -c release --product childlink >&2; fi
    bin="$(swift build -c release --show-bin-path)/childlink"
fi

input="$BENCH_DIR/sample-$size"
if [ ! -s "$input/truth.csv" ]; then
    mkdir -p "$input"
    "$bin" sample --records "$size" --seed 1 --out "$input" >/dev/null
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/childlink-bench-link.XXXXXX")
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
# Every extract the generator wrote, but not its truth file (which is not an extract).
inputs=()
for file in "$input"/*.csv "$input"/*.xml; do
    [ "$(basename "$file")" = truth.csv ] || inputs+=("$file")
done
if ! /usr/bin/time -v -o "$work/time" "$bin" link --verbose "${inputs[@]}" --out "$work/out" \
    >"$work/summary" 2>"$work/log"; then
    echo "bench-link: childlink link failed:" >&2
    tail -5 "$work/log" >&2
    exit 1
fi

field() { sed -n "s/^$1: //p" "$work/summary" | head -1; }
timefield() { sed -n "s/^[[:space:]]*$1: //p" "$work/time" | head -1; }
user=$(timefield 'User time (seconds)')
sys=$(timefield 'System time (seconds)')
wall=$(timefield 'Elapsed (wall clock) time (h:mm:ss or m:ss)')
peak_kb=$(timefield 'Maximum resident set size (kbytes)')

echo "records:         $(field records)"
echo "candidate pairs: $(field 'candidate pairs')"
echo "children:        $(field 'children (clusters)')"
echo "wall:            $wall"
echo "CPU (user+sys):  $(echo "$user + $sys" | bc) s (user $user s, sys $sys s)"
echo "peak memory:     $((peak_kb / 1024)) MB"
echo "stages (wall):"
grep -E '^[^ ]*.*(normalise|block|compare|estimate|score|cluster): [0-9.]+ s' "$work/log" | sed 's/^.*\(normalise\|block\|compare\|estimate\|score\|cluster\)/  \1/' || true

#!/usr/bin/env bash
# CI's performance guard: counts the CPU instructions of `childlink link` on a generated borough
# under valgrind's callgrind and fails when they exceed the committed baseline by more than 1.5x.
# Instructions, not wall time: the count is the same from run to run on a shared or slow machine,
# so a large regression shows and noise does not.
#
#   Scripts/bench-instructions.sh                  # release build, 100,000 records, check the baseline
#   SKIP_BUILD=1 Scripts/bench-instructions.sh     # use the existing release binary
#   BIN=/tmp/childlink-old Scripts/bench-instructions.sh   # count another binary
#   RECORDS=20000 Scripts/bench-instructions.sh    # another size (compared only with its own baseline)
#   UPDATE_BASELINE=1 Scripts/bench-instructions.sh  # measure and rewrite the baseline file
#   BENCH_DIR=/tmp/bench Scripts/bench-instructions.sh  # where the generated input is kept and reused
#
# The input is made once per size by `childlink sample --records N --seed 1` and reused. The whole
# `childlink link` process is counted (reading the extracts, linking, writing links.csv and
# pairs.csv): that is what an analyst waits for. It runs pinned to one CPU (`taskset -c 0`), so the
# linker splits its work the same way on every machine and the count does not depend on the core
# count. Prints the count, the baseline and the ratio; exits 1 above the limit.
set -euo pipefail
cd "$(dirname "$0")/.."

records=${RECORDS:-100000}
limit=${LIMIT:-1.5}
baseline_file=Scripts/bench-instructions.baseline
BENCH_DIR=${BENCH_DIR:-bench-data/instructions}

command -v valgrind >/dev/null 2>&1 || {
    echo "bench-instructions: valgrind is not installed (bash Scripts/install-deps.sh --bench installs it)" >&2
    exit 2
}

if [ -n "${BIN:-}" ]; then
    bin=$BIN
else
    # Without the default trait Desk: `link` does not use the browser desk, and leaving out its web
    # server (Hummingbird, SwiftNIO) keeps CI's release build minutes shorter. The link code is the same.
    if [ "${SKIP_BUILD:-0}" != 1 ]; then swift build -c release --product childlink --disable-default-traits >&2; fi
    bin="$(swift build -c release --disable-default-traits --show-bin-path)/childlink"
fi

input="$BENCH_DIR/sample-$records"
if [ ! -s "$input/truth.csv" ]; then
    mkdir -p "$input"
    "$bin" sample --records "$records" --seed 1 --out "$input" >/dev/null
fi
inputs=()
for file in "$input"/*.csv "$input"/*.xml; do
    [ "$(basename "$file")" = truth.csv ] || inputs+=("$file")
done

work=$(mktemp -d "${TMPDIR:-/tmp}/childlink-bench-instructions.XXXXXX")
trap 'rm -rf "$work"' EXIT
# valgrind 3.19 cannot read the Swift toolchain's debug info ("Possibly corrupted debuginfo file"):
# count a copy without it (the instructions are the same; only symbol names are lost).
objcopy --strip-debug "$bin" "$work/childlink"
pin=()
command -v taskset >/dev/null 2>&1 && pin=(taskset -c 0)
start=$(date +%s)
if ! "${pin[@]}" valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" \
    "$work/childlink" link "${inputs[@]}" --out "$work/out" >"$work/summary" 2>"$work/log"; then
    echo "bench-instructions: childlink link under callgrind failed:" >&2
    tail -5 "$work/log" >&2
    exit 1
fi
seconds=$(($(date +%s) - start))
# callgrind's own total: "summary: N" (or "totals: N") in its output file, events = Ir.
count=$(sed -n 's/^\(summary\|totals\): \([0-9]*\).*/\2/p' "$work/callgrind.out" | head -1)
[ -n "$count" ] || { echo "bench-instructions: no instruction count in callgrind's output" >&2; exit 1; }

echo "records:      $(sed -n 's/^records: //p' "$work/summary" | head -1) ($records requested)"
echo "instructions: $count (callgrind Ir, whole process, ${seconds} s under valgrind)"

if [ "${UPDATE_BASELINE:-0}" = 1 ]; then
    commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
    cat >"$baseline_file" <<EOF
# The CPU instructions (callgrind Ir) of one \`childlink link\` of a generated borough, for
# Scripts/bench-instructions.sh: CI fails when a run counts more than 1.5x this.
# Rewrite it with UPDATE_BASELINE=1 Scripts/bench-instructions.sh when a change is meant to cost more.
instructions: $count
records: $records
command: taskset -c 0 valgrind --tool=callgrind childlink link <sample --records $records --seed 1> --out DIR
measured: $(date -u +%Y-%m-%d) on commit $commit, release build, $(swift --version 2>&1 | head -1 | sed 's/ (.*//')
EOF
    echo "baseline:     rewritten in $baseline_file"
    exit 0
fi

if [ ! -s "$baseline_file" ]; then
    echo "baseline:     none yet: measure it with UPDATE_BASELINE=1 $0 and commit $baseline_file" >&2
    exit 0
fi
baseline=$(sed -n 's/^instructions: //p' "$baseline_file" | head -1)
baseline_records=$(sed -n 's/^records: //p' "$baseline_file" | head -1)
if [ "$baseline_records" != "$records" ]; then
    echo "baseline:     none for $records records ($baseline_file is for $baseline_records)"
    exit 0
fi
ratio=$(awk -v c="$count" -v b="$baseline" 'BEGIN { printf "%.3f", c / b }')
echo "baseline:     $baseline ($baseline_file)"
echo "ratio:        $ratio (limit $limit)"
if awk -v r="$ratio" -v l="$limit" 'BEGIN { exit !(r > l) }'; then
    echo "bench-instructions: FAILED: $ratio x the baseline's instructions, above the $limit x limit" >&2
    exit 1
fi

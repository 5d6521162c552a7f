#!/usr/bin/env bash
# Builds childlink in release mode and times the synthetic borough generator on about a million
# records (`childlink sample --records 1000000`), written to a temporary folder that is removed
# afterwards. Usage: Scripts/bench-sample.sh [RECORDS] [SEED]
# Run it once at a time: it is meant for a quiet machine, not a loop.
set -euo pipefail
cd "$(dirname "$0")/.."

records="${1:-1000000}"
seed="${2:-2019}"
out="$(mktemp -d "${TMPDIR:-/tmp}/childlink-bench-sample.XXXXXX")"
trap 'rm -rf "$out"' EXIT

echo "== swift build -c release"
swift build -c release --product childlink

echo "== childlink sample --records $records --seed $seed"
start=$(date +%s.%N)
.build/release/childlink sample --records "$records" --seed "$seed" --out "$out"
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" 'BEGIN { printf "== wall clock (process): %.2f s\n", e - s }'
du -sh "$out" | awk '{print "== output size: " $1}'

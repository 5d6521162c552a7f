#!/usr/bin/env bash
# Writes every output ChildLink produces for a fixed set of inputs into one folder, with fixed
# timestamps and a fixed pseudonym key, so two builds can be compared byte for byte:
#
#   Scripts/golden-outputs.sh BIN OUT [BOROUGH]
#   diff -r OUT-before OUT-after
#
# BIN is a childlink binary, OUT the folder to fill (it must not exist), BOROUGH an optional
# generated borough folder (e.g. made by `childlink sample --children 50000 --seed 7`) that is
# linked and reported on as well. Used to prove a refactor changes no output.
set -euo pipefail
bin=$1
out=$2
borough=${3:-}
cd "$(dirname "$0")/.."
[ ! -e "$out" ] || { echo "error: $out exists; give a new folder" >&2; exit 1; }
mkdir -p "$out"
export CHILDLINK_PSEUDONYM_KEY=golden-outputs-key
at=2019-07-01T09:00
sample=SampleData

run() { # name, command…: records exit code, stdout and stderr of one command
    local name=$1; shift
    set +e
    "$@" >"$out/$name.stdout" 2>"$out/$name.stderr"
    echo $? >"$out/$name.exit"
    set -e
}

run sample "$bin" sample --children 400 --seed 11 --out "$out/sample"
run check "$bin" check "$sample"
run link "$bin" link "$sample" --out "$out/link" --truth "$sample/truth.csv" --no-store
run weekly "$bin" weekly "$sample" --week-ending 2019-06-30 --out "$out/weekly" --generated-at "$at" --no-store
for kind in missing cme ehe exclusions inclusion; do
    for period in 2019-06 2019Q1 2018/19; do
        run "scorecard-$kind-${period//\//-}" "$bin" scorecard "$kind" --period "$period" "$sample" \
            --out "$out/scorecard-$kind-${period//\//-}" --generated-at "$at" --no-store
    done
done
run overlap "$bin" overlap --period 2018/19 "$sample" --out "$out/overlap" --generated-at "$at" --no-store
run overlap-open "$bin" overlap --period 2018/19 "$sample" --out "$out/overlap-open" --generated-at "$at" \
    --no-store --no-suppress --no-pseudonymise
store="$out/store/childlink.sqlite"
mkdir -p "$out/store"
run store-weekly "$bin" weekly "$sample" --week-ending 2019-06-30 --out "$out/store-weekly" --generated-at "$at" \
    --store "$store"
run review-list "$bin" review list --store "$store"
run footprint-text "$bin" footprint --child-id CL000001 --store "$store"
run footprint-json "$bin" footprint --child-id CL000002 --format json --out "$out/footprint.json" --store "$store"
run generic "$bin" link --generic SampleData/examples/council --out "$out/generic" --no-store
if [ -n "$borough" ]; then
    inputs=()
    for file in "$borough"/*.csv "$borough"/*.xml; do
        [ "$(basename "$file")" = truth.csv ] || inputs+=("$file")
    done
    run borough-link "$bin" link "${inputs[@]}" --out "$out/borough-link" --truth "$borough/truth.csv" --no-store
    run borough-weekly "$bin" weekly "${inputs[@]}" --week-ending 2019-06-30 --out "$out/borough-weekly" \
        --generated-at "$at" --no-store
fi
# The store and the audit log hold run times: keep only what does not depend on the clock.
rm -rf "$out/store"
echo "wrote $out"

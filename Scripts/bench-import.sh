#!/usr/bin/env bash
# Benchmarks ChildLink's importers: records/s, MB/s and peak memory (/usr/bin/time -v) for the
# reference CSV and XML layouts of the missing-episodes dataset (25 fields a record), at 100k and
# 1M records, through `childlink check` (a release build).
#
#   Scripts/bench-import.sh                    # 100k and 1M records
#   BENCH_SIZES="100000" Scripts/bench-import.sh
#   BENCH_DIR=/tmp/bench Scripts/bench-import.sh
#
# Input is written by a small deterministic generator below (synthetic people, no real data), so
# the benchmark does not depend on `childlink sample`. The XML peak memory must stay flat as the
# file grows: the reader streams (libxml2 xmlTextReader) and `check` keeps no records.
set -euo pipefail
cd "$(dirname "$0")/.."

BENCH_DIR=${BENCH_DIR:-bench-data/import}
BENCH_SIZES=${BENCH_SIZES:-"100000 1000000"}
mkdir -p "$BENCH_DIR"

swift build -c release --product childlink >/dev/null
BIN="$(swift build -c release --show-bin-path)/childlink"

generate() {  # generate N: writes missing-episodes-N.csv and .xml unless present
    local n=$1
    [[ -s "$BENCH_DIR/missing-episodes-$n.csv" && -s "$BENCH_DIR/missing-episodes-$n.xml" ]] && return
    python3 - "$n" "$BENCH_DIR" <<'PY'
import random, sys
n, folder = int(sys.argv[1]), sys.argv[2]
rng = random.Random(20240601)
A = "ABCDEFGHJKLMNPQRTUVWXYZ"
def upn(i):
    body = "372%04d%02d%03d" % (i % 10000, 10 + i % 12, i % 1000)
    return A[sum(int(c) * (k + 2) for k, c in enumerate(body)) % 23] + body
def nhs(i):
    while True:
        nine = "999%06d" % (i % 1000000)
        c = 11 - sum(int(d) * w for d, w in zip(nine, range(10, 1, -1))) % 11
        if c != 10: return nine + str(0 if c == 11 else c)
        i += 1
forenames = ["Štefan", "Amy", "Petra", "Marek", "Zoë", "Oliver", "Aisha", "Jack", "Mia", "Tomáš"]
surnames = ["Horváth", "Smith", "Horváthová", "O'Neil", "Khan", "Lee", "Nováková", "Jones", "Baláž"]
fields = ["EpisodeID", "PersonID", "UPN", "NHSNumber", "Forename", "MiddleNames", "Surname", "DateOfBirth",
          "Gender", "Ethnicity", "Postcode", "AddressLine1", "Town", "EpisodeType", "StartDateTime",
          "EndDateTime", "SocialCareStatus", "CSERisk", "CCERisk", "PlacementDistanceMiles", "RHIOffered",
          "RHIAccepted", "RHICompletedDate", "ReportedBy", "FoundLocation"]
def row(i):
    d, m = 1 + i % 28, 1 + i % 12
    return ["E%07d" % i, "P%06d" % (i // 3), upn(i // 3), nhs(i // 3), rng.choice(forenames), "",
            rng.choice(surnames), "%02d/%02d/%d" % (d, m, 2006 + i % 12), "MF"[i % 2], "WBRI",
            "S6%d %dAB" % (i % 10, i % 10), "%d High Street" % (i % 200), "Rotherham", "Missing",
            "%02d/%02d/2024 %02d:%02d" % (d, m, i % 24, i % 60), "%02d/%02d/2024 23:59" % (d, m), "LAC",
            "Low", "None", "3.5", "Yes", "No", "", "Police, night shift", "Home"]
def esc(v): return '"' + v.replace('"', '""') + '"' if ("," in v or '"' in v) else v
def x(v): return v.replace("&", "&amp;").replace("<", "&lt;")
with open(f"{folder}/missing-episodes-{n}.csv", "w", encoding="utf-8", newline="") as f:
    f.write(",".join(fields) + "\r\n")
    for i in range(n): f.write(",".join(esc(v) for v in row(i)) + "\r\n")
rng.seed(20240601)
with open(f"{folder}/missing-episodes-{n}.xml", "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<MissingEpisodes>\n')
    for i in range(n):
        f.write("<Episode>" + "".join(f"<{k}>{x(v)}</{k}>" for k, v in zip(fields, row(i)) if v) + "</Episode>\n")
    f.write("</MissingEpisodes>\n")
PY
}

measure() {  # measure FILE RECORDS [--count-only]
    local file=$1 records=$2 mode=${3:-} log
    log=$(mktemp)
    /usr/bin/time -v "$BIN" check --dataset missing --rejects "$BENCH_DIR/rejects.csv" $mode "$file" >/dev/null 2>"$log" || true
    local wall rss bytes
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
    bytes=$(stat -c %s "$file")
    rm -f "$log"
    python3 - "$file" "$records" "$wall" "$rss" "$bytes" "${mode:-import}" <<'PY'
import sys
file, records, wall, rss, size, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
seconds = 0.0
for part in wall.split(":"): seconds = seconds * 60 + float(part)
mode = "reader only" if mode == "--count-only" else "full import"
print(f"{file.rsplit('/', 1)[-1]:<28} {mode:<12} {records:>9,} records {size / 1e6:>8.1f} MB {seconds:>7.2f} s "
      f"{records / seconds:>11,.0f} records/s {size / 1e6 / seconds:>7.1f} MB/s  peak {rss / 1024:>7.1f} MB")
PY
}

echo "childlink check, release build, $(nproc) cores; peak = maximum resident set size"
echo "full import = parse, validate, build and account for every record; reader only = check --count-only"
for n in $BENCH_SIZES; do
    generate "$n"
    for syntax in csv xml; do
        measure "$BENCH_DIR/missing-episodes-$n.$syntax" "$n" --count-only
        measure "$BENCH_DIR/missing-episodes-$n.$syntax" "$n"
    done
done

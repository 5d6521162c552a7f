#!/usr/bin/env python3
"""Copies an extracts folder with one file garbled the way systems garble text (standard library only).

    Scripts/garble-extract.py SOURCE_DIR DEST_DIR FILE moji    # UTF-8 bytes read as Windows-1252, saved as UTF-8
    Scripts/garble-extract.py SOURCE_DIR DEST_DIR FILE qmark   # saved as Windows-1252: letters it cannot hold become ?
    Scripts/garble-extract.py SOURCE_DIR DEST_DIR FILE dummy-nhs  # a system that makes the NHS number mandatory:
                                                                  # every row without one gets 401 023 2137
    Scripts/garble-extract.py SOURCE_DIR DEST_DIR FILE zero-personid  # a system that writes its person id as 0

Used in docs/accuracy.md to measure the matcher's text repair, and its reading of a dummy NHS number
many children hold, on the other-hands borough (Scripts/accuracy.sh runs the dummy-nhs case).
"""
import csv
import io
import os
import shutil
import sys

# A number that passes the NHS check digit, filled in where the child's own is not known.
DUMMY_NHS = "4010232137"


def main():
    if len(sys.argv) != 5 or sys.argv[4] not in ("moji", "qmark", "dummy-nhs", "zero-personid"):
        sys.exit(__doc__)
    source, destination, name, mode = sys.argv[1:5]
    shutil.copytree(source, destination, dirs_exist_ok=True)
    path = os.path.join(destination, name)
    with open(path, encoding="utf-8", newline="") as handle:
        text = handle.read()
    if mode == "dummy-nhs":
        garbled = fill_column(text, "NHSNumber", DUMMY_NHS, only_empty=True)
    elif mode == "zero-personid":
        garbled = fill_column(text, "PersonID", "0", only_empty=False)
    elif mode == "moji":
        table = {}
        for byte in range(256):
            try:
                table[byte] = bytes([byte]).decode("cp1252")
            except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D: read as Latin-1 controls
                table[byte] = chr(byte)
        garbled = "".join(table[byte] for byte in text.encode("utf-8"))
    else:
        garbled = text.encode("cp1252", errors="replace").decode("cp1252")
    changed = sum(1 for a, b in zip(text.splitlines(), garbled.splitlines()) if a != b)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(garbled)
    print(f"{name}: {changed} lines changed ({mode})")


def fill_column(text, name, value, only_empty):
    """`value` in column `name` of every row (with `only_empty`, of every row where it is empty)."""
    rows = list(csv.reader(io.StringIO(text)))
    column = rows[0].index(name)
    for row in rows[1:]:
        if len(row) > column and (not only_empty or not row[column].strip()):
            row[column] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n" if "\r\n" in text else "\n").writerows(rows)
    return out.getvalue()


if __name__ == "__main__":
    main()

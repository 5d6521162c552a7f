#!/usr/bin/env python3
"""Copies an extracts folder with one file garbled the way systems garble text (standard library only).

    Scripts/garble-extract.py SOURCE_DIR DEST_DIR FILE moji    # UTF-8 bytes read as Windows-1252, saved as UTF-8
    Scripts/garble-extract.py SOURCE_DIR DEST_DIR FILE qmark   # saved as Windows-1252: letters it cannot hold become ?

Used in docs/accuracy.md to measure the matcher's text repair on the other-hands borough.
"""
import os
import shutil
import sys


def main():
    if len(sys.argv) != 5 or sys.argv[4] not in ("moji", "qmark"):
        sys.exit(__doc__)
    source, destination, name, mode = sys.argv[1:5]
    shutil.copytree(source, destination, dirs_exist_ok=True)
    path = os.path.join(destination, name)
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    if mode == "moji":
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


if __name__ == "__main__":
    main()

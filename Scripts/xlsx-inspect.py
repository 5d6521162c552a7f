#!/usr/bin/env python3
"""Reads ChildLink workbooks with nothing but Python's standard library (zipfile, xml.etree) and
prints what a spreadsheet program would find in each, as JSON: the sheets and their names, every
cell with its type, value, number format and alignment, column widths, frozen panes, merged
ranges, page set-up, page header and footer, print titles; and a list of `problems` in the package
itself (parts missing from [Content_Types].xml, relationships to missing parts, invalid or
duplicate sheet names, rows or cells out of order, overlapping merges, print titles naming a sheet
that does not exist) -- the things that make Excel or LibreOffice offer to "repair" a file.

    Scripts/xlsx-inspect.py BOOK.xlsx [BOOK.xlsx ...]

An independent reader for the tests (Tests/ChildLinkReportsTests/WorkbookTests.swift): it shares
no code with ChildLink's writer.
"""
import json
import posixpath
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"

# Built-in number formats ECMA-376 part 1, 18.8.30, that the writer may use.
BUILTIN_FORMATS = {0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%",
                   14: "mm-dd-yy", 22: "m/d/yy h:mm"}


def column_number(letters):
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def split_ref(ref):
    match = re.fullmatch(r"([A-Z]+)([0-9]+)", ref)
    if not match:
        raise ValueError("bad cell reference " + ref)
    return column_number(match.group(1)), int(match.group(2))


def read_styles(book):
    root = ET.fromstring(book.read("xl/styles.xml"))
    formats = dict(BUILTIN_FORMATS)
    for fmt in root.iter(MAIN + "numFmt"):
        formats[int(fmt.get("numFmtId"))] = fmt.get("formatCode")
    fonts = []
    for font in root.find(MAIN + "fonts"):
        size = font.find(MAIN + "sz")
        fonts.append({"bold": font.find(MAIN + "b") is not None, "italic": font.find(MAIN + "i") is not None,
                      "size": float(size.get("val")) if size is not None else None})
    styles = []
    for xf in root.find(MAIN + "cellXfs"):
        alignment = xf.find(MAIN + "alignment")
        styles.append({
            "format": formats.get(int(xf.get("numFmtId", "0")), "?"),
            "font": fonts[int(xf.get("fontId", "0"))],
            "horizontal": alignment.get("horizontal") if alignment is not None else None,
            "wrap": alignment is not None and alignment.get("wrapText") in ("1", "true"),
        })
    return styles


def cell_value(cell):
    kind = cell.get("t", "n")
    if kind == "inlineStr":
        return "text", "".join(t.text or "" for t in cell.iter(MAIN + "t"))
    value = cell.find(MAIN + "v")
    if kind == "n":
        return "number", float(value.text) if value is not None else None
    return kind, value.text if value is not None else None


def read_sheet(book, path, name, styles, problems):
    root = ET.fromstring(book.read(path))
    sheet = {"name": name, "cells": {}, "rowHeights": {}, "widths": {}, "merges": []}
    last_row = 0
    for row in root.iter(MAIN + "row"):
        number = int(row.get("r"))
        if number <= last_row:
            problems.append(f"{name}: row {number} out of order")
        last_row = number
        if row.get("ht"):
            sheet["rowHeights"][str(number)] = float(row.get("ht"))
        last_column = 0
        for cell in row.findall(MAIN + "c"):
            column, cell_row = split_ref(cell.get("r"))
            if cell_row != number or column <= last_column:
                problems.append(f"{name}: cell {cell.get('r')} out of order")
            last_column = column
            kind, value = cell_value(cell)
            style = styles[int(cell.get("s", "0"))]
            sheet["cells"][cell.get("r")] = {"type": kind, "value": value, "format": style["format"],
                                             "horizontal": style["horizontal"], "wrap": style["wrap"],
                                             "bold": style["font"]["bold"], "size": style["font"]["size"]}
    for col in root.iter(MAIN + "col"):
        for index in range(int(col.get("min")), int(col.get("max")) + 1):
            sheet["widths"][str(index)] = float(col.get("width"))
    pane = root.find(f"{MAIN}sheetViews/{MAIN}sheetView/{MAIN}pane")
    sheet["pane"] = None if pane is None else {k: pane.get(k) for k in ("xSplit", "ySplit", "topLeftCell", "state")}
    covered = set()
    for merge in root.iter(MAIN + "mergeCell"):
        first, last = merge.get("ref").split(":")
        (c1, r1), (c2, r2) = split_ref(first), split_ref(last)
        sheet["merges"].append(merge.get("ref"))
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                if (r, c) in covered:
                    problems.append(f"{name}: merged ranges overlap at row {r}")
                covered.add((r, c))
    setup = root.find(MAIN + "pageSetup")
    sheet["pageSetup"] = None if setup is None else dict(setup.attrib)
    fit = root.find(f"{MAIN}sheetPr/{MAIN}pageSetUpPr")
    sheet["fitToPage"] = fit is not None and fit.get("fitToPage") in ("1", "true")
    header, footer = root.find(f"{MAIN}headerFooter/{MAIN}oddHeader"), root.find(f"{MAIN}headerFooter/{MAIN}oddFooter")
    sheet["header"] = header.text if header is not None else None
    sheet["footer"] = footer.text if footer is not None else None
    order = [child.tag.replace(MAIN, "") for child in root]
    expected = ["sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "mergeCells",
                "printOptions", "pageMargins", "pageSetup", "headerFooter"]
    positions = [expected.index(tag) for tag in order if tag in expected]
    if positions != sorted(positions) or any(tag not in expected for tag in order):
        problems.append(f"{name}: worksheet elements in the wrong order: {order}")
    return sheet


def check_package(book, problems):
    names = set(book.namelist())
    types = ET.fromstring(book.read("[Content_Types].xml"))
    defaults = {d.get("Extension") for d in types.iter(TYPES + "Default")}
    overrides = {o.get("PartName").lstrip("/") for o in types.iter(TYPES + "Override")}
    for name in names:
        if name not in overrides and name.rsplit(".", 1)[-1] not in defaults:
            problems.append(f"part {name} has no content type")
    for name in overrides - names:
        problems.append(f"content type for missing part {name}")
    for rels in [n for n in names if n.endswith(".rels")]:
        base = posixpath.dirname(posixpath.dirname(rels))
        for rel in ET.fromstring(book.read(rels)).iter(PKG + "Relationship"):
            target = posixpath.normpath(posixpath.join(base, rel.get("Target")))
            if target not in names:
                problems.append(f"{rels}: relationship to missing part {target}")


def inspect(path):
    problems = []
    with zipfile.ZipFile(path) as book:
        if book.testzip() is not None:
            problems.append("a part fails its CRC check")
        check_package(book, problems)
        styles = read_styles(book)
        workbook = ET.fromstring(book.read("xl/workbook.xml"))
        rels = ET.fromstring(book.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): posixpath.normpath(posixpath.join("xl", r.get("Target")))
                   for r in rels.iter(PKG + "Relationship")}
        sheets, seen = [], set()
        for element in workbook.iter(MAIN + "sheet"):
            name = element.get("name")
            if len(name) > 31 or re.search(r"[\[\]:*?/\\]", name) or name.startswith("'") or name.endswith("'"):
                problems.append(f"invalid sheet name {name!r}")
            if name.lower() in seen:
                problems.append(f"duplicate sheet name {name!r}")
            seen.add(name.lower())
            sheets.append(read_sheet(book, targets[element.get(REL + "id")], name, styles, problems))
        for defined in workbook.iter(MAIN + "definedName"):
            index = int(defined.get("localSheetId", "-1"))
            if defined.get("name") == "_xlnm.Print_Titles" and 0 <= index < len(sheets):
                sheets[index]["printTitles"] = defined.text
                quoted = "'" + sheets[index]["name"].replace("'", "''") + "'!"
                if not defined.text.startswith(quoted):
                    problems.append(f"print titles {defined.text!r} do not name sheet {index}")
            else:
                problems.append(f"defined name {defined.get('name')} for sheet {index}")
    return {"path": path, "sheets": sheets, "problems": problems}


if __name__ == "__main__":
    json.dump([inspect(path) for path in sys.argv[1:]], sys.stdout, indent=1)
    print()

import ChildLinkModel
package import Foundation
import ZIPFoundation

/// Writes a report as an Office Open XML workbook fit to hand on: a sheet per run of tables with
/// the same columns (a scorecard's indicator groups on one sheet), each sheet headed by the
/// report's title, period, produced date and protective marking; columns as wide as their content;
/// counts, percentages and dates as typed cells with formats; a frozen header row; and print
/// set-up (landscape A4, one page wide, the header row on every page, the marking and page numbers
/// in the header and footer).
package enum XLSXRenderer {
    /// The parts of the workbook, path → XML text, before zipping (the golden-file tests read these).
    package static func parts(_ report: Report) -> [(path: String, xml: String)] {
        let layouts = WorkbookSheet.sheets(report).map { SheetLayout($0, of: report) }
        var parts: [(String, String)] = [
            ("[Content_Types].xml", XLSXPackage.contentTypes(sheetCount: layouts.count)),
            ("_rels/.rels", XLSXPackage.rootRelationships),
            ("xl/workbook.xml", XLSXPackage.workbook(layouts)),
            ("xl/_rels/workbook.xml.rels", XLSXPackage.workbookRelationships(sheetCount: layouts.count)),
            ("xl/styles.xml", XLSXStyle.stylesheet),
        ]
        let pageHeader = "&C&B" + headerFooterText(report.protectiveMarking)
        let pageFooter = "&L" + headerFooterText("\(report.title) — \(report.periodLabel)") + "&RPage &P of &N"
        for (index, layout) in layouts.enumerated() {
            parts.append(
                ("xl/worksheets/sheet\(index + 1).xml", sheet(layout, header: pageHeader, footer: pageFooter)))
        }
        return parts
    }

    /// The zipped workbook.
    /// - Throws: when ZIPFoundation cannot build the archive in memory.
    package static func render(_ report: Report) throws -> Data {
        let archive = try Archive(accessMode: .create)
        let stamp = Date(timeIntervalSince1970: Double(report.generatedAt.minutesSinceEpoch) * 60)
        for part in parts(report) {
            let data = Data(part.xml.utf8)
            try archive.addEntry(
                with: part.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: stamp,
                compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }

    /// Text for a page header or footer: `&` doubled (a single one starts a code), at most 120
    /// characters (Excel's limit is 255 for the whole header).
    static func headerFooterText(_ text: String) -> String {
        let short = text.count <= 120 ? text : SheetName.wholeWords(text, limit: 119) + "…"
        return short.replacingOccurrences(of: "&", with: "&&")
    }

    // MARK: Sheets

    private static func sheet(_ layout: SheetLayout, header: String, footer: String) -> String {
        let header = header.xmlEscaped
        let footer = footer.xmlEscaped
        let frozen = layout.headerRow + 1
        var xml = XLSXPackage.declaration + "<worksheet xmlns=\"\(XLSXPackage.mainNamespace)\">"
        xml += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
        xml +=
            "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"\(layout.headerRow)\" topLeftCell=\"A\(frozen)\" "
            + "activePane=\"bottomLeft\" state=\"frozen\"/>"
            + "<selection pane=\"bottomLeft\" activeCell=\"A\(frozen)\" sqref=\"A\(frozen)\"/></sheetView></sheetViews>"
        xml += "<cols>"
        for (index, width) in layout.widths.enumerated() {
            xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
        }
        xml += "</cols><sheetData>"
        for (index, row) in layout.rows.enumerated() { xml += rowXML(row, number: index + 1) }
        xml += "</sheetData>"
        if !layout.merges.isEmpty {
            xml += "<mergeCells count=\"\(layout.merges.count)\">"
            xml += layout.merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined() + "</mergeCells>"
        }
        xml += "<pageMargins left=\"0.4\" right=\"0.4\" top=\"0.6\" bottom=\"0.6\" header=\"0.25\" footer=\"0.25\"/>"
        xml += "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
        xml += "<headerFooter><oddHeader>\(header)</oddHeader><oddFooter>\(footer)</oddFooter></headerFooter>"
        return xml + "</worksheet>"
    }

    private static func rowXML(_ row: SheetLayout.Row, number: Int) -> String {
        guard !row.cells.isEmpty || row.height != nil else { return "" }
        let height = row.height.map { " ht=\"\(ReportCell.format($0))\" customHeight=\"1\"" } ?? ""
        var xml = "<row r=\"\(number)\"\(height)>"
        for cell in row.cells {
            let ref = reference(cell.column, number)
            switch cell.value {
            case .number(let value):
                xml += "<c r=\"\(ref)\"\(cell.style.attribute)><v>\(numberText(value))</v></c>"
            case .text(let text):
                xml +=
                    "<c r=\"\(ref)\"\(cell.style.attribute) t=\"inlineStr\"><is><t xml:space=\"preserve\">"
                    + "\(text.xmlEscaped)</t></is></c>"
            }
        }
        return xml + "</row>"
    }

    private static func numberText(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// `A1`-style reference for a 0-based column and 1-based row.
    static func reference(_ column: Int, _ row: Int) -> String {
        var letters = ""
        var index = column + 1
        while index > 0 {
            let remainder = (index - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            index = (index - 1) / 26
        }
        return "\(letters)\(row)"
    }
}

/// The fixed parts of the workbook package: content types, relationships, the workbook with its
/// sheets and their print titles.
enum XLSXPackage {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"

    static func contentTypes(sheetCount: Int) -> String {
        var xml = declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml +=
            "<Override PartName=\"/xl/workbook.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        xml +=
            "<Override PartName=\"/xl/styles.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        for index in 0..<sheetCount {
            xml +=
                "<Override PartName=\"/xl/worksheets/sheet\(index + 1).xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return xml + "</Types>"
    }

    static let rootRelationships =
        declaration + "<Relationships xmlns=\"\(packageRelationships)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationshipNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    /// The sheets in order, and each sheet's header row as its print titles (`_xlnm.Print_Titles`).
    static func workbook(_ layouts: [SheetLayout]) -> String {
        var xml = declaration + "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
        xml += "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (index, layout) in layouts.enumerated() {
            xml += "<sheet name=\"\(layout.sheet.name.xmlEscaped)\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        xml += "</sheets>"
        guard !layouts.isEmpty else { return xml + "</workbook>" }
        xml += "<definedNames>"
        for (index, layout) in layouts.enumerated() {
            let quoted = "'" + layout.sheet.name.replacingOccurrences(of: "'", with: "''") + "'"
            let rows = "\(quoted)!$\(layout.headerRow):$\(layout.headerRow)"
            xml += "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(index)\">\(rows.xmlEscaped)</definedName>"
        }
        return xml + "</definedNames></workbook>"
    }

    static func workbookRelationships(sheetCount: Int) -> String {
        var xml = declaration + "<Relationships xmlns=\"\(packageRelationships)\">"
        for index in 0..<sheetCount {
            xml +=
                "<Relationship Id=\"rId\(index + 1)\" Type=\"\(relationshipNamespace)/worksheet\" "
                + "Target=\"worksheets/sheet\(index + 1).xml\"/>"
        }
        xml +=
            "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
        return xml + "</Relationships>"
    }
}

import ChildLinkModel
package import Foundation
import ZIPFoundation

/// Writes a report as an Office Open XML workbook: one sheet per table, a bold frozen header row,
/// counts and numbers as numbers, dates as dates (`dd/mm/yyyy`), percentages as percentages.
package enum XLSXRenderer {
    /// The parts of the workbook, path → XML text, before zipping (the golden-file tests read these).
    package static func parts(_ report: Report) -> [(path: String, xml: String)] {
        let tables = report.tables
        let names = sheetNames(tables)
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(sheetCount: tables.count)),
            ("_rels/.rels", rootRelationships),
            ("xl/workbook.xml", workbook(names)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheetCount: tables.count)),
            ("xl/styles.xml", styles),
        ]
        for (index, table) in tables.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", sheet(table)))
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

    // MARK: Sheets

    private enum Style: Int {
        case plain = 0
        case header = 1
        case date = 2
        case dateTime = 3
        case percent = 4
    }

    /// One output column: a source column, written as its value or as its percentage.
    private struct OutputColumn {
        let source: Int
        let isPercent: Bool
    }

    private static func outputColumns(_ table: ReportTable) -> [OutputColumn] {
        table.columns.indices.flatMap { index -> [OutputColumn] in
            let hasPercent = table.rows.contains {
                if index < $0.count, case .countWithPercent = $0[index] { return true }
                return false
            }
            let value = OutputColumn(source: index, isPercent: false)
            return hasPercent ? [value, OutputColumn(source: index, isPercent: true)] : [value]
        }
    }

    private static func sheet(_ table: ReportTable) -> String {
        let columns = outputColumns(table)
        var xml = header + "<worksheet xmlns=\"\(mainNamespace)\">"
        xml +=
            "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" "
            + "activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
        xml += "<cols><col min=\"1\" max=\"\(max(columns.count, 1))\" width=\"18\" customWidth=\"1\"/></cols>"
        xml += "<sheetData><row r=\"1\">"
        for (position, column) in columns.enumerated() {
            let title = table.columns[column.source] + (column.isPercent ? " %" : "")
            xml += inlineString(reference(position, 1), title, style: .header)
        }
        xml += "</row>"
        for (rowIndex, row) in table.rows.enumerated() {
            let rowNumber = rowIndex + 2
            xml += "<row r=\"\(rowNumber)\">"
            for (position, column) in columns.enumerated() {
                xml += cell(
                    column.source < row.count ? row[column.source] : .empty, percent: column.isPercent,
                    at: reference(position, rowNumber))
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    private static func cell(_ cell: ReportCell, percent: Bool, at ref: String) -> String {
        if percent {
            guard case .countWithPercent(let value, let denominator) = cell, denominator > 0 else { return "" }
            return number(ref, Double(value) / Double(denominator), style: .percent)
        }
        switch cell {
        case .count(let value), .countWithPercent(let value, _): return number(ref, Double(value), style: .plain)
        case .number(let value): return number(ref, value, style: .plain)
        case .date(let date): return number(ref, Double(date.daysSinceEpoch + 25_569), style: .date)
        case .dateTime(let dateTime):
            let serial = Double(dateTime.date.daysSinceEpoch + 25_569) + Double(dateTime.minuteOfDay) / 1440
            return number(ref, serial, style: .dateTime)
        case .empty: return ""
        default: return inlineString(ref, cell.plainText, style: .plain)
        }
    }

    private static func number(_ ref: String, _ value: Double, style: Style) -> String {
        let text = value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        let styleAttribute = style == .plain ? "" : " s=\"\(style.rawValue)\""
        return "<c r=\"\(ref)\"\(styleAttribute)><v>\(text)</v></c>"
    }

    private static func inlineString(_ ref: String, _ text: String, style: Style) -> String {
        let styleAttribute = style == .plain ? "" : " s=\"\(style.rawValue)\""
        return
            "<c r=\"\(ref)\"\(styleAttribute) t=\"inlineStr\"><is><t xml:space=\"preserve\">\(text.xmlEscaped)</t></is></c>"
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

    /// Sheet names: the table title, at most 31 characters, without `[]:*?/\` or a leading or trailing
    /// apostrophe, unique (case-insensitively, as Excel requires).
    static func sheetNames(_ tables: [ReportTable]) -> [String] {
        var used: Set<String> = []
        return tables.map { table in
            let allowed = table.title.filter { !"[]:*?/\\".contains($0) && !$0.isNewline }
            let cleaned = String(String(allowed.prefix(31)).trimmingCharacters(in: CharacterSet(charactersIn: "' ")))
            var name = cleaned.isEmpty ? "Sheet" : cleaned
            var counter = 2
            while used.contains(name.lowercased()) {
                let suffix = "-\(counter)"
                name = String(cleaned.prefix(31 - suffix.count)) + suffix
                counter += 1
            }
            used.insert(name.lowercased())
            return name
        }
    }

    // MARK: Fixed parts

    private static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    private static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"

    private static func contentTypes(sheetCount: Int) -> String {
        var xml = header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml +=
            "<Override PartName=\"/xl/workbook.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        xml +=
            "<Override PartName=\"/xl/styles.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        for index in 1...max(sheetCount, 1) where index <= sheetCount {
            xml +=
                "<Override PartName=\"/xl/worksheets/sheet\(index).xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return xml + "</Types>"
    }

    private static let rootRelationships =
        header + "<Relationships xmlns=\"\(packageRelationships)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationshipNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    private static func workbook(_ names: [String]) -> String {
        var xml = header + "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\"><sheets>"
        for (index, name) in names.enumerated() {
            xml += "<sheet name=\"\(name.xmlEscaped)\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        return xml + "</sheets></workbook>"
    }

    private static func workbookRelationships(sheetCount: Int) -> String {
        var xml = header + "<Relationships xmlns=\"\(packageRelationships)\">"
        for index in 0..<sheetCount {
            xml +=
                "<Relationship Id=\"rId\(index + 1)\" Type=\"\(relationshipNamespace)/worksheet\" "
                + "Target=\"worksheets/sheet\(index + 1).xml\"/>"
        }
        xml +=
            "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
        return xml + "</Relationships>"
    }

    private static let styles =
        header + "<styleSheet xmlns=\"\(mainNamespace)\">"
        + "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/>"
        + "<numFmt numFmtId=\"165\" formatCode=\"dd/mm/yyyy hh:mm\"/></numFmts>"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
        + "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"5\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"9\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"
}

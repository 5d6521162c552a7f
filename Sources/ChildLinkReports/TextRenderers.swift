import ChildLinkModel

/// Writes a report table as RFC 4180 CSV (CRLF line ends, fields quoted only when needed).
///
/// A column that shows percentages is written as three: the count, `… denominator` and `… %`, so
/// another tool reads each as a number. A hidden cell is `*` in all three.
package enum CSVRenderer {
    /// The CSV text of one table: the header row, then one line per row.
    package static func render(_ table: ReportTable) -> String {
        let split = Set(
            table.columns.indices.filter { column in
                table.rows.contains { row in
                    if case .countWithPercent = row[column] { return true }
                    return false
                }
            })
        let header = table.columns.enumerated().flatMap { column, name in
            split.contains(column) ? [name, "\(name) denominator", "\(name) %"] : [name]
        }
        var lines = [header.map(quote).joined(separator: ",")]
        for row in table.rows {
            let fields = row.enumerated().flatMap { column, cell in
                split.contains(column) ? countDenominatorPercent(cell) : [cell.plainText]
            }
            lines.append(fields.map(quote).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    private static func countDenominatorPercent(_ cell: ReportCell) -> [String] {
        switch cell {
        case .countWithPercent(let value, let denominator):
            [String(value), String(denominator), cell.percent.map(String.init) ?? ""]
        case .suppressed: ["*", "*", "*"]
        default: [cell.plainText, "", ""]
        }
    }

    private static func quote(_ field: String) -> String { CSVField.encode(field) }
}

/// Writes a report as JSON with a fixed key order, so the same report gives the same bytes.
package enum JSONRenderer {
    /// The JSON text of the report.
    package static func render(_ report: Report) -> String {
        var out = "{\n"
        out += "  \"slug\": \(string(report.slug)),\n"
        out += "  \"title\": \(string(report.title)),\n"
        out += "  \"period\": \(string(report.periodLabel)),\n"
        out += "  \"generatedAt\": \(string(report.generatedAt.iso)),\n"
        out += "  \"disclosureNotes\": [\(report.disclosureNotes.map(string).joined(separator: ", "))],\n"
        if !report.warnings.isEmpty {
            out += "  \"warnings\": [\(report.warnings.map(string).joined(separator: ", "))],\n"
        }
        out += "  \"sections\": [\n"
        out += report.sections.map(section).joined(separator: ",\n")
        out += "\n  ]\n}\n"
        return out
    }

    private static func section(_ section: ReportSection) -> String {
        var out = "    {\n      \"title\": \(string(section.title)),\n"
        if let summary = section.summary { out += "      \"summary\": \(string(summary)),\n" }
        out += "      \"tables\": [\n"
        out += section.tables.map(table).joined(separator: ",\n")
        return out + "\n      ]\n    }"
    }

    private static func table(_ table: ReportTable) -> String {
        let indent = "          "
        var out = "        {\n"
        out += "\(indent)\"id\": \(string(table.id)),\n"
        out += "\(indent)\"title\": \(string(table.title)),\n"
        if let note = table.note { out += "\(indent)\"note\": \(string(note)),\n" }
        out += "\(indent)\"columns\": [\(table.columns.map(string).joined(separator: ", "))],\n"
        out += "\(indent)\"rows\": [\n"
        out += table.rows.map { row in "\(indent)  [" + row.map(value).joined(separator: ", ") + "]" }
            .joined(separator: ",\n")
        return out + "\n\(indent)]\n        }"
    }

    /// A cell as a JSON value: counts and numbers as numbers, `*` for suppressed, null for empty.
    static func value(_ cell: ReportCell) -> String {
        switch cell {
        case .count(let value): String(value)
        case .countWithPercent(let value, let denominator):
            "{\"count\": \(value), \"denominator\": \(denominator)"
                + (cell.percent.map { ", \"percent\": \($0)" } ?? "") + "}"
        case .number(let value): ReportCell.format(value)
        case .flag(let value): value ? "true" : "false"
        case .empty: "null"
        default: string(cell.plainText)
        }
    }

    /// A JSON string literal.
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

extension String {
    /// Every occurrence of `target` replaced with `replacement` (no Foundation needed).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for character in self {
            if character == target { out += replacement } else { out.append(character) }
        }
        return out
    }

    /// Text safe inside XML and HTML element content and attribute values (``ChildLinkModel/XMLText``).
    var xmlEscaped: String { XMLText.escaped(self) }
}

import ChildLinkModel
import Foundation

/// The review file: `RecordA,RecordB,Probability,Decision,Note,Explanation`, one pair a line,
/// RFC 4180 quoting. Keys are written `Dataset:RecordID`; `Decision` is empty, `accept` or `reject`
/// (also `must-link`/`cannot-link`). Only `RecordA`, `RecordB` and `Decision` are required on import.
enum ReviewCSV {
    static let header = ["RecordA", "RecordB", "Probability", "Decision", "Note", "Explanation"]

    static func render(pairs: [ReviewPair], decisions: [PairKey: ReviewDecision]) -> String {
        var lines = [header.joined(separator: ",")]
        for pair in pairs {
            let decision = decisions[PairKey(pair.recordA, pair.recordB)]
            let word = decision.map { $0.kind == .mustLink ? "accept" : "reject" } ?? ""
            let fields = [
                pair.recordA.description, pair.recordB.description, String(format4(pair.probability)), word,
                decision?.note ?? "", pair.explanation,
            ]
            lines.append(fields.map(quote).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    struct DecisionLine {
        let line: Int
        let a: RecordKey
        let b: RecordKey
        let kind: ReviewDecision.Kind
        let note: String
    }

    static func parseDecisions(_ text: String, path: String) throws -> [DecisionLine] {
        let rows = parse(text)
        guard let header = rows.first?.fields else { return [] }
        func column(_ name: String) throws -> Int {
            guard let index = header.firstIndex(where: { $0.trimmed.lowercased() == name.lowercased() }) else {
                throw StoreError.badCSV(path: path, line: 1, field: name, message: "the header has no \(name) column")
            }
            return index
        }
        let (aColumn, bColumn, decisionColumn) = (try column("RecordA"), try column("RecordB"), try column("Decision"))
        let noteColumn = header.firstIndex { $0.trimmed.lowercased() == "note" }
        var lines: [DecisionLine] = []
        for row in rows.dropFirst() where !row.fields.allSatisfy({ $0.trimmed.isEmpty }) {
            func field(_ index: Int) -> String { index < row.fields.count ? row.fields[index].trimmed : "" }
            let word = field(decisionColumn)
            if word.isEmpty { continue }
            guard let kind = ReviewDecision.Kind(word: word) else {
                throw StoreError.badCSV(
                    path: path, line: row.line, field: "Decision", message: "'\(word)' is not accept or reject")
            }
            guard let a = RecordKey(parsing: field(aColumn)) else {
                throw StoreError.badCSV(path: path, line: row.line, field: "RecordA", message: "not Dataset:RecordID")
            }
            guard let b = RecordKey(parsing: field(bColumn)) else {
                throw StoreError.badCSV(path: path, line: row.line, field: "RecordB", message: "not Dataset:RecordID")
            }
            lines.append(DecisionLine(line: row.line, a: a, b: b, kind: kind, note: noteColumn.map(field) ?? ""))
        }
        return lines
    }

    /// RFC 4180 rows with the 1-based line each starts on.
    static func parse(_ text: String) -> [(line: Int, fields: [String])] {
        var rows: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var rowStart = 1
        var characters = text.makeIterator()
        var pending: Character? = nil
        func endRow() {
            fields.append(field)
            rows.append((rowStart, fields))
            fields = []
            field = ""
        }
        while let character = pending ?? characters.next() {
            pending = nil
            if inQuotes {
                if character == "\"" {
                    let next = characters.next()
                    if next == "\"" {
                        field.append("\"")
                    } else {
                        inQuotes = false
                        pending = next
                    }
                } else {
                    if character == "\n" || character == "\r\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"": inQuotes = true
            case ",":
                fields.append(field)
                field = ""
            case "\n", "\r\n", "\r":
                endRow()
                line += 1
                rowStart = line
            default: field.append(character)
            }
        }
        if !field.isEmpty || !fields.isEmpty { endRow() }
        return rows
    }

    static func quote(_ field: String) -> String {
        let needsQuotes = field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        let safe = field.first.map { "=+-@".contains($0) } == true ? "'" + field : field
        return needsQuotes || safe != field ? "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }

    static func format4(_ value: Double) -> String {
        let scaled = (value * 10_000).rounded()
        let whole = Int(scaled) / 10_000
        let fraction = String(Int(scaled) % 10_000)
        return "\(whole)." + String(repeating: "0", count: 4 - fraction.count) + fraction
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespaces) }
}

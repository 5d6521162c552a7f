package import ChildLinkModel
import Foundation

/// One row of a review CSV as a CSV reader gave it: its fields and the 1-based line it starts on.
///
/// The store does not read files itself: the caller reads the CSV (with the project's one CSV reader)
/// and hands the rows, header first, to ``ChildLinkStore/importDecisions(rows:from:)``.
package struct ReviewCSVRow: Hashable, Sendable {
    /// The line the row starts on, for error messages.
    package let line: Int
    /// The row's fields, unquoted.
    package let fields: [String]

    /// Creates a row.
    package init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

/// The review file: `RecordA,RecordB,Probability,Decision,Note,Explanation`, one pair a line,
/// RFC 4180 quoting. Keys are written `Dataset:RecordID`; `Decision` is empty, `accept` or `reject`
/// (also `must-link`/`cannot-link`). Only `RecordA`, `RecordB` and `Decision` are required on import.
package enum ReviewCSV {
    static let header = ["RecordA", "RecordB", "Probability", "Decision", "Note", "Explanation"]

    static func render(
        pairs: [ReviewPair], decisions: [PairKey: ReviewDecision], details: ReviewExportDetails? = nil
    ) -> String {
        let extra = details?.columns ?? []
        let headerLine = (header.dropLast() + extra + header.suffix(1)).joined(separator: ",")
        // Each row on its own, in chunks on every core (a row's details explain its pair).
        let rows = ParallelChunks.compactMap(pairs.count) { index in
            let pair = pairs[index]
            let decision = decisions[PairKey(pair.recordA, pair.recordB)]
            let word = decision.map { $0.kind == .mustLink ? "accept" : "reject" } ?? ""
            let fields =
                [
                    pair.recordA.description, pair.recordB.description, String(format4(pair.probability)), word,
                    decision?.note ?? "",
                ] + (details?.values(pair) ?? []) + [pair.explanation]
            return fields.map(CSVField.encode).joined(separator: ",")
        }
        return ([headerLine] + rows).joined(separator: "\r\n") + "\r\n"
    }

    /// One filled-in row: the line it starts on, the pair, the decision and the note.
    package struct DecisionLine: Sendable {
        /// The line the row starts on.
        package let line: Int
        /// `RecordA`.
        package let a: RecordKey
        /// `RecordB`.
        package let b: RecordKey
        /// `Decision`, read.
        package let kind: PairVerdict
        /// `Note`.
        package let note: String
    }

    /// The rows whose `Decision` is filled in, read against the header (the first row).
    ///
    /// - Throws: ``StoreError/badCSV(path:line:field:message:)`` for a missing column or a bad row.
    package static func decisionLines(_ rows: [ReviewCSVRow], path: String) throws -> [DecisionLine] {
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
            guard let kind = PairVerdict(word: word) else {
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

    static func format4(_ value: Double) -> String {
        let scaled = (value * 10_000).rounded()
        let whole = Int(scaled) / 10_000
        let fraction = String(Int(scaled) % 10_000)
        return "\(whole)." + String(repeating: "0", count: 4 - fraction.count) + fraction
    }
}

/// Columns the caller adds to a review export, before `Explanation`: what the review list shows
/// about each pair (the children, the evidence in words, what deciding it would change).
package struct ReviewExportDetails: Sendable {
    /// The column names.
    package let columns: [String]
    /// Where each record pair goes in the file, lowest first; pairs not given, and pairs of one
    /// position, keep the store's order after them.
    package let positions: [UnorderedPair<RecordKey>: Int]
    /// One value per column for a pair.
    package let values: @Sendable (ReviewPair) -> [String]
    /// The latest run's review pairs and assignment when the caller has read them already for
    /// these details (the export then reads neither again); `nil`: the export reads them.
    package let alreadyRead: (pairs: [ReviewPair], assignment: [RecordKey: ChildLinkID])?

    /// Creates the extra columns, and the order of the rows (the store's when `positions` is empty).
    package init(
        columns: [String], positions: [UnorderedPair<RecordKey>: Int] = [:],
        alreadyRead: (pairs: [ReviewPair], assignment: [RecordKey: ChildLinkID])? = nil,
        values: @escaping @Sendable (ReviewPair) -> [String]
    ) {
        self.columns = columns
        self.positions = positions
        self.alreadyRead = alreadyRead
        self.values = values
    }

    /// `pairs` in the order ``positions`` gives, ties in the order given.
    func ordered(_ pairs: [ReviewPair]) -> [ReviewPair] {
        let ranks = pairs.map { positions[UnorderedPair($0.recordA, $0.recordB)] ?? Int.max }
        return pairs.indices.sorted { (ranks[$0], $0) < (ranks[$1], $1) }.map { pairs[$0] }
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespaces) }
}

import ChildLinkImport
package import ChildLinkModel
import ChildLinkReports
import ChildLinkStore
import Foundation

/// `childlink review`: the clerical-review list and the decisions kept for every later run.
package enum ReviewJob {
    /// What the reviewer asked for.
    package enum Action: Sendable, Equatable {
        /// List the latest run's uncertain pairs grouped by pair of children, most probable first.
        case list(undecidedOnly: Bool)
        /// Record that two records, or two children (`CL000123 CL000456`), are the same child (must-link).
        case accept(ReviewSubject, ReviewSubject, note: String)
        /// Record that two records, or two children, are different children (cannot-link).
        case reject(ReviewSubject, ReviewSubject, note: String)
        /// Write the pairs to a CSV file for review in a spreadsheet.
        case export(path: String)
        /// Read filled-in decisions back from a CSV file.
        case importDecisions(path: String)
    }

    /// The rows of a filled-in review CSV, header first, read by the one CSV reader (RFC 4180, any
    /// encoding an Excel export uses).
    ///
    /// - Throws: `ImportError` when the file cannot be read or a quoted field never closes.
    static func reviewRows(at path: String) throws -> [ReviewCSVRow] {
        var rows: [ReviewCSVRow] = []
        try CSVRows.forEach(path: path) { fields, line in rows.append(ReviewCSVRow(line: line, fields: fields)) }
        return rows
    }

    /// Carries out `action` on the store at `storePath` and returns the text to print.
    ///
    /// - Throws: ``CoreError`` (no store; a child paired with a record), ``StoreError`` (unknown
    ///   children or records, bad CSV lines, a locked store), `ImportError` (an unreadable review CSV).
    package static func run(_ action: Action, storePath: String) throws -> String {
        let store = try StoreJob.openExisting(at: storePath)
        switch action {
        case .list(let undecidedOnly):
            return try list(store, undecidedOnly: undecidedOnly)
        case .accept(let a, let b, let note):
            return try decide(store, a, b, .mustLink, note: note)
        case .reject(let a, let b, let note):
            return try decide(store, a, b, .cannotLink, note: note)
        case .export(let path):
            let count = try store.exportReviewPairs(to: path)
            return "Wrote \(count) pair(s) to \(path). Fill in the Decision column (accept or reject) and run "
                + "'childlink review import \(path)'."
        case .importDecisions(let path):
            let decisions = try store.importDecisions(rows: try reviewRows(at: path), from: path)
            let accepted = decisions.filter { $0.kind == .mustLink }.count
            return "Recorded \(decisions.count) decision(s) from \(path): \(accepted) accepted, "
                + "\(decisions.count - accepted) rejected."
        }
    }

    /// One line per pair of children: the strongest record pair's explanation, how many record
    /// pairs lie between the two children and their probability range. Ids, record keys,
    /// probabilities and levels only: no names, dates or identifiers.
    static func list(_ store: ChildLinkStore, undecidedOnly: Bool) throws -> String {
        let entries = try store.reviewChildPairs(undecidedOnly: undecidedOnly)
        guard let first = entries.first else { return "No pairs to review." }
        var lines = ["ChildA    ChildB    Pairs  Probability (range)  Decision  Strongest pair  Explanation"]
        for entry in entries {
            let decision = entry.decision.map { $0 == .mustLink ? "accepted" : "rejected" } ?? "-"
            let range = entry.probabilityRange
            let spread =
                range.lowerBound == range.upperBound ? "" : " (\(bare(range.lowerBound))-\(bare(range.upperBound)))"
            let count = String(entry.pairs.count)
            lines.append(
                "\(entry.childA)  \(entry.childB)  \(String(repeating: " ", count: max(0, 5 - count.count)))\(count)  "
                    + "\(percent(entry.strongest.probability))\(spread)  \(decision)  "
                    + "\(entry.strongest.recordA) \(entry.strongest.recordB)  \(entry.strongest.explanation)")
        }
        lines.append(
            "\(entries.count) pair(s) of children. Decide one with 'childlink review accept \(first.childA) "
                + "\(first.childB)' (or reject); give two Dataset:RecordID keys to decide one record pair.")
        return lines.joined(separator: "\n")
    }

    static func decide(
        _ store: ChildLinkStore, _ a: ReviewSubject, _ b: ReviewSubject, _ kind: PairVerdict, note: String
    ) throws -> String {
        let verb = kind == .mustLink ? "the same child (must-link)" : "different children (cannot-link)"
        switch (a, b) {
        case (.child(let first), .child(let second)):
            let decision = try store.decide(children: first, second, kind, note: note)
            return "Recorded: \(decision.childA) and \(decision.childB) are \(verb), as "
                + "\(decision.recordDecisions.count) record-pair decision(s). Every later run will respect it."
        case (.record(let first), .record(let second)):
            let decision = try store.decide(first, second, kind, note: note)
            return "Recorded: \(decision.recordA) and \(decision.recordB) are \(verb). Every later run will respect it."
        default:
            throw CoreError.invalidOptions(ReviewSubject.mixedPairProblem)
        }
    }

    /// `73.4%` without padding.
    static func bare(_ probability: Double) -> String {
        percent(probability).trimmingCharacters(in: .whitespaces)
    }

    static func percent(_ probability: Double) -> String {
        let tenths = Int((probability * 1000).rounded())
        let text = "\(tenths / 10).\(tenths % 10)%"
        return String(repeating: " ", count: max(0, 6 - text.count)) + text
    }
}

/// What a review decision is about: a child (`CL000123`, as the review list shows them) or one
/// record (`Missing:E000123`).
package enum ReviewSubject: Sendable, Hashable, CustomStringConvertible {
    /// A child, by the ChildLink id the latest run gave them.
    case child(ChildLinkID)
    /// One record, by its key.
    case record(RecordKey)

    /// Reads `CL000123` as a child (the `CL` is required, so a record id is never taken for one) and
    /// `Dataset:RecordID` as a record; `nil` for anything else.
    package init?(parsing text: String) {
        if text.uppercased().hasPrefix("CL"), let id = ChildLinkID(text) {
            self = .child(id)
        } else if let key = RecordKey(parsing: text) {
            self = .record(key)
        } else {
            return nil
        }
    }

    /// Whether this names a child rather than a record.
    package var isChild: Bool {
        if case .child = self { return true }
        return false
    }

    /// The id or key as written.
    package var description: String {
        switch self {
        case .child(let id): id.description
        case .record(let key): key.description
        }
    }

    /// Why a child and a record cannot be decided together.
    package static let mixedPairProblem =
        "Give two children (CL000012 CL000034) or two records (Missing:E0000123 CME:CME000045), not one of each."
}

import ChildLinkModel
import ChildLinkStore
import Foundation

/// `childlink review`: the clerical-review list and the decisions kept for every later run.
public enum ReviewJob {
    /// What the reviewer asked for.
    public enum Action: Sendable, Equatable {
        /// List the latest run's uncertain pairs, most probable first.
        case list(undecidedOnly: Bool)
        /// Record that two records are the same child (must-link).
        case accept(String, String, note: String)
        /// Record that two records are different children (cannot-link).
        case reject(String, String, note: String)
        /// Write the pairs to a CSV file for review in a spreadsheet.
        case export(path: String)
        /// Read filled-in decisions back from a CSV file.
        case importDecisions(path: String)
    }

    /// Carries out `action` on the store at `storePath` and returns the text to print.
    ///
    /// - Throws: ``StoreJobError``, ``StoreError`` (bad keys, bad CSV lines, a locked store).
    public static func run(_ action: Action, storePath: String) throws -> String {
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
            let decisions = try store.importDecisions(from: path)
            let accepted = decisions.filter { $0.kind == .mustLink }.count
            return "Recorded \(decisions.count) decision(s) from \(path): \(accepted) accepted, "
                + "\(decisions.count - accepted) rejected."
        }
    }

    static func list(_ store: ChildLinkStore, undecidedOnly: Bool) throws -> String {
        let pairs = try store.reviewPairs(undecidedOnly: undecidedOnly)
        guard !pairs.isEmpty else { return "No pairs to review." }
        let decisions = Dictionary(
            try store.decisions().map { ("\($0.recordA) \($0.recordB)", $0.kind) }, uniquingKeysWith: { $1 })
        var lines = ["Probability  RecordA  RecordB  Decision  Explanation"]
        for pair in pairs {
            let decision = decisions["\(pair.recordA) \(pair.recordB)"].map {
                $0 == .mustLink ? "accepted" : "rejected"
            }
            lines.append(
                "\(percent(pair.probability))  \(pair.recordA)  \(pair.recordB)  \(decision ?? "-")  \(pair.explanation)"
            )
        }
        return lines.joined(separator: "\n")
    }

    static func decide(_ store: ChildLinkStore, _ a: String, _ b: String, _ kind: ReviewDecision.Kind, note: String)
        throws -> String
    {
        guard let first = RecordKey(parsing: a) else { throw StoreError.badRecordKey(a) }
        guard let second = RecordKey(parsing: b) else { throw StoreError.badRecordKey(b) }
        let decision = try store.decide(first, second, kind, note: note)
        let verb = kind == .mustLink ? "the same child (must-link)" : "different children (cannot-link)"
        return "Recorded: \(decision.recordA) and \(decision.recordB) are \(verb). Every later run will respect it."
    }

    static func percent(_ probability: Double) -> String {
        let tenths = Int((probability * 1000).rounded())
        let text = "\(tenths / 10).\(tenths % 10)%"
        return String(repeating: " ", count: max(0, 6 - text.count)) + text
    }
}

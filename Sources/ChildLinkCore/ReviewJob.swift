import ChildLinkImport
import ChildLinkMatching
package import ChildLinkModel
import ChildLinkReports
import ChildLinkStore
import Foundation
package import Logging

/// `childlink review`: the clerical-review list and the decisions kept for every later run.
package enum ReviewJob {
    /// What the reviewer asked for.
    package enum Action: Sendable, Equatable {
        /// List the latest run's uncertain pairs grouped by pair of children, most probable first.
        case list(undecidedOnly: Bool)
        /// Record that two records, or two children (`CL000123 CL000456`), are the same child
        /// (must-link); `force` records it over hard evidence or off the review list (a note is then required).
        case accept(ReviewSubject, ReviewSubject, note: String, force: Bool = false)
        /// Record that two records, or two children, are different children (cannot-link);
        /// `force` records it for a pair that is not on the review list (a note is then required).
        case reject(ReviewSubject, ReviewSubject, note: String, force: Bool = false)
        /// List every decision with its id, who made it, when, the runs that applied it, and revocations.
        case history
        /// Withdraw a decision; the next run links as if it had never been made.
        case revoke(DecisionID, note: String)
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

    /// What a review command prints, and the error it ends with when a decision was refused.
    package struct Reply: Sendable {
        /// The text for standard output (for a decision: both sides, side by side, first).
        package let text: String
        /// Why the decision was not recorded (exit code 1), or `nil`.
        package let refusal: CoreError?
        /// The decision recorded, when one was.
        package var decisionID: DecisionID? = nil
    }

    /// Carries out `action` on the store at `storePath` and returns the text to print.
    ///
    /// - Throws: as ``respond(_:storePath:logger:)``, and ``CoreError/decisionRefused(_:)`` when a decision
    ///   was not recorded.
    package static func run(
        _ action: Action, storePath: String, logger: Logger = ChildLinkLogging.logger(verbose: false)
    ) throws -> String {
        let reply = try respond(action, storePath: storePath, logger: logger)
        if let refusal = reply.refusal { throw refusal }
        return reply.text
    }

    /// Carries out `action` on the store at `storePath`: the text to print and, for a decision that
    /// was not recorded, why.
    ///
    /// - Throws: ``CoreError`` (no store; a child paired with a record; `--force` without a note),
    ///   ``StoreError`` (unknown children, records or decisions, bad CSV lines, a locked store),
    ///   `ImportError` (an unreadable review CSV).
    package static func respond(
        _ action: Action, storePath: String, logger: Logger = ChildLinkLogging.logger(verbose: false)
    ) throws -> Reply {
        let store = try StoreJob.openExisting(at: storePath)
        switch action {
        case .accept(let a, let b, let note, let force):
            return try decide(store, a, b, .mustLink, note: note, force: force)
        case .reject(let a, let b, let note, let force):
            return try decide(store, a, b, .cannotLink, note: note, force: force)
        default:
            return Reply(text: try carryOut(action, store: store, logger: logger), refusal: nil)
        }
    }

    /// The actions other than a decision.
    private static func carryOut(_ action: Action, store: ChildLinkStore, logger: Logger) throws -> String {
        switch action {
        case .list(let undecidedOnly):
            return try list(store, undecidedOnly: undecidedOnly, logger: logger)
        case .accept, .reject:
            preconditionFailure("decisions are handled by decide")
        case .history:
            return ReviewText.history(try store.decisionHistory())
        case .revoke(let id, let note):
            return try revoke(store, id, note: note)
        case .export(let path):
            logger.progress("reading the review list")
            let count = try store.exportReviewPairs(to: path, details: try exportDetails(store))
            logger.progressFinished()
            return "Wrote \(count) pair(s) to \(path). Fill in the Decision column (accept or reject) and run "
                + "'childlink review import \(path)'."
        case .importDecisions(let path):
            let rows = try reviewRows(at: path)
            try checkImport(try ReviewCSV.decisionLines(rows, path: path), path: path, store: store)
            let decisions = try store.importDecisions(rows: rows, from: path)
            let accepted = decisions.filter { $0.kind == .mustLink }.count
            return "Recorded \(decisions.count) decision(s) from \(path): \(accepted) accepted, "
                + "\(decisions.count - accepted) rejected."
        }
    }

    /// One block per pair of children, the pairs whose decision would change the cross-referenced
    /// cohort first, then the most probable: both children (names, dates of birth, postcodes,
    /// identifiers, datasets), the evidence for and against in plain words, and what deciding it would
    /// change. Personal data shown on purpose, to the reviewer; made safe for a terminal.
    static func list(
        _ store: ChildLinkStore, undecidedOnly: Bool, logger: Logger = ChildLinkLogging.logger(verbose: false)
    ) throws -> String {
        logger.progress("reading the review list")
        defer { logger.progressFinished() }
        let order = try ReviewOrder(store: store, undecidedOnly: undecidedOnly)
        guard let first = order.entries.first?.pair else { return "No pairs to review." }
        logger.progress("explaining \(order.entries.count) pairs of children")
        let context = try ReviewCase.Context(
            store: store, scope: .reviewList, assignment: order.assignment, reviewPairs: order.reviewPairs)
        // Each block on its own (a pair explained, both children described), in chunks on every core.
        let entries = order.entries
        var lines = ParallelChunks.compactMap(entries.count, chunkSize: 256) { index in
            let entry = entries[index]
            let (a, b) = (context.membersOf[entry.pair.childA] ?? [], context.membersOf[entry.pair.childB] ?? [])
            return (listBlock(entry.pair, a, b, impact: entry.impact, context: context) + [""]).joined(separator: "\n")
        }
        lines.append(
            "\(order.entries.count) pair(s) of children. Decide one with 'childlink review accept \(first.childA) "
                + "\(first.childB)' (or reject); give two Dataset:RecordID keys to decide one record pair.")
        return lines.joined(separator: "\n")
    }

    /// The lines of one pair of children in the review list.
    static func listBlock(
        _ entry: ReviewChildPair, _ a: [SourceRecord], _ b: [SourceRecord], impact: ReviewImpact,
        context: ReviewCase.Context
    ) -> [String] {
        let decision = entry.decision.map { $0 == .mustLink ? "; accepted" : "; rejected" } ?? ""
        let range = entry.probabilityRange
        let spread = range.lowerBound == range.upperBound ? "" : ", \(bare(range.lowerBound))-\(bare(range.upperBound))"
        var lines = [
            "\(entry.childA) and \(entry.childB): \(bare(entry.strongest.probability)) likely the same child "
                + "(\(entry.pairs.count) record pair(s)\(spread)\(decision))",
            "  " + ReviewText.childLine(entry.childA, a), "  " + ReviewText.childLine(entry.childB, b),
        ]
        let strongest = entry.strongest
        if let model = context.model, let first = context.records[strongest.recordA],
            let second = context.records[strongest.recordB]
        {
            let (infavour, against) = ReviewText.plainEvidence(model.explain(first, second))
            lines.append(
                "  For: \(infavour.isEmpty ? "nothing" : infavour). Against: \(against.isEmpty ? "nothing" : against).")
        } else {
            lines.append("  Evidence (\(strongest.recordA) and \(strongest.recordB)): \(strongest.explanation)")
        }
        lines.append("  Deciding it: \(impact.sentence)")
        return lines
    }

    /// The review list's columns for `review export`: both children, the evidence in words, and what
    /// deciding the pair would change; the rows in the review list's order (the pairs of children
    /// whose decision would change the cross-referenced cohort first, then the most probable).
    static func exportDetails(_ store: ChildLinkStore) throws -> ReviewExportDetails {
        let order = try ReviewOrder(store: store, undecidedOnly: false)
        let context = try ReviewCase.Context(
            store: store, scope: .reviewList, assignment: order.assignment, reviewPairs: order.reviewPairs)
        var position: [UnorderedPair<RecordKey>: Int] = [:]
        for (index, entry) in order.entries.enumerated() {
            for pair in entry.pair.pairs { position[UnorderedPair(pair.recordA, pair.recordB)] = index }
        }
        let about = aboutEachChild(context.membersOf)
        return ReviewExportDetails(
            columns: ["ChildA", "ChildB", "AboutA", "AboutB", "EvidenceFor", "EvidenceAgainst", "DecidingIt"],
            positions: position, alreadyRead: (order.reviewPairs, order.assignment)
        ) { pair in
            let childA = context.assignment[pair.recordA]
            let childB = context.assignment[pair.recordB]
            let membersA = childA.flatMap { context.membersOf[$0] } ?? []
            let membersB = childB.flatMap { context.membersOf[$0] } ?? []
            var evidence = ("", "")
            if let model = context.model, let a = context.records[pair.recordA], let b = context.records[pair.recordB] {
                evidence = ReviewText.plainEvidence(model.explain(a, b))
            }
            return [
                childA?.description ?? "", childB?.description ?? "", childA.flatMap { about[$0] } ?? "",
                childB.flatMap { about[$0] } ?? "",
                evidence.0, evidence.1, ReviewImpact(membersA.map(\.dataset), membersB.map(\.dataset)).sentence,
            ]
        }
    }

    /// Each child's line for the export (``ReviewText/childLine(_:_:)``), worked out once per child on
    /// every core: a child with many record pairs on the list is described once, not once a pair.
    static func aboutEachChild(_ membersOf: [ChildLinkID: [SourceRecord]]) -> [ChildLinkID: String] {
        let children = Array(membersOf)
        let lines = ParallelChunks.compactMap(children.count) { index in
            (children[index].key, ReviewText.childLine(children[index].key, children[index].value))
        }
        return Dictionary(uniqueKeysWithValues: lines)
    }

    /// Shows both sides, checks the decision against the hard evidence and the review list, and
    /// records it when nothing stands in the way or the reviewer forced it with a note.
    static func decide(
        _ store: ChildLinkStore, _ a: ReviewSubject, _ b: ReviewSubject, _ kind: PairVerdict, note: String,
        force: Bool
    ) throws -> Reply {
        guard a.isChild == b.isChild else { throw CoreError.invalidOptions(ReviewSubject.mixedPairProblem) }
        if force && note.trimmingCharacters(in: .whitespaces).isEmpty { throw CoreError.invalidOptions(forceNeedsNote) }
        let reviewCase = try ReviewCase.load(a, b, store: store)
        let shown = ReviewText.sideBySide(reviewCase)
        let conflicts = kind == .mustLink ? reviewCase.acceptConflicts : []
        let childIDs = [reviewCase.a.childID, reviewCase.b.childID].compactMap { $0 }
        try store.logAudit(
            command: "review \(kind == .mustLink ? "accept" : "reject")", query: "\(a) \(b)", childIDs: childIDs)
        if !force, let reasons = refusal(a, b, conflicts: conflicts, listed: reviewCase.isListed) {
            let refusal = CoreError.decisionRefused(
                "Not recorded: \(reasons). Compare the two above; if you are sure, run the same command again "
                    + "with --force --note \"why\" (the note is kept with the decision).")
            return Reply(text: shown, refusal: refusal)
        }
        let overridden = conflicts.joined(separator: "; ")
        let (id, recorded) = try record(store, a, b, kind, note: note, overridden: overridden)
        let flagged =
            overridden.isEmpty
            ? ""
            : "\nRecorded with --force over \(overridden). 'childlink store check' reports any child it gives two "
                + "valid UPNs or NHS numbers."
        return Reply(
            text: shown + "\n" + recorded + " Every later run will respect it; to undo it, run "
                + "'childlink review revoke \(id) --note \"why\"'." + flagged,
            refusal: nil, decisionID: id)
    }

    /// Stores the decision; returns its id and a sentence saying what was recorded.
    private static func record(
        _ store: ChildLinkStore, _ a: ReviewSubject, _ b: ReviewSubject, _ kind: PairVerdict, note: String,
        overridden: String
    ) throws -> (DecisionID, String) {
        switch (a, b) {
        case (.child(let first), .child(let second)):
            let decision = try store.decide(children: first, second, kind, note: note, overridden: overridden)
            return (
                decision.decisionID,
                "Recorded \(decision.decisionID): \(decision.childA) and \(decision.childB) are \(verb(kind)), "
                    + "as \(decision.recordDecisions.count) record-pair decision(s)."
            )
        default:
            let pair = RecordPairKey(try a.recordKey, try b.recordKey)
            let entry = try store.record(
                NewReviewDecision(
                    kind: kind, subjectA: pair.a.description, subjectB: pair.b.description, pairs: [pair], note: note,
                    overridden: overridden))
            return (entry.id, "Recorded \(entry.id): \(pair.a) and \(pair.b) are \(verb(kind)).")
        }
    }

    /// Why a decision needs `--force` (record and child ids only), or `nil` when it does not.
    static func refusal(_ a: ReviewSubject, _ b: ReviewSubject, conflicts: [String], listed: Bool) -> String? {
        var reasons: [String] = []
        if !conflicts.isEmpty {
            reasons.append("accepting \(a) and \(b) would put into one child " + conflicts.joined(separator: ", and "))
        }
        if !listed {
            reasons.append(
                a.isChild
                    ? "\(a) and \(b) are not a pair on the review list"
                    : "\(a) and \(b) are not a pair on the review list (the matcher never compared them)")
        }
        return reasons.isEmpty ? nil : reasons.joined(separator: "; and ")
    }

    /// Holds every filled-in row of a review file to the rules an accept on the command line meets,
    /// before anything is recorded: the records exist, and an accept is on the review list and
    /// contradicts no hard evidence. A file has no `--force`: such a pair is decided on the command
    /// line. A reject only keeps records apart, so it needs no more than its records to exist.
    ///
    /// - Throws: ``StoreError/badCSV(path:line:field:message:)`` naming the first bad row's line.
    static func checkImport(_ lines: [ReviewCSV.DecisionLine], path: String, store: ChildLinkStore) throws {
        guard !lines.isEmpty else { return }
        let named = lines.flatMap { [ReviewSubject.record($0.a), .record($0.b)] }
        let context = try ReviewCase.Context(store: store, scope: .subjects(named))
        for line in lines {
            for (key, field) in [(line.a, "RecordA"), (line.b, "RecordB")] where context.records[key] == nil {
                throw StoreError.badCSV(
                    path: path, line: line.line, field: field, message: "\(key) is not a record in the store")
            }
            guard line.kind == .mustLink else { continue }
            let reviewCase = try ReviewCase.load(.record(line.a), .record(line.b), context: context)
            let conflicts = reviewCase.acceptConflicts
            guard
                let refusal = refusal(
                    .record(line.a), .record(line.b), conflicts: conflicts, listed: reviewCase.isListed)
            else { continue }
            throw StoreError.badCSV(
                path: path, line: line.line, field: "Decision",
                message: refusal + "; nothing in the file was recorded. Decide this pair on the command line with "
                    + "'childlink review accept \(line.a) \(line.b) "
                    + "--force --note \"why\"' if you are sure, and clear its Decision cell")
        }
    }

    /// `the same child (must-link)` or `different children (cannot-link)`.
    static func verb(_ kind: PairVerdict) -> String {
        kind == .mustLink ? "the same child (must-link)" : "different children (cannot-link)"
    }

    /// Why `--force` needs a note.
    package static let forceNeedsNote =
        "--force records a decision against the evidence or off the review list: say why with --note \"why\"."

    /// Withdraws decision `id` (audited) and says what the next run will do.
    static func revoke(_ store: ChildLinkStore, _ id: DecisionID, note: String) throws -> String {
        guard !note.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw CoreError.invalidOptions("Say why the decision is withdrawn with --note \"why\" (it is kept).")
        }
        let assignment = try store.latestAssignment()
        let before = try store.decisionHistory().first { $0.id == id }
        let childIDs = Set(before?.pairs.flatMap { [assignment[$0.a], assignment[$0.b]] }.compactMap { $0 } ?? [])
        let entry = try store.revoke(id, note: note, childIDs: Array(childIDs))
        let verb = entry.kind == .mustLink ? "accept" : "reject"
        return "Revoked \(entry.id) (\(verb) \(entry.subjectA) \(entry.subjectB)). It stays in 'childlink review "
            + "history'; the next run links as if it had never been made."
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

    /// The record key, for a record.
    ///
    /// - Throws: ``CoreError/invalidOptions(_:)`` for a child.
    var recordKey: RecordKey {
        get throws {
            guard case .record(let key) = self else { throw CoreError.invalidOptions(Self.mixedPairProblem) }
            return key
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

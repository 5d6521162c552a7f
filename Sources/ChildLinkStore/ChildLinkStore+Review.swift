import ChildLinkFiles
package import ChildLinkModel
import Foundation
import GRDB

extension ChildLinkStore {
    /// The uncertain pairs of the latest linkage, most probable first (ties by keys): the latest run
    /// that linked saved them (``StoreRun/saveReviewPairs(_:)``), and a run reusing its linkage keeps them.
    ///
    /// - Parameter undecidedOnly: Leave out pairs that already have a decision.
    /// - Throws: ``StoreError``.
    package func reviewPairs(undecidedOnly: Bool = false) throws -> [ReviewPair] {
        try read { db in
            let latestRun = try ReviewPairRow.select(max(ReviewPairRow.Columns.runID), as: Int64.self).fetchOne(db)
            guard let runID = latestRun else { return [] }
            let decided = Set(try StoreQueries.decisions(db).map { PairKey($0.recordA, $0.recordB) })
            return try ReviewPairRow.filter(ReviewPairRow.Columns.runID == runID).fetchAll(db)
                .map(\.model)
                .filter { !undecidedOnly || !decided.contains(PairKey($0.recordA, $0.recordB)) }
                .sorted { ($1.probability, $0.recordA, $0.recordB) < ($0.probability, $1.recordA, $1.recordB) }
        }
    }

    /// The decisions every run must respect: the latest for each pair, sorted by pair.
    ///
    /// - Throws: ``StoreError``.
    package func decisions() throws -> [ReviewDecision] {
        try read { try StoreQueries.decisions($0) }
    }

    /// Records a reviewer's decision (`accept A B` is must-link, `reject A B` cannot-link). A later
    /// decision on the same pair replaces an earlier one; both stay in the history.
    ///
    /// - Throws: ``StoreError``.
    @discardableResult
    package func decide(_ first: RecordKey, _ second: RecordKey, _ kind: PairVerdict, note: String = "") throws
        -> ReviewDecision
    {
        let at = clock()
        let id = try write { db in
            try Self.insert(
                NewReviewDecision(
                    kind: kind, subjectA: first.description, subjectB: second.description,
                    pairs: [RecordPairKey(first, second)], note: note),
                at: at, by: user, db)
        }
        return ReviewDecision(first, second, kind: kind, decidedBy: user, decidedAt: at, note: note, decisionID: id)
    }

    /// Writes the latest run's review pairs to `path` as CSV (a `PrivateOutputFile`: mode 0600,
    /// written to a temporary file, synced, then renamed), with each pair's current decision; the
    /// export is audited.
    ///
    /// Columns: `RecordA,RecordB,Probability,Decision,Note,Explanation`, with the caller's `details`
    /// columns before `Explanation`. `Decision` is empty,
    /// `accept` or `reject`; fill it in and read it back (through `childlink review import`) with
    /// ``importDecisions(rows:from:)``.
    ///
    /// - Returns: The number of pairs written.
    /// - Throws: ``StoreError``, or `FileWriteError` when the file cannot be written.
    @discardableResult
    package func exportReviewPairs(
        to path: String, command: String = "review export", details: ReviewExportDetails? = nil
    ) throws -> Int {
        let stored = try details?.alreadyRead?.pairs ?? reviewPairs()
        let pairs = details?.ordered(stored) ?? stored
        let decisions = Dictionary(
            try decisions().map { (PairKey($0.recordA, $0.recordB), $0) }, uniquingKeysWith: { $1 })
        let text = ReviewCSV.render(pairs: pairs, decisions: decisions, details: details)
        try PrivateOutputFile.write(text, to: path)
        let children = try details?.alreadyRead?.assignment ?? latestAssignment()
        let ids = Set(pairs.flatMap { [children[$0.recordA], children[$0.recordB]] }.compactMap { $0 })
        try logAudit(command: command, query: "export review pairs to \(path)", childIDs: Array(ids))
        return pairs.count
    }

    /// Records every row of a review CSV (see ``exportReviewPairs(to:command:)``) whose `Decision` is
    /// filled in, in one transaction. The caller reads the file; `rows` start with its header.
    ///
    /// - Parameters:
    ///   - rows: The file's rows, header first, each with the line it starts on.
    ///   - path: The file the rows came from, for error messages.
    /// - Returns: The decisions recorded, in file order.
    /// - Throws: ``StoreError/badCSV(path:line:field:message:)`` naming the line and field of the
    ///   first bad row (nothing is recorded then), or ``StoreError``.
    @discardableResult
    package func importDecisions(rows: [ReviewCSVRow], from path: String) throws -> [ReviewDecision] {
        let lines = try ReviewCSV.decisionLines(rows, path: path)
        let at = clock()
        return try write { db in
            try lines.map { line in
                for (key, field) in [(line.a, "RecordA"), (line.b, "RecordB")] where try !Self.exists(key, db) {
                    throw StoreError.badCSV(
                        path: path, line: line.line, field: field, message: "\(key) is not a record in the store")
                }
                let new = NewReviewDecision(
                    kind: line.kind, subjectA: line.a.description, subjectB: line.b.description,
                    pairs: [RecordPairKey(line.a, line.b)], note: line.note)
                let id = try Self.insert(new, at: at, by: user, db)
                return ReviewDecision(
                    line.a, line.b, kind: line.kind, decidedBy: user, decidedAt: at, note: line.note, decisionID: id)
            }
        }
    }

    static func exists(_ key: RecordKey, _ db: Database) throws -> Bool {
        try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM sourceRecord WHERE dataset = ? AND recordID = ?)",
            arguments: [key.dataset.rawValue, key.recordID]) ?? false
    }
}

/// A pair of records regardless of order.
typealias PairKey = UnorderedPair<RecordKey>

package import ChildLinkModel
package import Foundation
import GRDB

extension ChildLinkStore {
    /// Stores one reviewer decision (with its short id) and the record-pair decisions that carry it
    /// out, in one transaction; every later run respects it until it is revoked.
    ///
    /// - Returns: The decision as `review history` shows it.
    /// - Throws: ``StoreError/unknownRecord(_:)`` when a pair names a record the store has never
    ///   seen (nothing is stored then), or ``StoreError``.
    @discardableResult
    package func record(_ decision: NewReviewDecision) throws -> DecisionHistoryEntry {
        let id = try write { db in try Self.insert(decision, at: clock(), by: user, db) }
        return try decisionHistory().first { $0.id == id }!
    }

    /// Inserts `decision` inside a write transaction; its record pairs carry `pairNote` when given
    /// (e.g. `child pair CL000002 CL000003: twins`), the decision's note otherwise.
    static func insert(
        _ decision: NewReviewDecision, pairNote: String? = nil, at: Date, by user: String, _ db: Database
    ) throws -> DecisionID {
        for pair in decision.pairs {
            for key in [pair.a, pair.b] where try !exists(key, db) { throw StoreError.unknownRecord(key.description) }
        }
        var row = ReviewDecisionRow(
            id: nil, kind: decision.kind, subjectA: decision.subjectA, subjectB: decision.subjectB, decidedBy: user,
            decidedAt: at, note: decision.note, overridden: decision.overridden)
        try row.insert(db)
        let id = DecisionID(Int(row.id!))
        for pair in decision.pairs {
            try DecisionRow(
                ReviewDecision(
                    pair.a, pair.b, kind: decision.kind, decidedBy: user, decidedAt: at,
                    note: pairNote ?? decision.note, decisionID: id)
            ).insert(db)
        }
        return id
    }

    /// Every reviewer decision, oldest first, with its record pairs, the runs that applied it and
    /// its revocation, if any.
    ///
    /// - Throws: ``StoreError``.
    package func decisionHistory() throws -> [DecisionHistoryEntry] {
        try read { db in
            var pairs: [Int64: [RecordPairKey]] = [:]
            for row in try DecisionRow.fetchAll(db, sql: "SELECT * FROM decision WHERE reviewDecisionID IS NOT NULL") {
                let model = row.model
                pairs[row.reviewDecisionID!, default: []].append(RecordPairKey(model.recordA, model.recordB))
            }
            var runs: [Int64: [Int]] = [:]
            for row in try DecisionApplicationRow.order(Column("runID")).fetchAll(db) {
                runs[row.decisionID, default: []].append(Int(row.runID))
            }
            let revocations = Dictionary(
                try DecisionRevocationRow.fetchAll(db).map { ($0.decisionID, $0) },
                uniquingKeysWith: { first, _ in first })
            return try ReviewDecisionRow.order(Column("id")).fetchAll(db).map { row in
                let id = row.id!
                return DecisionHistoryEntry(
                    id: DecisionID(Int(id)), kind: row.kind, subjectA: row.subjectA, subjectB: row.subjectB,
                    decidedBy: row.decidedBy, decidedAt: row.decidedAt, note: row.note, overridden: row.overridden,
                    pairs: (pairs[id] ?? []).sorted { ($0.a, $0.b) < ($1.a, $1.b) }, appliedInRuns: runs[id] ?? [],
                    revocation: revocations[id].map {
                        DecisionHistoryEntry.Revocation(revokedBy: $0.revokedBy, revokedAt: $0.revokedAt, note: $0.note)
                    })
            }
        }
    }

    /// Withdraws a reviewer decision: its record pairs stop counting (an earlier decision on the
    /// same pair counts again), so the next run links as if it had never been made. Nothing is
    /// deleted: the decision stays in the history, marked revoked, and the revocation is audited.
    ///
    /// - Parameters:
    ///   - id: The decision, as `review history` lists it.
    ///   - note: Why (required by the command line; kept with the revocation).
    ///   - childIDs: The children the decision concerns, for the audit log.
    /// - Returns: The decision as it now stands.
    /// - Throws: ``StoreError/unknownDecision(_:)``, ``StoreError/alreadyRevoked(_:)``, or ``StoreError``.
    @discardableResult
    package func revoke(_ id: DecisionID, note: String, childIDs: [ChildLinkID] = []) throws -> DecisionHistoryEntry {
        let at = clock()
        try write { db in
            guard try ReviewDecisionRow.fetchOne(db, key: Int64(id.number)) != nil else {
                throw StoreError.unknownDecision(id.description)
            }
            guard try DecisionRevocationRow.fetchOne(db, key: Int64(id.number)) == nil else {
                throw StoreError.alreadyRevoked(id.description)
            }
            try DecisionRevocationRow(decisionID: Int64(id.number), revokedBy: user, revokedAt: at, note: note)
                .insert(db)
        }
        try logAudit(command: "review revoke", query: "revoke \(id)", childIDs: childIDs)
        return try decisionHistory().first { $0.id == id }!
    }

    /// When a decision was last made or revoked, if ever: a run that started after it can reuse
    /// the previous linkage.
    ///
    /// - Throws: ``StoreError``.
    package func latestDecisionChange() throws -> Date? {
        try read { db in
            let made = try Date.fetchOne(db, sql: "SELECT MAX(decidedAt) FROM decision")
            let revoked = try Date.fetchOne(db, sql: "SELECT MAX(revokedAt) FROM decisionRevocation")
            return [made, revoked].compactMap { $0 }.max()
        }
    }
}

extension StoreRun {
    /// Records that this run applied `decisions` (as ``decisions()`` gave them), for `review history`.
    ///
    /// - Throws: ``StoreError`` on a database error.
    package func recordApplied(_ decisions: [ReviewDecision]) throws {
        for id in Set(decisions.compactMap(\.decisionID)) {
            try DecisionApplicationRow(decisionID: Int64(id.number), runID: Int64(runID)).insert(
                db, onConflict: .ignore)
        }
    }

    /// The children of this run whose conflicting identifiers a live reviewer decision joined, one
    /// sentence each naming the decision and how to revoke it (as `store check` reports them);
    /// values in `placeholders` (read as no identifier by the run) are none.
    ///
    /// - Throws: ``StoreError`` on a database error.
    package func reviewerMadeConflicts(placeholders: Set<String> = []) throws -> [String] {
        try ChildLinkStore.identifierProblems(db, runID: runID, onlyReviewerMade: true, placeholders: placeholders)
            .reviewerMade
    }
}

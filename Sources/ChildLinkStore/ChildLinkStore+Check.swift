import ChildLinkModel
import Foundation
import GRDB

extension ChildLinkStore {
    /// Runs SQLite's `PRAGMA integrity_check` and checks the tool's invariants: every present record
    /// is assigned to exactly one child in the latest run (and nothing else is); no child has two
    /// different valid permanent UPNs or NHS numbers; merged children carry no records; the audit log's
    /// append-only triggers are in place and every entry follows its hash chain (``AuditChain``). A
    /// child whose two identifiers a live reviewer decision joined is reported apart, as a
    /// reviewer-made conflict naming the decision (a warning: the reviewer may have overridden it on
    /// purpose, and revoking it, not a restore, undoes it). `placeholders` are the values the latest
    /// run read as no identifier (a dummy number many children hold): never a conflict.
    ///
    /// - Throws: ``StoreError`` when the database cannot be read at all.
    package func check(placeholders: Set<String> = []) throws -> StoreCheckReport {
        try read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            var violations: [String] = []
            var reviewerMade: [String] = []
            if let runID = try StoreQueries.latestAssignedRun(db) {
                violations += try assignmentViolations(db, runID: runID)
                let identifiers = try Self.identifierProblems(db, runID: runID, placeholders: placeholders)
                violations += identifiers.matcherMade
                reviewerMade += identifiers.reviewerMade
                violations += try mergedChildViolations(db, runID: runID)
            }
            let triggers =
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit'") ?? 0
            if triggers < 2 { violations.append("the audit log's append-only triggers are missing") }
            violations += try AuditChain.violations(db)
            return StoreCheckReport(integrity: integrity, violations: violations, reviewerConflicts: reviewerMade)
        }
    }

    private func assignmentViolations(_ db: Database, runID: Int) throws -> [String] {
        let unassigned = try keys(
            db,
            sql: """
                SELECT dataset, recordID FROM sourceRecord r WHERE isPresent = 1 AND NOT EXISTS
                (SELECT 1 FROM assignment a WHERE a.runID = ? AND a.dataset = r.dataset AND a.recordID = r.recordID)
                """, runID)
        let stray = try keys(
            db,
            sql: """
                SELECT dataset, recordID FROM assignment a WHERE runID = ? AND NOT EXISTS
                (SELECT 1 FROM sourceRecord r WHERE r.isPresent = 1 AND a.dataset = r.dataset AND a.recordID = r.recordID)
                """, runID)
        return unassigned.map { "record \($0) is present but not assigned to a child in run \(runID)" }
            + stray.map { "record \($0) is assigned to a child in run \(runID) but is not a present record" }
    }

    /// Children of run `runID` with two different valid permanent UPNs or NHS numbers, one sentence
    /// each: those a live reviewer decision joined (naming it and how to revoke it) apart from the rest.
    ///
    /// With `onlyReviewerMade`, only the children a live must-link decision lies inside are looked
    /// at (a few index lookups, cheap enough for every run). Values in `placeholders` are not counted.
    static func identifierProblems(
        _ db: Database, runID: Int, onlyReviewerMade: Bool = false, placeholders: Set<String> = []
    ) throws -> (
        matcherMade: [String], reviewerMade: [String]
    ) {
        let joins = try reviewerJoins(db, runID: runID)
        if onlyReviewerMade && joins.isEmpty { return ([], []) }
        let among = onlyReviewerMade ? joins.keys.map(\.number) : nil
        // Permanent UPNs only: a child legitimately carries a temporary UPN (ending in a
        // letter) and later the permanent one, as the matcher's identifier guard also allows.
        let conflicts =
            try identifierConflicts(
                db, runID: runID, column: "upn",
                valid: "r.upnIsValid = 1 AND substr(r.upn, 13, 1) BETWEEN '0' AND '9'", label: "UPNs", among: among,
                placeholders: placeholders)
            + identifierConflicts(
                db, runID: runID, column: "nhsNumber", valid: "r.nhsNumberIsValid = 1", label: "NHS numbers",
                among: among, placeholders: placeholders)
        var matcherMade: [String] = []
        var reviewerMade: [String] = []
        for conflict in conflicts {
            if let decisions = joins[conflict.child] {
                reviewerMade.append(conflict.reviewerMade(by: decisions))
            } else {
                matcherMade.append(conflict.sentence)
            }
        }
        return (matcherMade, reviewerMade)
    }

    /// A child holding two or more different valid identifiers of one kind.
    struct IdentifierConflict {
        let child: ChildLinkID
        let count: Int
        let label: String
        let runID: Int

        var sentence: String { "child \(child) has \(count) different valid \(label) in run \(runID)" }

        /// The sentence for a conflict that live reviewer decisions made, naming them and how to revoke them.
        func reviewerMade(by decisions: [ReviewDecisionRow]) -> String {
            let named = decisions.map { row in
                let verb = row.kind == .mustLink ? "accept" : "reject"
                let forced = row.overridden.isEmpty ? "" : ", recorded with --force"
                return "D\(row.id!) (\(verb) \(row.subjectA) \(row.subjectB) by \(row.decidedBy)\(forced))"
            }
            let first = decisions[0].id!
            return sentence + ": made by reviewer decision " + named.joined(separator: " and ")
                + "; if it was a mistake, run 'childlink review revoke D\(first) --note \"why\"' and the next run "
                + "splits the child again"
        }
    }

    /// For each child of the run, the live reviewer decisions with a must-link inside it.
    private static func reviewerJoins(_ db: Database, runID: Int) throws -> [ChildLinkID: [ReviewDecisionRow]] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT DISTINCT a.childID, d.reviewDecisionID FROM decision d
                JOIN assignment a ON a.runID = ? AND a.dataset = d.datasetA AND a.recordID = d.recordIDA
                JOIN assignment b ON b.runID = ? AND b.dataset = d.datasetB AND b.recordID = d.recordIDB
                WHERE d.kind = 'must-link' AND a.childID = b.childID AND d.reviewDecisionID IS NOT NULL
                    AND d.reviewDecisionID NOT IN (SELECT decisionID FROM decisionRevocation)
                ORDER BY a.childID, d.reviewDecisionID
                """, arguments: [runID, runID])
        var joins: [ChildLinkID: [ReviewDecisionRow]] = [:]
        for row in rows {
            guard let decision = try ReviewDecisionRow.fetchOne(db, key: row["reviewDecisionID"] as Int64) else {
                continue
            }
            joins[ChildLinkID(row["childID"] as Int), default: []].append(decision)
        }
        return joins
    }

    /// Children with more than one valid value of `column` (only those numbered `among`, when given).
    private static func identifierConflicts(
        _ db: Database, runID: Int, column: String, valid: String, label: String, among: [Int]? = nil,
        placeholders: Set<String>
    ) throws -> [IdentifierConflict] {
        let only = among.map { " AND a.childID IN (\($0.map(String.init).joined(separator: ",")))" } ?? ""
        let ignored = placeholders.sorted()
        let notPlaceholder =
            ignored.isEmpty
            ? "" : " AND r.\(column) NOT IN (\(Array(repeating: "?", count: ignored.count).joined(separator: ",")))"
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT a.childID, COUNT(DISTINCT r.\(column)) AS n FROM assignment a
                JOIN sourceRecord r ON r.dataset = a.dataset AND r.recordID = a.recordID
                WHERE a.runID = ? AND \(valid)\(only)\(notPlaceholder)
                GROUP BY a.childID HAVING n > 1 ORDER BY a.childID
                """, arguments: StatementArguments([runID] + ignored.map { $0 as any DatabaseValueConvertible }))
        return rows.map { row in
            IdentifierConflict(child: ChildLinkID(row["childID"] as Int), count: row["n"], label: label, runID: runID)
        }
    }

    private func mergedChildViolations(_ db: Database, runID: Int) throws -> [String] {
        let ids = try Int.fetchAll(
            db,
            sql: """
                SELECT DISTINCT a.childID FROM assignment a JOIN child c ON c.id = a.childID
                WHERE a.runID = ? AND c.status = ? ORDER BY a.childID
                """, arguments: [runID, ChildStatus.merged])
        return ids.map { "child \(ChildLinkID($0)) was merged into another but still has records in run \(runID)" }
    }

    private func keys(_ db: Database, sql: String, _ runID: Int) throws -> [String] {
        try Row.fetchAll(db, sql: sql + " ORDER BY 1, 2", arguments: [runID]).map {
            "\($0["dataset"] as String):\($0["recordID"] as String)"
        }
    }
}

extension ChildLinkStore {
    /// The names of the schema migrations applied, in order.
    ///
    /// - Throws: ``StoreError``.
    package func appliedMigrations() throws -> [String] {
        try read { db in try StoreSchema.migrator.appliedMigrations(db) }
    }

    /// Runs raw SQL in a write transaction. Internal: tests use it to simulate tampering and damage.
    func executeUnchecked(_ sql: String) throws {
        try write { db in try db.execute(sql: sql) }
    }
}

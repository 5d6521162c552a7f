import ChildLinkModel
import Foundation
import GRDB

extension ChildLinkStore {
    /// Runs SQLite's `PRAGMA integrity_check` and checks the tool's invariants: every present record
    /// is assigned to exactly one child in the latest run (and nothing else is); no child has two
    /// different valid permanent UPNs or NHS numbers; merged children carry no records; the audit log's
    /// append-only triggers are in place and every entry follows its hash chain (``AuditChain``).
    ///
    /// - Throws: ``StoreError`` when the database cannot be read at all.
    package func check() throws -> StoreCheckReport {
        try read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            var violations: [String] = []
            if let runID = try StoreQueries.latestAssignedRun(db) {
                violations += try assignmentViolations(db, runID: runID)
                // Permanent UPNs only: a child legitimately carries a temporary UPN (ending in a
                // letter) and later the permanent one, as the matcher's identifier guard also allows.
                violations += try identifierViolations(
                    db, runID: runID, column: "upn",
                    valid: "r.upnIsValid = 1 AND substr(r.upn, 13, 1) BETWEEN '0' AND '9'", label: "UPNs")
                violations += try identifierViolations(
                    db, runID: runID, column: "nhsNumber", valid: "r.nhsNumberIsValid = 1", label: "NHS numbers")
                violations += try mergedChildViolations(db, runID: runID)
            }
            let triggers =
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit'") ?? 0
            if triggers < 2 { violations.append("the audit log's append-only triggers are missing") }
            violations += try AuditChain.violations(db)
            return StoreCheckReport(integrity: integrity, violations: violations)
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

    private func identifierViolations(_ db: Database, runID: Int, column: String, valid: String, label: String) throws
        -> [String]
    {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT a.childID, COUNT(DISTINCT r.\(column)) AS n FROM assignment a
                JOIN sourceRecord r ON r.dataset = a.dataset AND r.recordID = a.recordID
                WHERE a.runID = ? AND \(valid)
                GROUP BY a.childID HAVING n > 1 ORDER BY a.childID
                """, arguments: [runID])
        return rows.map { row in
            let id = ChildLinkID(row["childID"] as Int)
            return "child \(id) has \(row["n"] as Int) different valid \(label) in run \(runID)"
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

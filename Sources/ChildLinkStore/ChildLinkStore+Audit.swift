package import ChildLinkModel
package import Foundation
import GRDB

extension ChildLinkStore {
    /// Logs a lookup or an export of personal data: who, when, which command, the query as given,
    /// and the ChildLink ids it returned. The log is append-only: SQLite refuses to update or delete it,
    /// and each entry is chained to the one before (``AuditChain``) so `store check` finds an edit.
    ///
    /// - Throws: ``StoreError``.
    package func logAudit(command: String, query: String, childIDs: [ChildLinkID]) throws {
        let ids = Set(childIDs).sorted().map(\.description).joined(separator: " ")
        let row = AuditRow(at: clock(), user: user, command: command, query: query, childIDs: ids)
        try write { db in
            try row.insert(db)
            try AuditChain.append(db, auditID: Int(db.lastInsertedRowID))
        }
    }

    /// The audit log from `since` (inclusive) onwards, oldest first.
    ///
    /// - Throws: ``StoreError``.
    package func auditLog(since: Date? = nil) throws -> [AuditEntry] {
        try read { db in
            let rows = try AuditRow.fetchAll(
                db, sql: "SELECT * FROM audit WHERE at >= ? ORDER BY id",
                arguments: [since ?? Date(timeIntervalSince1970: 0)])
            return rows.map { row in
                AuditEntry(
                    at: row.at, user: row.user, command: row.command, query: row.query,
                    childIDs: row.childIDs.split(separator: " ").compactMap { ChildLinkID($0) })
            }
        }
    }
}

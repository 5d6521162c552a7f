import GRDB

/// A hash chain over the audit log, so that an entry edited or deleted behind ChildLink's back
/// (with the append-only triggers dropped, or the file edited) is found by `store check`.
///
/// Each audit entry has a row in `auditChain` holding SHA-256 of the previous entry's hash and the
/// entry's own columns; the table is append-only like the log. An edited entry no longer matches
/// its hash; a deleted one leaves its hash without an entry, or (with its hash deleted too) breaks
/// the next entry's link. Deleting the newest entries together with their hashes is the one change
/// the chain cannot show; the backups' run counts and audit counts (`store check`) still can.
enum AuditChain {
    /// Creates the chain table with its append-only triggers and chains the entries already there
    /// (part of migration `v5-store-identity`).
    static func migrate(_ db: Database) throws {
        try db.create(table: "auditChain") { t in
            t.primaryKey("auditID", .integer)
            t.column("hash", .text).notNull()
        }
        try db.execute(
            sql: """
                CREATE TRIGGER auditChain_no_update BEFORE UPDATE ON auditChain
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                CREATE TRIGGER auditChain_no_delete BEFORE DELETE ON auditChain
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                """)
        for id in try Int.fetchAll(db, sql: "SELECT id FROM audit ORDER BY id") { try append(db, auditID: id) }
    }

    /// The entry's columns as one text, in a fixed order, unit-separated.
    private static let canonicalSQL = """
        SELECT id || char(31) || at || char(31) || user || char(31) || command || char(31) || query
            || char(31) || childIDs FROM audit WHERE id = ?
        """

    /// Chains the audit entry `auditID` (just inserted) onto the newest hash.
    static func append(_ db: Database, auditID: Int) throws {
        let previous = try String.fetchOne(db, sql: "SELECT hash FROM auditChain ORDER BY auditID DESC LIMIT 1") ?? ""
        let entry = try String.fetchOne(db, sql: canonicalSQL, arguments: [auditID]) ?? ""
        try db.execute(
            sql: "INSERT INTO auditChain (auditID, hash) VALUES (?, ?)",
            arguments: [auditID, link(previous: previous, entry: entry)])
    }

    private static func link(previous: String, entry: String) -> String {
        SHA256Fingerprint.hex(of: previous + "\n" + entry)
    }

    /// Entries whose hash does not follow the chain, hashes without an entry, entries without a
    /// hash; one sentence each, by entry number. Empty when the chain table is absent (a store
    /// not yet migrated).
    static func violations(_ db: Database) throws -> [String] {
        guard try db.tableExists("auditChain") else { return [] }
        let entries = try Int.fetchAll(db, sql: "SELECT id FROM audit ORDER BY id")
        let hashes = Dictionary(
            try Row.fetchAll(db, sql: "SELECT auditID, hash FROM auditChain").map {
                ($0["auditID"] as Int, $0["hash"] as String)
            }, uniquingKeysWith: { first, _ in first })
        var violations: [String] = []
        var previous = ""
        for id in entries {
            guard let stored = hashes[id] else {
                violations.append("audit entry #\(id) has no hash in the chain: it was added outside ChildLink")
                continue
            }
            let entry = try String.fetchOne(db, sql: canonicalSQL, arguments: [id]) ?? ""
            if link(previous: previous, entry: entry) != stored {
                violations.append(
                    "audit entry #\(id) does not match the audit chain: it, or the entry before it, was edited or deleted"
                )
            }
            previous = stored
        }
        let present = Set(entries)
        for id in hashes.keys.sorted() where !present.contains(id) {
            violations.append("audit entry #\(id) was deleted (its hash is still in the chain)")
        }
        return violations
    }
}

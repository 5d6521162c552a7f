import ChildLinkFiles
import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension ChildLinkStore {
    /// Puts the store at `path` back as it was before its last run, from `<path>.bak`, even when the
    /// store itself is damaged: a store that opens is restored through SQLite under its write lock;
    /// one that SQLite reports as damaged is replaced whole by a checked copy of the backup.
    ///
    /// The audit log and review decisions are append-only, so what was added to them since the
    /// backup is carried forward: the restored state is built in a staging copy of the backup, the
    /// store's later audit entries (re-chained) and decision rows (every column the two share, so
    /// tables added by later migrations come along) are added to it, and only then does it replace
    /// the store. A store too damaged to read keeps nothing, and the outcome says so.
    ///
    /// - Throws: ``StoreError/noBackup(path:)``; ``StoreError/database(path:message:)`` when the
    ///   backup is damaged too, or the later entries cannot be carried forward (the store is then
    ///   left as it was); other ``StoreError``s.
    /// - Returns: What was restored and what was kept.
    /// The restore holds the store's run lock (as ``RunLockHolder/restore``): it is refused at once,
    /// changing nothing, while a run holds it, and a run started meanwhile waits for it to finish.
    /// It also holds the ``RestoreGate`` alone: a review decision or audit entry being written is
    /// finished first (and carried forward), one started meanwhile waits and lands on the restored
    /// store.
    ///
    /// - Throws: ``StoreError/restoreDuringRun(path:sourceFile:sourceLine:)`` while a run is in progress.
    @discardableResult
    package static func restore(path: String, busyTimeout: Double = defaultBusyTimeout) throws -> RestoreOutcome {
        do {
            return try holdingRunLock(path: path, waitingUpTo: 0, as: .restore) {
                try RestoreGate.holding(path, .exclusive, waitingUpTo: busyTimeout) {
                    try restoreHoldingLock(path: path, busyTimeout: busyTimeout)
                }
            }
        } catch let error as StoreError where error.code == .runInProgress {
            throw StoreError.restoreDuringRun(path: path)
        }
    }

    /// ``restore(path:busyTimeout:)`` once the run lock is held.
    private static func restoreHoldingLock(path: String, busyTimeout: Double) throws -> RestoreOutcome {
        let backupPath = try newestSoundBackup(of: path)
        let staging = TemporaryFileName.path(for: path + ".restoring", writer: getpid())
        defer { removeDatabaseFiles(staging) }
        removeDatabaseFiles(staging)
        try FilePrivacy.createPrivateFile(at: staging)
        let kept = try StoreError.mapping(path: path, timeout: busyTimeout) {
            var readOnly = Configuration()
            readOnly.readonly = true
            let source = try DatabaseQueue(path: backupPath, configuration: readOnly)
            let destination = try DatabaseQueue(path: staging)
            try source.backup(to: destination)
            try source.close()
            try StoreSchema.migrator.migrate(destination)
            defer { try? destination.close() }
            return try RestoreCarry.carryForward(from: path, into: destination)
        }
        do {
            try ChildLinkStore(path: path, busyTimeout: busyTimeout).restoreFromBackup(staging)
        } catch let error as StoreError where [.database, .notAStore].contains(error.code) {
            try replaceDamagedStore(path, with: staging)
        }
        return RestoreOutcome(backupPath: backupPath, kept: kept)
    }

    /// The newest backup that passes SQLite's integrity check.
    ///
    /// - Throws: ``StoreError/noBackup(path:)`` when there is none; the newest one's damage when
    ///   every backup is damaged.
    private static func newestSoundBackup(of path: String) throws -> String {
        let existing = backupPaths(of: path, kept: 3).filter { FileManager.default.fileExists(atPath: $0) }
        guard let newest = existing.first else { throw StoreError.noBackup(path: path + ".bak") }
        for candidate in existing where (try? checkBackup(candidate)) != nil { return candidate }
        try checkBackup(newest)
        return newest
    }

    /// Refuses a backup that fails SQLite's integrity check.
    private static func checkBackup(_ backupPath: String) throws {
        try StoreError.mapping(path: backupPath, timeout: 0) {
            var configuration = Configuration()
            configuration.readonly = true
            let backup = try DatabaseQueue(path: backupPath, configuration: configuration)
            defer { try? backup.close() }
            let result = try backup.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
            guard result == ["ok"] else {
                throw StoreError.database(
                    path: backupPath, message: "the backup is damaged too (\(result.prefix(3).joined(separator: "; ")))"
                )
            }
        }
    }

    /// Copies the backup to a new private file beside the store, then renames it over the damaged
    /// store and removes the damaged store's write-ahead log and shared-memory files (which SQLite
    /// would otherwise replay onto the restored file).
    private static func replaceDamagedStore(_ path: String, with backupPath: String) throws {
        let temporary = path + ".restoring"
        removeDatabaseFiles(temporary)
        try FilePrivacy.createPrivateFile(at: temporary)
        do {
            try StoreError.mapping(path: temporary, timeout: 0) {
                var configuration = Configuration()
                configuration.readonly = true
                let source = try DatabaseQueue(path: backupPath, configuration: configuration)
                let destination = try DatabaseQueue(path: temporary)
                try source.backup(to: destination)
                try source.close()
                try destination.close()
            }
            for suffix in ["-wal", "-shm", "-journal"] { unlink(path + suffix) }
            guard rename(temporary, path) == 0 else {
                let cause = StoreError.errnoCause()
                throw StoreError.database(
                    path: path, message: "cannot replace the file: \(String(cString: strerror(errno)))", cause: cause)
            }
        } catch {
            for suffix in ["", "-wal", "-shm", "-journal"] { unlink(temporary + suffix) }
            throw error
        }
        FilePrivacy.restrictCompanions(of: path)
    }
}

/// What `store restore` did.
package struct RestoreOutcome: Sendable {
    /// The backup the runs came back from.
    package let backupPath: String
    /// What was carried forward from the store, or `nil` when it could not be read (damaged).
    package let kept: RestoreCarry.Kept?
}

/// Carries the audit entries and review decisions added since a backup into the restored state.
package enum RestoreCarry {
    /// Rows carried forward, by table.
    package struct Kept: Sendable, Equatable {
        /// Audit entries.
        package var auditEntries = 0
        /// Rows of the decision tables (`reviewDecision`, `decision`, `decisionRevocation`), by table.
        package var decisionRows: [String: Int] = [:]
    }

    /// The append-only tables carried forward, parents first: the audit log, each reviewer decision,
    /// its record pairs and its revocation. `decisionApplication` is not carried: it names runs that
    /// the restore takes away (their ids will be used again by the next runs).
    static let carriedTables = ["audit", "reviewDecision", "decision", "decisionRevocation"]

    /// Copies from the store at `storePath` the audit entries and decision-table rows newer than
    /// the staging copy's (by row id) into `staging`, or returns `nil` when the store cannot be read.
    ///
    /// - Throws: a database error when a row cannot be written to the staging copy.
    static func carryForward(from storePath: String, into staging: DatabaseQueue) throws -> Kept? {
        var readOnly = Configuration()
        readOnly.readonly = true
        guard (try? StoreIdentity.prepareForReading(path: storePath)) != nil,
            let store = try? DatabaseQueue(path: storePath, configuration: readOnly)
        else { return nil }
        defer { try? store.close() }
        guard
            let tables = try? store.read({ db in
                try carriedTables.filter { try db.tableExists($0) }
            })
        else { return nil }
        var kept = Kept()
        try staging.write { db in
            for table in tables {
                guard let count = try carry(table, from: store, into: db) else { continue }
                if table == "audit" { kept.auditEntries = count } else { kept.decisionRows[table] = count }
            }
        }
        return kept
    }

    /// Copies `table`'s rows past the staging copy's last row id, in the columns both have.
    private static func carry(_ table: String, from store: DatabaseQueue, into db: Database) throws -> Int? {
        guard try db.tableExists(table) else { return nil }
        let last = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(rowid), 0) FROM \(table)") ?? 0
        let stagingColumns = Set(try db.columns(in: table).map(\.name))
        let (columns, rows) = try store.read { source in
            let columns = try source.columns(in: table).map(\.name).filter { stagingColumns.contains($0) }
            let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
            let rows = try Row.fetchAll(
                source, sql: "SELECT rowid AS carriedRowID, \(list) FROM \(table) WHERE rowid > ? ORDER BY rowid",
                arguments: [last])
            return (columns, rows)
        }
        // The row id goes in as it was (the audit chain and later tables refer to it), through the
        // column that aliases it when there is one.
        let aliased = try db.primaryKey(table).rowIDColumn.map { columns.contains($0) } ?? false
        let list = (aliased ? [] : ["rowid"]) + columns.map { "\"\($0)\"" }
        let marks = list.map { _ in "?" }.joined(separator: ", ")
        for row in rows {
            let values =
                (aliased ? [] : [row["carriedRowID"] as DatabaseValue]) + columns.map { row[$0] as DatabaseValue }
            try db.execute(
                sql: "INSERT INTO \(table) (\(list.joined(separator: ", "))) VALUES (\(marks))",
                arguments: StatementArguments(values))
            if table == "audit" { try AuditChain.append(db, auditID: row["carriedRowID"]) }
        }
        return rows.count
    }
}

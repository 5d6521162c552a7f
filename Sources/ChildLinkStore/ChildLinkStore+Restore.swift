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
    /// - Throws: ``StoreError/noBackup(path:)``; ``StoreError/database(path:message:)`` when the
    ///   backup is damaged too (the store is then left as it was); other ``StoreError``s.
    /// - Returns: The backup restored from: `<path>.bak`, or an older one when that is damaged.
    @discardableResult
    package static func restore(path: String, busyTimeout: Double = defaultBusyTimeout) throws -> String {
        let backupPath = try newestSoundBackup(of: path)
        do {
            try ChildLinkStore(path: path, busyTimeout: busyTimeout).restoreFromBackup(backupPath)
        } catch let error as StoreError where [.database, .notAStore].contains(error.code) {
            try replaceDamagedStore(path, with: backupPath)
        }
        return backupPath
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
        unlink(temporary)
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

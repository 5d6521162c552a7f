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
    package static func restore(path: String, busyTimeout: Double = defaultBusyTimeout) throws {
        let backupPath = path + ".bak"
        guard FileManager.default.fileExists(atPath: backupPath) else { throw StoreError.noBackup(path: backupPath) }
        try checkBackup(backupPath)
        do {
            try ChildLinkStore(path: path, busyTimeout: busyTimeout).restoreFromBackup()
        } catch let error as StoreError where error.code == .database {
            try replaceDamagedStore(path, with: backupPath)
        }
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

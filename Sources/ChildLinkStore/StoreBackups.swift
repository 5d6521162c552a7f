import ChildLinkFiles
package import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One backup of the store, as `store check` lists it.
package struct StoreBackup: Hashable, Sendable {
    /// The backup file: `<store>.bak` (the newest), `<store>.bak.1`, `<store>.bak.2`, ….
    package let path: String
    /// The runs it holds, or `nil` when it cannot be read (damaged).
    package let runs: Int?
    /// When its latest run started, if it holds any.
    package let latestRunAt: Date?
}

/// What a backup holds, enough to tell whether a new backup would add anything.
struct BackupContents: Equatable {
    var runs: Int
    var latestRunID: Int?
    var auditEntries: Int
    var decisions: Int

    /// Counts what `db` holds.
    static func of(_ db: Database) throws -> BackupContents {
        BackupContents(
            runs: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM run") ?? 0,
            latestRunID: try Int.fetchOne(db, sql: "SELECT MAX(id) FROM run"),
            auditEntries: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit") ?? 0,
            decisions: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM decision") ?? 0)
    }

    /// Counts what the database file at `path` holds, or `nil` when it cannot be read.
    static func of(path: String) -> BackupContents? {
        var configuration = Configuration()
        configuration.readonly = true
        guard let queue = try? DatabaseQueue(path: path, configuration: configuration) else { return nil }
        defer { try? queue.close() }
        return try? queue.read { try of($0) }
    }
}

extension ChildLinkStore {
    /// The backups kept before each run, newest first: `<path>.bak`, `<path>.bak.1`, ….
    package var backupPaths: [String] {
        guard let path else { return [] }
        return Self.backupPaths(of: path, kept: backupsKept)
    }

    /// The backups of the store at `path`, newest first: `<path>.bak`, `<path>.bak.1`, ….
    static func backupPaths(of path: String, kept: Int) -> [String] {
        [path + ".bak"] + (1..<max(kept, 1)).map { "\(path).bak.\($0)" }
    }

    /// The backups that exist, newest first, with the runs each holds.
    package func backups() -> [StoreBackup] {
        path.map { Self.backups(of: $0, kept: backupsKept) } ?? []
    }

    /// The backups of the store at `path` that exist, newest first, with the runs each holds (the
    /// store itself is not opened, so this works on a damaged one).
    package static func backups(of path: String, kept: Int = 3) -> [StoreBackup] {
        backupPaths(of: path, kept: kept).filter { FileManager.default.fileExists(atPath: $0) }.map { path in
            let contents = BackupContents.of(path: path)
            var latest: Date?
            if let id = contents?.latestRunID { latest = Self.runStart(id, in: path) }
            return StoreBackup(path: path, runs: contents?.runs, latestRunAt: latest)
        }
    }

    private static func runStart(_ id: Int, in path: String) -> Date? {
        var configuration = Configuration()
        configuration.readonly = true
        guard let queue = try? DatabaseQueue(path: path, configuration: configuration) else { return nil }
        defer { try? queue.close() }
        return try? queue.read { try Date.fetchOne($0, sql: "SELECT startedAt FROM run WHERE id = ?", arguments: [id]) }
    }

    /// Copies the committed state to a new backup, from inside the run's transaction before it writes.
    ///
    /// The copy is written to a temporary file first; the older backups move down one place
    /// (`.bak` → `.bak.1` …, the oldest beyond ``backupsKept`` dropped) only when the copy holds
    /// something the newest backup does not, so failed runs do not push out older backups. A store
    /// that holds nothing yet is not copied.
    /// - Throws: ``StoreError/backupWouldLoseRuns(path:backup:runs:)`` when the store holds no runs
    ///   but a backup does; ``StoreError`` when the copy cannot be written.
    func backUp(_ db: Database) throws {
        guard let path, let backupPath else { return }
        let current = try BackupContents.of(db)
        if current.runs == 0 {
            for backup in backups() where (backup.runs ?? 0) > 0 {
                throw StoreError.backupWouldLoseRuns(path: path, backup: backup.path, runs: backup.runs ?? 0)
            }
            // A new store has nothing to keep: a copy of it would only push out an older backup.
            if current == BackupContents(runs: 0, latestRunID: nil, auditEntries: 0, decisions: 0) { return }
        }
        let temporary = TemporaryFileName.path(for: backupPath, writer: getpid())
        defer { Self.removeDatabaseFiles(temporary) }
        try copyCommittedState(to: temporary)
        if BackupContents.of(path: backupPath) != current { rotateBackups() }
        guard rename(temporary, backupPath) == 0 else {
            throw StoreError.database(
                path: backupPath, message: "cannot write the backup: \(String(cString: strerror(errno)))",
                cause: StoreError.errnoCause())
        }
    }

    /// Copies the last committed state (a second, read-only connection: WAL lets it read while
    /// this run holds the write lock) to a new private file at `destinationPath`.
    private func copyCommittedState(to destinationPath: String) throws {
        Self.removeDatabaseFiles(destinationPath)
        try FilePrivacy.createPrivateFile(at: destinationPath)
        try StoreError.mapping(path: destinationPath, timeout: busyTimeout) {
            var readOnly = Configuration()
            readOnly.readonly = true
            let source = try DatabaseQueue(path: path!, configuration: readOnly)
            let destination = try DatabaseQueue(path: destinationPath)
            try source.backup(to: destination)
            try source.close()
            // The copy carries the store's WAL flag: in WAL mode every later reader of the backup
            // (the rotation's check, store check, restore) would leave `-wal` and `-shm` beside it.
            try destination.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = DELETE") }
            try destination.close()
        }
        FilePrivacy.restrictCompanions(of: destinationPath)
    }

    /// Puts each backup of the store at `path` that is still in WAL mode (made by an earlier
    /// version) into rollback-journal mode, which folds in and removes the `-wal` and `-shm` files
    /// that readers left beside it; a `-wal` or `-shm` with no backup beside it is removed. A
    /// backup another process is reading at that moment is left for the next start.
    static func settleBackups(of path: String, kept: Int) {
        for backup in backupPaths(of: path, kept: max(kept, 3)) {
            let companions = ["-wal", "-shm"].filter { FileManager.default.fileExists(atPath: backup + $0) }
            guard FileManager.default.fileExists(atPath: backup) else {
                for suffix in companions { unlink(backup + suffix) }
                continue
            }
            guard !companions.isEmpty || isInWALMode(backup) else { continue }
            var configuration = Configuration()
            configuration.busyMode = .immediateError
            guard let queue = try? DatabaseQueue(path: backup, configuration: configuration) else { continue }
            _ = try? queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = DELETE") }
            try? queue.close()
        }
    }

    /// Whether the database file's header says WAL mode (bytes 18 and 19 are 2).
    private static func isInWALMode(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 20)) ?? Data()
        return header.count == 20 && header[18] == 2
    }

    /// Moves each backup down one place, dropping the oldest.
    private func rotateBackups() {
        let paths = backupPaths
        guard paths.count > 1 else { return }
        Self.removeDatabaseFiles(paths[paths.count - 1])
        for index in stride(from: paths.count - 2, through: 0, by: -1)
        where FileManager.default.fileExists(atPath: paths[index]) {
            rename(paths[index], paths[index + 1])
        }
    }

    /// Removes the backup copies and new-store files that a killed ChildLink process left beside
    /// the store at `path` (`<store>.bak.tmp-PID`, `<store>.creating-PID`, with their -wal and
    /// -shm), when no process with that PID is alive.
    static func removeAbandonedFiles(besides path: String) {
        let folder = PrivateFolder.parent(of: path) ?? ""
        let name = String(path.split(separator: "/").last ?? "")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        for candidate in names {
            for marker in [".bak.tmp-", ".creating-"] where candidate.hasPrefix(name + marker) {
                let digits = candidate.dropFirst(name.count + marker.count).prefix { $0.isNumber }
                guard let pid = Int32(digits), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
                removeDatabaseFiles((folder.isEmpty ? "" : folder + "/") + name + marker + digits)
            }
        }
    }

    /// Removes a database file and its -wal, -shm and -journal files.
    static func removeDatabaseFiles(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
    }
}

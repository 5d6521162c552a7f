import ChildLinkFiles
import ChildLinkModel
package import Foundation
import GRDB
import Logging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// ChildLink's embedded SQLite history: import batches, every version of every record, the children
/// and their stable ids, each run's assignment, review pairs and decisions, and the audit log.
///
/// One value owns the database connection(s) and is safe to share between tasks. Writes that make
/// up a weekly run go through ``performRun(note:_:)``, which is one write transaction: a run that
/// throws, or a process that is killed, leaves the store as it was.
///
/// A weekly run, as the pipeline drives it:
///
/// ```swift
/// let store = try ChildLinkStore(path: "childlink.sqlite")
/// let ids = try store.performRun(note: "weekly 2026-11-20") { run in
///     try run.recordImport(ImportBatch(fileName: "missing.csv", sha256: SHA256Fingerprint.hex(bytes),
///                                      dataset: .missing, recordCount: 812, rejectCount: 3))
///     let changes = try run.upsert(records, datasets: [.missing, .cme, .ehe, .exclusions])
///     let constraints = try run.decisions()       // must-link / cannot-link, from clerical review
///     let clusters = link(records, newOrChanged: changes.needsMatching, respecting: constraints)
///     try run.saveReviewPairs(uncertainPairs)
///     return try run.assignChildIDs(clusters: clusters)   // stable ids; merges and splits logged
/// }
/// try store.logAudit(command: "footprint", query: "--upn …", childIDs: [id])   // every lookup
/// ```
///
/// Files: the database is created with mode 0600 (SQLite gives its -wal and -shm files the same
/// mode), whole, and carries its identity (``StoreIdentity``): an empty file or another program's
/// database at the path is refused, never initialised over. Before each run the committed state is
/// copied to `childlink.sqlite.bak` (0600, in rollback-journal mode so that reading it leaves no
/// `-wal` or `-shm` beside it), the older backups kept as `.bak.1` and `.bak.2`.
/// A second process that wants to write waits up to ``busyTimeout`` seconds, then fails with
/// ``StoreError/locked(path:seconds:)``.
package final class ChildLinkStore: Sendable {
    /// The default file name, in the working folder.
    package static let defaultFileName = "childlink.sqlite"
    /// The default time a writer waits for another process's write to finish, in seconds.
    package static let defaultBusyTimeout: Double = 10

    /// The database file, or `nil` for an in-memory store.
    package let path: String?
    /// How long a write waits for another process before failing with ``StoreError/locked(path:seconds:)``.
    package let busyTimeout: Double
    /// The OS user that decisions and audit entries are attributed to.
    package let user: String
    /// How many backups are kept (`<path>.bak`, `.bak.1`, …); 3 by default.
    package let backupsKept: Int

    let writer: any DatabaseWriter
    let clock: @Sendable () -> Date

    /// Opens (creating when absent, readable by its owner only) the store at `path` and brings its schema up to date.
    ///
    /// - Parameters:
    ///   - path: The database file; defaults to `childlink.sqlite` in the working folder.
    ///   - busyTimeout: Seconds to wait for another process's write.
    ///   - user: Who decisions and audit entries are attributed to; defaults to the OS user.
    ///   - backupsKept: How many backups to keep.
    ///   - clock: The source of timestamps (tests inject a fixed one).
    /// - Throws: ``StoreError/notAStore(path:reason:)`` when a file is there that is empty or not
    ///   a ChildLink store (it is never initialised over); other ``StoreError``s.
    package convenience init(
        path: String = ChildLinkStore.defaultFileName, busyTimeout: Double = ChildLinkStore.defaultBusyTimeout,
        user: String? = nil, backupsKept: Int = 3, clock: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        Self.settleBackups(of: path, kept: backupsKept)
        try StoreIdentity.prepare(path: path, busyTimeout: busyTimeout)
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "ChildLinkStore"
        let pool = try StoreError.mapping(path: path, timeout: busyTimeout) {
            try DatabasePool(path: path, configuration: configuration)
        }
        try self.init(
            writer: pool, path: path, busyTimeout: busyTimeout, user: user, backupsKept: backupsKept, clock: clock)
        FilePrivacy.restrictCompanions(of: path)
    }

    /// Creates an empty store in memory, for tests and dry runs.
    ///
    /// - Throws: ``StoreError``.
    package static func inMemory(user: String? = nil, clock: @escaping @Sendable () -> Date = { Date() }) throws
        -> ChildLinkStore
    {
        try ChildLinkStore(writer: DatabaseQueue(), path: nil, busyTimeout: 0, user: user, backupsKept: 0, clock: clock)
    }

    init(
        writer: any DatabaseWriter, path: String?, busyTimeout: Double, user: String?, backupsKept: Int,
        clock: @escaping @Sendable () -> Date
    ) throws {
        self.backupsKept = backupsKept
        self.writer = writer
        self.path = path
        self.busyTimeout = busyTimeout
        self.user = user ?? OSUser.current()
        self.clock = clock
        try StoreError.mapping(path: path ?? ":memory:", timeout: busyTimeout) { try Self.migrate(writer, path: path) }
    }

    /// Brings the schema up to date. Two processes opening a new (or old) store at once may both
    /// start the same migration; the one that loses finds the table already there: it then tries
    /// again on what the other committed (each migration commits whole, with its record).
    private static func migrate(_ writer: any DatabaseWriter, path: String?) throws {
        let migrator = StoreSchema.migrator
        var attempt = 0
        var announced = false
        while true {
            do {
                if try writer.read({ try migrator.hasCompletedMigrations($0) }) { return }
                if !announced, let path, try writer.read({ try !migrator.appliedIdentifiers($0).isEmpty }) {
                    announced = true
                    Self.logger.notice(
                        "updating the store \(path) for this version of ChildLink: once, and on a large store it can take a minute"
                    )
                }
                try migrator.migrate(writer)
                if announced { Self.logger.info("store updated") }
                return
            } catch let error as DatabaseError
                where attempt < 40 && [.SQLITE_ERROR, .SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode)
            {
                attempt += 1
                usleep(50_000)
            }
        }
    }

    /// Where the store says what it is doing: the process's logging, as the command set it up.
    private static var logger: Logger { Logger(label: "childlink") }

    /// The backup kept before each run: `<path>.bak`, or `nil` for an in-memory store.
    package var backupPath: String? { path.map { $0 + ".bak" } }

    /// Runs `body` as one write transaction: a new run is recorded, `body` upserts records, assigns
    /// ids and saves review pairs through the ``StoreRun`` handle, and everything commits together.
    ///
    /// Before anything is written, the state as it stood is copied to ``backupPath`` (mode 0600).
    /// If `body` throws, nothing it wrote is kept and the error is rethrown.
    ///
    /// - Parameters:
    ///   - note: What the run was, e.g. `weekly 2026-11-20`.
    ///   - body: The run's work. Do not keep the handle after it returns.
    /// - Throws: ``StoreError/locked(path:seconds:)`` when another process is writing for longer than
    ///   the busy timeout, other ``StoreError``s, or what `body` throws.
    package func performRun<T>(note: String? = nil, _ body: (StoreRun) throws -> T) throws -> T {
        try write(inRun: true) { db in
            try self.backUp(db)
            let run = try StoreRun(db: db, startedAt: clock(), note: note)
            let result = try body(run)
            try run.finish(at: clock())
            return result
        }
    }

    /// One immediate write transaction with the store's error mapping.
    ///
    /// A write outside a run (`inRun` false: a review decision, a revocation, an audit entry) holds
    /// the ``RestoreGate`` shared, so a `store restore` cannot overwrite it unseen. When it fails, the
    /// write-ahead log is truncated: what the rolled-back transaction wrote there would otherwise
    /// keep its disk space (on a full disk, the space the next run needs).
    func write<T>(inRun: Bool = false, _ body: (Database) throws -> T) throws -> T {
        guard let path, !inRun else { return try writeTransaction(body) }
        return try RestoreGate.holding(path, .shared, waitingUpTo: busyTimeout) { try writeTransaction(body) }
    }

    /// ``write(inRun:_:)``'s transaction.
    private func writeTransaction<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try StoreError.mapping(path: path ?? ":memory:", timeout: busyTimeout) {
                try writer.writeWithoutTransaction { db in
                    var result: T?
                    try db.inTransaction(.immediate) {
                        result = try body(db)
                        return .commit
                    }
                    return result!
                }
            }
        } catch {
            if path != nil { _ = try? writer.writeWithoutTransaction { try $0.checkpoint(.truncate) } }
            throw error
        }
    }

    /// One read with the store's error mapping.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try StoreError.mapping(path: path ?? ":memory:", timeout: busyTimeout) {
            try writer.read { try body($0) }
        }
    }

    /// Replaces the store's contents with the backup taken before the last run (or `backupPath`).
    ///
    /// - Throws: ``StoreError/noBackup(path:)`` when there is none, or ``StoreError``.
    package func restoreFromBackup(_ chosenBackup: String? = nil) throws {
        guard let backupPath = chosenBackup ?? self.backupPath, FileManager.default.fileExists(atPath: backupPath)
        else {
            throw StoreError.noBackup(path: backupPath ?? ":memory:")
        }
        try StoreError.mapping(path: backupPath, timeout: busyTimeout) {
            var configuration = Configuration()
            configuration.readonly = true
            let source = try DatabaseQueue(path: backupPath, configuration: configuration)
            try source.backup(to: writer)
            try source.close()
        }
    }
}

extension StoreError {
    /// Runs `body`, turning SQLite errors into ``StoreError``s that say what to do (the SQLite error
    /// kept as the cause).
    static func mapping<T>(path: String, timeout: Double, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            throw StoreError.locked(path: path, seconds: timeout, cause: error)
        } catch let error as DatabaseError {
            // A full disk shows as SQLITE_FULL, but also as an I/O error or, from a backup, as
            // "not an error": whatever SQLite says, a failure with under 1 MB left is a full disk.
            if error.resultCode == .SQLITE_FULL || (DiskSpace.freeBytes(near: path) ?? .max) < DiskSpace.nearlyFull {
                throw StoreError.database(
                    path: path,
                    message: DiskSpace.fullSentence(for: path) + "; nothing was written. Free some space and run again",
                    cause: error)
            }
            throw StoreError.database(path: path, message: error.message ?? "\(error.resultCode)", cause: error)
        }
    }

    /// The current `errno` as an error, for ``cause``.
    static func errnoCause() -> any Error {
        POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
    }
}

/// Files that hold personal data are readable and writable by their owner only.
enum FilePrivacy {
    /// Creates `path` empty with mode 0600 when absent (so SQLite, which gives its -wal and -shm
    /// files the database file's mode, never creates anything wider); tightens it when present.
    static func createPrivateFile(at path: String) throws {
        let descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            let cause = StoreError.errnoCause()
            throw StoreError.database(
                path: path, message: "cannot create the file: \(String(cString: strerror(errno)))", cause: cause)
        }
        fchmod(descriptor, 0o600)
        close(descriptor)
    }

    /// Tightens the -wal, -shm and -journal files when they exist.
    static func restrictCompanions(of path: String) {
        for suffix in ["-wal", "-shm", "-journal"] { chmod(path + suffix, 0o600) }
    }
}

/// The OS user, for attribution: the effective user's name from the password database, or
/// `uid N` when it has none (the environment is not consulted: it is the user's to change).
enum OSUser {
    static func current() -> String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
            let text = String(cString: name)
            if !text.isEmpty { return text }
        }
        return "uid \(geteuid())"
    }
}

import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a ChildLink store names itself, so that an empty file or someone else's database is never
/// taken for a new store and initialised over.
///
/// A store carries SQLite's `application_id` (``applicationID``, the ASCII of `CHLK`), a
/// `user_version` of ``formatVersion``, and one row in `storeIdentity` naming the product and when the
/// store was created. A new store is built in a temporary file and linked into place whole, so no
/// other process ever sees it empty.
enum StoreIdentity {
    /// SQLite's `application_id` for a ChildLink store: `CHLK` in ASCII.
    static let applicationID: Int32 = 0x4348_4C4B
    /// SQLite's `user_version` for a store that carries its identity.
    static let formatVersion = 1
    /// The product named in the identity row.
    static let product = "ChildLink history store"
    /// The first migration every ChildLink store has, which tells a store made before identities
    /// (and not yet migrated) from another program's database.
    static let firstMigration = "v1: runs, batches, records, children, assignments"

    /// Sets the header fields and writes the identity row (migration `v5-store-identity`). A store
    /// made before identities gets the date of its first run as its creation, or now.
    static func migrate(_ db: Database) throws {
        try db.create(table: "storeIdentity") { t in
            t.primaryKey("id", .integer).check { $0 == 1 }
            t.column("product", .text).notNull()
            t.column("createdAt", .datetime).notNull()
        }
        let firstRun = try Date.fetchOne(db, sql: "SELECT MIN(startedAt) FROM run")
        try db.execute(
            sql: "INSERT INTO storeIdentity (id, product, createdAt) VALUES (1, ?, ?)",
            arguments: [product, firstRun ?? Date()])
        try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        try db.execute(sql: "PRAGMA user_version = \(formatVersion)")
    }

    /// Makes sure `path` is a ChildLink store, or creates one when nothing is there.
    ///
    /// - Throws: ``StoreError/notAStore(path:reason:)`` for an empty file, a file that is not a
    ///   SQLite database, or a database of another program; ``StoreError`` when it cannot be read.
    static func prepare(path: String, busyTimeout: Double) throws {
        ChildLinkStore.removeAbandonedFiles(besides: path)
        var status = stat()
        guard stat(path, &status) == 0 else {
            guard errno == ENOENT else {
                throw StoreError.database(
                    path: path, message: "cannot read the file: \(String(cString: strerror(errno)))",
                    cause: StoreError.errnoCause())
            }
            return try create(path: path, busyTimeout: busyTimeout)
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw StoreError.notAStore(path: path, reason: "it is not a regular file")
        }
        guard status.st_size > 0 else { throw StoreError.notAStore(path: path, reason: "the file is empty (0 bytes)") }
        try verify(path: path)
        chmod(path, 0o600)
    }

    /// Refuses, without creating anything, a path that holds no ChildLink store to read.
    static func prepareForReading(path: String) throws {
        var status = stat()
        guard stat(path, &status) == 0, status.st_size > 0 else {
            throw StoreError.notAStore(path: path, reason: "the file is missing or empty")
        }
        try verify(path: path)
    }

    /// Refuses a non-empty file that is not a ChildLink store.
    private static func verify(path: String) throws {
        // The 100-byte header only: a store of hundreds of megabytes is not read whole to open it.
        let handle = FileHandle(forReadingAtPath: path)
        let header = (try? handle?.read(upToCount: 100)) ?? Data()
        try? handle?.close()
        guard header.starts(with: Array("SQLite format 3\u{0}".utf8)) else {
            throw StoreError.notAStore(path: path, reason: "it is not a SQLite database")
        }
        let id = header.count >= 72 ? header[68..<72].reduce(Int32(0)) { $0 << 8 | Int32($1) } : 0
        if id == applicationID { return }
        guard id == 0 else {
            throw StoreError.notAStore(path: path, reason: "it is another program's SQLite database")
        }
        // No id in the file's header: a store made before identities, one whose header change is
        // still in its write-ahead log, or another database. Its migrations tell them apart.
        guard try hasChildLinkMigrations(path: path) else {
            throw StoreError.notAStore(path: path, reason: "it is a SQLite database without ChildLink's tables")
        }
    }

    /// Whether the database at `path` records ChildLink's first migration.
    private static func hasChildLinkMigrations(path: String) throws -> Bool {
        try StoreError.mapping(path: path, timeout: 0) {
            var configuration = Configuration()
            configuration.readonly = true
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in
                guard try db.tableExists("grdb_migrations") else { return false }
                return try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM grdb_migrations WHERE identifier = ?)",
                    arguments: [firstMigration]) ?? false
            }
        }
    }

    /// Builds a new store in a temporary file beside `path` and links it into place; when another
    /// process got there first, its store is kept and this one removed.
    private static func create(path: String, busyTimeout: Double) throws {
        let temporary = path + ".creating-\(getpid())"
        defer { for suffix in ["", "-wal", "-shm", "-journal"] { unlink(temporary + suffix) } }
        try FilePrivacy.createPrivateFile(at: temporary)
        try StoreError.mapping(path: path, timeout: busyTimeout) {
            let queue = try DatabaseQueue(path: temporary)
            try StoreSchema.migrator.migrate(queue)
            try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = WAL") }
            try queue.close()
        }
        // link(2) never replaces an existing file; a file system without hard links falls back to a
        // rename, after one more look that nothing has appeared.
        var linked = link(temporary, path) == 0 || errno == EEXIST
        if !linked, [EPERM, ENOTSUP, ENOSYS].contains(errno), access(path, F_OK) != 0 {
            linked = rename(temporary, path) == 0
        }
        guard linked else {
            throw StoreError.database(
                path: path, message: "cannot create the file: \(String(cString: strerror(errno)))",
                cause: StoreError.errnoCause())
        }
    }
}

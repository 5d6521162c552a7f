import ChildLinkModel
import Foundation
import GRDB
import Testing

@testable import ChildLinkStore

#if canImport(Glibc)
    import Glibc
#endif

/// A store knows itself: an empty file or another program's file at the store's path is refused,
/// never initialised over; backups rotate and are never replaced by an emptier store.
@Suite("Store identity and backups")
struct StoreIdentityTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "childlink-identity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    var storePath: String { folder.appendingPathComponent("s.sqlite").path }

    /// A store with `runs` runs, each upserting one more missing episode; closed when it returns.
    func makeStore(runs: Int) throws {
        let store = try ChildLinkStore(path: storePath)
        for index in 0..<runs {
            _ = try store.performRun(note: "week \(index + 1)") { run in
                try run.upsert((0...index).map { Fixture.missing("M\($0)") })
            }
        }
    }

    func runCount(_ path: String) -> Int? { BackupContents.of(path: path)?.runs }

    @Test("a new store carries ChildLink's application id, user version and identity row")
    func newStoreHasIdentity() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try makeStore(runs: 1)
        let queue = try DatabaseQueue(path: storePath)
        defer { try? queue.close() }
        let (applicationID, userVersion, product) = try queue.read { db in
            (
                try Int32.fetchOne(db, sql: "PRAGMA application_id"), try Int.fetchOne(db, sql: "PRAGMA user_version"),
                try String.fetchOne(db, sql: "SELECT product FROM storeIdentity")
            )
        }
        #expect(applicationID == 0x4348_4C4B)  // "CHLK"
        #expect(userVersion == 1)
        #expect(product == "ChildLink history store")
        #expect(try ChildLinkStore(path: storePath).appliedMigrations().last == "v7-assignment-by-record")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".creating-") }
                .isEmpty)
    }

    @Test("empty store file: refused with notAStore, the file and its backup left exactly as they were")
    func emptyStoreFileIsRefused() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try makeStore(runs: 2)
        let backup = try Data(contentsOf: URL(fileURLWithPath: storePath + ".bak"))
        try Data().write(to: URL(fileURLWithPath: storePath))
        #expect(throws: StoreError.notAStore(path: storePath, reason: "the file is empty (0 bytes)")) {
            try ChildLinkStore(path: storePath)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: storePath)).isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: storePath + ".bak")) == backup)
        #expect(runCount(storePath + ".bak") == 1)
    }

    @Test(
        "non-ChildLink file: a text file and another program's SQLite database are refused and left unchanged",
        arguments: ["text", "foreign-sqlite"])
    func nonChildLinkFileIsRefused(kind: String) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let reason: String
        if kind == "text" {
            try Data("Surname,Forename\n".utf8).write(to: URL(fileURLWithPath: storePath))
            reason = "it is not a SQLite database"
        } else {
            let queue = try DatabaseQueue(path: storePath)
            try queue.write { try $0.execute(sql: "CREATE TABLE contacts (name TEXT)") }
            try queue.close()
            reason = "it is a SQLite database without ChildLink's tables"
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: storePath))
        #expect(throws: StoreError.notAStore(path: storePath, reason: reason)) { try ChildLinkStore(path: storePath) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: storePath)) == before)
    }

    @Test("a store made before identities opens and gains its identity (the v1–v3 migrations' store)")
    func storeWithoutIdentityIsMigrated() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try ReviewKeyMigrationTests.makeOldStore(at: storePath)
        let store = try ChildLinkStore(path: storePath)
        #expect(try store.runs().count == 2)
        let created = try store.read { try Date.fetchOne($0, sql: "SELECT createdAt FROM storeIdentity") }
        // The first run of the old store started 2026-11-20 09:00 UTC.
        #expect(created == Date(timeIntervalSince1970: 1_795_165_200))
    }

    @Test("backups rotate: after 5 runs the last 3 backups are kept, holding 4, 3 and 2 runs")
    func backupsRotateKeepingThree() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try makeStore(runs: 5)
        // Each backup is the state before a run: before run 5 the store held 4 runs, and so on.
        #expect(runCount(storePath + ".bak") == 4)
        #expect(runCount(storePath + ".bak.1") == 3)
        #expect(runCount(storePath + ".bak.2") == 2)
        #expect(!FileManager.default.fileExists(atPath: storePath + ".bak.3"))
        let listed = ChildLinkStore.backups(of: storePath).map { $0.runs }
        #expect(listed == [4, 3, 2])
        for path in [storePath + ".bak", storePath + ".bak.1", storePath + ".bak.2"] {
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
        }
    }

    @Test("failed runs do not push older backups out")
    func failedRunsDoNotRotate() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try makeStore(runs: 3)
        struct Failure: Error {}
        let store = try ChildLinkStore(path: storePath)
        for _ in 0..<3 {
            #expect(throws: Failure.self) { try store.performRun { _ in throw Failure() } }
        }
        // The backup before each failed run held the 3 runs; it replaced the newest each time.
        #expect(ChildLinkStore.backups(of: storePath).map { $0.runs } == [3, 2, 1])
    }

    @Test("a backup holding runs is never replaced by one holding none: the run is refused")
    func backupWithRunsIsNotReplacedByEmptyStore() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try makeStore(runs: 2)
        for suffix in ["", "-wal", "-shm"] { unlink(storePath + suffix) }
        let fresh = try ChildLinkStore(path: storePath)
        #expect(
            throws: StoreError.backupWouldLoseRuns(path: storePath, backup: storePath + ".bak", runs: 1)
        ) { try fresh.performRun { try $0.upsert([Fixture.missing("M9")]) } }
        #expect(try fresh.runs().isEmpty)
        #expect(runCount(storePath + ".bak") == 1)
    }

    @Test("a killed backup's and a killed creation's leftovers are removed when the store is next opened")
    func abandonedBackupFilesAreRemoved() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try makeStore(runs: 1)
        // PID 2^22 + 1 is above Linux's pid_max limit (4,194,304), so no process can have it.
        let dead = 4_194_305
        let leftovers = ["s.sqlite.bak.tmp-\(dead)", "s.sqlite.bak.tmp-\(dead)-wal", "s.sqlite.creating-\(dead)"]
        for name in leftovers { try Data("x".utf8).write(to: folder.appendingPathComponent(name)) }
        let alive = "s.sqlite.bak.tmp-\(getpid() == 1 ? 2 : 1)"
        try Data("x".utf8).write(to: folder.appendingPathComponent(alive))
        _ = try ChildLinkStore(path: storePath)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(leftovers.allSatisfy { !names.contains($0) })
        #expect(names.contains(alive), "PID 1 is alive: its file is not touched")
    }

    /// Bytes 18 and 19 of a database file's header: 1 for a rollback journal, 2 for WAL.
    func journalFormat(_ path: String) throws -> [UInt8] {
        let header = try #require(FileManager.default.contents(atPath: path)).prefix(20)
        return [header[18], header[19]]
    }

    /// The names in the store's folder that end in `-wal` or `-shm` and belong to a backup.
    func backupCompanions() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.contains(".bak") && ($0.hasSuffix("-wal") || $0.hasSuffix("-shm")) }.sorted()
    }

    @Test("backups are written in rollback-journal mode: reading them (rotation, listing) leaves no -wal or -shm")
    func backupsLeaveNoWALFiles() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try makeStore(runs: 4)  // three rotations, each reading the newest backup first
        #expect(ChildLinkStore.backups(of: storePath).map { $0.runs } == [3, 2, 1])
        for suffix in [".bak", ".bak.1", ".bak.2"] {
            #expect(try journalFormat(storePath + suffix) == [1, 1], "\(suffix)")
        }
        // Before the fix the copy kept the store's WAL flag, and a read-only reader left these.
        #expect(try backupCompanions() == [])
    }

    @Test("a backup an earlier version left in WAL mode, with a reader's -wal and -shm: settled when the store opens")
    func leftoverBackupWALIsRemovedOnStart() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try makeStore(runs: 2)
        let backup = storePath + ".bak"
        // As an earlier version made it: the WAL flag set, then read by a read-only connection.
        let writer = try DatabaseQueue(path: backup)
        try writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = WAL") }
        try writer.close()
        var readOnly = Configuration()
        readOnly.readonly = true
        let reader = try DatabaseQueue(path: backup, configuration: readOnly)
        #expect(try reader.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM run") } == 1)
        try reader.close()
        try #require(try backupCompanions() == ["s.sqlite.bak-shm", "s.sqlite.bak-wal"], "the fault was not made")
        try Data().write(to: URL(fileURLWithPath: storePath + ".bak.2-wal"))  // beside no backup

        _ = try ChildLinkStore(path: storePath)
        #expect(try backupCompanions() == [])
        #expect(try journalFormat(backup) == [1, 1])
        #expect(runCount(backup) == 1, "the backup still holds its run")
        #expect(try backupCompanions() == [], "and reading it leaves nothing")
    }
}

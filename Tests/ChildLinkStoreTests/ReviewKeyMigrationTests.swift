import ChildLinkModel
import Foundation
import GRDB
import Testing

@testable import ChildLinkStore

@Suite("Migration v3: review tables keyed by dataset and record id")
struct ReviewKeyMigrationTests {
    /// A store as the v1 and v2 migrations left it, with review rows keyed `Dataset:RecordID`.
    static func makeOldStore(at path: String) throws {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: runs, batches, records, children, assignments") { db in
            try StoreSchema.createCoreTables(db)
        }
        migrator.registerMigration("v1: review pairs and decisions") { db in
            try db.execute(
                sql: """
                    CREATE TABLE reviewPair (runID INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                        recordA TEXT NOT NULL, recordB TEXT NOT NULL, probability DOUBLE NOT NULL,
                        explanation TEXT NOT NULL, PRIMARY KEY (runID, recordA, recordB));
                    CREATE TABLE decision (id INTEGER PRIMARY KEY AUTOINCREMENT, recordA TEXT NOT NULL,
                        recordB TEXT NOT NULL,
                        kind TEXT NOT NULL CHECK (kind IN ('must-link', 'cannot-link')),
                        decidedBy TEXT NOT NULL, decidedAt DATETIME NOT NULL, note TEXT NOT NULL);
                    CREATE INDEX decision_on_pair ON decision(recordA, recordB);
                    """)
        }
        migrator.registerMigration("v1: append-only audit log", migrate: StoreSchema.createAuditTable)
        migrator.registerMigration("v2: the latest run's fitted match model", migrate: StoreSchema.createModelTable)
        let queue = try DatabaseQueue(path: path)
        try migrator.migrate(queue)
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO run (id, startedAt) VALUES (1, '2026-11-20 09:00:00.000'), (2, '2026-11-27 09:00:00.000');
                    INSERT INTO reviewPair VALUES (1, 'Missing:M1', 'Missing:M2', 0.5, 'old run');
                    INSERT INTO reviewPair VALUES (2, 'Missing:E:7', 'CME:C1', 0.81, 'dob +5.0');
                    INSERT INTO reviewPair VALUES (2, 'Missing:M1', 'Missing:M2', 0.62, 'surname +4.1');
                    INSERT INTO decision (recordA, recordB, kind, decidedBy, decidedAt, note) VALUES
                        ('Missing:M1', 'Missing:M2', 'must-link', 'analyst', '2026-11-21 10:00:00.000', 'first'),
                        ('Missing:M1', 'Missing:M2', 'cannot-link', 'analyst', '2026-11-22 10:00:00.000', 'twins'),
                        ('Missing:E:7', 'CME:C1', 'must-link', 'lead', '2026-11-23 10:00:00.000', '');
                    """)
        }
        try queue.close()
    }

    @Test("an old store's review pairs and decisions read back the same after the migration")
    func convertsOldRows() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("childlink.sqlite").path
        try Self.makeOldStore(at: path)

        let store = try ChildLinkStore(path: path, user: "analyst")
        let c1 = Fixture.key("CME:C1")
        let e7 = RecordKey(dataset: .missing, recordID: "E:7")
        let m1 = Fixture.key("Missing:M1")
        let m2 = Fixture.key("Missing:M2")
        #expect(
            try store.reviewPairs() == [
                ReviewPair(e7, c1, probability: 0.81, explanation: "dob +5.0"),
                ReviewPair(m1, m2, probability: 0.62, explanation: "surname +4.1"),
            ])
        let decisions = try store.decisions()
        #expect(decisions.map(\.recordA) == [e7, m1])
        #expect(decisions.map(\.recordB) == [c1, m2])
        #expect(decisions.map(\.kind) == [.mustLink, .cannotLink], "the latest decision per pair still wins")
        #expect(decisions.map(\.note) == ["", "twins"])
        #expect(decisions.map(\.decidedBy) == ["lead", "analyst"])
    }

    @Test("the migrated tables have typed key columns and no text keys")
    func migratedColumns() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("childlink.sqlite").path
        try Self.makeOldStore(at: path)
        _ = try ChildLinkStore(path: path, user: "analyst")

        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        let keyColumns = ["datasetA", "recordIDA", "datasetB", "recordIDB"]
        try queue.read { db in
            for table in ["reviewPair", "decision"] {
                let columns = try db.columns(in: table).map(\.name)
                #expect(keyColumns.allSatisfy(columns.contains), "\(table) has the key columns")
                #expect(!columns.contains("recordA") && !columns.contains("recordB"), "\(table) has no text keys")
            }
            #expect(try String.fetchAll(db, sql: "SELECT recordIDB FROM decision ORDER BY id") == ["M2", "M2", "C1"])
            #expect(try db.indexes(on: "decision").map(\.name) == ["decision_on_pair"])
        }
    }

    @Test("a decision recorded after the migration is found with the converted ones")
    func decidesAfterMigration() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("childlink.sqlite").path
        try Self.makeOldStore(at: path)
        let store = try ChildLinkStore(path: path, user: "analyst")
        try store.executeUnchecked(
            """
            INSERT INTO sourceRecord (dataset, recordID, eventJSON, contentHash, firstSeenRunID, lastSeenRunID, isPresent)
            VALUES ('Missing', 'M1', '{}', '', 1, 1, 1), ('Missing', 'M2', '{}', '', 1, 1, 1)
            """)
        try store.decide(Fixture.key("Missing:M2"), Fixture.key("Missing:M1"), .mustLink, note: "checked")
        let latest = try #require(try store.decisions().last)
        #expect(latest.kind == .mustLink && latest.note == "checked")
        #expect(try store.decisions().count == 2)
    }
}

@Suite("Migration v4: review decisions get ids and a history")
struct DecisionHistoryMigrationTests {
    @Test("an old store's decisions become reviewer decisions, a child-pair reject's record pairs one decision")
    func groupsOldDecisions() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("childlink.sqlite").path
        try ReviewKeyMigrationTests.makeOldStore(at: path)
        // A child-pair reject as v3 wrote it: two record pairs, one instant, one note.
        let queue = try DatabaseQueue(path: path)
        var migrator = StoreSchema.migrator
        try migrator.migrate(queue, upTo: "v3: review pairs and decisions keyed by dataset and record id")
        migrator = StoreSchema.migrator
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO decision (datasetA, recordIDA, datasetB, recordIDB, kind, decidedBy, decidedAt, note)
                    VALUES ('CME', 'C1', 'Missing', 'M1', 'cannot-link', 'lead', '2026-11-24 10:00:00.000',
                            'child pair CL000001 CL000002: twins'),
                           ('CME', 'C1', 'Missing', 'M2', 'cannot-link', 'lead', '2026-11-24 10:00:00.000',
                            'child pair CL000001 CL000002: twins');
                    """)
        }
        try queue.close()

        let store = try ChildLinkStore(path: path, user: "analyst")
        #expect(try store.appliedMigrations().contains("v4-review-decision-history"))
        let history = try store.decisionHistory()
        // The three v1 decisions (each its own instant) and the reject of two record pairs.
        #expect(history.map(\.id) == [DecisionID(1), DecisionID(2), DecisionID(3), DecisionID(4)])
        #expect(history.map(\.pairs.count) == [1, 1, 1, 2])
        #expect(history[3].kind == .cannotLink && history[3].decidedBy == "lead" && history[3].isLive)
        #expect(try store.decisions().allSatisfy { $0.decisionID != nil })
        // Revoking the grouped reject withdraws both of its record pairs.
        try store.revoke(DecisionID(4), note: "not twins")
        let c1 = Fixture.key("CME:C1")
        let left = try store.decisions().filter { $0.recordA == c1 || $0.recordB == c1 }
        #expect(left.map(\.kind) == [.mustLink], "\(left)")
    }
}

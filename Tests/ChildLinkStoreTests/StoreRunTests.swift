import ChildLinkModel
import Foundation
import GRDB
import Testing

@testable import ChildLinkStore

#if canImport(Glibc)
    import Glibc
#endif

/// Two successive weekly extracts through the store, as the pipeline will run them.
@Suite("Weekly runs: upsert, change sets, stable ids, merges and splits")
struct StoreRunTests {
    typealias F = Fixture

    static let week1 = [
        F.missing("M1"), F.missing("M2", forename: "Amelie"), F.cme("C1"), F.ehe("H1"), F.exclusion("X1"),
        F.exclusion("X2"),
    ]
    static let week1Clusters = [
        F.keys("Missing:M1", "CME:C1"), F.keys("Missing:M2"), F.keys("EHE:H1", "Exclusions:X1", "Exclusions:X2"),
    ]

    /// Week 2: M2 corrected, C1 closed and gone, C2 and M3 new; M1 and M2 now one child; X2 split off.
    static let week2 = [
        F.missing("M1"), F.missing("M2", forename: "Amelia"), F.missing("M3", forename: "Jan", surname: "Balog"),
        F.cme("C2", forename: "Eva", surname: "Balog"), F.ehe("H1"), F.exclusion("X1"), F.exclusion("X2"),
    ]
    static let week2Clusters = [
        F.keys("Missing:M1", "Missing:M2"), F.keys("Missing:M3"), F.keys("CME:C2"), F.keys("EHE:H1", "Exclusions:X1"),
        F.keys("Exclusions:X2"),
    ]

    static func runWeek(_ store: ChildLinkStore, _ records: [SourceRecord], _ clusters: [[RecordKey]]) throws
        -> (RecordChangeSet, IDAssignment)
    {
        try store.performRun(note: "weekly") { run in
            let changes = try run.upsert(records, datasets: Set(Dataset.strands))
            return (changes, try run.assignChildIDs(clusters: clusters))
        }
    }

    @Test("a new store has every migration applied, and reopening a file applies none twice")
    func migrations() throws {
        let folder = try F.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("childlink.sqlite").path
        let expected = [
            "v1: runs, batches, records, children, assignments", "v1: review pairs and decisions",
            "v1: append-only audit log", "v2: the latest run's fitted match model",
            "v3: review pairs and decisions keyed by dataset and record id", "v4-review-decision-history",
            "v5-store-identity", "v6-run-inputs", "v7-assignment-by-record",
        ]
        do {
            let store = try ChildLinkStore(path: path, user: "analyst")
            #expect(try store.appliedMigrations() == expected)
            _ = try Self.runWeek(store, Self.week1, Self.week1Clusters)
        }
        let reopened = try ChildLinkStore(path: path, user: "analyst")
        #expect(try reopened.appliedMigrations() == expected)
        #expect(try reopened.runs().count == 1)
        #expect(try reopened.check().isHealthy)
    }

    @Test("records round-trip: person columns and the event JSON give back the same SourceRecord")
    func roundTrip() throws {
        let store = try F.store()
        let records = [
            F.missing("M1", upn: F.upn(serial: 1), nhs: "9434765919"), F.cme("C1"), F.ehe("H1"), F.exclusion("X1"),
            F.socialCare("S1"),
        ]
        _ = try store.performRun { try $0.upsert(records) }
        for record in records {
            let stored = try #require(try store.record(record.key))
            #expect(stored.person == record.person)
            #expect(stored.event == record.event)
        }
        #expect(try store.currentRecords().map(\.key) == records.map(\.key).sorted())
    }

    @Test("week 2 against week 1: new, changed, unchanged and removed records")
    func changeSet() throws {
        let store = try F.store()
        let (first, _) = try Self.runWeek(store, Self.week1, Self.week1Clusters)
        #expect(first.new == Self.week1.map(\.key).sorted())
        let (changes, _) = try Self.runWeek(store, Self.week2, Self.week2Clusters)
        #expect(changes.new == F.keys("Missing:M3", "CME:C2").sorted())
        #expect(changes.changed == F.keys("Missing:M2"))
        #expect(changes.unchanged == F.keys("Missing:M1", "EHE:H1", "Exclusions:X1", "Exclusions:X2").sorted())
        #expect(changes.removed == F.keys("CME:C1"))
        #expect(changes.needsMatching == F.keys("Missing:M3", "Missing:M2", "CME:C2").sorted())
        // The previous version of the changed record is kept.
        #expect(try store.record(F.key("Missing:M2"))?.person.forename == "Amelia")
        #expect(try store.previousVersions(of: F.key("Missing:M2")).map(\.person.forename) == ["Amelie"])
        #expect(try store.currentRecords(in: .cme).map(\.key) == F.keys("CME:C2"))
    }

    /// Week 1 stores M10–M29 (20 records); week 2 gives M12–M31 in reverse order, with M15, M20
    /// and M25 corrected, encoded 3 at a time (6 full batches and one of 2): M30 and M31 are new,
    /// M15, M20 and M25 changed, the other 15 of M12–M29 unchanged, M10 and M11 removed.
    @Test("a run's records encoded a batch at a time are each written once, whatever the batch size")
    func upsertInBatches() throws {
        let store = try F.store()
        let week1 = (10..<30).map { F.missing("M\($0)", forename: "Child\($0)") }
        _ = try store.performRun { try $0.upsert(week1, encodingBatchSize: 3) }
        let corrected: Set<Int> = [15, 20, 25]
        let week2 = (12..<32).reversed().map {
            F.missing("M\($0)", forename: "Child\($0)" + (corrected.contains($0) ? "a" : ""))
        }
        let changes = try store.performRun { try $0.upsert(week2, datasets: [.missing], encodingBatchSize: 3) }

        let keys = { (numbers: [Int]) in numbers.map { F.key("Missing:M\($0)") }.sorted() }
        #expect(changes.new == keys([30, 31]))
        #expect(changes.changed == keys([15, 20, 25]))
        #expect(changes.unchanged == keys(Array(12..<30).filter { !corrected.contains($0) }))
        #expect(changes.removed == keys([10, 11]))
        #expect(try store.currentRecords() == week2.sorted { $0.key < $1.key })
    }

    /// Run 1 links and saves one uncertain pair; run 2 reuses its linkage (an unchanged week: no
    /// pairs saved); run 3 links again and finds none. The list after run 3 is empty, not run 1's
    /// pair, whose records may since have changed or gone.
    @Test("the review list is the latest linkage's: kept by a run that reuses it, emptied by one that finds none")
    func reviewListOfTheLatestLinkage() throws {
        let store = try F.store()
        let pair = ReviewPair(F.key("Missing:M1"), F.key("Missing:M2"), probability: 0.6, explanation: "first")
        _ = try store.performRun { run in
            _ = try run.upsert(Self.week1)
            try run.saveReviewPairs([pair])
        }
        _ = try store.performRun { run in _ = try run.upsert(Self.week1) }
        #expect(try store.reviewPairs() == [pair])
        _ = try store.performRun { run in
            _ = try run.upsert(Self.week1)
            try run.saveReviewPairs([])
        }
        #expect(try store.runs().count == 3)
        #expect(try store.reviewPairs().isEmpty)
    }

    /// Three pairs saved, the first one again with another probability and explanation, and one
    /// given with its records the other way round: two pairs, each as saved last.
    @Test("review pairs are saved with their probability and explanation; a pair saved again keeps the last")
    func reviewPairsKeepTheLast() throws {
        let store = try F.store()
        try store.performRun { run in
            _ = try run.upsert(Self.week1)
            try run.saveReviewPairs([
                ReviewPair(F.key("Missing:M1"), F.key("Missing:M2"), probability: 0.6, explanation: "first"),
                ReviewPair(F.key("CME:C1"), F.key("EHE:H1"), probability: 0.7, explanation: "forename exact"),
            ])
            try run.saveReviewPairs([
                ReviewPair(F.key("Missing:M2"), F.key("Missing:M1"), probability: 0.8, explanation: "again")
            ])
        }
        #expect(
            Set(try store.reviewPairs()) == [
                ReviewPair(F.key("Missing:M1"), F.key("Missing:M2"), probability: 0.8, explanation: "again"),
                ReviewPair(F.key("CME:C1"), F.key("EHE:H1"), probability: 0.7, explanation: "forename exact"),
            ])
    }

    @Test("a record that moves only in the file (new line number) is unchanged")
    func locationIsNotContent() throws {
        let store = try F.store()
        _ = try store.performRun { try $0.upsert([F.missing("M1")]) }
        var moved = F.missing("M1")
        moved.location = SourceLocation(file: "missing-week2.csv", line: 40)
        let changes = try store.performRun { try $0.upsert([moved]) }
        #expect(changes.unchanged == F.keys("Missing:M1"))
        #expect(try store.record(F.key("Missing:M1"))?.location?.line == 40)
    }

    /// The check a re-run of an unchanged week makes before reusing the stored linkage: the
    /// present records of the imported datasets, by content hash, against this run's records.
    @Test("holdsUnchanged: the same keys and content, wherever in the file; any change, gap or extra is not")
    func holdsUnchanged() throws {
        let store = try F.store()
        let week = [F.missing("M1"), F.missing("M2"), F.cme("C1")]
        _ = try store.performRun { try $0.upsert(week) }
        let missing: Set<Dataset> = [.missing]
        let both: Set<Dataset> = [.missing, .cme]
        #expect(try store.holdsUnchanged(week, of: both))
        #expect(try store.holdsUnchanged(Array(week.prefix(2)), of: missing), "CME not imported: not compared")

        var moved = F.missing("M2")
        moved.location = SourceLocation(file: "missing-week2.csv", line: 40)
        #expect(try store.holdsUnchanged([F.missing("M1"), moved], of: missing), "a new line is not new content")
        #expect(!(try store.holdsUnchanged([F.missing("M1"), F.missing("M2", forename: "Amelie")], of: missing)))
        #expect(!(try store.holdsUnchanged([F.missing("M1")], of: missing)), "M2 gone")
        #expect(!(try store.holdsUnchanged(week + [F.missing("M3")], of: both)), "M3 new")
        #expect(!(try store.holdsUnchanged([F.missing("M1"), F.missing("M1")], of: missing)), "M1 twice, M2 absent")
        #expect(!(try store.holdsUnchanged(week, of: missing)), "a CME record given for missing only")
        #expect(!(try store.holdsUnchanged(Array(week.prefix(2)), of: both)), "C1 absent from this run")

        _ = try store.performRun { try $0.upsert([F.missing("M1")], datasets: missing) }
        #expect(try store.holdsUnchanged([F.missing("M1")], of: missing), "M2 removed is not present")
    }

    @Test("ids stay stable where they should; the merge and the split are logged with reasons")
    func stableIDsAcrossWeeks() throws {
        let store = try F.store()
        let (_, week1) = try Self.runWeek(store, Self.week1, Self.week1Clusters)
        #expect(week1.assignment[F.key("Missing:M1")] == ChildLinkID(1))
        #expect(week1.assignment[F.key("Missing:M2")] == ChildLinkID(2))
        #expect(week1.assignment[F.key("Exclusions:X2")] == ChildLinkID(3))

        let (_, week2) = try Self.runWeek(store, Self.week2, Self.week2Clusters)
        #expect(week2.assignment[F.key("Missing:M1")] == ChildLinkID(1))
        #expect(week2.assignment[F.key("Missing:M2")] == ChildLinkID(1), "merged: the older id survives")
        #expect(week2.assignment[F.key("EHE:H1")] == ChildLinkID(3))
        #expect(week2.assignment[F.key("Missing:M3")] == ChildLinkID(4))
        #expect(week2.assignment[F.key("CME:C2")] == ChildLinkID(5))
        #expect(week2.assignment[F.key("Exclusions:X2")] == ChildLinkID(6), "split off: a fresh id")

        let logged = try store.childEvents(inRun: 2)
        #expect(logged == week2.events)
        #expect(logged.map(\.kind) == [.merge, .split])
        #expect(logged[0].childID == ChildLinkID(1) && logged[0].otherID == ChildLinkID(2))
        #expect(logged[1].childID == ChildLinkID(3) && logged[1].otherID == ChildLinkID(6))
        #expect(logged.allSatisfy { !$0.reason.isEmpty })
        #expect(try store.survivingID(of: ChildLinkID(2)) == ChildLinkID(1))
        #expect(try store.currentChildren().map(\.id.number) == [1, 3, 4, 5, 6])
        let counts = try store.currentCounts()
        let presentRecords = try store.currentRecords().count
        #expect(counts.children == 5 && counts.presentRecords == presentRecords)
        #expect(try store.check().isHealthy)

        // Week 3: the same extract again changes nothing.
        let (changes, week3) = try Self.runWeek(store, Self.week2, Self.week2Clusters)
        #expect(changes.new.isEmpty && changes.changed.isEmpty && changes.removed.isEmpty)
        #expect(week3.assignment == week2.assignment)
        #expect(week3.events.isEmpty)
        #expect(week3.newIDs.isEmpty)
    }

    @Test("a record key given twice in one run is stored once, as the later of the two")
    func repeatedKeyKeepsTheLater() throws {
        let store = try F.store()
        let records = [F.missing("M1", forename: "Amelia"), F.cme("C1"), F.missing("M1", forename: "Amelie")]
        let (changes, _) = try Self.runWeek(store, records, [F.keys("Missing:M1"), F.keys("CME:C1")])
        #expect(Set(changes.new) == Set(F.keys("Missing:M1", "CME:C1")))
        let stored = try store.currentRecords()
        #expect(stored.count == 2)
        #expect(stored.first { $0.key == F.key("Missing:M1") }?.person.forename == "Amelie")
    }

    @Test("a record that comes back after a week away is new again and gets its old child's id")
    func returningRecord() throws {
        let store = try F.store()
        _ = try Self.runWeek(store, [F.missing("M1"), F.cme("C1")], [F.keys("Missing:M1"), F.keys("CME:C1")])
        let (away, _) = try Self.runWeek(store, [F.missing("M1")], [F.keys("Missing:M1")])
        #expect(away.removed == F.keys("CME:C1"))
        let (back, ids) = try Self.runWeek(
            store, [F.missing("M1"), F.cme("C1")], [F.keys("Missing:M1"), F.keys("CME:C1")])
        #expect(back.new == F.keys("CME:C1"))
        #expect(ids.assignment[F.key("CME:C1")] == ChildLinkID(2))
    }

    @Test("each record's latest assignment is its last run's, and a store made before v7 gets its index on opening")
    func latestAssignmentAcrossRuns() throws {
        let folder = try F.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("childlink.sqlite").path
        do {
            let store = try ChildLinkStore(path: path, user: "analyst")
            // Week 1: M1 and M2 one child → CL000001, C1 → CL000002. Week 2: C1 is away; M1 and
            // M2 split, one record each, so the smaller key M1 keeps CL000001 and M2 gets CL000003.
            // Week 3: the same, and X1 is new → CL000004. C1's latest run is still week 1; M2's
            // first run (week 1) had it in CL000001, its latest has CL000003.
            let (m1, m2) = (F.missing("M1"), F.missing("M2"))
            _ = try Self.runWeek(store, [m1, m2, F.cme("C1")], [F.keys("Missing:M1", "Missing:M2"), F.keys("CME:C1")])
            _ = try Self.runWeek(store, [m1, m2], [F.keys("Missing:M1"), F.keys("Missing:M2")])
            _ = try Self.runWeek(
                store, [m1, m2, F.exclusion("X1")],
                [F.keys("Missing:M1"), F.keys("Missing:M2"), F.keys("Exclusions:X1")])
        }
        // As a store made before v7: the index gone, the migration not recorded.
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "DROP INDEX assignment_on_record")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v7-assignment-by-record'")
        }
        try queue.close()

        let store = try ChildLinkStore(path: path, user: "analyst")
        #expect(try store.appliedMigrations().last == "v7-assignment-by-record")
        let expected: [RecordKey: ChildLinkID] = [
            F.key("Missing:M1"): ChildLinkID(1), F.key("Missing:M2"): ChildLinkID(3),
            F.key("CME:C1"): ChildLinkID(2), F.key("Exclusions:X1"): ChildLinkID(4),
        ]
        #expect(try store.latestAssignment() == expected)
        let plan = try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + StoreQueries.latestAssignmentSQL, arguments: [9])
                .map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("COVERING INDEX assignment_on_record") }, "no sort of every run's rows")
        #expect(try store.check().isHealthy)
    }

    @Test("a returning record whose old child was merged away rejoins the surviving child")
    func returnsToSurvivor() throws {
        let store = try F.store()
        let all = [F.missing("M1"), F.missing("M2"), F.cme("C1")]
        _ = try Self.runWeek(store, all, [F.keys("Missing:M1"), F.keys("Missing:M2", "CME:C1")])
        let (_, merged) = try Self.runWeek(store, Array(all.prefix(2)), [F.keys("Missing:M1", "Missing:M2")])
        #expect(merged.mergedIDs == [ChildLinkID(2)])
        #expect(try store.latestAssignment()[F.key("CME:C1")] == ChildLinkID(1), "followed through the merge")

        let (_, together) = try Self.runWeek(store, all, [F.keys("Missing:M1", "Missing:M2", "CME:C1")])
        #expect(Set(together.assignment.values) == [ChildLinkID(1)])
        #expect(together.events.isEmpty)
    }

    @Test("import batches are recorded with their file name, hash, dataset and counts")
    func importBatches() throws {
        let store = try F.store()
        let hash = SHA256Fingerprint.hex(of: "EpisodeID,Forename\r\nM1,Amelia\r\n")
        try store.performRun { run in
            try run.recordImport(
                ImportBatch(fileName: "missing.csv", sha256: hash, dataset: .missing, recordCount: 1, rejectCount: 0))
        }
        let batches = try store.importBatches()
        #expect(batches.count == 1)
        #expect(batches.first?.batch.sha256 == hash)
        #expect(batches.first?.runID == 1)
        #expect(batches.first?.importedAt == F.now)
    }
}

/// Failure, concurrency, file safety and the store check.
@Suite("Run safety: transactions, locking, permissions, backup, audit, check")
struct StoreSafetyTests {
    typealias F = Fixture
    struct InjectedFailure: Error {}

    @Test("a run that fails half-way leaves the store exactly as it was, and usable")
    func failedRunRollsBack() throws {
        let folder = try F.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try ChildLinkStore(path: folder.appendingPathComponent("childlink.sqlite").path, user: "analyst")
        _ = try StoreRunTests.runWeek(store, StoreRunTests.week1, StoreRunTests.week1Clusters)
        let childrenBefore = try store.currentChildren()
        let recordsBefore = try store.currentRecords()

        #expect(throws: InjectedFailure.self) {
            try store.performRun { run in
                _ = try run.upsert(StoreRunTests.week2, datasets: Set(Dataset.strands))
                _ = try run.assignChildIDs(clusters: StoreRunTests.week2Clusters)
                try run.saveReviewPairs([ReviewPair(F.key("Missing:M1"), F.key("Missing:M3"), probability: 0.5)])
                throw InjectedFailure()
            }
        }
        #expect(try store.runs().map(\.id) == [1])
        #expect(try store.currentChildren() == childrenBefore)
        #expect(try store.currentRecords() == recordsBefore)
        #expect(try store.previousVersions(of: F.key("Missing:M2")).isEmpty)
        #expect(try store.reviewPairs().isEmpty)
        #expect(try store.childEvents().isEmpty)

        let (_, ids) = try StoreRunTests.runWeek(store, StoreRunTests.week2, StoreRunTests.week2Clusters)
        #expect(try store.runs().map(\.id) == [1, 2])
        #expect(ids.assignment[F.key("Exclusions:X2")] == ChildLinkID(6))
        #expect(try store.check().isHealthy)
    }

    @Test("a second writer waits for the busy timeout, then reports the store locked")
    func secondWriterIsLocked() throws {
        let folder = try F.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("childlink.sqlite").path
        let first = try ChildLinkStore(path: path, user: "one")
        let second = try ChildLinkStore(path: path, busyTimeout: 0.2, user: "two")
        var caught: StoreError?
        try first.performRun { run in
            _ = try run.upsert([F.missing("M1")])
            do {
                try second.performRun { _ = try $0.upsert([F.missing("M9")]) }
            } catch let error as StoreError {
                caught = error
            }
        }
        #expect(caught == .locked(path: path, seconds: 0.2))
        #expect(caught?.localizedDescription.contains("another childlink process") == true)
        // Once the first run has committed, the second writer gets through.
        _ = try second.performRun { try $0.upsert([F.missing("M1"), F.missing("M9")]) }
        #expect(try first.currentRecords(in: .missing).map(\.key) == F.keys("Missing:M1", "Missing:M9"))
    }

    @Test("the database, its -wal and -shm files, the backup and exports are created 0600")
    func filePermissions() throws {
        let folder = try F.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("childlink.sqlite").path
        let store = try ChildLinkStore(path: path, user: "analyst")
        _ = try StoreRunTests.runWeek(store, StoreRunTests.week1, StoreRunTests.week1Clusters)
        _ = try store.performRun {
            try $0.saveReviewPairs([ReviewPair(F.key("Missing:M1"), F.key("Missing:M2"), probability: 0.6)])
        }
        let export = folder.appendingPathComponent("review.csv").path
        try store.exportReviewPairs(to: export)
        for file in [path, path + "-wal", path + "-shm", path + ".bak", export] {
            #expect(FileManager.default.fileExists(atPath: file), "\(file) exists")
            #expect(try F.mode(of: file) == 0o600, "\(file) is 0600")
        }
    }

    @Test("an existing store file with wider permissions is tightened to 0600 on open")
    func tightensExistingFile() throws {
        let folder = try F.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("childlink.sqlite").path
        _ = try ChildLinkStore(path: path, user: "analyst")
        #expect(chmod(path, 0o644) == 0)
        _ = try ChildLinkStore(path: path, user: "analyst")
        #expect(try F.mode(of: path) == 0o600)
    }

    @Test("the backup holds the state before the last run, and restore brings it back")
    func backupAndRestore() throws {
        let folder = try F.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("childlink.sqlite").path
        let store = try ChildLinkStore(path: path, user: "analyst")
        _ = try StoreRunTests.runWeek(store, StoreRunTests.week1, StoreRunTests.week1Clusters)
        _ = try StoreRunTests.runWeek(store, StoreRunTests.week2, StoreRunTests.week2Clusters)
        let backup = try ChildLinkStore(path: path + ".bak", user: "analyst")
        #expect(try backup.runs().map(\.id) == [1])
        try store.restoreFromBackup()
        #expect(try store.runs().map(\.id) == [1])
        #expect(try store.currentChildren().map(\.id.number) == [1, 2, 3])
        #expect(try store.check().isHealthy)
    }

    @Test("restore without a backup says so")
    func restoreWithoutBackup() throws {
        let folder = try F.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("childlink.sqlite").path
        let store = try ChildLinkStore(path: path, user: "analyst")
        #expect(throws: StoreError.noBackup(path: path + ".bak")) { try store.restoreFromBackup() }
    }

    @Test("audit rows are appended and cannot be updated or deleted")
    func auditIsAppendOnly() throws {
        let store = try F.store()
        try store.logAudit(
            command: "footprint", query: "--name 'Amelia Horvath' --dob 14/03/2010",
            childIDs: [ChildLinkID(3), ChildLinkID(1)])
        let entries = try store.auditLog()
        #expect(entries.count == 1)
        #expect(entries.first?.user == "analyst")
        #expect(entries.first?.childIDs == [ChildLinkID(1), ChildLinkID(3)])
        #expect(entries.first?.at == F.now)
        #expect(throws: StoreError.self) { try store.executeUnchecked("UPDATE audit SET user = 'someone else'") }
        #expect(throws: StoreError.self) { try store.executeUnchecked("DELETE FROM audit") }
        #expect(try store.auditLog() == entries)
        #expect(try store.auditLog(since: F.now.addingTimeInterval(1)).isEmpty)
        #expect(try store.auditLog(since: F.now).count == 1)
    }

    @Test("store check finds a present record left unassigned")
    func checkFindsUnassignedRecord() throws {
        let store = try F.store()
        _ = try StoreRunTests.runWeek(store, StoreRunTests.week1, StoreRunTests.week1Clusters)
        #expect(try store.check().isHealthy)
        try store.executeUnchecked("DELETE FROM assignment WHERE recordID = 'M2'")
        let report = try store.check()
        #expect(!report.isHealthy)
        #expect(report.integrity == ["ok"])
        #expect(report.violations == ["record Missing:M2 is present but not assigned to a child in run 1"])
        #expect(report.description.contains("NOT healthy"))
    }

    @Test("store check finds a child with two different valid UPNs, and a merged child with records")
    func checkFindsConflictingIdentifiers() throws {
        let store = try F.store()
        let records = [F.missing("M1", upn: F.upn(serial: 1)), F.cme("C1", upn: F.upn(serial: 2))]
        _ = try StoreRunTests.runWeek(store, records, [F.keys("Missing:M1", "CME:C1")])
        try store.executeUnchecked("INSERT INTO child (id, createdRunID, status) VALUES (2, 1, 'active')")
        try store.executeUnchecked("UPDATE child SET status = 'merged', mergedIntoID = 2 WHERE id = 1")
        let report = try store.check()
        #expect(report.violations.contains("child CL000001 has 2 different valid UPNs in run 1"))
        #expect(report.violations.contains("child CL000001 was merged into another but still has records in run 1"))
    }

    @Test("store check finds the audit triggers dropped")
    func checkFindsMissingTriggers() throws {
        let store = try F.store()
        try store.executeUnchecked("DROP TRIGGER audit_no_delete")
        #expect(try store.check().violations == ["the audit log's append-only triggers are missing"])
    }
}

@Suite("Assigning ids checks the clustering against the run's records")
struct ClusteringCoverageTests {
    @Test(
        "a clustering that leaves out, invents or repeats a record is refused and nothing is assigned",
        arguments: [
            ([Fixture.keys("Missing:M1")], 1, 0),
            ([Fixture.keys("Missing:M1", "Missing:M2"), Fixture.keys("CME:C9")], 0, 1),
            ([Fixture.keys("Missing:M1", "Missing:M2"), Fixture.keys("Missing:M2")], 0, 1),
        ])
    func refusesMismatch(clusters: [[RecordKey]], unassigned: Int, unknown: Int) throws {
        let store = try Fixture.store()
        let error = #expect(throws: StoreError.self) {
            try store.performRun { run in
                _ = try run.upsert([Fixture.missing("M1"), Fixture.missing("M2")])
                return try run.assignChildIDs(clusters: clusters)
            }
        }
        #expect(error?.code == .clusteringMismatch)
        #expect(error?.message.contains("\(unassigned) present record(s) left out, \(unknown) unknown") == true)
        #expect(try store.runs().isEmpty)
    }
}

package import ChildLinkModel
import Foundation
import GRDB

/// The handle a run's work gets inside ``ChildLinkStore/performRun(note:_:)``: everything written
/// through it commits together at the end of the run, or not at all.
package final class StoreRun {
    /// The run number (1, 2, …).
    package let runID: Int
    let db: Database
    private let startedAt: Date

    init(db: Database, startedAt: Date, note: String?) throws {
        var row = RunRow(id: nil, startedAt: startedAt, finishedAt: nil, note: note)
        try row.insert(db)
        self.db = db
        self.runID = Int(row.id!)
        self.startedAt = startedAt
    }

    func finish(at date: Date) throws {
        try db.execute(sql: "UPDATE run SET finishedAt = ? WHERE id = ?", arguments: [date, runID])
    }

    /// Records that a file was imported in this run.
    ///
    /// - Throws: ``StoreError`` on a database error.
    package func recordImport(_ batch: ImportBatch) throws {
        try ImportBatchRow(
            runID: Int64(runID), fileName: batch.fileName, sha256: batch.sha256, dataset: batch.dataset,
            recordCount: batch.recordCount, rejectCount: batch.rejectCount, importedAt: startedAt
        ).insert(db)
    }

    /// Records where this run's extracts are and how it linked them, so that a later run can repeat it.
    ///
    /// - Throws: ``StoreError`` on a database error.
    package func recordInputs(_ inputs: RunInputs) throws {
        let json = String(decoding: try JSONEncoder().encode(inputs), as: UTF8.self)
        try db.execute(sql: "INSERT INTO runInputs (runID, json) VALUES (?, ?)", arguments: [runID, json])
    }

    /// Stores this run's records, keeping the previous version of each record that changed, and
    /// says what changed since the previous run.
    ///
    /// A record is *new* when it was not present in the previous run (never seen, or seen once and
    /// then absent), *changed* when its person fields or event differ from the stored version
    /// (its source file and line are not content), and *removed* when it was present before, its
    /// dataset is among `datasets`, and it is not in `records`.
    ///
    /// - Parameters:
    ///   - records: This run's records; when a key repeats, the last one is kept.
    ///   - datasets: The datasets this run imported in full; defaults to those `records` contain.
    ///   - encodingBatchSize: How many records are encoded together (on every core) before they are written.
    /// - Throws: ``StoreError`` on a database error.
    package func upsert(
        _ records: [SourceRecord], datasets: Set<Dataset>? = nil, encodingBatchSize: Int = StoreRun.encodingBatchSize
    ) throws -> RecordChangeSet {
        let imported = datasets ?? Set(records.map(\.dataset))
        // Each key's last record, by its position: a copy of every record would double the run's
        // memory at a million records.
        var latest: [RecordKey: Int] = [:]
        for (index, record) in records.enumerated() { latest[record.key] = index }
        let stored = try StoreQueries.storedStates(db, of: imported.union(latest.keys.map(\.dataset)))
        var changes = RecordChangeSet()
        // Each record's stored form (its event as JSON, its content hash) is worked out on every
        // core a batch at a time, in key order, and written on this thread.
        let positions = latest.keys.sorted().map { latest[$0]! }
        let batchSize = max(1, encodingBatchSize)
        for start in stride(from: 0, to: positions.count, by: batchSize) {
            let batch = Array(positions[start..<min(positions.count, start + batchSize)])
            let encoded = ParallelChunks.compactMap(batch.count) { RecordColumns(records[batch[$0]]) }
            for columns in encoded { try write(columns, previous: stored[columns.key], changes: &changes) }
        }
        changes.removed = stored.filter {
            $0.value.isPresent && imported.contains($0.key.dataset) && latest[$0.key] == nil
        }
        .keys.sorted()
        for key in changes.removed {
            try db.execute(
                sql: "UPDATE sourceRecord SET isPresent = 0 WHERE dataset = ? AND recordID = ?",
                arguments: [key.dataset.rawValue, key.recordID])
        }
        return changes
    }

    /// How many records ``upsert(_:datasets:encodingBatchSize:)`` encodes at once before writing them.
    package static let encodingBatchSize = 16_384

    /// Writes one record of this run: inserted when never stored, replaced (the stored version
    /// kept in the history) when its content changed, marked as seen otherwise.
    private func write(_ columns: RecordColumns, previous: StoredRecordState?, changes: inout RecordChangeSet) throws {
        let key = columns.key
        guard let previous else {
            try SourceRecordRow(columns: columns, firstSeenRunID: id, lastSeenRunID: id, isPresent: true).insert(db)
            changes.new.append(key)
            return
        }
        if previous.hash != columns.contentHash {
            try archive(key)
            try SourceRecordRow(
                columns: columns, firstSeenRunID: previous.firstSeen, lastSeenRunID: id, isPresent: true
            )
            .update(db)
        } else {
            try markSeen(columns)
        }
        if !previous.isPresent {
            changes.new.append(key)
        } else if previous.hash != columns.contentHash {
            changes.changed.append(key)
        } else {
            changes.unchanged.append(key)
        }
    }

    private var id: Int64 { Int64(runID) }

    /// Marks an unchanged record as seen in this run (its location may have moved in the file).
    private func markSeen(_ columns: RecordColumns) throws {
        let statement = try db.cachedStatement(
            sql: """
                UPDATE sourceRecord SET lastSeenRunID = ?, isPresent = 1, sourceFile = ?, sourceLine = ?
                WHERE dataset = ? AND recordID = ?
                """)
        try statement.execute(arguments: [
            runID, columns.sourceFile, columns.sourceLine, columns.dataset.rawValue, columns.recordID,
        ])
    }

    /// The record's own columns, as the schema has them: the history table's, less its id and run.
    private func recordColumnNames() throws -> [String] {
        try db.columns(in: SourceRecordHistoryRow.databaseTableName).map(\.name)
            .filter { $0 != "id" && $0 != SourceRecordHistoryRow.Columns.replacedInRunID.name }
    }

    /// Copies the current version of `key` into the history before it is replaced.
    private func archive(_ key: RecordKey) throws {
        let columns = try recordColumnNames().joined(separator: ", ")
        try db.execute(
            sql: """
                INSERT INTO sourceRecordHistory (\(columns), replacedInRunID)
                SELECT \(columns), ? FROM sourceRecord WHERE dataset = ? AND recordID = ?
                """,
            arguments: [runID, key.dataset.rawValue, key.recordID])
    }

    /// Each record's id as the previous runs left it: its latest assignment, followed through merges.
    ///
    /// - Throws: ``StoreError`` on a database error.
    package func previousAssignment() throws -> [RecordKey: ChildLinkID] {
        try StoreQueries.latestAssignment(db, before: runID)
    }

    /// The decisions the matcher must respect, latest per pair (see ``ChildLinkStore/decisions()``).
    ///
    /// - Throws: ``StoreError`` on a database error.
    package func decisions() throws -> [ReviewDecision] { try StoreQueries.decisions(db) }

    /// Gives this run's clusters their ChildLink ids (see ``StableIDAssigner``), stores the
    /// assignment, the new children, and logs every merge and split with its reason.
    ///
    /// - Parameter clusters: The matcher's clustering of this run's records: every present record
    ///   (see ``upsert(_:datasets:)``) exactly once, and no other.
    /// - Throws: ``StoreError/clusteringMismatch(unassigned:unknown:examples:)`` when the clusters do not
    ///   cover exactly the present records (nothing is written then), or ``StoreError`` on a database error.
    package func assignChildIDs(clusters: [[RecordKey]]) throws -> IDAssignment {
        let (firstSeen, present) = try StoreQueries.firstSeenAndPresent(db)
        try checkCovers(clusters, present: present)
        let previous = try previousAssignment()
        let maxIssued = try Int.fetchOne(db, sql: "SELECT MAX(id) FROM child") ?? 0
        let result = StableIDAssigner.assign(
            clusters: clusters, previous: previous, maxIssued: maxIssued, firstSeen: firstSeen,
            dormant: try StoreQueries.dormantIDs(db))
        try save(result)
        return result
    }

    /// Refuses a clustering that leaves a `present` record out, names a record that is not present, or repeats one.
    private func checkCovers(_ clusters: [[RecordKey]], present: Set<RecordKey>) throws {
        var seen: Set<RecordKey> = []
        var unknown: [RecordKey] = []
        for key in clusters.joined() where !seen.insert(key).inserted || !present.contains(key) {
            unknown.append(key)
        }
        let unassigned = present.subtracting(seen).sorted()
        guard unassigned.isEmpty, unknown.isEmpty else {
            let examples = (unassigned.prefix(3) + unknown.sorted().prefix(3)).map(\.description)
            throw StoreError.clusteringMismatch(
                unassigned: unassigned.count, unknown: unknown.count, examples: examples)
        }
    }

    private func save(_ result: IDAssignment) throws {
        try db.execute(sql: "DELETE FROM assignment WHERE runID = ?", arguments: [runID])
        try insertChildren(result.newIDs)
        for revived in result.revivedIDs {
            try db.execute(
                sql: "UPDATE child SET status = ?, mergedIntoID = NULL, mergedRunID = NULL WHERE id = ?",
                arguments: [ChildStatus.active, revived.number])
        }
        for event in result.events {
            if event.kind == .merge {
                try db.execute(
                    sql: "UPDATE child SET status = ?, mergedIntoID = ?, mergedRunID = ? WHERE id = ?",
                    arguments: [ChildStatus.merged, event.childID.number, runID, event.otherID.number])
            }
            try ChildEventRow(
                runID: id, kind: event.kind, childID: Int64(event.childID.number),
                otherID: Int64(event.otherID.number), records: event.records.map(\.description).joined(separator: " "),
                reason: event.reason
            ).insert(db)
        }
        try insertAssignment(result.assignment)
    }

    // Hundreds of thousands of rows at a million records: one prepared statement for all of them,
    // not a Codable record per row.

    /// Adds the ids issued in this run as active children.
    private func insertChildren(_ ids: [ChildLinkID]) throws {
        let statement = try db.cachedStatement(
            sql: "INSERT INTO child (id, createdRunID, status, mergedIntoID, mergedRunID) VALUES (?, ?, ?, NULL, NULL)")
        for childID in ids { try statement.execute(arguments: [childID.number, runID, ChildStatus.active]) }
    }

    /// Stores each record's child for this run, in key order (so that the primary key grows in order).
    private func insertAssignment(_ assignment: [RecordKey: ChildLinkID]) throws {
        let statement = try db.cachedStatement(
            sql: "INSERT INTO assignment (runID, dataset, recordID, childID) VALUES (?, ?, ?, ?)")
        for (key, childID) in assignment.sorted(by: { $0.key.precedes($1.key) }) {
            try statement.execute(arguments: [runID, key.dataset.rawValue, key.recordID, childID.number])
        }
    }

    /// Saves this run's uncertain pairs for clerical review (a pair saved twice keeps the last), in
    /// place of an earlier run's: the review list is the latest linkage's, so a linkage with no
    /// uncertain pair leaves it empty, never showing the pairs of records since changed or gone. A
    /// run that reuses the latest linkage (an unchanged week) saves none and keeps its list.
    ///
    /// - Throws: ``StoreError`` on a database error.
    package func saveReviewPairs(_ pairs: [ReviewPair]) throws {
        try db.execute(sql: "DELETE FROM reviewPair WHERE runID <> ?", arguments: [runID])
        // One prepared statement for every pair (196,650 at 1M records), not a record encoded
        // through `Codable` and an upsert built for each.
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO reviewPair (runID, datasetA, recordIDA, datasetB, recordIDB, probability, explanation)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (runID, datasetA, recordIDA, datasetB, recordIDB)
                DO UPDATE SET probability = excluded.probability, explanation = excluded.explanation
                """)
        for pair in pairs {
            try statement.execute(arguments: [
                runID, pair.recordA.dataset.rawValue, pair.recordA.recordID, pair.recordB.dataset.rawValue,
                pair.recordB.recordID, pair.probability, pair.explanation,
            ])
        }
    }
}

func jsonArray(_ values: [String]) -> String {
    let data = try! JSONSerialization.data(withJSONObject: values)
    return String(decoding: data, as: UTF8.self)
}

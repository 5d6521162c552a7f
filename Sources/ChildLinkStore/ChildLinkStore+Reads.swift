package import ChildLinkModel
import Foundation
import GRDB

extension ChildLinkStore {
    /// The runs so far, oldest first.
    ///
    /// - Throws: ``StoreError``.
    package func runs() throws -> [StoreRunSummary] {
        try read { db in
            try RunRow.fetchAll(db, sql: "SELECT * FROM run ORDER BY id").map {
                StoreRunSummary(id: Int($0.id ?? 0), startedAt: $0.startedAt, finishedAt: $0.finishedAt, note: $0.note)
            }
        }
    }

    /// Where the latest finished run's extracts were and its settings; `nil` when there is no run or
    /// the latest did not record them (made before the store kept them, or from records, not extracts).
    ///
    /// - Throws: ``StoreError``.
    package func latestRunInputs() throws -> (runID: Int, inputs: RunInputs)? {
        try read { db in
            guard
                let runID = try Int.fetchOne(
                    db, sql: "SELECT id FROM run WHERE finishedAt IS NOT NULL ORDER BY id DESC LIMIT 1"),
                let json = try String.fetchOne(
                    db, sql: "SELECT json FROM runInputs WHERE runID = ?", arguments: [runID]),
                let inputs = try? JSONDecoder().decode(RunInputs.self, from: Data(json.utf8))
            else { return nil }
            return (runID, inputs)
        }
    }

    /// The import batches so far, in the order they were recorded.
    ///
    /// - Throws: ``StoreError``.
    package func importBatches() throws -> [StoredImportBatch] {
        try read { db in
            try ImportBatchRow.order(Column.rowID).fetchAll(db).map { row in
                let batch = ImportBatch(
                    fileName: row.fileName, sha256: row.sha256, dataset: row.dataset, recordCount: row.recordCount,
                    rejectCount: row.rejectCount)
                return StoredImportBatch(runID: Int(row.runID), batch: batch, importedAt: row.importedAt)
            }
        }
    }

    /// The current version of one record, present or not.
    ///
    /// - Throws: ``StoreError``.
    package func record(_ key: RecordKey) throws -> SourceRecord? {
        try read { db in
            try SourceRecordRow.fetchOne(db, key: ["dataset": key.dataset.rawValue, "recordID": key.recordID])
                .map { try $0.columns.sourceRecord() }
        }
    }

    /// The records present in the latest run, sorted by key (optionally of one dataset).
    ///
    /// - Parameters:
    ///   - dataset: One dataset's records only; every dataset's when `nil`.
    ///   - decodingBatchSize: How many rows are held at once before they are decoded together.
    /// - Throws: ``StoreError``.
    package func currentRecords(
        in dataset: Dataset? = nil, decodingBatchSize: Int = ChildLinkStore.decodingBatchSize
    ) throws -> [SourceRecord] {
        try read { db in
            var sql = "SELECT * FROM sourceRecord WHERE isPresent = 1"
            var arguments: StatementArguments = []
            if let dataset {
                sql += " AND dataset = ?"
                arguments = [dataset.rawValue]
            }
            var decoder = RecordBatchDecoder(batchSize: decodingBatchSize)
            let rows = try RecordColumns.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try rows.next() { try decoder.add(row) }
            var decoded = try decoder.finish()
            decoded.sort { $0.key < $1.key }
            return decoded
        }
    }

    /// Every present record's key and person, without its event: what a name search scores, read
    /// without decoding every record's event (the few records it finds are then read in full by
    /// key). In the store's order, which a search does not need to be the keys'.
    ///
    /// - Throws: ``StoreError``.
    package func presentPeople() throws -> [(key: RecordKey, person: PersonFields)] {
        try read { db in
            var decoder = RecordBatchDecoder(batchSize: Self.decodingBatchSize) { (key: $0.key, person: $0.person) }
            let rows = try RecordColumns.fetchCursor(
                db, sql: "SELECT \(RecordColumns.personOnlySelection) FROM sourceRecord WHERE isPresent = 1")
            while let row = try rows.next() { try decoder.add(row) }
            return try decoder.finish()
        }
    }

    /// Whether the records present in the latest run of `datasets` are exactly `records`: the same
    /// keys, each with the same content (person fields and event, compared by the content hash a
    /// run stores; not where in a file it was read from). No stored record is decoded: the hashes
    /// of `records` are worked out on every core and compared with the stored ones.
    ///
    /// - Parameters:
    ///   - records: One record per key (a key given twice makes the answer `false`).
    ///   - datasets: The datasets they stand for in full.
    /// - Throws: ``StoreError``.
    package func holdsUnchanged(_ records: [SourceRecord], of datasets: Set<Dataset>) throws -> Bool {
        guard records.allSatisfy({ datasets.contains($0.dataset) }), Set(records.map(\.key)).count == records.count
        else { return false }
        let stored = try read { db in try StoreQueries.storedStates(db, of: datasets).filter(\.value.isPresent) }
        guard stored.count == records.count else { return false }
        let differing = ParallelChunks.compactMap(records.count) { index -> Int? in
            let record = records[index]
            return stored[record.key]?.hash == RecordColumns(record).contentHash ? nil : index
        }
        return differing.isEmpty
    }

    /// How many rows a read holds at once before decoding them on every core.
    package static let decodingBatchSize = 16_384

    /// The records among `keys` present in the latest run, by key (a key the store does not hold,
    /// or holds as absent, is left out): a few children's records without decoding every record.
    ///
    /// - Throws: ``StoreError``.
    package func currentRecords(_ keys: some Sequence<RecordKey>) throws -> [RecordKey: SourceRecord] {
        try read { db in
            let statement = try db.cachedStatement(
                sql: "SELECT * FROM sourceRecord WHERE dataset = ? AND recordID = ? AND isPresent = 1")
            var decoder = RecordBatchDecoder(batchSize: Self.decodingBatchSize)
            var seen: Set<RecordKey> = []
            for key in keys where seen.insert(key).inserted {
                let row = try RecordColumns.fetchOne(statement, arguments: [key.dataset.rawValue, key.recordID])
                if let row { try decoder.add(row) }
            }
            return Dictionary(uniqueKeysWithValues: try decoder.finish().map { ($0.key, $0) })
        }
    }

    /// The earlier versions of a record, oldest first (the current version is ``record(_:)``).
    ///
    /// - Throws: ``StoreError``.
    package func previousVersions(of key: RecordKey) throws -> [SourceRecord] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM sourceRecordHistory WHERE dataset = ? AND recordID = ? ORDER BY id",
                arguments: [key.dataset.rawValue, key.recordID]
            ).map { try RecordColumns(row: $0).sourceRecord() }
        }
    }

    /// How many children the latest assignment holds, and how many records are present: what
    /// ``currentChildren()`` and ``currentRecords(in:)`` would count, without reading them.
    ///
    /// - Throws: ``StoreError``.
    package func currentCounts() throws -> (children: Int, presentRecords: Int) {
        try read { db in
            let records = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sourceRecord WHERE isPresent = 1") ?? 0
            guard let runID = try StoreQueries.latestAssignedRun(db) else { return (0, records) }
            let children =
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(DISTINCT childID) FROM assignment WHERE runID = ?", arguments: [runID]) ?? 0
            return (children, records)
        }
    }

    /// The children of the latest run that assigned ids, sorted by id.
    ///
    /// - Throws: ``StoreError``.
    package func currentChildren() throws -> [LinkedChild] {
        try read { db in
            guard let runID = try StoreQueries.latestAssignedRun(db) else { return [] }
            var records: [Int: [RecordKey]] = [:]
            for row in try AssignmentRow.fetchAll(
                db, sql: "SELECT * FROM assignment WHERE runID = ?", arguments: [runID])
            {
                records[Int(row.childID), default: []].append(RecordKey(dataset: row.dataset, recordID: row.recordID))
            }
            return records.map { LinkedChild(id: ChildLinkID($0.key), records: $0.value) }.sorted { $0.id < $1.id }
        }
    }

    /// Each record's id as the latest runs left it, with merged ids followed to the surviving id.
    ///
    /// - Throws: ``StoreError``.
    package func latestAssignment() throws -> [RecordKey: ChildLinkID] {
        try read { try StoreQueries.latestAssignment($0) }
    }

    /// The id a child now carries: `id` itself, or the id it was merged into.
    ///
    /// - Throws: ``StoreError``.
    package func survivingID(of id: ChildLinkID) throws -> ChildLinkID {
        try survivingIDs()[id] ?? id
    }

    /// For each merged child, the id it now carries (an id the map leaves out was never merged):
    /// read once for many lookups, where ``survivingID(of:)`` reads the merges each time.
    ///
    /// - Throws: ``StoreError``.
    package func survivingIDs() throws -> [ChildLinkID: ChildLinkID] {
        let numbers = try read { try StoreQueries.survivingIDs($0) }
        return Dictionary(uniqueKeysWithValues: numbers.map { (ChildLinkID($0.key), ChildLinkID($0.value)) })
    }

    /// The present records holding `identifier`, found by the store's person columns without
    /// reading any record: the records ``PersonIdentifier/isHeld(by:)`` is true for.
    ///
    /// - Throws: ``StoreError``.
    package func presentRecordKeys(holding identifier: PersonIdentifier) throws -> Set<RecordKey> {
        let (condition, value): (String, String) =
            switch identifier {
            case .upn(let value): ("(upn = ?1 OR formerUPN = ?1)", value)
            case .nhsNumber(let value): ("nhsNumber = ?1", value)
            case .personID(let value): ("personID = ?1", value)
            }
        return try read { db in
            try StoreQueries.recordKeys(db, where: "isPresent = 1 AND \(condition)", arguments: [value])
        }
    }

    /// The records the store holds that the latest run did not see (dropped from their extracts):
    /// the keys ``latestAssignment()`` still gives a child that ``currentRecords(in:)`` leaves out.
    ///
    /// - Throws: ``StoreError``.
    package func absentRecordKeys() throws -> Set<RecordKey> {
        try read { db in try StoreQueries.recordKeys(db, where: "isPresent = 0") }
    }

    /// Every merge and split logged, in run order (optionally of one run).
    ///
    /// - Throws: ``StoreError``.
    package func childEvents(inRun runID: Int? = nil) throws -> [ChildIDEvent] {
        try read { db in
            var sql = "SELECT * FROM childEvent"
            var arguments: StatementArguments = []
            if let runID {
                sql += " WHERE runID = ?"
                arguments = [runID]
            }
            return try ChildEventRow.fetchAll(db, sql: sql + " ORDER BY id", arguments: arguments).map { row in
                let records = row.records.split(separator: " ").compactMap { RecordKey(parsing: $0) }
                return ChildIDEvent(
                    kind: row.kind, childID: ChildLinkID(Int(row.childID)), otherID: ChildLinkID(Int(row.otherID)),
                    records: records, reason: row.reason)
            }
        }
    }
}

/// Stored rows decoded into values (records, or people for a name search), in the order added:
/// the rows are held a batch at a time and each batch is decoded in chunks on every core (the
/// event's JSON is most of a record's work), so a read of many records holds one batch of rows
/// beside the values, not a row for every record.
struct RecordBatchDecoder<Value: Sendable> {
    let batchSize: Int
    private let decode: @Sendable (RecordColumns) throws -> Value
    private var batch: [RecordColumns] = []
    private var values: [Value] = []

    /// A decoder that turns each row into a value with `decode`.
    init(batchSize: Int, decode: @escaping @Sendable (RecordColumns) throws -> Value) {
        self.batchSize = max(1, batchSize)
        self.decode = decode
    }

    /// Adds a row, decoding the batch when it is full.
    ///
    /// - Throws: ``StoreError/unreadableRecord(field:)``.
    mutating func add(_ row: RecordColumns) throws {
        batch.append(row)
        if batch.count >= batchSize { try decodeBatch() }
    }

    /// The values of every row added, in order.
    ///
    /// - Throws: ``StoreError/unreadableRecord(field:)``.
    mutating func finish() throws -> [Value] {
        try decodeBatch()
        // Moved out, not copied: the caller may sort the array in place.
        var taken: [Value] = []
        swap(&taken, &values)
        return taken
    }

    private mutating func decodeBatch() throws {
        let (rows, decode) = (batch, decode)
        batch = []
        values += try ParallelChunks.compactMap(rows.count) { try decode(rows[$0]) }
    }
}

extension RecordBatchDecoder where Value == SourceRecord {
    /// A decoder of whole records (person, event and where each was read).
    init(batchSize: Int) { self.init(batchSize: batchSize) { try $0.sourceRecord() } }
}

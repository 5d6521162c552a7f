import ChildLinkModel
import Foundation
import GRDB

/// Reads shared by the store and the run handle.
enum StoreQueries {
    /// Each record's latest assignment in a run before `runID`, with merged ids followed to the surviving id.
    ///
    /// One pass over the index `assignment_on_record` (migration `v7-assignment-by-record`), in
    /// record order. With `MAX(runID)` its only aggregate, SQLite takes the bare column `childID`
    /// from the row holding the maximum, that is from the record's latest run.
    static func latestAssignment(_ db: Database, before runID: Int = .max) throws -> [RecordKey: ChildLinkID] {
        let survivors = try survivingIDs(db)
        var assignment: [RecordKey: ChildLinkID] = [:]
        // Every record assigned is stored: sized once, not grown through twenty rehashes at 1M.
        assignment.reserveCapacity(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sourceRecord") ?? 0)
        let rows = try Row.fetchCursor(db, sql: latestAssignmentSQL, arguments: [runID])
        while let row = try rows.next() {
            guard let key = recordKey(row["dataset"], row["recordID"]) else { continue }
            let number: Int = row["childID"]
            assignment[key] = ChildLinkID(survivors[number] ?? number)
        }
        return assignment
    }

    /// ``latestAssignment(_:before:)``'s query, its one argument the run to read before.
    static let latestAssignmentSQL = """
        SELECT dataset, recordID, childID, MAX(runID) FROM assignment WHERE runID < ?
        GROUP BY dataset, recordID
        """

    /// For each merged child, the active child it ended up in.
    static func survivingIDs(_ db: Database) throws -> [Int: Int] {
        var mergedInto: [Int: Int] = [:]
        let merged = try Row.fetchAll(
            db, sql: "SELECT id, mergedIntoID FROM child WHERE status = ?", arguments: [ChildStatus.merged])
        for row in merged {
            if let target: Int = row["mergedIntoID"] { mergedInto[row["id"]] = target }
        }
        var resolved: [Int: Int] = [:]
        for start in mergedInto.keys {
            var current = start
            var steps = 0
            while let next = mergedInto[current], steps <= mergedInto.count {
                current = next
                steps += 1
            }
            resolved[start] = current
        }
        return resolved
    }

    /// For each record that a merge moved into another child, the id it carried before (the
    /// latest such merge), while that id is still merged away (see ``StableIDAssigner``).
    static func dormantIDs(_ db: Database) throws -> [RecordKey: ChildLinkID] {
        var dormant: [RecordKey: ChildLinkID] = [:]
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT e.otherID, e.records FROM childEvent e JOIN child c ON c.id = e.otherID
                WHERE e.kind = 'merge' AND c.status = ? ORDER BY e.id
                """, arguments: [ChildStatus.merged])
        for row in rows {
            let id = ChildLinkID(row["otherID"] as Int)
            for text in (row["records"] as String).split(separator: " ") {
                if let key = RecordKey(parsing: text) { dormant[key] = id }
            }
        }
        return dormant
    }

    /// The run in which each stored record was first seen, and which records are present: one
    /// scan of the records' key columns for both.
    static func firstSeenAndPresent(_ db: Database) throws -> (firstSeen: [RecordKey: Int], present: Set<RecordKey>) {
        var firstSeen: [RecordKey: Int] = [:]
        var present: Set<RecordKey> = []
        let rows = try Row.fetchCursor(db, sql: "SELECT dataset, recordID, firstSeenRunID, isPresent FROM sourceRecord")
        while let row = try rows.next() {
            guard let key = recordKey(row["dataset"], row["recordID"]) else { continue }
            firstSeen[key] = row["firstSeenRunID"]
            if row["isPresent"] { present.insert(key) }
        }
        return (firstSeen, present)
    }

    /// The latest decision for each pair among those not revoked, sorted by pair: revoking a
    /// decision brings back the one it replaced, as if it had never been made.
    static func decisions(_ db: Database) throws -> [ReviewDecision] {
        let rows = try DecisionRow.fetchAll(
            db,
            sql: """
                WITH live AS (SELECT * FROM decision WHERE reviewDecisionID IS NULL
                    OR reviewDecisionID NOT IN (SELECT decisionID FROM decisionRevocation))
                SELECT * FROM live d WHERE d.id = (SELECT MAX(id) FROM live e
                    WHERE e.datasetA = d.datasetA AND e.recordIDA = d.recordIDA
                    AND e.datasetB = d.datasetB AND e.recordIDB = d.recordIDB)
                """)
        return rows.map(\.model).sorted { ($0.recordA, $0.recordB) < ($1.recordA, $1.recordB) }
    }

    /// The latest run that has an assignment, if any.
    static func latestAssignedRun(_ db: Database) throws -> Int? {
        try Int.fetchOne(db, sql: "SELECT MAX(runID) FROM assignment")
    }

    /// What a run compares this run's records with: each stored record of `datasets` (present
    /// or not) with its content hash, the run that first saw it and whether it is present.
    static func storedStates(_ db: Database, of datasets: Set<Dataset>) throws -> [RecordKey: StoredRecordState] {
        var state: [RecordKey: StoredRecordState] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql: "SELECT dataset, recordID, contentHash, firstSeenRunID, isPresent FROM sourceRecord WHERE dataset IN "
                + "(SELECT value FROM json_each(?))",
            arguments: [jsonArray(datasets.map(\.rawValue))])
        while let row = try rows.next() {
            guard let key = recordKey(row["dataset"], row["recordID"]) else { continue }
            state[key] = StoredRecordState(
                hash: row["contentHash"], firstSeen: row["firstSeenRunID"], isPresent: row["isPresent"])
        }
        return state
    }

    /// The keys of the stored records meeting `condition` (SQL on `sourceRecord`'s columns, its
    /// values in `arguments`), read from the key columns alone, without decoding a record.
    static func recordKeys(_ db: Database, where condition: String, arguments: StatementArguments = [])
        throws -> Set<RecordKey>
    {
        var keys: Set<RecordKey> = []
        let rows = try Row.fetchCursor(
            db, sql: "SELECT dataset, recordID FROM sourceRecord WHERE \(condition)", arguments: arguments)
        while let row = try rows.next() {
            if let key = recordKey(row["dataset"], row["recordID"]) { keys.insert(key) }
        }
        return keys
    }

    static func recordKey(_ dataset: String, _ recordID: String) -> RecordKey? {
        Dataset(rawValue: dataset).map { RecordKey(dataset: $0, recordID: recordID) }
    }
}

extension DecisionRow {
    init(_ decision: ReviewDecision) {
        self.init(
            datasetA: decision.recordA.dataset, recordIDA: decision.recordA.recordID,
            datasetB: decision.recordB.dataset, recordIDB: decision.recordB.recordID, kind: decision.kind,
            decidedBy: decision.decidedBy, decidedAt: decision.decidedAt, note: decision.note,
            reviewDecisionID: decision.decisionID.map { Int64($0.number) })
    }

    var model: ReviewDecision {
        ReviewDecision(
            RecordKey(dataset: datasetA, recordID: recordIDA), RecordKey(dataset: datasetB, recordID: recordIDB),
            kind: kind, decidedBy: decidedBy, decidedAt: decidedAt, note: note,
            decisionID: reviewDecisionID.map { DecisionID(Int($0)) })
    }
}

extension ReviewPairRow {
    var model: ReviewPair {
        ReviewPair(
            RecordKey(dataset: datasetA, recordID: recordIDA), RecordKey(dataset: datasetB, recordID: recordIDB),
            probability: probability, explanation: explanation)
    }
}

/// A stored record as a run compares it: its content hash, the run that first saw it, whether it is present.
struct StoredRecordState: Sendable {
    let hash: String
    let firstSeen: Int64
    let isPresent: Bool
}

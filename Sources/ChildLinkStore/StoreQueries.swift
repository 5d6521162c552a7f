import ChildLinkModel
import Foundation
import GRDB

/// Reads shared by the store and the run handle.
enum StoreQueries {
    /// Each record's latest assignment in a run before `runID`, with merged ids followed to the surviving id.
    static func latestAssignment(_ db: Database, before runID: Int = .max) throws -> [RecordKey: ChildLinkID] {
        let survivors = try survivingIDs(db)
        var assignment: [RecordKey: ChildLinkID] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT a.dataset, a.recordID, a.childID FROM assignment a
                JOIN (SELECT dataset, recordID, MAX(runID) AS runID FROM assignment WHERE runID < ?
                      GROUP BY dataset, recordID) latest
                USING (dataset, recordID, runID)
                """,
            arguments: [runID])
        while let row = try rows.next() {
            guard let key = recordKey(row["dataset"], row["recordID"]) else { continue }
            let number: Int = row["childID"]
            assignment[key] = ChildLinkID(survivors[number] ?? number)
        }
        return assignment
    }

    /// For each merged child, the active child it ended up in.
    static func survivingIDs(_ db: Database) throws -> [Int: Int] {
        var mergedInto: [Int: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, mergedIntoID FROM child WHERE status = 'merged'") {
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

    /// The run in which each stored record was first seen.
    static func firstSeen(_ db: Database) throws -> [RecordKey: Int] {
        var seen: [RecordKey: Int] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT dataset, recordID, firstSeenRunID FROM sourceRecord")
        while let row = try rows.next() {
            if let key = recordKey(row["dataset"], row["recordID"]) { seen[key] = row["firstSeenRunID"] }
        }
        return seen
    }

    /// The latest decision for each pair, sorted by pair.
    static func decisions(_ db: Database) throws -> [ReviewDecision] {
        let rows = try DecisionRow.fetchAll(
            db,
            sql: """
                SELECT * FROM decision d WHERE d.id = (SELECT MAX(id) FROM decision e
                    WHERE e.recordA = d.recordA AND e.recordB = d.recordB)
                ORDER BY recordA, recordB
                """)
        return rows.compactMap(\.model).sorted { ($0.recordA, $0.recordB) < ($1.recordA, $1.recordB) }
    }

    /// The latest run that has an assignment, if any.
    static func latestAssignedRun(_ db: Database) throws -> Int? {
        try Int.fetchOne(db, sql: "SELECT MAX(runID) FROM assignment")
    }

    static func recordKey(_ dataset: String, _ recordID: String) -> RecordKey? {
        Dataset(rawValue: dataset).map { RecordKey(dataset: $0, recordID: recordID) }
    }
}

extension DecisionRow {
    var model: ReviewDecision? {
        guard let a = RecordKey(parsing: recordA), let b = RecordKey(parsing: recordB),
            let kind = ReviewDecision.Kind(rawValue: kind)
        else { return nil }
        return ReviewDecision(a, b, kind: kind, decidedBy: decidedBy, decidedAt: decidedAt, note: note)
    }
}

extension ReviewPairRow {
    var model: ReviewPair? {
        guard let a = RecordKey(parsing: recordA), let b = RecordKey(parsing: recordB) else { return nil }
        return ReviewPair(a, b, probability: probability, explanation: explanation)
    }
}

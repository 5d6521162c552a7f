import ChildLinkModel
import Foundation
import Testing

@testable import ChildLinkStore

@Suite("Clerical review: pairs, decisions, CSV round trip")
struct ReviewTests {
    typealias F = Fixture
    let m1 = Fixture.key("Missing:M1")
    let m2 = Fixture.key("Missing:M2")
    let c1 = Fixture.key("CME:C1")
    let h1 = Fixture.key("EHE:H1")

    func storeWithPairs() throws -> ChildLinkStore {
        let store = try F.store()
        try store.performRun { run in
            _ = try run.upsert(StoreRunTests.week1, datasets: Set(Dataset.strands))
            _ = try run.assignChildIDs(clusters: StoreRunTests.week1Clusters)
            try run.saveReviewPairs([
                ReviewPair(m2, m1, probability: 0.62, explanation: "surname +4.1, forename one edit +1.2, dob +5.0"),
                ReviewPair(c1, h1, probability: 0.81, explanation: "dob +5.0; postcode missing"),
                ReviewPair(m1, h1, probability: 0.62, explanation: "tie with M1–M2"),
            ])
        }
        return store
    }

    @Test("uncertain pairs are listed most probable first, ties by record keys, keys in order")
    func listing() throws {
        let pairs = try storeWithPairs().reviewPairs()
        #expect(pairs.map(\.probability) == [0.81, 0.62, 0.62])
        #expect(pairs[0].recordA == c1 && pairs[0].recordB == h1)
        #expect(pairs[1].recordA == m1 && pairs[1].recordB == m2, "the smaller key is always A")
        #expect(pairs[2].recordA == m1 && pairs[2].recordB == h1)
    }

    @Test("decisions persist, the latest per pair wins, and later runs still see them")
    func decisionsPersistAcrossRuns() throws {
        let store = try storeWithPairs()
        try store.decide(m2, m1, .mustLink, note: "same child, typo in forename")
        try store.decide(c1, h1, .mustLink)
        try store.decide(h1, c1, .cannotLink, note: "twins: different forenames")
        // Each carries the id of the reviewer decision it belongs to (D2, the replaced accept, is not listed).
        let expected = [
            ReviewDecision(
                m1, m2, kind: .mustLink, decidedBy: "analyst", decidedAt: F.now, note: "same child, typo in forename",
                decisionID: DecisionID(1)),
            ReviewDecision(
                c1, h1, kind: .cannotLink, decidedBy: "analyst", decidedAt: F.now, note: "twins: different forenames",
                decisionID: DecisionID(3)),
        ].sorted { ($0.recordA, $0.recordB) < ($1.recordA, $1.recordB) }
        #expect(try store.decisions() == expected)
        #expect(try store.reviewPairs(undecidedOnly: true).map(\.recordB) == [h1])

        // Revoking the reject brings back the accept it replaced, as if the reject had never been made.
        try store.revoke(DecisionID(3), note: "not twins")
        #expect(try store.decisions().map(\.kind) == [.mustLink, .mustLink])
        #expect(try store.decisionHistory().map(\.isLive) == [true, true, false])
        #expect(throws: StoreError.alreadyRevoked("D3")) { try store.revoke(DecisionID(3), note: "again") }
        #expect(throws: StoreError.unknownDecision("D9")) { try store.revoke(DecisionID(9), note: "typo") }
        #expect(throws: StoreError.self) { try store.executeUnchecked("DELETE FROM reviewDecision") }
        #expect(throws: StoreError.self) { try store.executeUnchecked("UPDATE decision SET kind = 'must-link'") }
        // Decided again, the pair is apart once more.
        try store.decide(h1, c1, .cannotLink, note: "twins: different forenames")

        // A later run that saves no pairs still hands the matcher every decision.
        let seenInRun = try store.performRun { run in
            _ = try run.upsert(StoreRunTests.week2, datasets: Set(Dataset.strands))
            _ = try run.assignChildIDs(clusters: StoreRunTests.week2Clusters)
            return try run.decisions()
        }
        let again = expected.map {
            $0.kind == .cannotLink
                ? ReviewDecision(
                    $0.recordA, $0.recordB, kind: $0.kind, decidedBy: $0.decidedBy, decidedAt: $0.decidedAt,
                    note: $0.note, decisionID: DecisionID(4)) : $0
        }
        #expect(seenInRun == again)
        #expect(try store.decisions() == again)
    }

    @Test("export writes the documented columns with current decisions; filled-in decisions import back")
    func csvRoundTrip() throws {
        let folder = try F.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try storeWithPairs()
        try store.decide(c1, h1, .cannotLink, note: "twins, \"A\" and \"B\"")
        let path = folder.appendingPathComponent("review.csv").path
        #expect(try store.exportReviewPairs(to: path) == 3)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines[0] == "RecordA,RecordB,Probability,Decision,Note,Explanation")
        #expect(lines[1] == #"CME:C1,EHE:H1,0.8100,reject,"twins, ""A"" and ""B""",dob +5.0; postcode missing"#)
        #expect(lines[2].hasPrefix("Missing:M1,Missing:M2,0.6200,,,"))
        // The export is audited with the ids of the children concerned.
        let audit = try #require(try store.auditLog().last)
        #expect(audit.command == "review export")
        #expect(audit.childIDs == [ChildLinkID(1), ChildLinkID(2), ChildLinkID(3)])

        // The rows as a CSV reader gives them back, with the M1–M2 decision filled in.
        let rows = F.rows(
            ["RecordA", "RecordB", "Probability", "Decision", "Note", "Explanation"],
            ["CME:C1", "EHE:H1", "0.8100", "reject", "twins, \"A\" and \"B\"", "dob +5.0; postcode missing"],
            ["Missing:M1", "Missing:M2", "0.6200", "accept", "spoke to CME officer", "surname +4.1"])
        let imported = try store.importDecisions(rows: rows, from: path)
        #expect(imported.map(\.kind) == [.cannotLink, .mustLink])
        #expect(imported[1].note == "spoke to CME officer")
        #expect(try store.decisions().count == 2)
        #expect(try store.reviewPairs(undecidedOnly: true).count == 1)
    }

    @Test("a bad decision word is reported with its line and field, and nothing is recorded")
    func badCSV() throws {
        let folder = try F.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try storeWithPairs()
        let path = folder.appendingPathComponent("decisions.csv").path
        let badWord = F.rows(
            ["RecordA", "RecordB", "Decision"], ["Missing:M1", "Missing:M2", "accept"], ["EHE:H1", "CME:C1", "perhaps"])
        #expect(
            throws: StoreError.badCSV(
                path: path, line: 3, field: "Decision", message: "'perhaps' is not accept or reject")
        ) {
            try store.importDecisions(rows: badWord, from: path)
        }
        #expect(try store.decisions().isEmpty)
        let badKey = F.rows(["RecordA", "RecordB", "Decision"], ["Missing", "Missing:M2", "accept"])
        #expect(throws: StoreError.badCSV(path: path, line: 2, field: "RecordA", message: "not Dataset:RecordID")) {
            try store.importDecisions(rows: badKey, from: path)
        }
    }

    @Test("a bad row is reported with the line the reader says it starts on, not its index")
    func reportsReaderLines() throws {
        let store = try storeWithPairs()
        let rows = [
            ReviewCSVRow(line: 1, fields: ["RecordA", "RecordB", "Decision", "Note"]),
            ReviewCSVRow(line: 2, fields: ["Missing:M1", "Missing:M2", "accept", "two\nlines"]),
            ReviewCSVRow(line: 4, fields: ["Missing:M1", "EHE:H1", "maybe", ""]),
        ]
        #expect(
            throws: StoreError.badCSV(
                path: "r.csv", line: 4, field: "Decision", message: "'maybe' is not accept or reject")
        ) {
            try store.importDecisions(rows: rows, from: "r.csv")
        }
    }

    @Test("exported fields are encoded as every other CSV output: numbers plain, formulas defused")
    func exportEncodesFieldsAsOtherOutputs() throws {
        let folder = try F.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try storeWithPairs()
        try store.decide(m1, m2, .mustLink, note: "-0.5")
        try store.decide(c1, h1, .mustLink, note: "\t=1+1")
        let path = folder.appendingPathComponent("review.csv").path
        try store.exportReviewPairs(to: path)
        let lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\r\n")
        #expect(lines[1] == "CME:C1,EHE:H1,0.8100,accept,'\t=1+1,dob +5.0; postcode missing")
        #expect(lines[2].hasPrefix("Missing:M1,Missing:M2,0.6200,accept,-0.5,"))
    }

    @Test(
        "record keys are read as Dataset:RecordID",
        arguments: [
            ("Missing:E000123", RecordKey(dataset: .missing, recordID: "E000123")),
            ("cme:R-77", RecordKey(dataset: .cme, recordID: "R-77")),
            (" EHE:H1 ", RecordKey(dataset: .ehe, recordID: "H1")),
        ])
    func parsesKeys(text: String, expected: RecordKey) {
        #expect(RecordKey(parsing: text) == expected)
    }

    @Test("text that is not a record key is refused", arguments: ["E000123", "Nowhere:E1", "Missing:"])
    func refusesKeys(text: String) {
        #expect(RecordKey(parsing: text) == nil)
    }
}

@Suite("Clerical review: decisions must name stored records")
struct ReviewValidationTests {
    @Test("a decision on a record the store has never seen is refused, from the command and from CSV")
    func unknownRecords() throws {
        let store = try Fixture.store()
        _ = try store.performRun { try $0.upsert([Fixture.missing("M1"), Fixture.missing("M2")]) }
        #expect(throws: StoreError.unknownRecord("Missing:M3")) {
            try store.decide(Fixture.key("Missing:M1"), Fixture.key("Missing:M3"), .mustLink)
        }
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("decisions.csv").path
        let rows = Fixture.rows(
            ["RecordA", "RecordB", "Decision"], ["Missing:M1", "Missing:M2", "accept"],
            ["Missing:M1", "CME:C9", "reject"])
        let expected = StoreError.badCSV(
            path: path, line: 3, field: "RecordB", message: "CME:C9 is not a record in the store")
        #expect(throws: expected) { try store.importDecisions(rows: rows, from: path) }
        #expect(try store.decisions().isEmpty, "a bad file records nothing")
    }
}

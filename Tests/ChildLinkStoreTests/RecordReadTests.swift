import ChildLinkModel
import Foundation
import Testing

@testable import ChildLinkStore

/// Reading stored records back: each column into its own field, in batches decoded on every core,
/// and a damaged record refused by the column's name, never its value.
@Suite("Reading stored records")
struct RecordReadTests {
    typealias F = Fixture

    /// A record with every stored field set, each to a value no other field holds, so that a
    /// column read into the wrong field changes the record read back.
    static let everyField = SourceRecord(
        recordID: "M7",
        person: PersonFields(
            personID: "LCS4471", upn: F.upn(serial: 7), formerUPN: F.upn(serial: 8), upnUnknownReason: .un3,
            nhsNumber: NHSNumber("9434765919"), forename: "Amelia", middleNames: "Rose", surname: "Horvath",
            preferredName: "Milly", formerSurname: "Balog", dateOfBirth: F.date(2010, 3, 14), gender: .female,
            ethnicity: EthnicityCode("WROM"), postcode: Postcode("S60 1AA"), addressLine1: "4 Mill Lane",
            town: "Rotherham"),
        event: F.missing("M7").event, location: SourceLocation(file: "missing.csv", line: 41))

    @Test("every column comes back in its own field, in the current record and in an earlier version")
    func everyColumnReadBack() throws {
        let store = try F.store()
        _ = try store.performRun { try $0.upsert([Self.everyField]) }
        #expect(try store.record(Self.everyField.key) == Self.everyField)
        #expect(try store.currentRecords() == [Self.everyField])
        #expect(try store.currentRecords([Self.everyField.key]) == [Self.everyField.key: Self.everyField])

        var corrected = Self.everyField
        corrected.person.forename = "Amélia"
        _ = try store.performRun { try $0.upsert([corrected]) }
        #expect(try store.previousVersions(of: Self.everyField.key) == [Self.everyField])
        #expect(try store.currentRecords() == [corrected])
    }

    /// 23 records given in reverse key order, read in batches of one, of 4 (5 full and one of 3),
    /// of exactly 23 and of more than there are: every record once, whole, in key order; and the
    /// CME records alone (8 of them) the same way.
    @Test("records read in batches come back whole, once each, in key order", arguments: [1, 4, 23, 100])
    func readInBatches(batchSize: Int) throws {
        let store = try F.store()
        let missing = (10..<25).map { F.missing("M\($0)", forename: "Child\($0)") }
        let cme = (10..<18).map { F.cme("C\($0)", forename: "Pupil\($0)") }
        let records = (missing + cme).reversed()
        _ = try store.performRun { try $0.upsert(Array(records)) }

        let read = try store.currentRecords(decodingBatchSize: batchSize)
        #expect(read.count == 23)
        #expect(read == records.sorted { $0.key < $1.key })
        #expect(try store.currentRecords(in: .cme, decodingBatchSize: batchSize) == cme.sorted { $0.key < $1.key })
    }

    /// M10 and M11 stored in week 1; week 2 brings M11 and M12 (M10 no longer present). Asked for
    /// M12, M10, M11, M12 again and M99 (never stored): M11 and M12, once each.
    @Test("records by key: each present record once, absent and unknown keys left out")
    func recordsByKey() throws {
        let store = try F.store()
        let (m10, m11, m12) = (F.missing("M10"), F.missing("M11", forename: "Jan"), F.missing("M12", forename: "Eva"))
        _ = try store.performRun { try $0.upsert([m10, m11], datasets: [.missing]) }
        _ = try store.performRun { try $0.upsert([m11, m12], datasets: [.missing]) }

        let read = try store.currentRecords(
            F.keys("Missing:M12", "Missing:M10", "Missing:M11", "Missing:M12", "Missing:M99"))
        #expect(read == [m11.key: m11, m12.key: m12])
    }

    /// 23 rows added to a decoder holding 4 at a time: the records of all 23, in the order added.
    @Test("a batch decoder gives every row's record in the order the rows were added")
    func batchDecoderKeepsOrder() throws {
        let records = (10..<33).map { F.missing("M\($0)", forename: "Child\($0)") }.shuffled()
        var decoder = RecordBatchDecoder(batchSize: 4)
        for record in records { try decoder.add(RecordColumns(record)) }
        #expect(try decoder.finish() == records)
        #expect(try decoder.finish().isEmpty)
    }

    @Test(
        "a damaged record is refused by its column's name, its values never quoted",
        arguments: [
            ("UPDATE sourceRecord SET dataset = 'Horvath'", "dataset"),
            ("UPDATE sourceRecord SET eventJSON = '{\"missing\":{\"type\":\"Amelia Horvath\"'", "event"),
            ("UPDATE sourceRecord SET eventJSON = '{\"ehe\":{\"reason\":\"Amelia Horvath\"}}'", "event"),
        ])
    func damagedRecordRefused(damage: String, field: String) throws {
        let store = try F.store()
        _ = try store.performRun { try $0.upsert([Self.everyField]) }
        try store.executeUnchecked(damage)

        let error = try #require(throws: StoreError.self) { try store.currentRecords() }
        #expect(error.code == .unreadableRecord)
        #expect(error.message.contains("unreadable \(field)"))
        for value in ["Amelia", "Horvath", "LCS4471", "S60"] { #expect(!error.message.contains(value)) }
    }
}

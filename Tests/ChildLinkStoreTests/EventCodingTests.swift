import ChildLinkModel
import Testing

@testable import ChildLinkStore

/// The stored JSON of a record's event: optional fields added later are kept, and a record an
/// older version stored without them still reads (as "not recorded").
@Suite("Stored events")
struct EventCodingTests {
    @Test func eheInvolvementFieldsRoundTrip() throws {
        let record = EHERecord(
            startDate: CalendarDate(year: 2019, month: 9, day: 4)!, officerInvolvement: true, involvementPending: false)
        let json = EventCoding.encode(.ehe(record))
        #expect(json.contains("\"officerInvolvement\":true"))
        #expect(try EventCoding.decode(json) == .ehe(record))
    }

    /// Written as a store before the involvement fields held it (the synthesised coding of the
    /// `ehe` case: its value under `_0`).
    @Test func eheRecordFromAnOlderStoreStillReads() throws {
        let json = #"{"ehe":{"_0":{"startDate":"2019-09-04","visitDeclined":false}}}"#
        let event = try EventCoding.decode(json)
        guard case .ehe(let record) = event else {
            Issue.record("not an EHE record: \(event)")
            return
        }
        #expect(record.startDate == CalendarDate(year: 2019, month: 9, day: 4)!)
        #expect(record.visitDeclined == false)
        #expect(record.officerInvolvement == nil)
        #expect(record.involvementPending == nil)
        #expect(record.isHomeEducation)
    }
}

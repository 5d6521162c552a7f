import ChildLinkModel
import Testing

@testable import ChildLinkStore

/// The text a stored record's content hash is taken over. It must not change between versions:
/// a record whose text changed would read as "changed" in every store written before.
@Suite("Record content text")
struct RecordColumnsTests {
    /// The fields in their fixed order (person id, UPN, former UPN, UPN unknown reason, NHS number,
    /// forename, middle names, surname, preferred name, former surname, date of birth, gender,
    /// ethnicity, postcode, address line, town, event JSON): a present one after `=`, an absent one
    /// as `-`, joined by U+001F, written out by hand here.
    @Test func fieldsInTheirFixedOrder() {
        let columns = RecordColumns(Fixture.missing("MIS1"))
        let expected = [
            "-", "-", "-", "-", "-", "=Amelia", "-", "=Horvath", "-", "-", "=2010-03-14", "=Female", "=WROM",
            "=S60 1AA", "-", "-", "=" + columns.eventJSON,
        ].joined(separator: "\u{1F}")
        #expect(columns.contentText == expected)
    }

    /// A separator inside a value is taken out, so that it cannot shift the fields after it.
    @Test func separatorInsideAValueIsTakenOut() {
        let plain = RecordColumns(Fixture.missing("MIS1", surname: "Horvath"))
        let withSeparator = RecordColumns(Fixture.missing("MIS1", surname: "Hor\u{1F}vath\u{1F}"))
        #expect(withSeparator.contentText == plain.contentText)
        #expect(withSeparator.contentHash == plain.contentHash)
        let other = RecordColumns(Fixture.missing("MIS1", surname: "Horvat"))
        #expect(other.contentHash != plain.contentHash)
    }
}

import ChildLinkModel
import Testing

/// What a value looks like, said in a message in place of the value.
@Suite("PersonalValueKind: what a value looks like")
struct PersonalValueKindTests {
    @Test(
        "values are classified by shape; only short code-like values are showable",
        arguments: [
            ("Kacper Lewandowski", PersonalValueKind?.some(.name)), ("O'Neil", .name), ("Smith-Jones", .name),
            ("Kacper", .word), ("Meduim", .word), ("03/07/2006", .date), ("2006-07-03", .date),
            ("3.7.06 10:15", .date), ("943 476 5919", .nhsNumber), ("943-476-5919", .nhsNumber),
            ("G372207406022", .upn), ("S66 9NZ", .postcode), ("106 Worksop Road", .address),
            ("12A Park Lane", .address),
            ("1204334", .number), ("ref #12 over eight", .text), ("CIN2", nil), ("ZZ9", nil), ("99", nil), ("X", nil),
            ("", nil),
        ])
    func classifies(value: String, kind: PersonalValueKind?) {
        #expect(PersonalValueKind.of(value) == kind, "\(value)")
    }

    @Test(
        "record ids are shown unless they look like a name, date, UPN, postcode, address or valid NHS number",
        arguments: [
            ("E0000004", true), ("rec-12-org", true), ("1204334", true), ("1234567890", true),
            ("Lewandowski", false), ("03/07/2006", false), ("9434765919", false), ("G372207406022", false),
            ("S66 9NZ", false), ("106 Worksop Road", false), ("free text with spaces", false),
        ])
    func recordIDs(id: String, showable: Bool) {
        #expect(PersonalValueKind.isShowableRecordID(id) == showable, "\(id)")
    }
}

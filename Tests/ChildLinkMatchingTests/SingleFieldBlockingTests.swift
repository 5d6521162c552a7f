import ChildLinkModel
import Testing

@testable import ChildLinkMatching

/// Generic mode also blocks on the postcode alone, the birth date alone and both names in either
/// order: in files of adults each is typed with slips independent of the others, so a person
/// whose other fields were garbled as well is still compared. Council extracts never are.
@Suite("Single-field blocking keys in generic mode")
struct SingleFieldBlockingTests {
    private let blocker = Blocker(maxGroupSize: 200, concurrency: 1)

    /// Candidate pairs of the records in generic mode (the address's parts on) and in council mode.
    private func pairs(_ records: [SourceRecord]) -> (generic: Blocker.Output, council: Blocker.Output) {
        (
            blocker.candidatePairs(RecordTable(records, addressParts: true)),
            blocker.candidatePairs(RecordTable(records))
        )
    }

    /// Expects `rule` to give `count` pairs and the pairs to be `expected` in generic mode, and
    /// council extracts (the address's parts off) to give no pair at all.
    private func expectGenericOnly(
        _ records: [SourceRecord], pairs expected: [UInt64], rule: BlockingRule, count: Int,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let (generic, council) = pairs(records)
        #expect(generic.pairs == expected, sourceLocation: sourceLocation)
        #expect(generic.pairsPerRule[rule] == count, sourceLocation: sourceLocation)
        #expect(council.pairs.isEmpty, sourceLocation: sourceLocation)
    }

    @Test("Sharing only the postcode: a candidate pair in generic mode, not in council extracts")
    func postcodeAlone() {
        // Forename initials, surname sounds and birth dates all differ, no address line: only the
        // postcode is shared, and every council rule pairs the postcode with a name's initial.
        let records = [
            Make.record("1", .cme, forename: "Mihal", surname: "Hannsh", dob: nil, postcode: "LS6 2AB"),
            Make.record("2", .ehe, forename: "Hannah", surname: "Mihal", dob: "05/06/1977", postcode: "LS6 2AB"),
        ]
        let (generic, council) = pairs(records)
        #expect(generic.pairs == [1])
        #expect(generic.pairsPerRule[.postcode] == 1)
        #expect(council.pairs.isEmpty)
        #expect(council.pairsPerRule[.postcode] == nil)
    }

    @Test(
        "Sharing the postcode alone: compared with a name's initial, the birth year or the birthday in common",
        arguments: [
            // Neighbours: initials {A, B} and {K, S}, born in other years on other days.
            ("Kevin", "Smith", "12/07/1985", false),
            // The surname's initial (a forename replaced, the birth date mistyped): `Brown` / `Bruce`.
            ("Kevin", "Bruce", "12/07/1985", true),
            // The forename's initial in the other's surname column (names swapped, one with a slip).
            ("Kevin", "Amelai", "12/07/1985", true),
            // Both names replaced, the birth year kept.
            ("Kevin", "Smith", "12/07/1990", true),
            // Both names replaced, the year mistyped, the day and month kept.
            ("Kevin", "Smith", "04/03/1958", true),
            // Both names replaced, no birth date to tell them apart by.
            ("Kevin", "Smith", nil, true),
        ])
    func postcodeAloneNeedsATrace(forename: String, surname: String, dob: String?, compared: Bool) {
        let records = [
            Make.record("1", .cme, forename: "Amelia", surname: "Brown", dob: "04/03/1990", postcode: "LS6 2AB"),
            Make.record("2", .ehe, forename: forename, surname: surname, dob: dob, postcode: "LS6 2AB"),
        ]
        expectGenericOnly(records, pairs: compared ? [1] : [], rule: .postcode, count: compared ? 1 : 0)
    }

    @Test("Sharing only the birth date: a candidate pair in generic mode, not in council extracts")
    func birthDateAlone() {
        // `mikhayla clacke` / `tristan shepherdson`: both names replaced, postcodes in different areas.
        let records = [
            Make.record("1", .cme, forename: "Mikhayla", surname: "Clacke", dob: "29/01/1917", postcode: "LS6 2AB"),
            Make.record("2", .ehe, forename: "Tristan", surname: "Shepherdson", dob: "29/01/1917", postcode: "M1 1AE"),
        ]
        expectGenericOnly(records, pairs: [1], rule: .birthDate, count: 1)
    }

    @Test("Both names, swapped, with a different birth date: a candidate pair in generic mode only")
    func namesEitherOrder() {
        // Birth year and birthday both differ (the swapped-names rule needs one of them).
        let records = [
            Make.record("1", .cme, forename: "Symmons", surname: "Ruby", dob: "25/10/1935", postcode: "LS6 2AB"),
            Make.record("2", .ehe, forename: "Ruby", surname: "Symmons", dob: "22/10/1930", postcode: "M1 1AE"),
            // The same names in the same order, no birth date: found by the same key.
            Make.record("3", .missing, forename: "Ruby", surname: "Symmons", dob: nil, postcode: "B1 1AA"),
        ]
        // Pairs packed as `i << 32 | j`: (0, 1), (0, 2), (1, 2).
        expectGenericOnly(records, pairs: [1, 2, 1 << 32 | 2], rule: .fullNames, count: 3)
    }

    @Test(
        "A postcode shared by more than 50 records is not a key alone",
        arguments: [(50, 1_225, 0), (51, 0, 1)])
    func groupLimit(records count: Int, pairs expected: Int, skipped: Int) {
        // Every record with its own names and birth date, all at one postcode: 50 records give
        // 50 × 49 / 2 = 1,225 pairs; 51 would give 1,275, more than the cap allows, so none.
        let records = (0..<count).map { index in
            Make.record(
                "\(index)", .cme, forename: "F\(index)", surname: "S\(index)",
                dob: "01/01/\(1900 + index)", postcode: "LS6 2AB")
        }
        let output = blocker.candidatePairs(RecordTable(records, addressParts: true))
        #expect(Blocker.singleFieldGroupLimit == 50)
        #expect(output.pairsPerRule[.postcode] == expected)
        #expect(output.skippedGroups[.postcode] == skipped)
    }

    @Test(
        "A full name shared by more than 20 records is not a key alone",
        arguments: [(20, 190, 0), (21, 0, 1)])
    func fullNameGroupLimit(records count: Int, pairs expected: Int, skipped: Int) {
        // One name, no birth date, each record at its own postcode: only the full-name rule pairs
        // them. 20 records give 20 × 19 / 2 = 190 pairs; 21 (210 pairs) are over the cap, so none.
        let records = (0..<count).map { index in
            Make.record(
                "\(index)", .cme, forename: "Ruby", surname: "Symmons", dob: nil,
                postcode: "LS\(index + 1) 1AA")
        }
        let output = blocker.candidatePairs(RecordTable(records, addressParts: true))
        #expect(Blocker.fullNameGroupLimit == 20)
        #expect(output.pairsPerRule[.fullNames] == expected)
        #expect(output.skippedGroups[.fullNames] == skipped)
        #expect(output.pairs.count == expected)
    }
}

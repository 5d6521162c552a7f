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

    /// `count` records that share the key of `rule` and no other generic-only key: each with its
    /// own names, birth date and postcode but for the field the rule keys on.
    private func recordsSharingKey(of rule: BlockingRule, count: Int) -> [SourceRecord] {
        (0..<count).map { index in
            let own = Make.record(
                "\(index)", .cme, forename: "F\(index)", surname: "S\(index)", dob: "01/01/\(1900 + index)",
                postcode: "LS\(index + 1) 1AA")
            var record = own
            switch rule {
            case .postcode: record.person.postcode = Postcode("LS6 2AB")
            case .fullNames:
                // One name, no birth date, each record at its own postcode.
                record = Make.record(
                    "\(index)", .cme, forename: "Ruby", surname: "Symmons", dob: nil, postcode: "LS\(index + 1) 1AA")
            default:
                // The same house number on the same street name, each at its own postcode, no town.
                record.person.streetNumber = "10"
                record.person.addressLine1 = "high street"
            }
            return record
        }
    }

    @Test(
        "A postcode, a full name or a street number with its street is a key for so many records only",
        arguments: [
            (BlockingRule.postcode, Blocker.singleFieldGroupLimit),
            (.fullNames, Blocker.fullNameGroupLimit),
            (.houseNumberAddress, Blocker.houseGroupLimit),
        ])
    func groupLimit(rule: BlockingRule, limit: Int) {
        // Postcode: a block of flats is not one person (50). Full name: one person's copies are a
        // handful, a common name is many people (20). Street number and street: one house holds a
        // household, 51 records at "10 High Street" are that number in several towns (50).
        #expect([Blocker.singleFieldGroupLimit, Blocker.fullNameGroupLimit, Blocker.houseGroupLimit] == [50, 20, 50])
        // `limit` records give limit × (limit − 1) / 2 pairs (50: 1,225; 20: 190); one more
        // record would give more than the cap allows, so its group gives none and is counted.
        let atLimit = blocker.candidatePairs(RecordTable(recordsSharingKey(of: rule, count: limit), addressParts: true))
        #expect(atLimit.pairsPerRule[rule] == limit * (limit - 1) / 2)
        #expect(atLimit.skippedGroups[rule] == 0)
        let over = blocker.candidatePairs(
            RecordTable(recordsSharingKey(of: rule, count: limit + 1), addressParts: true))
        #expect(over.pairsPerRule[rule] == 0)
        #expect(over.skippedGroups[rule] == 1)
    }

    @Test("A household at one house is compared, whatever the names and birth dates")
    func household() {
        // Six records at 10 High Street, each at its own postcode, with its own names and birth
        // date: the street-number rule pairs all of them, 6 × 5 / 2 = 15 pairs.
        let records = recordsSharingKey(of: .houseNumberAddress, count: 6)
        let output = blocker.candidatePairs(RecordTable(records, addressParts: true))
        #expect(output.pairsPerRule[.houseNumberAddress] == 15)
        #expect(output.pairs.count == 15)
        #expect(blocker.candidatePairs(RecordTable(records)).pairsPerRule[.houseNumberAddress] == nil)
    }
}

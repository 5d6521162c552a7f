import ChildLinkModel
import Testing

@testable import ChildLinkMatching

/// Person ids typed in by hand (generic mode: FEBRL's `soc_sec_id`, a member number) compared with
/// Damerau–Levenshtein levels; ids a system issues (council extracts) still agree or not.
@Suite("Typed person ids")
struct TypedPersonIDTests {
    private func level(_ first: String, _ second: String, typed: Bool = true, _ dataset: Dataset = .ehe)
        -> PersonIDLevel
    {
        let records = [
            Make.record("1", .cme, forename: "Ann", surname: "Lee", dob: nil, personID: first),
            Make.record("2", dataset, forename: "Ann", surname: "Lee", dob: nil, personID: second),
        ]
        return PairComparer(table: RecordTable(records, typedPersonIDs: typed)).compare(0, 1).personID
    }

    // Distances worked by hand (a change, a drop, an insertion or a swap of neighbours is one slip).
    @Test(
        "One slip: a digit changed, dropped, added, or two neighbours swapped",
        arguments: [
            "5304219",  // 8 → 9 in the last place
            "530421",  // the last digit dropped
            "53042718",  // a 7 added before the 1
            "5304281",  // 1 and 8 swapped
            "3504218",  // 5 and 3 swapped
        ])
    func oneSlip(typed: String) {
        #expect(level("5304218", typed) == .oneSlip)
    }

    @Test("Two slips: two neighbour swaps, or a change and a drop", arguments: ["3504281", "530429"])
    func twoSlips(typed: String) {
        // 5304218 → 3504281: 53 → 35 and 18 → 81. 5304218 → 530429: 1 → 9, the 8 dropped.
        #expect(level("5304218", typed) == .twoSlips)
    }

    @Test("Three slips or more, the same id, or no id")
    func otherLevels() {
        #expect(level("5304218", "5304218") == .agree)
        // 5304218 → 5314229: 0 → 1, 1 → 2 and 8 → 9, same length, no neighbours crossed: three.
        #expect(level("5304218", "5314229") == .disagree)
        #expect(level("5304218", "1234567") == .disagree)
        let records = [
            Make.record("1", .cme, forename: "Ann", surname: "Lee", dob: nil, personID: "5304218"),
            Make.record("2", .ehe, forename: "Ann", surname: "Lee", dob: nil),
        ]
        #expect(PairComparer(table: RecordTable(records, typedPersonIDs: true)).compare(0, 1).personID == .absent)
    }

    @Test("An id shorter than four characters is the same or different, never a slip")
    func shortIDs() {
        #expect(level("123", "124") == .disagree)
        #expect(level("1234", "1243") == .oneSlip)
    }

    @Test("Ids a system issues (council extracts) agree or not: one digit apart is another child")
    func systemIDs() {
        #expect(level("5304218", "5304219", typed: false) == .disagree)
        #expect(level("5304218", "5304218", typed: false) == .agree)
        // Different systems never compare ids, typed or not (CME and missing: education and LCS).
        #expect(level("5304218", "5304219", .missing) == .absent)
    }

    @Test("A slip is not a shared identifier: it lets no twin pair through")
    func slipIsNotShared() {
        let vector = ComparisonVector(
            forename: .exact, surname: .exact, dateOfBirth: .exact, address: .absent, gender: .absent, upn: .absent,
            nhsNumber: .absent, personID: .oneSlip)
        #expect(!vector.sharesIdentifier)
        #expect(vector.personID == .oneSlip)
    }

    @Test("The parallel table holds the same typed ids as the single one")
    func parallelTable() {
        var records: [SourceRecord] = []
        for index in 0..<300 {
            let dataset: Dataset = index % 2 == 0 ? .cme : .ehe
            let id = String(5_304_000 + index)
            records.append(
                Make.record(String(index), dataset, forename: "Ann", surname: "Lee", dob: nil, personID: id))
        }
        let single = RecordTable(records, typedPersonIDs: true)
        let parallel = RecordTable(records, concurrency: 3, minimumPartSize: 100, typedPersonIDs: true)
        #expect(parallel == single)
        // 5304000 and 5304001: one digit changed.
        #expect(PairComparer(table: parallel).compare(0, 1).personID == .oneSlip)
    }
}

import ChildLinkModel
import Testing

@testable import ChildLinkMatching

/// Namesakes (same common name, born days apart, no shared identifier) kept apart on the evidence
/// of the system that holds both: two person ids and birth dates more than a slip apart.
@Suite("Namesakes: two person ids of one system")
struct NamesakeTests {
    /// An education-system record of Oliver Smith (CME and exclusions share one person id system).
    private func oliver(
        _ id: String, _ dataset: Dataset = .exclusions, dob: String, personID: String?, postcode: String = "S60 2AB",
        upn: String? = nil
    ) -> SourceRecord {
        Make.record(
            id, dataset, forename: "Oliver", surname: "Smith", dob: dob, gender: .male, postcode: postcode, upn: upn,
            personID: personID)
    }

    /// Links `records`, with each record's index and child found by its id and dataset.
    private func linked(_ records: [SourceRecord]) -> (
        result: LinkResult, index: (String, Dataset) -> Int, child: (String, Dataset) -> Int
    ) {
        let result = Linker().link(records)
        let index = { (id: String, dataset: Dataset) in result.index(of: RecordKey(dataset: dataset, recordID: id))! }
        return (result, index, { result.childOfRecord[index($0, $1)] })
    }

    private func twoChildren(_ first: SourceRecord, _ second: SourceRecord) -> Bool {
        let comparer = PairComparer(table: RecordTable([first, second]))
        return comparer.twoChildrenInOneSystem(comparer.compare(0, 1))
    }

    @Test("Different person ids of one system, birth dates more than a slip apart: two children")
    func birthDatesApart() {
        let first = oliver("1", .cme, dob: "03/05/2012", personID: "P1001")
        // 03/05 and 17/05: two digits of the day differ, 14 days apart; 03/05 and 21/06: another month.
        #expect(twoChildren(first, oliver("2", dob: "17/05/2012", personID: "P2002")))
        #expect(twoChildren(first, oliver("2", dob: "21/06/2012", personID: "P2002")))
    }

    @Test("A duplicate person record with the same birth date or a slip of it may be the same child")
    func duplicateWithSlip() {
        let first = oliver("1", .cme, dob: "03/05/2012", personID: "P1001")
        // Same date; a day out; one digit out (03 → 08); day and month transposed; a year out.
        for dob in ["03/05/2012", "04/05/2012", "08/05/2012", "05/03/2012", "03/05/2013"] {
            #expect(!twoChildren(first, oliver("2", dob: dob, personID: "P2002")), "\(dob)")
        }
    }

    @Test("Two ids of one system, birth dates a slip apart: two children only with no address in common")
    func slipApartAtTwoAddresses() throws {
        let first = oliver("1", .cme, dob: "03/05/2012", personID: "P1001")
        // 03/05 and 08/05: one digit out. At one address a duplicate registration with a typing
        // slip; at two addresses, and the system has no record that puts them at one, two children.
        let sameAddress = oliver("2", dob: "08/05/2012", personID: "P2002")
        let elsewhere = oliver("2", dob: "08/05/2012", personID: "P2002", postcode: "S65 3QT")
        let comparer = PairComparer(table: RecordTable([first, sameAddress, elsewhere]))
        #expect(comparer.registeredTwiceWithSlip(comparer.compare(0, 1)))
        #expect(!PairComparer.addressesApart(comparer.compare(0, 1).address))
        #expect(PairComparer.addressesApart(comparer.compare(0, 2).address))
        // An unknown address is not a different one.
        let noAddress = Make.record(
            "3", .exclusions, forename: "Oliver", surname: "Smith", dob: "08/05/2012", gender: .male,
            personID: "P2002")
        let withUnknown = PairComparer(table: RecordTable([first, noAddress]))
        #expect(!PairComparer.addressesApart(withUnknown.compare(0, 1).address))
        // Nor is a birth date exactly the same (a family registered again after a move).
        let again = oliver("2", dob: "03/05/2012", personID: "P2002", postcode: "S65 3QT")
        let movedComparer = PairComparer(table: RecordTable([first, again]))
        #expect(!movedComparer.registeredTwiceWithSlip(movedComparer.compare(0, 1)))
    }

    @Test("No evidence without two ids of one system, or against a shared identifier")
    func noEvidence() {
        let first = oliver("1", .cme, dob: "03/05/2012", personID: "P1001", upn: Make.upn(7))
        // The same person id; one id missing; ids of two systems (LCS and education) say nothing.
        #expect(!twoChildren(first, oliver("2", dob: "17/05/2012", personID: "P1001")))
        #expect(!twoChildren(first, oliver("2", dob: "17/05/2012", personID: nil)))
        #expect(!twoChildren(first, oliver("2", .missing, dob: "17/05/2012", personID: "1400007")))
        // A shared UPN says one child whose second registration got the birth date wrong.
        #expect(!twoChildren(first, oliver("2", dob: "17/05/2012", personID: "P2002", upn: Make.upn(7))))
    }

    @Test("Ids typed in by hand (generic mode) are not a system's registrations")
    func typedIDs() {
        let records = [
            oliver("1", .cme, dob: "03/05/2012", personID: "P1001"), oliver("2", dob: "17/05/2012", personID: "P2002"),
        ]
        let comparer = PairComparer(table: RecordTable(records, typedPersonIDs: true))
        #expect(!comparer.twoChildrenInOneSystem(comparer.compare(0, 1)))
    }

    @Test("Linked among a borough: namesakes kept apart, the same child after a move still linked")
    func inClusters() throws {
        var records = TwinClusteringTests.population.records
        // Oliver Smith, born 3 May 2012: education person id P1001, three exclusions, the last one
        // after a move to a new postcode; a missing episode in LCS.
        records.append(oliver("N1", .cme, dob: "03/05/2012", personID: "P1001"))
        records.append(oliver("N2", dob: "03/05/2012", personID: "P1001"))
        records.append(oliver("N3", dob: "03/05/2012", personID: "P1001", postcode: "S65 3QT"))
        records.append(oliver("N4", .missing, dob: "03/05/2012", personID: "1400007"))
        // Another Oliver Smith born 17 May 2012 (person id P2002), at the same address as the first.
        records.append(oliver("M1", dob: "17/05/2012", personID: "P2002"))
        // Every record gives the middle name James: the names weigh enough that a link with the
        // missing episode (LCS, no education person id to compare) passes the threshold.
        for index in records.count - 5..<records.count { records[index].person.middleNames = "James" }
        let (result, index, child) = linked(records)
        #expect(child("N1", .cme) == child("N2", .exclusions))
        #expect(child("N1", .cme) == child("N3", .exclusions))
        #expect(child("N1", .cme) == child("N4", .missing))
        #expect(child("M1", .exclusions) != child("N1", .cme))
        // Kept apart by the rule, not by a weight below the link threshold: a link reached for M1
        // (through the missing episode, no person id of the education system on it) was refused.
        let m1 = index("M1", .exclusions)
        let refused = result.pairs.filter { ($0.first == m1 || $0.second == m1) && $0.decision == .blockedConflict }
        #expect(!refused.isEmpty)
        let explanation = result.explain(index("N2", .exclusions), index("M1", .exclusions))
        #expect(explanation.twoChildrenReason != nil)
        #expect(explanation.text.contains("guard: two children"))
    }

    /// An exclusion of Oliver Smith (born 3 May 2012) that started on `day` (2024, `month`).
    private func oliverExcluded(
        _ id: String, month: Int, day: Int, personID: String, postcode: String
    ) -> SourceRecord {
        var record = oliver(id, dob: "03/05/2012", personID: personID, postcode: postcode)
        let start = CalendarDate(year: 2024, month: month, day: day)!
        record.event = .exclusion(ExclusionRecord(category: .suspension, startDate: start, reasons: []))
        return record
    }

    @Test("Two ids of one system in use at once at two addresses: two children, however alike")
    func livingAtOnce() throws {
        var records = TwinClusteringTests.population.records
        // Oliver Smith under P1001 in S60 2AB, excluded in February and in June; another Oliver
        // Smith, the same birth date, under P2002 in S65 3QT, excluded in April: one id was in use
        // at its address before and after the other's record. A missing episode (LCS, no education
        // id) in S65 3QT is the second boy's.
        records.append(oliverExcluded("A1", month: 2, day: 5, personID: "P1001", postcode: "S60 2AB"))
        records.append(oliverExcluded("A2", month: 6, day: 11, personID: "P1001", postcode: "S60 2AB"))
        records.append(oliverExcluded("B1", month: 4, day: 16, personID: "P2002", postcode: "S65 3QT"))
        records.append(oliver("B2", .missing, dob: "03/05/2012", personID: "1400007", postcode: "S65 3QT"))
        // Jack Smith (born 9 Sep 2011), a family in temporary housing: P3003 in S60 2AB in
        // January, registered again as P4004 in S65 3QT in March, then back under P3003 in S66 1AA
        // from June. The addresses follow one another, and no id was seen at one address before
        // and after the other's record: one boy.
        for (id, month, personID, postcode) in [
            ("C1", 1, "P3003", "S60 2AB"), ("C2", 3, "P4004", "S65 3QT"), ("C3", 6, "P3003", "S66 1AA"),
            ("C4", 9, "P3003", "S66 1AA"),
        ] {
            var record = oliverExcluded(id, month: month, day: 2, personID: personID, postcode: postcode)
            record.person.forename = "Jack"
            record.person.dateOfBirth = CalendarDate(year: 2011, month: 9, day: 9)
            records.append(record)
        }
        let (result, index, child) = linked(records)
        #expect(child("A1", .exclusions) == child("A2", .exclusions))
        #expect(child("B1", .exclusions) == child("B2", .missing))
        #expect(child("A1", .exclusions) != child("B1", .exclusions))
        let twoBoys = Set(["A1", "A2", "B1"].map { index($0, .exclusions) } + [index("B2", .missing)])
        let refused = result.pairs.filter {
            twoBoys.contains($0.first) && twoBoys.contains($0.second) && $0.decision == .blockedConflict
        }
        #expect(!refused.isEmpty)
        #expect(Set(["C2", "C3", "C4"].map { child($0, .exclusions) }) == [child("C1", .exclusions)])
    }

    @Test("Both systems hold two ids each, at two addresses: two children, however alike")
    func heldApartByBothSystems() throws {
        var records = TwinClusteringTests.population.records
        // Oliver Smith, born 3 May 2012, in S60 2AB: a missing episode under LCS id 1400007 and a
        // CME referral and an exclusion under education id P1001. Another Oliver Smith, born the
        // same day, in S65 3QT: LCS id 1400008, education id P2002. Every event on one day, so
        // no id was seen at its address before and after the other's record: only that each
        // system holds them as two children says so.
        records.append(oliver("A1", .missing, dob: "03/05/2012", personID: "1400007"))
        records.append(oliver("A2", .cme, dob: "03/05/2012", personID: "P1001"))
        records.append(oliver("A3", dob: "03/05/2012", personID: "P1001"))
        records.append(oliver("B1", .missing, dob: "03/05/2012", personID: "1400008", postcode: "S65 3QT"))
        records.append(oliver("B2", dob: "03/05/2012", personID: "P2002", postcode: "S65 3QT"))
        // Jack Smith (born 9 Sep 2011) moved from S60 2AB to S66 1AA: LCS kept its id 1400009,
        // the education system registered him again (P3003, then P4004). One system only: one boy.
        for (id, dataset, personID, postcode) in [
            ("C1", Dataset.missing, "1400009", "S60 2AB"), ("C2", .exclusions, "P3003", "S60 2AB"),
            ("C3", .missing, "1400009", "S66 1AA"), ("C4", .exclusions, "P4004", "S66 1AA"),
        ] {
            var record = oliver(id, dataset, dob: "09/09/2011", personID: personID, postcode: postcode)
            record.person.forename = "Jack"
            records.append(record)
        }
        let (result, index, child) = linked(records)
        #expect(Set([child("A2", .cme), child("A3", .exclusions)]) == [child("A1", .missing)])
        #expect(child("B1", .missing) == child("B2", .exclusions))
        #expect(child("A1", .missing) != child("B1", .missing))
        let first = Set([index("A1", .missing), index("A2", .cme), index("A3", .exclusions)])
        let second = Set([index("B1", .missing), index("B2", .exclusions)])
        let refused = result.pairs.filter {
            (first.contains($0.first) && second.contains($0.second)
                || second.contains($0.first) && first.contains($0.second)) && $0.decision == .blockedConflict
        }
        #expect(!refused.isEmpty)
        let jack = Set([("C2", Dataset.exclusions), ("C3", .missing), ("C4", .exclusions)].map { child($0, $1) })
        #expect(jack == [child("C1", .missing)])
    }

    @Test("Where a postcode is missing, address lines with no number in common are two addresses")
    func addressLinesApart() {
        func at(_ id: String, _ line: String?, postcode: String? = nil) -> SourceRecord {
            var record = Make.record(
                id, .cme, forename: "Oliver", surname: "Smith", dob: "03/05/2012", postcode: postcode)
            record.person.addressLine1 = line
            return record
        }
        let comparer = PairComparer(
            table: RecordTable([
                at("0", "210 Page Hall Road", postcode: "S5 8AB"), at("1", "19 Main Street"),
                at("2", "Flat 3, 210 Page Hall Rd"), at("3", "Rose Cottage, Page Hall"), at("4", nil),
            ]))
        func apart(_ i: Int, _ j: Int) -> Bool { comparer.addressesApart(i, j, comparer.compare(i, j).address) }
        #expect(apart(0, 1))
        #expect(apart(1, 2))
        // The same house number on a line written another way; no number; no address line.
        #expect(!apart(0, 2))
        #expect(!apart(0, 3))
        #expect(!apart(0, 4))
    }

    @Test("Held apart by both systems where one child's records give no postcode")
    func heldApartWithoutPostcode() {
        var records = TwinClusteringTests.population.records
        // The two Oliver Smiths of the test above, the second's records giving only the address
        // line (`19 Main Street`, no postcode) and the first's `210 Page Hall Road`, S60 2AB.
        for (id, dataset, personID) in [("A1", Dataset.missing, "1400007"), ("A2", .cme, "P1001")] {
            var record = oliver(id, dataset, dob: "03/05/2012", personID: personID)
            record.person.addressLine1 = "210 Page Hall Road"
            records.append(record)
        }
        for (id, dataset, personID) in [("B1", Dataset.missing, "1400008"), ("B2", .exclusions, "P2002")] {
            var record = oliver(id, dataset, dob: "03/05/2012", personID: personID)
            record.person.postcode = nil
            record.person.addressLine1 = "19 Main Street"
            records.append(record)
        }
        let (_, _, child) = linked(records)
        #expect(child("A1", .missing) == child("A2", .cme))
        #expect(child("B1", .missing) == child("B2", .exclusions))
        #expect(child("A1", .missing) != child("B1", .missing))
    }
}

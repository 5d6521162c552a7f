import ChildLinkModel
import Testing

@testable import ChildLinkMatching

/// A system's records under one person id are one child: a slip on one of them does not make two
/// clusters twins when another record of the id is plainly the other cluster's child.
@Suite("Twin guard: a slip under one person id")
struct TwinSlipTests {
    @Test("A slip on one record of a person id is not a second child; the twin under his own person id stays apart")
    func slipUnderPersonID() {
        let boy = { (id: String, dataset: Dataset, forename: String, personID: String) in
            Make.record(
                id, dataset, forename: forename, surname: "Fletcher", dob: "26/05/2011", gender: .male,
                postcode: "S66 2NS", personID: personID)
        }
        var records = LinkerTests.population.records
        records += [
            // LCS typed Archie as `Archio`; the education system holds `Archie`, and `Axchie` on one
            // more record of the same person id. `Archio` and `Axchie` alone look like twins.
            boy("W1", .missing, "Archio", "L7001"),
            boy("W2", .exclusions, "Archie", "E7001"),
            boy("W3", .cme, "Axchie", "E7001"),
            // His twin brother, with a slip on one of his own records.
            boy("W4", .ehe, "Oscar", "E7002"),
            boy("W5", .exclusions, "Osacr", "E7002"),
        ]
        let result = Linker().link(records)
        let child = { (id: String, dataset: Dataset) in
            result.childOfRecord[result.index(of: RecordKey(dataset: dataset, recordID: id))!]
        }
        let comparer = PairComparer(table: result.table)
        let archio = result.index(of: RecordKey(dataset: .missing, recordID: "W1"))!
        let axchie = result.index(of: RecordKey(dataset: .cme, recordID: "W3"))!
        let (low, high) = (min(archio, axchie), max(archio, axchie))
        #expect(comparer.looksLikeTwins(low, high, comparer.compare(low, high)))
        #expect(child("W1", .missing) == child("W2", .exclusions))
        #expect(child("W2", .exclusions) == child("W3", .cme))
        #expect(child("W4", .ehe) == child("W5", .exclusions))
        #expect(child("W4", .ehe) != child("W2", .exclusions))
    }

    @Test("A short form of the name under the same person id is one child, not a twin's name")
    func shortFormUnderPersonID() {
        let boy = { (id: String, dataset: Dataset, forename: String, personID: String) in
            Make.record(
                id, dataset, forename: forename, surname: "Hughes", dob: "18/10/2015", gender: .male,
                postcode: "S4 7WR", personID: personID)
        }
        // Ted is a name in its own right: other children carry it.
        let teds = (1...3).map { k in
            Make.record("T\(k)", .exclusions, forename: "Ted", surname: "Other\(k)", dob: "0\(k)/02/2011")
        }
        var records = LinkerTests.population.records + teds
        records += [
            // LCS typed Edward as `Edwrad`; the education system holds him as Edward and, on one
            // more record of the same person id, as Ted. `Edwrad` and `Ted` alone look like twins.
            boy("H1", .missing, "Edwrad", "L8001"),
            boy("H2", .ehe, "Edward", "E8001"),
            boy("H3", .exclusions, "Ted", "E8001"),
            // His twin brother under his own person id.
            boy("H4", .cme, "Oscar", "E8002"),
            boy("H5", .exclusions, "Oscar", "E8002"),
        ]
        let result = Linker().link(records)
        let child = { (id: String, dataset: Dataset) in
            result.childOfRecord[result.index(of: RecordKey(dataset: dataset, recordID: id))!]
        }
        let comparer = PairComparer(table: result.table)
        let slip = result.index(of: RecordKey(dataset: .missing, recordID: "H1"))!
        let ted = result.index(of: RecordKey(dataset: .exclusions, recordID: "H3"))!
        let (low, high) = (min(slip, ted), max(slip, ted))
        #expect(comparer.twinReason(low, high, comparer.compare(low, high)) == .differentForenames)
        #expect(child("H2", .ehe) == child("H3", .exclusions))
        #expect(child("H1", .missing) == child("H2", .ehe))
        #expect(child("H4", .cme) == child("H5", .exclusions))
        #expect(child("H4", .cme) != child("H2", .ehe))
    }
}

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
}

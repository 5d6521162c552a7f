import ChildLinkModel
import Testing

@testable import ChildLinkMatching

/// A system's records under one person id are one child: a slip on one of them does not make two
/// clusters twins when another record of the id is plainly the other cluster's child.
@Suite("Twin guard: a slip under one person id")
struct TwinSlipTests {
    @Test("A slip on one record of a person id is not a second child; the twin under his own person id stays apart")
    func slipUnderPersonID() {
        let boy = Self.boy(surname: "Fletcher", dob: "26/05/2011", postcode: "S66 2NS")
        let run = Self.Run(
            LinkerTests.population.records + [
                // LCS typed Archie as `Archio`; the education system holds `Archie`, and `Axchie` on
                // one more record of the same person id. `Archio` and `Axchie` alone look like twins.
                boy("W1", .missing, "Archio", "L7001"),
                boy("W2", .exclusions, "Archie", "E7001"),
                boy("W3", .cme, "Axchie", "E7001"),
                // His twin brother, with a slip on one of his own records.
                boy("W4", .ehe, "Oscar", "E7002"),
                boy("W5", .exclusions, "Osacr", "E7002"),
            ])
        #expect(run.twinReason(("W1", .missing), ("W3", .cme)) != nil)
        #expect(run.child("W1", .missing) == run.child("W2", .exclusions))
        #expect(run.child("W2", .exclusions) == run.child("W3", .cme))
        #expect(run.child("W4", .ehe) == run.child("W5", .exclusions))
        #expect(run.child("W4", .ehe) != run.child("W2", .exclusions))
    }

    @Test("A short form of the name under the same person id is one child, not a twin's name")
    func shortFormUnderPersonID() {
        let boy = Self.boy(surname: "Hughes", dob: "18/10/2015", postcode: "S4 7WR")
        // Ted is a name in its own right: other children carry it.
        let teds = (1...3).map { k in
            Make.record("T\(k)", .exclusions, forename: "Ted", surname: "Other\(k)", dob: "0\(k)/02/2011")
        }
        let run = Self.Run(
            LinkerTests.population.records + teds + [
                // LCS typed Edward as `Edwrad`; the education system holds him as Edward and, on
                // one more record of the same person id, as Ted. `Edwrad` and `Ted` alone look
                // like twins.
                boy("H1", .missing, "Edwrad", "L8001"),
                boy("H2", .ehe, "Edward", "E8001"),
                boy("H3", .exclusions, "Ted", "E8001"),
                // His twin brother under his own person id.
                boy("H4", .cme, "Oscar", "E8002"),
                boy("H5", .exclusions, "Oscar", "E8002"),
            ])
        #expect(run.twinReason(("H1", .missing), ("H3", .exclusions)) == .differentForenames)
        #expect(run.child("H2", .ehe) == run.child("H3", .exclusions))
        #expect(run.child("H1", .missing) == run.child("H2", .ehe))
        #expect(run.child("H4", .cme) == run.child("H5", .exclusions))
        #expect(run.child("H4", .cme) != run.child("H2", .ehe))
    }

    @Test("Two records under two systems' person ids are one child when a record of each id is plainly the other's")
    func knownByHerMiddleNameUnderPersonID() {
        let girl = Self.child(surname: "Johnson", dob: "23/11/2010", postcode: "S9 7JQ", gender: .female)
        // Aisha is a name in its own right: other children carry it.
        let aishas = (1...3).map { k in
            Make.record("A\(k)", .exclusions, forename: "Aisha", surname: "Other\(k)", dob: "0\(k)/03/2012")
        }
        let run = Self.Run(
            LinkerTests.population.records + aishas + [
                // LCS holds Lacey, and `Laecy` on one more record of her person id; the education
                // system holds her as `Laxey Aisha` and, on one more record of its person id, by her
                // middle name. `Laecy` and `Aisha` alone look like twins, and neither is one slip
                // from the other system's record of the child.
                // Each system's two records share an identifier too, so each pair joins first.
                girl("J1", .missing, "Lacey", nil, "L9001", "4010232137", nil),
                girl("J2", .missing, "Laecy", nil, "L9001", "4010232137", nil),
                girl("J3", .cme, "Laxey", "Aisha", "E9001", nil, "B370207418678"),
                girl("J4", .exclusions, "Aisha", nil, "E9001", nil, "B370207418678"),
                // Her twin sister under her own person ids.
                girl("J5", .ehe, "Ruby", nil, "E9002", nil, nil),
                girl("J6", .missing, "Ruby", nil, "L9002", nil, nil),
            ])
        #expect(run.twinReason(("J2", .missing), ("J4", .exclusions)) == .differentForenames)
        #expect(run.child("J1", .missing) == run.child("J2", .missing))
        #expect(run.child("J3", .cme) == run.child("J4", .exclusions))
        #expect(run.child("J1", .missing) == run.child("J3", .cme))
        #expect(run.child("J5", .ehe) == run.child("J6", .missing))
        #expect(run.child("J5", .ehe) != run.child("J1", .missing))
    }

    /// A maker of one family's children: record id, dataset, forename, middle name, person id and
    /// identifiers vary.
    private static func child(surname: String, dob: String, postcode: String, gender: Gender)
        -> (String, Dataset, String, String?, String, String?, String?) -> SourceRecord
    {
        { id, dataset, forename, middle, personID, nhs, upn in
            Make.record(
                id, dataset, forename: forename, surname: surname, dob: dob, gender: gender, postcode: postcode,
                upn: upn, nhs: nhs, personID: personID, middle: middle)
        }
    }

    /// A maker of one family's boys: record id, dataset, forename and person id vary.
    private static func boy(surname: String, dob: String, postcode: String)
        -> (String, Dataset, String, String) -> SourceRecord
    {
        { id, dataset, forename, personID in
            Make.record(
                id, dataset, forename: forename, surname: surname, dob: dob, gender: .male, postcode: postcode,
                personID: personID)
        }
    }

    /// The records linked, read by record id.
    private struct Run {
        let result: LinkResult

        init(_ records: [SourceRecord]) { result = Linker().link(records) }

        func index(_ id: String, _ dataset: Dataset) -> Int {
            result.index(of: RecordKey(dataset: dataset, recordID: id))!
        }

        /// The child the run put the record in.
        func child(_ id: String, _ dataset: Dataset) -> Int { result.childOfRecord[index(id, dataset)] }

        /// Why the two records, compared on their own, look like twins.
        func twinReason(_ a: (String, Dataset), _ b: (String, Dataset)) -> TwinReason? {
            let comparer = PairComparer(table: result.table)
            let (i, j) = (index(a.0, a.1), index(b.0, b.1))
            let (low, high) = (min(i, j), max(i, j))
            return comparer.twinReason(low, high, comparer.compare(low, high))
        }
    }
}

import ChildLinkModel
import Testing

@testable import ChildLinkMatching

/// A record that gives the forename only as its initial: linked to the child it plainly is (the
/// same surname, birth date and sex) below the link threshold, and kept from a twin whose middle
/// name is another.
@Suite("A forename initial, the rest the same")
struct ForenameInitialTests {
    /// A record of a Kowalski born 14 March 2013 (a girl unless `gender` says otherwise).
    private func kowalski(
        _ id: String, _ dataset: Dataset, forename: String, middle: String? = nil, dob: String = "14/03/2013",
        gender: Gender = .female, postcode: String, personID: String? = nil
    ) -> SourceRecord {
        Make.record(
            id, dataset, forename: forename, surname: "Kowalski", dob: dob, gender: gender, postcode: postcode,
            personID: personID, middle: middle)
    }

    private func vector(_ first: SourceRecord, _ second: SourceRecord) -> (PairComparer, ComparisonVector) {
        let comparer = PairComparer(table: RecordTable([first, second]))
        return (comparer, comparer.compare(0, 1))
    }

    /// The form link of the pair, if any.
    private func form(_ first: SourceRecord, _ second: SourceRecord) -> LinkRule? {
        let (comparer, vector) = vector(first, second)
        return comparer.linkRule(0, 1, vector)
    }

    @Test("Only the forename differs, cut to its initial: the same surname, birth date and sex exactly")
    func initialOtherwiseExact() {
        let full = kowalski("1", .cme, forename: "Julia", postcode: "S65 3QT", personID: "P1001")
        let initial = kowalski("2", .missing, forename: "J", postcode: "S60 2AB", personID: "1400007")
        #expect(form(full, initial) == .initial)
        // A day out, a boy, another surname, another initial: more differs than the initial.
        let dayOut = kowalski("2", .missing, forename: "J", dob: "15/03/2013", postcode: "S60 2AB")
        let boy = kowalski("2", .missing, forename: "J", gender: .male, postcode: "S60 2AB")
        let otherInitial = kowalski("2", .missing, forename: "A", postcode: "S60 2AB")
        for other in [dayOut, boy, otherInitial] {
            #expect(form(full, other) == nil)
        }
        // Two person ids of one system apart: not the rest the same.
        let underAnotherID = kowalski("2", .exclusions, forename: "J", postcode: "S60 2AB", personID: "P2002")
        #expect(form(full, underAnotherID) == nil)
    }

    @Test("An initial with a slip in the surname is linked from 0.8, in a borough and in the explanation")
    func initialWithSurnameSlip() throws {
        let full = Make.record(
            "S1", .cme, forename: "Julia", surname: "Smith", dob: "14/03/2013", gender: .female, postcode: "S65 3QT",
            personID: "P1001")
        let initial = Make.record(
            "S2", .missing, forename: "J", surname: "Smiht", dob: "14/03/2013", gender: .female,
            postcode: "S60 2AB", personID: "1400007")
        #expect(form(full, initial) == .initialWithSurnameSlip)
        // Another surname altogether, or a slip with the full name: more than the initial and a slip.
        var otherSurname = initial
        otherSurname.person.surname = "Jones"
        var fullWithSlip = initial
        fullWithSlip.person.forename = "Julia"
        #expect(form(full, otherSurname) == nil)
        #expect(form(full, fullWithSlip) == nil)
        // Among a borough Julia Smith and `J Smiht` score under the link threshold, and are linked.
        let result = Linker().link(TwinClusteringTests.population.records + [full, initial])
        let (i, j) = (
            try #require(result.index(of: full.key)), try #require(result.index(of: initial.key))
        )
        let explanation = result.explain(i, j)
        #expect(explanation.probability >= LinkRule.initialWithSurnameSlip.probability)
        #expect(explanation.probability < LinkOptions().linkThreshold)
        #expect(explanation.linkRule == .initialWithSurnameSlip)
        #expect(result.childOfRecord[i] == result.childOfRecord[j])
        #expect(explanation.text.contains("rule: linked from probability 0.8 (the forename cut to its initial"))
    }

    @Test("An initial with a middle name that is not the other record's: another child, looks like twins")
    func initialWithAnotherMiddleName() {
        let marek = kowalski("1", .missing, forename: "Marek", middle: "Tyler", gender: .male, postcode: "S60 8NF")
        let theo = kowalski("2", .cme, forename: "M", middle: "Theo", gender: .male, postcode: "S60 8NF")
        let (comparer, pair) = vector(marek, theo)
        #expect(comparer.twinReason(0, 1, pair) == .initialWithAnotherMiddleName)
        // The same middle name, a slip of it (Tylor), or none on one side: nothing says two children.
        for middle in ["Tyler", "Tylor", nil] {
            let other = kowalski("2", .cme, forename: "M", middle: middle, gender: .male, postcode: "S60 8NF")
            let (alike, alikePair) = vector(marek, other)
            #expect(alike.twinReason(0, 1, alikePair) == nil, "\(middle ?? "no middle name")")
        }
    }

    @Test("Linked among a borough: an initial below the threshold is linked, a twin's initial is not")
    func inClusters() throws {
        var records = TwinClusteringTests.population.records
        // Julia Kowalski: a CME referral, and a missing episode that gives only `J`, from another
        // address, no identifier in common.
        records.append(kowalski("J1", .cme, forename: "Julia", postcode: "S65 3QT", personID: "P1001"))
        records.append(kowalski("J2", .missing, forename: "J", postcode: "S60 2AB", personID: "1400007"))
        // Twins Marek Tyler and M Theo Kowalski, born 2 June 2010, each known to one system.
        records.append(
            kowalski(
                "M1", .missing, forename: "Marek", middle: "Tyler", dob: "02/06/2010", gender: .male,
                postcode: "S60 8NF", personID: "1400008"))
        records.append(
            kowalski(
                "M2", .exclusions, forename: "M", middle: "Theo", dob: "02/06/2010", gender: .male,
                postcode: "S60 8NF", personID: "P2002"))
        let result = Linker().link(records)
        let index = { (id: String, dataset: Dataset) in
            try #require(result.index(of: RecordKey(dataset: dataset, recordID: id)))
        }
        let julia = (try index("J1", .cme), try index("J2", .missing))
        let pair = try #require(result.pairs.first { Set([$0.first, $0.second]) == Set([julia.0, julia.1]) })
        // Below the link threshold on its weights, linked all the same, and the explanation says why.
        #expect(pair.probability < LinkOptions().linkThreshold)
        #expect(pair.decision == .linked)
        #expect(result.childOfRecord[julia.0] == result.childOfRecord[julia.1])
        #expect(result.explain(julia.0, julia.1).text.contains("rule: linked from probability 0.93"))
        let twins = (try index("M1", .missing), try index("M2", .exclusions))
        #expect(result.childOfRecord[twins.0] != result.childOfRecord[twins.1])
        #expect(result.explain(twins.0, twins.1).twinReason == .initialWithAnotherMiddleName)
    }
}

import ChildLinkModel
import Testing

@testable import ChildLinkMatching

/// Namesakes each known to one system (a missing episode in social care, a CME referral in
/// education): nothing but the name joins them, so however rare the name a person decides.
@Suite("Only the names agree: left for review")
struct OnlyNamesTests {
    /// Zebedee Quilliam: a rare name, so the names alone weigh enough to reach the link threshold.
    private func zebedee(
        _ id: String, _ dataset: Dataset, dob: String, postcode: String, upn: String? = nil, personID: String? = nil
    ) -> SourceRecord {
        Make.record(
            id, dataset, forename: "Zebedee", surname: "Quilliam", dob: dob, gender: .male, postcode: postcode,
            upn: upn, personID: personID)
    }

    private func onlyNames(_ first: SourceRecord, _ second: SourceRecord) -> Bool {
        let comparer = PairComparer(table: RecordTable([first, second]))
        return comparer.onlyNamesAgree(comparer.compare(0, 1))
    }

    @Test("Birth dates in one month more than a slip apart, two addresses, nothing shared: names alone")
    func namesAlone() {
        let episode = zebedee("1", .missing, dob: "03/05/2012", postcode: "S60 2AB", personID: "1400007")
        // 03/05 and 17/05: two digits of the day differ, 14 days apart. 03/05 and 21/09: another month.
        #expect(onlyNames(episode, zebedee("2", .cme, dob: "17/05/2012", postcode: "S65 3QT")))
        #expect(onlyNames(episode, zebedee("2", .cme, dob: "21/09/2012", postcode: "S65 3QT")))
        // An unknown address is no address in common either.
        let noAddress = Make.record(
            "2", .cme, forename: "Zebedee", surname: "Quilliam", dob: "17/05/2012", gender: .male)
        #expect(onlyNames(episode, noAddress))
    }

    @Test("A slip of the birth date, an address or an identifier in common: more than the names")
    func moreThanNames() {
        let episode = zebedee("1", .missing, dob: "12/05/2012", postcode: "S60 2AB", upn: Make.upn(7))
        // 12/05 and 21/05: the day's two digits swapped, a typing slip. 13/05: a day out.
        // 12/05/2013: a year out. 05/12: day and month transposed.
        for dob in ["21/05/2012", "13/05/2012", "12/05/2013", "05/12/2012"] {
            #expect(!onlyNames(episode, zebedee("2", .cme, dob: dob, postcode: "S65 3QT")), "\(dob)")
        }
        // 27/05: names alone at another postcode, but not at the same one, nor with the same UPN.
        #expect(onlyNames(episode, zebedee("2", .cme, dob: "27/05/2012", postcode: "S65 3QT")))
        #expect(!onlyNames(episode, zebedee("2", .cme, dob: "27/05/2012", postcode: "S60 2AB")))
        #expect(!onlyNames(episode, zebedee("2", .cme, dob: "27/05/2012", postcode: "S65 3QT", upn: Make.upn(7))))
    }

    @Test("Neighbouring digits swapped are one slip: the day (12/21), the month (01/10), the year (2012/2021)")
    func neighbouringDigits() {
        let records = [
            zebedee("1", .missing, dob: "12/01/2012", postcode: "S60 2AB"),
            zebedee("2", .cme, dob: "21/01/2012", postcode: "S60 2AB"),
            zebedee("3", .cme, dob: "12/10/2012", postcode: "S60 2AB"),
            zebedee("4", .cme, dob: "12/01/2021", postcode: "S60 2AB"),
            zebedee("5", .cme, dob: "17/01/2012", postcode: "S60 2AB"),
            zebedee("6", .cme, dob: "22/11/2012", postcode: "S60 2AB"),
            zebedee("7", .cme, dob: "12/01/2003", postcode: "S60 2AB"),
        ]
        let comparer = PairComparer(table: RecordTable(records))
        #expect((1...4).map { comparer.dateOfBirth(0, $0) } == Array(repeating: .oneDigitOut, count: 4))
        // 12/01 → 22/11: two digits changed, not neighbours; 2012 → 2003: two neighbours changed,
        // but not into each other.
        #expect(comparer.dateOfBirth(0, 5) == .different)
        #expect(comparer.dateOfBirth(0, 6) == .different)
        // Swapped, not in the same month any more: a slip, not "only the names agree" at another postcode.
        #expect(!onlyNames(records[0], zebedee("8", .cme, dob: "12/10/2012", postcode: "S65 3QT")))
    }

    @Test("Linked among a borough: a pair over the link threshold on its names alone goes to review")
    func inClusters() throws {
        var records = TwinClusteringTests.population.records
        // Both with the same rare middle name: the names alone weigh enough to pass the threshold.
        var episode = zebedee("Z1", .missing, dob: "03/05/2012", postcode: "S60 2AB", personID: "1400007")
        var referral = zebedee("Z2", .cme, dob: "17/05/2012", postcode: "S65 3QT")
        episode.person.middleNames = "Ambrose"
        referral.person.middleNames = "Ambrose"
        records += [episode, referral]
        let options = LinkOptions()
        let result = Linker(options: options).link(records)
        let first = try #require(result.index(of: RecordKey(dataset: .missing, recordID: "Z1")))
        let second = try #require(result.index(of: RecordKey(dataset: .cme, recordID: "Z2")))
        #expect(result.childOfRecord[first] != result.childOfRecord[second])
        let pair = try #require(
            result.pairs.first { Set([$0.first, $0.second]) == Set([first, second]) }, "the pair is compared")
        // The names are rare enough to carry the pair over the link threshold by weight alone:
        // without the rule it would be linked.
        #expect(pair.probability >= options.linkThreshold)
        #expect(pair.decision == .review)
        let explanation = result.explain(first, second)
        #expect(explanation.reviewReason != nil)
        #expect(explanation.text.contains("guard: for review (only the names agree"))
    }

    /// Isla Harper Brown's EHE record, at S5 4FL.
    private func isla() -> SourceRecord {
        Make.record(
            "1", .ehe, forename: "Isla", surname: "Brown", dob: "26/06/2009", gender: .female, postcode: "S5 4FL",
            upn: Make.upn(11), middle: "Harper")
    }

    /// A missing episode at Isla's address for a girl written `forename` `surname`, born `dob`.
    private func episodeAtIslasAddress(_ forename: String, _ surname: String, dob: String) -> SourceRecord {
        Make.record(
            "2", .missing, forename: forename, surname: surname, dob: dob, gender: .female, postcode: "S5 4FL",
            personID: "1436490")
    }

    /// Why two records compared alone would go to review, if they would.
    private func reason(_ first: SourceRecord, _ second: SourceRecord) -> ReviewReason? {
        let comparer = PairComparer(table: RecordTable([first, second]))
        return comparer.reviewReason(comparer.compare(0, 1))
    }

    /// The clustering's decision on joining two records, well above the threshold.
    private func decision(_ first: SourceRecord, _ second: SourceRecord) -> [PairDecision] {
        let records = [first, second]
        return ClusterDecisions.of(
            records, links: [(0, 1)], table: RecordTable(records), linkThreshold: 0.98, twinGuard: true)
    }

    @Test("Alike forenames at one address, birth dates years apart, nothing shared: a household, left for review")
    func alikeNamesAtOneAddress() {
        // Isla Harper Brown, born 2009, and a missing episode for `Isea Bron`, born 2013, at the
        // same address: her sister, both names with a slip.
        let isla = isla()
        let isea = episodeAtIslasAddress("Isea", "Bron", dob: "16/04/2013")
        #expect(reason(isla, isea) == .alikeNamesAtOneAddress)
        // The clustering leaves the join to a person, however strong its weight.
        #expect(decision(isla, isea) == [.review])
        // The same forename at the address, or a UPN in common: left to the weights.
        var sameName = isea
        sameName.person.forename = "Isla"
        #expect(reason(isla, sameName) == nil)
        var sameUPN = isea
        sameUPN.person.upn = UPN(Make.upn(11))
        #expect(reason(isla, sameUPN) == nil)
        // At another address only the names agree.
        var elsewhere = isea
        elsewhere.person.postcode = Postcode("S60 2AB")
        #expect(reason(isla, elsewhere) == .onlyNamesAgree)
    }

    @Test("Alike forenames at one address, birth dates within a month: no brother or sister, left to the weights")
    func alikeNamesAtOneAddressWithinAMonth() {
        // Brothers and sisters are born many months apart, twins on one day: `Isa Brown` on
        // 06/07/2009 beside `Isla Harper Brown` on 26/06/2009 at her address (ten days, two digits
        // apart: no slip) is Isla with her birth date typed wrong, not her sister.
        let isla = isla()
        let isa = episodeAtIslasAddress("Isa", "Brown", dob: "06/07/2009")
        let vector = PairComparer(table: RecordTable([isla, isa])).compare(0, 1)
        #expect(vector.dateOfBirth == .withinAMonth)
        #expect(vector.forename == .close)
        #expect(reason(isla, isa) == nil)
        #expect(decision(isla, isa) == [.linked])
        // Born more than a month apart at that address (06/09/2009, two digits out): a sister,
        // for a person to decide.
        let sister = episodeAtIslasAddress("Isa", "Brown", dob: "06/09/2009")
        #expect(PairComparer(table: RecordTable([isla, sister])).compare(0, 1).dateOfBirth == .different)
        #expect(reason(isla, sister) == .alikeNamesAtOneAddress)
        #expect(decision(isla, sister) == [.review])
    }
}

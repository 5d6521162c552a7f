import ChildLinkModel
import Testing

@testable import ChildLinkMatching

/// Two records that carry the same UPN, NHS number or person id, and no identifier that differs,
/// are one child however differently the names were typed: linked below the link threshold.
@Suite("An identifier in common links below the threshold")
struct SharedIdentifierLinkTests {
    /// `Chlooe Kin`, three missing episodes, and `C Kng`, in CME and exclusions: one UPN.
    private func kin(_ id: String, _ dataset: Dataset, _ forename: String, _ surname: String, nhs: String? = nil)
        -> SourceRecord
    {
        Make.record(
            id, dataset, forename: forename, surname: surname, dob: "29/01/2008", gender: .female,
            postcode: dataset == .missing ? "S65 5UL" : "S4 3GS", upn: "J373755413534", nhs: nhs)
    }

    private func rule(_ first: SourceRecord, _ second: SourceRecord) -> LinkRule? {
        let comparer = PairComparer(table: RecordTable([first, second]))
        return comparer.linkRule(0, 1, comparer.compare(0, 1))
    }

    @Test("A UPN in common, none apart: the rule; a second identifier that differs: none")
    func sharedIdentifierRule() {
        let chloe = kin("1", .missing, "Chlooe", "Kin", nhs: "4296304984")
        // The birth date is the same as well: the form of the rule that links at any probability.
        #expect(rule(chloe, kin("2", .cme, "C", "Kng")) == .sharedIdentifierAndBirthDate)
        // The same UPN, and an NHS number that is another child's: the identifiers disagree.
        #expect(rule(chloe, kin("2", .cme, "C", "Kng", nhs: "4010232137")) == nil)
        #expect(LinkRule.sharedIdentifier.probability == LinkOptions().reviewThreshold)
    }

    /// `Daisy Evans`, missing, beside `Evans Lily`, excluded: the names swapped into each other's
    /// columns and the forename another, one UPN (or NHS number), one birth date, two addresses.
    private func evans(
        _ id: String, _ dataset: Dataset, _ forename: String, _ surname: String, dob: String = "09/10/2004",
        upn: String? = "J373755413534", nhs: String? = nil
    ) -> SourceRecord {
        Make.record(
            id, dataset, forename: forename, surname: surname, dob: dob, gender: .female,
            postcode: dataset == .missing ? "S66 9PT" : "S65 7DA", upn: upn, nhs: nhs)
    }

    @Test("An identifier and the birth date (or a slip of it) in common: the rule that links at any probability")
    func sharedIdentifierAndBirthDateRule() {
        let daisy = evans("1", .missing, "Daisy", "Evans")
        #expect(rule(daisy, evans("2", .exclusions, "Evans", "Lily")) == .sharedIdentifierAndBirthDate)
        // A year out is a slip of the birth date; another date altogether is not.
        #expect(
            rule(daisy, evans("2", .exclusions, "Evans", "Lily", dob: "09/10/2005")) == .sharedIdentifierAndBirthDate)
        #expect(rule(daisy, evans("2", .exclusions, "Evans", "Lily", dob: "21/03/2007")) == .sharedIdentifier)
        // An NHS number in common counts as a UPN does.
        let mia = evans("3", .missing, "STAN", "Mia", upn: nil, nhs: "4296304984")
        #expect(
            rule(mia, evans("4", .exclusions, "Anna", "Stan", upn: nil, nhs: "4296304984"))
                == .sharedIdentifierAndBirthDate)
        #expect(LinkRule.sharedIdentifierAndBirthDate.weight == -.infinity)
    }

    @Test("A person id typed in by hand (generic mode) links only from the review threshold")
    func typedPersonIDNotIssued() {
        let records = [
            Make.record("1", .cme, forename: "Daisy", surname: "Evans", dob: "09/10/2004", personID: "5304218"),
            Make.record("2", .cme, forename: "Evans", surname: "Lily", dob: "09/10/2004", personID: "5304218"),
        ]
        let typed = PairComparer(table: RecordTable(records, typedPersonIDs: true))
        #expect(typed.compare(0, 1).personID == .agree)
        #expect(typed.linkRule(0, 1, typed.compare(0, 1)) == .sharedIdentifier)
        let issued = PairComparer(table: RecordTable(records))
        #expect(issued.linkRule(0, 1, issued.compare(0, 1)) == .sharedIdentifierAndBirthDate)
    }

    @Test(
        "Among a borough the pair is linked below the review threshold; with no identifier, or another birth date, not")
    func linkedBelowTheReviewThreshold() throws {
        let daisy = evans("D1", .missing, "Daisy", "Evans")
        let lily = evans("D2", .exclusions, "Evans", "Lily")
        // The same kind of pair with no identifier: nothing says one child.
        let rosie = evans("R1", .missing, "Rosie", "Green", dob: "14/02/2006", upn: nil)
        let ava = evans("R2", .exclusions, "Green", "Ava", dob: "14/02/2006", upn: nil)
        // One NHS number, birth dates years apart: no slip, so only the review-band form of the rule.
        let anna = evans("S1", .missing, "Anna", "Stan", dob: "29/09/2006", upn: nil, nhs: "4296304984")
        let mia = evans("S2", .exclusions, "STAN", "Mia", dob: "03/05/2009", upn: nil, nhs: "4296304984")
        let options = LinkOptions()
        let added = [daisy, lily, rosie, ava, anna, mia]
        let result = Linker(options: options).link(TwinClusteringTests.population.records + added)
        let index = try added.map { try #require(result.index(of: $0.key)) }
        let shared = try #require(result.pairs.first { Set([$0.first, $0.second]) == Set([index[0], index[1]]) })
        // The names weigh as two different names: far below the review band, linked by the rule.
        #expect(shared.probability < options.reviewThreshold)
        #expect(shared.decision == .linked)
        #expect(result.childOfRecord[index[0]] == result.childOfRecord[index[1]])
        #expect(
            result.explain(index[0], index[1]).text.contains(
                "rule: linked at any probability (a UPN, NHS number or person id in common, none apart, and the birth date"
            ))
        #expect(result.childOfRecord[index[2]] != result.childOfRecord[index[3]])
        #expect(result.childOfRecord[index[4]] != result.childOfRecord[index[5]])
    }

    @Test("Among a borough the pair is linked below the threshold, and a pair with no identifier is not")
    func linkedBelowTheThreshold() throws {
        // A surname slip as well (King, Kng): the pair scores in the review band here.
        let chloe = kin("K1", .missing, "Chlooe", "King")
        let c = kin("K2", .cme, "C", "Kng")
        // The same without the UPN, and without its sex, so that no rule of a forename's initial
        // (which asks the sex to agree) links it either: a slip of a surname this rare is strong
        // evidence of its own.
        var noUPN = kin("K3", .exclusions, "C", "Kng")
        noUPN.person.upn = nil
        noUPN.person.gender = nil
        // Raised above both pairs' probability, the threshold links neither: only the rule can.
        var options = LinkOptions()
        options.linkThreshold = 0.999_999_99
        let result = Linker(options: options).link(TwinClusteringTests.population.records + [chloe, c, noUPN])
        let indices = try [chloe, c, noUPN].map { try #require(result.index(of: $0.key)) }
        let shared = try #require(result.pairs.first { Set([$0.first, $0.second]) == Set([indices[0], indices[1]]) })
        #expect(shared.probability < options.linkThreshold)
        #expect(shared.decision == .linked)
        #expect(result.childOfRecord[indices[0]] == result.childOfRecord[indices[1]])
        let apart = result.pairs.first { Set([$0.first, $0.second]) == Set([indices[0], indices[2]]) }
        #expect(apart?.decision != .linked)
    }
}

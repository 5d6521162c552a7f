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
        #expect(rule(chloe, kin("2", .cme, "C", "Kng")) == .sharedIdentifier)
        // The same UPN, and an NHS number that is another child's: the identifiers disagree.
        #expect(rule(chloe, kin("2", .cme, "C", "Kng", nhs: "4010232137")) == nil)
        #expect(LinkRule.sharedIdentifier.probability == LinkOptions().reviewThreshold)
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

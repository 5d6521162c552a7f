import ChildLinkModel
import Testing

@testable import ChildLinkCore
@testable import ChildLinkMatching

/// What a person reviewing a pair reads about the guards, in words.
@Suite("Review evidence: the guards in words")
struct ReviewEvidenceTests {
    private func explanation(reviewReason: ReviewReason?) -> PairExplanation {
        PairExplanation(
            first: RecordKey(dataset: .missing, recordID: "E1"), second: RecordKey(dataset: .cme, recordID: "C1"),
            priorBits: -12, contributions: [], twinReason: nil, twoChildrenReason: nil, reviewReason: reviewReason)
    }

    @Test("A pair left for review because only the names agree says so, on the sheet and in the one-line log")
    func onlyNames() {
        let held = explanation(reviewReason: .onlyNamesAgree)
        #expect(ReviewText.plainEvidence(held).against == "only the names agree")
        #expect(Pipeline.oneLine(held).hasSuffix("; only the names agree"))
        #expect(held.text.contains("guard: for review (only the names agree: birth dates more than a slip apart"))
        let plain = explanation(reviewReason: nil)
        #expect(ReviewText.plainEvidence(plain).against.isEmpty)
        #expect(!Pipeline.oneLine(plain).contains("only the names"))
        #expect(!plain.text.contains("guard:"))
        // Alike forenames at one address with birth dates apart: said in its own words.
        let household = explanation(reviewReason: .alikeNamesAtOneAddress)
        #expect(
            ReviewText.plainEvidence(household).against == "alike forenames at one address, birth dates months apart")
        #expect(Pipeline.oneLine(household).hasSuffix("; alike forenames at one address, birth dates months apart"))
        #expect(household.text.contains("guard: for review (forenames alike but not the same at one address"))
    }

    @Test("The same forename with the same middle name reads as such in favour")
    func middleNameInFavour() {
        let forename = ComparisonContribution(
            comparison: .forename, level: Int(ForenameLevel.exactWithMiddleName.rawValue), firstValue: "",
            secondValue: "", bayesFactorBits: 12, frequencyAdjustmentBits: 0)
        #expect(ReviewText.phrase(forename) == "same forename and middle name")
    }
}

import ChildLinkModel
import Foundation
import Testing

@testable import ChildLinkStore

@Suite("Clerical review grouped by pair of children")
struct ChildReviewTests {
    typealias F = Fixture
    let m1 = F.key("Missing:M1")
    let m2 = F.key("Missing:M2")
    let h1 = F.key("EHE:H1")
    let x1 = F.key("Exclusions:X1")
    let x2 = F.key("Exclusions:X2")

    /// Week 1's children: CL000001 {M1, C1}, CL000002 {M2}, CL000003 {H1, X1, X2}; three uncertain
    /// record pairs between children 2 and 3 (a twin with many records), one between 1 and 2.
    func storeWithTwinPairs() throws -> ChildLinkStore {
        let store = try F.store()
        try store.performRun { run in
            _ = try run.upsert(StoreRunTests.week1, datasets: Set(Dataset.strands))
            _ = try run.assignChildIDs(clusters: StoreRunTests.week1Clusters)
            try run.saveReviewPairs([
                ReviewPair(m2, x1, probability: 0.55, explanation: "weak"),
                ReviewPair(m2, h1, probability: 0.70, explanation: "strongest of the twins"),
                ReviewPair(x2, m2, probability: 0.60, explanation: "middle"),
                ReviewPair(m1, m2, probability: 0.62, explanation: "forename one edit"),
            ])
        }
        return store
    }

    @Test("one entry per pair of children: strongest pair, count and probability range, most probable first")
    func grouping() throws {
        let entries = try storeWithTwinPairs().reviewChildPairs()
        #expect(entries.map { [$0.childA.number, $0.childB.number] } == [[2, 3], [1, 2]])
        let twins = entries[0]
        #expect(twins.pairs.count == 3)
        #expect(twins.strongest == ReviewPair(h1, m2, probability: 0.70, explanation: "strongest of the twins"))
        #expect(twins.probabilityRange == 0.55...0.70)
        #expect(twins.decision == nil)
        #expect(entries[1].pairs.count == 1 && entries[1].probabilityRange == 0.62...0.62)
    }

    @Test("rejecting two children is a cannot-link between every record of one and every record of the other")
    func rejectChildren() throws {
        let store = try storeWithTwinPairs()
        let decision = try store.decide(children: ChildLinkID(3), ChildLinkID(2), .cannotLink, note: "twins")
        #expect(decision.childA == ChildLinkID(2) && decision.childB == ChildLinkID(3))
        let pairs = Set(decision.recordDecisions.map { PairKey($0.recordA, $0.recordB) })
        #expect(pairs == [PairKey(m2, h1), PairKey(m2, x1), PairKey(m2, x2)])
        #expect(
            try store.decisions().allSatisfy {
                $0.kind == .cannotLink && $0.note == "child pair CL000002 CL000003: twins"
            })
        let entries = try store.reviewChildPairs()
        #expect(entries[0].decision == .cannotLink)
        #expect(try store.reviewChildPairs(undecidedOnly: true).map(\.childA) == [ChildLinkID(1)])
    }

    @Test("accepting two children is one must-link on their strongest record pair")
    func acceptChildren() throws {
        let store = try storeWithTwinPairs()
        let decision = try store.decide(children: ChildLinkID(2), ChildLinkID(3), .mustLink)
        #expect(decision.recordDecisions.map { [$0.recordA, $0.recordB] } == [[min(h1, m2), max(h1, m2)]])
        #expect(try store.reviewChildPairs()[0].decision == .mustLink)
        // A later reject between the two wins: the most recent decision is shown.
        try store.decide(children: ChildLinkID(2), ChildLinkID(3), .cannotLink)
        #expect(try store.reviewChildPairs()[0].decision == .cannotLink)
    }

    @Test("an id with no records, or both ids one child, is refused and nothing is written")
    func badChildren() throws {
        let store = try storeWithTwinPairs()
        #expect(throws: StoreError.unknownChild("CL000009")) {
            try store.decide(children: ChildLinkID(2), ChildLinkID(9), .mustLink)
        }
        #expect(throws: StoreError.sameChild("CL000002")) {
            try store.decide(children: ChildLinkID(2), ChildLinkID(2), .cannotLink)
        }
        #expect(try store.decisions().isEmpty)
    }
}

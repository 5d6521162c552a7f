import ChildLinkModel
import ChildLinkStore
import Testing

@Suite("Stable ChildLink ids across runs (pure)")
struct StableIDAssignerTests {
    let a = Fixture.key("Missing:M1")
    let b = Fixture.key("CME:C1")
    let c = Fixture.key("EHE:H1")
    let d = Fixture.key("Missing:M2")
    let e = Fixture.key("Exclusions:X1")

    @Test("first run: fresh ids in order of each cluster's smallest record, above the maximum issued")
    func firstRun() {
        let result = StableIDAssigner.assign(clusters: [[d], [b, a], [c]], previous: [:], maxIssued: 0)
        #expect(result.assignment[a] == result.assignment[b])
        #expect(Set(result.assignment.values) == [ChildLinkID(1), ChildLinkID(2), ChildLinkID(3)])
        #expect(result.assignment[a] == ChildLinkID(1))
        #expect(result.assignment[d] == ChildLinkID(2))
        #expect(result.assignment[c] == ChildLinkID(3))
        #expect(result.events.isEmpty)
        #expect(result.newIDs == [ChildLinkID(1), ChildLinkID(2), ChildLinkID(3)])
        #expect(result.maxIssued == 3)
    }

    @Test("unchanged clusters keep their ids; a new record joins an existing child without an event")
    func stable() {
        let previous = [a: ChildLinkID(7), b: ChildLinkID(7), d: ChildLinkID(9)]
        let result = StableIDAssigner.assign(clusters: [[a, b, c], [d], [e]], previous: previous, maxIssued: 12)
        #expect(result.assignment[a] == ChildLinkID(7))
        #expect(result.assignment[c] == ChildLinkID(7))
        #expect(result.assignment[d] == ChildLinkID(9))
        #expect(result.assignment[e] == ChildLinkID(13), "new ids start above the maximum ever issued")
        #expect(result.events.isEmpty)
    }

    @Test("undoing a merge gives the merged-away id back to its records, even when they are the larger part")
    func revivedAfterSplit() {
        // CL000004 (a) took in CL000005's three records (b, c, d) when a reviewer joined them; the
        // decision is revoked and the matcher's clusters split them again.
        let previous = [a: ChildLinkID(4), b: ChildLinkID(4), c: ChildLinkID(4), d: ChildLinkID(4)]
        let dormant = [b: ChildLinkID(5), c: ChildLinkID(5), d: ChildLinkID(5)]
        let result = StableIDAssigner.assign(
            clusters: [[a], [b, c, d]], previous: previous, maxIssued: 5, dormant: dormant)
        #expect(result.assignment[a] == ChildLinkID(4))
        #expect(result.assignment[b] == ChildLinkID(5) && result.assignment[d] == ChildLinkID(5))
        #expect(result.newIDs.isEmpty && result.revivedIDs == [ChildLinkID(5)] && result.maxIssued == 5)
        #expect(result.events.map(\.kind) == [.split])
        // While the merge holds, the dormant id stays merged away.
        let kept = StableIDAssigner.assign(
            clusters: [[a, b, c, d]], previous: previous, maxIssued: 5, dormant: dormant)
        #expect(Set(kept.assignment.values) == [ChildLinkID(4)] && kept.revivedIDs.isEmpty && kept.events.isEmpty)
    }

    @Test("a merge keeps the older (smaller) id and logs the other as merged into it")
    func merge() throws {
        let previous = [a: ChildLinkID(4), b: ChildLinkID(2), c: ChildLinkID(2)]
        let result = StableIDAssigner.assign(clusters: [[a, b, c]], previous: previous, maxIssued: 4)
        #expect(result.assignment[a] == ChildLinkID(2))
        let event = try #require(result.events.first)
        #expect(result.events.count == 1)
        #expect(event.kind == .merge)
        #expect(event.childID == ChildLinkID(2))
        #expect(event.otherID == ChildLinkID(4))
        #expect(event.records == [a])
        #expect(event.reason.contains("CL000004 merged into CL000002"))
        #expect(result.mergedIDs == [ChildLinkID(4)])
        #expect(result.newIDs.isEmpty)
    }

    @Test("a split: the part with most of the history keeps the id, the other gets a fresh one")
    func split() throws {
        let previous = [a: ChildLinkID(3), b: ChildLinkID(3), c: ChildLinkID(3)]
        let result = StableIDAssigner.assign(clusters: [[c], [a, b]], previous: previous, maxIssued: 5)
        #expect(result.assignment[a] == ChildLinkID(3))
        #expect(result.assignment[c] == ChildLinkID(6))
        let event = try #require(result.events.first)
        #expect(result.events.count == 1)
        #expect(event.kind == .split)
        #expect(event.childID == ChildLinkID(3))
        #expect(event.otherID == ChildLinkID(6))
        #expect(event.records == [c])
    }

    @Test("a split into equal halves: the half with the earliest-seen record keeps the id")
    func tiedSplit() {
        let previous = [a: ChildLinkID(1), c: ChildLinkID(1)]
        let firstSeen = [a: 2, c: 1]
        let result = StableIDAssigner.assign(
            clusters: [[a], [c]], previous: previous, maxIssued: 1, firstSeen: firstSeen)
        #expect(result.assignment[c] == ChildLinkID(1))
        #expect(result.assignment[a] == ChildLinkID(2))
        // Without first-seen order, the smallest record key decides.
        let byKey = StableIDAssigner.assign(clusters: [[a], [c]], previous: previous, maxIssued: 1)
        #expect(byKey.assignment[a] == ChildLinkID(1))
    }

    @Test("ids are never reused: a vanished child's id is not handed out again")
    func neverReused() {
        let previous = [a: ChildLinkID(1)]
        let result = StableIDAssigner.assign(clusters: [[b]], previous: previous, maxIssued: 1)
        #expect(result.assignment[b] == ChildLinkID(2))
    }

    @Test("a merge and a split at once: records move to the older child, the rest keep theirs")
    func moveBetweenChildren() throws {
        // Child 1 had a, b, c; child 2 had d. Now c is recognised as child 2's.
        let previous = [a: ChildLinkID(1), b: ChildLinkID(1), c: ChildLinkID(1), d: ChildLinkID(2)]
        let result = StableIDAssigner.assign(clusters: [[a, b], [c, d]], previous: previous, maxIssued: 2)
        #expect(result.assignment[a] == ChildLinkID(1))
        #expect(result.assignment[d] == ChildLinkID(2))
        #expect(result.assignment[c] == ChildLinkID(2))
        #expect(result.events.map(\.kind) == [.split])
        #expect(result.events.first?.records == [c])
        #expect(result.events.first?.otherID == ChildLinkID(2))
    }

    @Test("the same input gives the same output whatever the order of clusters and records")
    func deterministic() {
        let previous = [a: ChildLinkID(5), b: ChildLinkID(6), c: ChildLinkID(6)]
        let one = StableIDAssigner.assign(clusters: [[a, b], [c], [d], [e]], previous: previous, maxIssued: 6)
        let two = StableIDAssigner.assign(clusters: [[e], [d], [c], [b, a]], previous: previous, maxIssued: 6)
        #expect(one == two)
    }

    @Test("a record listed twice counts once, in its first cluster")
    func duplicates() {
        let result = StableIDAssigner.assign(clusters: [[a, b], [b, c]], previous: [:], maxIssued: 0)
        #expect(result.assignment[b] == result.assignment[a])
        #expect(result.children.flatMap(\.records).count == 3)
    }
}

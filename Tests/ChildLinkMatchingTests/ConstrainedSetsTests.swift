import Testing

@testable import ChildLinkMatching

@Suite("Constrained sets")
struct ConstrainedSetsTests {
    @Test("Constrained sets refuse a join that would put a cannot-link pair together")
    func cannotLink() {
        var sets = ConstrainedSets(count: 4, cannotLink: [(0, 3)])
        let joins = [sets.join(0, 1), sets.join(2, 3), sets.join(1, 2)]
        #expect(joins == [true, true, false])
        let roots = (sets.root(0), sets.root(3))
        #expect(roots.0 != roots.1)
    }
}

import ChildLinkModel
import Testing

@Suite("Union–find")
struct UnionFindTests {
    @Test("The larger set's root survives a union, the first on a tie; roots follow")
    func unionBySize() {
        var sets = UnionFind(count: 5)
        let first = sets.union(0, 1)
        #expect(first == (root: 0, absorbed: 1))
        let (two, one) = (sets.root(2), sets.root(1))
        let second = sets.union(two, one)
        #expect(second == (root: 0, absorbed: 2))
        let rootOfTwo = sets.root(2)
        let rootOfThree = sets.root(3)
        #expect(rootOfTwo == 0)
        #expect(rootOfThree == 3)
    }
}

/// Union–find by size with path halving: the one union–find that clustering, the review
/// constraints and the reports' "if every waiting pair were confirmed" share. Inlinable: the
/// clustering calls it millions of times from another module.
package struct UnionFind: Sendable {
    @usableFromInline var parent: [Int]
    @usableFromInline var size: [Int]

    /// `count` singleton sets.
    @inlinable package init(count: Int) {
        parent = Array(0..<count)
        size = [Int](repeating: 1, count: count)
    }

    /// The root of `element`'s set.
    @inlinable package mutating func root(_ element: Int) -> Int {
        var node = element
        while parent[node] != node {
            parent[node] = parent[parent[node]]
            node = parent[node]
        }
        return node
    }

    /// Joins two distinct roots; the larger set's root survives (`a` on a tie). Returns the
    /// surviving root and the absorbed one.
    @inlinable package mutating func union(_ a: Int, _ b: Int) -> (root: Int, absorbed: Int) {
        let (big, small) = size[a] >= size[b] ? (a, b) : (b, a)
        parent[small] = big
        size[big] += size[small]
        return (big, small)
    }
}

extension Dataset {
    /// The dataset's place in the order of ``Dataset/<(_:_:)`` (its declaration order), without
    /// building `allCases` on every comparison: for sorting a million record keys.
    @inlinable public var keyOrderRank: Int {
        switch self {
        case .missing: 0
        case .cme: 1
        case .ehe: 2
        case .exclusions: 3
        case .socialCare: 4
        }
    }
}

extension RecordKey {
    /// The same order as `<` (dataset, then record id), computed faster: the datasets are
    /// compared by ``Dataset/keyOrderRank``.
    @inlinable public func precedes(_ other: RecordKey) -> Bool {
        let rank = dataset.keyOrderRank
        let otherRank = other.dataset.keyOrderRank
        return rank != otherRank ? rank < otherRank : recordID < other.recordID
    }
}

extension Array where Element == SourceRecord {
    /// Whether the records are in strictly increasing key order (so sorted, with no key twice).
    public var isStrictlySortedByKey: Bool {
        indices.dropFirst().allSatisfy { self[$0 - 1].key.precedes(self[$0].key) }
    }

    /// Sorts the records by key in place: the keys are sorted as indices, then the records are
    /// moved along the permutation's cycles, so no second array of records is ever built.
    public mutating func sortByKey() {
        guard !isStrictlySortedByKey else { return }
        let keys = map { (rank: $0.key.dataset.keyOrderRank, id: $0.key.recordID) }
        let order = keys.indices.sorted {
            keys[$0].rank != keys[$1].rank ? keys[$0].rank < keys[$1].rank : keys[$0].id < keys[$1].id
        }
        permute(by: order)
    }

    /// Rearranges the records so that position `i` holds the record that was at `order[i]`.
    mutating func permute(by order: [Int]) {
        var placed = [Bool](repeating: false, count: count)
        for start in indices where !placed[start] {
            var position = start
            let first = self[start]
            while true {
                placed[position] = true
                let source = order[position]
                if source == start {
                    self[position] = first
                    break
                }
                self[position] = self[source]
                position = source
            }
        }
    }
}

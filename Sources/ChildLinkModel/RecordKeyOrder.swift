extension Dataset {
    /// The dataset's place in the order of ``Dataset/<(_:_:)``: its declaration order.
    @inlinable package var keyOrderRank: Int {
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
    /// Whether this key comes before `other`: dataset (``Dataset/keyOrderRank``), then record id.
    /// `<` is this order.
    @inlinable package func precedes(_ other: RecordKey) -> Bool {
        let rank = dataset.keyOrderRank
        let otherRank = other.dataset.keyOrderRank
        return rank != otherRank ? rank < otherRank : recordID < other.recordID
    }
}

extension Array where Element == SourceRecord {
    /// Whether the records are in strictly increasing key order (so sorted, with no key twice).
    package var isStrictlySortedByKey: Bool {
        indices.dropFirst().allSatisfy { self[$0 - 1].key.precedes(self[$0].key) }
    }

    /// Sorts the records by key in place: the keys are sorted (most of them compared as one
    /// integer, see ``PackedRecordKey``), then the records are moved along the permutation's
    /// cycles, so no second array of records is ever built and no record is copied or retained.
    package mutating func sortByKey() {
        guard !isStrictlySortedByKey else { return }
        var keys = indices.map { PackedRecordKey(self[$0].key, index: $0) }
        keys.sort { $0.precedes($1, ids: self) }
        permute(by: keys.map(\.index))
    }

    /// Rearranges the records so that position `i` holds the record that was at `order[i]`: each
    /// record is moved (its bytes), never copied, so no reference count is touched.
    mutating func permute(by order: [Int]) {
        var placed = [Bool](repeating: false, count: count)
        withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for start in buffer.indices where !placed[start] {
                var position = start
                let first = (base + start).move()
                while true {
                    placed[position] = true
                    let source = order[position]
                    if source == start {
                        (base + position).initialize(to: first)
                        break
                    }
                    (base + position).moveInitialize(from: base + source, count: 1)
                    position = source
                }
            }
        }
    }
}

/// A record key to sort by: the dataset's rank and, when the id is all ASCII, its first eight
/// bytes packed big-endian (zero-padded), so that two keys whose packed bytes differ are ordered
/// by one integer comparison. An all-ASCII id orders byte by byte, shorter first, exactly as
/// `String.<` does; any other id (or a tie in the packed bytes) is compared as a `String`.
struct PackedRecordKey {
    /// The dataset's ``Dataset/keyOrderRank``.
    let rank: Int
    /// Whether ``head`` holds the id's first bytes (the id is all ASCII).
    let isPacked: Bool
    /// The id's first eight bytes, big-endian, zero-padded.
    let head: UInt64
    /// The record's position before sorting.
    let index: Int

    init(_ key: RecordKey, index: Int) {
        rank = key.dataset.keyOrderRank
        self.index = index
        var head: UInt64 = 0
        var isASCII = true
        var taken = 0
        for byte in key.recordID.utf8 {
            if byte >= 0x80 {
                isASCII = false
                break
            }
            if taken < 8 {
                head |= UInt64(byte) << (56 - 8 * UInt64(taken))
                taken += 1
            }
        }
        self.head = isASCII ? head : 0
        isPacked = isASCII
    }

    /// Whether this key comes before `other` in the order of ``RecordKey/precedes(_:)``; `ids`
    /// are the records the indices point into, for the ids the packed bytes do not decide.
    /// Equal keys are ordered by index, so the sort keeps them in their given order.
    func precedes(_ other: PackedRecordKey, ids records: [SourceRecord]) -> Bool {
        if rank != other.rank { return rank < other.rank }
        if isPacked, other.isPacked, head != other.head { return head < other.head }
        let id = records[index].key.recordID
        let otherID = records[other.index].key.recordID
        if id != otherID { return id < otherID }
        return index < other.index
    }
}

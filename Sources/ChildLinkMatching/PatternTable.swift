/// A small open-addressing map from packed comparison vectors to values. The candidate pairs
/// have only a few thousand distinct vectors, so counting or looking one up per pair costs a
/// multiply, a mask and usually one probe, instead of a generic Dictionary's hashing.
struct PatternTable<Value> {
    /// No real vector: a level never reaches 15.
    private static var empty: UInt32 { .max }
    private var keys: [UInt32]
    private var values: [Value]
    private var mask: Int
    private let absent: Value
    /// How many vectors the table holds.
    private(set) var count = 0

    /// An empty table; looking up a vector not in it gives `absent`.
    init(capacity: Int = 1024, absent: Value) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        keys = Array(repeating: Self.empty, count: size)
        values = Array(repeating: absent, count: size)
        mask = size - 1
        self.absent = absent
    }

    @inline(__always) private func slot(of key: UInt32) -> Int {
        var slot = Int(truncatingIfNeeded: (UInt64(key) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while keys[slot] != key && keys[slot] != Self.empty { slot = (slot + 1) & mask }
        return slot
    }

    /// The value stored for `key`, or `absent`.
    subscript(key: UInt32) -> Value {
        @inline(__always) get {
            let slot = slot(of: key)
            return keys[slot] == key ? values[slot] : absent
        }
        set {
            let slot = slot(of: key)
            if keys[slot] == key {
                values[slot] = newValue
            } else {
                insert(key, newValue, at: slot)
            }
        }
    }

    private mutating func insert(_ key: UInt32, _ value: Value, at slot: Int) {
        keys[slot] = key
        values[slot] = value
        count += 1
        if count * 2 > keys.count { grow() }
    }

    private mutating func grow() {
        var larger = PatternTable(capacity: keys.count, absent: absent)
        for (key, value) in entries { larger[key] = value }
        self = larger
    }

    /// Every vector and its value, in no particular order.
    var entries: [(key: UInt32, value: Value)] {
        keys.indices.filter { keys[$0] != Self.empty }.map { (keys[$0], values[$0]) }
    }
}

extension PatternTable: Sendable where Value: Sendable {}

extension PatternTable where Value == Int {
    /// Adds one to the count of `key`.
    @inline(__always) mutating func increment(_ key: UInt32) {
        let slot = slot(of: key)
        if keys[slot] == key {
            values[slot] += 1
        } else {
            insert(key, 1, at: slot)
        }
    }
}

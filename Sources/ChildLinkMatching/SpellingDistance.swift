/// How far apart two words are as typed: the matcher's Damerau–Levenshtein distance, for the
/// command line's "did you mean …?" (a misspelt command is one or two edits from the real one).
package enum SpellingDistance {
    /// The number of edits (insert, delete, substitute, swap two neighbours) from `a` to `b`,
    /// compared in lower case; `limit + 1` when it is more than `limit`.
    package static func between(_ a: String, _ b: String, limit: Int = 3) -> Int {
        let left = Array(a.lowercased().utf8)
        let right = Array(b.lowercased().utf8)
        return left.withUnsafeBufferPointer { l in
            right.withUnsafeBufferPointer { r in StringSimilarity.damerauLevenshtein(l, r, limit: limit) }
        }
    }
}

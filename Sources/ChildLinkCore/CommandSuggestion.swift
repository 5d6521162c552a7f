import ChildLinkMatching

/// The "did you mean …?" of the command line: the known name nearest to a misspelt one.
package enum CommandSuggestion {
    /// The one name in `names` within two edits of `typed` (and nearer than any other), or `nil`.
    package static func nearest(to typed: String, among names: [String]) -> String? {
        let scored = names.map { ($0, SpellingDistance.between(typed, $0, limit: 2)) }.filter { $0.1 <= 2 }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return scored.filter { $0.1 == best.1 }.count == 1 ? best.0 : nil
    }
}

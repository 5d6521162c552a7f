/// A reviewer's verdict on a pair of records or children: the one kind of decision that the store
/// records and the clustering respects.
package enum PairVerdict: String, Sendable, Hashable, CaseIterable, Codable {
    /// The two are the same child (must-link).
    case mustLink = "must-link"
    /// The two are different children (cannot-link).
    case cannotLink = "cannot-link"

    /// Reads `accept`/`must-link`/`match`/`yes` or `reject`/`cannot-link`/`non-match`/`no`, in any case,
    /// with surrounding spaces or tabs.
    package init?(word: some StringProtocol) {
        let trimmed = word.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }
        switch String(trimmed.reversed()).lowercased() {
        case "accept", "accepted", "must-link", "mustlink", "match", "same", "yes", "y": self = .mustLink
        case "reject", "rejected", "cannot-link", "cannotlink", "non-match", "nonmatch", "different", "no", "n":
            self = .cannotLink
        default: return nil
        }
    }
}

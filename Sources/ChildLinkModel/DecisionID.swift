/// The short id of a reviewer decision, written `D12`: what `review history` lists and
/// `review revoke` takes.
package struct DecisionID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The number behind the id.
    package let number: Int

    /// The id with this number.
    package init(_ number: Int) { self.number = number }

    /// Reads `D12`, `d12` or `12`; `nil` for anything else.
    package init?(parsing text: some StringProtocol) {
        var digits = Substring(String(text.drop { $0 == " " }))
        if digits.first == "D" || digits.first == "d" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let number = Int(digits), number > 0 else { return nil }
        self.number = number
    }

    /// `D12`.
    package var description: String { "D\(number)" }

    /// Smaller numbers first.
    package static func < (lhs: DecisionID, rhs: DecisionID) -> Bool { lhs.number < rhs.number }
}

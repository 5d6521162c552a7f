/// A UK postcode, normalised to upper case with one space before the inward code (`S60 1AE`).
package struct Postcode: Hashable, Sendable, CustomStringConvertible {
    /// The normalised form, e.g. `S60 1AE`; the raw text upper-cased when it is not a valid shape.
    package let value: String
    /// Whether it has the shape of a UK postcode (outward `A9`, `A99`, `AA9`, `AA99`, `A9A`, `AA9A`,
    /// inward `9AA`).
    package let isValid: Bool

    /// Reads a postcode from an extract field. Returns `nil` for an empty field.
    package init?(_ raw: some StringProtocol) {
        let compact = raw.uppercased().filter { !$0.isWhitespace }
        guard !compact.isEmpty else { return nil }
        if Self.hasValidShape(compact) {
            let inwardStart = compact.index(compact.endIndex, offsetBy: -3)
            value = compact[..<inwardStart] + " " + compact[inwardStart...]
            isValid = true
        } else {
            value = String(raw.uppercased().trimmingSpaces)
            isValid = false
        }
    }

    /// The outward code (`S60`), which names the postcode district.
    package var district: String {
        isValid ? String(value.prefix { $0 != " " }) : value
    }

    /// The sector (`S60 1`): the district and the first character of the inward code.
    package var sector: String {
        isValid ? String(value.dropLast(2)) : value
    }

    /// The area letters (`S`).
    package var area: String { String(district.prefix { $0.isLetter }) }

    package var description: String { value }

    private static func hasValidShape(_ compact: String) -> Bool {
        let chars = Array(compact.utf8)
        guard (5...7).contains(chars.count), chars.allSatisfy({ $0 < 128 }) else { return false }
        let inward = chars.suffix(3)
        let outward = Array(chars.dropLast(3))
        guard isDigit(inward[inward.startIndex]), isLetter(inward[inward.startIndex + 1]),
            isLetter(inward[inward.startIndex + 2])
        else { return false }
        let pattern = outward.map { isLetter($0) ? "A" : isDigit($0) ? "9" : "?" }.joined()
        return ["A9", "A99", "AA9", "AA99", "A9A", "AA9A"].contains(pattern)
    }

    private static func isDigit(_ c: UInt8) -> Bool { (48...57).contains(c) }
    private static func isLetter(_ c: UInt8) -> Bool { (65...90).contains(c) }
}

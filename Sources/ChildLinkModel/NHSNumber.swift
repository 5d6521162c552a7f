/// An NHS number: 10 digits whose last is a modulus-11 check digit; may be written `943 476 5919`.
///
/// An invalid number is kept with its ``problem`` so that it stays visible as evidence.
package struct NHSNumber: Hashable, Sendable, CustomStringConvertible {
    /// The ten digits (or whatever was written, without spaces, when invalid).
    package let value: String
    /// What, if anything, is wrong with it.
    package let problem: IdentifierProblem?

    /// Reads an NHS number from an extract field; spaces and hyphens are ignored. `nil` when empty.
    package init?(_ raw: some StringProtocol) {
        let compact = String(raw.filter { $0 != " " && $0 != "-" })
        guard !compact.isEmpty else { return nil }
        value = compact
        problem = Self.problem(compact)
    }

    /// Whether the number has ten digits, a matching check digit and is not a placeholder.
    package var isValid: Bool { problem == nil }

    /// The `3-3-4` display form, e.g. `943 476 5919`.
    package var formatted: String {
        guard value.count == 10 else { return value }
        let digits = Array(value)
        return String(digits[0..<3]) + " " + String(digits[3..<6]) + " " + String(digits[6..<10])
    }

    package var description: String { formatted }

    /// The check digit the first nine digits call for, or `nil` when none can (remainder 10).
    package static func checkDigit(forFirstNine digits: [Int]) -> Int? {
        guard digits.count == 9 else { return nil }
        let sum = zip(digits, stride(from: 10, through: 2, by: -1)).reduce(0) { $0 + $1.0 * $1.1 }
        let check = 11 - sum % 11
        switch check {
        case 11: return 0
        case 10: return nil
        default: return check
        }
    }

    private static func problem(_ compact: String) -> IdentifierProblem? {
        let digits = compact.compactMap(\.wholeNumberValue)
        guard digits.count == compact.count, compact.allSatisfy(\.isASCII) else { return .badFormat }
        guard digits.count == 10 else { return .wrongLength }
        guard checkDigit(forFirstNine: Array(digits[0..<9])) == digits[9] else { return .badCheckDigit }
        if Set(digits).count == 1 { return .placeholder }
        return nil
    }
}

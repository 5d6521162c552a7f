/// A UK postcode, normalised to upper case with one space before the inward code (`S60 1AE`).
///
/// Valid means the Royal Mail's format, not only its shape: an outward code `A9`, `A99`, `AA9`,
/// `AA99`, `A9A` or `AA9A` whose first letter is not Q, V or X, whose second letter (in `AA…`) is
/// not I, J or Z, whose third letter (`A9A`) is one of A–H, J, K, P, S, T, U, W and whose fourth
/// (`AA9A`) one of A, B, E, H, M, N, P, R, V, W, X, Y; and an inward code `9AA` without C, I, K,
/// M, O or V. The special cases are valid too: `GIR 0AA`, `BFPO` with a number, and the overseas
/// territories' postcodes (`ASCN 1ZZ`, `STHL 1ZZ`, `TDCU 1ZZ`, `BBND 1ZZ`, `BIQQ 1ZZ`, `FIQQ 1ZZ`,
/// `PCRN 1ZZ`, `SIQQ 1ZZ`, `TKCA 1ZZ`, `GX11 1AA`).
///
/// A **placeholder** is a value typed where the address is not known: `QQ1 1QQ` and its kind (an
/// outward code starting with Q, which no postcode does), one letter doubled and repeated
/// (`ZZ1 1ZZ`, `AA9 9AA`; not in the real areas SS and LL), the NHS pseudo-postcodes `ZZ99 …` (`ZZ99 3VZ` no fixed abode, `ZZ99 3WZ` address
/// not known, `ZZ99 3CZ` England not otherwise specified, and the countries abroad) and Santa's
/// `SAN TA1`. It is not valid, and it is no evidence that two records are one child.
package struct Postcode: Hashable, Sendable, CustomStringConvertible {
    /// The normalised form, e.g. `S60 1AE`; the raw text upper-cased when it is not a valid shape.
    package let value: String
    /// Whether it is a UK postcode by the Royal Mail's rules (or one of the special cases).
    package let isValid: Bool
    /// What kind of placeholder it is, when it is one.
    package let placeholder: Placeholder?
    /// Whether it has the shape of a postcode (outward and inward code), valid or not: a value
    /// that may locate a child, never to be shown in a message.
    package let hasPostcodeShape: Bool

    /// The kinds of placeholder postcode.
    package enum Placeholder: String, Sendable, Hashable {
        /// `QQ1 1QQ`, `ZZ1 1ZZ`, `SAN TA1`: typed where the address is not known.
        case madeUp = "a placeholder, not an address (such as QQ1 1QQ)"
        /// The NHS's `ZZ99 …`: no fixed abode, address not known, or a country abroad.
        case nhsPseudo = "an NHS pseudo-postcode (ZZ99: no fixed abode, address not known, or abroad)"
    }

    /// Reads a postcode from an extract field. Returns `nil` for an empty field.
    package init?(_ raw: some StringProtocol) {
        let compact = raw.uppercased().filter { !$0.isWhitespace }
        guard !compact.isEmpty else { return nil }
        let bytes = Array(compact.utf8)
        let shape = Self.hasShape(bytes)
        hasPostcodeShape = shape || Self.special(compact) != nil
        placeholder = Self.placeholder(compact, bytes: bytes)
        if let special = Self.special(compact) {
            value = special
            isValid = true
        } else if shape {
            let inwardStart = compact.index(compact.endIndex, offsetBy: -3)
            value = compact[..<inwardStart] + " " + compact[inwardStart...]
            isValid = placeholder == nil && Self.followsRules(bytes)
        } else {
            value = String(raw.uppercased().trimmingSpaces)
            isValid = false
        }
    }

    /// A valid postcode already normalised (the fast path of ``init(field:)``).
    init(validValue: String) {
        value = validValue
        isValid = true
        placeholder = nil
        hasPostcodeShape = true
    }

    /// Why the postcode is kept but not valid, for a warning that names the field and never the
    /// value; `nil` when it is valid.
    package var problem: String? {
        if isValid { return nil }
        if let placeholder { return "Postcode is \(placeholder.rawValue); not shown" }
        return hasPostcodeShape
            ? "Postcode kept but not valid: not a UK postcode (its outward or inward code breaks the Royal Mail "
                + "rules); not shown"
            : "Postcode kept but not valid: not the shape of a UK postcode; not shown"
    }

    /// The outward code (`S60`), which names the postcode district.
    package var district: String {
        // A valid postcode is ASCII, so its bytes are its characters.
        isValid ? String(decoding: value.utf8.prefix { $0 != 0x20 }, as: UTF8.self) : value
    }

    /// The sector (`S60 1`): the district and the first character of the inward code.
    package var sector: String {
        isValid ? String(decoding: value.utf8.dropLast(2), as: UTF8.self) : value
    }

    /// The area letters (`S`).
    package var area: String { String(district.prefix { $0.isLetter }) }

    package var description: String { value }

    /// The overseas territories' postcodes, without their space.
    static let overseasTerritories: Set<String> = [
        "ASCN1ZZ", "STHL1ZZ", "TDCU1ZZ", "BBND1ZZ", "BIQQ1ZZ", "FIQQ1ZZ", "PCRN1ZZ", "SIQQ1ZZ", "TKCA1ZZ", "GX111AA",
    ]

    /// The normalised special case `compact` is (`GIR 0AA`, `BFPO 123`, `STHL 1ZZ`), or `nil`.
    static func special(_ compact: String) -> String? {
        if compact == "GIR0AA" { return "GIR 0AA" }
        if compact.hasPrefix("BFPO"), (5...8).contains(compact.count),
            compact.dropFirst(4).allSatisfy({ $0.isASCII && $0.isNumber })
        {
            return "BFPO " + compact.dropFirst(4)
        }
        guard overseasTerritories.contains(compact) else { return nil }
        return compact.dropLast(3) + " " + compact.suffix(3)
    }

    /// The kind of placeholder `compact` is, or `nil`.
    static func placeholder(_ compact: String, bytes: [UInt8]) -> Placeholder? {
        if compact == "SANTA1" { return .madeUp }
        guard hasShape(bytes) else { return nil }
        if compact.hasPrefix("ZZ99") { return .nhsPseudo }
        if bytes[0] == UInt8(ascii: "Q") { return .madeUp }
        // One letter doubled and repeated (`ZZ1 1ZZ`, `AA9 9AA`); SS and LL are real areas.
        let repeated = bytes[0] == bytes[1] && Set(bytes.filter(\.isASCIIUppercase)).count == 1
        return repeated && !compact.hasPrefix("SS") && !compact.hasPrefix("LL") ? .madeUp : nil
    }

    /// Whether `compact` is an outward code `A9`, `A99`, `AA9`, `AA99`, `A9A` or `AA9A` and an inward code `9AA`.
    static func hasShape(_ chars: [UInt8]) -> Bool {
        guard (5...7).contains(chars.count), chars.allSatisfy({ $0 < 128 }) else { return false }
        let inward = chars.suffix(3)
        guard inward[inward.startIndex].isASCIIDigit, inward[inward.startIndex + 1].isASCIIUppercase,
            inward[inward.startIndex + 2].isASCIIUppercase
        else { return false }
        return ["A9", "A99", "AA9", "AA99", "A9A", "AA9A"].contains(pattern(chars.dropLast(3)))
    }

    /// Whether a postcode of the right shape keeps the Royal Mail's letter rules (see the type's summary).
    static func followsRules(_ chars: [UInt8]) -> Bool {
        let outward = Array(chars.dropLast(3))
        func allowed(_ byte: UInt8, _ letters: String) -> Bool { letters.utf8.contains(byte) }
        guard !allowed(outward[0], "QVX"), chars.suffix(2).allSatisfy({ !allowed($0, "CIKMOV") }) else { return false }
        switch pattern(outward[...]) {
        case "AA9", "AA99": return !allowed(outward[1], "IJZ")
        case "A9A": return allowed(outward[2], "ABCDEFGHJKPSTUW")
        case "AA9A": return !allowed(outward[1], "IJZ") && allowed(outward[3], "ABEHMNPRVWXY")
        default: return true
        }
    }

    private static func pattern(_ chars: ArraySlice<UInt8>) -> String {
        String(chars.map { $0.isASCIIUppercase ? "A" : $0.isASCIIDigit ? "9" : "?" })
    }
}

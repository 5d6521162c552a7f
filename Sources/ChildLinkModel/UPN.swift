/// A Unique Pupil Number: 13 characters, a check letter followed by LA code, establishment,
/// year and serial (`C LLL EEEE YY SSS`); a temporary UPN ends in a letter (`C LLL EEEE YY SS X`).
///
/// An invalid UPN is kept, not discarded: it is evidence that cannot be used as a strong key.
/// The codes `UN1`–`UN7` say why a UPN is absent and are not UPNs; see ``UPNUnknownReason``.
package struct UPN: Hashable, Sendable, CustomStringConvertible {
    /// The 23-letter alphabet of the modulus-23 check (no I, O or S).
    static let alphabet: [UInt8] = Array("ABCDEFGHJKLMNPQRTUVWXYZ".utf8)

    /// The value as written, upper-cased, with spaces removed.
    package let value: String
    /// What, if anything, is wrong with it.
    package let problem: IdentifierProblem?
    /// Whether it is a temporary UPN (its last character is a letter).
    package let isTemporary: Bool

    /// Reads a UPN from an extract field. Returns `nil` for an empty field or a `UN1`–`UN7` code.
    package init?(_ raw: some StringProtocol) {
        let compact = String(raw.uppercased().filter { $0 != " " && $0 != "-" })
        guard !compact.isEmpty, UPNUnknownReason(rawValue: compact) == nil else { return nil }
        value = compact
        let bytes = Array(compact.utf8)
        isTemporary = bytes.count == 13 && Self.alphabet.contains(bytes[12])
        problem = Self.problem(bytes)
    }

    /// Whether the UPN is well formed, from a known LA, with the right check letter.
    package var isValid: Bool { problem == nil }

    package var description: String { value }

    /// The check letter the body `characters 2–13` calls for, or `nil` when the body is malformed.
    package static func checkLetter(forBody body: some StringProtocol) -> Character? {
        checkLetter(forBodyBytes: Array(body.uppercased().utf8)[...]).map { Character(Unicode.Scalar($0)) }
    }

    /// The check letter (an ASCII byte) that twelve upper-case body bytes call for: eleven digits
    /// and a digit or letter, weighted 2–13, modulus 23. `nil` when the body is malformed.
    static func checkLetter(forBodyBytes bytes: ArraySlice<UInt8>) -> UInt8? {
        guard bytes.count == 12, bytes.prefix(11).allSatisfy(\.isASCIIDigit) else { return nil }
        var sum = 0
        for (offset, byte) in bytes.enumerated() {
            let weight = offset + 2
            if byte.isASCIIDigit {
                sum += Int(byte - 48) * weight
            } else if offset == 11, let letterValue = alphabet.firstIndex(of: byte) {
                sum += letterValue * weight
            } else {
                return nil
            }
        }
        return alphabet[sum % 23]
    }

    /// What is wrong with an upper-case UPN's bytes, in the order a person would fix it: length,
    /// format, local authority, check letter; `nil` when it is valid.
    static func problem(_ bytes: [UInt8]) -> IdentifierProblem? {
        guard bytes.count == 13 else { return .wrongLength }
        guard alphabet.contains(bytes[0]), bytes[1..<12].allSatisfy(\.isASCIIDigit),
            bytes[12].isASCIIDigit || alphabet.contains(bytes[12])
        else { return .badFormat }
        let laCode = bytes[1..<4].reduce(0) { $0 * 10 + Int($1 - 48) }
        guard LocalAuthorityCodes.isKnown(laCode) else { return .unknownAuthority }
        return checkLetter(forBodyBytes: bytes[1...]) == bytes[0] ? nil : .badCheckDigit
    }
}

/// Why a child has no UPN, as the DfE `UPNunknown` codes say. These are absence, not identifiers.
package enum UPNUnknownReason: String, Sendable, CaseIterable {
    /// Not of school age, no UPN assigned yet.
    case un1 = "UN1"
    /// Never attended a maintained school in England.
    case un2 = "UN2"
    /// Educated outside England.
    case un3 = "UN3"
    /// Newly looked after, UPN not yet known.
    case un4 = "UN4"
    /// Sources disagree on name or date of birth.
    case un5 = "UN5"
    /// Unverified.
    case un6 = "UN6"
    /// Referral with no further action.
    case un7 = "UN7"
}

/// What is wrong with an identifier that was present but is not valid.
package enum IdentifierProblem: String, Sendable, Hashable {
    /// Too short or too long.
    case wrongLength = "wrong length"
    /// Characters where digits or letters should be.
    case badFormat = "bad format"
    /// The check letter or check digit does not match.
    case badCheckDigit = "check digit does not match"
    /// A UPN whose characters 2–4 are not an English local authority code.
    case unknownAuthority = "unknown local authority code"
    /// A value that passes the check but is a known placeholder, such as `0000000000`.
    case placeholder = "placeholder value"
}

/// The DfE's list of valid local authority codes (CIN rule 1530).
enum LocalAuthorityCodes {
    static let ranges: [ClosedRange<Int>] = [
        1...5, 201...213, 301...320, 330...336, 340...344, 350...359, 370...373, 380...384, 390...394,
        420...420, 660...681, 701...708, 800...803, 805...808, 810...813, 815...816, 820...823, 825...826,
        830...831, 835...841, 845...846, 850...852, 855...857, 860...861, 865...896, 908...909, 916...916,
        919...919, 921...921, 925...926, 928...929, 931...931, 933...933, 935...938, 940...941,
    ]

    static func isKnown(_ code: Int) -> Bool { ranges.contains { $0.contains(code) } }
}

/// What kind of value a field held, said in place of the value when it could be personal data.
///
/// Messages (reject reasons, warnings, logs) never echo a value that could identify a child: a
/// name in a code column, a date of birth, an NHS number. ``of(_:)`` says what the value looks
/// like so the message can say that instead: `CSERisk has an unknown code (it looks like a date;
/// not shown)`. Only short code-like values (`X`, `99`, `CIN2`) are safe to show.
package enum PersonalValueKind: String, Sendable, CaseIterable {
    /// Letters with a space, hyphen or apostrophe between them: `Kacper Lewandowski`, `O'Neil`.
    case name = "a name"
    /// One word of two or more letters: a forename or surname as easily as a mistyped code.
    case word = "a name or a word"
    /// Three groups of digits separated by `/`, `-` or `.`, with or without a time.
    case date = "a date"
    /// Ten digits, however spaced: `943 476 5919`.
    case nhsNumber = "an NHS number"
    /// A letter and twelve characters: a Unique Pupil Number.
    case upn = "a UPN"
    /// The shape of a UK postcode.
    case postcode = "a postcode"
    /// A house number and words: `106 Worksop Road`, `12A Park Lane`.
    case address = "an address"
    /// Six or more digits: an identifier of some kind.
    case number = "a long number (an identifier?)"
    /// Anything else longer than a code: free text.
    case text = "free text"

    /// The words for a message: `it looks like a date; not shown`.
    package var notShown: String { "it looks like \(rawValue); not shown" }

    /// What `text` looks like, or `nil` when it is a short code-like value that is safe to show.
    package static func of(_ text: some StringProtocol) -> PersonalValueKind? {
        let value = text.trimmingSpaces
        if value.isEmpty { return nil }
        if looksLikeDate(value) { return .date }
        let compact = value.filter { $0 != " " && $0 != "-" }
        if compact.count == 10, compact.allSatisfy(\.isASCIIDigit) { return .nhsNumber }
        if looksLikeUPN(compact) { return .upn }
        if value.count >= 5, let postcode = Postcode(value), postcode.hasPostcodeShape { return .postcode }
        if looksLikeAddress(value) { return .address }
        let letters = value.filter(\.isLetter).count
        if letters > 1, value.allSatisfy({ $0.isLetter || " -'.".contains($0) }) {
            return letters == value.count ? .word : .name
        }
        if value.allSatisfy(\.isASCIIDigit) { return value.count >= 6 ? .number : nil }
        return value.count <= 8 ? nil : .text
    }

    /// Whether a record id may be shown in a message: record ids are ChildLink's way of naming a
    /// row, but a shifted row's id column can hold a name, date of birth or NHS number.
    package static func isShowableRecordID(_ text: some StringProtocol) -> Bool {
        switch of(text) {
        case .name, .word, .date, .upn, .postcode, .address: false
        case .nhsNumber: NHSNumber(text)?.isValid != true
        case .text: !text.contains(" ")
        case .number, nil: true
        }
    }

    private static func looksLikeDate(_ value: Substring) -> Bool {
        let datePart = value.prefix { $0 != " " && $0 != "T" }
        let groups = datePart.split(omittingEmptySubsequences: false) { "/-.".contains($0) }
        return groups.count == 3
            && groups.allSatisfy { [1, 2, 4].contains($0.count) && $0.allSatisfy(\.isASCIIDigit) }
    }

    private static func looksLikeAddress(_ value: Substring) -> Bool {
        let words = value.split(separator: " ")
        guard words.count >= 2, let number = words.first, number.first?.isASCIIDigit == true,
            number.count <= 5, number.allSatisfy({ $0.isASCIIDigit || $0.isLetter })
        else { return false }
        return words.dropFirst().contains { $0.count >= 2 && $0.allSatisfy(\.isLetter) }
    }

    private static func looksLikeUPN(_ compact: String) -> Bool {
        let characters = Array(compact)
        guard characters.count == 13, characters[0].isLetter else { return false }
        return characters[1..<12].allSatisfy(\.isASCIIDigit) && (characters[12].isASCIIDigit || characters[12].isLetter)
    }
}

extension Character {
    /// `0`–`9`.
    var isASCIIDigit: Bool { isASCII && isNumber }
}

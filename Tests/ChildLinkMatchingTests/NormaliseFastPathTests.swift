import ChildLinkModel
import Testing

@testable import ChildLinkMatching

/// The byte-level fast paths of normalisation give what the general code gives, on the kinds of
/// text extracts really hold: plain ASCII, diacritics (precomposed and decomposed), mojibake,
/// `?` and U+FFFD for a lost letter. Each test would fail if its fast path diverged.
@Suite("Normalisation fast paths")
struct NormaliseFastPathTests {
    /// Surnames as extracts hold them (examples invented, the kinds are real).
    static let surnames = [
        "", "Smith", "SMITH", "smith-jones", "O'Neill", "Novák ", "Černá", "Malý", "MALÝ", "Horváthová",
        "Horváthová-Smith", "Kowalska", "Černa\u{301}", "Mal\u{FD}-", "Balážová (nee Daniel)", "Dvořák 2",
        "Ková\u{10D}", "KoÄ?iÅ¡", "ZdenÄ›k", "HorvÃ¡thovÃ¡", "?erve?ák", "?erve?ak", "\u{FFFD}erná", "Černá?",
        "123", "  ", "-", "Ñ", "Nuñez", "Ø", "Ƶ", "Aé1", "é1", "Jones É", "Jones é!",
    ]

    @Test("The ASCII fast path of the accented-ending test agrees with the Unicode scan", arguments: surnames)
    func accentedEnding(surname: String) {
        #expect(TextFolding.endsWithAccentedVowel(surname) == TextFolding.lastLetterIsAccentedVowel(surname))
    }

    @Test("The accented ending is found where the Slovak and Czech feminine forms have it")
    func accentedEndingValues() {
        // Hand-checked: the last letter is á or ý (precomposed) in these, not in the others.
        #expect(TextFolding.endsWithAccentedVowel("Černá"))
        #expect(TextFolding.endsWithAccentedVowel("MALÝ"))
        #expect(TextFolding.endsWithAccentedVowel("Malý-"))
        #expect(TextFolding.endsWithAccentedVowel("Novák") == false)
        #expect(TextFolding.endsWithAccentedVowel("Jones é!") == false)  // é is not á or ý
        #expect(TextFolding.endsWithAccentedVowel("Horváthová 2") == true)
        #expect(TextFolding.endsWithAccentedVowel("Smith") == false)
    }

    @Test("Joined words are the words joined by the standard library", arguments: surnames)
    func joinedWords(surname: String) {
        for keepingDigits in [false, true] {
            let words = TextFolding.words(surname, keepingDigits: keepingDigits)
            #expect(TextFolding.joined(words) == Array(words.joined()))
            #expect(TextFolding.joined(words, separator: 32) == Array(words.joined(separator: [32])))
        }
    }

    /// The general definition the byte-level corrections replace: characters, not bytes, each
    /// candidate read by the general initialisers (not the importers' fast paths).
    private static func characterCorrections(of value: String, isValid: (String) -> Bool) -> [String] {
        let characters = Array(value)
        let digits = Array("0123456789")
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        var result: [String] = []
        for position in characters.indices {
            let original = characters[position]
            for replacement in original.isNumber ? digits : letters where replacement != original {
                var changed = characters
                changed[position] = replacement
                if isValid(String(changed)) { result.append(String(changed)) }
            }
            if position + 1 < characters.count, characters[position] != characters[position + 1] {
                var swapped = characters
                swapped.swapAt(position, position + 1)
                if isValid(String(swapped)) { result.append(String(swapped)) }
            }
        }
        return result
    }

    /// NHS numbers that fail their check: slips of 943 476 5919 (the NHS's own example, valid) and
    /// of 401 023 2137 (valid: sum 92, 92 mod 11 = 4, 11 − 4 = 7), each failing the check by the
    /// same weights.
    @Test(
        "Byte-level NHS number corrections are the character-level ones",
        arguments: ["9434765918", "9434756919", "4934765919", "4010232173", "4010322137", "0000000001"])
    func nhsCorrections(slipped: String) throws {
        #expect(try #require(NHSNumber(slipped)).problem == .badCheckDigit)
        let fast = IdentifierSlips.corrections(of: slipped) { NHSNumber(field: $0)?.isValid == true }
        let general = Self.characterCorrections(of: slipped) { NHSNumber($0)?.isValid == true }
        #expect(fast == general)
        #expect(!fast.isEmpty)
    }

    @Test("Byte-level UPN corrections are the character-level ones, permanent and temporary UPNs")
    func upnCorrections() throws {
        var slipped: [String] = []
        for body in ["201012319001", "881100412057", "30560221902A", "20100001099Z"] {
            let check = try #require(UPN.checkLetter(forBody: body))
            let valid = String(check) + body
            #expect(try #require(UPN(valid)).isValid)
            var characters = Array(valid)
            characters.swapAt(10, 11)
            slipped.append(String(characters))
            characters = Array(valid)
            characters[7] = characters[7] == "9" ? "8" : "9"
            slipped.append(String(characters))
            characters = Array(valid)
            characters[0] = characters[0] == "A" ? "B" : "A"
            slipped.append(String(characters))
        }
        for upn in slipped where UPN(upn)?.problem == .badCheckDigit {
            let fast = IdentifierSlips.corrections(of: upn) { UPN(field: $0)?.isValid == true }
            let general = Self.characterCorrections(of: upn) { UPN($0)?.isValid == true }
            #expect(fast == general)
            #expect(!fast.isEmpty)
        }
        #expect(slipped.filter { UPN($0)?.problem == .badCheckDigit }.count >= 8)
    }

    @Test(
        "A valid postcode's district and sector are its characters' prefixes",
        arguments: [
            "S60 1AE", "s601ae", "EC1A 1BB", "W1A 0AX", "M1 1AE", "GIR 0AA", "BFPO 123", "ASCN 1ZZ", "GX11 1AA",
        ])
    func postcodeParts(raw: String) throws {
        let postcode = try #require(Postcode(raw))
        #expect(postcode.isValid)
        #expect(postcode.district == String(postcode.value.prefix { $0 != " " }))
        #expect(postcode.sector == String(postcode.value.dropLast(2)))
    }
}

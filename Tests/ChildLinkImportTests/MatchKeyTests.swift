import Testing

@testable import ChildLinkImport

@Suite("Match keys")
struct MatchKeyTests {
    static let names = [
        "Date Of Birth", "date_of_birth", "DateOfBirth", "Post-16", "  Pupil\tReferral\r\nUnit ", "\u{0B}SE\u{0C}",
        "", "_", "A\u{1F}B", "Z@[`{", "\u{FEFF}PersonID", "Caf\u{E9}", "Non\u{A0}breaking", "ÅNGSTRÖM",
    ]

    @Test("An ASCII name's key is the same by bytes as by Characters", arguments: names)
    func asciiKeyIsTheCharacterKey(_ name: String) {
        let byCharacters = String(name.lowercased().filter { !$0.isWhitespace && $0 != "_" && $0 != "\u{FEFF}" })
        #expect(ReferenceField.matchKey(name) == byCharacters)
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            #expect(ReferenceField.asciiMatchKey(name.utf8) == byCharacters)
        } else {
            #expect(ReferenceField.asciiMatchKey(name.utf8) == nil)
        }
    }

    @Test("Keys match the fields and codes they name")
    func knownKeys() {
        #expect(ReferenceField.matchKey("Date Of Birth") == "dateofbirth")
        #expect(ReferenceField.matchKey("Pupil Referral Unit") == "pupilreferralunit")
    }
}

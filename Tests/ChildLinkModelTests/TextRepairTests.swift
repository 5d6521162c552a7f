import Testing

@testable import ChildLinkModel

/// Mojibake repair: UTF-8 read as Windows-1252 or Latin-1 and saved again.
@Suite("Text repair")
struct TextRepairTests {
    /// Garbles `text` the way a system does: its UTF-8 bytes read as Windows-1252 (undefined bytes
    /// as the Latin-1 control characters), `times` times. Written independently of the repair.
    private func garble(_ text: String, times: Int = 1) -> String {
        let high: [UInt8: UInt32] = [
            0x80: 0x20AC, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
            0x88: 0x02C6, 0x89: 0x2030, 0x8A: 0x0160, 0x8B: 0x2039, 0x8C: 0x0152, 0x8E: 0x017D, 0x91: 0x2018,
            0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02DC,
            0x99: 0x2122, 0x9A: 0x0161, 0x9B: 0x203A, 0x9C: 0x0153, 0x9E: 0x017E, 0x9F: 0x0178,
        ]
        var result = text
        for _ in 0..<times {
            var scalars = String.UnicodeScalarView()
            for byte in result.utf8 { scalars.append(Unicode.Scalar(high[byte] ?? UInt32(byte))!) }
            result = String(scalars)
        }
        return result
    }

    @Test(
        "Names garbled once or twice come back as written",
        arguments: ["Kočiš", "Zdeněk", "Červeňák", "Balážová", "Łukasz Wójcik", "Ştefan Ţurcanu", "Renée O’Brien"])
    func undoesMojibake(name: String) {
        #expect(garble(name) != name)
        #expect(TextRepair.undoingMojibake(garble(name)) == name)
        #expect(TextRepair.undoingMojibake(garble(name, times: 2)) == name)
    }

    @Test("The worked examples: ZdenÄ›k is Zdeněk, KoÄ?iÅ¡ is Ko�iš (the lost byte one unknown character)")
    func workedExamples() {
        #expect(TextRepair.undoingMojibake("ZdenÄ›k") == "Zdeněk")
        #expect(TextRepair.undoingMojibake("KoÄ?iÅ¡") == "Ko\u{FFFD}iš")
    }

    @Test(
        "Real names, plain or accented, are left alone",
        arguments: ["Smith", "Renée", "João", "Horváthová", "Kočiš", "Zoë", "ÅSA", "Müller-Lüdenscheidt", "Ã", ""])
    func leavesRealNamesAlone(name: String) {
        #expect(TextRepair.undoingMojibake(name) == nil)
    }

    @Test("A ? or U+FFFD beside a letter is an unknown character; a stray one is not")
    func unknownCharacters() {
        #expect(TextRepair.hasUnknownCharacter("?erve?ák"))
        #expect(TextRepair.hasUnknownCharacter("Ko\u{FFFD}iš"))
        #expect(!TextRepair.hasUnknownCharacter("Smith ?"))
        #expect(!TextRepair.hasUnknownCharacter("Smith"))
    }
}

import ChildLinkModel
import Testing

@testable import ChildLinkImport

/// `check` counts the names garbled by an encoding, which matching compares as repaired.
@Suite("Text repair counts")
struct TextRepairCountTests {
    @Test("Mojibake and ? for a lost letter are counted per value; the records keep the text as given")
    func countsRepairs() throws {
        // Hand count: R1 forename and surname garbled (2), R2 surname twice garbled (1), R3 a `?`
        // surname (no mojibake), R4 clean accents (0): 3 repaired. Unknown letters after repair:
        // R1's and R2's surnames (the lost byte 0x8D of `č`) and R3's: 3.
        let csv = """
            Referral ID,Person_ID,Forename,Surname,Date Of Birth,Gender,referral_date
            R1,C1,ZdenÄ›k,KoÄ?iÅ¡,01/01/2013,M,04/09/2023
            R2,C2,Jana,KoÃ„?iÃ…Â¡,01/01/2013,F,04/09/2023
            R3,C3,Denisa,?erve?ák,02/02/2014,F,04/09/2023
            R4,C4,Petra,Horváthová,03/03/2012,F,04/09/2023

            """
        let path = try Fixture.temporary("cme-referrals-mojibake.csv", text: csv)
        let result = try ExtractReader(options: ImportOptions()).read(paths: [path])
        let file = try #require(result.files.first)
        #expect(file.imported == 4)
        #expect(file.identifiers.textRepaired == 3)
        #expect(file.identifiers.unknownCharacters == 3)
        #expect(result.record("R1")?.person.surname == "KoÄ?iÅ¡")
    }
}

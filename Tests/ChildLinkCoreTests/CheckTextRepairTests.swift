import Foundation
import Testing

/// `childlink check` reports names garbled by an encoding, without printing any of them.
@Suite("check: text garbled by an encoding")
struct CheckTextRepairTests {
    @Test("check counts garbled values and names with ? for a lost letter, and prints no name")
    func countsGarbledText() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("cme.csv").path
        // Hand count: CME1's forename and surname are mojibake (2 values); CME1's surname keeps
        // one unknown letter after repair (the lost byte of č) and CME2's surname has two `?`
        // (2 names); CME3 is clean.
        try """
        ReferralID,Forename,Surname,DateOfBirth,ReferralDate
        CME1,ZdenÄ›k,KoÄ?iÅ¡,01/02/2010,03/06/2019
        CME2,Denisa,?erve?ák,02/03/2011,03/06/2019
        CME3,Petra,Horváthová,03/04/2012,03/06/2019

        """.write(toFile: path, atomically: true, encoding: .utf8)
        let outcome = try BuiltBinary.run(["check", path], in: folder)
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        #expect(
            outcome.stdout.contains(
                "text         2 values garbled by an encoding (compared as repaired), "
                    + "2 names with ? for a lost letter (compared as unknown)"))
        for name in ["Zden", "Ko", "erve", "Horv"] { #expect(!outcome.stdout.contains(name)) }
    }
}

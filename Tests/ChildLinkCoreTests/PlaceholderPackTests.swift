import Foundation
import Testing

/// The weekly pack tells the Missing group when a system filled in one NHS number for children
/// whose own it did not know: counts only, on the built binary.
@Suite("childlink weekly: identifiers read as placeholders")
struct PlaceholderPackTests {
    /// The hand-made week (``HandMadeWeek``) and CME referrals of three children of other birth
    /// dates and surnames, each given NHS number 401 023 2137 by the CME system.
    static let cmeReferrals = """
        ReferralID,PersonID,NHSNumber,Forename,Surname,DateOfBirth,Gender,ReferralDate
        C01,E1,4010232137,Ava,Stone,01/03/2008,F,03/06/2019
        C02,E2,4010232137,Gus,Reid,14/09/2011,M,04/06/2019
        C03,E3,4010232137,Ivy,Nash,23/11/2012,F,05/06/2019

        """

    @Test("The pack counts the dummy and the records holding it, in a data-quality section, never the number")
    func weeklyPackSection() throws {
        let folder = try BuiltBinary.temporaryFolder()
        let extracts = try HandMadeWeek.write(in: folder)
        try Self.cmeReferrals.write(
            to: URL(fileURLWithPath: extracts).appendingPathComponent("cme-referrals.csv"), atomically: true,
            encoding: .utf8)
        let outcome = try BuiltBinary.run(
            ["weekly", extracts, "--week-ending", "2019-06-16", "--out", "pack", "--no-store"], in: folder)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let html = try String(
            contentsOf: folder.appendingPathComponent("pack/weekly-2019-06-16.html"), encoding: .utf8)
        #expect(html.contains("Data quality: identifiers filled in for unknown children"))
        #expect(html.contains("id=\"placeholder-identifiers\""))
        let csv = try String(
            contentsOf: folder.appendingPathComponent("pack/weekly-2019-06-16-placeholder-identifiers.csv"),
            encoding: .utf8)
        // One NHS number, no UPN, no person id, on the three referrals.
        #expect(csv.split(whereSeparator: \.isNewline).last == "1,0,0,3")
        for text in [html, csv, outcome.stdout, outcome.stderr] { #expect(!text.contains("4010232137")) }

        // The same week without the dummy: no such section.
        let plain = try BuiltBinary.temporaryFolder()
        let plainExtracts = try HandMadeWeek.write(in: plain)
        let again = try BuiltBinary.run(
            ["weekly", plainExtracts, "--week-ending", "2019-06-16", "--out", "pack", "--no-store"], in: plain)
        #expect(again.status == 0, "\(again.stderr)")
        let plainHTML = try String(
            contentsOf: plain.appendingPathComponent("pack/weekly-2019-06-16.html"), encoding: .utf8)
        #expect(!plainHTML.contains("placeholder-identifiers"))
    }
}

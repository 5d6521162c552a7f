import Foundation
import Testing

/// The weekly pack's Actions on the hand-made week (``HandMadeWeek``), on the built binary.
@Suite("childlink weekly: the Actions, in meeting order")
struct WeeklyActionsCommandTests {
    @Test("one row per child with all its reasons, most urgent first, with names, ages and UK dates")
    func actionsInUrgencyOrder() throws {
        let folder = try BuiltBinary.temporaryFolder()
        let extracts = try HandMadeWeek.write(in: folder)
        let outcome = try BuiltBinary.run(
            // The council's 3 working days (the statutory 72 hours is the default; see WeeklyPackTests).
            ["weekly", extracts, "--week-ending", "2019-06-16", "--out", "pack", "--no-store", "--rhi-rule", "3wd"],
            in: folder)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let rows = try String(
            contentsOf: folder.appendingPathComponent("pack/weekly-2019-06-16-actions.csv"), encoding: .utf8
        ).split(whereSeparator: \.isNewline).dropFirst().map(String.init)
        // Eli (4 h in the day, interview done) needs no decision and is not listed.
        // Ava is still missing; Ben's longest is 50 h; Dan's 4 h; Cara has no episode this week
        // but her RHI is 4 working days late.
        #expect(rows.map { String($0.prefix { $0 != "," }) } == ["Ava Stone", "Ben Hart", "Dan Cole", "Cara Lewis"])
        #expect(rows[0].hasPrefix("Ava Stone,11,"))  // born 01/03/2008
        #expect(rows[0].contains("Missing now: since 14/06/2019 20:00 (2 d 4 h)"))
        #expect(rows[0].contains("On a child protection plan"))
        // Ben has two triggers and an RHI due the day after the week, all on his one row.
        #expect(rows[1].hasPrefix("Ben Hart,10,"))
        #expect(rows[1].contains("3+ episodes in 30 days (3 episodes since 18/05/2019)"))
        #expect(rows[1].contains("Missing more than 24 hours (2 d 2 h, returned)"))
        #expect(rows[1].contains("RHI due by 17/06/2019"))
        #expect(rows.filter { $0.contains("Ben Hart") }.count == 1)
        #expect(rows[2].contains("Looked after and missing overnight"))
        // Returned Wed 05/06 12:00; 3 working days (Thu 6, Fri 7, Mon 10) make it due by the end of
        // Mon 10/06; Tue 11 to Fri 14 are 4 working days late by Sun 16/06.
        #expect(rows[3].contains("RHI overdue: returned 05/06/2019 12:00, due 10/06/2019 23:59, 4 working days late"))
        #expect(
            outcome.stdout.contains(
                "4 children with an episode; 4 children needing a decision (2 with a strategy-meeting trigger, "
                    + "1 Return Home Interview overdue or late)."), "\(outcome.stdout)")
        #expect(outcome.stdout.contains("Open pack/weekly-2019-06-16.html"))

        // In the HTML the Actions come straight after the week's numbers, before the full list.
        let html = try String(
            contentsOf: folder.appendingPathComponent("pack/weekly-2019-06-16.html"), encoding: .utf8)
        let summary = try #require(html.range(of: "id=\"summary\""))
        let actions = try #require(html.range(of: "id=\"actions\""))
        let children = try #require(html.range(of: "id=\"children\""))
        #expect(summary.lowerBound < actions.lowerBound && actions.lowerBound < children.lowerBound)
        #expect(html.contains("Week 10/06/2019 to 16/06/2019"))
        #expect(!html.contains("2019-06-1"), "no ISO date where a person reads one")
    }
}

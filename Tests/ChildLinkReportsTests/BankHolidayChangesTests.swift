import ChildLinkModel
import Testing

@testable import ChildLinkReports

@Suite("Bank holiday changes")
struct BankHolidayChangesTests {
    static func date(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }

    @Test func builtInFileHoldsTheOneOffsTheSwiftTableHeld() {
        let moved = [
            ("1995-05-08", "1995-05-01"), ("2002-06-04", "2002-05-27"), ("2012-06-04", "2012-05-28"),
            ("2020-05-08", "2020-05-04"), ("2022-06-02", "2022-05-30"),
        ]
        let added = ["1999-12-31", "2002-06-03", "2011-04-29", "2012-06-05", "2022-06-03", "2022-09-19", "2023-05-08"]
        let expected =
            moved.map { BankHolidayChange(date: Self.date($0.0), replaces: Self.date($0.1)) }
            + added.map { BankHolidayChange(date: Self.date($0)) }
        #expect(Set(BankHolidayChanges.builtIn.changes) == Set(expected))
        #expect(BankHolidayChanges.builtIn.changes.count == expected.count)
    }

    @Test(arguments: [
        (1995, "1995-05-08", "1995-05-01"), (2002, "2002-06-04", "2002-05-27"), (2012, "2012-06-04", "2012-05-28"),
        (2020, "2020-05-08", "2020-05-04"), (2022, "2022-06-02", "2022-05-30"),
    ])
    func movedHolidayReplacesTheRulesDay(year: Int, holiday: String, working: String) {
        let days = BankHolidays.englandAndWales(year: year)
        #expect(days.contains(Self.date(holiday)))
        #expect(!days.contains(Self.date(working)))
        let holidayCounts = [1995: 8, 2002: 9, 2012: 9, 2020: 8, 2022: 10]
        #expect(days.count == holidayCounts[year])
    }

    @Test func councilChangeAddsAHolidayAndMovesAnother() throws {
        let text = """
            # a council's own changes
            2030-06-10                      # an extra day
            2031-05-12 replaces 2031-05-05  # early May moved
            """
        let added = try BankHolidayChanges(parsing: text, path: "council/bank-holidays.txt")
        let calendar = WorkingDayCalendar(changes: BankHolidayChanges.builtIn.appending(added))
        #expect(WorkingDayCalendar().isWorkingDay(Self.date("2030-06-10")))
        #expect(!calendar.isWorkingDay(Self.date("2030-06-10")))
        #expect(!calendar.isWorkingDay(Self.date("2031-05-12")))
        #expect(calendar.isWorkingDay(Self.date("2031-05-05")))
        #expect(!calendar.isWorkingDay(Self.date("2020-05-08")))
        // An RHI due three working days after Friday 7 June 2030 is due a day later with the extra day.
        #expect(WorkingDayCalendar().adding(workingDays: 3, to: Self.date("2030-06-07")) == Self.date("2030-06-12"))
        #expect(calendar.adding(workingDays: 3, to: Self.date("2030-06-07")) == Self.date("2030-06-13"))
    }

    @Test(arguments: [
        ("2030-06-10\n10/06/2030\n", 2, "is not a date written yyyy-MM-dd"),
        ("2030-02-30\n", 1, "is not a date written yyyy-MM-dd"),
        ("# header\n2030-06-10 instead 2030-06-03\n", 2, "expected 'yyyy-MM-dd' or"),
        ("2030-06-10 replaces\n", 1, "expected 'yyyy-MM-dd' or"),
    ])
    func badFileNamesTheFileAndLine(text: String, line: Int, problem: String) {
        #expect {
            try BankHolidayChanges(parsing: text, path: "council/bank-holidays.txt")
        } throws: { error in
            guard let error = error as? ReferenceTableError else { return false }
            return error.path == "council/bank-holidays.txt" && error.line == line
                && String(describing: error).hasPrefix("council/bank-holidays.txt:\(line): ")
                && error.message.contains(problem)
        }
    }
}

import ChildLinkModel
import Testing

@testable import ChildLinkReports

@Suite("Bank holidays and working days")
struct CalendarTests {
    static func dates(_ texts: [String]) -> [CalendarDate] { texts.map { CalendarDate(parsing: $0)! } }

    @Test(arguments: [
        (
            2019,
            [
                "2019-01-01", "2019-04-19", "2019-04-22", "2019-05-06", "2019-05-27", "2019-08-26", "2019-12-25",
                "2019-12-26",
            ]
        ),
        (
            2020,
            [
                "2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25",
                "2020-12-28",
            ]
        ),
        (
            2021,
            [
                "2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30", "2021-12-27",
                "2021-12-28",
            ]
        ),
        (
            2022,
            [
                "2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29",
                "2022-09-19", "2022-12-26", "2022-12-27",
            ]
        ),
        (
            2023,
            [
                "2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28",
                "2023-12-25", "2023-12-26",
            ]
        ),
        (
            2012,
            [
                "2012-01-02", "2012-04-06", "2012-04-09", "2012-05-07", "2012-06-04", "2012-06-05", "2012-08-27",
                "2012-12-25", "2012-12-26",
            ]
        ),
    ])
    func matchesPublishedList(year: Int, published: [String]) {
        #expect(BankHolidays.englandAndWales(year: year) == Self.dates(published))
    }

    @Test func easterComputus() {
        #expect(BankHolidays.easterSunday(year: 2019) == CalendarDate(year: 2019, month: 4, day: 21))
        #expect(BankHolidays.easterSunday(year: 2024) == CalendarDate(year: 2024, month: 3, day: 31))
        #expect(BankHolidays.easterSunday(year: 2038) == CalendarDate(year: 2038, month: 4, day: 25))
    }

    @Test func threeWorkingDaysOverTheAugustBankHolidayWeekend() {
        let calendar = WorkingDayCalendar()
        // Returned Friday 23 August 2019: Mon 26 is the bank holiday, so due by Thursday 29.
        let returned = CalendarDate(year: 2019, month: 8, day: 23)!
        #expect(calendar.adding(workingDays: 3, to: returned) == CalendarDate(year: 2019, month: 8, day: 29))
        #expect(
            calendar.isWithin(workingDays: 3, from: returned, completed: CalendarDate(year: 2019, month: 8, day: 29)!))
        #expect(
            !calendar.isWithin(workingDays: 3, from: returned, completed: CalendarDate(year: 2019, month: 8, day: 30)!))
    }
}

@Suite("Reporting periods")
struct ReportingPeriodTests {
    @Test func parsesMonthsQuartersAndYears() {
        #expect(ReportingPeriod(parsing: "2019-06") == .month(year: 2019, month: 6))
        #expect(ReportingPeriod(parsing: "2018Q4") == .quarter(startYear: 2018, quarter: 4))
        #expect(ReportingPeriod(parsing: "2018/19") == .year(startYear: 2018))
        #expect(ReportingPeriod(parsing: "2019-13") == nil)
        #expect(ReportingPeriod(parsing: "2018/20") == nil)
        #expect(ReportingPeriod(parsing: "2018Q5") == nil)
    }

    /// The forms a person types (UK order) or copies from a scorecard's own column headings
    /// (`columnLabel`: `Jun-19`, `Q4 2018/19`), each worked out by hand.
    @Test(arguments: [
        ("06/2019", ReportingPeriod.month(year: 2019, month: 6)), ("6/2019", .month(year: 2019, month: 6)),
        ("06-2019", .month(year: 2019, month: 6)), ("Jun-19", .month(year: 2019, month: 6)),
        ("jun 2019", .month(year: 2019, month: 6)), ("June 2019", .month(year: 2019, month: 6)),
        ("Sept 2019", .month(year: 2019, month: 9)), ("Dec-18", .month(year: 2018, month: 12)),
        ("Q4 2018/19", .quarter(startYear: 2018, quarter: 4)), ("q1  2019/20", .quarter(startYear: 2019, quarter: 1)),
        ("2018 Q4", .quarter(startYear: 2018, quarter: 4)), ("2018-Q4", .quarter(startYear: 2018, quarter: 4)),
        ("2018/2019", .year(startYear: 2018)), ("2018-19", .year(startYear: 2018)),
    ])
    func parsesWhatPeopleWrite(text: String, period: ReportingPeriod) {
        #expect(ReportingPeriod(parsing: text) == period)
    }

    /// Ambiguous or impossible: a calendar quarter (`Q4 2018` could be October–December 2018), a
    /// thirteenth month, a word that is not a month, a three-digit year, a month too short to name.
    @Test(arguments: [
        "Q4 2018", "13/2019", "Jux-19", "Jun-019", "Ju 2019", "Q5 2018/19", "Q4 2018/20", "June", "X2018Q4",
    ])
    func refusesWhatIsNotOnePeriod(text: String) {
        #expect(ReportingPeriod(parsing: text) == nil)
    }

    /// A month label parses back to its month, and a quarter label to its quarter, for every one.
    @Test func columnLabelsParseBack() {
        for month in 1...12 {
            let period = ReportingPeriod.month(year: 2019, month: month)
            #expect(ReportingPeriod(parsing: period.columnLabel) == period)
        }
        for quarter in 1...4 {
            let period = ReportingPeriod.quarter(startYear: 2018, quarter: quarter)
            #expect(ReportingPeriod(parsing: period.columnLabel) == period)
        }
    }

    @Test func quarterFourIsJanuaryToMarchOfTheNextCalendarYear() {
        let q4 = ReportingPeriod.quarter(startYear: 2018, quarter: 4)
        #expect(q4.interval.description == "2019-01-01…2019-03-31")
        #expect(q4.yearToDate.description == "2018-04-01…2019-03-31")
        #expect(q4.financialYearQuarters.count == 4)
    }

    @Test func monthColumnsRunFromApril() {
        let june = ReportingPeriod.month(year: 2019, month: 6)
        #expect(june.financialYearMonths.map(\.columnLabel) == ["Apr-19", "May-19", "Jun-19"])
        #expect(ReportingPeriod.month(year: 2020, month: 2).financialYearMonths.count == 11)
        #expect(ReportingPeriod.academicYear(startYear: 2018).description == "2018-09-01…2019-08-31")
    }
}

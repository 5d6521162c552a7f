public import ChildLinkModel

/// England and Wales bank holidays, computed by rule, with the known one-off changes.
///
/// The rules: New Year's Day, Good Friday and Easter Monday (from the Gregorian Easter computus),
/// the early May bank holiday (first Monday of May), the spring bank holiday (last Monday of May),
/// the summer bank holiday (last Monday of August), Christmas Day and Boxing Day; a holiday that
/// falls on a weekend is substituted by the next weekday that is not already a holiday.
/// One-offs: 1995 and 2020 early May moved to 8 May (VE Day), 2002/2012/2022 jubilees moving the
/// spring holiday, royal weddings (1999 millennium, 2011), the 2022 state funeral (19 September)
/// and the 2023 coronation (8 May).
public enum BankHolidays {
    /// The bank holidays of `year`, sorted.
    public static func englandAndWales(year: Int) -> [CalendarDate] {
        var days = Set(fixedHolidaysWithSubstitutes(year: year))
        let easter = easterSunday(year: year)
        days.insert(easter.adding(days: -2))
        days.insert(easter.adding(days: 1))
        days.insert(earlyMay(year: year))
        days.insert(spring(year: year))
        days.insert(lastMonday(year: year, month: 8))
        days.formUnion(oneOffs(year: year))
        return days.sorted()
    }

    /// Whether `date` is an England and Wales bank holiday.
    public static func isBankHoliday(_ date: CalendarDate) -> Bool {
        englandAndWales(year: date.year).contains(date)
    }

    /// Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).
    public static func easterSunday(year: Int) -> CalendarDate {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CalendarDate(year: year, month: month, day: day)!
    }

    private static func fixedHolidaysWithSubstitutes(year: Int) -> [CalendarDate] {
        var taken: [CalendarDate] = []
        for (month, day) in [(1, 1), (12, 25), (12, 26)] {
            var date = CalendarDate(year: year, month: month, day: day)!
            while date.isoWeekday >= 6 || taken.contains(date) { date = date.adding(days: 1) }
            taken.append(date)
        }
        return taken
    }

    private static func earlyMay(year: Int) -> CalendarDate {
        if year == 1995 || year == 2020 { return CalendarDate(year: year, month: 5, day: 8)! }
        return firstMonday(year: year, month: 5)
    }

    private static func spring(year: Int) -> CalendarDate {
        switch year {
        case 2002: CalendarDate(year: 2002, month: 6, day: 4)!
        case 2012: CalendarDate(year: 2012, month: 6, day: 4)!
        case 2022: CalendarDate(year: 2022, month: 6, day: 2)!
        default: lastMonday(year: year, month: 5)
        }
    }

    private static func oneOffs(year: Int) -> [CalendarDate] {
        let table: [Int: [(Int, Int)]] = [
            1999: [(12, 31)], 2002: [(6, 3)], 2011: [(4, 29)], 2012: [(6, 5)],
            2022: [(6, 3), (9, 19)], 2023: [(5, 8)],
        ]
        return (table[year] ?? []).map { CalendarDate(year: year, month: $0.0, day: $0.1)! }
    }

    private static func firstMonday(year: Int, month: Int) -> CalendarDate {
        let first = CalendarDate(year: year, month: month, day: 1)!
        return first.adding(days: (8 - first.isoWeekday) % 7)
    }

    private static func lastMonday(year: Int, month: Int) -> CalendarDate {
        let last = CalendarDate(year: year, month: month, day: CalendarDate.daysInMonth(year: year, month: month))!
        return last.adding(days: -((last.isoWeekday + 6) % 7))
    }
}

/// Working-day arithmetic: Monday to Friday, less England and Wales bank holidays.
public struct WorkingDayCalendar: Sendable {
    /// The years whose holidays are computed once, up front.
    private let years: ClosedRange<Int>
    private let holidays: Set<CalendarDate>

    /// Creates the calendar, with the holidays of `years` computed once (others on demand).
    public init(years: ClosedRange<Int> = 2000...2040) {
        self.years = years
        holidays = Set(years.flatMap(BankHolidays.englandAndWales(year:)))
    }

    /// Whether `date` is a working day.
    public func isWorkingDay(_ date: CalendarDate) -> Bool {
        guard date.isoWeekday <= 5 else { return false }
        return years.contains(date.year) ? !holidays.contains(date) : !BankHolidays.isBankHoliday(date)
    }

    /// The date `count` working days after `date` (the day itself not counted).
    public func adding(workingDays count: Int, to date: CalendarDate) -> CalendarDate {
        var current = date
        var remaining = count
        while remaining > 0 {
            current = current.adding(days: 1)
            if isWorkingDay(current) { remaining -= 1 }
        }
        return current
    }

    /// Whether `completed` is within `limit` working days of `returned`: the deadline is the end of
    /// the `limit`-th working day after the day of return.
    public func isWithin(workingDays limit: Int, from returned: CalendarDate, completed: CalendarDate) -> Bool {
        completed <= adding(workingDays: limit, to: returned)
    }
}

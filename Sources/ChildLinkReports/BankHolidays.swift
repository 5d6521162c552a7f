package import ChildLinkModel

/// England and Wales bank holidays, computed by rule, with one-off changes read from a table.
///
/// The rules: New Year's Day, Good Friday and Easter Monday (from the Gregorian Easter computus),
/// the early May bank holiday (first Monday of May), the spring bank holiday (last Monday of May),
/// the summer bank holiday (last Monday of August), Christmas Day and Boxing Day; a holiday that
/// falls on a weekend is substituted by the next weekday that is not already a holiday.
/// The one-offs are ``BankHolidayChanges``: the built-in ones (`Resources/bank-holiday-changes.txt`,
/// compiled in: VE Day, jubilees, royal weddings, the millennium, the 2022 state funeral and the
/// 2023 coronation) and any a council's profile adds.
package enum BankHolidays {
    /// The bank holidays of `year`, sorted: the rules' days, less those a change replaces, plus
    /// the changes' days.
    package static func englandAndWales(year: Int, changes: BankHolidayChanges = .builtIn) -> [CalendarDate] {
        var days = Set(fixedHolidaysWithSubstitutes(year: year))
        let easter = easterSunday(year: year)
        days.insert(easter.adding(days: -2))
        days.insert(easter.adding(days: 1))
        days.insert(firstMonday(year: year, month: 5))
        days.insert(lastMonday(year: year, month: 5))
        days.insert(lastMonday(year: year, month: 8))
        let yearChanges = changes.changes(in: year)
        for change in yearChanges { if let replaced = change.replaces { days.remove(replaced) } }
        for change in yearChanges where change.date.year == year { days.insert(change.date) }
        return days.sorted()
    }

    /// Whether `date` is an England and Wales bank holiday.
    package static func isBankHoliday(_ date: CalendarDate, changes: BankHolidayChanges = .builtIn) -> Bool {
        englandAndWales(year: date.year, changes: changes).contains(date)
    }

    /// Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).
    package static func easterSunday(year: Int) -> CalendarDate {
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
package struct WorkingDayCalendar: Sendable {
    /// The years whose holidays are computed once, up front.
    private let years: ClosedRange<Int>
    private let holidays: Set<CalendarDate>
    private let changes: BankHolidayChanges

    /// Creates the calendar, with the holidays of `years` computed once (others on demand).
    /// - Parameter changes: the one-off changes to the rules (the built-in ones unless a council adds some).
    package init(years: ClosedRange<Int> = 2000...2040, changes: BankHolidayChanges = .builtIn) {
        self.years = years
        self.changes = changes
        holidays = Set(years.flatMap { BankHolidays.englandAndWales(year: $0, changes: changes) })
    }

    /// Whether `date` is a working day.
    package func isWorkingDay(_ date: CalendarDate) -> Bool {
        guard date.isoWeekday <= 5 else { return false }
        return years.contains(date.year)
            ? !holidays.contains(date) : !BankHolidays.isBankHoliday(date, changes: changes)
    }

    /// The date `count` working days after `date` (the day itself not counted).
    package func adding(workingDays count: Int, to date: CalendarDate) -> CalendarDate {
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
    package func isWithin(workingDays limit: Int, from returned: CalendarDate, completed: CalendarDate) -> Bool {
        completed <= adding(workingDays: limit, to: returned)
    }
}

extension BankHolidayChanges {
    /// ChildLink's own changes, from `Resources/bank-holiday-changes.txt` (embedded in the binary).
    package static let builtIn: BankHolidayChanges = {
        do {
            return try BankHolidayChanges(
                parsing: String(decoding: PackageResources.bank_holiday_changes_txt, as: UTF8.self),
                path: "built-in bank-holiday-changes.txt")
        } catch {
            fatalError("the built-in bank holiday changes do not parse: \(error)")
        }
    }()
}

package import ChildLinkModel

/// An inclusive range of days: a month, a quarter, a year to date, a week.
package struct DayRange: Hashable, Sendable, CustomStringConvertible {
    /// The first day.
    package let start: CalendarDate
    /// The last day (inclusive).
    package let end: CalendarDate

    /// Creates the interval `start…end`.
    package init(start: CalendarDate, end: CalendarDate) {
        self.start = start
        self.end = end
    }

    /// Whether `date` lies in the interval.
    package func contains(_ date: CalendarDate) -> Bool { start <= date && date <= end }

    /// Whether `[from, to]` (an open end when `to` is nil) overlaps the interval.
    package func overlaps(from: CalendarDate, to: CalendarDate?) -> Bool {
        from <= end && (to.map { $0 >= start } ?? true)
    }

    /// `2019-04-01…2019-06-30`.
    package var description: String { "\(start.iso)…\(end.iso)" }
}

/// A reporting period the scorecards are asked for: a month (`2019-06`), a quarter of the financial
/// year (`2018Q4` = January–March 2019), or an academic or financial year (`2018/19`).
package enum ReportingPeriod: Hashable, Sendable, CustomStringConvertible {
    /// A calendar month.
    case month(year: Int, month: Int)
    /// Quarter 1–4 of the financial year starting 1 April `startYear`.
    case quarter(startYear: Int, quarter: Int)
    /// The year starting in `startYear` (academic from 1 September, financial from 1 April).
    case year(startYear: Int)

    /// Parses a period as a person types it or copies it from a report's column heading: a month
    /// `2019-06`, `06/2019`, `Jun-19` or `June 2019`; a quarter of the financial year `2018Q4`,
    /// `2018-Q4` or `Q4 2018/19`; a year `2018/19`, `2018-19` or `2018/2019`. `Q4 2018`, which a
    /// reader could take for October–December 2018, is not a period.
    package init?(parsing text: String) {
        let upper = text.uppercased().split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        guard let period = Self.isoForm(upper) ?? Self.monthForm(upper) ?? Self.quarterLabel(upper) else {
            return nil
        }
        self = period
    }

    /// `2019-06`, `2018Q4`, `2018-Q4`, `2018/19`, `2018-19`, `2018/2019`.
    private static func isoForm(_ upper: String) -> ReportingPeriod? {
        if let qIndex = upper.firstIndex(of: "Q") {
            let yearText = upper[..<qIndex].filter(\.isNumber)
            guard let year = Int(yearText), yearText.count == 4,
                upper[..<qIndex].allSatisfy({ $0.isNumber || $0 == "-" || $0 == " " }),
                let quarter = Int(upper[upper.index(after: qIndex)...]),
                (1...4).contains(quarter)
            else { return nil }
            return .quarter(startYear: year, quarter: quarter)
        }
        let parts = upper.split(whereSeparator: { $0 == "/" || $0 == "-" })
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), let second = Int(parts[1]) else {
            return nil
        }
        if upper.contains("/") || (parts[1].count == 2 && second == (year + 1) % 100 && second > 12) {
            guard second == (year + 1) % 100 || second == year + 1 else { return nil }
            return .year(startYear: year)
        }
        guard (1...12).contains(second) else { return nil }
        return .month(year: year, month: second)
    }

    /// `06/2019`, `6-2019`, `Jun-19`, `Jun 2019`, `June 2019`, `Sept 2019`.
    private static func monthForm(_ upper: String) -> ReportingPeriod? {
        let parts = upper.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == " " })
        guard parts.count == 2, let year = year(parts[1]) else { return nil }
        if parts[0].allSatisfy(\.isNumber) {
            guard parts[0].count <= 2, parts[1].count == 4, let month = Int(parts[0]), (1...12).contains(month) else {
                return nil
            }
            return .month(year: year, month: month)
        }
        let word = String(parts[0])
        guard word.count >= 3, let month = fullMonthNames.firstIndex(where: { $0.uppercased().hasPrefix(word) }) else {
            return nil
        }
        return .month(year: year, month: month + 1)
    }

    /// `Q4 2018/19`: a quarterly scorecard's column heading.
    private static func quarterLabel(_ upper: String) -> ReportingPeriod? {
        let parts = upper.split(separator: " ")
        guard parts.count == 2, parts[0].count == 2, parts[0].first == "Q", let quarter = Int(parts[0].dropFirst()),
            (1...4).contains(quarter), case .year(let startYear)? = isoForm(String(parts[1])), parts[1].contains("/")
        else { return nil }
        return .quarter(startYear: startYear, quarter: quarter)
    }

    /// A year written with four digits, or two (`19` is 2019).
    private static func year(_ text: Substring) -> Int? {
        guard text.allSatisfy(\.isNumber), let value = Int(text) else { return nil }
        switch text.count {
        case 4: return value
        case 2: return 2000 + value
        default: return nil
        }
    }

    private static let fullMonthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]

    /// The period as typed on the command line.
    package var description: String {
        switch self {
        case .month(let year, let month): "\(year)-\(Text.pad(month, 2))"
        case .quarter(let year, let quarter): "\(year)Q\(quarter)"
        case .year(let year): "\(year)/\(Text.pad((year + 1) % 100, 2))"
        }
    }

    /// The period as it can appear in a file name: `2019-06`, `2018Q4`, `2018-19`.
    package var slug: String { description.replacingAll("/", with: "-") }

    /// The days of the period; a `year` is the financial year (April–March).
    package var interval: DayRange {
        switch self {
        case .month(let year, let month): Self.monthInterval(year: year, month: month)
        case .quarter(let startYear, let quarter):
            Self.span(first: Self.quarterFirstMonth(startYear: startYear, quarter: quarter), months: 3)
        case .year(let startYear): Self.span(first: (startYear, 4), months: 12)
        }
    }

    /// The academic year (1 September – 31 August) starting in `startYear`.
    package static func academicYear(startYear: Int) -> DayRange {
        span(first: (startYear, 9), months: 12)
    }

    /// The start year of the financial year (from 1 April) containing `date`.
    package static func financialYearStart(of date: CalendarDate) -> Int {
        date.month >= 4 ? date.year : date.year - 1
    }

    /// The start year of the academic year (from 1 September) containing `date`.
    package static func academicYearStart(of date: CalendarDate) -> Int {
        date.month >= 9 ? date.year : date.year - 1
    }

    /// The month columns of a monthly scorecard: April of the financial year up to this month.
    package var financialYearMonths: [ReportingPeriod] {
        let end = interval.end
        let startYear = Self.financialYearStart(of: end)
        var months: [ReportingPeriod] = []
        var (year, month) = (startYear, 4)
        while (year, month) <= (end.year, end.month) {
            months.append(.month(year: year, month: month))
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
        }
        return months
    }

    /// The quarter columns of a quarterly scorecard: Q1 of the financial year up to this quarter.
    package var financialYearQuarters: [ReportingPeriod] {
        let end = interval.end
        let startYear = Self.financialYearStart(of: end)
        let last = (end.month + 8) % 12 / 3 + 1
        return (1...last).map { .quarter(startYear: startYear, quarter: $0) }
    }

    /// The period of the same kind just before this one: the month, quarter or year before.
    package var previous: ReportingPeriod {
        switch self {
        case .month(let year, let month):
            month == 1 ? .month(year: year - 1, month: 12) : .month(year: year, month: month - 1)
        case .quarter(let startYear, let quarter):
            quarter == 1
                ? .quarter(startYear: startYear - 1, quarter: 4) : .quarter(startYear: startYear, quarter: quarter - 1)
        case .year(let startYear): .year(startYear: startYear - 1)
        }
    }

    /// From 1 April of the financial year to the end of this period.
    package var yearToDate: DayRange {
        let end = interval.end
        return DayRange(start: CalendarDate(year: Self.financialYearStart(of: end), month: 4, day: 1)!, end: end)
    }

    /// A column heading: `Jun-19`, `Q4 2018/19`, `2018/19`.
    package var columnLabel: String {
        switch self {
        case .month(let year, let month):
            "\(Self.monthNames[month - 1])-\(Text.pad(year % 100, 2))"
        case .quarter(let startYear, let quarter):
            "Q\(quarter) \(startYear)/\(Text.pad((startYear + 1) % 100, 2))"
        case .year(let startYear): "\(startYear)/\(Text.pad((startYear + 1) % 100, 2))"
        }
    }

    /// `Jan` … `Dec`, as the month columns are headed.
    static let monthNames = fullMonthNames.map { String($0.prefix(3)) }

    static func monthInterval(year: Int, month: Int) -> DayRange {
        DayRange(
            start: CalendarDate(year: year, month: month, day: 1)!,
            end: CalendarDate(year: year, month: month, day: CalendarDate.daysInMonth(year: year, month: month))!)
    }

    private static func quarterFirstMonth(startYear: Int, quarter: Int) -> (Int, Int) {
        quarter == 4 ? (startYear + 1, 1) : (startYear, 4 + 3 * (quarter - 1))
    }

    private static func span(first: (Int, Int), months: Int) -> DayRange {
        let start = CalendarDate(year: first.0, month: first.1, day: 1)!
        let lastIndex = first.0 * 12 + first.1 - 1 + months - 1
        let end = monthInterval(year: lastIndex / 12, month: lastIndex % 12 + 1).end
        return DayRange(start: start, end: end)
    }
}

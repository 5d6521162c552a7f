/// A day in the proleptic Gregorian calendar, with no time zone: a date of birth, a referral date.
///
/// Parsing accepts the UK export default `dd/MM/yyyy` (also `d/M/yyyy`) and ISO `yyyy-MM-dd`,
/// each optionally followed by a time, which is ignored. US `MM/dd/yyyy` is never guessed:
/// `06/13/2019` is rejected because 13 is not a month.
package struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year, e.g. `2019`.
    package let year: Int
    /// The month, 1–12.
    package let month: Int
    /// The day of the month, 1–31.
    package let day: Int

    /// Creates a date when the year, month and day form a real calendar day.
    ///
    /// Returns `nil` for days such as 31 February or month 13.
    package init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CalendarDate.daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Creates the date that lies `daysSinceEpoch` days after 1 January 1970.
    package init(daysSinceEpoch: Int) {
        // Howard Hinnant's civil_from_days.
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        self.year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.month = month
        self.day = day
    }

    /// Parses `dd/MM/yyyy`, `d/M/yyyy` or `yyyy-MM-dd`, optionally followed by a time part
    /// (` HH:mm`, ` HH:mm:ss`, `THH:mm[:ss]`), which is ignored.
    ///
    /// Returns `nil` for anything else, including impossible days such as `31/02/2019`.
    package init?(parsing text: some StringProtocol) {
        guard let (date, _) = DateTimeParser.parse(Substring(text)) else { return nil }
        self = date
    }

    /// Days since 1 January 1970 (negative before it).
    package var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day of the week, 1 = Monday … 7 = Sunday (ISO 8601).
    package var isoWeekday: Int {
        let weekday = (daysSinceEpoch + 3) % 7  // 1 Jan 1970 was a Thursday.
        return (weekday < 0 ? weekday + 7 : weekday) + 1
    }

    /// The date `days` days later (earlier when negative).
    package func adding(days: Int) -> CalendarDate {
        CalendarDate(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// The number of days from `self` to `other` (positive when `other` is later).
    package func days(until other: CalendarDate) -> Int {
        other.daysSinceEpoch - daysSinceEpoch
    }

    /// The age in whole years on `date`.
    package func age(on date: CalendarDate) -> Int {
        var years = date.year - year
        if (date.month, date.day) < (month, day) { years -= 1 }
        return years
    }

    /// ISO `yyyy-MM-dd`.
    package var iso: String {
        "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))"
    }

    /// UK `dd/MM/yyyy`, as councils' extracts write it.
    package var uk: String {
        "\(Self.pad(day, 2))/\(Self.pad(month, 2))/\(Self.pad(year, 4))"
    }

    /// ISO `yyyy-MM-dd`.
    package var description: String { iso }

    package static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Whether `year` is a Gregorian leap year.
    package static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in `month` of `year`.
    package static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

/// A local date and time to the minute (UK local time, as the case-management systems record it).
package struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The calendar day.
    package let date: CalendarDate
    /// Minutes after midnight, 0–1439.
    package let minuteOfDay: Int

    /// Creates a date-time; `hour` 0–23, `minute` 0–59.
    package init?(date: CalendarDate, hour: Int = 0, minute: Int = 0) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.date = date
        self.minuteOfDay = hour * 60 + minute
    }

    /// Parses any date `CalendarDate(parsing:)` accepts, with an optional ` HH:mm[:ss]` or
    /// `THH:mm[:ss]` time; a missing time is midnight.
    package init?(parsing text: some StringProtocol) {
        guard let (date, minutes) = DateTimeParser.parse(Substring(text)) else { return nil }
        self.date = date
        self.minuteOfDay = minutes
    }

    /// Minutes since 1970-01-01 00:00, for differences between date-times.
    package var minutesSinceEpoch: Int { date.daysSinceEpoch * 1440 + minuteOfDay }

    /// The date-time `minutes` later (earlier when negative), in local clock time (no DST shift).
    package func adding(minutes: Int) -> LocalDateTime {
        let total = minutesSinceEpoch + minutes
        let day = Int((Double(total) / 1440).rounded(.down))
        return LocalDateTime(
            date: CalendarDate(daysSinceEpoch: day), hour: (total - day * 1440) / 60, minute: (total - day * 1440) % 60)!
    }

    /// The hour, 0–23.
    package var hour: Int { minuteOfDay / 60 }
    /// The minute, 0–59.
    package var minute: Int { minuteOfDay % 60 }

    /// ISO `yyyy-MM-ddTHH:mm`.
    package var iso: String { "\(date.iso)T\(CalendarDate.pad(hour, 2)):\(CalendarDate.pad(minute, 2))" }

    /// UK `dd/MM/yyyy HH:mm`.
    package var uk: String { "\(date.uk) \(CalendarDate.pad(hour, 2)):\(CalendarDate.pad(minute, 2))" }

    /// ISO `yyyy-MM-ddTHH:mm`.
    package var description: String { iso }

    package static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.date, lhs.minuteOfDay) < (rhs.date, rhs.minuteOfDay)
    }
}

/// The shared grammar behind `CalendarDate(parsing:)` and `LocalDateTime(parsing:)`.
enum DateTimeParser {
    static func parse(_ text: Substring) -> (CalendarDate, Int)? {
        let trimmed = text.trimmingSpaces
        let bytes = Array(trimmed.utf8)
        var index = 0
        guard let date = parseDate(bytes, &index) else { return nil }
        if index == bytes.count { return (date, 0) }
        guard bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "T") else { return nil }
        index += 1
        guard let minutes = parseTime(bytes, &index), index == bytes.count else { return nil }
        return (date, minutes)
    }

    private static func parseDate(_ bytes: [UInt8], _ index: inout Int) -> CalendarDate? {
        guard let first = number(bytes, &index, maxDigits: 4) else { return nil }
        guard index < bytes.count else { return nil }
        let separator = bytes[index]
        if first.digits == 4, separator == UInt8(ascii: "-") {
            index += 1
            guard let month = number(bytes, &index, maxDigits: 2), month.digits == 2,
                index < bytes.count, bytes[index] == UInt8(ascii: "-")
            else { return nil }
            index += 1
            guard let day = number(bytes, &index, maxDigits: 2), day.digits == 2 else { return nil }
            return CalendarDate(year: first.value, month: month.value, day: day.value)
        }
        guard first.digits <= 2, separator == UInt8(ascii: "/") else { return nil }
        index += 1
        guard let month = number(bytes, &index, maxDigits: 2), index < bytes.count,
            bytes[index] == UInt8(ascii: "/")
        else { return nil }
        index += 1
        guard let year = number(bytes, &index, maxDigits: 4), year.digits == 4 else { return nil }
        return CalendarDate(year: year.value, month: month.value, day: first.value)
    }

    private static func parseTime(_ bytes: [UInt8], _ index: inout Int) -> Int? {
        guard let hour = number(bytes, &index, maxDigits: 2), index < bytes.count,
            bytes[index] == UInt8(ascii: ":")
        else { return nil }
        index += 1
        guard let minute = number(bytes, &index, maxDigits: 2), minute.digits == 2 else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            index += 1
            guard let second = number(bytes, &index, maxDigits: 2), second.digits == 2, second.value < 60 else {
                return nil
            }
            // Fractional seconds, as SQL Server writes them (`14:05:00.000`), are ignored.
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard number(bytes, &index, maxDigits: 9) != nil else { return nil }
            }
        }
        guard hour.value < 24, minute.value < 60 else { return nil }
        return hour.value * 60 + minute.value
    }

    private static func number(_ bytes: [UInt8], _ index: inout Int, maxDigits: Int) -> (value: Int, digits: Int)? {
        var value = 0
        var digits = 0
        while index < bytes.count, digits < maxDigits, bytes[index].isASCIIDigit {
            value = value * 10 + Int(bytes[index] - 48)
            digits += 1
            index += 1
        }
        return digits == 0 ? nil : (value, digits)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\u{A0}" }
        let text = Substring(self)
        guard let start = text.firstIndex(where: { !isSpace($0) }) else { return text[text.endIndex...] }
        let end = text.lastIndex(where: { !isSpace($0) })!
        return text[start...end]
    }
}

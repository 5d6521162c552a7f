import ChildLinkModel

/// The date and date-time shapes every extract may use without a profile: `dd/MM/yyyy` and ISO
/// (the fast path and ChildLinkModel's parser), then dates with the month written as a word, which
/// cannot be misread whichever order a system writes the day and month in: `30-Jun-2019`,
/// `30 June 2019`, `30 Jun 2019 14:05`, and the school census's `2019-Jun-30 00:00:00`.
/// US `MM/dd/yyyy` stays unread: `06/30/2019` is rejected.
enum ExtractDates {
    /// The month-name shapes, tried only when the numeric ones fail (so the common path pays nothing).
    static let monthNamePatterns: [DatePattern] = [
        "d MMM yyyy", "d-MMM-yyyy", "yyyy-MMM-dd",
        "d MMM yyyy HH:mm", "d-MMM-yyyy HH:mm", "yyyy-MMM-dd HH:mm",
        "d MMM yyyy HH:mm:ss", "d-MMM-yyyy HH:mm:ss", "yyyy-MMM-dd HH:mm:ss",
    ].compactMap { DatePattern($0) }

    /// `text` as a date-time in any built-in shape (a date alone is midnight), or `nil`.
    static func dateTime(_ text: String) -> LocalDateTime? {
        if let value = FastValues.dateTime(text) ?? LocalDateTime(parsing: text) { return value }
        return monthNamePatterns.lazy.compactMap { $0.parse(text) }.first
    }

    /// `text` as a date in any built-in shape (a time, if any, ignored), or `nil`.
    static func date(_ text: String) -> CalendarDate? { dateTime(text)?.date }

    /// Why `text` is not a date, in words an analyst can act on (`otherwise` when nothing more is
    /// known): a five-digit whole number is an Excel date serial (a date column saved as "General";
    /// 1990 to 2030 are 32874 to 47484), which is named as such.
    static func problem(_ text: String, otherwise: String) -> String {
        let isWholeNumber = !text.isEmpty && text.utf8.allSatisfy(\.isASCIIDigit)
        if isWholeNumber, text.utf8.count == 5 {
            return "is a number, not a date (an Excel date serial? format the column as a date before saving)"
        }
        return otherwise
    }
}

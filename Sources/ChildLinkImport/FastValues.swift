import ChildLinkModel

/// Byte-level fast paths for the values on every row: dates in the exact reference shapes and the
/// common gender codes. Anything else falls back to the general parsers in ChildLinkModel, so the
/// results are always theirs (the tests compare both).
enum FastValues {
    /// `dd/MM/yyyy` or `yyyy-MM-dd`, optionally followed by ` HH:mm`, `THH:mm` or either with
    /// `:ss`; `nil` for any other shape (the caller then uses the general parser).
    static func dateTime(_ text: String) -> LocalDateTime? {
        var text = text
        return text.withUTF8 { bytes -> LocalDateTime? in
            guard bytes.count == 10 || bytes.count == 16 || bytes.count == 19 else { return nil }
            func digits(_ start: Int, _ count: Int) -> Int? {
                var value = 0
                for index in start..<(start + count) {
                    let byte = bytes[index]
                    guard byte >= 48, byte <= 57 else { return nil }
                    value = value * 10 + Int(byte - 48)
                }
                return value
            }
            let day: Int?
            let month: Int?
            let year: Int?
            if bytes[2] == UInt8(ascii: "/"), bytes[5] == UInt8(ascii: "/") {
                (day, month, year) = (digits(0, 2), digits(3, 2), digits(6, 4))
            } else if bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") {
                (year, month, day) = (digits(0, 4), digits(5, 2), digits(8, 2))
            } else {
                return nil
            }
            guard let day, let month, let year, let date = CalendarDate(year: year, month: month, day: day) else {
                return nil
            }
            guard bytes.count > 10 else { return LocalDateTime(date: date) }
            guard bytes[10] == UInt8(ascii: " ") || bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
                let hour = digits(11, 2), let minute = digits(14, 2)
            else { return nil }
            if bytes.count == 19 {
                guard bytes[16] == UInt8(ascii: ":"), let second = digits(17, 2), second < 60 else { return nil }
            }
            return LocalDateTime(date: date, hour: hour, minute: minute)
        }
    }

    /// The common gender codes, without the general parser's label handling.
    static func gender(_ text: String) -> Gender? {
        switch text {
        case "M", "Male", "m", "male", "1": .male
        case "F", "Female", "f", "female", "2": .female
        case "U", "Unknown", "0", "9": .unknown
        default: Gender(code: text)
        }
    }
}

import ChildLinkModel

/// Writes field values the way the reference layout shows them, without Foundation formatting.
enum FieldFormat {
    /// `dd/MM/yyyy`.
    static func date(_ date: CalendarDate) -> String {
        var bytes: [UInt8] = [0, 0, 47, 0, 0, 47, 0, 0, 0, 0]
        putDigits(date.day, 2, into: &bytes, at: 0)
        putDigits(date.month, 2, into: &bytes, at: 3)
        putDigits(date.year, 4, into: &bytes, at: 6)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `dd/MM/yyyy HH:mm` for minutes since the epoch.
    static func dateTime(minutes: Int) -> String {
        let day = CalendarDate(daysSinceEpoch: minutes.floorDivided(by: 1440))
        let minuteOfDay = minutes - day.daysSinceEpoch * 1440
        var bytes: [UInt8] = [0, 0, 47, 0, 0, 47, 0, 0, 0, 0, 32, 0, 0, 58, 0, 0]
        putDigits(day.day, 2, into: &bytes, at: 0)
        putDigits(day.month, 2, into: &bytes, at: 3)
        putDigits(day.year, 4, into: &bytes, at: 6)
        putDigits(minuteOfDay / 60, 2, into: &bytes, at: 11)
        putDigits(minuteOfDay % 60, 2, into: &bytes, at: 14)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `Yes` or `No`.
    static func yesNo(_ value: Bool) -> String { value ? "Yes" : "No" }

    /// Tenths as a decimal, e.g. `123` → `12.3`.
    static func tenths(_ value: Int) -> String { String(value / 10) + "." + String(value % 10) }

    /// A national curriculum year group: `R` for reception, else the number.
    static func yearGroup(_ value: Int) -> String { value <= 0 ? "R" : String(value) }

    private static func putDigits(_ value: Int, _ width: Int, into bytes: inout [UInt8], at offset: Int) {
        var remaining = value
        for index in stride(from: offset + width - 1, through: offset, by: -1) {
            bytes[index] = UInt8(48 + remaining % 10)
            remaining /= 10
        }
    }
}

extension Int {
    /// Division rounding towards negative infinity.
    func floorDivided(by divisor: Int) -> Int {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}

/// Undoes mojibake: text whose UTF-8 bytes a system read as Windows-1252 (or Latin-1) and saved
/// again, once or twice (`KoÄiÅ¡` for `Kočiš`, `ZdenÄ›k` for `Zdeněk`, `Ã…Â¡` for `š`).
///
/// The test is strict, so that real names are left alone: every character of the text must be one
/// that Windows-1252 or Latin-1 can hold, at least one must be outside ASCII, and the bytes must
/// read back as well-formed UTF-8 with at least one character of two or more bytes. `Renée`,
/// `João` or `Horváthová` never pass it. A byte that Windows-1252 cannot show (0x81, 0x8D, 0x8F,
/// 0x90, 0x9D) is often saved as `?`: a `?` where a continuation byte belongs (`KoÄ?iÅ¡`) becomes
/// U+FFFD, one unknown character, which name comparisons treat as such.
package enum TextRepair {
    /// The text as it was written before it was garbled, or `nil` when it does not look like mojibake.
    package static func undoingMojibake(_ text: String) -> String? {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return nil }
        guard var repaired = undoOnce(text) else { return nil }
        if let twice = undoOnce(repaired) { repaired = twice }
        return repaired
    }

    /// Whether `text` holds a character known to stand for one unknown character (`?` or U+FFFD)
    /// next to a letter, as after a save in an encoding that could not hold it (`?erve?ák`).
    package static func hasUnknownCharacter(_ text: String) -> Bool {
        // Fast path: neither `?` nor the first byte of U+FFFD's UTF-8 (EF BF BD) anywhere.
        guard text.utf8.contains(where: { $0 == 0x3F || $0 == 0xEF }) else { return false }
        var previousIsLetter = false
        var pendingUnknown = false
        for scalar in text.unicodeScalars {
            let isUnknown = scalar == "?" || scalar.value == 0xFFFD
            let isLetter = scalar.properties.isAlphabetic
            if isUnknown && previousIsLetter { return true }
            if isLetter && pendingUnknown { return true }
            pendingUnknown = isUnknown
            previousIsLetter = isLetter
        }
        return false
    }

    /// One round: the text's characters as Windows-1252 bytes, read as UTF-8.
    private static func undoOnce(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var sawHigh = false
        for scalar in text.unicodeScalars {
            guard let byte = windows1252Byte(scalar) else { return nil }
            if byte >= 0x80 { sawHigh = true }
            bytes.append(byte)
        }
        guard sawHigh else { return nil }
        return decodeUTF8(bytes)
    }

    /// The byte Windows-1252 (or, for its five undefined bytes and the C1 controls, Latin-1)
    /// writes for `scalar`, or `nil` when neither can hold it.
    static func windows1252Byte(_ scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        if value < 0x100 { return UInt8(value) }
        return windows1252High[value]
    }

    /// The characters Windows-1252 puts at 0x80–0x9F.
    private static let windows1252High: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
        0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91,
        0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98,
        0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B, 0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]

    /// `bytes` read as UTF-8, a `?` in place of a continuation byte read as one unknown character;
    /// `nil` when they are not well-formed or hold no character of two or more bytes.
    private static func decodeUTF8(_ bytes: [UInt8]) -> String? {
        var scalars = String.UnicodeScalarView()
        var index = 0
        var sawSequence = false
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00..<0x80:
                scalars.append(Unicode.Scalar(lead))
                index += 1
                continue
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return nil
            }
            guard index + length <= bytes.count else { return nil }
            var value = UInt32(lead) & (0xFF >> (length + 1))
            var lost = false
            for offset in 1..<length {
                let byte = bytes[index + offset]
                if byte == UInt8(ascii: "?") {
                    lost = true
                } else if byte & 0xC0 == 0x80 {
                    value = value << 6 | UInt32(byte & 0x3F)
                } else {
                    return nil
                }
            }
            if lost {
                scalars.append(Unicode.Scalar(0xFFFD)!)
            } else {
                guard let scalar = Unicode.Scalar(value), isShortestForm(value, length) else { return nil }
                scalars.append(scalar)
            }
            sawSequence = true
            index += length
        }
        return sawSequence ? String(scalars) : nil
    }

    /// Whether `value` needed `length` bytes (an overlong form is not UTF-8).
    private static func isShortestForm(_ value: UInt32, _ length: Int) -> Bool {
        switch length {
        case 2: value >= 0x80
        case 3: value >= 0x800
        default: value >= 0x10000 && value <= 0x10FFFF
        }
    }
}

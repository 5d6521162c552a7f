/// How ChildLink writes text into XML and HTML (report pages, workbook parts, the sample's XML
/// extracts): the one escaper.
package enum XMLText {
    /// How an apostrophe is written.
    package enum Apostrophe: Sendable {
        /// `&#39;`, which HTML 4 and every XML reader understand (reports and workbooks).
        case numeric
        /// `&apos;`, as the councils' XML extracts write it (the sample generator imitates them).
        case named
    }

    /// `text` safe inside XML or HTML element content and attribute values: `&`, `<`, `>`, `"` and
    /// `'` written as entities, and the control characters XML 1.0 does not allow (below U+0020
    /// other than tab, line feed and carriage return) left out.
    package static func escaped(_ text: String, apostrophe: Apostrophe = .numeric) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 })
        else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += apostrophe == .numeric ? "&#39;" : "&apos;"
            case _ where scalar.value < 0x20 && scalar != "\n" && scalar != "\t" && scalar != "\r": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

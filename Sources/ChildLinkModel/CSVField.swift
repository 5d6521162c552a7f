/// How ChildLink writes one field of an output CSV (links, pairs, rejects, report tables).
package enum CSVField {
    /// The field as it should appear in a CSV line: quoted per RFC 4180 when it holds a comma, quote
    /// or line break, and defused when a spreadsheet would run it as a formula.
    ///
    /// Extracts are typed by many hands, and an id or name such as `=HYPERLINK("http://…")` would be
    /// executed by Excel when an analyst opens the output. Text that starts with `=`, `+`, `-`, `@`, a
    /// tab or a carriage return is therefore prefixed with `'` (OWASP's advice); plain numbers such
    /// as `-3.25` are left as they are.
    package static func encode(_ field: String) -> String {
        var text = field
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), !isPlainNumber(text) {
            text = "'" + text
        }
        return quoted(text)
    }

    /// The field quoted per RFC 4180 when it holds a comma, quote or line break, and otherwise as it
    /// is, without formula defusing: for files that imitate a council's own extracts (the sample
    /// generator), whose values must read back exactly. ``encode(_:)`` is this plus the defusing.
    package static func quoted(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) else { return field }
        var quoted = "\""
        for character in field {
            quoted.append(character)
            if character == "\"" { quoted.append("\"") }
        }
        return quoted + "\""
    }

    /// Whether `text` is a decimal number, optionally signed (`-3.25`, `+7`).
    static func isPlainNumber(_ text: String) -> Bool {
        var digits = text.utf8.dropFirst(text.hasPrefix("-") || text.hasPrefix("+") ? 1 : 0)
        guard !digits.isEmpty else { return false }
        var seenPoint = false
        var seenDigit = false
        while let byte = digits.popFirst() {
            if byte == UInt8(ascii: ".") {
                if seenPoint { return false }
                seenPoint = true
            } else if byte.isASCIIDigit {
                seenDigit = true
            } else {
                return false
            }
        }
        return seenDigit
    }
}

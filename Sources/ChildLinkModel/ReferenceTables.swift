/// A line of a reference table file (forename variants, bank holiday changes) that cannot be read:
/// the file, the 1-based line and what is wrong with it. Never personal data.
package struct ReferenceTableError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file, or the name of a built-in table.
    package var path: String
    /// The 1-based line.
    package var line: Int
    /// What is wrong, for a person to fix.
    package var message: String

    /// Creates the error.
    package init(path: String, line: Int, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    /// `path:line: message`, as a compiler writes it.
    package var description: String { "\(path):\(line): \(message)" }
}

/// Groups of forenames that name the same child, as read from a forename-variants file.
///
/// The format (docs/formats.md): one group a line, its names separated by spaces, each folded
/// (lower-case letters a–z only); at least two names a group; text after `#` is a comment.
package struct ForenameVariantList: Sendable, Hashable {
    /// The groups, in file order: every name in a group is a variant of every other.
    package var groups: [[String]]

    /// Creates the list from groups already split into names.
    package init(groups: [[String]] = []) { self.groups = groups }

    /// Reads the text of a forename-variants file.
    /// - Parameter path: the file, or the built-in table's name, for error messages.
    /// - Throws: ``ReferenceTableError`` naming the first bad line.
    package init(parsing text: String, path: String) throws {
        var groups: [[String]] = []
        for (index, line) in ReferenceTableLines.lines(of: text) {
            let names = line.split(whereSeparator: \.isWhitespace).map(String.init)
            if let position = names.firstIndex(where: { !Self.isFolded($0) }) {
                throw ReferenceTableError(
                    path: path, line: index,
                    message: "name \(position + 1) is not folded: use lower-case letters a-z only (no accents, "
                        + "capitals, digits, apostrophes or hyphens)")
            }
            guard names.count >= 2 else {
                throw ReferenceTableError(
                    path: path, line: index, message: "a group needs at least two names, separated by spaces")
            }
            groups.append(names)
        }
        self.groups = groups
    }

    /// This list's groups followed by `other`'s.
    package func appending(_ other: ForenameVariantList) -> ForenameVariantList {
        ForenameVariantList(groups: groups + other.groups)
    }

    private static func isFolded(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }
    }
}

/// One change to the bank holiday rules: `date` is a bank holiday, moved from `replaces` when given
/// (which is then a working day).
package struct BankHolidayChange: Sendable, Hashable {
    /// The bank holiday.
    package var date: CalendarDate
    /// The date the rules give that it replaces, when it moves a holiday.
    package var replaces: CalendarDate?

    /// Creates the change.
    package init(date: CalendarDate, replaces: CalendarDate? = nil) {
        self.date = date
        self.replaces = replaces
    }
}

/// The one-off changes to the bank holiday rules, as read from a bank-holiday-changes file.
///
/// The format (docs/formats.md): one change a line, `yyyy-MM-dd` (an extra bank holiday) or
/// `yyyy-MM-dd replaces yyyy-MM-dd` (a holiday moved); text after `#` is a comment.
package struct BankHolidayChanges: Sendable, Hashable {
    /// The changes, in file order.
    package var changes: [BankHolidayChange]

    /// Creates the list.
    package init(changes: [BankHolidayChange] = []) { self.changes = changes }

    /// Reads the text of a bank-holiday-changes file.
    /// - Parameter path: the file, or the built-in table's name, for error messages.
    /// - Throws: ``ReferenceTableError`` naming the first bad line.
    package init(parsing text: String, path: String) throws {
        var changes: [BankHolidayChange] = []
        for (index, line) in ReferenceTableLines.lines(of: text) {
            let words = line.split(whereSeparator: \.isWhitespace)
            func date(_ word: Substring) throws -> CalendarDate {
                guard word.count == 10, word.contains("-"), let date = CalendarDate(parsing: word) else {
                    throw ReferenceTableError(
                        path: path, line: index, message: "'\(word)' is not a date written yyyy-MM-dd")
                }
                return date
            }
            switch words.count {
            case 1: changes.append(BankHolidayChange(date: try date(words[0])))
            case 3 where words[1] == "replaces":
                changes.append(BankHolidayChange(date: try date(words[0]), replaces: try date(words[2])))
            default:
                throw ReferenceTableError(
                    path: path, line: index,
                    message: "expected 'yyyy-MM-dd' or 'yyyy-MM-dd replaces yyyy-MM-dd', then an optional # comment")
            }
        }
        self.changes = changes
    }

    /// These changes followed by `other`'s.
    package func appending(_ other: BankHolidayChanges) -> BankHolidayChanges {
        BankHolidayChanges(changes: changes + other.changes)
    }

    /// The changes that add or remove a holiday in `year`.
    package func changes(in year: Int) -> [BankHolidayChange] {
        changes.filter { $0.date.year == year || $0.replaces?.year == year }
    }
}

/// The meaningful lines of a reference table file: comments (from `#`) and blank lines dropped.
enum ReferenceTableLines {
    /// Each line's 1-based number and text, comment removed and trimmed.
    static func lines(of text: String) -> [(number: Int, text: Substring)] {
        var result: [(number: Int, text: Substring)] = []
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let content = raw.prefix { $0 != "#" }
            let trimmed = content.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace)
            guard !trimmed.isEmpty else { continue }
            result.append((index + 1, Substring(String(trimmed.reversed()))))
        }
        return result
    }
}

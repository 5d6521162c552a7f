package import ChildLinkModel
import Foundation
import Yams

/// A council's mapping profile: points its own headers / element names, date formats and code
/// values at ChildLink's reference layout, so that an extract is read without touching code.
///
/// Written in YAML (see `SampleData/profiles/` and docs/formats.md):
/// ```yaml
/// name: Example LCS missing episodes
/// dataset: missing                # optional: the dataset every file read with it holds
/// fields:                         # reference field: the council's header (or a list of them)
///   PersonID: Child ID
///   DateOfBirth: D.O.B.
/// dateFormats: ["yyyy-MM-dd HH:mm:ss", "dd-MMM-yyyy"]
/// values:                         # reference field: { council value: reference value }
///   SocialCareStatus: { "Looked After": LAC, "Child in Need": CIN }
///   RHIOffered: { "a) Yes": "Yes", "b) No": "No" }
/// forenameVariants: nicknames.txt   # optional: groups added to the built-in forename variants
/// bankHolidays: bank-holidays.txt   # optional: changes added to the built-in bank holiday ones
/// ```
/// The two table files (format in docs/formats.md) are named relative to the profile's folder.
package struct MappingProfile: Sendable, Hashable {
    /// A name for people, e.g. the council and system.
    package var name: String
    /// The dataset the profile is for, when it says.
    package var dataset: Dataset?
    /// For each mapped reference field, the council's header or element names (matched
    /// case-insensitively, ignoring spaces and underscores).
    package var fieldNames: [ReferenceField: [String]]
    /// Date and date-time formats tried before the built-in ones, e.g. `yyyy-MMM-dd HH:mm:ss`.
    package var dateFormats: [DatePattern]
    /// For each field, council values (compared case-insensitively) and the reference value each means.
    package var valueMaps: [ReferenceField: [String: String]]
    /// For `link --generic`: the record id, true-person and address-part columns (`generic:`).
    package var generic: GenericProfileColumns?
    /// A file of forename-variant groups the council adds to the built-in ones (`forenameVariants:`).
    package var forenameVariantsPath: String?
    /// A file of bank holiday changes the council adds to the built-in ones (`bankHolidays:`).
    package var bankHolidaysPath: String?
    private var valueMapsByOrdinal: [[String: String]?]

    /// Creates a profile.
    package init(
        name: String, dataset: Dataset? = nil, fieldNames: [ReferenceField: [String]] = [:],
        dateFormats: [DatePattern] = [], valueMaps: [ReferenceField: [String: String]] = [:],
        generic: GenericProfileColumns? = nil
    ) {
        self.name = name
        self.generic = generic
        self.dataset = dataset
        self.fieldNames = fieldNames
        self.dateFormats = dateFormats
        self.valueMaps = valueMaps
        var byOrdinal = [[String: String]?](repeating: nil, count: ReferenceField.allCases.count)
        for (field, map) in valueMaps {
            byOrdinal[field.ordinal] = Dictionary(map.map { ($0.key.lowercased().trimmingCharacters(), $0.value) }) {
                a, _ in a
            }
        }
        self.valueMapsByOrdinal = byOrdinal
    }

    /// Reads a YAML profile.
    /// - Throws: ``ImportError/invalidProfile(path:message:cause:)`` naming what is wrong.
    package init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImportError.unreadableFile(path: path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ImportError.invalidProfile(path: path, message: "not UTF-8 text")
        }
        try self.init(yaml: text, path: path)
    }

    /// Reads a profile from YAML text; `path` is only used in error messages.
    /// - Throws: ``ImportError/invalidProfile(path:message:cause:)``.
    package init(yaml: String, path: String = "profile") throws {
        if let line = YAMLAliasScan.firstAliasLine(in: yaml) {
            throw ImportError.invalidProfile(
                path: path,
                message: "line \(line): YAML aliases (*name) are not allowed in a profile; write the values out")
        }
        let document: ProfileDocument
        do {
            document = try YAMLDecoder().decode(ProfileDocument.self, from: yaml)
        } catch {
            throw ImportError.invalidProfile(path: path, message: Self.describe(error), cause: error)
        }
        func field(_ name: String) throws -> ReferenceField {
            guard let field = ReferenceField.allCases.first(where: { $0.matchKey == ReferenceField.matchKey(name) })
            else {
                throw ImportError.invalidProfile(
                    path: path, message: "'\(name)' is not a reference field (see docs/formats.md)")
            }
            return field
        }
        var dataset: Dataset?
        if let name = document.dataset {
            guard let parsed = Dataset(name: name) else {
                throw ImportError.invalidProfile(
                    path: path, message: "unknown dataset '\(name)' (missing, cme, ehe, exclusions)")
            }
            dataset = parsed
        }
        var names: [ReferenceField: [String]] = [:]
        for (key, value) in document.fields ?? [:] { names[try field(key), default: []] += value.names }
        var maps: [ReferenceField: [String: String]] = [:]
        for (key, value) in document.values ?? [:] { maps[try field(key), default: [:]].merge(value) { a, _ in a } }
        var patterns: [DatePattern] = []
        for format in document.dateFormats ?? [] {
            guard let pattern = DatePattern(format) else {
                throw ImportError.invalidProfile(
                    path: path, message: "date format '\(format)' has no year, month and day")
            }
            patterns.append(pattern)
        }
        self.init(
            name: document.name ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent,
            dataset: dataset, fieldNames: names, dateFormats: patterns, valueMaps: maps,
            generic: document.generic.map {
                GenericProfileColumns(
                    recordID: $0.recordID, trueEntity: $0.trueEntity, addressParts: $0.addressParts ?? [],
                    streetNumber: $0.streetNumber, addressLine2: $0.addressLine2, region: $0.region)
            })
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        let resolve = { (name: String) in name.hasPrefix("/") ? name : folder.appendingPathComponent(name).path }
        forenameVariantsPath = document.forenameVariants.map(resolve)
        bankHolidaysPath = document.bankHolidays.map(resolve)
    }

    /// The forename-variant groups the profile's `forenameVariants:` file adds (none without one).
    /// - Throws: ``ImportError/unreadableFile(path:)``, or ``ReferenceTableError`` naming the bad line.
    package func addedForenameVariants() throws -> ForenameVariantList {
        guard let path = forenameVariantsPath else { return ForenameVariantList() }
        return try ForenameVariantList(parsing: Self.readTable(path), path: path)
    }

    /// The bank holiday changes the profile's `bankHolidays:` file adds (none without one).
    /// - Throws: ``ImportError/unreadableFile(path:)``, or ``ReferenceTableError`` naming the bad line.
    package func addedBankHolidayChanges() throws -> BankHolidayChanges {
        guard let path = bankHolidaysPath else { return BankHolidayChanges() }
        return try BankHolidayChanges(parsing: Self.readTable(path), path: path)
    }

    private static func readTable(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImportError.unreadableFile(path: path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ReferenceTableError(path: path, line: 1, message: "not UTF-8 text")
        }
        return text
    }

    /// The reference value `text` stands for in `field`, when the profile maps it.
    package func mapValue(_ text: String, of field: ReferenceField) -> String? {
        guard let map = valueMapsByOrdinal[field.ordinal] else { return nil }
        return map[text.lowercased()]
    }

    /// `text` parsed with the first of the profile's date formats that fits.
    package func parseDateTime(_ text: String, field: ReferenceField) -> LocalDateTime? {
        for pattern in dateFormats {
            if let value = pattern.parse(text) { return value }
        }
        return nil
    }

    /// The match keys under which `field` may appear in a file, in order of preference: the
    /// profile's names, then the reference name (so a file already in the reference layout still
    /// reads with the profile).
    func matchKeys(for field: ReferenceField) -> [String] {
        guard let names = fieldNames[field] else { return [field.matchKey] }
        return names.map { ReferenceField.matchKey($0) } + [field.matchKey]
    }

    private static func describe(_ error: any Error) -> String {
        if let decoding = error as? DecodingError {
            switch decoding {
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context),
                .dataCorrupted(let context):
                let path = context.codingPath.map(\.stringValue).joined(separator: ".")
                return (path.isEmpty ? "" : "at '\(path)': ") + context.debugDescription
            @unknown default: break
            }
        }
        return String(describing: error)
    }
}

/// Finds YAML aliases (`*name`) outside quotes and comments. Profiles never need them, and the
/// YAML decoder expands every alias as it goes, so a few lines of nested aliases (a "billion
/// laughs") would keep it busy for hours: such a profile is refused before it is decoded.
enum YAMLAliasScan {
    /// The 1-based line of the first alias, or `nil`.
    static func firstAliasLine(in yaml: String) -> Int? {
        var line = 1
        var quote: Character?
        var inComment = false
        var previous: Character = "\n"
        var escaped = false
        for char in yaml {
            defer { previous = char }
            if char == "\n" || char == "\r" {
                if char == "\n" { line += 1 }
                inComment = false
                continue
            }
            if inComment { continue }
            if let open = quote {
                if escaped {
                    escaped = false
                } else if open == "\"" && char == "\\" {
                    escaped = true
                } else if char == open {
                    quote = nil
                }
                continue
            }
            switch char {
            case "\"",
                "'" where startsToken(previous):
                quote = char
            case "#" where previous == " " || previous == "\t" || previous == "\n": inComment = true
            case "*" where startsToken(previous): return line
            default: break
            }
        }
        return nil
    }

    /// Whether a token may start after `char` (an alias or quoted scalar only starts a token).
    private static func startsToken(_ char: Character) -> Bool {
        char == " " || char == "\t" || char == "\n" || char == "[" || char == "{" || char == "," || char == ":"
            || char == "-"
    }
}

/// The YAML document behind a profile.
private struct ProfileDocument: Decodable {
    var name: String?
    var dataset: String?
    var fields: [String: NameList]?
    var dateFormats: [String]?
    var values: [String: [String: String]]?
    var generic: GenericSection?
    var forenameVariants: String?
    var bankHolidays: String?
}

/// The `generic:` section of a profile.
private struct GenericSection: Decodable {
    var recordID: String?
    var trueEntity: String?
    var addressParts: [String]?
    var streetNumber: String?
    var addressLine2: String?
    var region: String?
}

/// One header name or a list of alternatives.
private struct NameList: Decodable {
    var names: [String]
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let one = try? container.decode(String.self) {
            names = [one]
        } else {
            names = try container.decode([String].self)
        }
    }
}

/// A date or date-time format such as `yyyy-MM-dd HH:mm:ss`, `dd/MM/yyyy` or `yyyy-MMM-dd HH:mm:ss`.
///
/// Tokens: `yyyy`, `MM`/`M` (number), `MMM` (`Jan`), `MMMM` (`January`), `dd`/`d`, `HH`/`H`, `mm`,
/// `ss`, `SSS` (fractions, ignored); anything else must appear literally. Seconds are ignored.
package struct DatePattern: Sendable, Hashable, CustomStringConvertible {
    enum Token: Hashable, Sendable {
        case year, month, monthName, day, hour, minute, second, fraction
        case literal(Character)
    }

    let tokens: [Token]
    /// The format as written.
    package let description: String

    /// Compiles a format; `nil` unless it has a year, a month and a day.
    package init?(_ format: String) {
        var tokens: [Token] = []
        let chars = Array(format)
        var index = 0
        while index < chars.count {
            let char = chars[index]
            var run = 1
            while index + run < chars.count, chars[index + run] == char { run += 1 }
            switch char {
            case "y": tokens.append(.year)
            case "M": tokens.append(run >= 3 ? .monthName : .month)
            case "d": tokens.append(.day)
            case "H", "h": tokens.append(.hour)
            case "m": tokens.append(.minute)
            case "s": tokens.append(.second)
            case "S": tokens.append(.fraction)
            default: tokens.append(contentsOf: Array(repeating: Token.literal(char), count: run))
            }
            index += run
        }
        let hasMonth = tokens.contains(.month) || tokens.contains(.monthName)
        guard tokens.contains(.year), hasMonth, tokens.contains(.day) else { return nil }
        self.tokens = tokens
        self.description = format
    }

    static let monthNames = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]

    static let fullMonthNames = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]

    /// The month (1–12) a word names: its three-letter abbreviation, its full name, or `Sept`;
    /// `nil` for any other word (`Junk` is not June).
    static func month(named word: String) -> Int? {
        let lower = word.lowercased()
        if let index = monthNames.firstIndex(of: lower) ?? fullMonthNames.firstIndex(of: lower) { return index + 1 }
        return lower == "sept" ? 9 : nil
    }

    /// Parses `text`; `nil` unless the whole text fits the format and is a real date and time.
    package func parse(_ text: String) -> LocalDateTime? {
        let chars = Array(text.trimmingCharacters())
        var index = 0
        var year = 0
        var month = 0
        var day = 0
        var hour = 0
        var minute = 0
        func number(maxDigits: Int) -> Int? {
            var value = 0
            var digits = 0
            while index < chars.count, digits < maxDigits, let digit = chars[index].wholeNumberValue,
                chars[index].isASCII
            {
                value = value * 10 + digit
                digits += 1
                index += 1
            }
            return digits == 0 ? nil : value
        }
        for token in tokens {
            switch token {
            case .year:
                guard let value = number(maxDigits: 4), value >= 1000 else { return nil }
                year = value
            case .month:
                guard let value = number(maxDigits: 2) else { return nil }
                month = value
            case .day:
                guard let value = number(maxDigits: 2) else { return nil }
                day = value
            case .hour:
                guard let value = number(maxDigits: 2) else { return nil }
                hour = value
            case .minute:
                guard let value = number(maxDigits: 2) else { return nil }
                minute = value
            case .second: guard number(maxDigits: 2) != nil else { return nil }
            case .fraction: guard number(maxDigits: 9) != nil else { return nil }
            case .monthName:
                var letters = ""
                while index < chars.count, chars[index].isLetter {
                    letters.append(chars[index])
                    index += 1
                }
                guard let found = Self.month(named: letters) else { return nil }
                month = found
            case .literal(let char):
                guard index < chars.count, chars[index] == char else { return nil }
                index += 1
            }
        }
        guard index == chars.count, let date = CalendarDate(year: year, month: month, day: day) else { return nil }
        return LocalDateTime(date: date, hour: hour, minute: minute)
    }
}

import Foundation

/// A problem that stops one input file (or a profile) from being read at all: the import module's
/// one error type, in the shape of swift-nio's `FileSystemError`. It carries a ``code`` to branch
/// on, the ``message`` the analyst reads, the underlying ``cause`` when there is one, and where:
/// the path, and the line, column or field. Never personal data.
///
/// Make one with the static function named for its code, e.g. ``unreadableFile(path:cause:)``.
package struct ImportError: Error, LocalizedError, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, as a value to branch on.
    package struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate enum Value: String, Sendable {
            case unreadableFile
            case unterminatedQuote
            case emptyFile
            case missingColumn
            case unrecognisedLayout
            case datasetMismatch
            case malformedXML
            case xmlDoctypeRefused
            case invalidProfile
            case noSuchPath
            case duplicateColumn
            case nulBytes
            case recordTooLong
            case nestedRecords
            case tabSeparatedBelowTitle
            case semicolonSeparated
            case invalidPersonCSV
            case invalidCouncilFile
        }

        fileprivate let value: Value

        /// The code's name, e.g. `unreadableFile`.
        package var description: String { value.rawValue }

        /// The file does not exist or cannot be opened.
        package static let unreadableFile = Code(value: .unreadableFile)
        /// A quoted CSV field opened on `line` is never closed.
        package static let unterminatedQuote = Code(value: .unterminatedQuote)
        /// The file has no header row.
        package static let emptyFile = Code(value: .emptyFile)
        /// The header row lacks a column the dataset requires.
        package static let missingColumn = Code(value: .missingColumn)
        /// The layout could not be recognised from the header row or root element.
        package static let unrecognisedLayout = Code(value: .unrecognisedLayout)
        /// The file is not the dataset the `--dataset` flag or the profile claims.
        package static let datasetMismatch = Code(value: .datasetMismatch)
        /// The XML is not well formed.
        package static let malformedXML = Code(value: .malformedXML)
        /// The XML declares a DTD (DOCTYPE) or entities, which ChildLink refuses.
        package static let xmlDoctypeRefused = Code(value: .xmlDoctypeRefused)
        /// A mapping profile could not be read.
        package static let invalidProfile = Code(value: .invalidProfile)
        /// A folder or path given on the command line does not exist.
        package static let noSuchPath = Code(value: .noSuchPath)
        /// The header row names one field in more than one column (1-based positions), so which one
        /// holds the value cannot be known.
        package static let duplicateColumn = Code(value: .duplicateColumn)
        /// The header row holds NUL bytes: a damaged file, or UTF-16 without a byte-order mark.
        package static let nulBytes = Code(value: .nulBytes)
        /// A CSV record starting on `line` runs past `limit` bytes without ending: not a text extract.
        package static let recordTooLong = Code(value: .recordTooLong)
        /// The element on `line`, read as a record, holds the id field more than once: it wraps the
        /// records rather than being one.
        package static let nestedRecords = Code(value: .nestedRecords)
        /// The header row on `line` is separated by tabs, but a title line above it is not, so the
        /// file was read as comma separated.
        package static let tabSeparatedBelowTitle = Code(value: .tabSeparatedBelowTitle)
        /// The header row on `line` is separated by semicolons, not commas.
        package static let semicolonSeparated = Code(value: .semicolonSeparated)
        /// A generic person CSV (`link --generic`) cannot be read on `line`: no record id column, an
        /// empty or repeated record id, or a column its mapping profile names is missing.
        package static let invalidPersonCSV = Code(value: .invalidPersonCSV)
        /// A council's scorecard file (targets, commentary, benchmarks) is wrong on `line`, in the
        /// field ``ImportError/detail`` names: an unknown indicator, a bad number, a duplicate key.
        package static let invalidCouncilFile = Code(value: .invalidCouncilFile)
    }

    /// What went wrong.
    package var code: Code
    /// The message the analyst reads, starting with `path:line:` where the line is known.
    package var message: String
    /// The error underneath (an I/O or decoding error), when there is one. Not part of ``message``.
    package var cause: (any Error)?
    /// The file (or folder, or profile) concerned.
    package var path: String
    /// The 1-based line concerned, when one is.
    package var line: Int?
    /// The 1-based column concerned (XML), when one is.
    package var column: Int?
    /// The case-specific part of the message: the column or element named, the layout found, the
    /// parser's or profile's complaint.
    package var detail: String?

    /// An error with every part given.
    package init(
        code: Code, message: String, path: String, line: Int? = nil, column: Int? = nil, detail: String? = nil,
        cause: (any Error)? = nil
    ) {
        self.code = code
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.detail = detail
        self.cause = cause
    }

    /// The message.
    package var errorDescription: String? { message }

    /// The message.
    package var description: String { message }

    /// Equal when everything but the cause is equal (an underlying error need not be comparable).
    package static func == (lhs: ImportError, rhs: ImportError) -> Bool {
        lhs.code == rhs.code && lhs.message == rhs.message && lhs.path == rhs.path && lhs.line == rhs.line
            && lhs.column == rhs.column && lhs.detail == rhs.detail
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(message)
        hasher.combine(path)
        hasher.combine(line)
        hasher.combine(column)
        hasher.combine(detail)
    }
}

extension ImportError {
    /// The file does not exist or cannot be opened (`cause`: the underlying error, when there is one).
    package static func unreadableFile(path: String, cause: (any Error)? = nil) -> ImportError {
        ImportError(
            code: .unreadableFile, message: "\(path): cannot open the file for reading", path: path, cause: cause)
    }

    /// A quoted CSV field opened on `line` is never closed.
    package static func unterminatedQuote(path: String, line: Int) -> ImportError {
        ImportError(
            code: .unterminatedQuote,
            message:
                "\(path):\(line): a quoted field opened on this line is never closed (check for a stray \" character)",
            path: path, line: line)
    }

    /// The file has no header row.
    package static func emptyFile(path: String) -> ImportError {
        ImportError(
            code: .emptyFile, message: "\(path): the file is empty (no header row)", path: path)
    }

    /// The header row lacks a column the dataset requires.
    package static func missingColumn(path: String, column: String, dataset: String) -> ImportError {
        ImportError(
            code: .missingColumn,
            message: "\(path):1: the \(dataset) layout needs a '\(column)' column, and the header row has none",
            path: path, line: 1, detail: column)
    }

    /// The layout could not be recognised from the header row or root element.
    package static func unrecognisedLayout(path: String, detail: String) -> ImportError {
        ImportError(
            code: .unrecognisedLayout,
            message: "\(path): not a layout ChildLink knows: \(detail); use --dataset or a mapping profile", path: path,
            detail: detail)
    }

    /// The file is not the dataset the `--dataset` flag or the profile claims.
    package static func datasetMismatch(path: String, expected: String, found: String) -> ImportError {
        ImportError(
            code: .datasetMismatch, message: "\(path): expected \(expected), but this file looks like \(found)",
            path: path, detail: found)
    }

    /// The XML is not well formed (`message`: the parser's).
    package static func malformedXML(path: String, line: Int, column: Int, message: String) -> ImportError {
        ImportError(
            code: .malformedXML, message: "\(path):\(line):\(column): malformed XML: \(message)", path: path,
            line: line, column: column, detail: message)
    }

    /// The XML declares a DTD (DOCTYPE) or entities, which ChildLink refuses.
    package static func xmlDoctypeRefused(path: String, line: Int) -> ImportError {
        ImportError(
            code: .xmlDoctypeRefused,
            message:
                "\(path):\(line): refused: the document declares a DTD (<!DOCTYPE>); ChildLink reads no DTDs or entity declarations, for safety (external entities, entity expansion)",
            path: path, line: line)
    }

    /// A mapping profile could not be read (`cause`: the decoding error, when there is one).
    package static func invalidProfile(path: String, message: String, cause: (any Error)? = nil) -> ImportError {
        ImportError(
            code: .invalidProfile, message: "\(path): invalid mapping profile: \(message)", path: path, detail: message,
            cause: cause)
    }

    /// A council's scorecard file is wrong on `line`, in `field` (`missing.5.3a.target`).
    package static func invalidCouncilFile(path: String, line: Int, field: String, problem: String) -> ImportError {
        ImportError(
            code: .invalidCouncilFile, message: "\(path):\(line): \(field.isEmpty ? "" : "'\(field)': ")\(problem)",
            path: path, line: line, detail: field)
    }

    /// A folder or path given on the command line does not exist.
    package static func noSuchPath(path: String) -> ImportError {
        ImportError(
            code: .noSuchPath, message: "\(path): no such file or folder", path: path)
    }

    /// The header row names one field in more than one column (1-based positions), so which one
    /// holds the value cannot be known.
    package static func duplicateColumn(path: String, column: String, positions: [Int]) -> ImportError {
        ImportError(
            code: .duplicateColumn,
            message:
                "\(path):1: the header row has '\(column)' in columns \(positions.map(String.init).joined(separator: " and ")); keep one",
            path: path, line: 1, detail: column)
    }

    /// The header row holds NUL bytes: a damaged file, or UTF-16 without a byte-order mark.
    package static func nulBytes(path: String, line: Int) -> ImportError {
        ImportError(
            code: .nulBytes,
            message:
                "\(path):\(line): the header row holds NUL bytes: a damaged file, or UTF-16 without a byte-order mark (save it as CSV UTF-8)",
            path: path, line: line)
    }

    /// A CSV record starting on `line` runs past `limit` bytes without ending: not a text extract.
    package static func recordTooLong(path: String, line: Int, limit: Int) -> ImportError {
        ImportError(
            code: .recordTooLong,
            message:
                "\(path):\(line): a record starting here runs past \(limit >> 20) MiB without a line break; this is not a CSV extract",
            path: path, line: line)
    }

    /// The element on `line`, read as a record, holds the id field more than once: it wraps the
    /// records rather than being one.
    package static func nestedRecords(path: String, line: Int, element: String, idField: String) -> ImportError {
        ImportError(
            code: .nestedRecords,
            message:
                "\(path):\(line): <\(element)> holds several \(idField) elements: the records are wrapped in it, one level deeper than the layout; put each record directly under the root element",
            path: path, line: line, detail: element)
    }

    /// The header row on `line` is separated by tabs, but a title line above it is not, so the
    /// file was read as comma separated.
    package static func tabSeparatedBelowTitle(path: String, line: Int) -> ImportError {
        ImportError(
            code: .tabSeparatedBelowTitle,
            message:
                "\(path):\(line): the header row is separated by tabs, but the line above it is not, so the file reads as comma separated; remove the title lines above the header",
            path: path, line: line)
    }

    /// The header row on `line` is separated by semicolons, not commas.
    package static func semicolonSeparated(path: String, line: Int) -> ImportError {
        ImportError(
            code: .semicolonSeparated,
            message:
                "\(path):\(line): the header row is separated by semicolons, not commas (Excel in a locale with decimal commas); save the extract as \"CSV (Comma delimited)\" or \"CSV UTF-8\"",
            path: path, line: line)
    }

    /// A generic person CSV (`link --generic`) cannot be read on `line`: no record id column, an
    /// empty or repeated record id, or a column its mapping profile names is missing.
    package static func invalidPersonCSV(path: String, line: Int, reason: String) -> ImportError {
        ImportError(
            code: .invalidPersonCSV, message: "\(path):\(line): \(reason)", path: path, line: line,
            detail: reason)
    }
}

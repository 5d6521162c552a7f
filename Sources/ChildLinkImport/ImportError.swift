public import Foundation

/// A problem that stops one input file (or a profile) from being read at all. Each case carries
/// what the analyst needs to act: the path, and the line, column or field. Never personal data.
public enum ImportError: Error, LocalizedError, Hashable, Sendable {
    /// The file does not exist or cannot be opened.
    case unreadableFile(path: String)
    /// A quoted CSV field opened on `line` is never closed.
    case unterminatedQuote(path: String, line: Int)
    /// The file has no header row.
    case emptyFile(path: String)
    /// The header row lacks a column the dataset requires.
    case missingColumn(path: String, column: String, dataset: String)
    /// The layout could not be recognised from the header row or root element.
    case unrecognisedLayout(path: String, detail: String)
    /// The file is not the dataset the `--dataset` flag or the profile claims.
    case datasetMismatch(path: String, expected: String, found: String)
    /// The XML is not well formed.
    case malformedXML(path: String, line: Int, column: Int, message: String)
    /// The XML declares a DTD (DOCTYPE) or entities, which ChildLink refuses.
    case xmlDoctypeRefused(path: String, line: Int)
    /// A mapping profile could not be read.
    case invalidProfile(path: String, message: String)
    /// A folder or path given on the command line does not exist.
    case noSuchPath(path: String)
    /// The header row names one field in more than one column (1-based positions), so which one
    /// holds the value cannot be known.
    case duplicateColumn(path: String, column: String, positions: [Int])
    /// The header row holds NUL bytes: a damaged file, or UTF-16 without a byte-order mark.
    case nulBytes(path: String, line: Int)
    /// A CSV record starting on `line` runs past `limit` bytes without ending: not a text extract.
    case recordTooLong(path: String, line: Int, limit: Int)
    /// The element on `line`, read as a record, holds the id field more than once: it wraps the
    /// records rather than being one.
    case nestedRecords(path: String, line: Int, element: String, idField: String)
    /// The header row on `line` is separated by tabs, but a title line above it is not, so the
    /// file was read as comma separated.
    case tabSeparatedBelowTitle(path: String, line: Int)
    /// The header row on `line` is separated by semicolons, not commas.
    case semicolonSeparated(path: String, line: Int)

    public var errorDescription: String? {
        switch self {
        case .unreadableFile(let path):
            "\(path): cannot open the file for reading"
        case .unterminatedQuote(let path, let line):
            "\(path):\(line): a quoted field opened on this line is never closed (check for a stray \" character)"
        case .emptyFile(let path):
            "\(path): the file is empty (no header row)"
        case .missingColumn(let path, let column, let dataset):
            "\(path):1: the \(dataset) layout needs a '\(column)' column, and the header row has none"
        case .unrecognisedLayout(let path, let detail):
            "\(path): not a layout ChildLink knows: \(detail); use --dataset or a mapping profile"
        case .datasetMismatch(let path, let expected, let found):
            "\(path): expected \(expected), but this file looks like \(found)"
        case .malformedXML(let path, let line, let column, let message):
            "\(path):\(line):\(column): malformed XML: \(message)"
        case .xmlDoctypeRefused(let path, let line):
            "\(path):\(line): refused: the document declares a DTD (<!DOCTYPE>); ChildLink reads no DTDs or entity declarations, for safety (external entities, entity expansion)"
        case .invalidProfile(let path, let message):
            "\(path): invalid mapping profile: \(message)"
        case .noSuchPath(let path):
            "\(path): no such file or folder"
        case .duplicateColumn(let path, let column, let positions):
            "\(path):1: the header row has '\(column)' in columns \(positions.map(String.init).joined(separator: " and ")); keep one"
        case .recordTooLong(let path, let line, let limit):
            "\(path):\(line): a record starting here runs past \(limit >> 20) MiB without a line break; this is not a CSV extract"
        case .nestedRecords(let path, let line, let element, let idField):
            "\(path):\(line): <\(element)> holds several \(idField) elements: the records are wrapped in it, one level deeper than the layout; put each record directly under the root element"
        case .tabSeparatedBelowTitle(let path, let line):
            "\(path):\(line): the header row is separated by tabs, but the line above it is not, so the file reads as comma separated; remove the title lines above the header"
        case .semicolonSeparated(let path, let line):
            "\(path):\(line): the header row is separated by semicolons, not commas (Excel in a locale with decimal commas); save the extract as \"CSV (Comma delimited)\" or \"CSV UTF-8\""
        case .nulBytes(let path, let line):
            "\(path):\(line): the header row holds NUL bytes: a damaged file, or UTF-16 without a byte-order mark (save it as CSV UTF-8)"
        }
    }
}

import ChildLinkModel
import ChildLinkReports
public import Foundation

/// Writes output files the way every ChildLink output is written: to a temporary name beside the
/// target with permissions 0600, flushed, then renamed into place (`PrivateOutputFile` in
/// ChildLinkReports does the work, so the rule that protects children's data lives in one place). A reader never sees
/// half a file and a failed run leaves the previous output intact.
enum AtomicFile {
    /// Writes `text` as UTF-8.
    ///
    /// - Throws: ``OutputError/cannotWrite(path:reason:)``.
    static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    /// Writes `data`.
    ///
    /// - Throws: ``OutputError/cannotWrite(path:reason:)``.
    static func write(_ data: Data, to path: String) throws {
        try OutputError.converting { try ReportWriter.writeAtomically(data, to: path) }
    }
}

/// A problem writing an output file.
public enum OutputError: Error, LocalizedError, Equatable {
    /// The file could not be written; earlier output at that path is left as it was.
    case cannotWrite(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .cannotWrite(let path, let reason):
            "\(path): cannot write: \(reason) (any earlier file there is unchanged)"
        }
    }

    /// Runs `body`, turning the report writer's error into this one (same path and reason).
    static func converting<T: ~Copyable>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch ReportWriteError.cannotWrite(let path, let reason) {
            throw OutputError.cannotWrite(path: path, reason: reason)
        }
    }
}

/// The CSV fields ChildLink writes: RFC 4180 quoting and formula defusing, see ``CSVField``.
enum CSV {
    /// The field, quoted when needed and never runnable as a spreadsheet formula.
    static func escape(_ field: String) -> String { CSVField.encode(field) }
}

import ChildLinkModel
public import Foundation

/// Writes output files the way every ChildLink output is written: to a temporary name beside the
/// target with permissions 0600, then renamed into place, so a reader never sees half a file, a
/// failed run leaves the previous output intact, and no one but the owner can read a child's data.
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
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp").path
        guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600])
        else { throw OutputError.cannotWrite(path: path, reason: "cannot create a file in its folder") }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw OutputError.cannotWrite(path: path, reason: reason)
        }
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
}

/// The CSV fields ChildLink writes: RFC 4180 quoting and formula defusing, see ``CSVField``.
enum CSV {
    /// The field, quoted when needed and never runnable as a spreadsheet formula.
    static func escape(_ field: String) -> String { CSVField.encode(field) }
}

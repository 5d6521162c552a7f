public import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The output formats a report can be written in.
public enum ReportFormat: String, Sendable, CaseIterable, Hashable {
    /// One self-contained HTML page.
    case html
    /// One workbook, a sheet per table.
    case xlsx
    /// One CSV file per table.
    case csv
    /// One JSON document.
    case json
}

/// The files a report run wrote.
public struct WrittenReport: Sendable, Hashable {
    /// The report that was written.
    public let report: Report
    /// The paths written, sorted.
    public let files: [String]

    /// Creates the result.
    public init(report: Report, files: [String]) {
        self.report = report
        self.files = files.sorted()
    }
}

/// Why a report could not be written.
public enum ReportWriteError: Error, LocalizedError, Equatable {
    /// The output folder could not be created or written.
    case cannotWrite(path: String, reason: String)

    /// A message that names the path.
    public var errorDescription: String? {
        switch self {
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        }
    }
}

/// Writes a report in the requested formats into a folder, each file atomically (a temporary file
/// in the same folder, then a rename) and readable by its owner only (0600).
public struct ReportWriter: Sendable {
    /// The output folder.
    public let directory: String

    /// Creates a writer for `directory` (created when absent, 0700).
    public init(directory: String) { self.directory = directory }

    /// Writes the report in each format; returns the paths.
    /// - Throws: ``ReportWriteError`` when a file cannot be written.
    public func write(_ report: Report, formats: [ReportFormat]) throws -> WrittenReport {
        try createDirectory()
        var files: [String] = []
        for format in Set(formats).sorted(by: { $0.rawValue < $1.rawValue }) {
            for (name, data) in try contents(report, format: format) {
                let path = (directory as NSString).appendingPathComponent(Self.safeFileName(name))
                try Self.writeAtomically(data, to: path)
                files.append(path)
            }
        }
        return WrittenReport(report: report, files: files)
    }

    /// The file names and bytes for one format.
    /// - Throws: when the XLSX archive cannot be built.
    public func contents(_ report: Report, format: ReportFormat) throws -> [(String, Data)] {
        switch format {
        case .html: return [("\(report.slug).html", Data(HTMLRenderer.render(report).utf8))]
        case .json: return [("\(report.slug).json", Data(JSONRenderer.render(report).utf8))]
        case .xlsx: return [("\(report.slug).xlsx", try XLSXRenderer.render(report))]
        case .csv:
            return report.tables.map { ("\(report.slug)-\($0.id).csv", Data(CSVRenderer.render($0).utf8)) }
        }
    }

    /// `name` with path separators and other characters awkward in file names replaced by `-`.
    static func safeFileName(_ name: String) -> String {
        String(name.map { "/\\:*?\"<>|".contains($0) || $0.isNewline ? "-" : $0 })
    }

    private func createDirectory() throws {
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ReportWriteError.cannotWrite(path: directory, reason: "cannot create the folder")
        }
    }

    /// Writes `data` to a temporary file created with mode 0600 beside `path`, then renames it;
    /// first removes the temporary files killed runs left in that folder (see ``StaleTemporaryFiles``).
    /// - Throws: ``ReportWriteError/cannotWrite(path:reason:)``.
    public static func writeAtomically(_ data: Data, to path: String) throws {
        var file = try PrivateOutputFile(path: path)
        data.withUnsafeBytes { file.write($0) }
        try file.commit()
    }
}

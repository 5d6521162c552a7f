import ChildLinkFiles
package import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The output formats a report can be written in.
package enum ReportFormat: String, Sendable, CaseIterable, Hashable {
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
package struct WrittenReport: Sendable, Hashable {
    /// The report that was written.
    package let report: Report
    /// The paths written, sorted.
    package let files: [String]

    /// Creates the result.
    package init(report: Report, files: [String]) {
        self.report = report
        self.files = files.sorted()
    }
}

/// Why a report could not be written, in the shape of swift-nio's `FileSystemError`: what kind of
/// failure (``code``), a message for the user and the underlying cause.
package struct ReportWriteError: Error, LocalizedError, CustomStringConvertible {
    /// The kind of failure.
    package enum Code: String, Hashable, Sendable {
        /// The folder or a file could not be written (the cause is a `FileWriteError`).
        case cannotWrite
        /// The workbook could not be built (the cause is the archive's error).
        case cannotBuildWorkbook
    }

    /// The kind of failure.
    package let code: Code
    /// What went wrong and where, for the user.
    package let message: String
    /// The underlying error.
    package let cause: (any Error)?

    /// Creates the error.
    package init(code: Code, message: String, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    /// A file or folder that could not be written; the message is the file error's.
    init(_ fileError: FileWriteError) {
        self.init(code: .cannotWrite, message: fileError.description, cause: fileError)
    }

    /// The message shown to the user.
    package var description: String { message }

    /// The same as ``description``.
    package var errorDescription: String? { message }
}

/// Writes a report in the requested formats into a folder, each file atomically (a temporary file
/// in the same folder, then a rename) and readable by its owner only (0600).
package struct ReportWriter: Sendable {
    /// The output folder.
    package let directory: String

    /// Creates a writer for `directory` (created when absent, 0700).
    package init(directory: String) { self.directory = directory }

    /// Writes the report in each format, each file as a ``ChildLinkFiles/PrivateOutputFile``;
    /// returns the paths.
    /// - Throws: ``ReportWriteError`` when the folder or a file cannot be written or the workbook
    ///   cannot be built.
    ///
    /// All or nothing: every file is first written and synced into a staging folder inside
    /// ``directory`` (`.childlink-staging-PID`, 0700); only when all are there are they renamed into
    /// place, one rename each, and the staging folder removed. A failure while writing (a full
    /// disk, a file that cannot be created) leaves every earlier file of the set exactly as it was;
    /// a run killed while writing leaves only its staging folder, which the next write removes.
    package func write(_ report: Report, formats: [ReportFormat]) throws(ReportWriteError) -> WrittenReport {
        var staging: String?
        do {
            try PrivateFolder.create(atPath: directory)
            let folder = try StagingFolder.create(in: directory)
            staging = folder
            var names: [String] = []
            for format in Set(formats).sorted(by: { $0.rawValue < $1.rawValue }) {
                for (name, data) in try contents(report, format: format) {
                    let safeName = Self.safeFileName(name)
                    try PrivateOutputFile.write(data, to: (folder as NSString).appendingPathComponent(safeName))
                    names.append(safeName)
                }
            }
            let files = try StagingFolder.moveAll(names, from: folder, into: directory)
            StagingFolder.remove(folder)
            return WrittenReport(report: report, files: files)
        } catch let error as FileWriteError {
            staging.map(StagingFolder.remove)
            throw ReportWriteError(staging.map { error.placed(from: $0, into: directory) } ?? error)
        } catch let error as ReportWriteError {
            staging.map(StagingFolder.remove)
            throw error
        } catch {
            staging.map(StagingFolder.remove)
            throw ReportWriteError(code: .cannotWrite, message: "\(directory): cannot write", cause: error)
        }
    }

    /// The file names and bytes for one format.
    /// - Throws: ``ReportWriteError`` with code ``ReportWriteError/Code/cannotBuildWorkbook`` when
    ///   the XLSX archive cannot be built.
    package func contents(_ report: Report, format: ReportFormat) throws(ReportWriteError) -> [(String, Data)] {
        switch format {
        case .html: return [("\(report.slug).html", Data(HTMLRenderer.render(report).utf8))]
        case .json: return [("\(report.slug).json", Data(JSONRenderer.render(report).utf8))]
        case .xlsx:
            do {
                return [("\(report.slug).xlsx", try XLSXRenderer.render(report))]
            } catch {
                throw ReportWriteError(
                    code: .cannotBuildWorkbook, message: "cannot build the workbook \(report.slug).xlsx", cause: error)
            }
        case .csv:
            return report.tables.map {
                (Self.csvFileName(report: report, table: $0), Data(CSVRenderer.render($0).utf8))
            }
        }
    }

    /// `name` with path separators and other characters awkward in file names replaced by `-`.
    static func safeFileName(_ name: String) -> String {
        String(name.map { "/\\:*?\"<>|".contains($0) || $0.isNewline ? "-" : $0 })
    }
}

extension ReportWriter {
    /// A table's CSV file: `REPORT-TABLE.csv`, with a number at the end of the table's id written
    /// with two digits (`cme-scorecard-2018Q4-cme-01.csv`), so a folder listing sorts in table order.
    static func csvFileName(report: Report, table: ReportTable) -> String {
        let digits = table.id.reversed().prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count < 2, digits.count < table.id.count else {
            return "\(report.slug)-\(table.id).csv"
        }
        return "\(report.slug)-\(table.id.dropLast(digits.count))0\(String(digits.reversed())).csv"
    }
}

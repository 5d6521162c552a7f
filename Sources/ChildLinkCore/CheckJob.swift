import ChildLinkFiles
package import ChildLinkImport
package import ChildLinkModel
import Foundation
package import Logging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `childlink check`: imports extracts without linking and reports, per file, what it was
/// recognised as, how many records were read, imported and rejected, and how good the identifiers
/// are. Rejected records are written to a rejects CSV.
package struct CheckJob: Sendable {
    /// What to check.
    package struct Options: Sendable {
        /// Files and folders to read.
        package var paths: [String]
        /// The dataset every file must hold (`--dataset`).
        package var dataset: Dataset?
        /// A mapping profile file (`--profile`).
        package var profilePath: String?
        /// Where to write rejects (`--rejects`); default `childlink-rejects.csv` in the current
        /// folder, written only when there are rejects.
        package var rejectsPath: String?
        /// Whether any reject fails the run (`--strict`).
        package var strict: Bool
        /// Whether to list every reject and warning (`--verbose`).
        package var verbose: Bool

        /// Creates options.
        package init(
            paths: [String], dataset: Dataset? = nil, profilePath: String? = nil, rejectsPath: String? = nil,
            strict: Bool = false, verbose: Bool = false
        ) {
            self.paths = paths
            self.dataset = dataset
            self.profilePath = profilePath
            self.rejectsPath = rejectsPath
            self.strict = strict
            self.verbose = verbose
        }
    }

    /// What a check found.
    package struct Outcome: Sendable {
        /// The import itself.
        package var result: ImportResult
        /// The rejects file written, if any.
        package var rejectsFile: String?
        /// The report for the terminal.
        package var report: String
        /// Whether the run failed: a file could not be read, or (with `--strict`) a record was rejected.
        package var failed: Bool
    }

    /// The default rejects file name.
    package static let defaultRejectsFile = "childlink-rejects.csv"

    /// The options.
    package let options: Options
    /// Where progress is logged.
    package let logger: Logger

    /// Creates the job.
    package init(options: Options, logger: Logger = ChildLinkLogging.logger(verbose: false)) {
        self.options = options
        self.logger = logger
    }

    /// Counts each file's records through the CSV or XML reader alone, nothing parsed or built
    /// (`check --count-only`, for `Scripts/bench-import.sh`).
    /// - Throws: `ImportError` when a path does not exist or a file cannot be read.
    package static func countRecords(paths: [String]) throws -> [(path: String, records: Int)] {
        try ExtractReader.expand(paths).map { ($0, try ExtractReader.countRecords(path: $0)) }
    }

    /// Runs the check.
    /// - Throws: `ImportError` for a path that does not exist or an invalid profile; file-level
    ///   problems are in the outcome instead.
    package func run() throws -> Outcome {
        let result = try ImportJob(
            paths: options.paths, dataset: options.dataset, profilePath: options.profilePath, retainRecords: false,
            logger: logger
        ).run()
        var rejectsFile: String?
        if !result.rejects.isEmpty {
            let path = options.rejectsPath ?? Self.defaultRejectsFile
            try RejectsWriter.write(result.rejects, to: path)
            rejectsFile = path
        }
        let failed = result.hasFileErrors || (options.strict && !result.rejects.isEmpty)
        let report = CheckReport(
            result: result, rejectsFile: rejectsFile, strict: options.strict, verbose: options.verbose
        ).text
        return Outcome(result: result, rejectsFile: rejectsFile, report: report, failed: failed)
    }
}

/// Writes rejects as CSV (`file,line,element,field,reason,record_id`), to a temporary file renamed
/// into place, readable by the owner only (0600).
package enum RejectsWriter {
    /// The header row.
    package static let header = "file,line,element,field,reason,record_id"

    /// The CSV text for `rejects`.
    package static func csv(_ rejects: [RejectedRecord]) -> String {
        var lines = [header]
        for reject in rejects {
            let fields = [
                reject.location.file, String(reject.location.line), reject.location.elementPath ?? "",
                reject.field ?? "", reject.reason, reject.recordID ?? "",
            ]
            lines.append(fields.map(CSVField.encode).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Writes the rejects CSV to `path`.
    /// - Throws: `FileWriteError` when it cannot be written.
    package static func write(_ rejects: [RejectedRecord], to path: String) throws {
        try PrivateOutputFile.write(csv(rejects), to: path)
    }

}

/// The terminal report of a check.
struct CheckReport {
    let result: ImportResult
    let rejectsFile: String?
    let strict: Bool
    let verbose: Bool

    var text: String {
        var lines: [String] = []
        let fileWord = result.files.count == 1 ? "file" : "files"
        lines.append("Checked \(result.files.count) \(fileWord).")
        for file in result.files {
            lines.append("")
            lines += fileSection(file)
        }
        lines.append("")
        lines += totals()
        if verbose { lines += details() }
        return lines.joined(separator: "\n")
    }

    private func fileSection(_ file: FileSummary) -> [String] {
        var lines = [file.path]
        if let skipped = file.skipped {
            lines.append("  skipped      not an extract ChildLink knows: \(skipped)")
            return lines
        }
        if let error = file.error {
            lines.append("  error        " + (error.errorDescription ?? "\(error)"))
            if file.recordsRead == 0 { return lines }
        }
        var recognised = file.layout?.description ?? "not recognised"
        if let encoding = file.encoding { recognised += ", \(encoding.rawValue)" }
        lines.append("  recognised   \(recognised)")
        var counts = "\(n(file.recordsRead)) read, \(n(file.imported)) imported"
        if file.duplicates > 0 { counts += ", \(n(file.duplicates)) exact duplicates" }
        counts += ", \(n(file.rejected)) rejected"
        if file.rejected > 0, let rejectsFile { counts += " (see \(rejectsFile))" }
        lines.append("  records      \(counts)")
        let ids = file.identifiers
        if file.imported > 0 {
            var upn = share("UPN", ids.upnValid, ids.upnPresent, file.imported)
            if ids.upnUnknownCodes > 0 {
                upn.insert(contentsOf: ", \(n(ids.upnUnknownCodes)) UN codes", at: upn.index(before: upn.endIndex))
            }
            lines.append("  identifiers  " + upn)
            lines.append("               " + share("NHS number", ids.nhsValid, ids.nhsPresent, file.imported))
            lines.append("               " + share("postcode", ids.postcodeValid, ids.postcodePresent, file.imported))
        }
        if ids.textRepaired > 0 || ids.unknownCharacters > 0 {
            lines.append("  text         " + textRepairs(ids))
        }
        if file.warnings > 0 {
            lines.append(
                "  warnings     \(n(file.warnings)) records kept with an identifier or postcode that is not valid")
        }
        return lines
    }

    /// `12 values garbled by an encoding (compared as repaired), 3 names with ? for a lost letter`.
    private func textRepairs(_ ids: IdentifierQuality) -> String {
        var parts: [String] = []
        if ids.textRepaired > 0 {
            let noun = ids.textRepaired == 1 ? "value" : "values"
            parts.append("\(n(ids.textRepaired)) \(noun) garbled by an encoding (compared as repaired)")
        }
        if ids.unknownCharacters > 0 {
            let noun = ids.unknownCharacters == 1 ? "name" : "names"
            parts.append("\(n(ids.unknownCharacters)) \(noun) with ? for a lost letter (compared as unknown)")
        }
        return parts.joined(separator: ", ")
    }

    private func share(_ name: String, _ valid: Int, _ present: Int, _ total: Int) -> String {
        let label = name.padding(toLength: 11, withPad: " ", startingAt: 0)
        let invalid = present - valid
        let shown = percent(valid, total)
        var text = label + String(repeating: " ", count: max(0, 6 - shown.count)) + shown + " valid  (\(n(valid)) valid"
        if invalid > 0 { text += ", \(n(invalid)) invalid" }
        text += ", \(n(total - present)) absent)"
        return text
    }

    private func totals() -> [String] {
        let read = result.files.reduce(0) { $0 + $1.recordsRead }
        let imported = result.files.reduce(0) { $0 + $1.imported }
        let duplicates = result.files.reduce(0) { $0 + $1.duplicates }
        let rejected = result.files.reduce(0) { $0 + $1.rejected }
        var lines = [
            "Total: \(n(read)) records read, \(n(imported)) imported, \(n(duplicates)) exact duplicates, \(n(rejected)) rejected."
        ]
        if let rejectsFile { lines.append("Rejected records are listed in \(rejectsFile).") }
        let skippedFiles = result.files.filter { $0.skipped != nil }.count
        if skippedFiles > 0 {
            lines.append("\(skippedFiles) of \(result.files.count) files skipped: not extracts ChildLink knows.")
        }
        let failedFiles = result.files.filter { $0.error != nil }.count
        if failedFiles > 0 { lines.append("\(failedFiles) of \(result.files.count) files could not be read in full.") }
        if strict, rejected > 0 { lines.append("--strict: \(n(rejected)) rejected records fail the check.") }
        return lines
    }

    private func details() -> [String] {
        var lines: [String] = []
        if !result.rejects.isEmpty {
            lines.append("")
            lines.append("Rejects:")
            lines += result.rejects.map { "  \($0)" }
        }
        let warnings = result.diagnostics.filter { $0.severity == .warning }
        if !warnings.isEmpty {
            lines.append("")
            lines.append("Warnings:")
            lines += warnings.map { "  \($0)" }
        }
        return lines
    }

    private func percent(_ part: Int, _ whole: Int) -> String {
        guard whole > 0 else { return "–" }
        let value = Double(part) * 100 / Double(whole)
        return String(format: "%.1f%%", value)
    }

    private func n(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (index, char) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(char)
        }
        return out
    }
}

import ChildLinkImport
import ChildLinkMatching
public import ChildLinkModel
public import ChildLinkReports
public import Foundation
public import Logging

/// The weekly Operational Missing Group pack job: linked cohort in, HTML/XLSX/CSV/JSON files out.
public enum WeeklyPackJob {
    /// Builds the pack for `options.weekEnding` from the records and their children, and writes it.
    ///
    /// - Parameters:
    ///   - records: every imported source record.
    ///   - children: the matcher's children (records no child claims count as children of their own).
    ///   - options: week, thresholds and disclosure choices.
    ///   - formats: the formats to write (all four by default).
    ///   - outputDirectory: the folder to write into.
    /// - Throws: ``ReportWriteError`` when a file cannot be written.
    public static func run(
        records: [SourceRecord], children: [LinkedChild], options: WeeklyPackOptions,
        formats: [ReportFormat] = ReportFormat.allCases, outputDirectory: String
    ) throws -> WrittenReport {
        let cohort = Cohort(records: records, children: children)
        let report = WeeklyPackBuilder(options: options).build(cohort: cohort)
        return try ReportWriter(directory: outputDirectory).write(report, formats: formats)
    }
}

/// Why a report request from the command line cannot be run.
public enum ReportRequestError: Error, LocalizedError, Equatable {
    /// A date option is not `dd/MM/yyyy` or `yyyy-MM-dd`.
    case badDate(option: String, value: String)
    /// A period is not `2019-06`, `2018Q4` or `2018/19`.
    case badPeriod(String)
    /// A format is not html, xlsx, csv or json.
    case badFormat(String)
    /// Pseudonymisation was asked for without a key.
    case missingPseudonymKey

    /// What to fix.
    public var errorDescription: String? {
        switch self {
        case .badDate(let option, let value): "\(option): '\(value)' is not a date (use yyyy-MM-dd or dd/MM/yyyy)"
        case .badPeriod(let value): "--period: '\(value)' is not a month (2019-06), quarter (2018Q4) or year (2018/19)"
        case .badFormat(let value): "--format: '\(value)' is not one of html, xlsx, csv, json"
        case .missingPseudonymKey:
            "pseudonymisation needs a key: pass --pseudonym-key or set CHILDLINK_PSEUDONYM_KEY "
                + "(or turn it off with --no-pseudonymise)"
        }
    }
}

/// The disclosure and output choices every report command shares, in command-line terms.
public struct ReportOutputRequest: Sendable {
    /// Extract files or folders to read.
    public var inputs: [String]
    /// The output folder.
    public var outputDirectory: String
    /// `html`, `xlsx`, `csv`, `json`; empty means all four.
    public var formats: [String]
    /// Whether to suppress small counts.
    public var suppress: Bool
    /// Whether to replace names and identifiers with keyed hashes.
    public var pseudonymise: Bool
    /// The pseudonym key (option or `CHILDLINK_PSEUDONYM_KEY`).
    public var pseudonymKey: String?
    /// The production timestamp (`yyyy-MM-ddTHH:mm`); now when absent.
    public var generatedAt: String?
    /// The history store for stable ids (see ``PipelineStore/resolve(explicit:disabled:workingDirectory:)``);
    /// `nil` numbers the children within the run.
    public var storePath: String?
    /// A council's mapping profile (its extract headers, and the forename variants and bank holiday
    /// changes it adds to the built-in ones).
    public var profilePath: String?

    /// Creates a request.
    public init(
        inputs: [String], outputDirectory: String, formats: [String] = [], suppress: Bool, pseudonymise: Bool,
        pseudonymKey: String? = nil, generatedAt: String? = nil, storePath: String? = nil, profilePath: String? = nil
    ) {
        self.storePath = storePath
        self.profilePath = profilePath
        self.inputs = inputs
        self.outputDirectory = outputDirectory
        self.formats = formats
        self.suppress = suppress
        self.pseudonymise = pseudonymise
        self.pseudonymKey = pseudonymKey
        self.generatedAt = generatedAt
    }

    /// The formats, validated.
    /// - Throws: ``ReportRequestError/badFormat(_:)``.
    func resolvedFormats() throws -> [ReportFormat] {
        guard !formats.isEmpty else { return ReportFormat.allCases }
        return try formats.flatMap { $0.split(separator: ",") }.map { text in
            guard let format = ReportFormat(rawValue: text.lowercased()) else {
                throw ReportRequestError.badFormat(String(text))
            }
            return format
        }
    }

    /// The pseudonymiser, when pseudonymisation is on.
    /// - Throws: ``ReportRequestError/missingPseudonymKey``.
    func resolvedPseudonymiser() throws -> Pseudonymiser? {
        guard pseudonymise else { return nil }
        let key = pseudonymKey ?? ProcessInfo.processInfo.environment["CHILDLINK_PSEUDONYM_KEY"]
        guard let key, !key.isEmpty else { throw ReportRequestError.missingPseudonymKey }
        return Pseudonymiser(key: key)
    }

    /// The production timestamp: the one given, or the current local time.
    /// - Throws: ``ReportRequestError/badDate(option:value:)``.
    func resolvedTimestamp() throws -> LocalDateTime {
        if let generatedAt {
            guard let value = LocalDateTime(parsing: generatedAt) else {
                throw ReportRequestError.badDate(option: "--generated-at", value: generatedAt)
            }
            return value
        }
        return .now()
    }
}

extension LocalDateTime {
    /// The local date and time now, to the minute: when a report or footprint was made.
    static func now() -> LocalDateTime {
        let now = Date()
        let seconds = Int(now.timeIntervalSince1970) + TimeZone.current.secondsFromGMT(for: now)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let minute = (seconds - days * 86_400) / 60
        return LocalDateTime(date: CalendarDate(daysSinceEpoch: days), hour: minute / 60, minute: minute % 60)!
    }
}

/// Reads the extracts and links them through the shared ``Pipeline``: the report commands' loader.
public enum LinkedCohortLoader {
    /// Reads every extract under `inputs` and links the records into children, for `command`
    /// (`weekly`, `scorecard`, `overlap`). With `storePath`, the run is recorded in the store and
    /// the children carry their stable ChildLink ids (an unchanged week reuses the latest run's
    /// linkage: see ``Pipeline/cohort(_:logger:)``); without, they are numbered within the run.
    /// - Throws: `ImportError` for a path that does not exist or a file that cannot be read;
    ///   `StoreError` for a store that cannot be written.
    public static func load(
        inputs: [String], command: String, storePath: String? = nil, profilePath: String? = nil, logger: Logger
    ) throws -> (records: [SourceRecord], children: [LinkedChild]) {
        try Pipeline.cohort(
            PipelineRequest(inputs: inputs, storePath: storePath, command: command, profilePath: profilePath),
            logger: logger)
    }
}

/// What the report jobs log: counts, tables and paths, never personal data.
enum ReportRunLog {
    static func written(_ written: WrittenReport, logger: Logger) {
        logger.info(
            "report written",
            metadata: [
                "report": "\(written.report.slug)", "tables": "\(written.report.tables.count)",
                "rows": "\(written.report.tables.reduce(0) { $0 + $1.rows.count })", "files": "\(written.files.count)",
            ])
        for file in written.files { logger.debug("wrote \(file)") }
    }
}

extension WeeklyPackJob {
    /// Runs the weekly pack from command-line terms: reads and links the extracts, then writes;
    /// returns the paths written.
    /// - Throws: ``ReportRequestError`` for bad options, the loader's and writer's errors.
    public static func run(
        output: ReportOutputRequest, weekEnding: String, longEpisodeHours: Int = 24, repeatEpisodes: Int = 3,
        repeatWindowDays: Int = 30, logger: Logger = ChildLinkLogging.logger(verbose: false)
    ) throws -> [String] {
        guard let week = CalendarDate(parsing: weekEnding) else {
            throw ReportRequestError.badDate(option: "--week-ending", value: weekEnding)
        }
        let options = WeeklyPackOptions(
            weekEnding: week, longEpisodeHours: longEpisodeHours, repeatEpisodes: repeatEpisodes,
            repeatWindowDays: repeatWindowDays, pseudonymiser: try output.resolvedPseudonymiser(),
            generatedAt: try output.resolvedTimestamp(),
            calendar: try CouncilReferenceTables(profilePath: output.profilePath).calendar)
        let formats = try output.resolvedFormats()
        let (records, children) = try LinkedCohortLoader.load(
            inputs: output.inputs, command: "weekly", storePath: output.storePath, profilePath: output.profilePath,
            logger: logger)
        let written = try run(
            records: records, children: children, options: options, formats: formats,
            outputDirectory: output.outputDirectory)
        ReportRunLog.written(written, logger: logger)
        return written.files
    }
}

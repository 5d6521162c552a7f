package import ChildLinkImport
import ChildLinkMatching
package import ChildLinkModel
package import ChildLinkReports
package import Foundation
package import Logging

/// The reports `weekly`, `scorecard` and `overlap` make, each with what only it needs.
package enum ReportKind: Sendable {
    /// The weekly Operational Missing Group pack (``WeeklyPackOptions/pseudonymiser`` and
    /// ``WeeklyPackOptions/generatedAt`` are taken from the request).
    case weekly(WeeklyPackOptions)
    /// A scorecard for a period (exclusions by academic year unless `exclusionsBasis` says otherwise);
    /// the council's targets, commentary and benchmarks come from ``ReportRequest/scorecardFiles``.
    case scorecard(ScorecardKind, period: ReportingPeriod, exclusionsBasis: ExclusionYearBasis = .academic)
    /// The children in each combination of the four strands in a period.
    case overlap(period: ReportingPeriod)

    /// The command, for logs and the store's run note.
    var command: String {
        switch self {
        case .weekly: "weekly"
        case .scorecard: "scorecard"
        case .overlap: "overlap"
        }
    }

    /// The days the report covers, and how to name them to a person.
    var window: (days: DayRange, name: String, option: String) {
        switch self {
        case .weekly(let options):
            (options.window, "The week \(options.window.start.uk) to \(options.window.end.uk)", "--week-ending")
        case .scorecard(let kind, let period, let basis):
            Self.window(of: period, academic: kind == .ehe || (kind == .exclusions && basis == .academic))
        case .overlap(let period):
            Self.window(of: period, academic: false)
        }
    }

    /// A period's days (a year read as the academic year when `academic`), named for a person.
    private static func window(of period: ReportingPeriod, academic: Bool) -> (
        days: DayRange, name: String, option: String
    ) {
        var days = period.interval
        if academic, case .year(let startYear) = period { days = ReportingPeriod.academicYear(startYear: startYear) }
        return (days, "The period \(period) (\(days.start.uk) to \(days.end.uk))", "--period")
    }

    /// The report model of `cohort`.
    func build(
        cohort: Cohort, disclosure: DisclosureOptions, generatedAt: LocalDateTime, tables: CouncilReferenceTables,
        coverage: DataCoverage
    ) -> Report {
        let calendar = tables.calendar
        switch self {
        case .weekly(var options):
            options.dataEnd = coverage.ranges[.missing]?.end
            options.pseudonymiser = disclosure.pseudonymiser
            options.generatedAt = generatedAt
            options.calendar = calendar
            return WeeklyPackBuilder(options: options).build(cohort: cohort)
        case .scorecard(let kind, let period, let basis):
            return ScorecardJob.build(
                kind: kind, cohort: cohort, period: period, disclosure: disclosure, generatedAt: generatedAt,
                calendar: calendar, exclusionsBasis: basis, context: tables.scorecardContext)
        case .overlap(let period):
            return InclusionScorecard.overlapReport(
                cohort: cohort, period: period, disclosure: disclosure, generatedAt: generatedAt)
        }
    }
}

/// What every report command shares: where the extracts are, where the report goes, in which
/// formats, with which disclosure control, and the store the run is recorded in. Every value is
/// typed: the command line has parsed them.
package struct ReportRequest: Sendable {
    /// Extract files or folders to read.
    package var inputs: [String]
    /// The output folder.
    package var outputDirectory: String
    /// The formats to write, in this order.
    package var formats: [ReportFormat]
    /// Small-number suppression, and the pseudonymiser (holding the key) when names and
    /// identifiers are to be replaced by keyed hashes.
    package var disclosure: DisclosureOptions
    /// The production timestamp printed on the report; the current local time when absent.
    package var generatedAt: LocalDateTime?
    /// The history store for stable ids (see ``PipelineStore/resolve(explicit:disabled:workingDirectory:)``);
    /// `nil` numbers the children within the run.
    package var storePath: String?
    /// How long to wait for another run on the same store to finish.
    package var storeWait: Duration
    /// A council's mapping profile: its extract headers, and the forename variants and bank holiday
    /// changes it adds to the built-in ones.
    package var profilePath: String?
    /// Fail, writing nothing, when a reviewer decision puts two valid UPNs or NHS numbers into one
    /// child (`weekly --strict`); a warning on standard error otherwise.
    package var strict = false
    /// The council's scorecard files (targets, commentary, benchmarks); read before any extract,
    /// so a bad one stops the run before anything is written.
    package var scorecardFiles = ScorecardContextFiles()

    /// Creates a request.
    package init(
        inputs: [String], outputDirectory: String, formats: [ReportFormat] = ReportFormat.allCases,
        disclosure: DisclosureOptions, generatedAt: LocalDateTime? = nil, storePath: String? = nil,
        storeWait: Duration = PipelineRequest.defaultStoreWait, profilePath: String? = nil
    ) {
        self.profilePath = profilePath
        self.inputs = inputs
        self.outputDirectory = outputDirectory
        self.formats = formats
        self.disclosure = disclosure
        self.generatedAt = generatedAt
        self.storePath = storePath
        self.storeWait = storeWait
    }
}

/// The one job behind every report command: read and link the extracts through the shared
/// ``Pipeline`` (reusing the store's latest linkage when nothing changed), build the report,
/// write it in each format, and log what was written (counts and paths, never personal data).
package enum ReportJob {
    /// Makes `report` as `request` asks; returns the report and the paths written.
    ///
    /// - Throws: `ImportError` for a path that does not exist or a file that cannot be read,
    ///   `StoreError` for a store that cannot be written, ``ReportWriteError`` when a file cannot be written.
    package static func run(
        _ report: ReportKind, request: ReportRequest, logger: Logger = ChildLinkLogging.logger(verbose: false)
    ) throws -> WrittenReport {
        let generatedAt = request.generatedAt ?? .now()
        let tables = try CouncilReferenceTables(
            profilePath: request.profilePath, scorecardFiles: request.scorecardFiles)
        var pipeline = PipelineRequest(
            inputs: request.inputs, storePath: request.storePath, command: report.command,
            profilePath: request.profilePath, storeWait: request.storeWait)
        pipeline.strict = request.strict
        pipeline.referenceTables = tables
        var coverage = DataCoverage(records: [])
        var warnings: [String] = []
        // The files are put in place before the store commits the run: a run whose report could not
        // be written is not recorded, so the store never claims a pack that does not exist.
        var written: WrittenReport?
        _ = try Pipeline.cohort(
            pipeline, logger: logger,
            beforeLinking: { extracts in
                coverage = DataCoverage(records: extracts.records)
                warnings = try check(coverage, of: extracts, for: report, inputs: request.inputs)
                for warning in warnings { logger.warning("\(warning)") }
            },
            beforeCommit: { records, children, review in
                var built = report.build(
                    cohort: Cohort(records: records, children: children, undecidedPairs: review.undecidedPairs),
                    disclosure: request.disclosure, generatedAt: generatedAt, tables: tables, coverage: coverage)
                built.warnings = warnings
                if case .weekly = report, request.disclosure.pseudonymiser == nil,
                    let section = DataQuality.reviewerMadeConflictsSection(review.reviewerMadeConflicts)
                {
                    built.sections.append(section)
                }
                let placeholders = review.placeholderIdentifiers
                if case .weekly = report,
                    let section = DataQuality.placeholderIdentifiersSection(
                        nhsNumbers: placeholders.nhsNumbers.count, upns: placeholders.upns.count,
                        personIDs: placeholders.personIDs.count, records: placeholders.records,
                        minimumChildren: PlaceholderIdentifiers.minimumChildren)
                {
                    built.sections.append(section)
                }
                built.sections.append(coverage.section(window: report.window.days))
                written = try ReportWriter(directory: request.outputDirectory).write(built, formats: request.formats)
            })
        guard let written else { throw CoreError.invalidOptions("the report was not written") }
        log(written, logger: logger)
        return written
    }

    /// The warnings for a week or period partly outside the extracts' dates.
    ///
    /// - Throws: ``CoreError`` with code ``CoreError/Code/noDataForPeriod`` when no extract file
    ///   was found, none holds a record, or the week or period is outside every dataset's dates.
    static func check(
        _ coverage: DataCoverage, of extracts: Pipeline.Extracts, for report: ReportKind, inputs: [String]
    )
        throws -> [String]
    {
        guard !extracts.datasets.isEmpty else {
            let looked =
                inputs.isEmpty
                ? "No extract files or folders were given"
                : "No extract file was found in "
                    + inputs.joined(separator: ", ")
            throw CoreError.noDataForPeriod(
                "\(looked). Give the folder or files holding the extracts (.csv, .tsv, .txt or .xml), e.g. "
                    + "'childlink \(report.command) extracts/ …'; 'childlink check FOLDER' shows what ChildLink finds in one."
            )
        }
        let window = report.window
        switch coverage.assess(window.days, name: window.name) {
        case .noRecords:
            throw CoreError.noDataForPeriod(
                "The extracts hold no record ChildLink could read. Run 'childlink check' on them to see why.")
        case .outside(let message):
            throw CoreError.noDataForPeriod(
                "\(message) Give a \(window.option) within them, or the extracts that cover it.")
        case .covered(let warnings):
            return warnings
        }
    }

    /// What the report jobs log: counts, tables and paths, never personal data.
    static func log(_ written: WrittenReport, logger: Logger) {
        logger.info(
            "report written",
            metadata: [
                "report": "\(written.report.slug)", "tables": "\(written.report.tables.count)",
                "rows": "\(written.report.tables.reduce(0) { $0 + $1.rows.count })", "files": "\(written.files.count)",
            ])
        for file in written.files { logger.debug("wrote \(file)") }
    }
}

extension LocalDateTime {
    /// The local date and time now, to the minute: when a report or footprint was made.
    static func now() -> LocalDateTime { at(Date()) }

    /// The local date and time at `now`, to the minute (the desk's injectable clock goes through here).
    package static func at(_ now: Date) -> LocalDateTime {
        let seconds = Int(now.timeIntervalSince1970) + TimeZone.current.secondsFromGMT(for: now)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let minute = (seconds - days * 86_400) / 60
        return LocalDateTime(date: CalendarDate(daysSinceEpoch: days), hour: minute / 60, minute: minute % 60)!
    }
}

public import ChildLinkModel
public import ChildLinkReports
public import Logging

/// The scorecards `childlink scorecard` produces.
public enum ScorecardKind: String, Sendable, CaseIterable {
    /// The Missing from Home and Care monthly scorecard.
    case missing
    /// The CME quarterly scorecard.
    case cme
    /// The EHE summary by academic year.
    case ehe
    /// Suspensions and permanent exclusions.
    case exclusions
    /// The Inclusion Scorecard (overlap of the strands and the cohort in two or more).
    case inclusion

    /// Whether small-number suppression and pseudonymisation are on unless turned off.
    public var disclosureControlByDefault: Bool { self == .inclusion }
}

/// Builds and writes a scorecard for a period from the linked cohort.
public enum ScorecardJob {
    /// The scorecard as a report model.
    public static func build(
        kind: ScorecardKind, cohort: Cohort, period: ReportingPeriod, disclosure: DisclosureOptions,
        generatedAt: LocalDateTime, calendar: WorkingDayCalendar = WorkingDayCalendar()
    ) -> Report {
        let report: Report =
            switch kind {
            case .missing:
                MissingScorecard.build(cohort: cohort, period: period, generatedAt: generatedAt, calendar: calendar)
            case .cme: CMEScorecard.build(cohort: cohort, period: period, generatedAt: generatedAt)
            case .ehe: EHEScorecard.build(cohort: cohort, period: period, generatedAt: generatedAt)
            case .exclusions: ExclusionsScorecard.build(cohort: cohort, period: period, generatedAt: generatedAt)
            case .inclusion:
                InclusionScorecard.build(
                    cohort: cohort, period: period, disclosure: disclosure, generatedAt: generatedAt)
            }
        guard kind != .inclusion, disclosure.suppress else { return report }
        // Every indicator table with counts below 5 hidden, and the cells that would reveal them.
        return SmallNumberSuppression.apply(to: report)
    }

    /// Builds the scorecard and writes it in `formats` into `outputDirectory`.
    /// - Throws: ``ReportWriteError`` when a file cannot be written.
    public static func run(
        kind: ScorecardKind, records: [SourceRecord], children: [LinkedChild], period: ReportingPeriod,
        disclosure: DisclosureOptions, generatedAt: LocalDateTime, formats: [ReportFormat] = ReportFormat.allCases,
        outputDirectory: String, calendar: WorkingDayCalendar = WorkingDayCalendar()
    ) throws -> WrittenReport {
        let report = build(
            kind: kind, cohort: Cohort(records: records, children: children), period: period, disclosure: disclosure,
            generatedAt: generatedAt, calendar: calendar)
        return try ReportWriter(directory: outputDirectory).write(report, formats: formats)
    }

    /// Runs a scorecard from command-line terms; returns the paths written.
    /// - Throws: ``ReportRequestError`` for a bad period or option, the loader's and writer's errors.
    public static func run(
        kind: ScorecardKind, period: String, output: ReportOutputRequest,
        logger: Logger = ChildLinkLogging.logger(verbose: false)
    ) throws -> [String] {
        guard let parsed = ReportingPeriod(parsing: period) else { throw ReportRequestError.badPeriod(period) }
        let disclosure = DisclosureOptions(suppress: output.suppress, pseudonymiser: try output.resolvedPseudonymiser())
        let generatedAt = try output.resolvedTimestamp()
        let formats = try output.resolvedFormats()
        let tables = try CouncilReferenceTables(profilePath: output.profilePath)
        let (records, children) = try LinkedCohortLoader.load(
            inputs: output.inputs, command: "scorecard", storePath: output.storePath, profilePath: output.profilePath,
            logger: logger)
        let written = try run(
            kind: kind, records: records, children: children, period: parsed, disclosure: disclosure,
            generatedAt: generatedAt, formats: formats, outputDirectory: output.outputDirectory,
            calendar: tables.calendar)
        ReportRunLog.written(written, logger: logger)
        return written.files
    }
}

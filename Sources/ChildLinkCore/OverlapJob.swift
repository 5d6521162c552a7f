public import ChildLinkModel
public import ChildLinkReports
public import Logging

/// Counts the children in each combination of the four strands for a period.
public enum OverlapJob {
    /// Builds the overlap report and writes it in `formats` into `outputDirectory`.
    /// - Throws: ``ReportWriteError`` when a file cannot be written.
    public static func run(
        records: [SourceRecord], children: [LinkedChild], period: ReportingPeriod, disclosure: DisclosureOptions,
        generatedAt: LocalDateTime, formats: [ReportFormat] = ReportFormat.allCases, outputDirectory: String
    ) throws -> WrittenReport {
        let report = InclusionScorecard.overlapReport(
            cohort: Cohort(records: records, children: children), period: period, disclosure: disclosure,
            generatedAt: generatedAt)
        return try ReportWriter(directory: outputDirectory).write(report, formats: formats)
    }

    /// Runs the overlap from command-line terms; returns the paths written.
    /// - Throws: ``ReportRequestError`` for a bad period or option, the loader's and writer's errors.
    public static func run(
        period: String, output: ReportOutputRequest,
        logger: Logger = ChildLinkLogging.logger(verbose: false)
    ) throws -> [String] {
        guard let parsed = ReportingPeriod(parsing: period) else { throw ReportRequestError.badPeriod(period) }
        let disclosure = DisclosureOptions(suppress: output.suppress, pseudonymiser: try output.resolvedPseudonymiser())
        let generatedAt = try output.resolvedTimestamp()
        let formats = try output.resolvedFormats()
        let (records, children) = try LinkedCohortLoader.load(inputs: output.inputs, command: "overlap", logger: logger)
        let written = try run(
            records: records, children: children, period: parsed, disclosure: disclosure, generatedAt: generatedAt,
            formats: formats, outputDirectory: output.outputDirectory)
        ReportRunLog.written(written, logger: logger)
        return written.files
    }
}

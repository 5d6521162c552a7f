import ArgumentParser
import ChildLinkCore
import ChildLinkReports

extension ChildLink {
    /// `childlink scorecard`.
    struct Scorecard: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "scorecard",
            abstract: "Produce the Missing, CME, EHE, exclusions or Inclusion scorecard for a period.",
            discussion: """
                Periods: a month (2019-06; columns April to the month, then year to date), a quarter of the \
                financial year (2018Q4 = January–March 2019), or a year (2018/19: financial for missing, CME and \
                exclusions; academic, from 1 September, for EHE). Small counts are suppressed and names \
                pseudonymised by default for 'inclusion' only.
                """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "missing, cme, ehe, exclusions or inclusion.")
        var kind: ScorecardKind

        @Option(
            name: .long, help: ArgumentHelp("2019-06, 2018Q4 or 2018/19.", valueName: "period"),
            transform: ArgumentValues.period)
        var period: ReportingPeriod

        @OptionGroup var output: ReportOutputOptions

        @Flag(inversion: .prefixedNo, help: "Show counts below 5 as * (default: on for inclusion only).")
        var suppress: Bool?

        @Flag(
            inversion: .prefixedNo,
            help: "Replace names and identifiers with keyed hashes (default: on for inclusion only).")
        var pseudonymise: Bool?

        func run() throws {
            let logger = ChildLinkLogging.bootstrap(verbose: global.verbose)
            let request = try output.request(
                suppress: suppress ?? kind.disclosureControlByDefault,
                pseudonymise: pseudonymise ?? kind.disclosureControlByDefault)
            let written = try ReportJob.run(.scorecard(kind, period: period), request: request, logger: logger)
            print(ReportSummary.text(of: written, outputDirectory: request.outputDirectory))
        }
    }
}

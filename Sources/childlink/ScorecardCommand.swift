import ArgumentParser
import ChildLinkCore
import ChildLinkReports

extension ExclusionYearBasis: ExpressibleByArgument {}

extension ChildLink {
    /// `childlink scorecard`.
    struct Scorecard: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "scorecard",
            abstract: "Produce the Missing, CME, EHE, exclusions or Inclusion scorecard for a period.",
            discussion: """
                Periods: a month (2019-06; columns April to the month, then year to date), a quarter of the \
                financial year (2018Q4 = January–March 2019), or a year (2018/19: financial for missing and CME; \
                academic, from 1 September, for EHE and exclusions). Exclusions run by academic year with \
                autumn, spring and summer terms and the two years before; --year-basis financial gives months \
                or quarters of the financial year instead. Small counts are suppressed and names \
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

        @Option(
            name: .long,
            help: ArgumentHelp(
                "exclusions only: academic (terms, the default) or financial (months or quarters).",
                valueName: "basis"))
        var yearBasis: ExclusionYearBasis?

        @Flag(inversion: .prefixedNo, help: "Show counts below 5 as * (default: on for inclusion only).")
        var suppress: Bool?

        @Flag(
            inversion: .prefixedNo,
            help: "Replace names and identifiers with keyed hashes (default: on for inclusion only).")
        var pseudonymise: Bool?

        func validate() throws {
            if yearBasis != nil, kind != .exclusions {
                throw ValidationError(
                    "--year-basis applies to the exclusions scorecard only; leave it out for \(kind).")
            }
        }

        func run() throws {
            let logger = ChildLinkLogging.bootstrap(verbose: global.verbose)
            let request = try output.request(
                suppress: suppress ?? kind.disclosureControlByDefault,
                pseudonymise: pseudonymise ?? kind.disclosureControlByDefault)
            let written = try ReportJob.run(
                .scorecard(kind, period: period, exclusionsBasis: yearBasis ?? .academic), request: request,
                logger: logger)
            TerminalOutput.print(ReportSummary.text(of: written, outputDirectory: request.outputDirectory))
        }
    }
}

import ArgumentParser
import ChildLinkCore
import ChildLinkImport
import ChildLinkReports
import Foundation

extension ExclusionYearBasis: ExpressibleByArgument {}

extension ChildLink {
    /// `childlink scorecard`.
    struct Scorecard: LoggingCommand {
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
            name: .long,
            help: ArgumentHelp(
                "2019-06, 2018Q4 or 2018/19 (or as a report heads its columns: Jun-19, Q4 2018/19).",
                valueName: "period"),
            transform: ArgumentValues.period)
        var period: ReportingPeriod

        @OptionGroup var output: ReportOutputOptions

        @Option(
            name: .long,
            help: ArgumentHelp(
                "exclusions only: academic (terms, the default) or financial (months or quarters).",
                valueName: "basis"))
        var yearBasis: ExclusionYearBasis?

        @OptionGroup var context: ScorecardContextOptions

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
            var request = try output.request(
                suppress: suppress ?? kind.disclosureControlByDefault,
                pseudonymise: pseudonymise ?? kind.disclosureControlByDefault)
            request.scorecardFiles = context.files
            let written = try ReportJob.run(
                .scorecard(kind, period: period, exclusionsBasis: yearBasis ?? .academic), request: request,
                logger: logger)
            TerminalOutput.print(ReportSummary.text(of: written, outputDirectory: request.outputDirectory))
        }
    }
}

/// The council's scorecard files: a folder holding them, or each file named.
struct ScorecardContextOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "A folder with the council's targets.yaml, commentary.yaml, benchmarks.yaml and localities.yaml (each optional; "
                + "SampleData/context/ is an example).", valueName: "folder"))
    var context: String?

    @Option(help: ArgumentHelp("Targets, polarity and RAG tolerances per indicator (YAML).", valueName: "file"))
    var targets: String?

    @Option(help: ArgumentHelp("Commentary per indicator and period (YAML).", valueName: "file"))
    var commentary: String?

    @Option(
        help: ArgumentHelp(
            "Statistical neighbours, England and last year per indicator (YAML).", valueName: "file"))
    var benchmarks: String?

    @Option(
        help: ArgumentHelp(
            "Postcode sectors to areas and sub-localities, for the CME locality rows (YAML).", valueName: "file"))
    var localities: String?

    /// The files named one by one.
    private var named: ScorecardContextFiles {
        ScorecardContextFiles(
            targets: targets, commentary: commentary, benchmarks: benchmarks, localities: localities)
    }

    func validate() throws {
        guard let context else { return }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: context, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError("--context \(context): no such folder; give the folder holding targets.yaml.")
        }
        if ScorecardContextFiles(folder: context).isEmpty, named.isEmpty {
            throw ValidationError(
                "--context \(context): the folder has none of targets.yaml, commentary.yaml, benchmarks.yaml, "
                    + "localities.yaml.")
        }
    }

    /// The files: each named file, else the folder's.
    var files: ScorecardContextFiles {
        let folder = context.map(ScorecardContextFiles.init(folder:)) ?? ScorecardContextFiles()
        return ScorecardContextFiles(
            targets: targets ?? folder.targets, commentary: commentary ?? folder.commentary,
            benchmarks: benchmarks ?? folder.benchmarks, localities: localities ?? folder.localities)
    }
}

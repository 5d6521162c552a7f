import ArgumentParser
import ChildLinkCore
import ChildLinkModel
import ChildLinkSample

extension ChildLink {
    /// `childlink sample`.
    struct Sample: LoggingCommand {
        static let configuration = CommandConfiguration(
            commandName: "sample",
            abstract:
                "Generate a synthetic borough and its four extracts, for trying ChildLink out and for benchmarks.",
            discussion: """
                Makes an invented Rotherham-like borough (LA 372): families with siblings, twins and \
                step-families, a realistic ethnic mix (names with diacritics included), and the records \
                the missing, CME, EHE and exclusions teams would hold about its children, each typed a \
                little differently, as real extracts are. No real child is described.

                Writes into the --out folder, in the reference layouts of docs/formats.md: \
                missing-episodes.csv/.xml, cme-referrals.csv/.xml, ehe-records.csv/.xml, \
                exclusions.csv/.xml, and truth.csv (which record belongs to which invented child).

                The same seed and options always give byte-identical files. About 2.7 records are \
                made per child: --children 367000, or --records 1000000, gives about a million records.
                """
        )

        @OptionGroup var global: GlobalOptions

        @Option(help: "How many children the borough's cohort holds (each appears in at least one extract).")
        var children: Int = 3000

        @Option(help: "Generate until there are at least this many records, instead of a number of children.")
        var records: Int?

        @Option(help: "The seed; the same seed gives the same borough.")
        var seed: UInt64 = 2019

        @Option(help: ArgumentHelp("The folder to write the files into (created if missing).", valueName: "folder"))
        var out: String

        @Option(
            help: ArgumentHelp(
                "The last day the extracts cover; events fall in the 24 months before it (2019-06-30 or 30/06/2019; "
                    + "default: 2019-06-30).",
                valueName: "date"),
            transform: ArgumentValues.date)
        var endDate = CalendarDate(year: 2019, month: 6, day: 30)!

        @Option(help: "How messy the records are: low, default (like a real council's data) or high.")
        var noise: NoiseLevel = .standard

        @Option(help: "The share of records written to the XML files instead of the CSVs (0 to 1).")
        var xmlShare: Double = 0.2

        var options: SampleJob.Options {
            SampleJob.Options(
                children: children, records: records, seed: seed, endDate: endDate, noise: noise,
                xmlShare: xmlShare, outputDirectory: out)
        }

        func validate() throws {
            if let problem = options.problem { throw ValidationError(problem) }
        }

        func run() throws {
            let result = try SampleJob.run(options, logger: logger)
            TerminalOutput.print(result.report)
        }
    }
}

import ArgumentParser
import ChildLinkCore
import ChildLinkReports

extension ChildLink {
    /// `childlink overlap`.
    struct Overlap: LoggingCommand {
        static let configuration = CommandConfiguration(
            commandName: "overlap",
            abstract: "Count the children in each combination of the four strands."
        )

        @OptionGroup var global: GlobalOptions

        @Option(
            name: .long,
            help: ArgumentHelp(
                "2019-06, 2018Q4 or 2018/19 (or as a report heads its columns: Jun-19, Q4 2018/19).",
                valueName: "period"),
            transform: ArgumentValues.period)
        var period: ReportingPeriod

        @OptionGroup var output: ReportOutputOptions

        @Flag(inversion: .prefixedNo, help: "Show counts below 5 as *, with secondary suppression.")
        var suppress = true

        @Flag(inversion: .prefixedNo, help: "Replace identifiers with keyed hashes.")
        var pseudonymise = true

        func run() throws {
            let request = try output.request(suppress: suppress, pseudonymise: pseudonymise)
            let written = try ReportJob.run(.overlap(period: period), request: request, logger: logger)
            TerminalOutput.print(ReportSummary.text(of: written, outputDirectory: request.outputDirectory))
        }
    }
}

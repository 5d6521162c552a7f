import ArgumentParser
import ChildLinkCore

extension ChildLink {
    /// `childlink overlap`.
    struct Overlap: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "overlap",
            abstract: "Count the children in each combination of the four strands."
        )

        @OptionGroup var global: GlobalOptions

        @Option(name: .long, help: "2019-06, 2018Q4 or 2018/19.")
        var period: String

        @OptionGroup var output: ReportOutputOptions

        @Flag(inversion: .prefixedNo, help: "Show counts below 5 as *, with secondary suppression.")
        var suppress = true

        @Flag(inversion: .prefixedNo, help: "Replace identifiers with keyed hashes.")
        var pseudonymise = true

        func run() throws {
            let logger = ChildLinkLogging.bootstrap(verbose: global.verbose)
            let request = output.request(suppress: suppress, pseudonymise: pseudonymise)
            for file in try OverlapJob.run(period: period, output: request, logger: logger) { print(file) }
        }
    }
}

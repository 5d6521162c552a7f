import ArgumentParser
import ChildLinkCore
import ChildLinkModel
import ChildLinkReports

extension ChildLink {
    /// `childlink weekly`.
    struct Weekly: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "weekly",
            abstract: "Produce the weekly Operational Missing Group pack."
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ReportOutputOptions

        @Option(
            name: .long,
            help: ArgumentHelp("Last day of the week (yyyy-MM-dd or dd/MM/yyyy).", valueName: "week-ending"),
            transform: ArgumentValues.date)
        var weekEnding: CalendarDate

        @Option(name: .long, help: "Strategy meeting when an episode lasts more than this many hours.")
        var longEpisodeHours = 24

        @Option(name: .long, help: "Strategy meeting at this many episodes …")
        var repeatEpisodes = 3

        @Option(name: .long, help: "… within this many days.")
        var repeatWindowDays = 30

        @Flag(inversion: .prefixedNo, help: "Replace names and identifiers with keyed hashes.")
        var pseudonymise = false

        func validate() throws {
            guard longEpisodeHours > 0, repeatEpisodes > 0, repeatWindowDays > 0 else {
                throw ValidationError("thresholds must be positive")
            }
        }

        func run() throws {
            let logger = ChildLinkLogging.bootstrap(verbose: global.verbose)
            let pack = WeeklyPackOptions(
                weekEnding: weekEnding, longEpisodeHours: longEpisodeHours, repeatEpisodes: repeatEpisodes,
                repeatWindowDays: repeatWindowDays)
            let request = try output.request(suppress: false, pseudonymise: pseudonymise)
            for file in try ReportJob.run(.weekly(pack), request: request, logger: logger) { print(file) }
        }
    }
}

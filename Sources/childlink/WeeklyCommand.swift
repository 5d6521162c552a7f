import ArgumentParser
import ChildLinkCore
import ChildLinkModel
import ChildLinkReports

extension RHIDeadlineRule: ExpressibleByArgument {}

extension ChildLink {
    /// `childlink weekly`.
    struct Weekly: LoggingCommand {
        static let configuration = CommandConfiguration(
            commandName: "weekly",
            abstract: "Produce the weekly Operational Missing Group pack.",
            discussion: """
                The pack, in meeting order: the week's numbers; the Actions (each child who needs a decision: \
                missing now, a strategy-meeting trigger, a Return Home Interview overdue or due by the next day, \
                on a child protection plan, or looked after and missing overnight; one row per child, most urgent \
                first); every child with an episode in the week and their episodes; what lies behind the actions; \
                children newly known to a second strand; the dates each extract holds.

                It writes, into --out (created, readable by you only), for DATE the week-ending:
                  weekly-DATE.html      to read and print (A4 landscape)
                  weekly-DATE.xlsx      one sheet per table, for Excel
                  weekly-DATE.json      every table, for other tools
                  weekly-DATE-TABLE.csv one CSV per table (actions, children, episodes, strategy-triggers, \
                rhi-overdue, new-second-strand, summary, data-coverage)
                and prints a short summary: the children, the decisions, and where the pack is.
                """
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

        @Option(
            name: .long,
            help: ArgumentHelp(
                "When a Return Home Interview is overdue: 72h (72 hours from the return, the default) or 3wd "
                    + "(3 working days, as the scorecard's 5.3a).",
                valueName: "rule"))
        var rhiRule: RHIDeadlineRule = .seventyTwoHours

        @Flag(inversion: .prefixedNo, help: "Replace names and identifiers with keyed hashes.")
        var pseudonymise = false

        @Flag(
            name: .long,
            help: ArgumentHelp(
                "Fail, writing nothing, when a reviewer decision puts two valid UPNs or NHS numbers into one child "
                    + "(a warning otherwise)."))
        var strict = false

        func validate() throws {
            guard longEpisodeHours > 0, repeatEpisodes > 0, repeatWindowDays > 0 else {
                throw ValidationError("thresholds must be positive")
            }
        }

        func run() throws {
            let pack = WeeklyPackOptions(
                weekEnding: weekEnding, longEpisodeHours: longEpisodeHours, repeatEpisodes: repeatEpisodes,
                repeatWindowDays: repeatWindowDays, rhiRule: rhiRule)
            var request = try output.request(suppress: false, pseudonymise: pseudonymise)
            request.strict = strict
            let written = try ReportJob.run(.weekly(pack), request: request, logger: logger)
            TerminalOutput.print(ReportSummary.text(of: written, outputDirectory: request.outputDirectory))
        }
    }
}

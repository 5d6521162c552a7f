import ArgumentParser
import ChildLinkCore
import ChildLinkModel

extension ChildLink {
    /// `childlink profile`.
    struct Profile: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "profile",
            abstract: "Check a mapping profile that maps a council's own extract headers onto ChildLink's.",
            subcommands: [CheckProfile.self]
        )
    }
}

extension ChildLink.Profile {
    /// `childlink profile check PROFILE FILE`.
    struct CheckProfile: LoggingCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Show how a profile maps a file's headers and how its first rows read.",
            discussion: """
                Lists every reference field of the dataset with the column that feeds it, the required \
                fields left unmapped, the columns not used, and the first rows as ChildLink reads them \
                (names, dates of birth and identifiers are shown only as given / valid). \
                Exit status 1 when a required field is unmapped or a previewed row would be rejected.
                """
        )

        @Argument(help: "The mapping profile (YAML).")
        var profile: String

        @Argument(help: "An extract (CSV) to check it against.")
        var file: String

        @Option(help: "The dataset, when the profile does not say: missing, cme, ehe or exclusions.")
        var dataset: Dataset?

        @Option(help: "How many rows to preview.")
        var rows = 3

        @OptionGroup var global: GlobalOptions

        func validate() throws {
            if rows < 1 { throw ValidationError("--rows must be at least 1.") }
        }

        func run() throws {
            let job = ProfileCheckJob(
                profilePath: profile, extractPath: file, dataset: dataset, rowCount: rows)
            let outcome = try job.run()
            TerminalOutput.print(outcome.report)
            if outcome.hasProblems { throw ExitCode.failure }
        }
    }
}

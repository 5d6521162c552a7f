import ArgumentParser
import ChildLinkCore
import ChildLinkModel

extension ChildLink {
    /// `childlink check`.
    struct Check: LoggingCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract:
                "Import extracts without linking and report what was read, rejected and how good the identifiers are.",
            discussion: """
                Reads each file (a folder: its .csv, .tsv, .txt and .xml files in name order), recognises \
                the dataset from the header row or root element, and prints per file what it was \
                recognised as, the records read, imported and rejected, and the share of valid UPNs, \
                NHS numbers and postcodes. Rejected records go to a rejects CSV.

                Exit status: 0 when every file was read; 1 when a file could not be read, or when \
                --strict is given and any record was rejected.
                """
        )

        @Argument(help: "Extract files or folders.")
        var paths: [String]

        @Option(help: "The dataset every file must hold: missing, cme, ehe, exclusions or cin.")
        var dataset: Dataset?

        @Option(help: "A mapping profile (YAML) for a council's own headers, date formats and codes.")
        var profile: String?

        @Option(
            help:
                "Where to write the rejects CSV (default: \(CheckJob.defaultRejectsFile), only when there are rejects)."
        )
        var rejects: String?

        @Flag(help: "Fail when any record is rejected.")
        var strict = false

        @Flag(
            help: ArgumentHelp(
                "Only count each file's records through the CSV/XML reader (benchmarks).", visibility: .hidden))
        var countOnly = false

        @OptionGroup var global: GlobalOptions

        func run() throws {
            if countOnly {
                for (path, count) in try CheckJob.countRecords(paths: paths) {
                    TerminalOutput.print("\(path): \(count) records")
                }
                return
            }
            let options = CheckJob.Options(
                paths: paths, dataset: dataset, profilePath: profile,
                rejectsPath: rejects, strict: strict, verbose: global.verbose)
            let outcome = try CheckJob(options: options, logger: logger).run()
            TerminalOutput.print(outcome.report)
            if outcome.failed { throw ExitCode.failure }
        }
    }
}

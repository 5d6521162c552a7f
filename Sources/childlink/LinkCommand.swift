import ArgumentParser
import ChildLinkCore

extension ChildLink {
    /// `childlink link`.
    struct Link: LoggingCommand {
        static let configuration = CommandConfiguration(
            commandName: "link",
            abstract: "Link the records that belong to the same child and write links.csv and pairs.csv.",
            discussion: """
                Writes links.csv (every record with its ChildLink id), pairs.csv (the linked, review \
                and guarded pairs with the level and weight of each comparison) and summary.txt. \
                Council extracts are linked through the same pipeline as the reports: with a store \
                (--store, or childlink.sqlite in the working folder) the run is recorded, review \
                decisions are respected and ChildLink ids stay stable from week to week. \
                With --generic, links any CSV files with person columns (FEBRL, other benchmarks), \
                without a store: columns are recognised by common names, or mapped by --profile. \
                One file is deduplicated; several are linked across and within. Generic mode has its \
                own defaults, because no clerical review stands behind it and the data need not be \
                children's: a pair is linked at probability 0.5 (the equal-cost decision; council \
                extracts use 0.98 and send the band between to review), the twin guard is off \
                (--twin-guard turns it on), and person ids one or two slips apart agree in part.
                """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The extract files or folders to link.")
        var inputs: [String]

        @Option(name: .long, help: "The folder to write links.csv, pairs.csv and summary.txt to.")
        var out: String

        @Option(
            name: .customLong("link-threshold"),
            help: ArgumentHelp(
                "Match probability at or above which a pair is linked (default 0.98; 0.5 with --generic).",
                discussion:
                    "Below it, a pair with a UPN, NHS number or person id in common and none apart is linked "
                    + "from 0.5; a pair that differs only in the form of its forename (the surname, birth date "
                    + "and sex the same) is linked unless a guard keeps it apart: a forename given as its "
                    + "initial from 0.93 (from 0.8 with a slip in the surname as well), a nickname or variant "
                    + "(Jan and John) from 0.95 (from 0.8 with a slip in the surname, unless the data holds "
                    + "another child of that surname born that day), the first middle name (Isaac for Harry "
                    + "Isaac) from 0.9 (from 0.7 with a slip in the surname as well)."))
        var linkThreshold: Double?

        @Option(
            name: .customLong("review-threshold"),
            help: "Match probability at or above which a pair goes to review (default 0.5).")
        var reviewThreshold: Double?

        @Option(
            name: .long, help: "A truth file (Dataset,RecordID,TrueChildID) to report precision and recall against.")
        var truth: String?

        @Option(
            name: .long,
            help: "A mapping profile (YAML) for a council's own extract headers, or with --generic the person columns.")
        var profile: String?

        @Flag(name: .long, help: "Read the inputs as generic person CSV files (columns recognised by name).")
        var generic = false

        @OptionGroup var storeOptions: RunStoreOptions

        @Flag(
            name: .customLong("no-twin-guard"),
            help: "Do not keep apart pairs that look like twins (adult benchmarks only).")
        var noTwinGuard = false

        @Flag(
            name: .customLong("twin-guard"),
            help: "With --generic: keep apart pairs that look like twins (on by default for council extracts).")
        var twinGuard = false

        func validate() throws {
            for (name, value) in [("--link-threshold", linkThreshold), ("--review-threshold", reviewThreshold)] {
                if let value, !(value > 0 && value < 1) { throw ValidationError("\(name) must be between 0 and 1.") }
            }
            if let link = linkThreshold, let review = reviewThreshold, review > link {
                throw ValidationError("--review-threshold must not be above --link-threshold.")
            }
            if inputs.isEmpty { throw ValidationError("Give at least one input file.") }
            if twinGuard && noTwinGuard { throw ValidationError("Give --twin-guard or --no-twin-guard, not both.") }
            if twinGuard && !generic {
                throw ValidationError("--twin-guard is for --generic; council extracts have it on.")
            }
        }

        func run() throws {
            var options: LinkJob.Options
            if generic {
                options = .generic(linkThreshold: linkThreshold, reviewThreshold: reviewThreshold, twinGuard: twinGuard)
            } else {
                options = LinkJob.Options(linkThreshold: linkThreshold, reviewThreshold: reviewThreshold)
                options.twinGuard = !noTwinGuard
            }
            let report = try LinkJob.runFiles(
                inputs: inputs, generic: generic, profilePath: profile, outputDirectory: out, truthPath: truth,
                options: options, storePath: generic ? nil : storeOptions.resolvedPath,
                storeWait: storeOptions.storeWait,
                logger: logger)
            TerminalOutput.print(report, terminator: "")
        }
    }
}

import ArgumentParser
import ChildLinkCore
import Foundation

/// The history store a pipeline command records its run in: `--store PATH` / `--no-store`.
struct RunStoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The history store that keeps ChildLink ids stable from week to week and holds review decisions "
                + "(created when absent). Default: childlink.sqlite in the working folder when it exists; "
                + "otherwise no store, and children are numbered within this run.",
            valueName: "path"))
    var store: String?

    @Flag(
        name: .customLong("no-store"),
        help: "Use no store even if childlink.sqlite exists (ids numbered within this run).")
    var noStore = false

    @Option(
        name: .customLong("store-wait"),
        help: ArgumentHelp(
            "How long to wait for another childlink run on the same store to finish before giving up "
                + "(default 600; also CHILDLINK_STORE_WAIT).",
            valueName: "seconds"))
    var storeWait: Double?

    func validate() throws {
        if store != nil && noStore { throw ValidationError("Give --store PATH or --no-store, not both.") }
        if let storeWait {
            guard storeWait >= 0, storeWait.isFinite else { throw ValidationError("--store-wait must be 0 or more.") }
            // The store reads its run wait from the environment, so every job sees it unchanged.
            setenv("CHILDLINK_STORE_WAIT", String(storeWait), 1)
        }
    }

    /// The store to use, if any.
    var resolvedPath: String? { PipelineStore.resolve(explicit: store, disabled: noStore) }
}

/// Output and disclosure options shared by the report commands.
struct ReportOutputOptions: ParsableArguments {
    @Argument(help: "Extract files or folders to read.")
    var inputs: [String] = []

    @Option(name: .long, help: "Folder to write the report into.")
    var out: String

    @Option(name: .long, help: "html, xlsx, csv or json; repeat or comma-separate. Default: all four.")
    var format: [String] = []

    @Option(name: .long, help: "Key for --pseudonymise (default: $CHILDLINK_PSEUDONYM_KEY).")
    var pseudonymKey: String?

    @Option(name: .long, help: "Production timestamp to print (yyyy-MM-ddTHH:mm), for reproducible output.")
    var generatedAt: String?

    @OptionGroup var storeOptions: RunStoreOptions

    func request(suppress: Bool, pseudonymise: Bool) -> ReportOutputRequest {
        ReportOutputRequest(
            inputs: inputs, outputDirectory: out, formats: format, suppress: suppress, pseudonymise: pseudonymise,
            pseudonymKey: pseudonymKey, generatedAt: generatedAt, storePath: storeOptions.resolvedPath)
    }
}

extension ChildLink {
    /// `childlink weekly`.
    struct Weekly: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "weekly",
            abstract: "Produce the weekly Operational Missing Group pack."
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ReportOutputOptions

        @Option(name: .long, help: "Last day of the week (yyyy-MM-dd or dd/MM/yyyy).")
        var weekEnding: String

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
            let files = try WeeklyPackJob.run(
                output: output.request(suppress: false, pseudonymise: pseudonymise), weekEnding: weekEnding,
                longEpisodeHours: longEpisodeHours, repeatEpisodes: repeatEpisodes, repeatWindowDays: repeatWindowDays,
                logger: logger)
            for file in files { print(file) }
        }
    }
}

import ArgumentParser
import ChildLinkCore
import ChildLinkModel
import ChildLinkReports
import Foundation

/// The history store a pipeline command records its run in: `--store PATH` / `--no-store`, and how
/// long to wait for another run on it.
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
            valueName: "seconds"),
        transform: ArgumentValues.seconds)
    var storeWait: Duration = CommandEnvironment.storeWait

    func validate() throws {
        if store != nil && noStore { throw ValidationError("Give --store PATH or --no-store, not both.") }
    }

    /// The store to use, if any.
    var resolvedPath: String? { PipelineStore.resolve(explicit: store, disabled: noStore) }
}

/// Output and disclosure options shared by the report commands.
struct ReportOutputOptions: ParsableArguments {
    @Argument(help: "Extract files or folders to read.")
    var inputs: [String] = []

    @Option(name: .long, help: "Folder to write the report into (created, readable by you only, when absent).")
    var out: String

    @Option(help: "A mapping profile (YAML) for a council's own headers, date formats and codes, as for 'check'.")
    var profile: String?

    @Option(
        name: .long, help: "html, xlsx, csv or json; repeat or comma-separate. Default: all four.",
        transform: ArgumentValues.reportFormats)
    var format: [[ReportFormat]] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Key for --pseudonymise (default: $CHILDLINK_PSEUDONYM_KEY, else a key ChildLink makes on first use "
                + "and keeps, readable by you only, beside the store or in the working folder)."))
    var pseudonymKey: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Production timestamp to print (yyyy-MM-ddTHH:mm), for reproducible output.", valueName: "generated-at"),
        transform: ArgumentValues.dateTime)
    var generatedAt: LocalDateTime?

    @OptionGroup var storeOptions: RunStoreOptions

    /// The formats asked for, in the order given; all four when none was.
    var formats: [ReportFormat] { format.isEmpty ? ReportFormat.allCases : format.flatMap { $0 } }

    /// The pseudonymiser when `pseudonymise` is on: the key from `--pseudonym-key`, else
    /// `CHILDLINK_PSEUDONYM_KEY`, else the key file beside the store (made on first use, 0600).
    /// - Throws: `CoreError` when the key file cannot be read or made.
    func pseudonymiser(pseudonymise: Bool) throws -> Pseudonymiser? {
        guard pseudonymise else { return nil }
        if let key = pseudonymKey ?? CommandEnvironment.pseudonymKey, !key.isEmpty {
            return Pseudonymiser(key: key)
        }
        let path = PseudonymKeyFile.path(storePath: storeOptions.resolvedPath)
        let key = try PseudonymKeyFile.loadOrCreate(at: path) { created in
            TerminalOutput.printError(
                "A new pseudonym key was made and kept in \(created), readable by you only. Later runs use it, "
                    + "so a child keeps the same pseudonym; keep it with the store and do not share it.")
        }
        return Pseudonymiser(key: key)
    }

    /// The request every report command hands to ``ReportJob``.
    /// - Throws: `CoreError` when the pseudonym key file cannot be read or made.
    func request(suppress: Bool, pseudonymise: Bool) throws -> ReportRequest {
        ReportRequest(
            inputs: inputs, outputDirectory: out, formats: formats,
            disclosure: DisclosureOptions(
                suppress: suppress, pseudonymiser: try pseudonymiser(pseudonymise: pseudonymise)),
            generatedAt: generatedAt, storePath: storeOptions.resolvedPath, storeWait: storeOptions.storeWait,
            profilePath: profile)
    }
}

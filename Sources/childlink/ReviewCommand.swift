import ArgumentParser
import ChildLinkCore

extension ChildLink {
    /// `childlink review`.
    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "review",
            abstract: "List uncertain pairs for clerical review and record decisions.",
            discussion: """
                The list shows one line per pair of children (ChildLink ids as the latest run left them): the \
                most probable record pair between them with its explanation, how many record pairs lie between \
                them and their probability range. Decide a line with its two ids (accept CL000012 CL000034), or \
                one record pair with its keys, written Dataset:RecordID, e.g. Missing:E000123. Decisions are kept \
                in the store and respected by every later run: accept makes the two one child, reject keeps every \
                record of one apart from every record of the other.
                The CSV file has the columns RecordA,RecordB,Probability,Decision,Note,Explanation; fill in \
                Decision with accept or reject.
                """,
            subcommands: [List.self, Accept.self, Reject.self, Export.self, Import.self],
            defaultSubcommand: List.self
        )
    }
}

extension ChildLink.Review {
    /// `childlink review list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the latest run's uncertain pairs, one line per pair of children, most probable first.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var storeOptions: StoreOptions

        @Flag(name: .long, help: "Only pairs of children without a decision.")
        var undecided = false

        func run() throws {
            TerminalOutput.print(try ReviewJob.run(.list(undecidedOnly: undecided), storePath: storeOptions.store))
        }
    }

    /// `childlink review accept A B`.
    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that two children, or two records, are the same child.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var pair: RecordPairArguments

        func run() throws {
            TerminalOutput.print(
                try ReviewJob.run(.accept(pair.recordA, pair.recordB, note: pair.note), storePath: storeOptions.store))
        }
    }

    /// `childlink review reject A B`.
    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that two children, or two records, are different children.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var pair: RecordPairArguments

        func run() throws {
            TerminalOutput.print(
                try ReviewJob.run(.reject(pair.recordA, pair.recordB, note: pair.note), storePath: storeOptions.store))
        }
    }

    /// `childlink review export FILE`.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write the uncertain pairs to a CSV file (audited).")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The CSV file to write.") var file: String

        func run() throws {
            TerminalOutput.print(try ReviewJob.run(.export(path: file), storePath: storeOptions.store))
        }
    }

    /// `childlink review import FILE`.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record the decisions filled in on an exported CSV file.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The CSV file to read.") var file: String

        func run() throws {
            TerminalOutput.print(try ReviewJob.run(.importDecisions(path: file), storePath: storeOptions.store))
        }
    }
}

/// The two children or two records a review decision is about, and why.
struct RecordPairArguments: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            "The first child, e.g. CL000012, or record, as Dataset:RecordID, e.g. Missing:E0000123.",
            valueName: "record-a"),
        transform: ArgumentValues.reviewSubject)
    var recordA: ReviewSubject
    @Argument(
        help: ArgumentHelp("The second child, e.g. CL000034, or record, e.g. CME:CME000045.", valueName: "record-b"),
        transform: ArgumentValues.reviewSubject)
    var recordB: ReviewSubject
    @Option(name: .long, help: "Why the decision was made (kept with it).") var note = ""

    func validate() throws {
        if recordA.isChild != recordB.isChild { throw ValidationError(ReviewSubject.mixedPairProblem) }
    }
}

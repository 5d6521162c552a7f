import ArgumentParser
import ChildLinkCore
import ChildLinkModel
import Foundation

extension ChildLink {
    /// `childlink review`.
    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "review",
            abstract: "List uncertain pairs for clerical review and record decisions.",
            discussion: """
                The list shows a short block per pair of children (ChildLink ids as the latest run left them): \
                both children's names, dates of birth, postcodes and identifiers, the evidence for and against \
                in plain words and what deciding it would change, the pairs that bring a child into the \
                cross-referenced cohort first. Decide a pair with its two ids (accept CL000012 CL000034), or \
                one record pair with its keys, written Dataset:RecordID, e.g. Missing:E000123. Decisions are kept \
                in the store and respected by every later run: accept makes the two one child, reject keeps every \
                record of one apart from every record of the other. Both sides are shown side by side first. \
                An accept that would put two different valid UPNs or NHS numbers into one child, or join \
                records whose sex and date of birth both disagree, is refused (exit 1), and so is a decision on \
                a pair that is not on the review list; --force --note "why" records it anyway.
                Every decision gets a short id (D12): 'review history' lists them, 'review revoke D12 --note \
                "why"' withdraws one and the next run links as if it had never been made.
                The CSV file has the columns RecordA,RecordB,Probability,Decision,Note,ChildA,ChildB,AboutA,AboutB, \
                EvidenceFor,EvidenceAgainst,DecidingIt,Explanation (what the list shows, per record pair); fill in \
                Decision with accept or reject. Import checks every row first and records nothing when one is \
                bad, naming its line; an accept the command line would refuse is such a row.
                """,
            subcommands: [
                List.self, Accept.self, Reject.self, History.self, Revoke.self, Export.self, Import.self,
            ],
            defaultSubcommand: List.self
        )
    }
}

extension ChildLink.Review {
    /// `childlink review list`.
    struct List: LoggingCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the latest run's uncertain pairs, one line per pair of children, most probable first.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var storeOptions: StoreOptions

        @Flag(name: .long, help: "Only pairs of children without a decision.")
        var undecided = false

        func run() throws {
            TerminalOutput.print(
                try ReviewJob.run(
                    .list(undecidedOnly: undecided), storePath: storeOptions.store,
                    logger: logger))
        }
    }

    /// `childlink review accept A B`.
    struct Accept: LoggingCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that two children, or two records, are the same child.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var pair: RecordPairArguments

        func run() throws {
            try decide(
                .accept(pair.recordA, pair.recordB, note: pair.note, force: pair.force), store: storeOptions.store)
        }
    }

    /// `childlink review reject A B`.
    struct Reject: LoggingCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that two children, or two records, are different children.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var pair: RecordPairArguments

        func run() throws {
            try decide(
                .reject(pair.recordA, pair.recordB, note: pair.note, force: pair.force), store: storeOptions.store)
        }
    }

    /// `childlink review history`.
    struct History: LoggingCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every decision: its id, who made it and when, the note, the runs that applied it, "
                + "and whether it was revoked.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            TerminalOutput.print(try ReviewJob.run(.history, storePath: storeOptions.store))
        }
    }

    /// `childlink review revoke ID --note "why"`.
    struct Revoke: LoggingCommand {
        static let configuration = CommandConfiguration(
            abstract: "Withdraw a decision (kept in the history, audited); the next run links as if it had never "
                + "been made.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var storeOptions: StoreOptions
        @Argument(
            help: ArgumentHelp("The decision, as 'review history' lists it, e.g. D12.", valueName: "id"),
            transform: ArgumentValues.decisionID)
        var id: DecisionID
        @Option(name: .long, help: "Why the decision is withdrawn (required; kept with the revocation).")
        var note: String

        func validate() throws {
            if note.trimmingCharacters(in: .whitespaces).isEmpty {
                throw ValidationError("Say why the decision is withdrawn with --note \"why\".")
            }
        }

        func run() throws {
            TerminalOutput.print(try ReviewJob.run(.revoke(id, note: note), storePath: storeOptions.store))
        }
    }

    /// `childlink review export FILE`.
    struct Export: LoggingCommand {
        static let configuration = CommandConfiguration(abstract: "Write the uncertain pairs to a CSV file (audited).")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The CSV file to write.") var file: String

        func run() throws {
            TerminalOutput.print(
                try ReviewJob.run(
                    .export(path: file), storePath: storeOptions.store,
                    logger: logger))
        }
    }

    /// `childlink review import FILE`.
    struct Import: LoggingCommand {
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
    @Option(name: .long, help: "Why the decision was made (kept with it; required with --force).") var note = ""
    @Flag(
        name: .long,
        help: "Record the decision even though it contradicts hard evidence or the pair is not on the review list.")
    var force = false

    func validate() throws {
        if recordA.isChild != recordB.isChild { throw ValidationError(ReviewSubject.mixedPairProblem) }
        if force && note.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError(ReviewJob.forceNeedsNote)
        }
    }
}

extension ParsableCommand {
    /// Shows both sides of a decision, then records it or ends with the reason it was refused (exit 1).
    func decide(_ action: ReviewJob.Action, store: String) throws {
        let reply = try ReviewJob.respond(action, storePath: store)
        TerminalOutput.print(reply.text)
        if let refusal = reply.refusal { throw refusal }
    }
}

import ArgumentParser
import ChildLinkCore

/// Where the history store is.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The history store file.")
    var store = "childlink.sqlite"
}

extension ChildLink {
    /// `childlink store`.
    struct Store: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "store",
            abstract: "Inspect and check ChildLink's history store.",
            discussion: """
                The store (childlink.sqlite in the working folder, readable by its owner only) keeps every \
                run, every version of every record, each child's ChildLink id, review decisions and the \
                audit log. Before each run its previous state is kept in childlink.sqlite.bak.
                """,
            subcommands: [Check.self, Restore.self]
        )
    }
}

extension ChildLink.Store {
    /// `childlink store check`.
    struct Check: LoggingCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check the store's integrity and ChildLink's invariants; exits 1 when anything fails.",
            discussion: """
                A child holding two different valid UPNs or NHS numbers because of a reviewer's decision is \
                reported with the decision's id and the 'review revoke' command that undoes it; it is a warning \
                (exit 0) unless --strict is given.
                """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var storeOptions: StoreOptions
        @Flag(name: .long, help: "Fail (exit 1) on reviewer-made conflicts too.")
        var strict = false

        func run() throws {
            let outcome = try StoreJob.check(storePath: storeOptions.store, strict: strict)
            TerminalOutput.print(outcome.text)
            if !outcome.isHealthy { throw ExitCode.failure }
        }
    }

    /// `childlink store restore`.
    struct Restore: LoggingCommand {
        static let configuration = CommandConfiguration(
            commandName: "restore",
            abstract: "Put the store back as it was before its last run, from childlink.sqlite.bak."
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            TerminalOutput.print(try StoreJob.restore(storePath: storeOptions.store))
        }
    }
}

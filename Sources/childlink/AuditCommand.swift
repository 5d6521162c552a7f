import ArgumentParser
import ChildLinkCore
import ChildLinkModel

extension ChildLink {
    /// `childlink audit`.
    struct Audit: LoggingCommand {
        static let configuration = CommandConfiguration(
            commandName: "audit",
            abstract: "Show the audit log of footprint lookups and exports.",
            discussion: "Each line: time (UTC), OS user, command, query, and the ChildLink ids returned."
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var storeOptions: StoreOptions

        @Option(
            name: .long,
            help: ArgumentHelp("Show entries from this date (dd/MM/yyyy or yyyy-MM-dd) onwards.", valueName: "since"),
            transform: ArgumentValues.date)
        var since: CalendarDate?

        func run() throws {
            TerminalOutput.print(try AuditJob.run(storePath: storeOptions.store, since: since))
        }
    }
}

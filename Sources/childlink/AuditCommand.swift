import ArgumentParser
import ChildLinkCore

extension ChildLink {
    /// `childlink audit`.
    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "audit",
            abstract: "Show the audit log of footprint lookups and exports."
        )

        @OptionGroup var global: GlobalOptions

        func run() throws {
            throw NotYetAvailableError(command: "audit")
        }
    }
}

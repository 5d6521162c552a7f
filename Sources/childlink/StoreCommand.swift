import ArgumentParser
import ChildLinkCore

extension ChildLink {
    /// `childlink store`.
    struct Store: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "store",
            abstract: "Inspect and check ChildLink's history store."
        )

        @OptionGroup var global: GlobalOptions

        func run() throws {
            throw NotYetAvailableError(command: "store")
        }
    }
}

import ArgumentParser
import ChildLinkCore

extension ChildLink {
    /// `childlink weekly`.
    struct Weekly: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "weekly",
            abstract: "Produce the weekly Operational Missing Group pack."
        )

        @OptionGroup var global: GlobalOptions

        func run() throws {
            throw NotYetAvailableError(command: "weekly")
        }
    }
}

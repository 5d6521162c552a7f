import ArgumentParser
import ChildLinkCore

extension ChildLink {
    /// `childlink review`.
    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "review",
            abstract: "List uncertain pairs for clerical review and record decisions."
        )

        @OptionGroup var global: GlobalOptions

        func run() throws {
            throw NotYetAvailableError(command: "review")
        }
    }
}

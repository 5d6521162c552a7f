import ArgumentParser
import ChildLinkCore

extension ChildLink {
    /// `childlink link`.
    struct Link: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "link",
            abstract: "Link the records that belong to the same child and write links.csv and pairs.csv."
        )

        @OptionGroup var global: GlobalOptions

        func run() throws {
            throw NotYetAvailableError(command: "link")
        }
    }
}

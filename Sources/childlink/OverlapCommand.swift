import ArgumentParser
import ChildLinkCore

extension ChildLink {
    /// `childlink overlap`.
    struct Overlap: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "overlap",
            abstract: "Count the children in each combination of the four strands."
        )

        @OptionGroup var global: GlobalOptions

        func run() throws {
            throw NotYetAvailableError(command: "overlap")
        }
    }
}

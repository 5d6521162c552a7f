import ArgumentParser
import ChildLinkCore

extension ChildLink {
    /// `childlink footprint`.
    struct Footprint: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "footprint",
            abstract: "Show every record about one child on one timeline."
        )

        @OptionGroup var global: GlobalOptions

        func run() throws {
            throw NotYetAvailableError(command: "footprint")
        }
    }
}

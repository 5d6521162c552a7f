import ArgumentParser
import ChildLinkCore

extension ChildLink {
    /// `childlink profile`.
    struct Profile: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "profile",
            abstract: "Check a mapping profile that maps a council's own extract headers onto ChildLink's."
        )

        @OptionGroup var global: GlobalOptions

        func run() throws {
            throw NotYetAvailableError(command: "profile")
        }
    }
}

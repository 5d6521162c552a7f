import ArgumentParser
import ChildLinkCore

extension ChildLink {
    /// `childlink check`.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract:
                "Import extracts without linking and report what was read, rejected and how good the identifiers are."
        )

        @OptionGroup var global: GlobalOptions

        func run() throws {
            throw NotYetAvailableError(command: "check")
        }
    }
}

import ArgumentParser
import ChildLinkCore

extension ChildLink {
    /// `childlink scorecard`.
    struct Scorecard: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "scorecard",
            abstract: "Produce the Missing, CME, EHE, exclusions or Inclusion scorecard for a period."
        )

        @OptionGroup var global: GlobalOptions

        func run() throws {
            throw NotYetAvailableError(command: "scorecard")
        }
    }
}

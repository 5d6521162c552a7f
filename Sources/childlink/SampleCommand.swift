import ArgumentParser
import ChildLinkCore

extension ChildLink {
    /// `childlink sample`.
    struct Sample: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sample",
            abstract: "Generate a synthetic borough and its four extracts, for trying ChildLink out and for benchmarks."
        )

        @OptionGroup var global: GlobalOptions

        func run() throws {
            throw NotYetAvailableError(command: "sample")
        }
    }
}

import ArgumentParser
import ChildLinkCore
import Logging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `childlink` command: a thin front end over ChildLinkCore.
@main
struct ChildLink: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "childlink",
        abstract: "Link children's records across the missing, CME, EHE and exclusions extracts.",
        discussion: """
            ChildLink reads this week's extracts from Liquidlogic and the education systems, works \
            out which records belong to the same child, and produces the Inclusion Scorecard and \
            the Operational Missing Group pack.

            Start with 'childlink check FOLDER' on a new extract, then 'childlink weekly'.
            """,
        version: "0.1.0",
        subcommands: commands
    )

    /// The commands, in the order `--help` lists them. `serve` is there when the package is built with
    /// its default trait `Desk` (always, except the instruction guard's release build of `link`).
    private static var commands: [any ParsableCommand.Type] {
        var commands: [any ParsableCommand.Type] = [
            Sample.self, Check.self, Link.self, Weekly.self, Scorecard.self, Overlap.self,
            Footprint.self, Review.self,
        ]
        #if Desk
            commands.append(Serve.self)
        #endif
        return commands + [Profile.self, Store.self, Audit.self]
    }

    /// Runs the command line. A word in a command's place that names no command, but is near one,
    /// gets "did you mean …?" instead of the parser's "unexpected argument"; otherwise the command
    /// runs as ArgumentParser would, except that an error's message (which can name a file or a
    /// value from an extract) is made safe for a terminal before it is printed.
    static func main() {
        if let message = Self.misspeltCommand(Array(CommandLine.arguments.dropFirst())) {
            TerminalOutput.printError("Error: \(message)")
            Self.exit(withError: ExitCode(64))
        }
        do {
            var command = try parseAsRoot()
            ChildLinkLogging.bootstrap(verbose: (command as? any LoggingCommand)?.global.verbose ?? false)
            try command.run()
        } catch {
            let message = TerminalOutput.safe(fullMessage(for: error))
            let code = exitCode(for: error)
            if !message.isEmpty {
                if code == .success {
                    TerminalOutput.print(message)
                } else {
                    TerminalOutput.printError(message)
                }
            }
            #if canImport(Glibc)
                Glibc.exit(code.rawValue)
            #else
                Darwin.exit(code.rawValue)
            #endif
        }
    }

    /// What to say when the command path in `arguments` has a misspelt command, or `nil`.
    static func misspeltCommand(_ arguments: [String]) -> String? {
        misspeltCommand(arguments, subcommands: configuration.subcommands, path: "childlink")
    }

    /// The same, below the command `path` whose subcommands are `subcommands`.
    private static func misspeltCommand(
        _ arguments: [String], subcommands: [any ParsableCommand.Type], path: String
    ) -> String? {
        guard let word = arguments.first, !subcommands.isEmpty, !word.hasPrefix("-"), word != "help" else {
            return nil
        }
        if let next = subcommands.first(where: { $0._commandName == word }) {
            return misspeltCommand(
                Array(arguments.dropFirst()), subcommands: next.configuration.subcommands, path: "\(path) \(word)")
        }
        let known = "Run '\(path) --help' to see its commands."
        guard let suggestion = CommandSuggestion.nearest(to: word, among: subcommands.map { $0._commandName }) else {
            return "'\(word)' is not a command of \(path). \(known)"
        }
        return "'\(word)' is not a command of \(path). Did you mean '\(suggestion)'? \(known)"
    }
}

/// Options every command accepts.
struct GlobalOptions: ParsableArguments {
    @Flag(name: .long, help: "Log each step (files, counts, timings; never personal data) to standard error.")
    var verbose = false
}

/// A command that takes the ``GlobalOptions``: `main` sets up logging for it at the level
/// `--verbose` asks for, once, before it runs, so whatever it calls (the store updating its
/// schema, say) logs to standard error in the same form.
protocol LoggingCommand: ParsableCommand {
    var global: GlobalOptions { get }
}

extension LoggingCommand {
    /// The logger the command hands its job, at the level `--verbose` asks for.
    var logger: Logger { ChildLinkLogging.logger(verbose: global.verbose) }
}

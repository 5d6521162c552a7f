package import Logging

/// Sets up ChildLink's log output. Logs go to standard error; `--verbose` lowers the level to
/// `debug`. On a terminal, a long run shows how far it has got on one status line. Log messages name files, counts and record ids only, never a child's personal data.
package enum ChildLinkLogging {
    /// Bootstraps swift-log once per process and returns the tool's logger.
    package static func bootstrap(verbose: Bool) -> Logger {
        let line = ProgressLine.isTerminal ? ProgressLine() : nil
        LoggingSystem.bootstrap { label in
            ProgressAwareLogHandler(
                stream: StreamLogHandler.standardError(label: label), line: line, level: verbose ? .debug : .notice)
        }
        return logger(verbose: verbose)
    }

    /// A logger at the level `--verbose` asks for, without touching the global bootstrap.
    package static func logger(verbose: Bool) -> Logger {
        var logger = Logger(label: "childlink")
        logger.logLevel = verbose ? .debug : .notice
        return logger
    }
}

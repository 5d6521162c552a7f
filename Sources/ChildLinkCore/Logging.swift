package import Logging

/// Sets up ChildLink's log output. Logs go to standard error; `--verbose` lowers the level to
/// `debug`. On a terminal, a long run shows how far it has got on one status line. Log messages name files, counts and record ids only, never a child's personal data.
package enum ChildLinkLogging {
    /// Bootstraps swift-log for the process: once, before the command runs (swift-log allows one
    /// bootstrap). Every logger made after it, in any module, writes through this handler.
    package static func bootstrap(verbose: Bool) {
        let line = ProgressLine.isTerminal ? ProgressLine() : nil
        LoggingSystem.bootstrap { label in
            ProgressAwareLogHandler(
                stream: StreamLogHandler.standardError(label: label), line: line, level: verbose ? .debug : .notice)
        }
    }

    /// A logger at the level `--verbose` asks for, without touching the global bootstrap.
    package static func logger(verbose: Bool) -> Logger {
        var logger = Logger(label: "childlink")
        logger.logLevel = verbose ? .debug : .notice
        return logger
    }
}

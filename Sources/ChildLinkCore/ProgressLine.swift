import ChildLinkModel
import Foundation
package import Logging
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Logger {
    /// Reports how far a long run has got (`reading 8 extracts`, `linking: compare done`): a status
    /// line on an analyst's terminal, an ordinary `info` message under `--verbose`, nothing otherwise.
    /// Counts and stages only, never personal data.
    package func progress(_ message: String) {
        info("\(message)", metadata: [ProgressLine.metadataKey: "step"])
    }

    /// Ends the status line that ``progress(_:)`` drew, before the command prints its results.
    package func progressFinished() {
        info("done", metadata: [ProgressLine.metadataKey: "finished"])
    }
}

/// The one-line status a long run keeps redrawing on standard error while it works, when standard
/// error is a terminal: each ``Logging/Logger/progress(_:)`` message replaces the last, and the line
/// is wiped before any other message or the command's own output. Not drawn into files or pipes,
/// so scripts and CI logs stay clean.
final class ProgressLine: Sendable {
    /// The metadata key that marks a log message as progress.
    static let metadataKey = "childlink.progress"

    /// Whether a status is drawn; the lock also keeps two threads from drawing at once.
    private let isShowing = Mutex(false)

    /// Whether standard error is a terminal.
    static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Draws `message` in place of the current status.
    func show(_ message: String) {
        isShowing.withLock { isShowing in
            Self.emit("\r\u{1B}[K" + "childlink: " + message)
            isShowing = true
        }
    }

    /// Wipes the status, if one is drawn.
    func clear() {
        isShowing.withLock { isShowing in
            guard isShowing else { return }
            Self.emit("\r\u{1B}[K")
            isShowing = false
        }
    }

    private static func emit(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}

/// Forwards log messages to standard error, except progress messages, which become a status line on
/// a terminal (see ``ProgressLine``), ordinary messages under `--verbose`, and nothing otherwise.
///
/// With a status line, the handler lets `info` through to itself (swift-log filters by the level
/// before a handler sees a message) and drops every `info` that is not progress.
struct ProgressAwareLogHandler: LogHandler {
    var stream: StreamLogHandler
    let line: ProgressLine?
    /// The level the user asked for (`notice`, or `debug` with `--verbose`).
    private var threshold: Logger.Level

    init(stream: StreamLogHandler, line: ProgressLine?, level: Logger.Level) {
        self.stream = stream
        self.line = line
        threshold = level
        self.stream.logLevel = .trace
    }

    var logLevel: Logger.Level {
        get { line == nil ? threshold : min(threshold, .info) }
        set { threshold = newValue }
    }

    var metadata: Logger.Metadata {
        get { stream.metadata }
        set { stream.metadata = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { stream[metadataKey: key] }
        set { stream[metadataKey: key] = newValue }
    }

    func log(event: LogEvent) {
        if let kind = event.metadata?[ProgressLine.metadataKey] {
            if let line, threshold > .info {
                if case .string("finished") = kind {
                    line.clear()
                } else {
                    line.show(TerminalText.safe(event.message.description))
                }
            } else if threshold <= .info, case .string("step") = kind {
                var plain = event
                plain.metadata?[ProgressLine.metadataKey] = nil
                plain.message = "\(TerminalText.safe(event.message.description))"
                stream.log(event: plain)
            }
            return
        }
        guard event.level >= threshold else { return }
        line?.clear()
        if threshold > .info {
            TerminalOutput.printError(Self.sentence(event))
        } else {
            var safe = event
            safe.message = "\(TerminalText.safe(event.message.description))"
            stream.log(event: safe)
        }
    }

    /// A notice, warning or error as a person reads it, without the log line's timestamp, level
    /// and label: the message as a sentence, then its metadata in brackets.
    static func sentence(_ event: LogEvent) -> String {
        var text = "\(event.message)"
        if let first = text.first { text = first.uppercased() + text.dropFirst() }
        if let last = text.last, !".!?".contains(last) { text += "." }
        let details = (event.metadata ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        return details.isEmpty ? text : text + " (" + details.joined(separator: ", ") + ")"
    }
}

import Foundation

/// Why the review desk could not start or answer: a ``code`` to branch on, a ``message`` for the
/// person at the terminal or browser (never a value from an extract) and the ``cause`` beneath it.
package struct DeskError: Error, LocalizedError, CustomStringConvertible {
    /// What kind of problem it is.
    package enum Code: String, Sendable, Hashable {
        /// `--host` names an address other than the loopback ones.
        case notLoopback
        /// The server could not listen (the port is taken, or not allowed).
        case cannotListen
    }

    /// What kind of problem it is.
    package var code: Code
    /// What went wrong and what to do.
    package var message: String
    /// The error beneath this one, if any.
    package var cause: (any Error)?

    /// Creates an error.
    package init(code: Code, message: String, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    /// The message.
    package var errorDescription: String? { message }
    /// The message.
    package var description: String { message }
}

import Foundation

/// Why a ChildLinkCore job could not finish: a ``code`` to branch on, a ``message`` for the
/// person at the terminal (what went wrong and what to do; never a child's name, date of birth or
/// identifiers) and, when another error lies beneath, its ``cause``. Made with the static
/// constructors below, in the shape of swift-nio's `FileSystemError`.
///
/// Errors from other modules (`ImportError`, `StoreError`, `ReportWriteError`, `FileWriteError`) pass
/// through the jobs unchanged: they already say what the user needs.
package struct CoreError: Error, LocalizedError, CustomStringConvertible, Equatable {
    /// What kind of problem it is.
    package enum Code: String, Sendable, Hashable, CaseIterable {
        /// A truth file is missing or a line is not `Dataset,RecordID,TrueChildID`.
        case unreadableTruth
        /// A generic person CSV could not be read (a missing id column, an empty or repeated id).
        case unreadableInput
        /// A footprint query is not usable.
        case badQuery
        /// A footprint was asked for with neither extracts nor a store to look in.
        case nothingToSearch
        /// A job's options are out of range.
        case invalidOptions
        /// An output folder could not be created.
        case cannotCreateFolder
        /// There is no store file where one was expected.
        case noStore
        /// A review decision was not recorded: it contradicts hard evidence, or the pair is not on
        /// the review list, and `--force --note` was not given.
        case decisionRefused
        /// `--strict`: a reviewer decision put two valid UPNs or NHS numbers into one child.
        case reviewerMadeConflict
        /// The pseudonym key file cannot be read, written or does not hold a key.
        case badPseudonymKeyFile
        /// The extracts hold no data for what was asked (no files, or a week or period outside their dates).
        case noDataForPeriod
    }

    /// What kind of problem it is.
    package var code: Code
    /// What went wrong and what to do, as the user sees it.
    package var message: String
    /// The error beneath this one, if any.
    package var cause: (any Error)?

    /// Creates an error; prefer the static constructors, which word the message.
    package init(code: Code, message: String, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    /// The message.
    package var errorDescription: String? { message }

    /// The message.
    package var description: String { message }

    /// Two errors are equal when their code and message are (the cause is not compared).
    package static func == (lhs: CoreError, rhs: CoreError) -> Bool {
        lhs.code == rhs.code && lhs.message == rhs.message
    }
}

extension CoreError {
    /// The truth file at `path` cannot be read (`line` 0) or its line `line` is not `Dataset,RecordID,TrueChildID`.
    package static func unreadableTruth(path: String, line: Int, cause: (any Error)? = nil) -> CoreError {
        CoreError(
            code: .unreadableTruth,
            message: line == 0
                ? "\(path): cannot read the truth file" : "\(path):\(line): expected Dataset,RecordID,TrueChildID",
            cause: cause)
    }

    /// Line `line` of the generic input `path` cannot be used, for `reason`.
    package static func unreadableInput(path: String, line: Int, reason: String) -> CoreError {
        CoreError(code: .unreadableInput, message: "\(path):\(line): \(reason)")
    }

    /// A footprint query cannot be used; `message` says how to write it.
    package static func badQuery(_ message: String) -> CoreError {
        CoreError(code: .badQuery, message: message)
    }

    /// A footprint was asked for with neither extracts nor a store.
    package static var nothingToSearch: CoreError {
        CoreError(
            code: .nothingToSearch,
            message: "There is nothing to search: give extract files or folders, or a store (--store PATH, or "
                + "childlink.sqlite in the working folder).")
    }

    /// The options are out of range; `problem` says which and how to fix it.
    package static func invalidOptions(_ problem: String) -> CoreError {
        CoreError(code: .invalidOptions, message: problem)
    }

    /// The folder at `path` could not be created.
    package static func cannotCreateFolder(path: String, cause: (any Error)? = nil) -> CoreError {
        CoreError(code: .cannotCreateFolder, message: "cannot create the folder \(path)", cause: cause)
    }

    /// A review decision was not recorded; `message` says why (record and child ids only) and how
    /// to record it anyway.
    package static func decisionRefused(_ message: String) -> CoreError {
        CoreError(code: .decisionRefused, message: message)
    }

    /// `--strict`: a reviewer decision put conflicting identifiers into one child; `sentence` names
    /// the child and the decision (ids only) and how to revoke it.
    package static func reviewerMadeConflict(_ sentence: String) -> CoreError {
        CoreError(
            code: .reviewerMadeConflict,
            message: "The run stopped (--strict) and wrote nothing: \(sentence). Without --strict this is a warning.")
    }

    /// There is no store at `path`.
    package static func noStore(path: String) -> CoreError {
        CoreError(
            code: .noStore,
            message: "There is no ChildLink store at \(path). Run 'childlink weekly' first, or give --store PATH.")
    }

    /// The pseudonym key file at `path` has `problem` (never the key itself).
    package static func badPseudonymKeyFile(path: String, problem: String) -> CoreError {
        CoreError(
            code: .badPseudonymKeyFile,
            message: "The pseudonym key file \(path) \(problem). Give the key with --pseudonym-key or "
                + "CHILDLINK_PSEUDONYM_KEY, or move the file away to have a new key made (pseudonyms then change).")
    }

    /// The extracts hold no data for what was asked; `message` says what and what to do.
    package static func noDataForPeriod(_ message: String) -> CoreError {
        CoreError(code: .noDataForPeriod, message: message)
    }
}

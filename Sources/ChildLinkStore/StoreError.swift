import Foundation

/// The one error the store throws: a ``code`` to branch on, a ``message`` for the user (the text
/// `childlink` prints, naming paths, lines and record ids, never a child's personal data), the
/// underlying ``cause`` when there is one (a SQLite error, an `errno`) and where it was thrown.
///
/// Shaped after swift-nio's `FileSystemError`. Two errors are equal when their codes and messages
/// are, so tests can expect one exactly: `#expect(throws: StoreError.noBackup(path: p)) { … }`.
package struct StoreError: Error, LocalizedError, Equatable, CustomStringConvertible {
    /// What kind of problem it is.
    package var code: Code
    /// What went wrong and what to do, as the user sees it.
    package var message: String
    /// The error underneath, if any (a GRDB `DatabaseError`, a `POSIXError`).
    package var cause: (any Error)?
    /// Where in ChildLink the error was thrown, for bug reports.
    package var location: Location

    /// Creates an error.
    package init(
        code: Code, message: String, cause: (any Error)? = nil, file: String = #fileID, line: Int = #line
    ) {
        self.code = code
        self.message = message
        self.cause = cause
        self.location = Location(file: file, line: line)
    }

    /// The ``message``.
    package var errorDescription: String? { message }

    /// The ``message``, for command-line output.
    package var description: String { message }

    /// Equal codes and messages (the cause and location are left out).
    package static func == (lhs: StoreError, rhs: StoreError) -> Bool {
        lhs.code == rhs.code && lhs.message == rhs.message
    }

    /// A place in ChildLink's source.
    package struct Location: Hashable, Sendable {
        /// The file, as `#fileID` gives it.
        package var file: String
        /// The line.
        package var line: Int
    }

    /// The kinds of store error.
    package struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: String, Hashable, Sendable {
            case locked, noBackup, badCSV, badRecordKey, clusteringMismatch, unknownRecord, database, runInProgress
            case unknownChild, sameChild, unreadableRecord, unknownDecision, alreadyRevoked, notAStore
            case backupWouldLoseRuns
        }
        private let kind: Kind
        private init(_ kind: Kind) { self.kind = kind }

        /// The code's name, e.g. `locked`.
        package var description: String { kind.rawValue }

        /// Another process held the write lock longer than the busy timeout.
        package static let locked = Code(.locked)
        /// No backup file to restore from.
        package static let noBackup = Code(.noBackup)
        /// A review or decisions CSV line could not be read.
        package static let badCSV = Code(.badCSV)
        /// A record key was not written `Dataset:RecordID`.
        package static let badRecordKey = Code(.badRecordKey)
        /// The clusters given to ``StoreRun/assignChildIDs(clusters:)`` do not cover exactly the present records.
        package static let clusteringMismatch = Code(.clusteringMismatch)
        /// A decision names a record the store has never seen.
        package static let unknownRecord = Code(.unknownRecord)
        /// SQLite, or the file system under it, reported an error.
        package static let database = Code(.database)
        /// Another run (or a restore) held the store's run lock for longer than the wait, or a restore
        /// found a run holding it.
        package static let runInProgress = Code(.runInProgress)
        /// A ChildLink id that no record is assigned to.
        package static let unknownChild = Code(.unknownChild)
        /// Two ids given for a decision are now one child.
        package static let sameChild = Code(.sameChild)
        /// A stored record's event could not be read back.
        package static let unreadableRecord = Code(.unreadableRecord)
        /// A decision id that `review history` does not list.
        package static let unknownDecision = Code(.unknownDecision)
        /// A decision that was revoked already.
        package static let alreadyRevoked = Code(.alreadyRevoked)
        /// The file at the store's path is empty or is not a ChildLink store.
        package static let notAStore = Code(.notAStore)
        /// A run would replace backups that hold runs with one that holds none.
        package static let backupWouldLoseRuns = Code(.backupWouldLoseRuns)
    }
}

extension StoreError {
    /// Another process held the write lock longer than the busy timeout.
    package static func locked(
        path: String, seconds: Double, cause: (any Error)? = nil, sourceFile: String = #fileID, sourceLine: Int = #line
    ) -> StoreError {
        StoreError(
            code: .locked,
            message: "The ChildLink store \(path) is busy: another childlink process has been writing to it for "
                + "more than \(seconds) s. Wait for it to finish and try again.",
            cause: cause, file: sourceFile, line: sourceLine)
    }

    /// No backup file to restore from.
    package static func noBackup(path: String, sourceFile: String = #fileID, sourceLine: Int = #line) -> StoreError {
        StoreError(
            code: .noBackup, message: "There is no backup at \(path) to restore from.", file: sourceFile,
            line: sourceLine)
    }

    /// A review or decisions CSV line could not be read.
    package static func badCSV(
        path: String, line: Int, field: String, message: String, sourceFile: String = #fileID, sourceLine: Int = #line
    ) -> StoreError {
        StoreError(
            code: .badCSV, message: "\(path):\(line): error: \(message) [field \(field)]", file: sourceFile,
            line: sourceLine)
    }

    /// A record key was not written `Dataset:RecordID`.
    package static func badRecordKey(_ text: String, sourceFile: String = #fileID, sourceLine: Int = #line)
        -> StoreError
    {
        StoreError(
            code: .badRecordKey,
            message: "'\(text)' is not a record key; write Dataset:RecordID, e.g. Missing:E000123.", file: sourceFile,
            line: sourceLine)
    }

    /// The clusters given to ``StoreRun/assignChildIDs(clusters:)`` leave present records out, or
    /// name records that are not present (or name one twice).
    package static func clusteringMismatch(
        unassigned: Int, unknown: Int, examples: [String], sourceFile: String = #fileID, sourceLine: Int = #line
    ) -> StoreError {
        StoreError(
            code: .clusteringMismatch,
            message: "The clustering does not match this run's records: \(unassigned) present record(s) left out, "
                + "\(unknown) unknown or repeated (e.g. \(examples.joined(separator: ", "))). Nothing was assigned.",
            file: sourceFile, line: sourceLine)
    }

    /// A decision names a record the store has never seen (a typo in the id?).
    package static func unknownRecord(_ key: String, sourceFile: String = #fileID, sourceLine: Int = #line)
        -> StoreError
    {
        StoreError(
            code: .unknownRecord,
            message:
                "\(key) is not a record in the store; check the dataset and record id (see 'childlink review list').",
            file: sourceFile, line: sourceLine)
    }

    /// A SQLite or file-system error, with the database path.
    package static func database(
        path: String, message: String, cause: (any Error)? = nil, sourceFile: String = #fileID, sourceLine: Int = #line
    ) -> StoreError {
        StoreError(
            code: .database, message: "The ChildLink store \(path) reported an error: \(message)", cause: cause,
            file: sourceFile, line: sourceLine)
    }

    /// Another run held the store's run lock for longer than the wait (see
    /// ``ChildLinkStore/holdingRunLock(waitingUpTo:onWait:_:)``).
    /// When `holder` is a `store restore`, the message says so.
    package static func runInProgress(
        path: String, seconds: Double, holder: RunLockHolder = .run, sourceFile: String = #fileID,
        sourceLine: Int = #line
    ) -> StoreError {
        let other = holder == .restore ? "A 'childlink store restore'" : "Another childlink run"
        let finished = holder == .restore ? "the restore has finished" : "the other one has finished"
        return StoreError(
            code: .runInProgress,
            message: "\(other) has been using the store \(path) for more than \(format(seconds)) s, "
                + "so this run gave up waiting and wrote nothing. Run it again when \(finished), "
                + "or wait longer with --store-wait SECONDS.",
            file: sourceFile, line: sourceLine)
    }

    /// `store restore` found a run holding the store's run lock: restoring then would undo the run
    /// as it is written, so nothing was changed.
    package static func restoreDuringRun(path: String, sourceFile: String = #fileID, sourceLine: Int = #line)
        -> StoreError
    {
        StoreError(
            code: .runInProgress,
            message: "A childlink run is using the store \(path) now, so store restore changed nothing (restoring "
                + "during a run would undo what it is writing). Wait for the run to finish, then run "
                + "'childlink store restore --store \(path)' again.",
            file: sourceFile, line: sourceLine)
    }

    /// A ChildLink id that no record is assigned to (a typo, or a run since?).
    package static func unknownChild(_ id: String, sourceFile: String = #fileID, sourceLine: Int = #line) -> StoreError
    {
        StoreError(
            code: .unknownChild,
            message: "\(id) is not a child in the store's latest run; check the id (see 'childlink review list').",
            file: sourceFile, line: sourceLine)
    }

    /// Two ids given for a decision are now one child.
    package static func sameChild(_ id: String, sourceFile: String = #fileID, sourceLine: Int = #line) -> StoreError {
        StoreError(
            code: .sameChild, message: "Both ids are now the same child, \(id); there is nothing to decide.",
            file: sourceFile, line: sourceLine)
    }

    /// A stored record has a column or event field that cannot be read back (the store was edited by hand?).
    static func unreadableRecord(field: String, sourceFile: String = #fileID, sourceLine: Int = #line) -> StoreError {
        StoreError(
            code: .unreadableRecord,
            message:
                "A stored record has an unreadable \(field) (was the store edited by hand?); "
                + "'childlink store restore' puts back the copy taken before the latest run.",
            file: sourceFile, line: sourceLine)
    }

    /// A decision id that `review history` does not list (a typo?).
    package static func unknownDecision(_ id: String, sourceFile: String = #fileID, sourceLine: Int = #line)
        -> StoreError
    {
        StoreError(
            code: .unknownDecision,
            message: "\(id) is not a review decision in this store; see 'childlink review history' for the ids.",
            file: sourceFile, line: sourceLine)
    }

    /// A decision that was revoked already: there is nothing left to withdraw.
    package static func alreadyRevoked(_ id: String, sourceFile: String = #fileID, sourceLine: Int = #line)
        -> StoreError
    {
        StoreError(
            code: .alreadyRevoked,
            message: "\(id) was revoked already; 'childlink review history' shows when and why. To decide the "
                + "pair again, use 'childlink review accept' or 'reject'.",
            file: sourceFile, line: sourceLine)
    }

    /// The file at the store's path is empty or is not a ChildLink store, so nothing is written to it.
    package static func notAStore(
        path: String, reason: String, sourceFile: String = #fileID, sourceLine: Int = #line
    ) -> StoreError {
        StoreError(
            code: .notAStore,
            message: "\(path) is not a ChildLink store: \(reason). ChildLink will not start a new history over it "
                + "(a file emptied by a failed copy, a sync client or a disk repair must not be taken for a new "
                + "store). To put back the last backup, run 'childlink store restore --store \(path)'; to start "
                + "a new store, move the file away or give another --store.",
            file: sourceFile, line: sourceLine)
    }

    /// A run on a store that holds no runs would push out backups that hold some.
    package static func backupWouldLoseRuns(
        path: String, backup: String, runs: Int, sourceFile: String = #fileID, sourceLine: Int = #line
    ) -> StoreError {
        StoreError(
            code: .backupWouldLoseRuns,
            message: "The store \(path) holds no runs, but its backup \(backup) holds \(runs): the store may have "
                + "been emptied or replaced, so this run wrote nothing. To put the history back, run "
                + "'childlink store restore --store \(path)'; to start a new history on purpose, move \(path) and "
                + "its backups (\(path).bak*) away first.",
            file: sourceFile, line: sourceLine)
    }

    /// `600` rather than `600.0`; fractions kept.
    static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() && abs(seconds) < 1e15 ? String(Int(seconds)) : String(seconds)
    }
}

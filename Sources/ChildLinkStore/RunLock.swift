import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension ChildLinkStore {
    /// The default time a run waits for another run on the same store to finish, in seconds (10 minutes).
    package static let defaultRunWait: Double = 600

    /// The lock file beside the store that runs take for their whole length: `<path>.lock`, or `nil` in memory.
    package var runLockPath: String? { path.map { $0 + ".lock" } }

    /// Runs `body` while holding the store's run lock, so that two runs on one store happen one
    /// after the other: the second reads the store (carried-over records, decisions, ids) only once
    /// the first has committed, and so works against the state the first one left.
    ///
    /// The lock is an advisory `flock` on ``runLockPath`` (mode 0600; while held it names its holder,
    /// ``RunLockHolder``, and nothing else), which the
    /// system releases when the process ends, however it ends: a killed run never leaves it held.
    /// It is separate from SQLite's write lock, so review commands and readers are kept waiting
    /// only by a run's write transaction, as before.
    ///
    /// - Parameters:
    ///   - seconds: How long to wait for another run (default ``defaultRunWait``).
    ///   - onWait: Called once, when the lock is held by another run and this one starts waiting.
    ///   - body: The run.
    /// - Throws: ``StoreError/runInProgress(path:seconds:)`` when the other run holds the lock for
    ///   longer than `seconds`, ``StoreError/database(path:message:)`` when the lock file cannot be
    ///   opened, or what `body` throws.
    package func holdingRunLock<T>(
        waitingUpTo seconds: Double = ChildLinkStore.defaultRunWait, onWait: () -> Void = {}, _ body: () throws -> T
    ) throws -> T {
        guard let path else { return try body() }
        return try Self.holdingRunLock(path: path, waitingUpTo: seconds, as: .run, onWait: onWait, body)
    }

    /// Runs `body` holding the run lock of the store at `path` (see
    /// ``holdingRunLock(waitingUpTo:onWait:_:)``), as `holder`: the lock file names what holds it
    /// (`run` or `store restore`, nothing else), so a run that gives up waiting can say what it
    /// waited for.
    ///
    /// - Throws: ``StoreError/runInProgress(path:seconds:holder:)`` when the lock is held for longer than
    ///   `seconds`; ``StoreError/database(path:message:cause:sourceFile:sourceLine:)`` when the lock
    ///   file cannot be opened; or what `body` throws.
    package static func holdingRunLock<T>(
        path: String, waitingUpTo seconds: Double, as holder: RunLockHolder, onWait: () -> Void = {},
        _ body: () throws -> T
    ) throws -> T {
        let timedOut = { StoreError.runInProgress(path: path, seconds: seconds, holder: RunLockHolder(reading: $0)) }
        return try LockFile.holding(
            path + ".lock", named: "run lock", .exclusive, waitingUpTo: seconds, onWait: onWait, timedOut: timedOut
        ) { descriptor in
            holder.write(to: descriptor)
            defer { ftruncate(descriptor, 0) }
            return try body()
        }
    }
}

/// What holds a store's run lock: a run (`link`, `weekly`, …) or `store restore`.
package enum RunLockHolder: String, Sendable {
    /// A run of the pipeline.
    case run
    /// `childlink store restore`.
    case restore = "store restore"

    /// What the lock file open at `descriptor` names; a run when it names nothing (an earlier
    /// version, or the moment between taking the lock and writing the name).
    init(reading descriptor: Int32) {
        var bytes = [UInt8](repeating: 0, count: 32)
        let count = pread(descriptor, &bytes, bytes.count, 0)
        self = RunLockHolder(rawValue: String(decoding: bytes.prefix(max(count, 0)), as: UTF8.self)) ?? .run
    }

    /// Writes the name into the lock file open at `descriptor` (replacing what was there).
    func write(to descriptor: Int32) {
        ftruncate(descriptor, 0)
        let bytes = Array(rawValue.utf8)
        _ = pwrite(descriptor, bytes, bytes.count, 0)
    }
}

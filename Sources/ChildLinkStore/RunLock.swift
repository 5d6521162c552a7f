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
    /// The lock is an advisory `flock` on ``runLockPath`` (an empty file, mode 0600), which the
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
        guard let path, let lockPath = runLockPath else { return try body() }
        try FilePrivacy.createPrivateFile(at: lockPath)
        let descriptor = open(lockPath, O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw StoreError.database(
                path: lockPath, message: "cannot open the run lock: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        try waitForLock(descriptor, path: path, seconds: seconds, onWait: onWait)
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }

    /// Takes the exclusive lock on `descriptor`, polling every 50 ms until `seconds` have passed.
    private func waitForLock(_ descriptor: Int32, path: String, seconds: Double, onWait: () -> Void) throws {
        let deadline = Date().addingTimeInterval(seconds)
        var announced = false
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                throw StoreError.database(
                    path: path, message: "cannot take the run lock: \(String(cString: strerror(errno)))")
            }
            guard Date() < deadline else { throw StoreError.runInProgress(path: path, seconds: seconds) }
            if !announced {
                onWait()
                announced = true
            }
            usleep(50_000)
        }
    }
}

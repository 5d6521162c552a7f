import ChildLinkFiles
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The store's restore gate, the lock file `<store>.restore.lock` (mode 0600).
///
/// `store restore` holds it exclusively from reading the audit entries and review decisions made
/// since the backup until the backup is back in place; every write outside a run (a review
/// decision, a revocation, an audit entry) holds it shared while it commits. So a decision is
/// committed either before the restore reads what to carry forward (and is carried), or after the
/// restore (on the restored store): never in between, where the restore would overwrite it.
/// Writers share the gate, so a review never waits for another review or for a run, only for a
/// restore (under a second on a county's store). Runs do not take it: they hold the run lock, which
/// a restore also needs.
enum RestoreGate {
    /// How the gate is held.
    enum Mode {
        /// By a write outside a run: any number at once.
        case shared
        /// By `store restore`: alone.
        case exclusive

        fileprivate var operation: Int32 { self == .shared ? LOCK_SH : LOCK_EX }
    }

    /// The gate's lock file for the store at `storePath`.
    static func path(of storePath: String) -> String { storePath + ".restore.lock" }

    /// Runs `body` holding the gate of the store at `storePath` in `mode`, waiting up to `seconds`
    /// for it (polling every 20 ms).
    ///
    /// - Throws: ``StoreError/locked(path:seconds:cause:sourceFile:sourceLine:)`` when a restore (or,
    ///   for the restore, a write) holds it for longer than `seconds`;
    ///   ``StoreError/database(path:message:cause:sourceFile:sourceLine:)`` when the lock file cannot
    ///   be opened; or what `body` throws.
    static func holding<T>(_ storePath: String, _ mode: Mode, waitingUpTo seconds: Double, _ body: () throws -> T)
        throws -> T
    {
        let lockPath = path(of: storePath)
        try FilePrivacy.createPrivateFile(at: lockPath)
        let descriptor = open(lockPath, O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw StoreError.database(
                path: lockPath, message: "cannot open the restore lock: \(String(cString: strerror(errno)))",
                cause: StoreError.errnoCause())
        }
        defer { close(descriptor) }
        let deadline = Date().addingTimeInterval(seconds)
        while flock(descriptor, mode.operation | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                throw StoreError.database(
                    path: lockPath, message: "cannot take the restore lock: \(String(cString: strerror(errno)))",
                    cause: StoreError.errnoCause())
            }
            guard Date() < deadline else {
                throw StoreError.locked(path: storePath, seconds: seconds, cause: StoreError.errnoCause())
            }
            usleep(20_000)
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}

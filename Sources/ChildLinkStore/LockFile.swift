import ChildLinkFiles
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An advisory `flock` on a lock file beside the store (created with mode 0600), the one mechanism
/// behind the run lock and the ``RestoreGate``.
///
/// The system releases the lock when the process ends, however it ends, so a killed command never
/// leaves it held.
enum LockFile {
    /// How a lock file is held.
    enum Mode {
        /// By any number of holders at once (`LOCK_SH`).
        case shared
        /// By one holder alone (`LOCK_EX`).
        case exclusive

        fileprivate var operation: Int32 { self == .shared ? LOCK_SH : LOCK_EX }
    }

    /// How often a waiting holder tries the lock again, in microseconds (20 ms).
    private static let pollInterval: useconds_t = 20_000

    /// Runs `body` with the lock file at `lockPath` held in `mode`, waiting up to `seconds` for it.
    ///
    /// - Parameters:
    ///   - lockPath: The lock file; created (0600) when missing.
    ///   - name: What the lock is called in an error ("run lock", "restore lock").
    ///   - onWait: Called once, when another holder has the lock and this one starts waiting.
    ///   - timedOut: The error to throw when the lock is still held after `seconds`; it is given the
    ///     open descriptor, so it can read what the lock file says about its holder.
    ///   - body: The work, given the open descriptor (to write the holder's name into the file).
    /// - Throws: ``StoreError/database(path:message:cause:sourceFile:sourceLine:)`` when the lock file
    ///   cannot be opened or locked, `timedOut`'s error, or what `body` throws.
    static func holding<T>(
        _ lockPath: String, named name: String, _ mode: Mode, waitingUpTo seconds: Double,
        onWait: () -> Void = {}, timedOut: (Int32) -> StoreError, _ body: (Int32) throws -> T
    ) throws -> T {
        try FilePrivacy.createPrivateFile(at: lockPath)
        let descriptor = open(lockPath, O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure("cannot open the \(name)", lockPath) }
        defer { close(descriptor) }
        try wait(for: descriptor, mode, seconds: seconds, onWait: onWait) {
            errno == EWOULDBLOCK || errno == EINTR ? nil : failure("cannot take the \(name)", lockPath)
        } timedOut: {
            timedOut(descriptor)
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body(descriptor)
    }

    /// Takes the lock on `descriptor`, trying again every ``pollInterval`` until `seconds` have passed.
    private static func wait(
        for descriptor: Int32, _ mode: Mode, seconds: Double, onWait: () -> Void,
        unexpected: () -> StoreError?, timedOut: () -> StoreError
    ) throws {
        let deadline = Date().addingTimeInterval(seconds)
        var announced = false
        while flock(descriptor, mode.operation | LOCK_NB) != 0 {
            if let error = unexpected() { throw error }
            guard Date() < deadline else { throw timedOut() }
            if !announced {
                onWait()
                announced = true
            }
            usleep(pollInterval)
        }
    }

    /// A store error for a lock file that cannot be used, with the system's reason (never personal data).
    private static func failure(_ what: String, _ lockPath: String) -> StoreError {
        StoreError.database(
            path: lockPath, message: "\(what): \(String(cString: strerror(errno)))", cause: StoreError.errnoCause())
    }
}

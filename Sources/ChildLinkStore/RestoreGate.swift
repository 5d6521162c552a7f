import Foundation

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
    /// How the gate is held: shared by writes outside a run (any number at once), exclusive by
    /// `store restore` (alone).
    typealias Mode = LockFile.Mode

    /// The gate's lock file for the store at `storePath`.
    static func path(of storePath: String) -> String { storePath + ".restore.lock" }

    /// Runs `body` holding the gate of the store at `storePath` in `mode`, waiting up to `seconds`
    /// for it.
    ///
    /// - Throws: ``StoreError/locked(path:seconds:cause:sourceFile:sourceLine:)`` when a restore (or,
    ///   for the restore, a write) holds it for longer than `seconds`;
    ///   ``StoreError/database(path:message:cause:sourceFile:sourceLine:)`` when the lock file cannot
    ///   be opened; or what `body` throws.
    static func holding<T>(_ storePath: String, _ mode: Mode, waitingUpTo seconds: Double, _ body: () throws -> T)
        throws -> T
    {
        let timedOut = { (_: Int32) in
            StoreError.locked(path: storePath, seconds: seconds, cause: StoreError.errnoCause())
        }
        return try LockFile.holding(
            path(of: storePath), named: "restore lock", mode, waitingUpTo: seconds, timedOut: timedOut
        ) {
            _ in try body()
        }
    }
}

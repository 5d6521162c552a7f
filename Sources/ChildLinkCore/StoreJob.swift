package import ChildLinkStore
import Foundation

/// `childlink store`: the history store's health, and restoring it from its backup.
package enum StoreJob {
    /// What `store check` found.
    package struct CheckOutcome: Sendable {
        /// The verdict, ready to print.
        package let text: String
        /// Whether the store passed every check (the command exits non-zero otherwise).
        package let isHealthy: Bool
    }

    /// Opens an existing store, refusing to create one where none is.
    ///
    /// - Throws: ``CoreError/noStore(path:)`` or ``StoreError``.
    package static func openExisting(at path: String, busyTimeout: Double = ChildLinkStore.defaultBusyTimeout) throws
        -> ChildLinkStore
    {
        guard FileManager.default.fileExists(atPath: path) else { throw CoreError.noStore(path: path) }
        return try ChildLinkStore(path: path, busyTimeout: busyTimeout)
    }

    /// Runs `PRAGMA integrity_check` and the tool's invariants and says whether the store is healthy.
    /// A child that holds conflicting identifiers because of a reviewer decision is reported with the
    /// decision and how to revoke it; it fails the check only when `strict`.
    ///
    /// - Throws: ``CoreError`` or ``StoreError``.
    package static func check(storePath: String, strict: Bool = false) throws -> CheckOutcome {
        let store = try openExisting(at: storePath)
        let report = try store.check()
        let runs = try store.runs()
        var lines = ["Store: \(storePath)", "Schema: \(try store.appliedMigrations().count) migrations applied"]
        lines.append("Runs: \(runs.count)" + (runs.last.map { ", the latest #\($0.id) \($0.note ?? "")" } ?? ""))
        let counts = try store.currentCounts()
        lines.append("Children: \(counts.children); present records: \(counts.presentRecords)")
        lines.append(report.description)
        return CheckOutcome(
            text: lines.joined(separator: "\n"),
            isHealthy: report.isHealthy && (!strict || report.reviewerConflicts.isEmpty))
    }

    /// Replaces the store with the backup taken before its last run.
    ///
    /// - Returns: A sentence saying what was restored.
    /// - Throws: ``StoreError/noBackup(path:)``, ``CoreError`` or ``StoreError``.
    package static func restore(storePath: String) throws -> String {
        guard FileManager.default.fileExists(atPath: storePath) else { throw CoreError.noStore(path: storePath) }
        // Not through openExisting: a damaged store must be restorable without being read.
        try ChildLinkStore.restore(path: storePath)
        let store = try openExisting(at: storePath)
        let runs = try store.runs()
        return "Restored \(storePath) from \(store.backupPath ?? "its backup"): it now holds \(runs.count) run(s)"
            + (runs.last.map { ", the latest #\($0.id)." } ?? ".")
    }
}

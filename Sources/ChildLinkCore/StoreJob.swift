import ChildLinkMatching
import ChildLinkModel
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

    /// Runs `PRAGMA integrity_check` and the tool's invariants and says whether the store is healthy;
    /// a store that cannot be read at all (damaged, empty, not a ChildLink store) gets a verdict too.
    /// Either way an unhealthy store's outcome ends with the next step and the backups it could use.
    /// A child that holds conflicting identifiers because of a reviewer decision is reported with the
    /// decision and how to revoke it; it fails the check only when `strict`.
    ///
    /// - Throws: ``CoreError/noStore(path:)`` when there is no file; ``StoreError`` for a busy store.
    package static func check(storePath: String, strict: Bool = false) throws -> CheckOutcome {
        guard FileManager.default.fileExists(atPath: storePath) else { throw CoreError.noStore(path: storePath) }
        do {
            return try checkReadable(storePath, strict: strict)
        } catch let error as StoreError where [.database, .notAStore].contains(error.code) {
            var lines = ["Store: \(storePath)", "Verdict: the store cannot be used. \(error.message)"]
            lines += backupLines(storePath)
            return CheckOutcome(text: lines.joined(separator: "\n"), isHealthy: false)
        }
    }

    private static func checkReadable(_ storePath: String, strict: Bool) throws -> CheckOutcome {
        let store = try ChildLinkStore(path: storePath)
        // The latest run read these as no identifier: a child holding one beside its own number is no conflict.
        let report = try store.check(placeholders: StoredModelCoding.latestPlaceholders(in: store).values)
        let runs = try store.runs()
        var lines = ["Store: \(storePath)", "Schema: \(try store.appliedMigrations().count) migrations applied"]
        lines.append("Runs: \(runs.count)" + (runs.last.map { ", the latest #\($0.id) \($0.note ?? "")" } ?? ""))
        let counts = try store.currentCounts()
        lines.append("Children: \(counts.children); present records: \(counts.presentRecords)")
        lines.append(report.description)
        if !report.isHealthy { lines += backupLines(storePath) }
        return CheckOutcome(
            text: lines.joined(separator: "\n"),
            isHealthy: report.isHealthy && (!strict || report.reviewerConflicts.isEmpty))
    }

    /// The backups beside the store, newest first, and what to do next.
    static func backupLines(_ storePath: String) -> [String] {
        let backups = ChildLinkStore.backups(of: storePath)
        guard let usable = backups.first(where: { $0.runs != nil }) else {
            return [
                "Backups: none that can be read.",
                "Next step: restore \(storePath) from the council's own file backups, or move it away to start a "
                    + "new store (every child then gets a new ChildLink id).",
            ]
        }
        return ["Backups:"] + backups.map { "  " + describe($0) } + [
            "Next step: run 'childlink store restore --store \(storePath)' to put back \(usable.path) "
                + "(\(usable.runs ?? 0) run(s)); then run again any week since."
        ]
    }

    /// `s.sqlite.bak: 12 run(s), the latest started 02/12/2026 21:03 UTC`, or `damaged`.
    static func describe(_ backup: StoreBackup) -> String {
        guard let runs = backup.runs else { return "\(backup.path): damaged, cannot be read" }
        return "\(backup.path): \(runs) run(s)"
            + (backup.latestRunAt.map { ", the latest started \(AuditJob.ukTimestamp($0))" } ?? "")
    }

    /// What the restore carried forward from the store, as a sentence.
    static func keptSentence(_ kept: RestoreCarry.Kept?) -> String {
        guard let kept else {
            return "The store could not be read, so no audit entry or review decision made since the backup "
                + "could be kept; record those decisions again."
        }
        // Each reviewer decision is one `reviewDecision` row (its record pairs are `decision` rows).
        let decisions = kept.decisionRows["reviewDecision"] ?? kept.decisionRows["decision"] ?? 0
        var text =
            "Kept from the store: \(kept.auditEntries) audit entr\(kept.auditEntries == 1 ? "y" : "ies") and "
            + "\(decisions) review decision(s) made since the backup"
        let others = kept.decisionRows.filter { !["reviewDecision", "decision"].contains($0.key) && $0.value > 0 }
            .sorted { $0.key < $1.key }
        if !others.isEmpty {
            text += " (and " + others.map { "\($0.value) \($0.key) row(s)" }.joined(separator: ", ") + ")"
        }
        return text + "."
    }

    /// Replaces the store with the backup taken before its last run.
    ///
    /// - Returns: A sentence saying what was restored.
    /// - Throws: ``StoreError/noBackup(path:)``, ``CoreError`` or ``StoreError``.
    package static func restore(storePath: String) throws -> String {
        guard FileManager.default.fileExists(atPath: storePath) else { throw CoreError.noStore(path: storePath) }
        // Not through openExisting: a damaged store must be restorable without being read.
        let outcome = try ChildLinkStore.restore(path: storePath)
        let store = try openExisting(at: storePath)
        let runs = try store.runs()
        return "Restored \(storePath) from \(outcome.backupPath): it now holds \(runs.count) run(s)"
            + (runs.last.map { ", the latest #\($0.id)." } ?? ".") + "\n" + keptSentence(outcome.kept)
    }
}

package import ChildLinkModel
import ChildLinkStore
package import Foundation

/// `childlink audit`: who looked up or exported what, and when.
package enum AuditJob {
    /// The audit log from `since` (from midnight UTC) onwards, one line per entry: time (UTC, UK order), user,
    /// command, query, ChildLink ids returned.
    ///
    /// - Throws: ``CoreError/noStore(path:)`` or ``StoreError``.
    package static func run(storePath: String, since: CalendarDate?) throws -> String {
        let start = since.map { Date(timeIntervalSince1970: Double($0.daysSinceEpoch) * 86_400) }
        let entries = try StoreJob.openExisting(at: storePath).auditLog(since: start)
        guard !entries.isEmpty else { return "No audit entries" + (since.map { " since \($0.uk)." } ?? ".") }
        return entries.map(line).joined(separator: "\n")
    }

    static func line(_ entry: AuditEntry) -> String {
        let ids = entry.childIDs.isEmpty ? "(none)" : entry.childIDs.map(\.description).joined(separator: " ")
        return "\(ukTimestamp(entry.at, withSeconds: true))  \(entry.user)  \(entry.command)  \(entry.query)  -> \(ids)"
    }

    /// `dd/MM/yyyy HH:mm UTC` (with `:ss` when `withSeconds`), for people: the one way ChildLink
    /// writes a moment it recorded (a decision, a lookup, a backup's run).
    package static func ukTimestamp(_ date: Date, withSeconds: Bool = false) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let day = CalendarDate(daysSinceEpoch: Int((Double(seconds) / 86_400).rounded(.down)))
        let second = seconds - day.daysSinceEpoch * 86_400
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let time = "\(two(second / 3600)):\(two(second / 60 % 60))" + (withSeconds ? ":\(two(second % 60))" : "")
        return "\(day.uk) \(time) UTC"
    }
}

extension AuditJob {
    /// Writes one entry to the store's audit log (OS user and time added by the store), for a
    /// reading of personal data that no other job audits: the desk's view of a report file.
    ///
    /// - Throws: ``CoreError/noStore(path:)`` or ``StoreError``.
    package static func record(storePath: String, command: String, query: String, childIDs: [ChildLinkID]) throws {
        try StoreJob.openExisting(at: storePath).logAudit(command: command, query: query, childIDs: childIDs)
    }
}

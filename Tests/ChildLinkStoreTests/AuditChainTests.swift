import ChildLinkModel
import Foundation
import Testing

@testable import ChildLinkStore

/// Append-only means append-only: restore keeps what the audit log and the decisions gained since
/// the backup, and an edited or deleted audit entry is found by `store check`.
@Suite("Audit chain and restore carrying entries forward")
struct AuditChainTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("childlink-chain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    var storePath: String { folder.appendingPathComponent("s.sqlite").path }

    @Test("restore with later audit entries: the runs go back, 2 later audit entries and 1 decision are kept")
    func restoreWithLaterAuditEntries() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            let store = try ChildLinkStore(path: storePath, user: "analyst")
            _ = try store.performRun { try $0.upsert([Fixture.missing("M1"), Fixture.missing("M2")]) }
            try store.logAudit(command: "footprint", query: "--child-id CL000001", childIDs: [])
            // The backup taken now holds run 1 and the first audit entry.
            _ = try store.performRun { try $0.upsert([Fixture.missing("M1"), Fixture.missing("M2")]) }
            try store.logAudit(command: "footprint", query: "--child-id CL000002", childIDs: [])
            _ = try store.decide(Fixture.key("Missing:M1"), Fixture.key("Missing:M2"), .cannotLink, note: "twins")
            try store.logAudit(command: "review export", query: "review.csv", childIDs: [])
        }
        let outcome = try ChildLinkStore.restore(path: storePath)
        #expect(outcome.backupPath == storePath + ".bak")
        // The one reviewer decision (its reviewDecision row and its one record pair), nothing revoked.
        #expect(
            outcome.kept
                == RestoreCarry.Kept(
                    auditEntries: 2, decisionRows: ["reviewDecision": 1, "decision": 1, "decisionRevocation": 0]))

        let restored = try ChildLinkStore(path: storePath, user: "analyst")
        #expect(try restored.runs().map(\.id) == [1])
        #expect(
            try restored.auditLog().map(\.query) == ["--child-id CL000001", "--child-id CL000002", "review.csv"])
        #expect(try restored.decisions().map(\.note) == ["twins"])
        let report = try restored.check()
        #expect(report.isHealthy, "the carried entries are chained: \(report)")
    }

    /// A store with three audit entries and the append-only triggers dropped, as someone
    /// tampering with the file would.
    func tamperableStore() throws -> ChildLinkStore {
        let store = try ChildLinkStore(path: storePath, user: "analyst")
        for query in ["--upn A", "--upn B", "--upn C"] {
            try store.logAudit(command: "footprint", query: query, childIDs: [])
        }
        #expect(try store.check().isHealthy)
        try store.executeUnchecked("DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete")
        return store
    }

    @Test("an edited audit entry breaks the chain: store check names it")
    func editedAuditEntryIsDetected() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try tamperableStore()
        try store.executeUnchecked("UPDATE audit SET query = '--upn Z' WHERE id = 2")
        let report = try store.check()
        #expect(!report.isHealthy)
        #expect(
            report.violations == [
                "the audit log's append-only triggers are missing",
                "audit entry #2 does not match the audit chain: it, or the entry before it, was edited or deleted",
            ])
    }

    @Test("a deleted audit entry is found, with or without its hash")
    func deletedAuditEntryIsDetected() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try tamperableStore()
        try store.executeUnchecked("DELETE FROM audit WHERE id = 2")
        #expect(try store.check().violations.last == "audit entry #2 was deleted (its hash is still in the chain)")
        try store.executeUnchecked("DROP TRIGGER auditChain_no_delete; DELETE FROM auditChain WHERE auditID = 2")
        #expect(
            try store.check().violations.last
                == "audit entry #3 does not match the audit chain: it, or the entry before it, was edited or deleted")
    }
}

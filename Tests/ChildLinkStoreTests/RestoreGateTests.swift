import ChildLinkModel
import Foundation
import Testing

@testable import ChildLinkStore

/// A review decision is never lost to a `store restore`: the restore holds the restore gate alone
/// while it reads what to carry forward and puts the backup back, and every write outside a run
/// holds it shared. Each test holds one side of the gate itself (as the other process would), so
/// nothing depends on timing: the other side must give up after its busy timeout, changing nothing.
@Suite("Restore gate: decisions and restores never interleave")
struct RestoreGateTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("childlink-gate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    var storePath: String { folder.appendingPathComponent("s.sqlite").path }

    /// A store with two runs (so it has a backup holding run 1) and two Missing records.
    func storeWithBackup(busyTimeout: Double) throws -> ChildLinkStore {
        let store = try ChildLinkStore(path: storePath, busyTimeout: busyTimeout, user: "analyst")
        for _ in 1...2 { _ = try store.performRun { try $0.upsert([Fixture.missing("M1"), Fixture.missing("M2")]) } }
        return store
    }

    @Test("a decision made while a restore holds the gate waits, then gives up changing nothing")
    func decisionWaitsForRestore() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try storeWithBackup(busyTimeout: 0.2)
        try RestoreGate.holding(storePath, .exclusive, waitingUpTo: 0) {
            #expect(throws: StoreError.self) {
                _ = try store.decide(Fixture.key("Missing:M1"), Fixture.key("Missing:M2"), .cannotLink, note: "twins")
            }
            #expect(throws: StoreError.self) {
                try store.logAudit(command: "footprint", query: "--upn A", childIDs: [])
            }
        }
        #expect(try store.decisions().isEmpty)
        #expect(try store.auditLog().isEmpty)
        // Once the restore has let go, the same decision is recorded.
        _ = try store.decide(Fixture.key("Missing:M1"), Fixture.key("Missing:M2"), .cannotLink, note: "twins")
        #expect(try store.decisions().map(\.note) == ["twins"])
    }

    @Test("a restore started while a decision is being written waits for it, then gives up changing nothing")
    func restoreWaitsForDecision() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try storeWithBackup(busyTimeout: 0.2)
        let before = try Data(contentsOf: URL(fileURLWithPath: storePath))
        try RestoreGate.holding(storePath, .shared, waitingUpTo: 0) {
            let error = #expect(throws: StoreError.self) {
                try ChildLinkStore.restore(path: storePath, busyTimeout: 0.2)
            }
            #expect(error?.code == .locked)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: storePath)) == before)
        // Once the decision is written, the restore goes ahead and carries it forward.
        let store = try ChildLinkStore(path: storePath, busyTimeout: 0.2, user: "analyst")
        _ = try store.decide(Fixture.key("Missing:M1"), Fixture.key("Missing:M2"), .cannotLink, note: "twins")
        let outcome = try ChildLinkStore.restore(path: storePath, busyTimeout: 0.2)
        #expect(outcome.kept?.decisionRows["reviewDecision"] == 1)
        #expect(try ChildLinkStore(path: storePath, user: "analyst").decisions().map(\.note) == ["twins"])
    }

    @Test("writes share the gate: two at once never wait for each other, and a run never takes it")
    func writesShareTheGate() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try storeWithBackup(busyTimeout: 0)
        try RestoreGate.holding(storePath, .shared, waitingUpTo: 0) {
            try store.logAudit(command: "footprint", query: "--upn A", childIDs: [])
        }
        try RestoreGate.holding(storePath, .exclusive, waitingUpTo: 0) {
            _ = try store.performRun { try $0.upsert([Fixture.missing("M3")]) }
        }
        #expect(try store.auditLog().map(\.query) == ["--upn A"])
        #expect(try store.runs().count == 3)
        #expect(try Fixture.mode(of: RestoreGate.path(of: storePath)) == 0o600)
    }
}

import ChildLinkModel
import Foundation
import Testing
@testable import ChildLinkStore

@Test func benchStore() throws {
    let n = 50_000
    let folder = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try ChildLinkStore(path: folder.appendingPathComponent("childlink.sqlite").path, user: "bench")
    let records = (0..<n).map { Fixture.missing(String(format: "E%06d", $0), forename: "F\($0 % 997)", surname: "S\($0 % 1013)") }
    let clusters = stride(from: 0, to: n, by: 2).map { [records[$0].key, records[min($0 + 1, n - 1)].key] }
    var t = Date()
    _ = try store.performRun { run in _ = try run.upsert(records); return try run.assignChildIDs(clusters: clusters) }
    print("BENCH run1 \(n) records: \(Date().timeIntervalSince(t)) s")
    var week2 = records
    for i in stride(from: 0, to: n, by: 10) { week2[i].person.forename = "Changed" }
    t = Date()
    let (changes, _) = try store.performRun { run in (try run.upsert(week2), try run.assignChildIDs(clusters: clusters)) }
    print("BENCH run2 \(n) records (\(changes.changed.count) changed): \(Date().timeIntervalSince(t)) s")
    t = Date()
    _ = try store.check()
    print("BENCH check: \(Date().timeIntervalSince(t)) s")
    let size = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("childlink.sqlite").path)[.size]!
    print("BENCH size \(size)")
}

import Foundation
import Testing

/// `childlink link --store` and `childlink review` on the built binary: a decision made between
/// two runs is honoured by the next one, and an unchanged re-run changes no id.
@Suite("childlink link --store: the built binary")
struct PipelineCommandTests {
    /// `Dataset:RecordID` → ChildID from a links.csv.
    static func ids(_ folder: URL, _ name: String) throws -> [String: String] {
        let text = try String(
            contentsOf: folder.appendingPathComponent(name).appendingPathComponent("links.csv"), encoding: .utf8)
        var ids: [String: String] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            ids[fields[0] + ":" + fields[1]] = fields[2]
        }
        return ids
    }

    @Test("link, reject one link, link again: the pair is apart, every other id is unchanged, the store is healthy")
    func rejectBetweenRuns() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(
            try BuiltBinary.run(["sample", "--children", "80", "--seed", "4", "--out", "borough"], in: folder).status
                == 0)
        let first = try BuiltBinary.run(["link", "borough", "--store", "s.sqlite", "--out", "week1"], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("store: s.sqlite, run 1"))
        let before = try Self.ids(folder, "week1")
        let byChild = Dictionary(grouping: before.keys.sorted(), by: { before[$0]! })
        let (child, records) = try #require(byChild.filter { $0.value.count >= 2 }.min { $0.key < $1.key })

        let reject = try BuiltBinary.run(
            ["review", "reject", records[0], records[1], "--store", "s.sqlite"], in: folder)
        #expect(reject.status == 0, "\(reject.stderr)")
        let second = try BuiltBinary.run(["link", "borough", "--store", "s.sqlite", "--out", "week2"], in: folder)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("records new: 0, changed: 0"))
        #expect(second.stdout.contains("review decisions that changed the clustering: 1"))
        let after = try Self.ids(folder, "week2")
        #expect(after[records[0]] != after[records[1]])
        #expect(after[records[0]] == child || after[records[1]] == child)
        let others = before.keys.filter { before[$0] != child }
        #expect(others.allSatisfy { before[$0] == after[$0] })

        let check = try BuiltBinary.run(["store", "check", "--store", "s.sqlite"], in: folder)
        #expect(check.status == 0, "\(check.stdout)")
    }

    @Test(
        "without --store and without childlink.sqlite, link uses no store; --store and --no-store together are refused")
    func storeOptions() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(
            try BuiltBinary.run(["sample", "--children", "20", "--seed", "4", "--out", "borough"], in: folder).status
                == 0)
        let plain = try BuiltBinary.run(["link", "borough", "--out", "links"], in: folder)
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(!plain.stdout.contains("store:"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("childlink.sqlite").path))
        let both = try BuiltBinary.run(
            ["link", "borough", "--out", "links", "--store", "s.sqlite", "--no-store"], in: folder)
        #expect(both.status == 64)
    }
}

import ChildLinkModel
import Foundation
import Testing

@testable import ChildLinkStore

/// Runs the built `childlink` binary on a real store file and checks stdout, stderr and the exit code.
@Suite("childlink review / audit / store: the built binary")
struct StoreCommandsTests {
    static func run(_ arguments: [String], in folder: URL) throws -> BuiltBinary.Outcome {
        try BuiltBinary.run(arguments, in: folder)
    }

    @Test("store check exits 0 on a healthy store and 1, naming the problem, on a damaged one")
    func storeCheck() throws {
        let jobs = try StoreJobsTests()
        defer { try? FileManager.default.removeItem(at: jobs.folder) }
        let store = try jobs.makeStore()
        let healthy = try Self.run(["store", "check"], in: jobs.folder)
        #expect(healthy.status == 0)
        #expect(healthy.stdout.contains("Verdict: the store is healthy."))

        try store.executeUnchecked("DELETE FROM assignment WHERE recordID = 'E000124'")
        let damaged = try Self.run(["store", "check", "--store", jobs.path], in: jobs.folder)
        #expect(damaged.status == 1)
        #expect(damaged.stdout.contains("record Missing:E000124 is present but not assigned to a child in run 1"))
        #expect(damaged.stdout.contains("NOT healthy"))
    }

    @Test("review accept records a decision; a bad key is a usage error with the reason on stderr")
    func review() throws {
        let jobs = try StoreJobsTests()
        defer { try? FileManager.default.removeItem(at: jobs.folder) }
        _ = try jobs.makeStore()
        let listing = try Self.run(["review"], in: jobs.folder)
        #expect(listing.status == 0)
        #expect(listing.stdout.hasPrefix("CL000001 and CL000002: 73.4% likely the same child (1 record pair(s))\n"))
        let accepted = try Self.run(["review", "accept", "Missing:E000123", "Missing:E000124"], in: jobs.folder)
        #expect(accepted.status == 0)
        let bad = try Self.run(["review", "reject", "E000123", "Missing:E000124"], in: jobs.folder)
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("'E000123' is not a record key; write Dataset:RecordID"))
        let mixed = try Self.run(["review", "reject", "CL000001", "Missing:E000124"], in: jobs.folder)
        #expect(mixed.status == 64)
        #expect(mixed.stderr.contains("Give two children (CL000012 CL000034) or two records"))
        #expect(try ChildLinkStore(path: jobs.path).decisions().map(\.kind) == [.mustLink])
    }

    @Test("audit --since prints the log; without a store the commands say where they looked")
    func audit() throws {
        let jobs = try StoreJobsTests()
        defer { try? FileManager.default.removeItem(at: jobs.folder) }
        let store = try jobs.makeStore()
        try store.logAudit(command: "footprint", query: "--dob 14/03/2010", childIDs: [ChildLinkID(1)])
        let log = try Self.run(["audit", "--since", "2020-01-01"], in: jobs.folder)
        #expect(log.status == 0)
        #expect(log.stdout.contains("footprint  --dob 14/03/2010  -> CL000001"))
        let none = try Self.run(["audit", "--store", "elsewhere.sqlite"], in: jobs.folder)
        #expect(none.status == 1)
        #expect(none.stderr.contains("There is no ChildLink store at elsewhere.sqlite"))
    }

    @Test("a store made by an earlier version is updated once, saying so on stderr, with the listing intact")
    func olderStoreUpdated() throws {
        let jobs = try StoreJobsTests()
        defer { try? FileManager.default.removeItem(at: jobs.folder) }
        let store = try jobs.makeStore()
        let current = try Self.run(["review", "list"], in: jobs.folder)
        #expect(current.status == 0)
        #expect(current.stderr.isEmpty, "an up-to-date store opens without a word")
        // As a store made before the last migration: its index gone, the migration not recorded.
        try store.executeUnchecked("DROP INDEX assignment_on_record")
        try store.executeUnchecked("DELETE FROM grdb_migrations WHERE identifier = 'v7-assignment-by-record'")

        let updated = try Self.run(["review", "list"], in: jobs.folder)
        #expect(updated.status == 0)
        #expect(
            updated.stderr
                == "Updating the store childlink.sqlite for this version of ChildLink: once, and on a large store "
                + "it can take a minute.\n")
        #expect(updated.stdout == current.stdout, "the notice stays off the listing")
        let again = try Self.run(["review", "list"], in: jobs.folder)
        #expect(again.stderr.isEmpty, "updated once")
        #expect(try ChildLinkStore(path: jobs.path).appliedMigrations().last == "v7-assignment-by-record")
    }
}

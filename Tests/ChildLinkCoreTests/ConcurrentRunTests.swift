import ChildLinkModel
import ChildLinkStore
import Foundation
import Testing

/// Two runs writing one store at once: the second waits for the first, then works on what it left.
@Suite("Two runs on one store")
struct ConcurrentRunTests {
    @Test("a run waits on the run lock, says so once, and gives up with runInProgress after its wait")
    func runLockWaitsThenGivesUp() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("childlink.sqlite").path
        let first = try ChildLinkStore(path: path)
        let second = try ChildLinkStore(path: path)
        var waited = 0
        _ = try first.holdingRunLock {
            #expect(throws: StoreError.runInProgress(path: path, seconds: 0.2)) {
                try second.holdingRunLock(waitingUpTo: 0.2, onWait: { waited += 1 }) {}
            }
        }
        #expect(waited == 1)
        #expect(try second.holdingRunLock(waitingUpTo: 0) { 42 } == 42, "free again once the first run is done")
        #expect(try BuiltBinary.permissions(path + ".lock") == 0o600)
    }

    @Test("two link --store processes create one new store together, both wait, both succeed; store check is clean")
    func twoProcessesAtOnce() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = try BuiltBinary.run(
            ["sample", "--children", "200", "--seed", "5", "--out", "borough"], in: folder)
        #expect(sample.status == 0, "\(sample.stderr)")
        let path = folder.appendingPathComponent("s.sqlite").path
        let waiting = "another childlink run is using the store; waiting for it to finish"
        // The store does not exist yet: both processes open (and so create) it at once, before the
        // run lock, which the test holds until each has said it is waiting — so both were in flight
        // together. Each run imports a different dataset and carries the other's stored records
        // over: before the run lock, the second to commit failed with "the clustering does not
        // match" and wrote nothing; before whole creation, one failed with "table run already exists".
        let runs = try ChildLinkStore.holdingRunLock(path: path, waitingUpTo: 0, as: .run) {
            #expect(!FileManager.default.fileExists(atPath: path))
            let runs = try [
                ["link", "borough/missing-episodes.csv", "--store", "s.sqlite", "--out", "a"],
                ["link", "borough/cme-referrals.csv", "--store", "s.sqlite", "--out", "b"],
            ].map { try Started(arguments: $0, in: folder) }
            let deadline = ContinuousClock.now + .seconds(120)
            while !runs.allSatisfy({ $0.standardError.lowercased().contains(waiting) }), ContinuousClock.now < deadline
            {
                usleep(20_000)
            }
            return runs
        }
        let outcomes = try runs.map { try $0.wait() }
        for outcome in outcomes {
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(outcome.stderr.lowercased().contains(waiting), "both were in flight together: \(outcome.stderr)")
        }

        let check = try BuiltBinary.run(["store", "check", "--store", "s.sqlite"], in: folder)
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.contains("Runs: 2"))
        let store = try ChildLinkStore(path: folder.appendingPathComponent("s.sqlite").path)
        let datasets = Set(try store.currentRecords().map(\.dataset))
        #expect(datasets == [.missing, .cme], "the second run linked the first run's records too")
        let assigned = try store.latestAssignment()
        #expect(try store.currentRecords().allSatisfy { assigned[$0.key] != nil })
    }

    @Test("two runs that provably overlap: both start while the store is in use, both wait, then both succeed")
    func twoRunsOverlap() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = try BuiltBinary.run(["sample", "--children", "60", "--seed", "5", "--out", "borough"], in: folder)
        #expect(sample.status == 0, "\(sample.stderr)")
        let holder = try ChildLinkStore(path: folder.appendingPathComponent("s.sqlite").path)
        // Compared in lower case: a notice is printed as a sentence ("Another childlink run …").
        let waiting = "another childlink run is using the store; waiting for it to finish"
        // The test holds the run lock while both runs start: each must see it taken (and say so)
        // before either can write, so the two were in flight at the same time.
        let runs = try holder.holdingRunLock {
            let runs = try [
                ["link", "borough/missing-episodes.csv", "--store", "s.sqlite", "--out", "a"],
                ["link", "borough/cme-referrals.csv", "--store", "s.sqlite", "--out", "b"],
            ].map { try Started(arguments: $0, in: folder) }
            let deadline = ContinuousClock.now + .seconds(120)
            while !runs.allSatisfy({ $0.standardError.lowercased().contains(waiting) }), ContinuousClock.now < deadline
            {
                usleep(20_000)
            }
            return runs
        }
        let outcomes = try runs.map { try $0.wait() }
        for outcome in outcomes {
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(
                outcome.stderr.lowercased().components(separatedBy: waiting).count == 2,
                "each waited, once: \(outcome.stderr)")
        }
        #expect(try holder.runs().count == 2)
        #expect(Set(try holder.currentRecords().map(\.dataset)) == [.missing, .cme])
    }

    @Test("with --store-wait 0, a run that finds the store in use exits 1 with a clear message and writes nothing")
    func givesUpClearly() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = try BuiltBinary.run(["sample", "--children", "20", "--seed", "5", "--out", "borough"], in: folder)
        #expect(sample.status == 0, "\(sample.stderr)")
        let path = folder.appendingPathComponent("s.sqlite").path
        let holder = try ChildLinkStore(path: path)
        let refused = try holder.holdingRunLock {
            try BuiltBinary.run(
                ["link", "borough/missing-episodes.csv", "--store", "s.sqlite", "--out", "a", "--store-wait", "0"],
                in: folder)
        }
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("Another childlink run has been using the store s.sqlite for more than 0 s"))
        #expect(try holder.runs().isEmpty)
    }

    @Test("store restore while a run holds the store: refused at once, exit 1, the store and its backup unchanged")
    func restoreDuringARunIsRefused() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("s.sqlite").path
        do {
            let store = try ChildLinkStore(path: path)
            for week in 1...2 { try store.performRun(note: "week \(week)") { _ = try $0.upsert([]) } }
        }  // closed: the write-ahead log is folded into the file, so its bytes can be compared
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let backup = try Data(contentsOf: URL(fileURLWithPath: path + ".bak"))
        let holder = try ChildLinkStore(path: path)
        // The run lock is held here as a run holds it, for the whole of the restore's attempt.
        let refused = try holder.holdingRunLock {
            try BuiltBinary.run(["store", "restore", "--store", "s.sqlite"], in: folder)
        }
        #expect(refused.status == 1)
        #expect(
            refused.stderr.contains(
                "A childlink run is using the store s.sqlite now, so store restore changed nothing (restoring "
                    + "during a run would undo what it is writing). Wait for the run to finish, then run "
                    + "'childlink store restore --store s.sqlite' again."), "\(refused.stderr)")
        #expect(try holder.runs().count == 2, "before the fix the restore went ahead: 1 run")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path + ".bak")) == backup)

        let restored = try BuiltBinary.run(["store", "restore", "--store", "s.sqlite"], in: folder)
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(restored.stdout.contains("it now holds 1 run(s), the latest #1."), "\(restored.stdout)")
    }

    @Test("a run while a restore holds the store waits for it; with --store-wait 0 it exits 1 naming the restore")
    func runDuringARestoreWaitsOrGivesUp() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = try BuiltBinary.run(["sample", "--children", "20", "--seed", "5", "--out", "borough"], in: folder)
        #expect(sample.status == 0, "\(sample.stderr)")
        let path = folder.appendingPathComponent("s.sqlite").path
        let holder = try ChildLinkStore(path: path)
        let link = ["link", "borough/missing-episodes.csv", "--store", "s.sqlite", "--out", "a"]
        let (refused, waiting) = try ChildLinkStore.holdingRunLock(path: path, waitingUpTo: 0, as: .restore) {
            let refused = try BuiltBinary.run(link + ["--store-wait", "0"], in: folder)
            // A second run, with the default wait, is seen waiting before the restore lets go.
            let waiting = try Started(arguments: link, in: folder)
            let deadline = ContinuousClock.now + .seconds(120)
            while !waiting.standardError.lowercased().contains("waiting for it to finish"),
                ContinuousClock.now < deadline
            {
                usleep(20_000)
            }
            #expect(try holder.runs().isEmpty, "nothing is written while the restore holds the store")
            return (refused, waiting)
        }
        #expect(refused.status == 1)
        #expect(
            refused.stderr.contains(
                "A 'childlink store restore' has been using the store s.sqlite for more than 0 s, so this run gave up "
                    + "waiting and wrote nothing. Run it again when the restore has finished"), "\(refused.stderr)")
        let waited = try waiting.wait()
        #expect(waited.status == 0, "\(waited.stderr)")
        #expect(waited.stderr.lowercased().contains("waiting for it to finish"), "it waited: \(waited.stderr)")
        #expect(try holder.runs().count == 1)
    }
}

/// A `childlink` process started in the background, its output captured to files.
private struct Started {
    let process = Process()
    let capture: URL

    init(arguments: [String], in folder: URL) throws {
        capture = FileManager.default.temporaryDirectory.appendingPathComponent("childlink-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: capture, withIntermediateDirectories: true)
        for name in ["stdout", "stderr"] {
            _ = FileManager.default.createFile(atPath: capture.appendingPathComponent(name).path, contents: nil)
        }
        process.executableURL = BuiltBinary.url
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardOutput = try FileHandle(forWritingTo: capture.appendingPathComponent("stdout"))
        process.standardError = try FileHandle(forWritingTo: capture.appendingPathComponent("stderr"))
        try process.run()
    }

    /// What the process has written to standard error so far.
    var standardError: String {
        (try? String(contentsOf: capture.appendingPathComponent("stderr"), encoding: .utf8)) ?? ""
    }

    func wait() throws -> BuiltBinary.Outcome {
        try BuiltBinary.wait(for: process, arguments: process.arguments ?? [])
        defer { try? FileManager.default.removeItem(at: capture) }
        return BuiltBinary.Outcome(
            status: process.terminationStatus,
            stdout: try String(contentsOf: capture.appendingPathComponent("stdout"), encoding: .utf8),
            stderr: try String(contentsOf: capture.appendingPathComponent("stderr"), encoding: .utf8))
    }
}

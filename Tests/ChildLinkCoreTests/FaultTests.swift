import ChildLinkCore
import ChildLinkModel
import ChildLinkStore
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Faults around a run: a full disk, an output folder that cannot be written, a store locked by
/// another run, a damaged store file, and a run killed half way. Each leaves what was there before
/// intact, and says what happened.
@Suite("Faults: full disk, locked and damaged store, killed run", .serialized)
struct FaultTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("childlink-faults-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Runs the binary with its file size limited to `kilobytes` (and SIGXFSZ ignored), so writes
    /// past it fail with EFBIG as on a full disk; this works as root too, which a read-only folder does not.
    func runOnFullDisk(_ arguments: [String], kilobytes: Int) throws -> BuiltBinary.Outcome {
        let script = "trap '' XFSZ; ulimit -f \(kilobytes); exec \"$0\" \"$@\""
        return try Self.run(
            URL(fileURLWithPath: "/bin/bash"), ["-c", script, BuiltBinary.url.path] + arguments, in: folder)
    }

    /// Runs `executable` in `folder` and collects its output and exit status.
    static func run(_ executable: URL, _ arguments: [String], in folder: URL) throws -> BuiltBinary.Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Pipes are read to their end on other threads, so a chatty run cannot fill one and stall,
        // and a run that hangs is killed by BuiltBinary.wait's timeout rather than blocking the test.
        let stdoutBox = PipeReader(out)
        let stderrBox = PipeReader(err)
        try BuiltBinary.wait(for: process, arguments: arguments)
        let stdout = stdoutBox.finish()
        let stderr = stderrBox.finish()
        return BuiltBinary.Outcome(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Reads a pipe to its end on a thread of its own.
    final class PipeReader: @unchecked Sendable {
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ pipe: Pipe) {
            let handle = pipe.fileHandleForReading
            Thread.detachNewThread { [self] in
                data = handle.readDataToEndOfFile()
                done.signal()
            }
        }

        /// What the pipe carried, once the writer has closed it.
        func finish() -> Data {
            done.wait()
            return data
        }
    }

    var storePath: String { path(ChildLinkStore.defaultFileName) }

    /// A store with one run: `count` missing episodes, each its own child, and one uncertain pair.
    func makeStore(records count: Int = 2) throws -> ChildLinkStore {
        let store = try ChildLinkStore(path: storePath)
        let records = (0..<count).map { index in
            SourceRecord(
                recordID: "E\(100_000 + index)",
                person: PersonFields(
                    forename: "Child\(index)", surname: "Family",
                    dateOfBirth: CalendarDate(year: 2010, month: 3, day: 14)),
                event: .missing(MissingEpisode(start: LocalDateTime(parsing: "2026-11-02T21:00")!)))
        }
        try store.performRun(note: "weekly 1") { run in
            _ = try run.upsert(records)
            _ = try run.assignChildIDs(clusters: records.map { [$0.key] })
            try run.saveReviewPairs([
                ReviewPair(records[0].key, records[1].key, probability: 0.7, explanation: "forename one edit")
            ])
        }
        return store
    }

    /// Files in `folder` with their contents.
    func snapshot(_ subfolder: String) throws -> [String: Data] {
        let names = try FileManager.default.contentsOfDirectory(atPath: path(subfolder))
        return Dictionary(
            uniqueKeysWithValues: try names.map {
                ($0, try Data(contentsOf: URL(fileURLWithPath: path("\(subfolder)/\($0)"))))
            })
    }

    /// A generic person CSV of `count` people, for `link --generic`.
    func writePeople(_ count: Int) throws {
        var text = "rec_id,given_name,surname,date_of_birth,postcode\n"
        for index in 0..<count {
            text +=
                "rec-\(index)-org,Name\(index % 97),Family\(index % 89),\(String(format: "%02d", index % 28 + 1))/06/2010,S60 1AE\n"
        }
        try text.write(toFile: path("people.csv"), atomically: false, encoding: .utf8)
    }

    @Test("a full disk while writing link outputs: exit 1 naming the file; the earlier outputs are unchanged")
    func fullDiskKeepsEarlierOutputs() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try writePeople(60)
        let first = try BuiltBinary.run(["link", "--generic", "people.csv", "--out", "linked"], in: folder)
        try #require(first.status == 0, "\(first.stderr)")
        let before = try snapshot("linked")
        #expect(before.keys.sorted() == ["links.csv", "pairs.csv", "summary.txt"])

        try writePeople(120)
        let failed = try runOnFullDisk(["link", "--generic", "people.csv", "--out", "linked"], kilobytes: 2)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("linked/links.csv: cannot write"), "\(failed.stderr)")
        #expect(try snapshot("linked") == before, "earlier outputs changed, or a temporary file was left")
    }

    @Test("umask 000: every folder link --out and sample --out create, parents included, is 0700")
    func foldersArePrivateUnderUmaskZero() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try writePeople(20)
        let script = "umask 000; exec \"$0\" \"$@\""
        let binary = BuiltBinary.url.path
        let linked = try Self.run(
            URL(fileURLWithPath: "/bin/bash"),
            ["-c", script, binary, "link", "--generic", "people.csv", "--out", "a/b/linked"],
            in: folder)
        #expect(linked.status == 0, "\(linked.stderr)")
        let sampled = try Self.run(
            URL(fileURLWithPath: "/bin/bash"),
            ["-c", script, binary, "sample", "--children", "10", "--seed", "1", "--out", "c/borough"], in: folder)
        #expect(sampled.status == 0, "\(sampled.stderr)")
        for created in ["a", "a/b", "a/b/linked", "c", "c/borough"] {
            #expect(try BuiltBinary.permissions(path(created)) == 0o700, "\(created)")
        }
        #expect(try BuiltBinary.permissions(path("a/b/linked/links.csv")) == 0o600)
    }

    @Test("a run that hangs is killed by the helper's timeout, and the test fails rather than waiting for ever")
    func hangingRunIsKilled() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sleep")
        process.arguments = ["30"]
        try process.run()
        let started = ContinuousClock.now
        #expect(throws: BuiltBinary.TimedOut.self) {
            try BuiltBinary.wait(for: process, arguments: ["sleep"], timeout: .milliseconds(200))
        }
        #expect(ContinuousClock.now - started < .seconds(10))
        #expect(!process.isRunning)
        #expect(process.terminationReason == .uncaughtSignal)
    }

    @Test("disk full mid-pack: the weekly pack is replaced whole or not at all; no staging folder is left")
    func diskFullMidPackKeepsTheWholeOldPack() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = try BuiltBinary.run(["sample", "--children", "60", "--seed", "7", "--out", "borough"], in: folder)
        try #require(sample.status == 0, "\(sample.stderr)")
        let weekly = ["weekly", "borough", "--week-ending", "2019-06-30", "--out", "pack", "--no-store"]
        let first = try BuiltBinary.run(weekly, in: folder)
        try #require(first.status == 0, "\(first.stderr)")
        let before = try snapshot("pack")
        // HTML, XLSX, JSON and 9 CSVs: summary, actions, children, episodes, strategy triggers, RHI
        // overdue, new in a second strand, absences, data coverage.
        #expect(before.count == 12)

        // A week with fewer episodes: every CSV of the pack would change.
        let episodes = path("borough/missing-episodes.csv")
        let lines = try String(contentsOfFile: episodes, encoding: .utf8).split(separator: "\n")
        try (lines.prefix(lines.count / 2).joined(separator: "\n") + "\n").write(
            toFile: episodes, atomically: true, encoding: .utf8)
        // 6 KB per file: the CSVs (under 1 KB) fit, the HTML page (about 8 KB) does not.
        let failed = try runOnFullDisk(weekly, kilobytes: 6)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("weekly-2019-06-30.html: cannot write"), "\(failed.stderr)")
        #expect(try snapshot("pack") == before, "some files of the pack were replaced, or a staging folder left")

        let again = try BuiltBinary.run(weekly, in: folder)
        #expect(again.status == 0, "\(again.stderr)")
        let after = try snapshot("pack")
        #expect(after.keys.sorted() == before.keys.sorted())
        #expect(after["weekly-2019-06-30-episodes.csv"] != before["weekly-2019-06-30-episodes.csv"])
    }

    @Test("a failed pack write after a successful link: exit 1, and the store does not record the run")
    func failedPackWriteIsNotRecorded() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = try BuiltBinary.run(["sample", "--children", "40", "--seed", "7", "--out", "borough"], in: folder)
        try #require(sample.status == 0, "\(sample.stderr)")
        let weekly = ["weekly", "borough", "--week-ending", "2019-06-30", "--store", "s.sqlite", "--format", "csv"]
        let first = try BuiltBinary.run(weekly + ["--out", "pack"], in: folder)
        try #require(first.status == 0, "\(first.stderr)")
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: path("blocked")))

        let failed = try BuiltBinary.run(weekly + ["--out", "blocked"], in: folder)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("blocked: cannot create the folder"), "\(failed.stderr)")
        let check = try BuiltBinary.run(["store", "check", "--store", "s.sqlite"], in: folder)
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.contains("Runs: 1, the latest #1 weekly"), "the failed run was recorded: \(check.stdout)")
    }

    @Test("link --store whose outputs cannot be written: exit 1, the run is not recorded, the earlier outputs stay")
    func failedLinkOutputsAreNotRecorded() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = try BuiltBinary.run(["sample", "--children", "40", "--seed", "7", "--out", "borough"], in: folder)
        try #require(sample.status == 0, "\(sample.stderr)")
        let link = ["link", "borough", "--store", "s.sqlite"]
        let first = try BuiltBinary.run(link + ["--out", "linked"], in: folder)
        try #require(first.status == 0, "\(first.stderr)")
        let before = try snapshot("linked")
        #expect(before.keys.sorted() == ["links.csv", "pairs.csv", "summary.txt"], "no staging folder left")
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: path("blocked")))

        let failed = try BuiltBinary.run(link + ["--out", "blocked"], in: folder)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("blocked: cannot create the folder"), "\(failed.stderr)")
        // Before the fix the run was committed first: "Runs: 2", with no links.csv to show for it.
        let check = try BuiltBinary.run(["store", "check", "--store", "s.sqlite"], in: folder)
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.contains("Runs: 1, the latest #1 link"), "the failed run was recorded: \(check.stdout)")
        #expect(try snapshot("linked") == before)
        #expect(try String(contentsOfFile: path("blocked"), encoding: .utf8) == "not a folder")

        // The same run with somewhere to write: recorded, and links.csv carries the store's ids.
        let again = try BuiltBinary.run(link + ["--out", "linked"], in: folder)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("store: s.sqlite, run 2"), "\(again.stdout)")
        let store = try ChildLinkStore(path: path("s.sqlite"))
        let assigned = try store.latestAssignment()
        let rows = try String(contentsOfFile: path("linked/links.csv"), encoding: .utf8).split(separator: "\n")
            .dropFirst()
        #expect(rows.count == assigned.count)
        for row in rows {
            let fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let key = RecordKey(dataset: try #require(Dataset(name: fields[0])), recordID: fields[1])
            #expect(assigned[key]?.description == fields[2], "\(row)")
        }
    }

    /// Whether this process may mount a tmpfs (root with CAP_SYS_ADMIN, as in the project's
    /// containers); the real-disk-full tests are skipped where it cannot.
    static let canMountTmpfs: Bool = {
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("childlink-tmpfs-\(getpid())")
        try? FileManager.default.createDirectory(at: probe, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: probe) }
        guard mountTmpfs(at: probe.path, kilobytes: 64) else { return false }
        unmount(probe.path)
        return true
    }()

    @discardableResult
    static func mountTmpfs(at path: String, kilobytes: Int) -> Bool {
        let outcome = try? run(
            URL(fileURLWithPath: "/bin/mount"), ["-t", "tmpfs", "-o", "size=\(kilobytes)k,mode=0700", "tmpfs", path],
            in: URL(fileURLWithPath: "/"))
        return outcome?.status == 0
    }

    static func unmount(_ path: String) {
        _ = try? run(URL(fileURLWithPath: "/bin/umount"), [path], in: URL(fileURLWithPath: "/"))
    }

    /// Fills the disk holding `folder` with a file until a write fails for lack of space.
    func fillDisk(_ folder: String) throws {
        let filler = folder + "/filler"
        _ = FileManager.default.createFile(atPath: filler, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: filler))
        defer { try? handle.close() }
        let block = Data(count: 4096)
        for _ in 0..<100_000 { do { try handle.write(contentsOf: block) } catch { return } }
    }

    @Test(
        "disk full (tmpfs) mid-pack and in the store: 'the disk holding X is full (0 MB free)'; pack and store unchanged",
        .enabled(if: canMountTmpfs, "needs a tmpfs: run as root with CAP_SYS_ADMIN"))
    func diskFullOnTmpfs() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(atPath: path("disk"), withIntermediateDirectories: true)
        try #require(Self.mountTmpfs(at: path("disk"), kilobytes: 2048))
        defer { Self.unmount(path("disk")) }
        let sample = try BuiltBinary.run(["sample", "--children", "60", "--seed", "7", "--out", "borough"], in: folder)
        try #require(sample.status == 0, "\(sample.stderr)")
        let weekly = ["weekly", "borough", "--week-ending", "2019-06-30", "--out", "disk/pack"]
        let first = try BuiltBinary.run(weekly + ["--store", "disk/s.sqlite"], in: folder)
        try #require(first.status == 0, "\(first.stderr)")
        let before = try snapshot("disk/pack")
        let episodes = path("borough/missing-episodes.csv")
        let lines = try String(contentsOfFile: episodes, encoding: .utf8).split(separator: "\n")
        try (lines.prefix(lines.count / 2).joined(separator: "\n") + "\n").write(
            toFile: episodes, atomically: true, encoding: .utf8)
        try fillDisk(path("disk"))

        let packOnly = try BuiltBinary.run(weekly + ["--no-store"], in: folder)
        #expect(packOnly.status == 1)
        #expect(packOnly.stderr.contains("the disk holding disk/pack is full (0 MB free)"), "\(packOnly.stderr)")
        #expect(try snapshot("disk/pack") == before)

        let withStore = try BuiltBinary.run(weekly + ["--store", "disk/s.sqlite"], in: folder)
        #expect(withStore.status == 1)
        #expect(
            withStore.stderr.contains("the disk holding disk is full (0 MB free); nothing was written"),
            "\(withStore.stderr)")
        #expect(try snapshot("disk/pack") == before)
        // No backup copy is left, and the write-ahead log holds nothing (its space is free again).
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: path("disk")))
        #expect(
            left.subtracting(["s.sqlite-wal", "s.sqlite-shm"]) == ["filler", "pack", "s.sqlite", "s.sqlite.lock"],
            "leftover files: \(left.sorted())")
        #expect(Self.size(of: path("disk/s.sqlite-wal")) == 0)
        try FileManager.default.removeItem(atPath: path("disk/filler"))
        let check = try BuiltBinary.run(["store", "check", "--store", "disk/s.sqlite"], in: folder)
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.contains("Runs: 1, the latest #1 weekly"))
    }

    @Test("one-letter names for the store, the output folder and the extracts (Foundation traps on them on Linux)")
    func oneLetterNames() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = try BuiltBinary.run(["sample", "--children", "10", "--seed", "3", "--out", "b"], in: folder)
        #expect(sample.status == 0, "\(sample.stderr)")
        let linked = try BuiltBinary.run(["link", "b", "--store", "s", "--out", "o"], in: folder)
        #expect(linked.status == 0, "\(linked.stderr)")
        #expect(try BuiltBinary.run(["store", "check", "--store", "s"], in: folder).status == 0)
    }

    @Test("a full disk while writing the rejects file: the earlier rejects file is unchanged")
    func fullDiskKeepsEarlierRejects() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(atPath: path("out"), withIntermediateDirectories: true)
        let earlier = Data("file,line,element,field,reason,record_id\r\nearlier,1,,,kept,\r\n".utf8)
        try earlier.write(to: URL(fileURLWithPath: path("out/rejects.csv")))
        var rows = "EpisodeID,DateOfBirth,StartDateTime\n"
        for index in 0..<2000 { rows += "E\(index),31/02/2010,14/02/2024 21:30\n" }
        try rows.write(toFile: path("episodes.csv"), atomically: false, encoding: .utf8)

        let failed = try runOnFullDisk(["check", "episodes.csv", "--rejects", "out/rejects.csv"], kilobytes: 16)
        #expect(failed.status != 0)
        #expect(failed.stderr.contains("out/rejects.csv: cannot write"), "\(failed.stderr)")
        #expect(try snapshot("out") == ["rejects.csv": earlier])
    }

    /// Whether `nobody` can run the built binary through `setpriv`: not when the checkout sits in a
    /// folder only root can enter (such as /root), where the fault test has no way to drop privileges.
    static func nobodyCanRunTheBinary() -> Bool {
        let setpriv = URL(fileURLWithPath: "/usr/bin/setpriv")
        guard FileManager.default.isExecutableFile(atPath: setpriv.path) else { return false }
        let drop = ["--reuid=65534", "--regid=65534", "--clear-groups", "--", BuiltBinary.url.path, "--version"]
        let probe = FileManager.default.temporaryDirectory
        return (try? run(setpriv, drop, in: probe).status) == 0
    }

    /// Runs the binary so that it cannot create files in `folder`'s output folders: with the folder
    /// read-only (0500) for an ordinary user; as root, who writes into read-only folders, as the
    /// unprivileged user `nobody` (`setpriv`), for whom the owner-only (0700) folder is just as shut.
    func runUnableToWrite(_ arguments: [String], outputFolder: String) throws -> BuiltBinary.Outcome {
        chmod(path(outputFolder), 0o500)
        guard geteuid() == 0 else { return try BuiltBinary.run(arguments, in: folder) }
        let drop = ["--reuid=65534", "--regid=65534", "--clear-groups", "--", BuiltBinary.url.path]
        return try Self.run(URL(fileURLWithPath: "/usr/bin/setpriv"), drop + arguments, in: folder)
    }

    @Test(
        "an output folder the run cannot write (read-only; as root, run as nobody): exit 1 naming the file; earlier outputs unchanged",
        .enabled(
            if: geteuid() != 0 || FaultTests.nobodyCanRunTheBinary(),
            "as root the test runs the binary as nobody, which needs setpriv and a build folder nobody can reach"))
    func readOnlyFolderKeepsEarlierOutputs() throws {
        defer {
            chmod(path("linked"), 0o700)
            try? FileManager.default.removeItem(at: folder)
        }
        try writePeople(60)
        let first = try BuiltBinary.run(["link", "--generic", "people.csv", "--out", "linked"], in: folder)
        try #require(first.status == 0, "\(first.stderr)")
        let before = try snapshot("linked")
        chmod(path("people.csv"), 0o644)
        let failed = try runUnableToWrite(
            ["link", "--generic", "people.csv", "--out", "linked"], outputFolder: "linked")
        #expect(failed.status == 1)
        // The three files are staged together: the folder is named, not a staging folder inside it.
        #expect(
            failed.stderr.contains("linked: cannot write files into the folder: Permission denied"), "\(failed.stderr)")
        #expect(try snapshot("linked") == before)
    }

    @Test("an output folder that is a file: exit 1 with the reason, nothing written")
    func outputFolderIsAFile() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try writePeople(50)
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: path("linked")))
        let outcome = try BuiltBinary.run(["link", "--generic", "people.csv", "--out", "linked"], in: folder)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("linked"))
        #expect(try String(contentsOfFile: path("linked"), encoding: .utf8) == "not a folder")
    }

    @Test("a store locked by another run: a second writer fails with 'locked' after its timeout; readers go on")
    func lockedStore() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try makeStore()
        let holding = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? store.performRun(note: "a long weekly run") { _ in
                holding.signal()
                release.wait()
            }
            finished.signal()
        }
        holding.wait()
        let second = try ChildLinkStore(path: storePath, busyTimeout: 0.2)
        let a = RecordKey(dataset: .missing, recordID: "E100000")
        let b = RecordKey(dataset: .missing, recordID: "E100001")
        #expect(throws: StoreError.locked(path: storePath, seconds: 0.2)) { try second.decide(a, b, .mustLink) }
        #expect(try second.reviewPairs().count == 1, "reads go on while a run writes")
        let viaCLI = try BuiltBinary.run(["review", "list"], in: folder)
        #expect(viaCLI.status == 0)
        release.signal()
        finished.wait()
        #expect(try second.decide(a, b, .mustLink).kind == .mustLink, "the lock is gone once the run ends")
        #expect(try store.runs().count == 2)
    }

    @Test("a damaged store file: store check exits 1 and says so; store restore brings back the backup, check is clean")
    func damagedStoreIsDetectedAndRestored() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            let store = try makeStore()
            try store.performRun(note: "second") { _ = try $0.upsert([]) }  // the backup now holds run 1
        }  // the last connection closes: the write-ahead log is checkpointed into the file
        let healthy = try BuiltBinary.run(["store", "check"], in: folder)
        #expect(healthy.status == 0)

        try damage(storePath)
        let damaged = try BuiltBinary.run(["store", "check"], in: folder)
        #expect(damaged.status == 1)
        // With this seed SQLite cannot read the store at all (not just fail its integrity check).
        #expect(
            damaged.stdout.contains(
                "Verdict: the store cannot be used. The ChildLink store childlink.sqlite reported an error: "
                    + "database disk image is malformed"), "\(damaged.stdout)\(damaged.stderr)")
        #expect(
            damaged.stdout.hasSuffix(
                "Next step: run 'childlink store restore --store childlink.sqlite' to put back childlink.sqlite.bak "
                    + "(1 run(s)); then run again any week since.\n"), "\(damaged.stdout)")

        let restored = try BuiltBinary.run(["store", "restore"], in: folder)
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(restored.stdout.contains("it now holds 1 run(s), the latest #1."), "\(restored.stdout)")
        #expect(restored.stdout.contains("The store could not be read, so no audit entry or review decision"))
        let clean = try BuiltBinary.run(["store", "check"], in: folder)
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        #expect(clean.stdout.contains("Verdict: the store is healthy."))
    }

    @Test("empty store file: every command refuses it, the backup is kept, store check says what to do, restore works")
    func emptyStoreFileIsRefusedAndRestored() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            let store = try makeStore()
            try store.performRun(note: "second") { _ = try $0.upsert([]) }  // the backup now holds run 1
        }
        let backup = try Data(contentsOf: URL(fileURLWithPath: storePath + ".bak"))
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: storePath + suffix) }
        try Data().write(to: URL(fileURLWithPath: storePath))  // `: > childlink.sqlite`
        let sample = try BuiltBinary.run(["sample", "--children", "20", "--seed", "4", "--out", "borough"], in: folder)
        try #require(sample.status == 0, "\(sample.stderr)")

        let linked = try BuiltBinary.run(
            ["link", "borough", "--out", "linked", "--store", "childlink.sqlite"], in: folder)
        #expect(linked.status == 1)
        #expect(
            linked.stderr.contains("childlink.sqlite is not a ChildLink store: the file is empty (0 bytes)."),
            "\(linked.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: storePath)).isEmpty, "never initialised over")
        #expect(try Data(contentsOf: URL(fileURLWithPath: storePath + ".bak")) == backup, "the backup is untouched")

        let checked = try BuiltBinary.run(["store", "check"], in: folder)
        #expect(checked.status == 1)
        #expect(checked.stdout.contains("Verdict: the store cannot be used. childlink.sqlite is not a ChildLink store"))
        #expect(checked.stdout.contains("  childlink.sqlite.bak: 1 run(s), the latest started "), "\(checked.stdout)")
        #expect(
            checked.stdout.contains(
                "Next step: run 'childlink store restore --store childlink.sqlite' to put back childlink.sqlite.bak "
                    + "(1 run(s))"))

        let restored = try BuiltBinary.run(["store", "restore"], in: folder)
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(restored.stdout.contains("it now holds 1 run(s), the latest #1."), "\(restored.stdout)")
        #expect(try BuiltBinary.run(["store", "check"], in: folder).status == 0)
    }

    /// Overwrites the second half of every page after the first (the schema's page) with garbage
    /// from a fixed seed, as a failing disk or a half-copied file would; SQLite still opens the file.
    func damage(_ storePath: String) throws {
        let handle = try #require(FileHandle(forUpdatingAtPath: storePath))
        defer { try? handle.close() }
        let size = try handle.seekToEnd()
        try #require(size > 8192)
        var generator = SplitMix64(seed: 16)
        for offset in stride(from: UInt64(4096), to: size, by: 4096) {
            // The end of a page holds its cells (rows, index entries): garble half of them.
            try handle.seek(toOffset: offset + 2048)
            try handle.write(contentsOf: Data((0..<2048).map { _ in UInt8.random(in: 0...255, using: &generator) }))
        }
    }

    @Test("weekly --store killed while writing its pack, inside the store's transaction: store and old pack unchanged")
    func killedDuringThePackWrite() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = try BuiltBinary.run(["sample", "--children", "40", "--seed", "7", "--out", "borough"], in: folder)
        try #require(sample.status == 0, "\(sample.stderr)")
        let weekly = ["weekly", "borough", "--week-ending", "2019-06-30", "--store", "s.sqlite", "--out", "pack"]
        let first = try BuiltBinary.run(weekly + ["--format", "html"], in: folder)
        try #require(first.status == 0, "\(first.stderr)")
        let before = try snapshot("pack")
        #expect(before.keys.sorted() == ["weekly-2019-06-30.html"])
        let episodes = path("borough/missing-episodes.csv")
        let lines = try String(contentsOfFile: episodes, encoding: .utf8).split(separator: "\n")
        try (lines.prefix(lines.count / 2).joined(separator: "\n") + "\n").write(
            toFile: episodes, atomically: true, encoding: .utf8)

        let holder = try ChildLinkStore(path: path("s.sqlite"))
        let keys = try holder.currentRecords().prefix(2).map(\.key)
        let process = Process()
        process.executableURL = BuiltBinary.url
        process.arguments = weekly + ["--format", "html"]
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        // The run waits on the run lock the test holds while it lays the trap: the pack's temporary
        // file in the run's staging folder is a FIFO with a one-page buffer. The run blocks writing
        // the HTML page into it, inside its write transaction, until it is killed: no timing involved.
        let reader = try holder.holdingRunLock { () throws -> Int32 in
            try process.run()
            let pid = process.processIdentifier
            let staging = path("pack/.childlink-staging-\(pid)")
            try #require(mkdir(staging, 0o700) == 0)
            try #require(mkfifo(staging + "/weekly-2019-06-30.html.tmp-\(pid)", 0o600) == 0)
            let reader = open(staging + "/weekly-2019-06-30.html.tmp-\(pid)", O_RDONLY | O_NONBLOCK)
            try #require(reader >= 0)
            _ = fcntl(reader, 1031, 4096)  // F_SETPIPE_SZ: the page (about 8 KB) cannot fit
            return reader
        }
        defer { close(reader) }
        var ready = pollfd(fd: reader, events: Int16(POLLIN), revents: 0)
        let arrived = poll(&ready, 1, 120_000)  // bounded: a run that never gets there fails the test
        #expect(arrived == 1, "the run never started writing its pack")
        let second = try ChildLinkStore(path: path("s.sqlite"), busyTimeout: 0)
        #expect(throws: StoreError.locked(path: path("s.sqlite"), seconds: 0), "the run is inside its transaction") {
            try second.decide(keys[0], keys[1], .mustLink)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        let check = try BuiltBinary.run(["store", "check", "--store", "s.sqlite"], in: folder)
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.contains("Runs: 1, the latest #1 weekly"), "the killed run was recorded: \(check.stdout)")
        #expect(check.stdout.contains("Verdict: the store is healthy."))
        let staged = ".childlink-staging-\(process.processIdentifier)"
        #expect(try FileManager.default.contentsOfDirectory(atPath: path("pack")).sorted() == [staged] + before.keys)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path("pack/weekly-2019-06-30.html"))) == before.values.first)

        let again = try BuiltBinary.run(weekly + ["--format", "html"], in: folder)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try snapshot("pack").keys.sorted() == ["weekly-2019-06-30.html"], "the killed run's staging is removed")
        #expect(try holder.runs().count == 2)
    }

    static func size(of path: String) -> UInt64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? UInt64) ?? 0
    }
}

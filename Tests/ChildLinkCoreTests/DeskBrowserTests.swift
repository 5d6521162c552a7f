import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The review desk in a real browser: `Tests/Browser/desk_e2e.py` drives Debian's chromium through
/// chromium-driver and Selenium (`bash Scripts/install-deps.sh --browser` installs all three; CI
/// does). It opens the one-time link, rejects a pair with the keyboard, revokes it, finds a child
/// by a misspelt name and date of birth, checks that a `<script>` in the name is shown as text, and
/// opens a child from the weekly pack.
@Suite("childlink serve in a browser")
struct DeskBrowserTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Browser/desk_e2e.py").path

    /// Whether chromium, chromium-driver and Selenium are installed.
    static let browserInstalled: Bool = {
        guard ["/usr/bin/chromium", "/usr/bin/chromedriver"].allSatisfy(FileManager.default.isExecutableFile) else {
            return false
        }
        return (try? run(["python3", "-c", "import selenium"], timeout: 60).status) == 0
    }()

    /// The two extra missing episodes of the desk's fixture: a child whose forename holds a `<script>`
    /// element, and a second Jo Tester (the same rows as the server tests' `DeskFixture`).
    static let extraRows =
        "9900001,,,,Jo<script>alert(1)</script>,,Tester,,,14/03/2006,Female,WBRI,S66 9NZ,1 Test Road,Rotherham,"
        + "E9900001,Missing,25/06/2019 10:00,26/06/2019 12:00,NAC,,Low,,Yes,Yes,,Police,Home\n"
        + "9900002,,,,Jo,,Tester,,,02/11/2009,Male,WBRI,S60 1AA,2 Other Road,Rotherham,"
        + "E9900002,Missing,26/06/2019 10:00,26/06/2019 20:00,NAC,,Low,,Yes,Yes,,Police,Home\n"

    /// Runs a command (through `env`), killed after `timeout` seconds; output to a file, never a pipe.
    static func run(_ arguments: [String], timeout: Double) throws -> (status: Int32, output: String) {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("childlink-e2e-\(UUID()).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        try handle.close()
        return (process.terminationStatus, try String(contentsOf: log, encoding: .utf8))
    }

    @Test(
        "decide with the keyboard, revoke, find a child by a misspelt name, and <script> stays text",
        .enabled(if: browserInstalled), .timeLimit(.minutes(10)))
    func desk() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = try BuiltBinary.run(
            ["sample", "--children", "600", "--seed", "2019", "--out", "extracts"], in: folder)
        #expect(sample.status == 0, "\(sample.stderr)")
        let missing = try FileHandle(forWritingTo: folder.appendingPathComponent("extracts/missing-episodes.csv"))
        missing.seekToEndOfFile()
        missing.write(Data(Self.extraRows.utf8))
        try missing.close()
        let weekly = try BuiltBinary.run(
            [
                "weekly", "extracts", "--week-ending", "2019-06-30", "--out", "pack", "--store", "childlink.sqlite",
            ], in: folder)
        #expect(weekly.status == 0, "\(weekly.stderr)")
        let shots = folder.appendingPathComponent("shots")
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
        let outcome = try Self.run(
            [
                "python3", Self.script, "--childlink", BuiltBinary.url.path, "--store",
                folder.appendingPathComponent("childlink.sqlite").path, "--shots", shots.path, "--reports",
                folder.appendingPathComponent("pack").path,
            ], timeout: 300)
        #expect(outcome.status == 0, "\(outcome.output)")
        #expect(outcome.output.contains("15 passed, 0 failed"), "\(outcome.output)")
        for name in ["desk-review.png", "desk-footprint.png"] {
            let size =
                (try? FileManager.default.attributesOfItem(atPath: shots.appendingPathComponent(name).path)[.size])
                as? Int
            #expect((size ?? 0) > 10_000, "\(name) was not taken")
        }
    }
}

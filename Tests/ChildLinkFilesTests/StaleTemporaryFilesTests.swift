import ChildLinkFiles
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("Temporary files a killed run left behind")
struct StaleTemporaryFilesTests {
    /// The PID of a process that has ended (a `true` run to completion).
    static func deadPID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    static func makeFile(_ path: String, mode: mode_t = 0o600) {
        _ = FileManager.default.createFile(atPath: path, contents: Data("child data".utf8))
        chmod(path, mode)
    }

    @Test(
        "names of ChildLink's two patterns give their PID; other names give none",
        arguments: [
            ("weekly.html.tmp-4242", Int32(4242)), (".review.csv.4242.tmp", 4242), ("links.csv.tmp-17", 17),
            ("weekly.html.tmp-", nil), ("weekly.html.tmp-12a", nil), (".review.csv.tmp", nil), ("report.tmp", nil),
            (".4242.tmp", nil), ("notes.txt", nil), (".tmp-99", nil), ("a.tmp-0", nil),
        ])
    func patterns(name: String, pid: Int32?) {
        #expect(TemporaryFileName.writerPID(of: name) == pid)
    }

    @Test("the next write into the folder removes a dead run's leftovers and nothing else")
    func nextWriteSweeps() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "childlink-stale-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let dead = try Self.deadPID()
        let live = getpid()
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
        Self.makeFile(path("weekly.html.tmp-\(dead)"))
        Self.makeFile(path(".review.csv.\(dead).tmp"))
        Self.makeFile(path("weekly.xlsx.tmp-\(live)"))  // being written by a live process
        Self.makeFile(path("notes.tmp-\(dead)"), mode: 0o644)  // not ChildLink's: readable by others
        Self.makeFile(path("report.tmp"))
        Self.makeFile(path("keep.csv"))
        try FileManager.default.createDirectory(atPath: path("folder.tmp-\(dead)"), withIntermediateDirectories: false)
        symlink(path("keep.csv"), path(".link.csv.\(dead).tmp"))

        try PrivateOutputFile.write(Data("new".utf8), to: path("weekly.html"))

        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(
            left
                == [
                    ".link.csv.\(dead).tmp", "folder.tmp-\(dead)", "keep.csv", "notes.tmp-\(dead)", "report.tmp",
                    "weekly.html", "weekly.xlsx.tmp-\(live)",
                ].sorted())
        #expect(
            try String(contentsOfFile: path("keep.csv"), encoding: .utf8) == "child data", "the link's target is kept")
    }
}

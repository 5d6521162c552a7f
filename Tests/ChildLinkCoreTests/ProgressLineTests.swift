import Foundation
import Testing

/// How far a long run has got: a status line on an analyst's terminal, never in files or pipes.
@Suite("Progress of a long run: the built binary")
struct ProgressLineTests {
    let folder: URL

    init() throws {
        folder = try BuiltBinary.temporaryFolder()
        let sample = try BuiltBinary.run(["sample", "--children", "40", "--seed", "3", "--out", "borough"], in: folder)
        #expect(sample.status == 0, "\(sample.stderr)")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("borough/truth.csv"))
    }

    static let link = ["link", "borough", "--no-store", "--out", "linked"]

    @Test("into a pipe: no status line, standard error stays empty")
    func pipeStaysClean() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try BuiltBinary.run(Self.link, in: folder)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.isEmpty, "\(outcome.stderr)")
    }

    @Test("with --verbose: each step is an ordinary log line")
    func verboseLogsSteps() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try BuiltBinary.run(Self.link + ["--verbose"], in: folder)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("reading the extracts"))
        #expect(outcome.stderr.contains("records: compare done"))
        #expect(!outcome.stderr.contains("\u{1B}[K"), "no terminal codes in a log")
    }

    @Test(
        "on a terminal: one line redrawn in place, wiped before the results",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script (util-linux)"))
    func terminalShowsOneLine() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let command = ([BuiltBinary.url.path] + Self.link).joined(separator: " ")
        let outcome = try FaultTests.run(
            URL(fileURLWithPath: "/usr/bin/script"), ["-q", "-e", "-c", command, "/dev/null"], in: folder)
        #expect(outcome.status == 0, "\(outcome.stdout)")
        let screen = outcome.stdout
        #expect(screen.contains("\r\u{1B}[Kchildlink: linking"), "\(screen.debugDescription)")
        #expect(screen.contains("cluster done\r\u{1B}[K"), "the line is wiped before the summary")
        #expect(screen.contains("records:"), "the summary follows")
    }

    @Test(
        "footprint and review list from a store show their steps on a terminal, wiped before their output",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script (util-linux)"))
    func footprintShowsItsSteps() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let linked = try BuiltBinary.run(["link", "borough", "--store", "s.sqlite", "--out", "linked"], in: folder)
        #expect(linked.status == 0, "\(linked.stderr)")
        let command = [BuiltBinary.url.path, "footprint", "--child-id", "CL000001", "--store", "s.sqlite"]
            .joined(separator: " ")
        let outcome = try FaultTests.run(
            URL(fileURLWithPath: "/usr/bin/script"), ["-q", "-e", "-c", command, "/dev/null"], in: folder)
        #expect(outcome.status == 0, "\(outcome.stdout)")
        let screen = outcome.stdout
        #expect(screen.contains("\r\u{1B}[Kchildlink: reading the store"), "\(screen.debugDescription)")
        #expect(screen.contains("\r\u{1B}[Kchildlink: looking for the child among "))
        #expect(screen.contains(" records\r\u{1B}[KFootprint of CL000001"), "the line is wiped before the footprint")

        let piped = try BuiltBinary.run(["footprint", "--child-id", "CL000001", "--store", "s.sqlite"], in: folder)
        #expect(piped.status == 0)
        #expect(piped.stderr.isEmpty, "nothing drawn into a pipe: \(piped.stderr)")

        // `review list` reads the review pairs and the latest assignment first (13 s at a million records).
        let review = [BuiltBinary.url.path, "review", "list", "--store", "s.sqlite"].joined(separator: " ")
        let listed = try FaultTests.run(
            URL(fileURLWithPath: "/usr/bin/script"), ["-q", "-e", "-c", review, "/dev/null"], in: folder)
        #expect(listed.status == 0, "\(listed.stdout)")
        #expect(
            listed.stdout.contains("\r\u{1B}[Kchildlink: reading the review list"), "\(listed.stdout.debugDescription)")
        let shown = listed.stdout.components(separatedBy: "\u{1B}[K").last ?? ""
        #expect(shown.hasPrefix("No pairs to review.") || shown.hasPrefix("CL0"), "wiped before the list: \(shown)")
    }
}

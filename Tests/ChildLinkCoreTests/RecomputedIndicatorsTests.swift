import Foundation
import Testing

/// `Scripts/recompute-indicators.py` works every Missing, exclusions and overlap figure it covers out again
/// from a generated borough's extracts, on its own, with children counted by `truth.csv`, and
/// compares them with ChildLink's CSV output. On this small seeded borough the linkage is exact, so
/// every figure must agree; a figure changed by hand must be reported.
@Suite(
    "Indicators recomputed by an independent script",
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")))
struct RecomputedIndicatorsTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Scripts/recompute-indicators.py").standardized

    /// Runs the script on `extracts` and `output` (folders in `folder`) and returns what it printed.
    static func recompute(in folder: URL) throws -> (status: Int32, lines: [String]) {
        let capture = folder.appendingPathComponent("recompute.txt")
        _ = FileManager.default.createFile(atPath: capture.path, contents: nil)
        let handle = try FileHandle(forWritingTo: capture)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [Self.script.path, "borough", "out", "--period", "2018/19"]
        process.currentDirectoryURL = folder
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        try BuiltBinary.wait(for: process, arguments: ["recompute-indicators.py"], timeout: .seconds(120))
        try handle.close()
        let text = try String(contentsOf: capture, encoding: .utf8)
        return (process.terminationStatus, text.split(whereSeparator: \.isNewline).map(String.init))
    }

    /// A 300-child borough (seed 11, every record in the CSVs), and ChildLink's Missing, exclusions
    /// and (unsuppressed) Inclusion scorecards for 2018/19 as CSV.
    static func borough() throws -> URL {
        let folder = try BuiltBinary.temporaryFolder()
        let runs = [
            ["sample", "--children", "300", "--seed", "11", "--xml-share", "0", "--out", "borough"],
            [
                "scorecard", "missing", "--period", "2018/19", "borough", "--format", "csv", "--no-store", "--out",
                "out",
            ],
            [
                "scorecard", "exclusions", "--period", "2018/19", "borough", "--format", "csv", "--no-store", "--out",
                "out",
            ],
            [
                "scorecard", "inclusion", "--period", "2018/19", "borough", "--format", "csv", "--no-store",
                "--no-suppress", "--no-pseudonymise", "--out", "out",
            ],
        ]
        for arguments in runs {
            let outcome = try BuiltBinary.run(arguments, in: folder)
            #expect(outcome.status == 0, "\(arguments[0]): \(outcome.stderr)")
        }
        return folder
    }

    @Test func everyFigureAgreesOnASmallBorough() throws {
        let folder = try Self.borough()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.recompute(in: folder)
        #expect(result.status == 0)
        let summary = try #require(result.lines.last)
        #expect(summary.hasSuffix("0 differ (0 counts of events, 0 counts of children)"), "\(result.lines.suffix(5))")
        let compared = Int(summary.split(separator: " ")[0]) ?? 0
        #expect(compared > 1100, "\(summary)")

        // A figure changed by hand is found: 1.1, episodes in the year to date, one more.
        let file = folder.appendingPathComponent("out/missing-scorecard-2018-19-missing-01.csv")
        var lines = try String(contentsOf: file, encoding: .utf8).split(whereSeparator: \.isNewline).map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let ytd = try #require(header.firstIndex(of: "YTD"), "\(header)")
        let row = try #require(lines.firstIndex { $0.hasPrefix("1.1,") })
        var cells = lines[row].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        cells[ytd] = String(try #require(Int(cells[ytd]), "\(cells)") + 1)
        lines[row] = cells.joined(separator: ",")
        try (lines.joined(separator: "\r\n") + "\r\n").write(to: file, atomically: true, encoding: .utf8)
        let changed = try Self.recompute(in: folder)
        #expect(changed.lines.contains { $0.hasPrefix("missing 1.1 YTD: childlink ") && $0.hasSuffix("(events)") })
        #expect(changed.lines.last?.contains("1 differ (1 counts of events") == true)
    }
}

import Foundation
import Testing

/// `Scripts/recompute-indicators.py` works every figure of the Missing, exclusions, CME, EHE and Inclusion
/// scorecards out again from a generated borough's extracts, on its own, with children counted by
/// `truth.csv`, and compares them with ChildLink's CSV output. On this small seeded borough the linkage
/// is exact (every true child is one ChildLink child), so no difference can be the linkage's and every
/// figure must agree; a figure changed by hand must be reported.
@Suite(
    "Indicators recomputed by an independent script",
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")))
struct RecomputedIndicatorsTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Scripts/recompute-indicators.py").standardized

    /// Runs the script on `extracts` and `output` (folders in `folder`) and returns what it printed.
    static func recompute(
        in folder: URL, output: String = "out", period: String = "2018/19", extra: [String] = []
    ) throws -> (
        status: Int32, lines: [String]
    ) {
        let capture = folder.appendingPathComponent("recompute.txt")
        _ = FileManager.default.createFile(atPath: capture.path, contents: nil)
        let handle = try FileHandle(forWritingTo: capture)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [Self.script.path, "borough", output, "--period", period] + extra
        process.currentDirectoryURL = folder
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        try BuiltBinary.wait(for: process, arguments: ["recompute-indicators.py"], timeout: .seconds(120))
        try handle.close()
        let text = try String(contentsOf: capture, encoding: .utf8)
        return (process.terminationStatus, text.split(whereSeparator: \.isNewline).map(String.init))
    }

    /// A 300-child borough (seed 11, every record in the CSVs), ChildLink's Missing, exclusions, CME, EHE
    /// and (unsuppressed) Inclusion scorecards for 2018/19 as CSV in `out`, and the CME scorecard for
    /// 2019Q1 in `outq` (its year before, 2018/19, is the first with data: the prior-year columns).
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
            ["scorecard", "cme", "--period", "2018/19", "borough", "--format", "csv", "--no-store", "--out", "out"],
            ["scorecard", "ehe", "--period", "2018/19", "borough", "--format", "csv", "--no-store", "--out", "out"],
            ["scorecard", "cme", "--period", "2019Q1", "borough", "--format", "csv", "--no-store", "--out", "outq"],
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
        #expect(compared > 1900, "\(summary)")
        let quarter = try Self.recompute(in: folder, output: "outq", period: "2019Q1")
        let quarterSummary = try #require(quarter.lines.last)
        #expect(quarterSummary.hasSuffix(" 0 differ (0 counts of events, 0 counts of children)"), "\(quarter.lines)")
        #expect((Int(quarterSummary.split(separator: " ")[0]) ?? 0) > 300, "\(quarterSummary)")
        // Counted by ChildLink's own ids (the definitions alone): the same, as the linkage is exact here.
        // On a borough where it is not, only this count must agree; what differs by truth.csv alone is
        // the linkage's (docs/indicators.md, "Recomputed independently").
        let linked = try BuiltBinary.run(["link", "borough", "--no-store", "--out", "linked"], in: folder)
        #expect(linked.status == 0, "\(linked.stderr)")
        let byChildLink = try Self.recompute(in: folder, extra: ["--children", "linked/links.csv"])
        #expect(byChildLink.lines.last?.hasSuffix(" 0 differ (0 counts of events, 0 counts of children)") == true)

        // A figure changed by hand is found: Missing 1.1 (episodes, year to date) and CME 13 (free
        // school meals among the current children, Q4) and the Inclusion Scorecard's looked-after
        // children in the Missing strand alone, each one more.
        try Self.change(folder, "out/missing-scorecard-2018-19-missing-01.csv", row: "1.1,", column: "YTD") { $0 + 1 }
        try Self.change(folder, "out/cme-scorecard-2018-19-cme-13.csv", row: "13,", column: "Q4 2018/19") { $0 + 1 }
        try Self.change(
            folder, "out/inclusion-scorecard-2018-19-overlap-combinations.csv", row: "Missing,", column: "LAC"
        ) { $0 + 1 }
        let changed = try Self.recompute(in: folder)
        #expect(changed.lines.contains { $0.hasPrefix("missing 1.1 YTD: childlink ") && $0.hasSuffix("(events)") })
        #expect(changed.lines.contains { $0.hasPrefix("cme 13 Q4 2018/19: childlink ") })
        #expect(changed.lines.contains { $0.hasPrefix("inclusion Missing LAC: childlink ") })
        #expect(changed.lines.last?.contains("3 differ (1 counts of events, 2 counts of children)") == true)
    }

    /// Rewrites one cell of a CSV `file` in `folder`: the row starting `row`, the column headed `column`.
    static func change(_ folder: URL, _ file: String, row: String, column: String, by edit: (Int) -> Int) throws {
        let url = folder.appendingPathComponent(file)
        var lines = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline).map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let index = try #require(header.firstIndex(of: column))
        let line = try #require(lines.firstIndex { $0.hasPrefix(row) })
        var cells = lines[line].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        cells[index] = String(edit(try #require(Int(cells[index]))))
        lines[line] = cells.joined(separator: ",")
        try (lines.joined(separator: "\r\n") + "\r\n").write(to: url, atomically: true, encoding: .utf8)
    }
}

import Foundation
import Testing

/// `childlink scorecard … --context FOLDER` (and `--targets`, `--commentary`, `--benchmarks`) end
/// to end: the built binary on the sample borough's missing extract with `SampleData/context/`.
@Suite("Scorecard context files on the command line")
struct ScorecardContextCommandTests {
    static let sampleData = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("SampleData")
    static let extract = sampleData.appendingPathComponent("missing-episodes.csv").path
    static let context = sampleData.appendingPathComponent("context").path

    let folder: URL
    init() throws { folder = try BuiltBinary.temporaryFolder() }

    func scorecard(_ extra: [String]) throws -> BuiltBinary.Outcome {
        try BuiltBinary.run(
            ["scorecard", "missing", "--period", "2019-06", Self.extract, "--out", "out", "--no-store"] + extra,
            in: folder)
    }

    /// The CSV rows of one output table, split naively (the rows checked have no quoted commas).
    func rows(_ table: String) throws -> [[String]] {
        let text = try String(
            contentsOf: folder.appendingPathComponent("out/missing-scorecard-2019-06-missing-\(table).csv"),
            encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }

    /// 5.3a: the targets file says higher is better, target 80, amber 2, red 10; the benchmarks file
    /// 72, 69, 64; the commentary file a line for June 2019. The RAG is worked out here from June's
    /// count and denominator as printed: Green from 78%, Amber from 70%, Red below.
    @Test func contextFolderFillsTheColumns() throws {
        let outcome = try scorecard(["--context", Self.context])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let table = try rows("05")
        let header = table[0]
        let row = try #require(table.first { $0.first == "5.3a" })
        let column = { (name: String) in try #require(header.firstIndex(of: name)) }
        let count = try #require(Double(row[try column("Jun-19")]))
        let denominator = try #require(Double(row[try column("Jun-19 denominator")]))
        let percent = count * 100 / denominator
        let expected = percent >= 78 ? "Green" : percent >= 70 ? "Amber" : "Red"
        #expect(row[try column("Good is")] == "Higher")
        #expect(row[try column("RAG")] == expected)
        #expect(row[try column("Target")] == "80")
        #expect(row[try column("Stat. neighbours")] == "72")
        #expect(row[try column("England")] == "69")
        #expect(row[try column("Last year")] == "64")
        #expect(row.last == "Two RHI workers on leave in June; cover arranged from July.")
        let html = try String(
            contentsOf: folder.appendingPathComponent("out/missing-scorecard-2019-06.html"), encoding: .utf8)
        #expect(html.contains("Performance analysis: Return Home Interview take-up is steady"))
        #expect(html.contains("<td class=\"rated tone-"))
    }

    /// Without context files the scorecard has no context columns.
    @Test func withoutFilesNoColumns() throws {
        let outcome = try scorecard([])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(try rows("05")[0].contains("RAG") == false)
    }

    /// A bad targets file stops the run before anything is written: the earlier report stays.
    @Test func badFileNamesLineAndFieldAndWritesNothing() throws {
        #expect(try scorecard([]).status == 0)
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path)
        let bad = folder.appendingPathComponent("targets.yaml")
        try "missing:\n  \"5.1\": { polarity: higher, target: 90 }\n  \"5.3a\": { polarity: higher, target: 8O }\n"
            .write(to: bad, atomically: true, encoding: .utf8)
        let outcome = try scorecard(["--targets", bad.path])
        #expect(outcome.status != 0)
        #expect(
            outcome.stderr.contains("targets.yaml:3: 'missing.5.3a.target': '8O' is not a number"), "\(outcome.stderr)")
        let after = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path)
        #expect(before.sorted() == after.sorted())
        #expect(try rows("05")[0].contains("RAG") == false)
    }

    /// The Inclusion Scorecard takes the same files: its headline (`cohort`) gets Good is, DOT,
    /// RAG, Target and Comments. The sample's target: lower is better, 40, amber 3, red 8 — so Green
    /// to 43, Amber to 48, Red beyond, worked out here from the printed count; the DOT from May's
    /// count in the printed trend.
    @Test func inclusionHeadlineTakesTheTargets() throws {
        let extracts = ["missing-episodes", "cme-referrals", "ehe-records", "exclusions"].map {
            Self.sampleData.appendingPathComponent("\($0).csv").path
        }
        let outcome = try BuiltBinary.run(
            ["scorecard", "inclusion", "--period", "2019-06"] + extracts
                + ["--out", "out", "--no-store", "--no-pseudonymise", "--format", "csv", "--context", Self.context],
            in: folder)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        func table(_ name: String) throws -> [[String]] {
            let text = try String(
                contentsOf: folder.appendingPathComponent("out/inclusion-scorecard-2019-06-inclusion-\(name).csv"),
                encoding: .utf8)
            return text.split(whereSeparator: \.isNewline).map {
                $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            }
        }
        let headline = try table("cohort-size")
        #expect(Array(headline[0].prefix(6)) == ["Cohort", "Children", "Good is", "DOT", "RAG", "Target"])
        let count = try #require(Int(headline[1][1]))
        let trend = try table("trend")
        let mayColumn = try #require(trend[0].firstIndex(of: "May-19"))
        let may = try #require(Int(trend[2][mayColumn]))
        #expect(headline[1][2] == "Lower")
        #expect(headline[1][3] == (count < may ? "↓ better" : count > may ? "↑ worse" : "→ same"))
        #expect(headline[1][4] == (count <= 43 ? "Green" : count <= 48 ? "Amber" : "Red"))
        #expect(headline[1][5] == "40")
        #expect(headline[1][6].hasPrefix("Fewer children in two or more strands than in May"))
    }

    @Test func optionsAreChecked() throws {
        let noFolder = try scorecard(["--context", "no-such-folder"])
        #expect(noFolder.status != 0)
        #expect(noFolder.stderr.contains("--context no-such-folder: no such folder"))
    }
}

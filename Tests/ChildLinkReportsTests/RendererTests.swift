import ChildLinkModel
import Foundation
import Testing
import ZIPFoundation

@testable import ChildLinkReports

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Golden files live in `Expected/` beside this file; `CHILDLINK_UPDATE_GOLDEN=1 swift test` rewrites them.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Expected")

    static func check(_ actual: String, against name: String) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["CHILDLINK_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "\(name) differs from the golden file")
    }
}

@Suite("Report writers")
struct RendererTests {
    static func weeklyReport() -> Report {
        WeeklyPackBuilder(
            options: WeeklyPackOptions(
                weekEnding: TestCohort.date("2019-04-28"), generatedAt: TestCohort.time("2019-04-29 08:30"))
        )
        .build(cohort: WeeklyPackTests.fixture().cohort)
    }

    @Test func everyPrintedPageIsNumberedAndMarked() {
        let html = HTMLRenderer.render(Self.weeklyReport())
        #expect(html.contains("@page{size:A4 landscape;"))
        #expect(html.contains("@top-center{content:\"OFFICIAL-SENSITIVE\""))
        #expect(html.contains("content:\"Page \" counter(page) \" of \" counter(pages)"))
        #expect(html.contains("thead{display:table-header-group}"), "table headers repeat on each page")
        #expect(html.contains("tr{break-inside:avoid}"), "no row split across pages")
    }

    @Test func tableFilesSortInTableOrder() {
        let report = Self.weeklyReport()
        let name = { (id: String) in
            ReportWriter.csvFileName(report: report, table: ReportTable(id: id, title: id, columns: [], rows: []))
        }
        #expect(name("cme-1") == "weekly-2019-04-28-cme-01.csv")
        #expect(name("cme-10") == "weekly-2019-04-28-cme-10.csv")
        #expect(name("summary") == "weekly-2019-04-28-summary.csv")
        #expect(["cme-1", "cme-10", "cme-2"].map(name).sorted() == ["cme-1", "cme-2", "cme-10"].map(name))
    }

    @Test func textInAPageRuleCannotCloseTheStyle() {
        #expect(HTMLRenderer.cssString("a\"b</style>\\") == "\"a\\22 b\\3c /style>\\5c \"")
    }

    @Test func weeklyHTMLMatchesGoldenFile() throws {
        try Golden.check(HTMLRenderer.render(Self.weeklyReport()), against: "weekly-2019-04-28.html")
    }

    @Test func weeklyCSVMatchesGoldenFile() throws {
        let table = try #require(Self.weeklyReport().tables.first { $0.id == "children" })
        try Golden.check(CSVRenderer.render(table), against: "weekly-2019-04-28-children.csv")
    }

    @Test func htmlIsSelfContained() {
        let html = HTMLRenderer.render(Self.weeklyReport())
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(html.contains("@page{size:A4"))
        #expect(html.contains("<svg"))
    }

    @Test func htmlAndJSONEscapeWhatTheyPrint() {
        let table = ReportTable(id: "t", title: "<T>", columns: ["a"], rows: [[.text("<script>\"x\" & 'y'\n")]])
        let report = Report(
            slug: "s", title: "R & D", periodLabel: "P", generatedAt: TestCohort.time("2019-04-29 08:30"),
            sections: [ReportSection(title: "S", tables: [table])])
        let html = HTMLRenderer.render(report)
        #expect(html.contains("<td>&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;\n</td>"))
        #expect(html.contains("<h1>R &amp; D</h1>"))
        #expect(JSONRenderer.render(report).contains("[\"<script>\\\"x\\\" & 'y'\\n\"]"))
    }

    /// A percentage column is written as count, denominator and percentage: 3 of 8 is 37.5% → 38,
    /// 5 of 8 is 62.5% → 63, 6 of 9 is 66.7% → 67; a hidden cell is * in all three.
    @Test func csvKeepsCountDenominatorAndPercentage() {
        let table = ReportTable(
            id: "t", title: "t", columns: ["Ref", "Apr-19", "YTD"],
            rows: [
                [.text("4.1"), .countWithPercent(3, denominator: 8), .suppressed],
                [.text("4.2"), .countWithPercent(5, denominator: 8), .countWithPercent(6, denominator: 9)],
            ])
        #expect(
            CSVRenderer.render(table)
                == "Ref,Apr-19,Apr-19 denominator,Apr-19 %,YTD,YTD denominator,YTD %\r\n"
                + "4.1,3,8,38,*,*,*\r\n4.2,5,8,63,6,9,67\r\n")
    }

    @Test func csvQuotesFieldsThatNeedIt() {
        let table = ReportTable(
            id: "t", title: "t", columns: ["a", "b"], rows: [[.text("x, \"y\""), .count(3)], [.suppressed, .empty]])
        #expect(CSVRenderer.render(table) == "a,b\r\n\"x, \"\"y\"\"\",3\r\n*,\r\n")
    }

    @Test func jsonKeepsNumbersAsNumbers() {
        let table = ReportTable(
            id: "t", title: "T", columns: ["n", "p", "d", "s"],
            rows: [
                [.count(7), .countWithPercent(1, denominator: 4), .date(TestCohort.date("2019-04-28")), .suppressed]
            ])
        let report = Report(
            slug: "s", title: "T", periodLabel: "P", generatedAt: TestCohort.time("2019-04-29 08:30"),
            sections: [ReportSection(title: "S", tables: [table])])
        let json = JSONRenderer.render(report)
        #expect(json.contains("[7, {\"count\": 1, \"denominator\": 4, \"percent\": 25}, \"2019-04-28\", \"*\"]"))
        #expect(json == JSONRenderer.render(report))
        #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil)
    }

    @Test func xlsxPartsAreValidSpreadsheetML() throws {
        let report = MissingScorecard.build(
            cohort: MissingScorecardTests.fixture(), period: .month(year: 2019, month: 5),
            generatedAt: TestCohort.time("2019-06-05 09:00"))
        let parts = Dictionary(uniqueKeysWithValues: XLSXRenderer.parts(report).map { ($0.path, $0.xml) })
        #expect(parts.keys.sorted().prefix(3) == ["[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels"])
        // Three sheets: the profile and trends, the indicator groups together, the definitions.
        #expect(parts.count == 5 + 3)
        let workbook = try #require(parts["xl/workbook.xml"])
        #expect(workbook.contains("<sheet name=\"Indicators\" sheetId=\"2\" r:id=\"rId2\"/>"))
        #expect(workbook.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"1\">"))
        // Group 4 (days missing): 4.1 in April is 1 of 4 → a count and a 25% percentage.
        let indicators = try #require(parts["xl/worksheets/sheet2.xml"])
        #expect(indicators.contains("<t xml:space=\"preserve\">4 Number of days missing</t>"))
        #expect(indicators.contains("<t xml:space=\"preserve\">Apr-19</t>"))
        #expect(indicators.contains("<v>1</v></c><c r=\"D"))
        #expect(indicators.contains("s=\"4\"><v>0.25</v></c>"))
        for (path, xml) in parts {
            let parser = XMLParser(data: Data(xml.utf8))
            #expect(parser.parse(), "\(path) is not well-formed XML")
        }
    }

    @Test func xlsxWritesDatesAsSerialNumbers() throws {
        let parts = XLSXRenderer.parts(Self.weeklyReport())
        let episodes = try #require(
            parts.first { $0.xml.contains("Still missing") && $0.xml.contains("RHI completed") })
        // 2019-04-23 21:00 is serial 43578.875 with the date-time style.
        #expect(episodes.xml.contains("<v>43578.875</v>"))
        #expect(episodes.xml.contains("s=\"3\""))
        #expect(XLSXRenderer.reference(27, 3) == "AB3")
    }

    @Test func xlsxArchiveUnzipsToTheParts() throws {
        let report = Self.weeklyReport()
        let archive = try Archive(data: try XLSXRenderer.render(report), accessMode: .read)
        var unzipped: [String: String] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            unzipped[entry.path] = String(decoding: data, as: UTF8.self)
        }
        let expected = Dictionary(uniqueKeysWithValues: XLSXRenderer.parts(report).map { ($0.path, $0.xml) })
        #expect(unzipped == expected)
        #expect(archive.map(\.path).first == "[Content_Types].xml")
    }

    @Test func xlsxArchiveIsDeterministic() throws {
        let first = try XLSXRenderer.render(Self.weeklyReport())
        let second = try XLSXRenderer.render(Self.weeklyReport())
        #expect(first == second)
        #expect(first.prefix(2) == Data("PK".utf8))
    }

    @Test func fileNamesNeverContainPathSeparators() {
        #expect(ReportWriter.safeFileName("ehe-summary-2018/19.html") == "ehe-summary-2018-19.html")
        #expect(ReportingPeriod.year(startYear: 2018).slug == "2018-19")
    }

    @Test func writerWritesEveryFormatOwnerOnly() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "childlink-writer-\(UUID().uuidString)"
        ).path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let written = try ReportWriter(directory: directory).write(Self.weeklyReport(), formats: ReportFormat.allCases)
        #expect(written.files.count == 3 + Self.weeklyReport().tables.count)
        for file in written.files {
            let attributes = try FileManager.default.attributesOfItem(atPath: file)
            #expect((attributes[.posixPermissions] as? Int) == 0o600, "\(file)")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }
}

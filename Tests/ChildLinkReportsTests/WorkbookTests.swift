import ChildLinkModel
import Foundation
import Testing

@testable import ChildLinkReports

/// What `Scripts/xlsx-inspect.py` (Python's standard library only: zipfile and xml.etree, no code
/// shared with the writer) finds in a workbook.
struct InspectedWorkbook: Decodable {
    struct Cell: Decodable {
        let type: String
        let text: String?
        let number: Double?
        let format: String
        let horizontal: String?
        let wrap: Bool
        let bold: Bool

        enum CodingKeys: String, CodingKey { case type, value, format, horizontal, wrap, bold }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            type = try container.decode(String.self, forKey: .type)
            text = try? container.decode(String.self, forKey: .value)
            number = try? container.decode(Double.self, forKey: .value)
            format = try container.decode(String.self, forKey: .format)
            horizontal = try container.decodeIfPresent(String.self, forKey: .horizontal)
            wrap = try container.decode(Bool.self, forKey: .wrap)
            bold = try container.decode(Bool.self, forKey: .bold)
        }
    }

    struct Pane: Decodable {
        let ySplit: String?
        let topLeftCell: String?
        let state: String?
    }

    struct Sheet: Decodable {
        let name: String
        let cells: [String: Cell]
        let widths: [String: Double]
        let merges: [String]
        let pane: Pane?
        let pageSetup: [String: String]?
        let fitToPage: Bool
        let header: String?
        let footer: String?
        let printTitles: String?

        /// The text of a cell, or nil.
        func text(_ ref: String) -> String? { cells[ref]?.text }

        /// The rows (1-based) whose column A holds `text`.
        func rows(withText text: String) -> [Int] {
            cells.filter { $0.value.text == text && $0.key.first == "A" && $0.key.dropFirst().allSatisfy(\.isNumber) }
                .compactMap { Int($0.key.dropFirst()) }.sorted()
        }
    }

    let path: String
    let sheets: [Sheet]
    let problems: [String]

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scripts/xlsx-inspect.py")

    /// Writes each report's workbook to a temporary folder and reads them all back with the script
    /// (killed after 60 seconds).
    static func inspect(_ reports: [Report]) throws -> [InspectedWorkbook] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "childlink-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for (index, report) in reports.enumerated() {
            let url = folder.appendingPathComponent("\(index)-\(report.slug).xlsx")
            try XLSXRenderer.render(report).write(to: url)
            paths.append(url.path)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path] + paths
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
        try #require(process.terminationStatus == 0, "xlsx-inspect.py failed")
        return try JSONDecoder().decode([InspectedWorkbook].self, from: data)
    }
}

@Suite("Workbooks fit to publish, read back by an independent reader")
struct WorkbookTests {
    static let generatedAt = TestCohort.time("2019-06-05 09:00")

    static func missing() -> Report {
        MissingScorecard.build(
            cohort: MissingScorecardTests.fixture(), period: .month(year: 2019, month: 5), generatedAt: generatedAt)
    }

    /// Every kind of report ChildLink writes as a workbook, on the suites' hand-worked fixtures.
    static func everyReport() -> [Report] {
        let inclusion = DisclosureOptions(suppress: true, pseudonymiser: Pseudonymiser(key: "workbook"))
        return [
            RendererTests.weeklyReport(), missing(),
            CMEScorecard.build(
                cohort: CMEScorecardTests.fixture(), period: .quarter(startYear: 2019, quarter: 2),
                generatedAt: generatedAt),
            DisclosureLeakTests.suppressedCME(),
            EHEScorecard.build(
                cohort: EducationScorecardTests.eheFixture(), period: .year(startYear: 2018), generatedAt: generatedAt),
            ExclusionsScorecard.build(
                cohort: EducationScorecardTests.eheFixture(), period: .year(startYear: 2018), generatedAt: generatedAt),
            InclusionScorecard.build(
                cohort: InclusionTests.fixture(), period: InclusionTests.quarter, disclosure: inclusion,
                generatedAt: generatedAt),
            InclusionScorecard.overlapReport(
                cohort: InclusionTests.fixture(), period: InclusionTests.quarter, disclosure: inclusion,
                generatedAt: generatedAt),
        ]
    }

    @Test("every sheet of every workbook: title rows, frozen header, print set-up, no package problem")
    func everyWorkbook() throws {
        let reports = Self.everyReport()
        let books = try InspectedWorkbook.inspect(reports)
        try #require(books.count == reports.count)
        for (report, book) in zip(reports, books) {
            #expect(book.problems.isEmpty, "\(report.slug): \(book.problems)")
            #expect(!book.sheets.isEmpty)
            #expect(Set(book.sheets.map { $0.name.lowercased() }).count == book.sheets.count, "unique names")
            for sheet in book.sheets { Self.checkSheet(sheet, of: report) }
        }
    }

    static func checkSheet(_ sheet: InspectedWorkbook.Sheet, of report: Report) {
        let context = "\(report.slug) / \(sheet.name)"
        #expect(sheet.name.count <= 31, "\(context)")
        #expect(Self.isWholeWords(sheet.name, of: report), "\(context): a word is cut")
        // The title block.
        #expect(sheet.text("A1") == report.title, "\(context)")
        #expect(sheet.cells["A1"]?.bold == true)
        #expect(sheet.text("A2") == report.periodLabel, "\(context)")
        #expect(sheet.text("A3") == "Produced \(report.generatedAt.uk)", "\(context)")
        #expect(sheet.text("A4")?.hasPrefix(report.protectiveMarking) == true, "\(context)")
        // The header row: frozen below, repeated on every printed page, bold, every column a width.
        let header = Int(sheet.pane?.ySplit ?? "") ?? 0
        #expect(header > 4, "\(context)")
        #expect(sheet.pane?.state == "frozen")
        #expect(sheet.pane?.topLeftCell == "A\(header + 1)")
        let quoted = "'" + sheet.name.replacingOccurrences(of: "'", with: "''") + "'"
        #expect(sheet.printTitles == "\(quoted)!$\(header):$\(header)", "\(context)")
        #expect(sheet.cells["A\(header)"]?.bold == true, "\(context)")
        let headerCells = sheet.cells.keys.filter { $0.drop { $0.isLetter } == Substring(String(header)) }
        #expect(headerCells.count == sheet.widths.count, "\(context): one width per column")
        // Landscape A4, one page wide, as many pages down as it takes; marking and page numbers.
        #expect(sheet.pageSetup?["paperSize"] == "9")
        #expect(sheet.pageSetup?["orientation"] == "landscape")
        #expect(sheet.pageSetup?["fitToWidth"] == "1")
        #expect(sheet.pageSetup?["fitToHeight"] == "0")
        #expect(sheet.fitToPage)
        #expect(sheet.header?.contains(report.protectiveMarking) == true, "\(context)")
        #expect(sheet.footer?.contains("Page &P of &N") == true)
        #expect(sheet.footer?.contains(report.title.replacingOccurrences(of: "&", with: "&&")) == true)
    }

    /// Whether every word of the sheet's name (without a ` (2)` suffix) is a whole word of one of the
    /// report's titles.
    static func isWholeWords(_ name: String, of report: Report) -> Bool {
        let titles = [report.title] + report.sections.map(\.title) + report.tables.map(\.title)
        let words = Set(titles.flatMap { SheetName.clean($0).split(separator: " ") })
        let base = name.replacing(/\s\(\d+\)$/, with: "")
        return base.split(separator: " ").allSatisfy(words.contains)
    }

    /// The Missing scorecard of May 2019 (MissingScorecardTests' fixture): its 11 indicator groups
    /// on one sheet under one header row, as the council's scorecard prints them; 4.1 in April is
    /// 1 of the 4 episodes (hand-worked in MissingScorecardTests): a count cell 1 and a percentage
    /// cell 0.25.
    @Test func missingScorecardIndicatorsAreOneSheet() throws {
        let report = Self.missing()
        let book = try #require(try InspectedWorkbook.inspect([report]).first)
        #expect(book.sheets.map(\.name) == ["Missing profile and trends", "Indicators", "Definitions"])
        let sheet = book.sheets[1]
        let header = try #require(Int(sheet.pane?.ySplit ?? ""))
        let headings = ["Ref", "Indicator", "Apr-19", "%", "May-19", "%", "YTD", "%"]
        #expect((0..<8).map { sheet.text(XLSXRenderer.reference($0, header)) } == headings)
        for group in MissingScorecard.groups {
            let rows = sheet.rows(withText: "\(group.id) \(group.title)")
            #expect(rows.count == 1, "group \(group.id) has its heading row")
            #expect(rows.first.map { sheet.cells["A\($0)"]?.bold == true } == true)
        }
        let row = try #require(sheet.rows(withText: "4.1").first)
        let count = try #require(sheet.cells["C\(row)"])
        #expect(count.type == "number" && count.number == 1 && count.format == "#,##0")
        let percent = try #require(sheet.cells["D\(row)"])
        #expect(percent.type == "number" && percent.number == 0.25 && percent.format == "0%")
        // Widths fit: the Indicator column holds the longest title (up to 72, then wraps); the
        // count and percentage columns are narrow.
        let longest =
            report.tables.filter { $0.id.hasPrefix("missing-") && !$0.id.contains("trend") }
            .flatMap(\.rows).compactMap { row -> Int? in
                if case .text(let title) = row[1] { return title.count }
                return nil
            }.max() ?? 0
        #expect(sheet.widths["2"] ?? 0 >= Double(min(longest, 70)))
        #expect((3...8).allSatisfy { (sheet.widths[String($0)] ?? 99) <= 10 })
        // The long definitions wrap in a 60-wide column.
        let definitions = book.sheets[2]
        #expect(definitions.widths["3"] == 72)
        #expect(definitions.cells.values.contains { $0.wrap && ($0.text?.count ?? 0) > 72 })
    }

    /// Dates are Excel serial days with a UK date format: 23/04/2019 21:00 is 43578.875 (1 January
    /// 2019 is serial 43466; + 31 + 28 + 31 + 22 days = 43578; 21:00 is 0.875 of a day).
    @Test func datesAreTypedWithUKFormats() throws {
        let book = try #require(try InspectedWorkbook.inspect([RendererTests.weeklyReport()]).first)
        let cells = book.sheets.flatMap(\.cells.values)
        let start = try #require(cells.first { $0.number == 43578.875 })
        #expect(start.type == "number" && start.format == "dd/mm/yyyy hh:mm")
        #expect(cells.contains { $0.format == "dd/mm/yyyy" && $0.type == "number" })
        #expect(!cells.contains { $0.type == "text" && ($0.text ?? "").contains("2019-04-") }, "no date as text")
    }

    /// A hidden count is a right-aligned `*`, and a sheet that holds one says what `*` means.
    @Test func suppressedCellsAreRightAlignedAndExplained() throws {
        let book = try #require(try InspectedWorkbook.inspect([DisclosureLeakTests.suppressedCME()]).first)
        let sheet = try #require(book.sheets.first { $0.name == "Indicators" })
        let stars = sheet.cells.values.filter { $0.text == "*" }
        #expect(!stars.isEmpty)
        #expect(stars.allSatisfy { $0.type == "text" && $0.horizontal == "right" })
        #expect(sheet.cells.values.contains { $0.text == SmallNumberSuppression.reportNote })
    }
}

@Suite("Sheet names")
struct SheetNameTests {
    @Test(arguments: [
        ("8 Breakdown by ethnicity (by missing episodes)", "8 Breakdown by ethnicity"),
        ("Children with an episode this week", "Children with an episode"),
        ("Absent episodes in the week (not counted as missing)", "Absent episodes in the week"),
        ("Children in each combination of the strands", "Children in each combination"),
    ])
    func longTitlesAreCutAtAWholeWord(title: String, name: String) {
        #expect(SheetName.best([title]) == name)
        #expect(name.count <= 31)
    }

    @Test func aShorterCandidateThatFitsWins() {
        #expect(
            SheetName.best(["Suspensions and permanent exclusions", "School exclusions — summary"])
                == "School exclusions — summary")
        #expect(
            SheetName.best(["Dates in each extract, as read", "The data this report was made from"])
                == "Dates in each extract, as read")
    }

    @Test func namesAreCleanedAndUnique() {
        #expect(SheetName.clean("'Q1/Q2: [draft]'") == "Q1 Q2 draft")
        #expect(
            SheetName.unique(["Definitions", "definitions", "Definitions"]) == [
                "Definitions", "definitions (2)", "Definitions (3)",
            ])
        let long = String(repeating: "Word ", count: 8).trimmingCharacters(in: .whitespaces)
        let names = SheetName.unique([SheetName.best([long]), SheetName.best([long])])
        #expect(names[1].hasSuffix(" (2)") && names[1].count <= 31)
    }
}

import Foundation
import Testing

/// The weekly pack printed as a browser prints it: headless Chromium to PDF, pages counted by
/// pdfinfo. Runs where both are installed (`apt-get install chromium poppler-utils`); the figure is
/// in docs/printing.md.
@Suite("The weekly pack on paper")
struct PrintedPackTests {
    static let tools = ["/usr/bin/chromium", "/usr/bin/pdfinfo", "/usr/bin/pdftotext"]

    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
        return String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    @Test(
        "the sample week ending 30/06/2019 prints on at most 8 A4 pages, each numbered and marked",
        .enabled(if: tools.allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }))
    func samplePackPrintsOnEightPages() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try BuiltBinary.run(
            [
                "weekly", FirstHourTests.sampleData.path, "--week-ending", "2019-06-30", "--out", "pack", "--no-store",
                "--format", "html",
            ], in: folder)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let pdf = folder.appendingPathComponent("pack.pdf").path
        _ = try Self.run(
            Self.tools[0],
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=\(pdf)",
                folder.appendingPathComponent("pack/weekly-2019-06-30.html").absoluteString,
            ])
        let info = try Self.run(Self.tools[1], [pdf])
        let pages = try #require(
            info.split(whereSeparator: \.isNewline).first { $0.hasPrefix("Pages:") }
                .flatMap { Int($0.split(separator: " ").last ?? "") })
        #expect(pages <= 8, "\(pages) pages")
        #expect(info.contains("841.92 x 594.96 pts (A4)"), "A4 landscape")
        let text = try Self.run(Self.tools[2], ["-layout", pdf, "-"])
        let printed = text.split(separator: "\u{0C}").filter {
            !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        }
        #expect(printed.count == pages)
        for (index, page) in printed.enumerated() {
            #expect(page.contains("OFFICIAL-SENSITIVE"), "page \(index + 1) carries the marking")
            #expect(page.contains("Page \(index + 1) of \(pages)"))
        }
        // The first page holds the week's numbers and the start of the Actions.
        #expect(printed.first?.contains("Actions: children who need a decision") == true)
    }

    /// The Missing scorecard for a month (May 2019, three month columns and the year to date; the
    /// sample borough) prints on at most 4 portrait A4 pages, each marked and numbered; one indicator
    /// table under one header, repeated on each page it runs onto.
    @Test(
        "the sample Missing scorecard for May 2019 prints on at most 4 A4 pages, each numbered and marked",
        .enabled(if: tools.allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }))
    func missingScorecardPrintsOnFourPages() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try BuiltBinary.run(
            [
                "scorecard", "missing", "--period", "2019-05", FirstHourTests.sampleData.path, "--out", "cards",
                "--no-store", "--format", "html",
            ], in: folder)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let pdf = folder.appendingPathComponent("card.pdf").path
        _ = try Self.run(
            Self.tools[0],
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=\(pdf)",
                folder.appendingPathComponent("cards/missing-scorecard-2019-05.html").absoluteString,
            ])
        let info = try Self.run(Self.tools[1], [pdf])
        let pages = try #require(
            info.split(whereSeparator: \.isNewline).first { $0.hasPrefix("Pages:") }
                .flatMap { Int($0.split(separator: " ").last ?? "") })
        #expect(pages <= 4, "\(pages) pages")
        #expect(info.contains("594.96 x 841.92 pts (A4)"), "A4 portrait")
        let text = try Self.run(Self.tools[2], ["-layout", pdf, "-"])
        let printed = text.split(separator: "\u{0C}").filter {
            !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        }
        #expect(printed.count == pages)
        for (index, page) in printed.enumerated() {
            #expect(page.contains("OFFICIAL"), "page \(index + 1) carries the marking")
            #expect(page.contains("Page \(index + 1) of \(pages)"))
        }
        // The indicator groups are one table: its header row is printed once per page it is on.
        let headed = printed.filter { $0.contains("Ref") && $0.contains("Indicator") && $0.contains("YTD") }
        #expect(!headed.isEmpty)
        #expect(text.components(separatedBy: "4 Number of days missing").count == 2, "each group heading once")
    }
}

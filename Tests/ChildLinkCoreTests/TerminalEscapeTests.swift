import Foundation
import Testing

/// Escape codes in an extract never reach the terminal: not through a footprint, nor an error message.
@Suite("Escape codes in an extract are not written to the terminal")
struct TerminalEscapeTests {
    /// What a hostile or damaged name holds: a window-title change, a screen clear, a bidi override.
    static let hostile = "\u{1B}]0;owned\u{07}\u{1B}[2J\u{202E}"

    /// Whether `text` holds ESC, BEL, a C1 control or a bidi override.
    static func hasUnsafe(_ text: String) -> Bool {
        text.unicodeScalars.contains { [0x1B, 0x07, 0x9B, 0x202E].contains($0.value) }
    }

    @Test("escape codes: footprint prints a name holding escape codes without them; an error naming such a file too")
    func escapeCodesAreStripped() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = try BuiltBinary.run(["sample", "--children", "30", "--seed", "2", "--out", "borough"], in: folder)
        try #require(sample.status == 0, "\(sample.stderr)")
        let path = folder.appendingPathComponent("borough/missing-episodes.csv")
        var lines = try String(contentsOf: path, encoding: .utf8).components(separatedBy: "\n")
        let header = lines[0].components(separatedBy: ",")
        let (upnColumn, forenameColumn) = (header.firstIndex(of: "UPN")!, header.firstIndex(of: "Forename")!)
        let rowIndex = try #require(
            lines.indices.dropFirst().first { lines[$0].components(separatedBy: ",")[upnColumn].count == 13 })
        var row = lines[rowIndex].components(separatedBy: ",")
        let upn = row[upnColumn]
        row[forenameColumn] = "Amy" + Self.hostile + "Zed"
        lines[rowIndex] = row.joined(separator: ",")
        try lines.joined(separator: "\n").write(to: path, atomically: true, encoding: .utf8)

        let footprint = try BuiltBinary.run(["footprint", "borough", "--no-store", "--upn", upn], in: folder)
        #expect(footprint.status == 0, "\(footprint.stderr)")
        #expect(footprint.stdout.contains("AmyZed"), "the record is in the footprint: \(footprint.stdout)")
        #expect(!Self.hasUnsafe(footprint.stdout + footprint.stderr))

        let missing = try BuiltBinary.run(["check", "week" + Self.hostile + ".csv"], in: folder)
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("week0;owned") == false)
        #expect(missing.stderr.contains("week.csv"), "\(missing.stderr)")
        #expect(!Self.hasUnsafe(missing.stdout + missing.stderr))
    }
}

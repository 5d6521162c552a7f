import Foundation
import Testing

/// The README's tour of the commands, run as written, top to bottom, in a fresh folder, on the
/// built binary: every line must succeed, so the README never shows a command that fails.
@Suite("README: the tour of the commands runs as written")
struct ReadmeTourTests {
    /// The repository's README, beside the test sources.
    static let readme = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("README.md")

    /// The tour's command lines: the indented `childlink …` lines after "## A tour of the commands",
    /// up to the next table, each without its comment, split into arguments (double quotes group).
    static func tour() throws -> [[String]] {
        let text = try String(contentsOf: readme, encoding: .utf8)
        let start = try #require(text.range(of: "## A tour of the commands"))
        let end = try #require(text.range(of: "| command |", range: start.upperBound..<text.endIndex))
        return text[start.upperBound..<end.lowerBound].split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("childlink ") }
            .map { words(String($0.prefix { $0 != "#" })) }
    }

    /// `line` split at spaces outside double quotes.
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        for character in line {
            if character == "\"" {
                quoted.toggle()
            } else if character == " " && !quoted {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    @Test("every command of the tour exits 0 in a fresh folder, with no pseudonym key set")
    func tourRuns() throws {
        let lines = try Self.tour()
        #expect(lines.count >= 10, "the tour has its commands")
        #expect(lines.contains { $0.starts(with: ["childlink", "scorecard", "inclusion"]) })
        #expect(lines.contains { $0.starts(with: ["childlink", "overlap"]) })
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for line in lines {
            let outcome = try BuiltBinary.run(
                Array(line.dropFirst()), in: folder, environment: ["CHILDLINK_PSEUDONYM_KEY": nil],
                timeout: .seconds(600))
            #expect(outcome.status == 0, "\(line.joined(separator: " ")): \(outcome.stderr)")
            if outcome.status != 0 { break }
        }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("pack").path))
        #expect(
            FileManager.default.fileExists(
                atPath: folder.appendingPathComponent("childlink.sqlite.pseudonym-key").path))
    }
}

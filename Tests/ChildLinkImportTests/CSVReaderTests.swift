import Foundation
import Testing

@testable import ChildLinkImport
import ChildLinkModel

@Suite("CSV reader")
struct CSVReaderTests {
    @Test("quoted commas, doubled quotes and line breaks inside quotes; record start lines")
    func quoting() throws {
        let path = try Fixture.temporary(
            "quoting.csv", text: "a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",z\n\n3,,\n")
        let rows = try Fixture.csvRows(path)
        #expect(rows.map(\.fields) == [["a", "b", "c"], ["1", "x, y", "say \"hi\""], ["2", "two\nlines", "z"], ["3", "", ""]])
        #expect(rows.map(\.line) == [1, 2, 3, 6])
    }

    @Test("CRLF, LF and CR line endings read the same", arguments: ["\r\n", "\n", "\r"])
    func lineEndings(_ ending: String) throws {
        let text = ["h1,h2", "1,\"a\"", "2,b"].joined(separator: ending) + ending
        let rows = try Fixture.csvRows(try Fixture.temporary("endings.csv", text: text))
        #expect(rows.map(\.fields) == [["h1", "h2"], ["1", "a"], ["2", "b"]])
        #expect(rows.map(\.line) == [1, 2, 3])
    }

    @Test("the last record needs no line break, and a trailing separator is an empty field")
    func noFinalNewline() throws {
        let rows = try Fixture.csvRows(try Fixture.temporary("end.csv", text: "a,b\n1,"))
        #expect(rows.map(\.fields) == [["a", "b"], ["1", ""]])
    }

    @Test("any chunk size gives the same records", arguments: [1, 2, 3, 5, 7, 64])
    func chunkBoundaries(_ chunkSize: Int) throws {
        for name in ["missing-episodes.csv", "missing-episodes-bom-crlf.csv", "missing-episodes-utf16.csv", "missing-episodes-cp1252.csv"] {
            let path = Fixture.path(name)
            let whole = try Fixture.csvRows(path)
            let chunked = try Fixture.csvRows(path, chunkSize: chunkSize)
            #expect(chunked.map(\.fields) == whole.map(\.fields), "\(name)")
            #expect(chunked.map(\.line) == whole.map(\.line), "\(name)")
        }
    }

    @Test("a quoted field that never closes is an error naming the line it opened on")
    func unterminatedQuote() throws {
        let path = Fixture.path("missing-episodes-unterminated-quote.csv")
        #expect(throws: ImportError.unterminatedQuote(path: path, line: 3)) { try Fixture.csvRows(path) }
    }

    @Test("a tab-separated header selects tab as the separator")
    func tabSeparated() throws {
        let rows = try Fixture.csvRows(try Fixture.temporary("tabs.txt", text: "a\tb\n1,5\t2\n"))
        #expect(rows.map(\.fields) == [["a", "b"], ["1,5", "2"]])
    }

    @Test("encodings decode names with diacritics", arguments: [
        ("missing-episodes-bom-crlf.csv", TextEncodingName.utf8BOM),
        ("missing-episodes-cp1252.csv", .windows1252),
        ("missing-episodes-utf16.csv", .utf16LE),
        ("missing-episodes-cr.csv", .utf8),
    ])
    func encodings(_ name: String, _ encoding: TextEncodingName) throws {
        let result = try Fixture.read(name)
        #expect(result.file.encoding == encoding)
        #expect(result.file.imported == 2)
        let first = try #require(result.record("E201"))
        #expect(first.person.forename == "Štefan")
        #expect(first.person.surname == "Horváth")
        #expect(result.record("E202")?.person.surname == "Nováková")
        #expect(result.record("E202")?.person.forename == "Zoë")
        #expect(first.missingEpisode?.reportedBy == "Foster carer, night")
        #expect(result.record("E202")?.location?.line == 3)
    }

    @Test("UTF-16 big-endian with BOM")
    func utf16BigEndian() throws {
        var bytes: [UInt8] = [0xFE, 0xFF]
        for unit in "EpisodeID,DateOfBirth,StartDateTime,Surname\r\nE1,03/06/2010,14/02/2024 21:30,Horváth 𝄞\r\n".utf16 {
            bytes += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
        let result = try ExtractReader().read(paths: [try Fixture.temporary("be.csv", bytes)])
        #expect(result.file.encoding == .utf16BE)
        #expect(result.record("E1")?.person.surname == "Horváth 𝄞")
    }

    @Test("Windows-1252 bytes 0x80–0x9F map to their characters")
    func windows1252Table() {
        #expect(FieldDecoding.windows1252([0x8A, 0x9A, 0x80, 0xE1]) == "Šš€á")
    }
}

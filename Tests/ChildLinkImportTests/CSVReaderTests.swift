import Foundation
import Testing

@testable import ChildLinkImport
@testable import ChildLinkModel

@Suite("CSV reader")
struct CSVReaderTests {
    @Test("quoted commas, doubled quotes and line breaks inside quotes; record start lines")
    func quoting() throws {
        let path = try Fixture.temporary(
            "quoting.csv", text: "a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",z\n\n3,,\n")
        let rows = try Fixture.csvRows(path)
        #expect(
            rows.map(\.fields) == [
                ["a", "b", "c"], ["1", "x, y", "say \"hi\""], ["2", "two\nlines", "z"], ["3", "", ""],
            ])
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
        for name in [
            "missing-episodes.csv", "missing-episodes-bom-crlf.csv", "missing-episodes-utf16.csv",
            "missing-episodes-cp1252.csv",
        ] {
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

    @Test(
        "encodings decode names with diacritics",
        arguments: [
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
        for unit in "EpisodeID,DateOfBirth,StartDateTime,Surname\r\nE1,03/06/2010,14/02/2024 21:30,Horváth 𝄞\r\n".utf16
        {
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

@Suite("Fast paths agree with the general parsers")
struct FastPathTests {
    static let dateTexts = [
        "03/06/2010", "2010-06-03", "31/02/2010", "2024-02-29", "2023-02-29", "14/02/2024 21:30", "14/02/2024T21:30",
        "2024-02-14T21:30:59", "2024-02-14 21:30:60", "2024-02-14 24:00", "02/13/2024", "3/6/2010", "2010-6-03",
        "14/02/2024 21:30:00", "14/02/2024 9:30", "aa/bb/cccc", "2024-02-14X21:30", "0000-01-01",
    ]

    @Test("dates and date-times", arguments: dateTexts)
    func dates(_ text: String) {
        #expect((FastValues.dateTime(text) ?? LocalDateTime(parsing: text)) == LocalDateTime(parsing: text))
        #expect((FastValues.dateTime(text)?.date ?? CalendarDate(parsing: text)) == CalendarDate(parsing: text))
    }

    @Test(
        "identifiers",
        arguments: [
            "9434765919", "9434765918", "0000000000", "1111111111", "943 476 5919", "94347659", "943476591X",
            "B801200005001", "A801200005001", "N20123452601K", "b801200005001", "B999200005001", "I801200005001",
            "B80120000500", "UN1", "S60 1AE", "s60 1ae", "S601AE", "SW1A 1AA", "S60 1A1", "EC1A 1BB", "AB1 2CD ",
            "12345 6AB", "ÁB1 2CD",
        ])
    func identifiers(_ text: String) {
        #expect(NHSNumber(field: text) == NHSNumber(text))
        #expect(UPN(field: text) == UPN(text))
        #expect(Postcode(field: text) == Postcode(text))
    }

    @Test(
        "gender codes",
        arguments: ["M", "F", "U", "1", "2", "0", "9", "Male", "female", "a) Male", "1 - Male", "X", "Boy"])
    func genders(_ text: String) {
        #expect(FastValues.gender(text) == Gender(code: text))
    }
}

import ChildLinkImport
import ChildLinkModel
import Foundation
import Testing

/// `link --generic` without a profile: columns recognised by common names, read with the importers'
/// CSV rules (streamed; Windows-1252 rows; quoted line breaks keep the line numbers true).
@Suite("Generic person CSV")
struct GenericPersonCSVTests {
    private func write(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("childlink-generic-\(UUID()).csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("An Excel (Windows-1252) export with a quoted line break: names decoded, line numbers true, FEBRL truth")
    func windows1252AndQuotedLineBreak() throws {
        var bytes = Array("rec_id,given_name,surname,date_of_birth,address_1\r\n".utf8)
        bytes +=
            Array("rec-1-org,J".utf8) + [0xE1] + Array("n,Horv".utf8) + [0xE1]
            + Array("th,19900304,\"12 Main\r\nStreet\"\r\n".utf8)
        bytes += Array("rec-1-dup-0,Jan,Horvath,19900304,12 Main St\r\n".utf8)
        let path = try write(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let contents = try GenericPersonCSV.read(paths: [path])
        try #require(contents.records.count == 2)
        #expect(contents.records[0].person.forename == "Ján")
        #expect(contents.records[0].person.surname == "Horváth")
        #expect(contents.records[0].person.dateOfBirth == CalendarDate(year: 1990, month: 3, day: 4))
        #expect(contents.records[1].location?.line == 4, "the quoted line break is line 3's")
        #expect(Set(contents.truth.values) == ["1"])
    }

    @Test("A repeated record id is an error naming the file and line")
    func repeatedID() throws {
        let path = try write(Array("id,forename,surname\nA,Ann,Lee\nB,Bo,Lee\nA,Ann,Lee\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: ImportError.invalidPersonCSV(path: path, line: 4, reason: "record id repeated in the file")) {
            try GenericPersonCSV.read(paths: [path])
        }
    }

    @Test("A file without an id column is an error on line 1")
    func noIDColumn() throws {
        let path = try write(Array("forename,surname\nAnn,Lee\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: ImportError.invalidPersonCSV(path: path, line: 1, reason: "no id column (rec_id, id)")) {
            try GenericPersonCSV.read(paths: [path])
        }
    }

    @Test("A council extract given to generic mode is named, with what to do instead")
    func councilExtractInGenericMode() throws {
        // A CME referrals header (ReferralID is its id column) with lower-case, spaced names.
        let path = try write(Array("Referral ID,Forename,Surname,Date of birth\nR1,Ann,Lee,01/02/2010\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reason =
            "no id column (rec_id, id); the header is that of a Children Missing Education extract (ReferralID): "
            + "link council extracts without --generic"
        #expect(throws: ImportError.invalidPersonCSV(path: path, line: 1, reason: reason)) {
            try GenericPersonCSV.read(paths: [path])
        }
    }
}

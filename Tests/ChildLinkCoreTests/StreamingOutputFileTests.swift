import ChildLinkMatching
import ChildLinkModel
import Foundation
import Testing

@testable import ChildLinkCore

/// The streamed writer behind links.csv and pairs.csv must write the bytes the whole-string
/// writer wrote, with the same care for the file (0600, renamed into place only when complete).
@Suite("Streaming output file")
struct StreamingOutputFileTests {
    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "childlink-stream-\(UUID().uuidString)"
        ).path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// What `body` writes, read back from the committed file.
    static func written(_ body: (inout StreamingOutputFile) -> Void) throws -> String {
        let path = try folder() + "/out.csv"
        var file = try StreamingOutputFile(path: path)
        body(&file)
        try file.commit()
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test(
        "a field is written as CSV.escape writes it",
        arguments: [
            "", "E0001", "O'Neill", "a,b", "say \"hi\"", "line\nbreak", "cr\r\nlf", "=SUM(A1)", "+44", "-3.25", "-x",
            "@home", "\tTab", "Zoë", ",\u{301}", "名字",
        ])
    func csvField(_ field: String) throws {
        #expect(try Self.written { $0.appendCSVField(field) } == CSV.escape(field))
    }

    @Test(
        "a decimal is written as PairExplanation.decimal writes it",
        arguments: [0.0, -0.0, 1, 0.999_999_5, 0.123_456_4, -12.345_6, -0.000_4, 1e14, -1e20, .infinity, 42.5])
    func decimal(_ value: Double) throws {
        for places in [0, 3, 6] {
            let expected = CSV.escape(PairExplanation.decimal(value, places))
            #expect(try Self.written { $0.appendDecimalField(value, places: places) } == expected)
        }
    }

    @Test("integers and ids are written in full, padded where asked")
    func integers() throws {
        let text = try Self.written { file in
            file.append(integer: 0)
            file.append(byte: UInt8(ascii: ","))
            file.append(integer: 1_234_567, width: 3)
            file.append(byte: UInt8(ascii: ","))
            file.append(childID: ChildLinkID(42))
            file.append(byte: UInt8(ascii: ","))
            file.append(childID: ChildLinkID(12_345_678))
        }
        #expect(text == "0,1234567,\(ChildLinkID(42)),\(ChildLinkID(12_345_678))")
    }

    @Test("the file appears only when committed, with permissions 0600, and a large one is whole")
    func atomicAndPrivate() throws {
        let folder = try Self.folder()
        let path = folder + "/big.csv"
        var file = try StreamingOutputFile(path: path)
        for row in 0..<300_000 { file.append("row \(row)\n") }
        #expect(!FileManager.default.fileExists(atPath: path))
        try file.commit()
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 300_000)
        #expect(lines.last == "row 299999")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["big.csv"])
    }

    @Test("a file never committed leaves nothing behind, and earlier output stays")
    func abandoned() throws {
        let folder = try Self.folder()
        let path = folder + "/links.csv"
        try "earlier".write(toFile: path, atomically: false, encoding: .utf8)
        do {
            var file = try StreamingOutputFile(path: path)
            file.append("half a file")
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "earlier")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["links.csv"])
    }
}

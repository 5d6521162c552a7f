import ChildLinkModel
import Foundation
import Testing

@testable import ChildLinkImport

@Suite("XML reader safety")
struct XMLReaderTests {
    @Test(
        "documents with a DTD are refused with the exact error",
        arguments: [
            "xml-external-entity.xml", "xml-dtd.xml", "xml-billion-laughs.xml",
        ])
    func doctypeRefused(_ name: String) throws {
        let result = try Fixture.read(name)
        #expect(result.file.error == .xmlDoctypeRefused(path: Fixture.path(name), line: 2))
        #expect(result.records.isEmpty)
        #expect(
            result.file.error?.errorDescription
                == "\(Fixture.path(name)):2: refused: the document declares a DTD (<!DOCTYPE>); ChildLink reads no DTDs or entity declarations, for safety (external entities, entity expansion)"
        )
    }

    @Test("a DOCTYPE after a long prolog is still refused by the reader itself")
    func doctypeAfterLongProlog() throws {
        let comment = "<!--" + String(repeating: "x", count: XMLPrologScan.limit) + "-->\n"
        let path = try Fixture.temporary(
            "long-prolog.xml",
            text:
                "<?xml version=\"1.0\"?>\n\(comment)<!DOCTYPE MissingEpisodes [<!ENTITY a \"b\">]>\n<MissingEpisodes/>\n"
        )
        let result = try ExtractReader().read(paths: [path])
        guard result.file.error?.code == .xmlDoctypeRefused else {
            Issue.record("expected refusal, got \(String(describing: result.file.error))")
            return
        }
    }

    @Test("malformed XML stops the file with file, line and column")
    func malformed() throws {
        let result = try Fixture.read("xml-malformed.xml")
        #expect(
            result.file.error
                == .malformedXML(
                    path: Fixture.path("xml-malformed.xml"), line: 4, column: 46,
                    message: "Opening and ending tag mismatch: Episode line 4 and Episod"))
    }

    @Test("an undeclared entity is malformed XML, not expanded")
    func undeclaredEntity() throws {
        let result = try Fixture.read("xml-undeclared-entity.xml")
        #expect(
            result.file.error
                == .malformedXML(
                    path: Fixture.path("xml-undeclared-entity.xml"), line: 2, column: 43,
                    message: "Entity 'foo' not defined"))
    }

    @Test("the prolog scan skips the declaration and comments, and stops at the root")
    func prologScan() {
        #expect(XMLPrologScan.doctypeLine(in: Array("<?xml version='1.0'?>\n<!-- c\n -->\n<!doctype x>".utf8)) == 4)
        #expect(XMLPrologScan.doctypeLine(in: Array("<root><!DOCTYPE x></root>".utf8)) == nil)
    }
}

@Suite("XML encodings and edge cases")
struct XMLEdgeCaseTests {
    static func utf16LE(_ text: String) -> [UInt8] {
        [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    @Test("a UTF-16 XML extract with a BOM is read")
    func utf16() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-16"?>
            <EHERecords><Record><EHEID>H1</EHEID><Surname>Horváth</Surname><DateOfBirth>2010-01-31</DateOfBirth><StartDate>2023-04-17</StartDate></Record></EHERecords>

            """
        let result = try ExtractReader().read(paths: [try Fixture.temporary("ehe16.xml", Self.utf16LE(text))])
        #expect(result.file.error == nil)
        #expect(result.record("H1")?.person.surname == "Horváth")
    }

    @Test("a UTF-16 XML document with a DOCTYPE is refused too")
    func utf16Doctype() throws {
        let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<!DOCTYPE x [<!ENTITY a \"b\">]>\n<EHERecords/>\n"
        let path = try Fixture.temporary("doctype16.xml", Self.utf16LE(text))
        #expect(try ExtractReader().read(paths: [path]).file.error == .xmlDoctypeRefused(path: path, line: 2))
        // Without the byte-order mark too: the prolog scan reads UTF-16 it recognises from its bytes.
        let withoutBOM = try Fixture.temporary("doctype16-nobom.xml", Array(Self.utf16LE(text).dropFirst(2)))
        #expect(
            try ExtractReader().read(paths: [withoutBOM]).file.error == .xmlDoctypeRefused(path: withoutBOM, line: 2))
    }

    @Test("an XML extract with no records, and a CSV with only a header, read as empty; an empty file is an error")
    func empty() throws {
        let xml = try ExtractReader().read(paths: [try Fixture.temporary("none.xml", text: "<MissingEpisodes/>\n")])
        #expect(xml.file.layout == .referenceXML(.missing))
        #expect(xml.file.recordsRead == 0)
        #expect(xml.file.error == nil)
        let csv = try ExtractReader().read(paths: [
            try Fixture.temporary("none.csv", text: "EHEID,DateOfBirth,StartDate\r\n")
        ])
        #expect(csv.file.layout == .referenceCSV(.ehe))
        #expect(csv.file.error == nil)
        let emptyPath = try Fixture.temporary("empty.csv", text: "")
        #expect(try ExtractReader().read(paths: [emptyPath]).file.error == .emptyFile(path: emptyPath))
    }
}

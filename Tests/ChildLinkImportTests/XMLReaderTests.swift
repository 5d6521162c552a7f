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
        guard case .xmlDoctypeRefused = result.file.error else {
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

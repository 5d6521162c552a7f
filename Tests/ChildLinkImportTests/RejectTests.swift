import ChildLinkModel
import Foundation
import Testing

@testable import ChildLinkImport

@Suite("Rejects, duplicates and warnings")
struct RejectTests {
    let result: ImportResult

    init() throws {
        result = try Fixture.read("missing-episodes-rejects.csv")
    }

    @Test("every record is accounted for: read = imported + duplicates + rejected")
    func balanced() {
        #expect(result.file.recordsRead == 10)
        #expect(result.file.imported == 2)
        #expect(result.file.duplicates == 1)
        #expect(result.file.rejected == 7)
        #expect(result.file.isBalanced)
        #expect(result.records.map(\.key.recordID) == ["E301", "E307"])
    }

    @Test(
        "each reject reason, with line, field and record id",
        arguments: [
            (3, "DateOfBirth", "DateOfBirth is not a date (dd/MM/yyyy or yyyy-MM-dd)", "E302"),
            (4, "DateOfBirth", "DateOfBirth is empty (required)", "E303"),
            (
                5, "SocialCareStatus",
                "SocialCareStatus has an unknown code (it looks like a name or a word; not shown); map it in a profile's values section",
                "E304"
            ),
            (8, "EpisodeID", "EpisodeID is empty (required)", nil),
            (9, "StartDateTime", "StartDateTime is not a date-time (dd/MM/yyyy HH:mm or yyyy-MM-ddTHH:mm)", "E305"),
            (10, "EndDateTime", "EndDateTime is before StartDateTime", "E306"),
        ] as [(Int, String, String, String?)])
    func reason(_ line: Int, _ field: String, _ reason: String, _ recordID: String?) throws {
        let reject = try #require(result.rejects.first { $0.location.line == line })
        #expect(reject.field == field)
        #expect(reject.reason == reason)
        #expect(reject.recordID == recordID)
        #expect(reject.location.file == Fixture.path("missing-episodes-rejects.csv"))
    }

    @Test("a repeated id with different content is rejected; an exact repeat is a duplicate")
    func duplicates() throws {
        let reject = try #require(result.rejects.first { $0.location.line == 7 })
        #expect(
            reject.reason
                == "duplicate EpisodeID with different content (first at \(Fixture.path("missing-episodes-rejects.csv")):2)"
        )
        #expect(result.rejects.contains { $0.location.line == 6 } == false)
        #expect(result.record("E301")?.person.personID == "P1")
    }

    @Test("invalid identifiers are kept with their problem and counted as warnings")
    func invalidIdentifiers() throws {
        let record = try #require(result.record("E307"))
        #expect(record.person.upn?.problem == .badCheckDigit)
        #expect(record.person.nhsNumber?.problem == .badCheckDigit)
        #expect(result.file.warnings == 1)
        let warnings = result.diagnostics.filter { $0.severity == .warning }
        #expect(warnings.map(\.field) == ["UPN", "NHSNumber"])
        #expect(warnings.allSatisfy { $0.recordID == "E307" && $0.location?.line == 11 })
        #expect(result.file.identifiers.upnPresent == 2)
        #expect(result.file.identifiers.upnValid == 1)
        #expect(result.file.identifiers.nhsValid == 1)
    }

    @Test("no reject or warning carries a name, date of birth, UPN or NHS number")
    func noPersonalData() {
        let text = result.rejects.map(\.description).joined() + result.diagnostics.map(\.description).joined()
        for personal in ["03/06/2010", "31/02/2010", "A801200005001", "9434765918", "B801200005001"] {
            #expect(!text.contains(personal), "\(personal)")
        }
    }

    @Test("without retained records, the counts, rejects and warnings are the same")
    func fingerprints() throws {
        let lean = try Fixture.read("missing-episodes-rejects.csv", options: ImportOptions(retainRecords: false))
        #expect(lean.records.isEmpty)
        #expect(lean.files == result.files)
        #expect(lean.rejects == result.rejects)
        #expect(lean.diagnostics == result.diagnostics)
    }

    @Test("XML rejects carry the element path")
    func xmlReject() throws {
        let xml = try Fixture.read("xml-rejects.xml")
        #expect(xml.file.imported == 1)
        let reject = try #require(xml.rejects.first)
        #expect(reject.location.elementPath == "/MissingEpisodes/Episode[2]")
        #expect(reject.location.line == 4)
        #expect(reject.field == "DateOfBirth")
        #expect(reject.recordID == "E402")
    }

    @Test("unknown Yes/No values, numbers and categories are rejected")
    func otherCodes() throws {
        let path = try Fixture.temporary(
            "codes.csv",
            text: """
                ExclusionID,DateOfBirth,StartDate,Category,Sessions
                X1,01/01/2010,01/02/2024,EXPELLED,
                X2,01/01/2010,01/02/2024,PERM,four
                X3,01/01/2010,01/02/2024,,

                """)
        let rejects = try ExtractReader().read(paths: [path]).rejects
        #expect(rejects.map(\.field) == ["Category", "Sessions", "Category"])
        #expect(rejects[2].reason == "Category is empty (required)")
    }
}

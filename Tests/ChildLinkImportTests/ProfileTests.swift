import ChildLinkModel
import Foundation
import Testing

@testable import ChildLinkImport

@Suite("Mapping profiles")
struct ProfileTests {
    static let yaml = """
        name: Test council
        dataset: missing
        fields:
          EpisodeID: Episode Ref
          PersonID: Child ID
          DateOfBirth: D.O.B.
          StartDateTime: [Date Missing, Missing From]
          SocialCareStatus: Legal Status
          RHIOffered: RHI Offered
        dateFormats: ["yyyy-MM-dd HH:mm:ss", "dd-MMM-yyyy"]
        values:
          SocialCareStatus: { "Looked After": LAC, "Child in Need": CIN }
          RHIOffered: { "a) Yes": "Yes", "c) Not Offered (Missing Again)": N/A }
        """

    static let extract = """
        Episode Ref,Child ID,D.O.B.,Missing From,Legal Status,RHI Offered,Team
        M1,C1,03-Jun-2010,2019-06-03 14:05:00,Looked After,a) Yes,North
        M2,C2,2011-09-12 00:00:00,2019-06-04 09:00:00,child in need,c) Not Offered (Missing Again),South
        M3,C3,03/06/2010,2019-06-05 10:00:00,Fostered,a) Yes,South

        """

    @Test("headers, list alternatives, date formats and value maps are applied")
    func mapping() throws {
        let profile = try MappingProfile(yaml: Self.yaml)
        #expect(profile.dataset == .missing)
        let path = try Fixture.temporary("council.csv", text: Self.extract)
        let result = try ExtractReader(options: ImportOptions(profile: profile)).read(paths: [path])
        #expect(result.file.layout == .referenceCSV(.missing))
        let first = try #require(result.record("M1"))
        #expect(first.person.personID == "C1")
        #expect(first.person.dateOfBirth == CalendarDate(year: 2010, month: 6, day: 3))
        #expect(
            first.missingEpisode?.start
                == LocalDateTime(date: CalendarDate(year: 2019, month: 6, day: 3)!, hour: 14, minute: 5))
        #expect(first.missingEpisode?.socialCareStatus == .lookedAfter)
        #expect(first.missingEpisode?.rhiOffered == true)
        let second = try #require(result.record("M2"))
        #expect(second.person.dateOfBirth == CalendarDate(year: 2011, month: 9, day: 12))
        #expect(second.missingEpisode?.socialCareStatus == .childInNeed)
        #expect(second.missingEpisode?.rhiOffered == nil)
        #expect(result.record("M3") == nil)
        #expect(
            result.rejects.first?.reason
                == "SocialCareStatus has an unknown code (it looks like a name or a word; not shown); map it in a profile's values section"
        )
    }

    /// #13: the allocated team is an optional field — read where a profile maps it (`AllocatedTeam:
    /// Team`) or a reference extract has the column, absent otherwise.
    @Test("the optional AllocatedTeam field is read where mapped, and nil where not")
    func allocatedTeam() throws {
        let path = try Fixture.temporary("council.csv", text: Self.extract)
        let mapped = try MappingProfile(
            yaml: Self.yaml.replacingOccurrences(
                of: "  RHIOffered: RHI Offered\n", with: "  RHIOffered: RHI Offered\n  AllocatedTeam: Team\n"))
        let withTeam = try ExtractReader(options: ImportOptions(profile: mapped)).read(paths: [path])
        #expect(withTeam.record("M1")?.missingEpisode?.allocatedTeam == "North")
        #expect(withTeam.record("M2")?.missingEpisode?.allocatedTeam == "South")
        let unmapped = try ExtractReader(options: ImportOptions(profile: MappingProfile(yaml: Self.yaml)))
            .read(paths: [path])
        #expect(unmapped.record("M1")?.missingEpisode?.allocatedTeam == nil)
        let reference = try Fixture.temporary(
            "missing-episodes.csv",
            text: "EpisodeID,PersonID,DateOfBirth,StartDateTime,AllocatedTeam\r\nE1,P1,03/06/2010,03/06/2019 14:05,"
                + "Rotherham North CIN\r\nE2,P2,03/06/2010,04/06/2019 14:05,\r\n")
        let read = try ExtractReader(options: ImportOptions()).read(paths: [reference])
        #expect(read.record("E1")?.missingEpisode?.allocatedTeam == "Rotherham North CIN")
        #expect(read.record("E2")?.missingEpisode?.allocatedTeam == nil)
    }

    @Test("a profile maps XML element names, date formats and values too")
    func xmlProfile() throws {
        let profile = try MappingProfile(yaml: Self.yaml)
        let path = try Fixture.temporary(
            "council.xml",
            text: """
                <?xml version="1.0"?>
                <LCSExport>
                  <Row><Episode_Ref>M1</Episode_Ref><DOB>x</DOB><D.O.B.>03-Jun-2010</D.O.B.><Missing_From>2019-06-03 14:05:00</Missing_From><Legal_Status>Looked After</Legal_Status></Row>
                </LCSExport>

                """)
        let result = try ExtractReader(options: ImportOptions(profile: profile)).read(paths: [path])
        #expect(result.file.layout == .referenceXML(.missing))
        let record = try #require(result.record("M1"))
        #expect(record.person.dateOfBirth == CalendarDate(year: 2010, month: 6, day: 3))
        #expect(record.missingEpisode?.socialCareStatus == .lookedAfter)
        #expect(record.location?.elementPath == "/LCSExport/Row[1]")
    }

    @Test("reference names still read with a profile, except where a profile name claimed the column")
    func referenceNameFallback() throws {
        let profile = try MappingProfile(
            yaml: "dataset: exclusions\nfields:\n  DateOfBirth: DOB\n  Reason1: Reason\n  Reason2: Second Reason\n")
        let path = try Fixture.temporary(
            "excl.csv",
            text: "ExclusionID,DateOfBirth,StartDate,Category,Reason,Reason2\nX1,01/01/2010,01/02/2024,PERM,PA,DB\n")
        let result = try ExtractReader(options: ImportOptions(profile: profile)).read(paths: [path])
        guard case .exclusion(let exclusion) = try #require(result.record("X1")).event else { return }
        #expect(exclusion.reasons == ["PA", "DB"])
        #expect(result.record("X1")?.person.dateOfBirth == CalendarDate(year: 2010, month: 1, day: 1))
    }

    @Test("the built-in formats still apply after the profile's")
    func builtInFormats() throws {
        let profile = try MappingProfile(yaml: Self.yaml)
        #expect(profile.parseDateTime("03/06/2010", field: .dateOfBirth) == nil)
        let path = try Fixture.temporary(
            "council.csv", text: "Episode Ref,D.O.B.,Date Missing\nM9,03/06/2010,2019-06-03T14:05\n")
        let result = try ExtractReader(options: ImportOptions(profile: profile)).read(paths: [path])
        #expect(result.record("M9")?.person.dateOfBirth == CalendarDate(year: 2010, month: 6, day: 3))
    }

    @Test("a missing mapped column names the council header and the field")
    func missingMappedColumn() throws {
        let profile = try MappingProfile(yaml: Self.yaml)
        let path = try Fixture.temporary(
            "council.csv", text: "Episode Ref,Child ID,Missing From\nM1,C1,2019-06-03 14:05:00\n")
        let result = try ExtractReader(options: ImportOptions(profile: profile)).read(paths: [path])
        #expect(
            result.file.error
                == .missingColumn(path: path, column: "D.O.B. (DateOfBirth)", dataset: "Missing from home or care"))
        #expect(result.file.error?.errorDescription?.contains("needs a 'D.O.B. (DateOfBirth)' column") == true)
    }

    @Test(
        "date patterns",
        arguments: [
            ("yyyy-MM-dd HH:mm:ss", "2019-06-03 14:05:00", "2019-06-03T14:05"),
            ("yyyy-MMM-dd HH:mm:ss", "2025-Jan-22 00:00:00", "2025-01-22T00:00"),
            ("dd MMMM yyyy", "3 September 2024", "2024-09-03T00:00"),
            ("yyyy-MM-dd HH:mm:ss.SSS", "2019-06-03 14:05:00.000", "2019-06-03T14:05"),
            ("dd/MM/yyyy", "31/02/2019", nil),
            ("yyyy-MM-dd", "2019-06-03 10:00", nil),
        ] as [(String, String, String?)])
    func patterns(_ format: String, _ text: String, _ expected: String?) throws {
        let pattern = try #require(DatePattern(format))
        #expect(pattern.parse(text)?.iso == expected)
    }

    @Test(
        "invalid profiles are refused with what is wrong",
        arguments: [
            ("fields: { Nonsense: X }", "'Nonsense' is not a reference field (see docs/formats.md)"),
            ("dataset: parking", "unknown dataset 'parking' (missing, cme, ehe, exclusions)"),
            ("dateFormats: [HH:mm]", "date format 'HH:mm' has no year, month and day"),
        ])
    func invalid(_ yaml: String, _ message: String) {
        #expect(throws: ImportError.invalidProfile(path: "p.yaml", message: message)) {
            try MappingProfile(yaml: yaml, path: "p.yaml")
        }
    }

    @Test("profile check shows columns, unmapped required fields, unused columns and rows without personal data")
    func profileCheck() throws {
        let profile = try MappingProfile(yaml: Self.yaml)
        let path = try Fixture.temporary("council.csv", text: Self.extract)
        let check = try ProfileCheck.run(profile: profile, path: path, rowCount: 3)
        #expect(check.layout == .referenceCSV(.missing))
        #expect(check.unmappedRequired.isEmpty)
        #expect(check.unusedColumns == ["Team"])
        #expect(check.mappings.first { $0.field == .startDateTime }?.column == "Missing From")
        #expect(check.rows.count == 3)
        #expect(check.rows[0].rejection == nil)
        let shown = Dictionary(uniqueKeysWithValues: check.rows[0].fields.map { ($0.field, $0.shown) })
        #expect(shown[.socialCareStatus] == "LAC")
        #expect(shown[.startDateTime] == "2019-06-03T14:05")
        #expect(shown[.dateOfBirth] == "valid date (not shown)")
        #expect(shown[.personID] == "given (not shown)")
        #expect(check.rows[2].rejection?.contains("it looks like a name or a word; not shown") == true)

        let sparse = try Fixture.temporary("sparse.csv", text: "Episode Ref,Missing From\nM1,2019-06-03 14:05:00\n")
        let partial = try ProfileCheck.run(profile: profile, path: sparse)
        #expect(partial.unmappedRequired == [.dateOfBirth])
    }

    @Test(
        "the shipped example profiles read their example extracts without rejects",
        arguments: [
            ("example-lcs-missing.yaml", "lcs-missing-example.csv", 3),
            ("example-school-census-exclusions.yaml", "school-census-exclusions-example.csv", 3),
        ])
    func shippedExamples(_ profileName: String, _ extractName: String, _ count: Int) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("SampleData")
        let profile = try MappingProfile(contentsOf: root.appendingPathComponent("profiles/\(profileName)").path)
        let extract = root.appendingPathComponent("examples/council/\(extractName)").path
        let result = try ExtractReader(options: ImportOptions(profile: profile)).read(paths: [extract])
        #expect(result.file.error == nil)
        #expect(result.file.imported == count)
        #expect(result.rejects.isEmpty)
    }
}

import ChildLinkModel
import Foundation
import Testing

@testable import ChildLinkImport

/// One extract in `Fixtures/other-hands/`, written by hand the way another council's system
/// exports it, and what the importer must make of it.
struct OtherHandsCase: Sendable, CustomTestStringConvertible {
    var file: String
    var profile: String? = nil
    var layout: ExtractLayout?
    var read: Int
    var imported: Int
    /// Rejects in order: line and field.
    var rejects: [(line: Int, field: String)] = []
    /// The file-level error's description contains this.
    var fileError: String? = nil

    var testDescription: String { file }
}

@Suite("Extracts written by other hands")
struct OtherHandsTests {
    static func path(_ name: String) -> String { Fixture.path("other-hands/" + name) }

    static func read(_ name: String, profile: String? = nil) throws -> ImportResult {
        let options = ImportOptions(profile: try profile.map { try MappingProfile(contentsOf: path($0)) })
        return try ExtractReader(options: options).read(paths: [path(name)])
    }

    static let cases: [OtherHandsCase] = [
        OtherHandsCase(file: "lcs-missing-excel.csv", layout: .referenceCSV(.missing), read: 4, imported: 4),
        OtherHandsCase(
            file: "ehm-missing.csv", profile: "ehm-missing.yaml", layout: .referenceCSV(.missing), read: 4,
            imported: 2, rejects: [(4, "DateOfBirth"), (5, "DateOfBirth")]),
        OtherHandsCase(file: "education-cme.csv", layout: .referenceCSV(.cme), read: 3, imported: 3),
        OtherHandsCase(
            file: "school-census-exclusions.csv", layout: .referenceCSV(.exclusions), read: 3, imported: 2,
            rejects: [(4, "DateOfBirth")]),
        OtherHandsCase(
            file: "ehe-semicolon.csv", read: 0, imported: 0,
            fileError: "ehe-semicolon.csv:1: the header row is separated by semicolons"),
        OtherHandsCase(file: "missing-namespaced-latin1.xml", layout: .referenceXML(.missing), read: 2, imported: 2),
        OtherHandsCase(file: "cme-windows-1252.xml", layout: .referenceXML(.cme), read: 1, imported: 1),
        OtherHandsCase(file: "ehe-attributes.xml", layout: .referenceXML(.ehe), read: 3, imported: 3),
        OtherHandsCase(file: "ssda903-2024-header.csv", layout: .ssda903Header, read: 3, imported: 3),
        OtherHandsCase(
            file: "ssda903-2024-missing.csv", layout: .ssda903Missing, read: 5, imported: 3,
            rejects: [(5, "MISSING"), (6, "MIS_END")]),
        OtherHandsCase(
            file: "cin-census-2025.xml", layout: .cinCensus, read: 3, imported: 2, rejects: [(40, "PersonBirthDate")]),
    ]

    @Test("each extract is recognised, balanced, and its rejects name file, line and field", arguments: cases)
    func accounted(_ extract: OtherHandsCase) throws {
        let result = try Self.read(extract.file, profile: extract.profile)
        let file = result.file
        if let fileError = extract.fileError {
            #expect(file.error?.errorDescription?.contains(fileError) == true)
        } else {
            #expect(file.error == nil)
            #expect(file.layout == extract.layout)
        }
        #expect(file.recordsRead == extract.read)
        #expect(file.imported == extract.imported)
        #expect(file.isBalanced)
        #expect(result.rejects.map(\.location.line) == extract.rejects.map(\.line))
        #expect(result.rejects.map(\.field) == extract.rejects.map(\.field))
        #expect(result.rejects.allSatisfy { $0.location.file == Self.path(extract.file) })
    }

    @Test("an Excel-saved LCS report: title lines, BOM, CRLF, spaced headers, extra and empty columns, padded values")
    func lcsExcel() throws {
        let result = try Self.read("lcs-missing-excel.csv")
        #expect(result.file.encoding == .utf8BOM)
        #expect(
            result.diagnostics.contains {
                $0.severity == .warning && $0.location?.line == 4 && $0.message.contains("3 lines above it")
            })
        let first = try #require(result.record("LL-1001"))
        #expect(first.location?.line == 5)
        #expect(first.person.surname == "O'BRIEN")
        #expect(first.person.forename == "AMELIA")
        #expect(first.person.dateOfBirth == CalendarDate(year: 2010, month: 6, day: 3))
        #expect(first.person.gender == .female)
        #expect(first.person.upn?.value == "Q372101219001")
        #expect(first.person.upn?.isValid == true)
        #expect(first.person.nhsNumber?.value == "9434765919")
        #expect(first.person.nhsNumber?.isValid == true)
        #expect(first.person.postcode?.value == "S60 1AE")
        #expect(first.missingEpisode?.start == LocalDateTime(parsing: "2019-06-30T00:00"))
        #expect(first.missingEpisode?.rhiOffered == true)
        #expect(first.missingEpisode?.rhiAccepted == false)
        #expect(first.missingEpisode?.foundLocation == "Friend's house,\nWath Road")
        let second = try #require(result.record("LL-1002"))
        #expect(second.location?.line == 7)
        #expect(second.person.surname == "SMITH-JONES")
        #expect(second.person.gender == .male)
        #expect(second.person.dateOfBirth == CalendarDate(year: 2011, month: 2, day: 14))
        #expect(second.missingEpisode?.type == .absent)
        #expect(second.missingEpisode?.start == LocalDateTime(parsing: "2019-06-30T21:15"))
        #expect(second.missingEpisode?.rhiOffered == true)
        let third = try #require(result.record("LL-1003"))
        #expect(third.person.surname == "Nowak")
        #expect(third.person.forename == "Zofia")
        #expect(third.person.dateOfBirth == CalendarDate(year: 2009, month: 11, day: 12))
        #expect(third.person.postcode?.value == "DN1 2AB")
        #expect(third.missingEpisode?.end == nil)
        #expect(third.missingEpisode?.type == .missing)
        let fourth = try #require(result.record("LL-1004"))
        #expect(fourth.person.surname == "Ní Bhriain")
        #expect(fourth.person.upn?.isValid == true)
        #expect(fourth.person.postcode?.value == "S65 1AA")
        #expect(fourth.missingEpisode?.rhiOffered == nil)
    }

    @Test("an EHM export through a profile: DOB, month-name dates, a) Yes, 1 - Male; a US date is rejected")
    func ehmProfile() throws {
        let result = try Self.read("ehm-missing.csv", profile: "ehm-missing.yaml")
        let first = try #require(result.record("EHM/22/0001"))
        #expect(first.person.surname == "HORVÁTH")
        #expect(first.person.forename == "Štefan")
        #expect(first.person.dateOfBirth == CalendarDate(year: 2012, month: 6, day: 30))
        #expect(first.person.gender == .male)
        #expect(first.missingEpisode?.socialCareStatus == .earlyHelp)
        #expect(first.missingEpisode?.start == LocalDateTime(parsing: "2019-06-30 14:05"))
        #expect(first.missingEpisode?.end == LocalDateTime(parsing: "2019-07-01 09:00"))
        #expect(first.missingEpisode?.rhiOffered == true)
        let second = try #require(result.record("EHM/22/0002"))
        #expect(second.person.dateOfBirth == CalendarDate(year: 2013, month: 9, day: 1))
        #expect(second.missingEpisode?.end == nil)
        #expect(second.missingEpisode?.rhiOffered == false)
        #expect(result.rejects.first?.reason == "DateOfBirth is not a date (dd/MM/yyyy or yyyy-MM-dd)")
        #expect(result.rejects.first?.recordID == "EHM/22/0003")
    }

    @Test("an education system's CME export: ISO date-times, TRUE/FALSE, lower-case UPNs with spaces")
    func educationCME() throws {
        let result = try Self.read("education-cme.csv")
        guard case .cme(let referral)? = result.record("CME-0001")?.event else {
            Issue.record("CME-0001 not imported")
            return
        }
        #expect(referral.referralDate == CalendarDate(year: 2024, month: 1, day: 8))
        #expect(referral.fsmEligible == true)
        #expect(referral.openToSocialCare == false)
        #expect(referral.openToEarlyHelp == false)
        #expect(referral.closedDate == CalendarDate(year: 2024, month: 2, day: 1))
        #expect(referral.phase == .primary)
        let person = try #require(result.record("CME-0001")).person
        #expect(person.upn?.value == "L372201318004")
        #expect(person.upn?.isValid == true)
        #expect(person.dateOfBirth == CalendarDate(year: 2013, month: 4, day: 2))
        #expect(person.postcode?.value == "S61 1AA")
        #expect(result.record("CME-0003")?.person.surname == "O'Connor-Lee")
    }

    @Test("school census exclusions: snake_case headers, 2025-Jan-22 00:00:00 dates, FIXD, 30 February rejected")
    func schoolCensus() throws {
        let result = try Self.read("school-census-exclusions.csv")
        guard case .exclusion(let exclusion)? = result.record("X-01")?.event else {
            Issue.record("X-01 not imported")
            return
        }
        #expect(exclusion.startDate == CalendarDate(year: 2025, month: 1, day: 22))
        #expect(exclusion.category == .suspension)
        #expect(exclusion.sessions == 10)
        #expect(exclusion.reasons == ["VP", "TH"])
        #expect(result.record("X-01")?.person.dateOfBirth == CalendarDate(year: 2012, month: 3, day: 5))
        guard case .exclusion(let second)? = result.record("X-02")?.event else {
            Issue.record("X-02 not imported")
            return
        }
        #expect(second.reasons == ["DB"])
        #expect(second.category == .suspension)
    }

    @Test("XML: a default namespace, ISO-8859-1, comments, processing instructions, CDATA, xsi:nil")
    func namespacedLatin1() throws {
        let result = try Self.read("missing-namespaced-latin1.xml")
        let first = try #require(result.record("MOS-77"))
        #expect(first.person.forename == "Renée")
        #expect(first.person.surname == "Horváth")
        #expect(first.person.upn?.value == "Q372101219001")
        #expect(first.person.gender == .female)
        #expect(first.missingEpisode?.end == nil)
        #expect(first.missingEpisode?.rhiOffered == nil)
        #expect(first.missingEpisode?.foundLocation == "Bus station <Interchange> & café")
        #expect(first.location?.elementPath == "/MissingEpisodes/Episode[1]")
        #expect(result.record("MOS-78")?.missingEpisode?.start == LocalDateTime(parsing: "2019-06-30 23:59"))
    }

    @Test("XML: windows-1252 declared, and a prefix on every element")
    func windows1252Prefixed() throws {
        let result = try Self.read("cme-windows-1252.xml")
        let record = try #require(result.record("R-9"))
        #expect(record.person.forename == "Štefan")
        #expect(record.person.surname == "O\u{2019}Neill")
        guard case .cme(let referral) = record.event else { return }
        #expect(referral.openToSocialCare == true)
    }

    @Test("XML: fields as attributes of the record element (FOR XML RAW), mixed with child elements")
    func attributes() throws {
        let result = try Self.read("ehe-attributes.xml")
        let first = try #require(result.record("EHE-501"))
        #expect(first.person.surname == "Lee")
        #expect(first.person.dateOfBirth == CalendarDate(year: 2011, month: 5, day: 6))
        guard case .ehe(let record) = first.event else { return }
        #expect(record.startDate == CalendarDate(year: 2023, month: 9, day: 4))
        #expect(record.visitDeclined == false)
        guard case .ehe(let second)? = result.record("EHE-502")?.event else {
            Issue.record("EHE-502 not imported")
            return
        }
        #expect(second.endDate == nil)
        let mixed = try #require(result.record("EHE-503"))
        #expect(mixed.person.surname == "Ali")
        #expect(mixed.location?.line == 5)
    }

    @Test("SSDA903 2024-25: M/F/U, UN codes, lower-case codes and UPNs, joined across the two tables")
    func ssda903() throws {
        let result = try ExtractReader().read(
            paths: [Self.path("ssda903-2024-missing.csv"), Self.path("ssda903-2024-header.csv")])
        let absent = try #require(result.record("903-510000-20231113"))
        #expect(absent.missingEpisode?.type == .absent)
        #expect(absent.person.gender == .male)
        #expect(absent.person.upn?.value == "Q372101219001")
        let open = try #require(result.record("903-92296-20231121"))
        #expect(open.missingEpisode?.type == .missing)
        #expect(open.missingEpisode?.end == nil)
        #expect(open.person.upnUnknownReason == .un4)
        #expect(open.person.ethnicity?.code == "WROM")
        #expect(result.files.allSatisfy { $0.isBalanced })
    }

    @Test("CIN census 2024-25: Sex, GenderCurrent, repeated CINdetails, factors once each, an unborn child rejected")
    func cinCensus() throws {
        let result = try Self.read("cin-census-2025.xml")
        let child = try #require(result.record("DB1234"))
        #expect(child.person.gender == .female)
        #expect(child.person.upn?.value == "Q372101219001")
        #expect(child.person.ethnicity?.code == "WROM")
        guard case .socialCare(let record) = child.event else { return }
        #expect(record.referralDates.map(\.iso) == ["2024-05-01", "2025-01-15"])
        #expect(record.closureDates.map(\.iso) == ["2024-09-30"])
        #expect(record.protectionPlanStarts.map(\.iso) == ["2025-02-01"])
        #expect(record.assessmentFactors == ["10A", "11A"])
        #expect(result.record("DB1236")?.person.gender == .male)
        #expect(result.record("DB1236")?.person.dateOfBirth == CalendarDate(year: 2012, month: 2, day: 29))
    }

    @Test("the whole folder: every file accounted for, the semicolon file an error, not skipped")
    func folder() throws {
        let folder = (Self.path("lcs-missing-excel.csv") as NSString).deletingLastPathComponent
        let result = try ExtractReader().read(paths: [folder])
        #expect(result.files.allSatisfy { $0.isBalanced })
        let semicolon = try #require(result.files.first { $0.path.hasSuffix("ehe-semicolon.csv") })
        #expect(semicolon.skipped == nil)
        #expect(semicolon.error == .semicolonSeparated(path: semicolon.path, line: 1))
        // The EHM export needs its profile: without it the folder skips it with a note.
        #expect(result.files.first { $0.path.hasSuffix("ehm-missing.csv") }?.skipped != nil)
    }
}

extension BadInputCase {
    /// The quirks of extracts written by other systems, one at a time: each was tried before the
    /// rule that reads it was added (see docs/formats.md).
    static let quirks: [BadInputCase] = [
        BadInputCase(
            name: "two title lines and a blank line above the header are skipped, with a warning",
            bytes: {
                Array("Missing episodes report\nRun 01/03/2024 09:00,,\n\n".utf8)
                    + BadExtract.csv([BadExtract.row(1), BadExtract.row(2)])
            },
            recordsRead: 2, imported: 2,
            warnings: [ExpectedWarning(line: 4, contains: "the 2 lines above it (from line 1")]),
        BadInputCase(
            name: "a title line above the header with --dataset",
            bytes: { Array("Missing episodes report\n".utf8) + BadExtract.csv([BadExtract.row(1)]) },
            dataset: .missing, recordsRead: 1, imported: 1,
            warnings: [ExpectedWarning(line: 2, contains: "the 1 line above it")]),
        BadInputCase(
            name: "no header row in the first 11 lines: the first line's error",
            bytes: { Array(String(repeating: "Report,,\n", count: 11).utf8) + BadExtract.csv([BadExtract.row(1)]) },
            recordsRead: 0, imported: 0,
            fileError: {
                .unrecognisedLayout(
                    path: $0,
                    detail:
                        "the header row (Report, , ) has none of EpisodeID, ReferralID, EHEID, ExclusionID, nor the SSDA903 CHILD columns"
                )
            }),
        BadInputCase(
            name: "a semicolon-separated header is an error naming the separator",
            bytes: { Array("EpisodeID;DateOfBirth;StartDateTime\nE1;03/06/2010;14/02/2024 21:30\n".utf8) },
            recordsRead: 0, imported: 0, fileError: { .semicolonSeparated(path: $0, line: 1) }),
        BadInputCase(
            name: "a tab-separated header below a title line is an error saying why",
            bytes: {
                Array("Missing report\nEpisodeID\tDateOfBirth\tStartDateTime\nE1\t03/06/2010\t14/02/2024 21:30\n".utf8)
            },
            recordsRead: 0, imported: 0, fileError: { .tabSeparatedBelowTitle(path: $0, line: 2) }),
        BadInputCase(
            name: "lines of spaces between and below the rows are blank lines",
            bytes: { BadExtract.csv([BadExtract.row(1), "   ", BadExtract.row(3), " \t "]) },
            recordsRead: 2, imported: 2),
        BadInputCase(
            name: "a title line with semicolons is a title, not a semicolon header",
            bytes: { Array("Report; run by admin; 01/03/2024\n".utf8) + BadExtract.csv([BadExtract.row(1)]) },
            recordsRead: 1, imported: 1, warnings: [ExpectedWarning(line: 2, contains: "1 line above it")]),
        BadInputCase(
            name: "Excel's empty columns at the right of the header, rows without them",
            bytes: { BadExtract.csv([BadExtract.row(1), BadExtract.row(2) + ",,"], header: BadExtract.header + ",,") },
            recordsRead: 2, imported: 2),
        BadInputCase(
            name: "Excel's empty columns at the right of the header and of every row",
            bytes: {
                BadExtract.csv([BadExtract.row(1) + ",,", BadExtract.row(2) + ",,"], header: BadExtract.header + ",,")
            },
            recordsRead: 2, imported: 2),
        BadInputCase(
            name: "a row longer than the header by an empty field is rejected (a shifted row?)",
            bytes: { BadExtract.csv([BadExtract.row(1) + ",", BadExtract.row(2)]) },
            recordsRead: 2, imported: 1,
            rejects: [
                ExpectedReject(
                    line: 2, field: nil,
                    reason: "the row has 10 fields but the header 9 (an unquoted comma in a value?)", recordID: "E1")
            ]),
        BadInputCase(
            name: "a row with an extra field that holds a value is still rejected",
            bytes: { BadExtract.csv([BadExtract.row(1) + ",,x", BadExtract.row(2)]) },
            recordsRead: 2, imported: 1,
            rejects: [
                ExpectedReject(
                    line: 2, field: nil,
                    reason: "the row has 11 fields but the header 9 (an unquoted comma in a value?)", recordID: "E1")
            ]),
        BadInputCase(
            name: "rows of empty fields (Excel's formatted but empty rows) are blank lines",
            bytes: { BadExtract.csv([BadExtract.row(1), ",,,,,,,,", BadExtract.row(3), ",,,,,,,,", ",,,,,,,,"]) },
            recordsRead: 2, imported: 2,
            records: { result in #expect(result.record("E3")?.location?.line == 4) }),
        BadInputCase(
            name: "a header cell wrapped onto two lines, and a non-breaking space in a header",
            bytes: {
                BadExtract.csv(
                    [BadExtract.row(1)],
                    header:
                        "Episode\u{00A0}ID,PersonID,Forename,Surname,\"Date of\r\nBirth\",StartDateTime,EndDateTime,UPN,NHSNumber"
                )
            },
            recordsRead: 1, imported: 1,
            records: { result in #expect(result.record("E1")?.location?.line == 3) }),
        BadInputCase(
            name: "dates with the month as a word",
            bytes: {
                BadExtract.csv([
                    BadExtract.row(1, dob: "03-Jun-2010", start: "14 February 2024 21:30", end: "15-FEB-2024 08:00:00"),
                    BadExtract.row(2, dob: "2010-Jun-03 00:00:00", start: "14 Feb 2024", end: ""),
                ])
            },
            recordsRead: 2, imported: 2,
            records: { result in
                #expect(result.record("E1")?.person.dateOfBirth == CalendarDate(year: 2010, month: 6, day: 3))
                #expect(result.record("E1")?.missingEpisode?.start == LocalDateTime(parsing: "14/02/2024 21:30"))
                #expect(result.record("E1")?.missingEpisode?.end == LocalDateTime(parsing: "15/02/2024 08:00"))
                #expect(result.record("E2")?.person.dateOfBirth == CalendarDate(year: 2010, month: 6, day: 3))
            }),
        BadInputCase(
            name: "an Excel date serial is rejected as such",
            bytes: { BadExtract.oneBadRow(BadExtract.row(2, dob: "40332")) },
            recordsRead: 3, imported: 2,
            rejects: [
                ExpectedReject(
                    line: 3, field: "DateOfBirth",
                    reason:
                        "DateOfBirth is a number, not a date (an Excel date serial? format the column as a date before saving)",
                    recordID: "E2")
            ]),
        BadInputCase(
            name: "a US date stays rejected, also with a month word in the wrong place; a year alone is no serial",
            bytes: {
                BadExtract.csv([
                    BadExtract.row(1, dob: "06/13/2010"), BadExtract.row(2, dob: "Jun 03 2010"),
                    BadExtract.row(3, dob: "2010"),
                ])
            },
            recordsRead: 3, imported: 0,
            rejects: [
                ExpectedReject(
                    line: 2, field: "DateOfBirth", reason: "DateOfBirth is not a date (dd/MM/yyyy or yyyy-MM-dd)",
                    recordID: "E1"),
                ExpectedReject(
                    line: 3, field: "DateOfBirth", reason: "DateOfBirth is not a date (dd/MM/yyyy or yyyy-MM-dd)",
                    recordID: "E2"),
                ExpectedReject(
                    line: 4, field: "DateOfBirth", reason: "DateOfBirth is not a date (dd/MM/yyyy or yyyy-MM-dd)",
                    recordID: "E3"),
            ]),
        BadInputCase(
            name: "XML records wrapped one level deeper stop the file instead of reading as one record",
            fileName: "extract.xml",
            bytes: {
                Array(
                    """
                    <Export>
                      <MissingEpisodes>
                        <Episode><EpisodeID>E1</EpisodeID><DateOfBirth>2010-06-03</DateOfBirth><StartDateTime>2024-02-14T21:30</StartDateTime></Episode>
                        <Episode><EpisodeID>E2</EpisodeID><DateOfBirth>2010-06-03</DateOfBirth><StartDateTime>2024-02-15T21:30</StartDateTime></Episode>
                      </MissingEpisodes>
                    </Export>
                    """.utf8)
            },
            dataset: .missing, recordsRead: 0, imported: 0,
            fileError: { .nestedRecords(path: $0, line: 2, element: "MissingEpisodes", idField: "EpisodeID") }),
        BadInputCase(
            name: "XML fields as attributes; namespace declarations and xsi attributes are not fields",
            fileName: "extract.xml",
            bytes: {
                Array(
                    """
                    <MissingEpisodes xmlns="urn:x" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                    <Episode EpisodeID="E1" DateOfBirth="2010-06-03" StartDateTime="2024-02-14T21:30:00" xsi:type="Ep"/>
                    <Episode EpisodeID="E2" DateOfBirth=" 2010-06-03 "><StartDateTime>2024-02-14T21:30</StartDateTime></Episode>
                    </MissingEpisodes>
                    """.utf8)
            },
            recordsRead: 2, imported: 2,
            records: { result in
                #expect(result.record("E1")?.person.dateOfBirth == CalendarDate(year: 2010, month: 6, day: 3))
                #expect(result.record("E2")?.missingEpisode?.start == LocalDateTime(parsing: "14/02/2024 21:30"))
            }),
    ]
}

@Suite("Extracts written by other hands: one quirk at a time")
struct OtherHandsQuirkTests {
    @Test("each quirk reads as docs/formats.md says", arguments: BadInputCase.quirks)
    func quirk(_ quirk: BadInputCase) throws {
        try BadInputTests().badInput(quirk)
    }

    @Test(
        "dates with the month as a word; nothing ambiguous",
        arguments: [
            ("30-Jun-2019", "2019-06-30T00:00"), ("30 June 2019", "2019-06-30T00:00"),
            ("1 Sept 2019 14:05", "2019-09-01T14:05"), ("2025-Jan-22 00:00:00", "2025-01-22T00:00"),
            ("30-JUN-2019 23:59:59", "2019-06-30T23:59"), ("30/06/2019 00:00", "2019-06-30T00:00"),
            ("2019-06-30T00:00:00", "2019-06-30T00:00"), ("06/30/2019", nil), ("30 Junk 2019", nil),
            ("Jun 30 2019", nil), ("30-Jun-19", nil), ("31-Jun-2019", nil),
        ] as [(String, String?)])
    func monthNames(_ text: String, _ expected: String?) {
        #expect(ExtractDates.dateTime(text)?.iso == expected)
    }
}

@Suite("Profile check on extracts written by other hands")
struct OtherHandsProfileCheckTests {
    static let profile = """
        name: EHM
        dataset: missing
        fields: { EpisodeID: Case Ref, DateOfBirth: DOB, StartDateTime: Date Missing }
        """

    @Test("profile check skips title lines above the header and previews the rows below it")
    func titleLines() throws {
        let profile = try MappingProfile(yaml: Self.profile)
        let path = try Fixture.temporary(
            "ehm.csv",
            text: "EHM missing report\nRun 01/03/2024,,\n\nCase Ref,DOB,Date Missing\nC1,30-Jun-2012,05/07/2019 10:00\n"
        )
        let check = try ProfileCheck.run(profile: profile, path: path)
        #expect(check.unmappedRequired.isEmpty)
        #expect(check.unusedColumns.isEmpty)
        #expect(check.rows.map(\.line) == [5])
        #expect(check.rows.first?.rejection == nil)
    }

    @Test("with no header in reach, the first line is taken, so no data row is shown as column names")
    func noHeader() throws {
        let profile = try MappingProfile(yaml: Self.profile)
        let rows = (1...12).map { "Amelia\($0),03/06/2010" }.joined(separator: "\n")
        let path = try Fixture.temporary("names.csv", text: "Forename Col,Birth\n" + rows + "\n")
        let check = try ProfileCheck.run(profile: profile, path: path)
        #expect(check.unusedColumns == ["Forename Col", "Birth"])
        #expect(check.unmappedRequired == [.dateOfBirth, .episodeID, .startDateTime])
    }

    @Test("profile check names a semicolon-separated header")
    func semicolons() throws {
        let profile = try MappingProfile(yaml: Self.profile)
        let path = try Fixture.temporary("ehm.csv", text: "Case Ref;DOB;Date Missing\nC1;30/06/2012;05/07/2019\n")
        #expect(throws: ImportError.semicolonSeparated(path: path, line: 1)) {
            try ProfileCheck.run(profile: profile, path: path)
        }
    }
}

import ChildLinkModel
import Foundation
import Testing

@testable import ChildLinkImport

@Suite("Reference layouts")
struct ReferenceLayoutTests {
    @Test(
        "each dataset is recognised in CSV and XML",
        arguments: [
            ("missing-episodes.csv", ExtractLayout.referenceCSV(.missing), 3),
            ("missing-episodes.xml", .referenceXML(.missing), 2),
            ("cme-referrals.csv", .referenceCSV(.cme), 2),
            ("cme-referrals.xml", .referenceXML(.cme), 1),
            ("ehe-records.csv", .referenceCSV(.ehe), 1),
            ("ehe-records.xml", .referenceXML(.ehe), 1),
            ("exclusions.csv", .referenceCSV(.exclusions), 3),
            ("exclusions.xml", .referenceXML(.exclusions), 1),
        ])
    func recognised(_ name: String, _ layout: ExtractLayout, _ count: Int) throws {
        let result = try Fixture.read(name)
        #expect(result.file.layout == layout)
        #expect(result.file.error == nil)
        #expect(result.file.recordsRead == count)
        #expect(result.file.imported == count)
        #expect(result.records.allSatisfy { $0.dataset == layout.dataset })
    }

    @Test("a missing episode in CSV: every field read")
    func missingCSVFields() throws {
        let result = try Fixture.read("missing-episodes.csv")
        let record = try #require(result.record("E001"))
        #expect(record.person.personID == "P1")
        #expect(record.person.upn?.isValid == true)
        #expect(record.person.nhsNumber?.isValid == true)
        #expect(record.person.dateOfBirth == CalendarDate(year: 2010, month: 6, day: 3))
        #expect(record.person.gender == .male)
        #expect(record.person.ethnicity?.code == "WROM")
        #expect(record.person.postcode?.value == "S60 1AE")
        let episode = try #require(record.missingEpisode)
        #expect(episode.type == .missing)
        #expect(
            episode.start == LocalDateTime(date: CalendarDate(year: 2024, month: 2, day: 14)!, hour: 21, minute: 30))
        #expect(episode.end == LocalDateTime(date: CalendarDate(year: 2024, month: 2, day: 15)!, hour: 9))
        #expect(episode.socialCareStatus == .lookedAfter)
        #expect(episode.cseRisk == .medium)
        #expect(episode.cceRisk == RiskLevel.none)
        #expect(episode.placementDistanceMiles == 12.5)
        #expect(episode.rhiOffered == true)
        #expect(episode.rhiCompletedDate == CalendarDate(year: 2024, month: 2, day: 17))
        #expect(episode.reportedBy == "Carer, foster")
        #expect(episode.foundLocation == "Found at friend's \"house\" (garden)")
        let second = try #require(result.record("E002")?.missingEpisode)
        #expect(second.type == .absent)
        #expect(second.end == nil)
        #expect(second.rhiOffered == false)
        #expect(second.rhiAccepted == nil)
        #expect(second.reportedBy == "Police\n(night shift)")
        #expect(result.record("E003")?.location?.line == 5)
        #expect(result.record("E003")?.person.ethnicity?.code == "WBRI")
    }

    @Test("a missing episode in XML: fields, CDATA, empty elements, unknown elements ignored, element path")
    func missingXMLFields() throws {
        let result = try Fixture.read("missing-episodes.xml")
        let record = try #require(result.record("E101"))
        #expect(record.person.surname == "Horváth")
        #expect(record.person.nhsNumber?.isValid == true)
        #expect(record.missingEpisode?.reportedBy == "Carer & staff")
        #expect(record.missingEpisode?.end == nil)
        #expect(record.location?.elementPath == "/MissingEpisodes/Episode[1]")
        #expect(record.location?.line == 3)
        #expect(result.record("E102")?.location?.elementPath == "/MissingEpisodes/Episode[2]")
        #expect(result.record("E102")?.person.dateOfBirth == CalendarDate(year: 2011, month: 9, day: 12))
    }

    @Test("headers match ignoring case, spaces and underscores; unknown columns are ignored")
    func headerMatching() throws {
        let result = try Fixture.read("cme-referrals.csv")
        let record = try #require(result.record("R001"))
        guard case .cme(let referral) = record.event else {
            Issue.record("not CME")
            return
        }
        #expect(record.person.personID == "C1")
        #expect(record.person.surname == "Horváthová")
        #expect(referral.referralDate == CalendarDate(year: 2023, month: 9, day: 4))
        #expect(referral.previousEpisodes == 1)
        #expect(referral.phase == .primary)
        #expect(referral.fsmEligible == true)
        #expect(referral.openToSocialCare == false)
        #expect(referral.closureOutcome == "FOUND - IN SCHOOL IN OTHER LA")
        guard case .cme(let second) = try #require(result.record("R002")).event else { return }
        #expect(second.locality == "North - Wath/Swinton")
        #expect(second.fsmEligible == false)
        #expect(second.openToEarlyHelp == true)
    }

    @Test("exclusion categories FIXD, Suspension mean SUSP; reasons upper-cased in order")
    func exclusions() throws {
        let result = try Fixture.read("exclusions.csv", "exclusions.xml")
        func record(_ id: String) -> ExclusionRecord? {
            if case .exclusion(let record) = result.record(id)?.event { return record }
            return nil
        }
        #expect(record("X001")?.category == .suspension)
        #expect(record("X001")?.reasons == ["DB", "VP"])
        #expect(record("X001")?.sessions == 4)
        #expect(record("X002")?.category == .permanent)
        #expect(record("X002")?.sessions == nil)
        #expect(record("X003")?.category == .suspension)
        #expect(record("X101")?.category == .lunchtime)
        #expect(record("X101")?.reasons == ["BU"])
    }

    @Test("EHE fields")
    func ehe() throws {
        let result = try Fixture.read("ehe-records.csv", "ehe-records.xml")
        guard case .ehe(let csv) = try #require(result.record("H001")).event,
            case .ehe(let xml) = try #require(result.record("H101")).event
        else {
            Issue.record("not EHE")
            return
        }
        #expect(csv.previousSchoolName == "Wath Academy")
        #expect(csv.visitDeclined == false)
        #expect(csv.lastVisitDate == CalendarDate(year: 2023, month: 11, day: 15))
        #expect(xml.endReason == "Returned to school")
        #expect(xml.visitDeclined == true)
    }

    @Test("a dataset in a CSV and an XML part is read as one, sorted by key")
    func csvAndXMLParts() throws {
        let result = try Fixture.read("cme-referrals.xml", "cme-referrals.csv")
        #expect(result.records.map(\.key.recordID) == ["R001", "R002", "R101"])
        #expect(result.files.map(\.imported) == [1, 2])
    }

    @Test("the same record id in two parts with different content is rejected in the second")
    func duplicateAcrossParts() throws {
        let part = try Fixture.temporary(
            "cme-part.csv", text: "ReferralID,DateOfBirth,ReferralDate\nR101,2014-05-05,2024-01-09\n")
        let result = try ExtractReader().read(paths: [Fixture.path("cme-referrals.xml"), part])
        #expect(result.files[1].rejected == 1)
        #expect(result.rejects.first?.reason.hasPrefix("duplicate ReferralID with different content") == true)
    }

    @Test("folders expand to their extract files in sorted order")
    func folders() throws {
        let folder = URL(fileURLWithPath: Fixture.path("cme-referrals.csv")).deletingLastPathComponent().path
        let files = try ExtractReader.expand([folder])
        #expect(files == files.sorted())
        #expect(files.contains { $0.hasSuffix("/cme-referrals.xml") })
        #expect(throws: ImportError.noSuchPath(path: "/no/such/folder")) {
            try ExtractReader.expand(["/no/such/folder"])
        }
    }

    @Test("in a folder, a file of no known layout is skipped, not an error; named, it is an error")
    func skippedInFolder() throws {
        let other = try Fixture.temporary("truth.csv", text: "Dataset,RecordID,TrueChildID\nMissing,E1,C1\n")
        let folder = URL(fileURLWithPath: other).deletingLastPathComponent().path
        try Data("EHEID,DateOfBirth,StartDate\nH1,01/01/2010,01/09/2023\n".utf8)
            .write(to: URL(fileURLWithPath: folder).appendingPathComponent("ehe.csv"))
        let result = try ExtractReader().read(paths: [folder])
        #expect(result.files.map { $0.skipped != nil } == [false, true])
        #expect(!result.hasFileErrors)
        #expect(result.files[0].imported == 1)
        let named = try ExtractReader().read(paths: [other])
        #expect(named.file.skipped == nil)
        #expect(named.hasFileErrors)
    }

    @Test("a missing required column is a file error naming the column")
    func missingColumn() throws {
        let result = try Fixture.read("missing-episodes-missing-column.csv")
        let path = Fixture.path("missing-episodes-missing-column.csv")
        #expect(
            result.file.error
                == .missingColumn(path: path, column: "StartDateTime", dataset: "Missing from home or care"))
        #expect(result.hasFileErrors)
    }

    @Test("--dataset that does not fit says what the file looks like")
    func datasetMismatch() throws {
        let csv = try Fixture.read("cme-referrals.csv", options: ImportOptions(dataset: .missing))
        #expect(
            csv.file.error
                == .datasetMismatch(
                    path: Fixture.path("cme-referrals.csv"), expected: "Missing from home or care",
                    found: "Children Missing Education (reference CSV)"))
        let xml = try Fixture.read("exclusions.xml", options: ImportOptions(dataset: .ehe))
        #expect(xml.file.error?.errorDescription?.contains("looks like School exclusions (reference XML)") == true)
    }

    @Test("a header with no known id column is unrecognised unless --dataset says what it is")
    func unrecognised() throws {
        let path = try Fixture.temporary("other.csv", text: "Name,Age\nA,1\n")
        let result = try ExtractReader().read(paths: [path])
        guard result.file.error?.code == .unrecognisedLayout else {
            Issue.record("expected unrecognised")
            return
        }
        let flagged = try ExtractReader(options: ImportOptions(dataset: .ehe)).read(paths: [path])
        #expect(flagged.file.error == .missingColumn(path: path, column: "EHEID", dataset: "Elective Home Education"))
    }
}

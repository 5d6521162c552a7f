import ChildLinkModel
import Foundation
import Testing

@testable import ChildLinkImport

@Suite("Statutory layouts")
struct StatutoryTests {
    @Test("SSDA903 Header + Missing are joined on CHILD, whichever comes first")
    func ssda903Join() throws {
        for order in [["ssda903-header.csv", "ssda903-missing.csv"], ["ssda903-missing.csv", "ssda903-header.csv"]] {
            let result = try ExtractReader().read(paths: order.map(Fixture.path))
            let layouts = Set(result.files.compactMap(\.layout))
            #expect(layouts == [.ssda903Header, .ssda903Missing])
            let absent = try #require(result.record("903-510000-20231113"))
            #expect(absent.missingEpisode?.type == .absent)
            #expect(absent.missingEpisode?.end?.date == CalendarDate(year: 2023, month: 11, day: 25))
            #expect(absent.person.gender == .male)
            #expect(absent.person.upnUnknownReason == .un2)
            #expect(absent.person.ethnicity?.code == "WBRI")
            let open = try #require(result.record("903-92296-20231121"))
            #expect(open.missingEpisode?.type == .missing)
            #expect(open.missingEpisode?.end == nil)
            #expect(open.person.gender == .female)
            #expect(open.person.upn?.isValid == true)
            #expect(
                result.record("903-88888-20231201")?.person.dateOfBirth == CalendarDate(year: 2011, month: 2, day: 1))
            #expect(result.diagnostics.contains { $0.message.contains("INT04") && $0.recordID == "903-88888-20231201" })
            let missingFile = try #require(result.files.first { $0.layout == .ssda903Missing })
            #expect(missingFile.recordsRead == 5)
            #expect(missingFile.imported == 3)
            #expect(missingFile.rejected == 2)
            #expect(result.files.allSatisfy { $0.isBalanced })
        }
    }

    @Test("SSDA903 rejects: MISSING code, end before start, unknown SEX")
    func ssda903Rejects() throws {
        let result = try Fixture.read("ssda903-header.csv", "ssda903-missing.csv")
        #expect(result.rejects.map(\.field) == ["SEX", "MISSING", "MIS_END"])
        #expect(result.rejects[1].reason == "MISSING has an unknown code 'Q' (expected M or A, 903 rule 1006)")
        #expect(result.rejects[2].reason == "MIS_END is before MIS_START (903 rule 567)")
    }

    @Test("SSDA903 XML: each AMISSING group is an episode of its CHILD; a bad header rejects its episodes")
    func ssda903XML() throws {
        let result = try Fixture.read("ssda903.xml")
        #expect(result.file.layout == .ssda903XML)
        #expect(result.file.recordsRead == 4)
        #expect(result.file.imported == 2)
        #expect(result.file.rejected == 2)
        let absent = try #require(result.record("903-510000-20231113"))
        #expect(absent.missingEpisode?.type == .absent)
        #expect(absent.person.upnUnknownReason == .un2)
        #expect(absent.person.gender == .male)
        #expect(absent.location?.elementPath == "/EXPSSDA903/CHILD[1]/HEADER/AMISSING[1]")
        #expect(result.record("903-510000-20231201")?.missingEpisode?.end == nil)
        #expect(
            result.rejects.map(\.reason) == [
                "MISSING has an unknown code 'X' (expected M or A, 903 rule 1006)", "DOB is not a date (dd/MM/yyyy)",
            ])
        #expect(result.rejects.map(\.recordID) == ["510000", "92296"])
        #expect(result.rejects[1].location.elementPath == "/EXPSSDA903/CHILD[2]/HEADER/AMISSING[1]")
    }

    @Test("CIN census children become social-care records")
    func cinCensus() throws {
        let result = try Fixture.read("cin-census.xml")
        #expect(result.file.layout == .cinCensus)
        #expect(result.file.recordsRead == 3)
        let child = try #require(result.record("LA001"))
        #expect(child.dataset == .socialCare)
        #expect(child.person.gender == .female)
        #expect(child.person.ethnicity?.code == "WROM")
        #expect(child.person.upn?.isValid == true)
        #expect(child.location?.elementPath == "/Message/Children/Child[1]")
        guard case .socialCare(let record) = child.event else {
            Issue.record("not social care")
            return
        }
        #expect(
            record.referralDates == [
                CalendarDate(year: 2022, month: 1, day: 10)!, CalendarDate(year: 2023, month: 5, day: 1)!,
            ])
        #expect(record.closureDates == [CalendarDate(year: 2023, month: 12, day: 1)!])
        #expect(record.protectionPlanStarts == [CalendarDate(year: 2023, month: 6, day: 1)!])
        #expect(record.assessmentFactors == ["10A", "11A"])
        #expect(result.record("LA003")?.person.gender == .male)
        let reject = try #require(result.rejects.first)
        #expect(reject.recordID == "LA002")
        #expect(reject.field == "PersonBirthDate")
        #expect(reject.location.elementPath == "/Message/Children/Child[2]")
    }

    @Test("--dataset cin accepts the census; --dataset missing refuses it")
    func cinFlag() throws {
        #expect(try Fixture.read("cin-census.xml", options: ImportOptions(dataset: .socialCare)).file.error == nil)
        let wrong = try Fixture.read("cin-census.xml", options: ImportOptions(dataset: .missing))
        #expect(
            wrong.file.error
                == .datasetMismatch(
                    path: Fixture.path("cin-census.xml"), expected: "Missing from home or care",
                    found: "CIN census (XML)"))
    }
}

import ChildLinkCore
import ChildLinkImport
import ChildLinkMatching
import ChildLinkModel
import Foundation
import Testing

/// `link --generic --profile`: a mapping profile points arbitrary column names at person fields.
@Suite("Generic mode with a mapping profile")
struct GenericProfileTests {
    /// A person list with its own headers: a dedupe of one file (a1/a2 and a3/a4 are duplicates).
    static let people = """
        Ref,First,Middle,Family,Born,Sex,Zip,House,Street,Who,National Id
        a1,Jozef,,Horváth,1990-03-04,m,S61 2AB,12,Main Street,P1,
        a2,Josef,,Horvath,1990-03-04,m,S61 2AB,12,Main St,P1,
        a3,Anna,Maria,Smith,2001-12-24,f,S2 4TT,3,High Street,P2,
        a4,Anna,,Smith,2001-12-24,f,S2 4TT,3,High Street,P2,
        a5,Peter,,Jones,1975-07-01,m,DN4 1AA,9,Low Road,P3,

        """

    static let profile = """
        name: Example person list
        fields:
          Forename: First
          MiddleNames: Middle
          Surname: [Family, Last Name]
          DateOfBirth: Born
          Gender: Sex
          Postcode: Zip
          PersonID: National Id
        dateFormats: [yyyy-MM-dd]
        values:
          Gender: { m: Male, f: Female }
        generic:
          recordID: Ref
          trueEntity: Who
          addressParts: [House, Street]

        """

    private func folder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("childlink-generic-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    @Test("The profile maps each person field, the date format, the gender codes, the address parts and the truth")
    func readsMappedColumns() throws {
        let folder = try folder(["people.csv": Self.people, "people.yaml": Self.profile])
        defer { try? FileManager.default.removeItem(at: folder) }
        let profile = try MappingProfile(contentsOf: folder.appendingPathComponent("people.yaml").path)
        let contents = try GenericPersonCSV.read(
            paths: [folder.appendingPathComponent("people.csv").path], profile: profile)
        try #require(contents.records.count == 5)
        let first = contents.records[0]
        #expect(first.key.recordID == "a1")
        #expect(first.person.forename == "Jozef")
        #expect(first.person.surname == "Horváth")
        #expect(first.person.dateOfBirth == CalendarDate(year: 1990, month: 3, day: 4))
        #expect(first.person.gender == .male)
        #expect(first.person.postcode == Postcode("S61 2AB"))
        #expect(first.person.addressLine1 == "12 Main Street")
        #expect(contents.records[2].person.middleNames == "Maria")
        #expect(contents.truth[first.key] == "P1")
        #expect(contents.truth[contents.records[4].key] == "P3")
    }

    @Test("One file is deduplicated: its duplicates are linked, everyone else stays apart")
    func dedupesOneFile() throws {
        let folder = try folder(["people.csv": Self.people, "people.yaml": Self.profile])
        defer { try? FileManager.default.removeItem(at: folder) }
        let profile = try MappingProfile(contentsOf: folder.appendingPathComponent("people.yaml").path)
        let contents = try GenericPersonCSV.read(
            paths: [folder.appendingPathComponent("people.csv").path], profile: profile)
        let outcome = try LinkJob.run(
            records: contents.records, options: .generic(), outputDirectory: nil,
            truth: contents.truth)
        let evaluation = try #require(outcome.evaluation)
        #expect(evaluation.truePositives == 2)
        #expect(evaluation.falsePositives == 0)
        #expect(outcome.result.children.count == 3)
    }

    @Test("A column the profile maps but the file lacks is an error naming the file and the column")
    func missingColumn() throws {
        let renamed = Self.people.replacingOccurrences(of: "Born", with: "Birth")
        let folder = try folder(["renamed.csv": renamed, "people.yaml": Self.profile])
        defer { try? FileManager.default.removeItem(at: folder) }
        let profile = try MappingProfile(contentsOf: folder.appendingPathComponent("people.yaml").path)
        let path = folder.appendingPathComponent("renamed.csv").path
        #expect(
            throws: ImportError.invalidPersonCSV(
                path: path, line: 1, reason: "no column 'Born' (the profile's DateOfBirth)")
        ) {
            try GenericPersonCSV.read(paths: [path], profile: profile)
        }
    }

    @Test("A profile without a record id column, and a repeated record id, are errors")
    func recordIDs() throws {
        let noID = Self.profile.replacingOccurrences(of: "  recordID: Ref\n", with: "")
        let repeated = Self.people.replacingOccurrences(of: "a2,", with: "a1,")
        let folder = try folder([
            "people.csv": Self.people, "repeated.csv": repeated, "no-id.yaml": noID, "people.yaml": Self.profile,
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let people = folder.appendingPathComponent("people.csv").path
        let withoutID = try MappingProfile(contentsOf: folder.appendingPathComponent("no-id.yaml").path)
        #expect(throws: ImportError.self) { try GenericPersonCSV.read(paths: [people], profile: withoutID) }
        let profile = try MappingProfile(contentsOf: folder.appendingPathComponent("people.yaml").path)
        let repeatedPath = folder.appendingPathComponent("repeated.csv").path
        #expect(
            throws: ImportError.invalidPersonCSV(path: repeatedPath, line: 3, reason: "record id repeated in the file")
        ) {
            try GenericPersonCSV.read(paths: [repeatedPath], profile: profile)
        }
    }

    @Test("Generic mode's defaults: link at 0.5 with the twin guard off; council extracts keep 0.98 and the guard")
    func genericDefaults() {
        let generic = LinkJob.Options.generic()
        #expect(generic.linkThreshold == 0.5)
        #expect(!generic.twinGuard)
        #expect(LinkJob.Options.generic(twinGuard: true).twinGuard)
        #expect(LinkJob.Options.generic(reviewThreshold: 0.7).linkThreshold == 0.7)
        let council = LinkJob.Options()
        #expect(council.linkThreshold == 0.98)
        #expect(council.twinGuard)
    }
}

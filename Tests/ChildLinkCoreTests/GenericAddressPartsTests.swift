import ChildLinkCore
import ChildLinkImport
import ChildLinkModel
import Foundation
import Testing

/// Generic mode reads every person column a file gives: the street number, second address line,
/// town or suburb and state, recognised by name or named by a profile.
@Suite("Generic mode: the address's parts")
struct GenericAddressPartsTests {
    /// Two FEBRL-style rows (FEBRL writes a space after each comma).
    static let febrl = """
        rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state, date_of_birth, soc_sec_id
        rec-320-org, harrison, capurso, 7, erldunda circuit, bellbird ctge, jan juc, 6233, vic, 19500101, 4086030
        rec-320-dup-0, capurso, ruby, 7, erldunda circuit, bellbirdctge, jan juc, 6233, vic, , 4086300

        """

    private func folder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("childlink-parts-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    @Test("Without a profile, FEBRL's columns are recognised by name, each part kept apart")
    func recognisedByName() throws {
        let folder = try folder(["febrl.csv": Self.febrl])
        defer { try? FileManager.default.removeItem(at: folder) }
        let contents = try GenericPersonCSV.read(paths: [folder.appendingPathComponent("febrl.csv").path])
        try #require(contents.records.count == 2)
        let person = contents.records[0].person
        #expect(person.streetNumber == "7")
        #expect(person.addressLine1 == "erldunda circuit")
        #expect(person.addressLine2 == "bellbird ctge")
        #expect(person.town == "jan juc")
        #expect(person.region == "vic")
        #expect(person.personID == "4086030")
        #expect(contents.records[1].person.dateOfBirth == nil)
    }

    @Test("A profile names the parts; without names they are found as without a profile")
    func namedByProfile() throws {
        let people = """
            Ref,First,Family,No,Road,Estate,Place,County
            a1,Ann,Lee,12,Main Street,Rose Court,Rotherham,South Yorkshire

            """
        let named = """
            fields:
              Forename: First
              Surname: Family
              Town: Place
            generic:
              recordID: Ref
              addressParts: [Road]
              streetNumber: No
              addressLine2: Estate
              region: County

            """
        // FEBRL's own names, not mapped: street_number joined into the address is not compared again.
        let joined = """
            generic:
              recordID: rec_id
              addressParts: [street_number, address_1]

            """
        let folder = try folder([
            "people.csv": people, "named.yaml": named, "febrl.csv": Self.febrl, "joined.yaml": joined,
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = { (name: String) in folder.appendingPathComponent(name).path }
        let person = try GenericPersonCSV.read(
            paths: [path("people.csv")], profile: MappingProfile(contentsOf: path("named.yaml"))
        ).records[0].person
        #expect(person.streetNumber == "12")
        #expect(person.addressLine1 == "Main Street")
        #expect(person.addressLine2 == "Rose Court")
        #expect(person.town == "Rotherham")
        #expect(person.region == "South Yorkshire")
        let febrl = try GenericPersonCSV.read(
            paths: [path("febrl.csv")], profile: MappingProfile(contentsOf: path("joined.yaml"))
        ).records[0].person
        #expect(febrl.addressLine1 == "7 erldunda circuit")
        #expect(febrl.streetNumber == nil)
        #expect(febrl.addressLine2 == "bellbird ctge")
        #expect(febrl.town == "jan juc")
        #expect(febrl.region == "vic")
    }

    @Test("A part the profile names but the file lacks is an error naming the file and the column")
    func missingPart() throws {
        let profile = """
            generic:
              recordID: rec_id
              region: province

            """
        let folder = try folder(["febrl.csv": Self.febrl, "p.yaml": profile])
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("febrl.csv").path
        let mapping = try MappingProfile(contentsOf: folder.appendingPathComponent("p.yaml").path)
        #expect(
            throws: ImportError.invalidPersonCSV(
                path: path, line: 1, reason: "no column 'province' (the profile's generic.region)")
        ) {
            try GenericPersonCSV.read(paths: [path], profile: mapping)
        }
    }

    @Test("Generic mode compares typed ids and the address's parts; council extracts do neither")
    func options() {
        let generic = LinkJob.Options.generic()
        #expect(generic.typedPersonIDs && generic.addressParts)
        let council = LinkJob.Options()
        #expect(!council.typedPersonIDs && !council.addressParts)
    }
}

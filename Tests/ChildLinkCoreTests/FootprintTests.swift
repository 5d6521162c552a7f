import ChildLinkMatching
import ChildLinkModel
import ChildLinkReports
import ChildLinkSample
import ChildLinkStore
import Foundation
import Testing

@testable import ChildLinkCore

/// Week 1 of the sample borough, plus two different children both called Jack Smith.
enum FootprintFixture {
    static let jackOlder = SourceRecord(
        recordID: "JS-1",
        person: PersonFields(
            forename: "Jack", surname: "Smith", dateOfBirth: CalendarDate(year: 2009, month: 1, day: 17),
            postcode: Postcode("S1 1AA")),
        event: .cme(CMEReferral(referralDate: CalendarDate(year: 2019, month: 3, day: 4)!)))
    static let jackYounger = SourceRecord(
        recordID: "JS-2",
        person: PersonFields(
            forename: "Jack", surname: "Smith", dateOfBirth: CalendarDate(year: 2013, month: 9, day: 2),
            postcode: Postcode("S9 9ZZ")),
        event: .cme(CMEReferral(referralDate: CalendarDate(year: 2019, month: 5, day: 20)!)))

    static let outcome = try! Pipeline.run(
        records: SampleWeeks.week1 + [jackOlder, jackYounger], store: nil, logger: SampleWeeks.logger)
    static let universe = FootprintUniverse(
        link: outcome.link, children: outcome.children, mustLinks: [], store: nil)
    static let at = LocalDateTime(parsing: "2019-07-01T09:00")!

    /// A child with records in more than one dataset, one of them with a valid permanent UPN.
    static var linkedChild: (child: LinkedChild, upn: UPN) {
        let byKey = Dictionary(uniqueKeysWithValues: outcome.records.map { ($0.key, $0) })
        for child in outcome.children where child.strands.count >= 2 {
            if let upn = child.records.compactMap({ byKey[$0]?.person.upn }).first(where: {
                $0.isValid && !$0.isTemporary
            }) {
                return (child, upn)
            }
        }
        fatalError("the sample has no linked child with a UPN")
    }
}

@Suite("Footprint: find one child and lay out their records with the links' explanations")
struct FootprintTests {
    @Test("a UPN, typed loosely, finds the child; every record is on the timeline with its explained link")
    func byUPN() throws {
        let (child, upn) = FootprintFixture.linkedChild
        let typed = upn.value.lowercased().map(String.init).joined(separator: " ")
        let result = FootprintJob.lookup(.upn(typed), in: FootprintFixture.universe, generatedAt: FootprintFixture.at)
        guard case .found(let footprint) = result else {
            Issue.record("expected one child, got \(result)")
            return
        }
        #expect(footprint.childID == child.id)
        #expect(footprint.entries.map(\.record).sorted() == child.records)
        #expect(footprint.entries.map(\.date) == footprint.entries.map(\.date).sorted())
        for entry in footprint.entries {
            let link = try #require(entry.link)
            #expect(child.records.contains(link.linkedTo) && link.linkedTo != entry.record)
            #expect(link.contributions.count == Comparison.inUse(addressParts: false).count)
            #expect(abs(link.weightBits - (link.priorBits + link.contributions.map(\.bits).reduce(0, +))) < 1e-9)
            #expect(!entry.facts.isEmpty)
        }
        let text = FootprintRenderer.text(footprint)
        #expect(text.contains("Footprint of \(child.id)"))
        #expect(text.contains("Date of birth"))
    }

    @Test("a misspelt name with the date of birth finds the same child as its identifier")
    func fuzzyName() throws {
        let (child, _) = FootprintFixture.linkedChild
        let record = try #require(FootprintFixture.outcome.records.first { $0.key == child.records[0] })
        let forename = try #require(record.person.forename)
        let surname = try #require(record.person.surname)
        let misspelt = String(forename.dropLast()) + (forename.last == "a" ? "e" : "a")
        let query = FootprintQuery.name(forename: misspelt, surname: surname, dateOfBirth: record.person.dateOfBirth)
        let candidates = FootprintJob.candidates(query, in: FootprintFixture.universe)
        #expect(candidates.first?.childID == child.id)
        #expect((candidates.first?.probability ?? 0) >= FootprintJob.candidateProbability)
    }

    @Test("a name search scores every record, the first and last of each parallel chunk too, in record order")
    func nameSearchScoresEveryRecord() throws {
        // 2,000 children: some 5,500 records, so two whole chunks and part of a third.
        let records = SamplePopulation.generate(SampleConfiguration(children: 2_000, seed: 3)).records
        let outcome = try Pipeline.run(records: records, store: nil, logger: SampleWeeks.logger)
        let universe = FootprintUniverse(link: outcome.link, children: outcome.children, mustLinks: [], store: nil)
        let chunk = FootprintJob.nameSearchChunkSize
        let count = universe.records.count
        try #require(count > 2 * chunk)
        // Each record, searched for by its own names and date of birth, matches itself.
        for position in [0, chunk - 1, chunk, 2 * chunk - 1, 2 * chunk, count - 1] {
            let person = universe.records[position].person
            let forename = try #require(person.forename, "record \(position)")
            let surname = try #require(person.surname, "record \(position)")
            let matches = FootprintJob.nameMatches(
                forename, surname, dateOfBirth: person.dateOfBirth, age: nil, among: universe.records,
                evidence: universe.evidence)
            #expect(matches.contains { $0.index == position }, "record \(position)")
            #expect(matches.map(\.index) == matches.map(\.index).sorted(), "record \(position)")
        }
    }

    @Test("two children with the same name: without a date of birth both are offered; with it, one is found")
    func ambiguousName() throws {
        let universe = FootprintFixture.universe
        let vague = FootprintJob.lookup(
            try .name("Jack Smith", dob: nil), in: universe, generatedAt: FootprintFixture.at)
        guard case .ambiguous(let candidates) = vague else {
            Issue.record("expected a list to choose from, got \(vague)")
            return
        }
        let keys = Set(candidates.map(\.bestRecord))
        #expect(keys.contains(FootprintFixture.jackOlder.key) && keys.contains(FootprintFixture.jackYounger.key))
        #expect(FootprintJob.ambiguityText(candidates, query: try .name("Jack Smith", dob: nil)).contains("Refine"))

        let precise = FootprintJob.lookup(
            try .name("Smith, Jack", dob: CalendarDate(year: 2009, month: 1, day: 17)), in: universe,
            generatedAt: FootprintFixture.at)
        guard case .found(let footprint) = precise else {
            Issue.record("expected one child, got \(precise)")
            return
        }
        #expect(footprint.entries.map(\.record).contains(FootprintFixture.jackOlder.key))
        #expect(!footprint.entries.map(\.record).contains(FootprintFixture.jackYounger.key))
    }

    @Test("a name of one word is refused with what to type; unknown identifiers find no one")
    func badQueries() throws {
        let refused = #expect(throws: CoreError.self) { try FootprintQuery.name("Jack", dob: nil) }
        #expect(refused?.code == .badQuery)
        let none = FootprintJob.lookup(
            .nhsNumber("943 476 5919"), in: FootprintFixture.universe, generatedAt: FootprintFixture.at)
        guard case .notFound = none else {
            Issue.record("expected no match, got \(none)")
            return
        }
    }

    /// A UPN or NHS number that fails its own check cannot be in any record as typed: the reply
    /// says why, not "try another spelling". `943 476 5919` is valid (check digit 9, worked out in
    /// `NHSNumberTests`), so `…5918` fails the check; `A…` is the valid UPN `T372200307068` with
    /// another check letter; `123` is three characters of thirteen.
    @Test(arguments: [
        (FootprintQuery.upn("A372200307068"), "This is not a valid UPN (check digit does not match)"),
        (.upn("123"), "This is not a valid UPN (wrong length)"),
        (.nhsNumber("943 476 5918"), "This is not a valid NHS number (check digit does not match)"),
        (.nhsNumber("943 476 5919"), "Check the NHS number, or search by --name and --dob."),
        (.upn("T372200307068"), "Check the UPN, or search by --name and --dob."),
        (try FootprintQuery.name("Jack Smith", dob: nil), "Try another spelling"),
    ])
    func notFoundSaysWhy(query: FootprintQuery, hint: String) throws {
        #expect(UPN("T372200307068")?.isValid == true, "the valid UPN the others are made from")
        #expect(query.notFoundHint.hasPrefix(hint))
        #expect(query.notFoundHint(in: .commandLine) == query.notFoundHint)
        // The desk's form has no flags: its hint names the fields instead.
        #expect(!query.notFoundHint(in: .desk).contains("--"))
    }

    @Test("with a store: the lookup uses the stable ids, is audited, and the HTML and JSON files are owner-only")
    func storeAudited() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("childlink-footprint-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let extracts = folder.appendingPathComponent("extracts").path
        try FileManager.default.createDirectory(atPath: extracts, withIntermediateDirectories: true)
        _ = try SamplePopulation.write(SampleConfiguration(children: 120, seed: 3), to: extracts)
        let storePath = folder.appendingPathComponent("childlink.sqlite").path
        let run = try Pipeline.run(
            PipelineRequest(inputs: [extracts], storePath: storePath, command: "weekly"), logger: SampleWeeks.logger)
        let child = try #require(run.children.first { $0.records.count >= 2 })

        let request = FootprintJob.Request(query: .childID(child.id), storePath: storePath)
        for format in [FootprintFormat.html, .json] {
            let out = folder.appendingPathComponent("footprint.\(format.rawValue)").path
            let reply = try FootprintJob.respond(request, format: format, out: out, logger: SampleWeeks.logger)
            #expect(reply.status == 0)
            let attributes = try FileManager.default.attributesOfItem(atPath: out)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            let text = try String(contentsOfFile: out, encoding: .utf8)
            #expect(child.records.allSatisfy { text.contains($0.description) })
        }
        let json =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: folder.appendingPathComponent("footprint.json"))) as? [String: Any]
        #expect(json?["childID"] as? String == child.id.description)
        #expect((json?["records"] as? [Any])?.count == child.records.count)

        let audit = try ChildLinkStore(path: storePath).auditLog()
        #expect(audit.count == 2)
        #expect(audit.allSatisfy { $0.command == "footprint" && $0.query == "--child-id \(child.id)" })
        #expect(audit.allSatisfy { $0.childIDs == [child.id] })
    }
}

@Suite("Footprint after a reviewer's merge")
struct FootprintMergeTests {
    @Test("a must-link merges two children; the merged id leads to the survivor, whose link shows the decision")
    func mergedID() throws {
        let store = try ChildLinkStore.inMemory(user: "officer")
        let first = try Pipeline.run(records: SampleWeeks.week1, store: store, logger: SampleWeeks.logger)
        let (older, newer) = (first.children[0], first.children[1])
        try store.decide(older.records[0], newer.records[0], .mustLink)
        let second = try Pipeline.run(records: SampleWeeks.week1, store: store, logger: SampleWeeks.logger)
        #expect(second.storeRun?.events.contains { $0.kind == .merge && $0.otherID == newer.id } == true)

        let universe = FootprintUniverse(
            link: second.link, children: second.children,
            mustLinks: [PairConstraint(older.records[0], newer.records[0], .mustLink)], store: store)
        let result = FootprintJob.lookup(.childID(newer.id), in: universe, generatedAt: FootprintFixture.at)
        guard case .found(let footprint) = result else {
            Issue.record("expected the survivor, got \(result)")
            return
        }
        #expect(footprint.childID == older.id)
        #expect(Set(footprint.entries.map(\.record)) == Set(older.records + newer.records))
        let decided = try #require(footprint.entries.first { $0.record == newer.records[0] }?.link)
        #expect(decided.basis == .reviewerDecision && decided.linkedTo == older.records[0])
    }
}

/// A lookup by ChildLink id or identifier from a store reads only the records of the children it can
/// find; what it finds must be what a search of every record finds.
@Suite("Footprint from a store by ChildLink id or identifier: the children's records only")
struct FootprintScopedReadTests {
    /// Week 1 linked twice into a store on disk, a reviewer's must-link between the two runs merging
    /// the second child into the first; and the universe of every record, as lookups read it before.
    struct Fixture {
        let folder: URL
        let storePath: String
        let merged: ChildLinkID
        let children: [LinkedChild]
        let every: [SourceRecord]
        let everyRecord: FootprintUniverse

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("childlink-footprint-\(UUID())")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            storePath = folder.appendingPathComponent("childlink.sqlite").path
            let store = try ChildLinkStore(path: storePath)
            let first = try Pipeline.run(records: SampleWeeks.week1, store: store, logger: SampleWeeks.logger)
            try store.decide(first.children[0].records[0], first.children[1].records[0], .mustLink)
            merged = first.children[1].id
            children = try Pipeline.run(records: SampleWeeks.week1, store: store, logger: SampleWeeks.logger).children
            every = try store.currentRecords()
            let latest = try #require(try store.latestModel())
            let stored = try #require(StoredModelCoding.decode(latest))
            everyRecord = FootprintUniverse(
                records: every, evidence: .storedModel(stored.model, linkThreshold: stored.thresholds.link),
                children: try store.currentChildren(), mustLinks: FootprintUniverse.mustLinks(try store.decisions()),
                store: store)
        }

        /// Looks `query` up as `footprint` does (reading what it needs) and in every record; expects
        /// the same result, from a small part of the records.
        func expectSameAsEveryRecord(_ query: FootprintQuery) throws {
            let scoped = try FootprintUniverse.load(
                FootprintJob.Request(query: query, storePath: storePath), logger: SampleWeeks.logger)
            #expect(scoped.records.count < every.count / 10, "\(query)")
            let found = FootprintJob.lookup(query, in: scoped, generatedAt: FootprintFixture.at)
            #expect(found == FootprintJob.lookup(query, in: everyRecord, generatedAt: FootprintFixture.at), "\(query)")
            // The candidates too, with their probabilities (an age weighed against every record).
            #expect(
                FootprintJob.candidates(query, in: scoped) == FootprintJob.candidates(query, in: everyRecord),
                "\(query)")
        }
    }

    @Test("each child's footprint by ChildLink id, and a merged id's, is the one a read of every record gives")
    func byChildID() throws {
        let fixture = try Fixture()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let ids = [fixture.merged] + fixture.children.filter { $0.records.count >= 2 }.prefix(5).map(\.id)
        for id in ids { try fixture.expectSameAsEveryRecord(.childID(id)) }
    }

    @Test("UPNs (current and former, typed loosely), NHS numbers and person ids find what a read of every record finds")
    func byIdentifier() throws {
        let fixture = try Fixture()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let people = fixture.every.map(\.person)
        // Typed loosely: in lower case, with a space before and one after the fourth character.
        let upns = people.compactMap { $0.upn?.value }.prefix(4).map {
            " " + $0.prefix(4).lowercased() + " " + $0.dropFirst(4).lowercased()
        }
        let formerUPNs = people.compactMap { $0.formerUPN?.value }.prefix(2)
        let nhsNumbers = people.compactMap { $0.nhsNumber?.value }.prefix(4).map {
            $0.prefix(3) + " " + $0.dropFirst(3)
        }
        let personIDs = people.compactMap(\.personID).prefix(4).map { " \($0) " }
        #expect(upns.count == 4 && !formerUPNs.isEmpty && nhsNumbers.count == 4 && personIDs.count == 4)
        let queries: [FootprintQuery] =
            upns.map { .upn($0) } + formerUPNs.map { .upn($0) } + nhsNumbers.map { .nhsNumber(String($0)) }
            + personIDs.map { .personID($0) } + [.upn("Z999999999999"), .nhsNumber("000 000 0000")]
        for query in queries { try fixture.expectSameAsEveryRecord(query) }
        let found = try FootprintUniverse.load(
            FootprintJob.Request(query: queries[0], storePath: fixture.storePath), logger: SampleWeeks.logger)
        #expect(!found.records.isEmpty)
    }

    /// A name is scored on every record's person alone, then the children found are read in full:
    /// the candidates and the footprint must be those a search of every full record gives. Names
    /// from the store's records: as recorded, with the date of birth, a day out, without it,
    /// written "Surname, Forename", with the age on 1 July 2019 (or a range around it, weighed
    /// against every record's date of birth), and a name no record holds.
    @Test("a name, with a date of birth, an age or neither, finds what a read of every record finds")
    func byName() throws {
        let fixture = try Fixture()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let named = fixture.every.filter { $0.person.forename != nil && $0.person.surname != nil }
        let day = try #require(CalendarDate(year: 2019, month: 7, day: 1))
        var queries: [FootprintQuery] = [try .name("Zzqx Qqzz", dob: nil)]
        for record in stride(from: 0, to: named.count, by: max(1, named.count / 6)).map({ named[$0] }) {
            let person = record.person
            let name = "\(person.forename!) \(person.surname!)"
            queries += [try .name(name, dob: nil), try .name("\(person.surname!), \(person.forename!)", dob: nil)]
            if let dob = person.dateOfBirth {
                let age = day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day) ? 1 : 0)
                queries += [
                    try .name(name, dob: dob), try .name(name, dob: dob.adding(days: 1)),
                    try .name(name, age: try #require(AgeRange(parsing: "\(age)")), on: day),
                    try .name(name, age: try #require(AgeRange(parsing: "\(max(0, age - 1))-\(age + 1)")), on: day),
                ]
            }
        }
        var outcomes: Set<String> = []
        for query in queries {
            try fixture.expectSameAsEveryRecord(query)
            switch FootprintJob.lookup(query, in: fixture.everyRecord, generatedAt: FootprintFixture.at) {
            case .found: outcomes.insert("found")
            case .ambiguous: outcomes.insert("ambiguous")
            case .notFound: outcomes.insert("not found")
            }
        }
        // The queries reach each kind of answer, so the comparison covers each.
        #expect(outcomes.contains("found") && outcomes.contains("not found"))
    }
}

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

@Suite("Footprint by ChildLink id from a store: the child's records only")
struct FootprintChildIDScopeTests {
    @Test(
        "each child's footprint, and a merged id's, read with only the child's records is the one a read of every record gives"
    )
    func childsRecordsOnly() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("childlink-footprint-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let storePath = folder.appendingPathComponent("childlink.sqlite").path
        let store = try ChildLinkStore(path: storePath)
        let first = try Pipeline.run(records: SampleWeeks.week1, store: store, logger: SampleWeeks.logger)
        let (older, newer) = (first.children[0], first.children[1])
        try store.decide(older.records[0], newer.records[0], .mustLink)
        let second = try Pipeline.run(records: SampleWeeks.week1, store: store, logger: SampleWeeks.logger)

        let every = try store.currentRecords()
        let latest = try #require(try store.latestModel())
        let stored = try #require(StoredModelCoding.decode(latest))
        let everyRecord = FootprintUniverse(
            records: every, evidence: .storedModel(stored.model, linkThreshold: stored.thresholds.link),
            children: try store.currentChildren(), mustLinks: FootprintUniverse.mustLinks(try store.decisions()),
            store: store)
        let ids = [newer.id] + second.children.filter { $0.records.count >= 2 }.prefix(5).map(\.id)
        for id in ids {
            let scoped = try FootprintUniverse.load(
                FootprintJob.Request(query: .childID(id), storePath: storePath), logger: SampleWeeks.logger)
            #expect(scoped.records.count < every.count / 10)
            let expected = FootprintJob.lookup(.childID(id), in: everyRecord, generatedAt: FootprintFixture.at)
            let found = FootprintJob.lookup(.childID(id), in: scoped, generatedAt: FootprintFixture.at)
            guard case .found(let footprint) = found, case .found(let wanted) = expected else {
                Issue.record("\(id): expected a footprint from both, got \(found) and \(expected)")
                continue
            }
            #expect(footprint == wanted)
            #expect(footprint.entries.count == scoped.records.count)
        }
    }
}

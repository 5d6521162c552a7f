import ChildLinkMatching
import ChildLinkModel
import ChildLinkReports
import ChildLinkStore
import Foundation
import Testing

@testable import ChildLinkCore

/// The fitted model saved with each run, and footprint explaining links from it without re-linking.
@Suite("The stored model")
struct StoredModelTests {
    static let outcome = FootprintFixture.outcome

    @Test("the stored model explains every scored pair exactly as the run that fitted it")
    func roundTripIsFaithful() throws {
        let link = Self.outcome.link
        let stored = try StoredModelCoding.encode(link, options: LinkOptions())
        let (model, thresholds) = try #require(StoredModelCoding.decode(stored))
        #expect(thresholds == StoredModelCoding.Thresholds(link: 0.98, review: 0.5))
        #expect(link.pairs.count > 100)
        var twins = 0
        for pair in link.pairs {
            let fresh = link.explain(pair.first, pair.second)
            let again = model.explain(link.records[pair.first], link.records[pair.second])
            #expect(again.contributions.map(\.bits) == fresh.contributions.map(\.bits))
            #expect(again.priorBits == fresh.priorBits && again.looksLikeTwins == fresh.looksLikeTwins)
            if fresh.looksLikeTwins { twins += 1 }
        }
        #expect(twins > 0, "the twin guard's name counts come back too")
    }

    @Test("a stored model of another format or with other comparison levels is refused, not misread")
    func refusesForeignModels() throws {
        let stored = try StoredModelCoding.encode(Self.outcome.link, options: LinkOptions())
        let otherFormat = StoredModelData(
            format: "childlink-model-0", parametersJSON: stored.parametersJSON,
            forenameFrequency: stored.forenameFrequency, surnameFrequency: stored.surnameFrequency)
        #expect(StoredModelCoding.decode(otherFormat) == nil)
        var parameters = Self.outcome.link.modelParameters
        parameters.levelCounts[0] += 1
        #expect(StoredMatchModel(parameters) == nil)
        let torn = StoredModelData(
            format: stored.format, parametersJSON: stored.parametersJSON,
            forenameFrequency: stored.forenameFrequency.dropLast(), surnameFrequency: stored.surnameFrequency)
        #expect(StoredModelCoding.decode(torn) == nil)
    }

    @Test("each run saves its model; footprint from the store uses it and shows the run's own waterfalls")
    func footprintUsesStoredModel() throws {
        let store = try ChildLinkStore.inMemory(user: "officer")
        let run = try Pipeline.run(records: SampleWeeks.week1, store: store, logger: SampleWeeks.logger)
        let saved = try #require(try store.latestModel())
        #expect(saved.runID == run.storeRun?.runID)
        let (model, thresholds) = try #require(StoredModelCoding.decode(saved))

        let universe = FootprintUniverse(
            records: try store.currentRecords(), evidence: .storedModel(model, linkThreshold: thresholds.link),
            children: try store.currentChildren(), mustLinks: [], store: store)
        let child = try #require(run.children.first { $0.records.count >= 3 })
        let result = FootprintJob.lookup(.childID(child.id), in: universe, generatedAt: FootprintFixture.at)
        guard case .found(let footprint) = result else {
            Issue.record("expected the child, got \(result)")
            return
        }
        #expect(footprint.entries.map(\.record).sorted() == child.records)
        for entry in footprint.entries {
            let link = try #require(entry.link)
            let (i, j) = (
                try #require(run.link.index(of: entry.record)), try #require(run.link.index(of: link.linkedTo))
            )
            let fresh = run.link.explain(i, j)
            #expect(abs(link.contributions.map(\.bits).reduce(link.priorBits, +) - fresh.weight) < 1e-9)
        }
    }

    /// Oliver Taylor, born 3 June 2011, written `Olivr` on a missing episode and `Ollie` on a CME
    /// referral, among 30 other boys called Oliver.
    static let olivr: [SourceRecord] = {
        let date = CalendarDate(year: 2019, month: 5, day: 2)!
        func boy(_ id: String, _ forename: String, _ surname: String, born: CalendarDate, cme: Bool) -> SourceRecord {
            SourceRecord(
                recordID: id,
                person: PersonFields(
                    forename: forename, surname: surname, dateOfBirth: born, gender: .male,
                    postcode: Postcode("S65 3QT")),
                event: cme
                    ? .cme(CMEReferral(referralDate: date))
                    : .missing(MissingEpisode(type: .missing, start: LocalDateTime(date: date)!)))
        }
        let born = CalendarDate(year: 2011, month: 6, day: 3)!
        let olivers = (0..<30).map { k in
            boy(
                "OL\(k)", "Oliver", "Brown\(k)", born: CalendarDate(year: 2009, month: 1 + k % 12, day: 1 + k)!,
                cme: true)
        }
        return [
            boy("T1", "Olivr", "Taylor", born: born, cme: false), boy("T2", "Ollie", "Taylor", born: born, cme: true),
        ]
            + olivers
    }()

    @Test("a slip of a form of the forename is explained from the store as the run read it")
    func slipOfAFormFromStoredModel() throws {
        // Olivr is Oliver (30 boys, more than ten times Olivr's one) mistyped, and Ollie is
        // Oliver's short form: the run compares the two as variants; the stored model, which has
        // only the two records and the run's name counts, must read them the same.
        let run = try Pipeline.run(records: SampleWeeks.week1 + Self.olivr, store: nil, logger: SampleWeeks.logger)
        let (first, second) = (
            try #require(run.link.index(of: Self.olivr[0].key)), try #require(run.link.index(of: Self.olivr[1].key))
        )
        let fresh = run.link.explain(first, second)
        #expect(fresh.contributions[Comparison.forename.rawValue].levelName == "variant or nickname")
        let stored = try StoredModelCoding.encode(run.link, options: LinkOptions())
        let (model, _) = try #require(StoredModelCoding.decode(stored))
        let again = model.explain(Self.olivr[0], Self.olivr[1])
        #expect(again.contributions.map(\.level) == fresh.contributions.map(\.level))
        #expect(again.contributions.map(\.bits) == fresh.contributions.map(\.bits))
    }

    @Test("two slips of one far commoner name are explained from the store as the run read them")
    func twoSlipsOfOneNameFromStoredModel() throws {
        // Oilver and Olivre are each Oliver (30 boys) with two letters swapped, and of no other
        // name: the run compares them as a close spelling; the stored model, from the run's name
        // counts, must read them the same.
        let twoSlips = Self.olivr.map { record in
            var slipped = record
            slipped.person.forename =
                record.key.recordID == "T1" ? "Oilver" : record.key.recordID == "T2" ? "Olivre" : record.person.forename
            return slipped
        }
        let run = try Pipeline.run(records: SampleWeeks.week1 + twoSlips, store: nil, logger: SampleWeeks.logger)
        let (first, second) = (
            try #require(run.link.index(of: twoSlips[0].key)), try #require(run.link.index(of: twoSlips[1].key))
        )
        let fresh = run.link.explain(first, second)
        #expect(fresh.contributions[Comparison.forename.rawValue].levelName == "close spelling")
        let stored = try StoredModelCoding.encode(run.link, options: LinkOptions())
        let (model, _) = try #require(StoredModelCoding.decode(stored))
        let again = model.explain(twoSlips[0], twoSlips[1])
        #expect(again.contributions.map(\.level) == fresh.contributions.map(\.level))
        #expect(again.contributions.map(\.bits) == fresh.contributions.map(\.bits))
    }

    /// Julia Smith, born 14 March 2013: a CME referral, and a missing episode that gives only `J`.
    static let julia: [SourceRecord] = [("J1", "Julia", "S65 3QT"), ("J2", "J", "S60 2AB")].map {
        id, forename, postcode in
        let date = CalendarDate(year: 2019, month: 5, day: 2)!
        let event: RecordEvent =
            id == "J1"
            ? .cme(CMEReferral(referralDate: date))
            : .missing(MissingEpisode(type: .missing, start: LocalDateTime(date: date)!))
        return SourceRecord(
            recordID: id,
            person: PersonFields(
                forename: forename, surname: "Smith", dateOfBirth: CalendarDate(year: 2013, month: 3, day: 14),
                gender: .female, postcode: Postcode(postcode)),
            event: event)
    }

    @Test("footprint from the store calls a link on a forename initial the matcher's, as the run did")
    func initialLinkFromStoredModel() throws {
        let store = try ChildLinkStore.inMemory(user: "officer")
        let run = try Pipeline.run(records: SampleWeeks.week1 + Self.julia, store: store, logger: SampleWeeks.logger)
        let (first, second) = (
            try #require(run.link.index(of: Self.julia[0].key)), try #require(run.link.index(of: Self.julia[1].key))
        )
        // Below the link threshold on its weights, linked by the initial rule.
        #expect(run.link.explain(first, second).probability < 0.98)
        #expect(run.link.explain(first, second).linkRule == .initial)
        #expect(run.link.childOfRecord[first] == run.link.childOfRecord[second])
        let saved = try #require(try store.latestModel())
        let (model, thresholds) = try #require(StoredModelCoding.decode(saved))
        let universe = FootprintUniverse(
            records: try store.currentRecords(), evidence: .storedModel(model, linkThreshold: thresholds.link),
            children: try store.currentChildren(), mustLinks: [], store: store)
        let child = try #require(run.children.first { $0.records.contains(Self.julia[0].key) })
        guard
            case .found(let footprint) = FootprintJob.lookup(
                .childID(child.id), in: universe, generatedAt: FootprintFixture.at)
        else {
            Issue.record("expected Julia's footprint")
            return
        }
        #expect(footprint.entries.count == 2)
        #expect(footprint.entries.allSatisfy { $0.link?.basis == .matcherLink })
    }
}

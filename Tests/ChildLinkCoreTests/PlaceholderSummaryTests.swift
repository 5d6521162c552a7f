import ChildLinkMatching
import ChildLinkModel
import ChildLinkStore
import Foundation
import Testing

@testable import ChildLinkCore

/// A UPN one system typed for every child whose own it did not know: the run's summary counts it
/// without showing it, and the model stored with the run reads it as none when it explains a pair.
@Suite("Placeholder identifiers: the summary and the stored model")
struct PlaceholderSummaryTests {
    /// UPN `A372400115901` with its check letter: not one the sample borough gives.
    private static let dummy = upn("372400115901")

    private static func upn(_ body: String) -> String { String(UPN.checkLetter(forBody: body)!) + body }

    /// Three children of other birth dates and surnames, and twins, Daisy and Lily Evans, all
    /// given the dummy in their CME referrals.
    private static let added = [
        ("PS1", "Daisy", "Evans", "09/10/2004"), ("PS2", "Lily", "Evans", "09/10/2004"),
        ("PS3", "Amir", "Khan", "23/11/2012"), ("PS4", "Ruby", "Shaw", "14/06/2010"),
    ].map { id, forename, surname, born in
        SourceRecord(
            recordID: id,
            person: PersonFields(
                upn: UPN(dummy), forename: forename, surname: surname, dateOfBirth: CalendarDate(parsing: born),
                gender: .female, postcode: Postcode("S66 9PT")),
            event: .cme(CMEReferral(referralDate: CalendarDate(parsing: "01/03/2019")!)))
    }

    static let result = Linker().link(SampleWeeks.week1 + added)

    @Test("The summary counts the placeholders and their records, and never shows the value")
    func summaryCounts() {
        let text = LinkJob.summaryText(Self.result, evaluation: nil)
        #expect(
            text.contains(
                "identifiers read as placeholders (each held by 3 or more children of other birth dates and surnames): 1, on 4 records"
            ))
        #expect(!text.contains(Self.dummy))
        // A run without one says nothing of placeholders.
        #expect(!LinkJob.summaryText(Linker().link(SampleWeeks.week1), evaluation: nil).contains("placeholder"))
    }

    @Test("The stored model keeps the UPN's 64-bit hash exactly and explains the twins without it")
    func storedModelRoundTrip() throws {
        let stored = try StoredModelCoding.encode(Self.result, options: LinkOptions())
        let (model, _) = try #require(StoredModelCoding.decode(stored))
        let explanation = model.explain(Self.added[0], Self.added[1])
        #expect(explanation.contributions.first { $0.comparison == .upn }?.level == 0)
        let fresh = Self.result.explain(
            try #require(Self.result.index(of: Self.added[0].key)),
            try #require(Self.result.index(of: Self.added[1].key)))
        #expect(explanation.contributions.map(\.bits) == fresh.contributions.map(\.bits))
    }
}

/// The store's identifier check and the review desk's accept check read a placeholder as the run
/// did: no conflict.
@Suite("Placeholder identifiers: store check and review")
struct PlaceholderStoreTests {
    /// NHS number 401 023 2137 (its check digit fits), the dummy.
    private static let dummy = "4010232137"

    private static func record(_ id: String, _ forename: String, _ surname: String, born: String, nhs: String)
        -> SourceRecord
    {
        SourceRecord(
            recordID: id,
            person: PersonFields(
                nhsNumber: NHSNumber(nhs), forename: forename, surname: surname,
                dateOfBirth: CalendarDate(parsing: born), gender: .female, postcode: Postcode("S61 4LB")),
            event: .cme(CMEReferral(referralDate: CalendarDate(parsing: "01/03/2019")!)))
    }

    /// Ruby Shaw twice at one address, once with her own number (4296304984) and once with the
    /// dummy, which two children of other birth dates and surnames hold as well.
    private static let added = [
        record("PN1", "Ruby", "Shaw", born: "14/06/2010", nhs: "4296304984"),
        record("PN2", "Ruby", "Shaw", born: "14/06/2010", nhs: dummy),
        record("PN3", "Amir", "Khan", born: "23/11/2012", nhs: dummy),
        record("PN4", "Daisy", "Evans", born: "09/10/2004", nhs: dummy),
    ]

    @Test("Ruby's child holds her number and the dummy: the store check reads the dummy as none")
    func storeCheck() throws {
        let store = try ChildLinkStore.inMemory(user: "officer")
        let run = try Pipeline.run(records: SampleWeeks.week1 + Self.added, store: store, logger: SampleWeeks.logger)
        let ruby = try #require(run.children.first { $0.records.contains(Self.added[0].key) })
        #expect(ruby.records.contains(Self.added[1].key))
        let saved = try #require(try store.latestModel())
        let (model, _) = try #require(StoredModelCoding.decode(saved))
        #expect(model.placeholders.nhsNumbers == [Self.dummy])
        #expect(try store.check(placeholders: model.placeholders.values).isHealthy)
        // Read as her second number, the dummy is a conflict: what the check would say without it.
        #expect(try store.check().violations.contains { $0.contains("2 different valid NHS numbers") })
    }

    @Test("An accept joining a child's own number and the dummy is no clash; another real number is")
    func reviewAccept() {
        func side(_ record: SourceRecord) -> ReviewCase.Side {
            ReviewCase.Side(subject: .record(record.key), childID: nil, shown: [record], child: [record])
        }
        let (own, withDummy) = (side(Self.added[0]), side(Self.added[1]))
        let placeholders: Set<String> = [Self.dummy]
        let read = ReviewCase(
            a: own, b: withDummy, reviewPair: nil, sameChild: false, explanation: nil, placeholders: placeholders)
        #expect(read.acceptConflicts.isEmpty)
        let unread = ReviewCase(a: own, b: withDummy, reviewPair: nil, sameChild: false, explanation: nil)
        #expect(unread.acceptConflicts.count == 1)
    }
}

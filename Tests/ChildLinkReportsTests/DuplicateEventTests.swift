import ChildLinkModel
import Testing

@testable import ChildLinkReports

/// One event keyed twice (often under a second person id) is counted once everywhere, and the copy
/// is named with both record ids.
@Suite("One event counted once")
struct DuplicateEventTests {
    /// The Missing scorecard fixture plus `E2X`, a copy of child 1's E2 (same start, Fri 5 Apr
    /// 22:00) keyed under another person id with no return recorded. Kept: E2, which has the return.
    /// So April stays as without the copy: 1.1 = 4 episodes, 1.3 = 1 child with 3+, and 4.8 = 1
    /// still missing at 30 April (E4 only; counting E2X would make it 2 of 5).
    static func missingCohort() -> Cohort {
        var c = TestCohort()
        c.records = MissingScorecardTests.fixture().records.map(\.record)
        c.assignment = Dictionary(
            uniqueKeysWithValues: MissingScorecardTests.fixture().records.map { ($0.record.key, $0.child) })
        var other = TestCohort.person(1)
        other.personID = "P-SECOND"
        c.episode(1, "E2X", start: "2019-04-05 22:00", end: nil, status: .lookedAfter, person: other)
        return c.cohort
    }

    @Test func copiesAreLeftOutOfTheScorecard() {
        let context = MissingContext(cohort: Self.missingCohort())
        let april = ReportingPeriod.month(year: 2019, month: 4).interval
        func value(_ id: String) -> IndicatorValue {
            MissingScorecard.groups.flatMap(\.indicators).first { $0.id == id }!.value(in: context, over: april)
        }
        #expect(value("1.1") == IndicatorValue(4))
        #expect(value("1.3") == IndicatorValue(1))
        #expect(value("4.8") == IndicatorValue(1, of: 4))
    }

    @Test func theFullerCopyIsKeptAndBothIdsAreNamed() throws {
        let cohort = Self.missingCohort()
        #expect(
            cohort.duplicates == [
                DuplicateEvent(
                    child: ChildLinkID(1), kept: RecordKey(dataset: .missing, recordID: "E2"),
                    copy: RecordKey(dataset: .missing, recordID: "E2X"), sameAs: "same start 05/04/2019 22:00")
            ])
        let section = try #require(DataQuality.duplicatesSection(cohort.duplicates, pseudonymiser: nil))
        #expect(
            section.tables[0].rows == [
                [.text("CL000001"), .text("Missing"), .text("E2"), .text("E2X"), .text("same start 05/04/2019 22:00")]
            ])
    }

    /// Child 2's still-missing episode E4 (Fri 26 Apr 18:00) keyed twice: one episode in the week
    /// for child 2, one trigger, and a data-quality section naming E4 and E4B.
    @Test func weeklyPackListsAChildOnceAndNamesTheCopy() throws {
        var cohort = WeeklyPackTests.fixture()
        cohort.episode(2, "E4B", start: "2019-04-26 18:00", end: nil, status: .childInNeed)
        let report = WeeklyPackBuilder(options: WeeklyPackTests.options).build(cohort: cohort.cohort)
        let triggers = try #require(report.tables.first { $0.id == "strategy-triggers" })
        #expect(triggers.rows.map { $0[0] } == [.text("CL000001"), .text("CL000002")])
        let summary = try #require(report.tables.first { $0.id == "summary" })
        #expect(summary.rows[0] == [.text("Episodes in the week"), .count(3)])
        let copies = try #require(report.tables.first { $0.id == "duplicate-events" })
        #expect(
            copies.rows.map { [$0[1], $0[2], $0[4], $0[5]] } == [
                [.text("Child2 Test"), .count(15), .text("E4"), .text("E4B")]
            ])
    }

    /// CME: two referrals of child 1 on 10 May 2019 are one; a third on 11 May is another.
    /// Exclusions: two suspensions from 3 June 2019 are one; a permanent exclusion the same day is not
    /// the same event. So 2 referrals and 2 exclusions are counted, and 2 copies named.
    @Test func cmeReferralsAndExclusionsAreCountedOnce() {
        var c = TestCohort()
        for (id, day) in [("R1", "2019-05-10"), ("R2", "2019-05-10"), ("R3", "2019-05-11")] {
            c.add(1, id, .cme(CMEReferral(referralDate: TestCohort.date(day))))
        }
        for (id, category) in [("X1", ExclusionCategory.suspension), ("X2", .suspension), ("X3", .permanent)] {
            c.add(1, id, .exclusion(ExclusionRecord(category: category, startDate: TestCohort.date("2019-06-03"))))
        }
        let cohort = c.cohort
        #expect(cohort.cmeReferrals.map(\.record.key.recordID) == ["R1", "R3"])
        #expect(cohort.exclusions.map(\.record.key.recordID) == ["X1", "X3"])
        #expect(cohort.duplicates.map(\.copy.recordID) == ["R2", "X2"])
    }
}

/// How the cohort puts records and children together, worked out by hand.
@Suite("The cohort: records, children, copies")
struct CohortAssemblyTests {
    /// Child 5 holds E1 and E3; E2 (Tue 2 Apr 09:00) is kept twice, once as E2C. Z9 and A7, in
    /// that order in the input, no child claims: each becomes a child of its own after the highest
    /// id, in key order — Missing:A7 is CL000006, Missing:Z9 CL000007. E2C is a copy of E2 (the
    /// same start, no return): left out of `records`, kept in the child's own records.
    @Test func unclaimedRecordsAndCopies() {
        var c = TestCohort()
        c.episode(5, "E3", start: "2019-04-10 20:00", end: "2019-04-11 08:00")
        c.episode(5, "E1", start: "2019-04-01 21:00", end: "2019-04-02 07:00")
        c.episode(5, "E2", start: "2019-04-02 09:00", end: "2019-04-02 18:00")
        c.episode(5, "E2C", start: "2019-04-02 09:00", end: nil)
        c.episode(6, "Z9", start: "2019-04-05 22:00", end: nil)
        c.episode(6, "A7", start: "2019-04-06 22:00", end: nil)
        c.assignment[RecordKey(dataset: .missing, recordID: "Z9")] = nil
        c.assignment[RecordKey(dataset: .missing, recordID: "A7")] = nil
        let cohort = c.cohort
        #expect(cohort.children == [ChildLinkID(5), ChildLinkID(6), ChildLinkID(7)])
        #expect(
            cohort.records.map { "\($0.child) \($0.record.key.recordID)" } == [
                "CL000005 E1", "CL000005 E2", "CL000005 E3", "CL000006 A7", "CL000007 Z9",
            ])
        #expect(cohort.records(of: ChildLinkID(5)).map(\.key.recordID) == ["E1", "E2", "E2C", "E3"])
        #expect(cohort.duplicates.map(\.copy.recordID) == ["E2C"])
        #expect(cohort.duplicates.map(\.kept.recordID) == ["E2"])
    }
}

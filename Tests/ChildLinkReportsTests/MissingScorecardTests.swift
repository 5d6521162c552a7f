import ChildLinkModel
import Testing

@testable import ChildLinkReports

@Suite("Missing scorecard indicators")
struct MissingScorecardTests {
    /// Seven episodes in April–May 2019, values known by construction.
    static func fixture() -> Cohort {
        var c = TestCohort()
        let boy = TestCohort.person(2, gender: .male, dob: "2009-06-01", ethnicity: "WROM")
        // Child 1 (female, 15, WBRI, LAC, CSE high): three April episodes.
        c.episode(
            1, "E1", start: "2019-04-01 10:00", end: "2019-04-01 18:00", status: .lookedAfter, cse: .high,
            distance: 12, offered: true, accepted: true, completed: "2019-04-03")
        c.episode(
            1, "E2", start: "2019-04-05 22:00", end: "2019-04-06 09:00", status: .lookedAfter, cse: .high,
            distance: 12, offered: true, accepted: true, completed: "2019-04-12")
        // Returned Thursday 18 April 2019; Good Friday and Easter Monday: completed Thu 25 is in time.
        c.episode(
            1, "E3", start: "2019-04-16 20:00", end: "2019-04-18 11:00", status: .lookedAfter, cse: .medium,
            distance: 150, offered: true, accepted: true, completed: "2019-04-25")
        // Child 2 (male, 9, Roma, not a client): one April episode spanning the month end.
        c.episode(
            2, "E4", start: "2019-04-29 23:00", end: "2019-05-02 06:00", status: .otherLocalAuthority,
            offered: true, accepted: false, person: boy)
        // Child 2 again in May: still missing at the end of May.
        c.episode(2, "E5", start: "2019-05-20 12:00", end: nil, status: .notAClient, offered: nil, person: boy)
        // Child 3: a same-day episode in May, RHI not offered; an 8-day one, RHI offered but not completed.
        c.episode(3, "E6", start: "2019-05-03 09:00", end: "2019-05-03 13:00", status: .childInNeed, offered: false)
        c.episode(
            3, "E7", start: "2019-05-10 09:00", end: "2019-05-18 13:00", status: .childInNeed, offered: true,
            accepted: true)
        return c.cohort
    }

    static let april = ReportingPeriod.month(year: 2019, month: 4).interval
    static let may = ReportingPeriod.month(year: 2019, month: 5).interval
    static let ytd = ReportingPeriod.month(year: 2019, month: 5).yearToDate

    static func value(_ id: String, _ interval: DayRange) -> IndicatorValue {
        let context = MissingContext(cohort: fixture())
        let indicator = MissingScorecard.groups.flatMap(\.indicators).first { $0.id == id }!
        return indicator.value(in: context, over: interval)
    }

    @Test(arguments: [
        ("1.1", 4, 3, 7), ("1.2", 2, 2, 3), ("1.3", 1, 0, 1),
        ("2.1", 3, 0, 3), ("2.2", 1, 0, 1), ("2.3", 1, 0, 1),
        ("3.1", 3, 0, 3), ("3.2", 1, 0, 1), ("3.3", 1, 0, 1),
    ])
    func episodesAndChildren(id: String, april: Int, may: Int, ytd: Int) {
        #expect(Self.value(id, Self.april).count == april)
        #expect(Self.value(id, Self.may).count == may)
        #expect(Self.value(id, Self.ytd).count == ytd)
    }

    @Test func daysMissingBucketsWithMonthEndAndStillMissing() {
        // April: E1 same day, E2 1 day, E3 2 days; E4 not back by 30 April → still missing.
        #expect(Self.value("4.1", Self.april) == IndicatorValue(1, of: 4))
        #expect(Self.value("4.2", Self.april) == IndicatorValue(1, of: 4))
        #expect(Self.value("4.3", Self.april) == IndicatorValue(1, of: 4))
        #expect(Self.value("4.8", Self.april) == IndicatorValue(1, of: 4))
        // May: E6 same day, E7 8 days (back 18 May); E5 not back by 31 May → still missing.
        #expect(Self.value("4.1", Self.may) == IndicatorValue(1, of: 3))
        #expect(Self.value("4.7", Self.may) == IndicatorValue(1, of: 3))
        // Year to date is the sum of the months (as in the seed): E4, still missing at the end of
        // April, is in no 4.1–4.7 bucket even though it was back on 2 May.
        #expect(Self.value("4.4", Self.ytd) == IndicatorValue(0, of: 7))
        #expect(Self.value("4.7", Self.ytd) == IndicatorValue(1, of: 7))
        #expect(Self.value("4.1", Self.ytd) == IndicatorValue(2, of: 7))
        #expect(Self.value("4.2", Self.ytd) == IndicatorValue(1, of: 7))
    }

    @Test func returnHomeInterviews() {
        // Offered: E1–E4, E7 (E5 not recorded, E6 No) → 5 of 6 recorded.
        #expect(Self.value("5.1", Self.ytd) == IndicatorValue(5, of: 6))
        #expect(Self.value("5.2", Self.ytd) == IndicatorValue(4, of: 5))
        // In time: E1 (2 days) and E3 (over Easter); late: E2 (6 days), E7 (never).
        #expect(Self.value("5.3a", Self.ytd) == IndicatorValue(2, of: 4))
        #expect(Self.value("5.3b", Self.ytd) == IndicatorValue(2, of: 4))
        // Within 72 hours: E1 (back Mon 1 Apr 18:00, done Wed 3 Apr, within Thu 4 Apr 18:00) only;
        // E3 (back Thu 18 Apr 11:00, due Sun 21 Apr) was done Thu 25: in time by working days, late by 72 h.
        #expect(Self.value("5.4", Self.ytd) == IndicatorValue(1, of: 4))
        #expect(Self.value("5.4", Self.april) == IndicatorValue(1, of: 3))
    }

    @Test func breakdowns() {
        #expect(Self.value("6.4", Self.ytd) == IndicatorValue(3, of: 7))
        #expect(Self.value("6.6", Self.ytd) == IndicatorValue(2, of: 7))
        #expect(Self.value("6.7", Self.ytd) == IndicatorValue(1, of: 7))
        #expect(Self.value("7.1", Self.ytd) == IndicatorValue(5, of: 7))
        #expect(Self.value("7.2", Self.ytd) == IndicatorValue(2, of: 7))
        #expect(Self.value("8.1", Self.ytd) == IndicatorValue(5, of: 7))
        #expect(Self.value("8.5", Self.ytd) == IndicatorValue(2, of: 7))
        #expect(Self.value("8.16", Self.ytd) == IndicatorValue(2, of: 7))  // Total BME: the two WROM episodes
        #expect(Self.value("9.1", Self.ytd) == IndicatorValue(2, of: 7))
        #expect(Self.value("9.7", Self.ytd) == IndicatorValue(5, of: 7))
        #expect(Self.value("10.2", Self.ytd) == IndicatorValue(2, of: 3))
        #expect(Self.value("10.11", Self.ytd) == IndicatorValue(1, of: 3))
    }

    @Test func scorecardHasMonthColumnsAndYearToDate() throws {
        let report = MissingScorecard.build(
            cohort: Self.fixture(), period: .month(year: 2019, month: 5),
            generatedAt: LocalDateTime(parsing: "2019-06-05 09:00")!)
        let episodes = try #require(report.tables.first { $0.id == "missing-trend-episodes" })
        // The rolling year June 2018 – May 2019; the data begins in April 2019, so the months
        // before it are left out of the line.
        #expect(episodes.columns.dropFirst().first == "Jun-18")
        #expect(
            episodes.rows.map { Array($0.suffix(2)) } == [[.count(4), .count(3)], [.count(3), .count(0)]])
        #expect(episodes.rows.allSatisfy { $0.dropFirst().prefix(10).allSatisfy { $0 == .empty } })
        let interviews = try #require(report.tables.first { $0.id == "missing-trend-rhi" })
        #expect(interviews.rows.map { $0[11] } == [.count(4), .count(3), .count(2), .count(1)])
        let days = try #require(report.tables.first { $0.id == "missing-4" })
        #expect(days.columns == ["Ref", "Indicator", "Apr-19", "May-19", "YTD", "YTD 2018/19"])
        #expect(days.rows[0][5] == .text("no data"))  // April–May 2018 is before the data.
        let stillMissing = try #require(days.rows.first { $0[0] == .text("4.8") })
        #expect(stillMissing[2] == .countWithPercent(1, denominator: 4))
        #expect(stillMissing[3] == .countWithPercent(1, denominator: 3))
        #expect(stillMissing[4] == .empty)  // 4.8 has no year to date.
        // Every 4.1–4.7 row's year to date is the sum of its months.
        for row in days.rows where row[0] != .text("4.8") {
            #expect((row[2].countValue ?? -1) + (row[3].countValue ?? -1) == row[4].countValue)
        }
    }

    /// The fixture plus two absent episodes: child 4 in April and child 1 (already missing three
    /// times in April) in May. Missing counts stay as above (April 1.1 = 4, 1.2 = 2, 1.3 = 1);
    /// A.1 is 1 in April, 1 in May, 2 to date; A.2 is 1, 1 and 2 (children 4 and 1).
    static func withAbsences() -> MissingContext {
        var c = TestCohort()
        c.records = fixture().records.map(\.record)
        c.assignment = Dictionary(uniqueKeysWithValues: fixture().records.map { ($0.record.key, $0.child) })
        c.episode(4, "A1", start: "2019-04-10 10:00", end: "2019-04-10 16:00", type: .absent)
        c.episode(1, "A2", start: "2019-05-02 10:00", end: "2019-05-04 16:00", status: .lookedAfter, type: .absent)
        return MissingContext(cohort: c.cohort)
    }

    @Test(arguments: [
        ("1.1", 4, 3, 7), ("1.2", 2, 2, 3), ("1.3", 1, 0, 1), ("2.1", 3, 0, 3), ("2.2", 1, 0, 1),
        ("4.3", 1, 0, 1), ("A.1", 1, 1, 2), ("A.2", 1, 1, 2),
    ])
    func absentEpisodesAreCountedOnlyInTheirOwnRows(id: String, april: Int, may: Int, ytd: Int) {
        let context = Self.withAbsences()
        let indicator = MissingScorecard.groups.flatMap(\.indicators).first { $0.id == id }!
        #expect(indicator.value(in: context, over: Self.april).count == april)
        #expect(indicator.value(in: context, over: Self.may).count == may)
        #expect(indicator.value(in: context, over: Self.ytd).count == ytd)
    }

    /// The seed's numbering: 8.1 A1 … 8.15 E4, 8.16 Total BME, then the codes the seed does not list.
    @Test func ethnicityRowsFollowTheSeedNumbering() throws {
        let report = MissingScorecard.build(
            cohort: Self.fixture(), period: .month(year: 2019, month: 5),
            generatedAt: LocalDateTime(parsing: "2019-06-05 09:00")!)
        let table = try #require(report.tables.first { $0.id == "missing-8" })
        let refs = table.rows.map { $0[0].plainText + " " + $0[1].plainText.prefix(2) }
        #expect(
            refs == [
                "8.1 A1", "8.2 A2", "8.3 A3", "8.4 A4", "8.5 A5", "8.6 B1", "8.7 B2", "8.8 B3", "8.9 B4", "8.10 C2",
                "8.11 C4", "8.12 D2", "8.13 D3", "8.14 E2", "8.15 E4", "8.16 To", "8.17 C1", "8.18 C3", "8.19 D1",
                "8.20 E1", "8.21 E3",
            ])
    }

    @Test func monthProfileHeadline() {
        let text = MissingScorecard.profile(
            context: MissingContext(cohort: Self.fixture()), period: .month(year: 2019, month: 5))
        #expect(
            text == "In May-19: 3 episodes (0 LAC, 0 at CSE risk) involving 2 children (0 LAC, 0 at CSE risk). "
                + "50% offered a Return Home Interview; 100% of those offered accepted.")
    }
}

import ChildLinkModel
import Testing

@testable import ChildLinkReports

@Suite("CME scorecard indicators")
struct CMEScorecardTests {
    static func referral(
        _ opened: String, family: String? = nil, previous: Int? = nil, locality: String? = nil,
        phase: SchoolPhase? = nil, year: String? = nil, fsm: Bool? = nil, closed: String? = nil, outcome: String? = nil
    ) -> RecordEvent {
        .cme(
            CMEReferral(
                referralDate: TestCohort.date(opened), familyID: family, previousEpisodes: previous, locality: locality,
                phase: phase, yearGroup: year, fsmEligible: fsm, closedDate: closed.map(TestCohort.date),
                closureOutcome: outcome))
    }

    /// Four children; child 1's case closes in May and is reopened in August.
    static func fixture() -> Cohort {
        var c = TestCohort()
        c.add(
            1, "R1",
            referral(
                "2019-04-10", family: "A", locality: "Central - Clifton", phase: .primary, year: "3",
                fsm: true, closed: "2019-05-20", outcome: "FOUND - IN SCHOOL IN OTHER LA"),
            person: TestCohort.person(1, gender: .female, ethnicity: "WROM"))
        c.add(
            1, "R2", referral("2019-08-01", family: "A", locality: "Central - Clifton", phase: .primary, year: "Y3"),
            person: TestCohort.person(1, gender: .female, ethnicity: "WROM"))
        c.add(
            2, "R3", referral("2019-04-10", family: "A", locality: "Central - Clifton", phase: .secondary, year: "8"),
            person: TestCohort.person(2, gender: .male, ethnicity: "WROM"))
        c.add(
            3, "R4", referral("2018-01-15", previous: 2, locality: "North - Wath/Swinton"),
            person: TestCohort.person(3, gender: .male))
        c.add(
            4, "R5",
            referral(
                "2019-07-05", family: "B", locality: "South", phase: .primary, closed: "2019-09-10",
                outcome: "ENQUIRIES EXHAUSTED"), person: TestCohort.person(4, gender: .female))
        return c.cohort
    }

    static let q1 = ReportingPeriod.quarter(startYear: 2019, quarter: 1).interval
    static let q2 = ReportingPeriod.quarter(startYear: 2019, quarter: 2).interval
    static let ytd = ReportingPeriod.quarter(startYear: 2019, quarter: 2).yearToDate

    static func value(_ id: String, _ interval: DayRange) -> IndicatorValue {
        let context = CMEContext(cohort: fixture())
        let indicator = CMEScorecard.groups(context).flatMap(\.indicators).first { $0.id == id }!
        return indicator.value(in: context, over: interval)
    }

    @Test func newReferralsChildrenFamiliesAndReopenedCase() {
        #expect(Self.value("1a", Self.q1) == IndicatorValue(2))
        #expect(Self.value("1a(ii)", Self.q1) == IndicatorValue(1))
        #expect(Self.value("1b", Self.q1) == IndicatorValue(0, of: 2))
        #expect(Self.value("1a", Self.q2) == IndicatorValue(2))
        #expect(Self.value("1a(ii)", Self.q2) == IndicatorValue(2))
        #expect(Self.value("1b", Self.q2) == IndicatorValue(1, of: 2))  // child 1's reopened case
        #expect(Self.value("1a", Self.ytd) == IndicatorValue(3))
        #expect(Self.value("13", Self.q1) == IndicatorValue(1, of: 2))
    }

    @Test func activeResolvedAndDuration() {
        #expect(Self.value("6", Self.q1) == IndicatorValue(2))
        #expect(Self.value("6", Self.q2) == IndicatorValue(3))
        #expect(Self.value("7", Self.q1) == IndicatorValue(1))
        #expect(Self.value("7", Self.q2) == IndicatorValue(1))
        #expect(Self.value("7.1", Self.q2) == IndicatorValue(1, of: 1))  // ENQUIRIES EXHAUSTED sorts first
        #expect(Self.value("12.1", Self.q1) == IndicatorValue(1, of: 2))
        #expect(Self.value("12.3", Self.q1) == IndicatorValue(1, of: 2))  // 17 months
        #expect(Self.value("12.1", Self.q2) == IndicatorValue(2, of: 3))
        #expect(Self.value("12.4", Self.q2) == IndicatorValue(1, of: 3))  // 20 months
    }

    @Test func breakdownsOfCurrentCases() {
        #expect(Self.value("9.1", Self.q2) == IndicatorValue(2, of: 3))  // male
        #expect(Self.value("10.1", Self.q2) == IndicatorValue(2, of: 3))  // Central - Clifton
        #expect(Self.value("15.1", Self.q2) == IndicatorValue(1, of: 2))  // child 3 alone
        #expect(Self.value("15.2", Self.q2) == IndicatorValue(1, of: 2))  // family A
        #expect(Self.value("15.6", Self.q2) == IndicatorValue(2))
    }

    @Test func yearToDateLeavesPointInTimeIndicatorsBlank() throws {
        let report = CMEScorecard.build(
            cohort: Self.fixture(), period: .quarter(startYear: 2019, quarter: 2),
            generatedAt: LocalDateTime(parsing: "2019-10-05 09:00")!)
        let active = try #require(report.tables.first { $0.id == "cme-6" })
        #expect(active.columns == ["Ref", "Indicator", "Q1 2019/20", "Q2 2019/20", "YTD", "DOT"])
        #expect(active.rows[0].suffix(4) == [.count(2), .count(3), .empty, .text("↑")])
        let ethnicity = try #require(report.tables.first { $0.id == "cme-5" })
        #expect(ethnicity.rows.map { $0[1] } == [.text("White British"), .text("Gypsy/Roma")])  // DfE order
        let years = try #require(report.tables.first { $0.id == "cme-14" })
        #expect(years.rows.map { $0[1] } == [.text("Year 3"), .text("Year 8"), .text("Not recorded")])
    }
}

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
        // FSM among the current children at 30 June (children 2 and 3; child 1's FSM case closed in May).
        #expect(Self.value("13", Self.q1) == IndicatorValue(0, of: 2))
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
        #expect(
            active.columns == ["Ref", "Indicator", "Q1 2019/20", "Q2 2019/20", "YTD", "2017/18", "2018/19", "DOT"])
        // The two years before: the data begins 15/01/2018 (child 3), after April 2017, so 2017/18
        // has no data; child 3's case is still open on 31/03/2019, so 2018/19 ends with 1 active.
        #expect(active.rows[0].suffix(6) == [.count(2), .count(3), .empty, .text("no data"), .count(1), .text("↑")])
        let ethnicity = try #require(report.tables.first { $0.id == "cme-5" })
        #expect(ethnicity.rows.map { $0[1] } == [.text("White British"), .text("Gypsy/Roma")])  // DfE order
        // Every child has a date of birth, so the recorded year groups are not used; school order.
        let years = try #require(report.tables.first { $0.id == "cme-14" })
        #expect(
            years.rows.map { $0[1] }.prefix(13) == [
                .text("Reception"), .text("Year 1"), .text("Year 2"), .text("Year 3"), .text("Year 4"), .text("Year 5"),
                .text("Year 6"), .text("Year 7"), .text("Year 8"), .text("Year 9"), .text("Year 10"), .text("Year 11"),
                .text("Below reception"),
            ])
    }

    /// Children A (born 31 Aug 2012, recorded "1", FSM, open to social care; two open referrals,
    /// 2 Apr and 1 May 2019), B (born 1 Sep 2013, no FSM, open), C (FSM, 5 May, closed 1 Jun) and
    /// D (no date of birth, recorded "10", open since 2018).
    /// - 13 at 30 Jun 2019: current children A, B, D; FSM: A → 1 of 3 (by new referral records it
    ///   would have been A, A, C = 3 of 4).
    /// - 14 at 30 Jun 2019 (academic year from Sep 2018): A is Year 2 (2018 − 2011 − 5), B Reception
    ///   (2018 − 2013 − 5), D Year 10 as recorded. At 30 Sep 2019: A Year 3, B Year 1.
    /// - 17.1 in Q1: children newly referred A, B, C; open to social care: A → 1 of 3 (records: 2 of 4).
    static func childrenCohort() -> Cohort {
        var c = TestCohort()
        let a = TestCohort.person(1, dob: "2012-08-31")
        for (id, day) in [("A1", "2019-04-02"), ("A2", "2019-05-01")] {
            c.add(
                1, id,
                .cme(
                    CMEReferral(
                        referralDate: TestCohort.date(day), yearGroup: "1", fsmEligible: true, openToSocialCare: true)),
                person: a)
        }
        c.add(
            2, "B1", .cme(CMEReferral(referralDate: TestCohort.date("2019-04-03"), fsmEligible: false)),
            person: TestCohort.person(2, dob: "2013-09-01"))
        c.add(
            3, "C1",
            .cme(
                CMEReferral(
                    referralDate: TestCohort.date("2019-05-05"), fsmEligible: true, openToSocialCare: false,
                    closedDate: TestCohort.date("2019-06-01"))), person: TestCohort.person(3, dob: "2010-01-01"))
        var noDOB = TestCohort.person(4)
        noDOB.dateOfBirth = nil
        c.add(4, "D1", .cme(CMEReferral(referralDate: TestCohort.date("2018-11-01"), yearGroup: "10")), person: noDOB)
        return c.cohort
    }

    static func childrenValue(_ id: String, _ interval: DayRange) -> IndicatorValue {
        let context = CMEContext(cohort: childrenCohort())
        return CMEScorecard.groups(context).flatMap(\.indicators).first { $0.id == id }!.value(
            in: context, over: interval)
    }

    /// Child 1 is referred twice in Q1 2019/20: on 10 April (Central - Clifton, primary; closed 1 May)
    /// and on 3 June (North - Wath/Swinton, secondary); child 2 once, on 1 May (Central - Clifton,
    /// primary). 1a = 2 children. Each child is counted once in each breakdown, by their latest new
    /// referral in the period (child 1's of 3 June), so the rows add up to 1a as in the seed's scorecard:
    /// Clifton 1 (child 2), Wath/Swinton 1 (child 1); primary 1, secondary 1 — not Clifton 2 and
    /// primary 2 (3 of 2 children).
    @Test func aChildReferredTwiceInThePeriodIsCountedOnceInEachBreakdown() {
        var c = TestCohort()
        let person = { (child: Int) in TestCohort.person(child, gender: .female, ethnicity: "WBRI") }
        c.add(
            1, "R1",
            Self.referral(
                "2019-04-10", locality: "Central - Clifton", phase: .primary, closed: "2019-05-01", outcome: "X"),
            person: person(1))
        c.add(
            1, "R2", Self.referral("2019-06-03", locality: "North - Wath/Swinton", phase: .secondary), person: person(1)
        )
        c.add(2, "R3", Self.referral("2019-05-01", locality: "Central - Clifton", phase: .primary), person: person(2))
        let context = CMEContext(cohort: c.cohort)
        let groups = CMEScorecard.groups(context)
        let value = { (group: String, title: String) -> IndicatorValue? in
            groups.first { $0.id == group }?.indicators.first { $0.title == title }?.value(in: context, over: Self.q1)
        }
        #expect(value("1", "New referrals: number of children") == IndicatorValue(2))
        #expect(value("3", "Central - Clifton") == IndicatorValue(1, of: 2))
        #expect(value("3", "North - Wath/Swinton") == IndicatorValue(1, of: 2))
        #expect(value("4", "Primary") == IndicatorValue(1, of: 2))
        #expect(value("4", "Secondary") == IndicatorValue(1, of: 2))
        #expect(value("2", "Female") == IndicatorValue(2, of: 2))
    }

    @Test func freeSchoolMealsAndSocialCareCountChildren() {
        #expect(Self.childrenValue("13", Self.q1) == IndicatorValue(1, of: 3))
        #expect(Self.childrenValue("17.1", Self.q1) == IndicatorValue(1, of: 3))
    }

    @Test(arguments: [
        ("14.1", 1, 0), ("14.2", 0, 1), ("14.3", 1, 0), ("14.4", 0, 1), ("14.11", 1, 1),
    ])
    func yearGroupsAtThePeriodEnd(id: String, q1: Int, q2: Int) {
        #expect(Self.childrenValue(id, Self.q1) == IndicatorValue(q1, of: 3))
        #expect(Self.childrenValue(id, Self.q2) == IndicatorValue(q2, of: 3))
    }
}

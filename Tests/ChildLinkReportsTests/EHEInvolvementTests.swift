import ChildLinkModel
import Testing

@testable import ChildLinkReports

/// The EHE officer's involvements (seed 001, item 9: "EHE Officer 'Involvement'. Supported, but
/// child has not become EHE" and "Pending 'Involvements' to be resolved"), from the optional fields
/// OfficerInvolvement and InvolvementPending, and the rolling twelve-month chart of current EHE.
@Suite("EHE officer involvements and the current EHE trend")
struct EHEInvolvementTests {
    static let generatedAt = TestCohort.time("2019-09-02 09:00")

    static func record(
        _ c: inout TestCohort, _ child: Int, _ id: String, start: String, end: String? = nil,
        involvement: Bool = false, pending: Bool = false
    ) {
        let record = EHERecord(
            startDate: TestCohort.date(start), endDate: end.map(TestCohort.date), officerInvolvement: involvement,
            involvementPending: pending)
        c.add(child, id, .ehe(record), person: TestCohort.person(child, dob: "2010-01-15"))
    }

    /// Hand-worked, academic year 2018/19 (1 Sep 2018 – 31 Aug 2019):
    /// - child 1: EHE from 1 Oct 2018, open → in EHE (1.1, 1.7).
    /// - child 2: involvement 5 Nov – 10 Dec 2018 → 3.1.
    /// - child 3: involvement from 1 Mar 2019, open, not pending → 3.1.
    /// - child 4: pending involvement from 1 Jul 2019, open at 31 Aug → 3.2.
    /// - child 5: involvement 1–20 Oct 2018, then EHE from 1 Nov 2018 → in EHE only (1.1, 1.7).
    /// - child 6: involvement 10 Jan – 1 Feb 2017 → 3.1 in 2016/17 only.
    /// - child 7: involvement 15–30 Sep 2018, then a pending one from 1 Aug 2019 → 3.2 only.
    /// So 2018/19: 1.1 = 2, 1.7 = 2, 3.1 = 2 (children 2, 3), 3.2 = 2 (children 4, 7); the seed's
    /// "total known to the EHE team" 1.7 + 3.1 + 3.2 = 6 = children 1–5 and 7. 2017/18: all 0;
    /// 2016/17: 3.1 = 1 (child 6), 3.2 = 0.
    static func fixture() -> Cohort {
        var c = TestCohort()
        record(&c, 1, "H1", start: "2018-10-01")
        record(&c, 2, "H2", start: "2018-11-05", end: "2018-12-10", involvement: true)
        record(&c, 3, "H3", start: "2019-03-01", involvement: true)
        record(&c, 4, "H4", start: "2019-07-01", involvement: true, pending: true)
        record(&c, 5, "H5a", start: "2018-10-01", end: "2018-10-20", involvement: true)
        record(&c, 5, "H5b", start: "2018-11-01")
        record(&c, 6, "H6", start: "2017-01-10", end: "2017-02-01", involvement: true)
        record(&c, 7, "H7a", start: "2018-09-15", end: "2018-09-30", involvement: true)
        record(&c, 7, "H7b", start: "2019-08-01", pending: true)
        return c.cohort
    }

    static func row(_ report: Report, _ id: String) throws -> [ReportCell] {
        try #require(report.tables.flatMap(\.rows).first { $0.first == .text(id) })
    }

    @Test func involvementsAndPendingCountedApartFromEHE() throws {
        let report = EHEScorecard.build(
            cohort: Self.fixture(), period: .year(startYear: 2018), generatedAt: Self.generatedAt)
        let years = 2..<7  // 2014/15 … 2018/19
        #expect(Array(try Self.row(report, "1.1")[years]) == [0, 0, 0, 0, 2].map(ReportCell.count))
        #expect(Array(try Self.row(report, "1.7")[years]) == [0, 0, 0, 0, 2].map(ReportCell.count))
        #expect(Array(try Self.row(report, "3.1")[years]) == [0, 0, 1, 0, 2].map(ReportCell.count))
        #expect(Array(try Self.row(report, "3.2")[years]) == [0, 0, 0, 0, 2].map(ReportCell.count))
    }

    /// The earlier EHE fixture's records carry neither field (as every extract before this one):
    /// both rows read "not recorded" in every year, never 0.
    @Test func withoutTheFieldsTheRowsSayNotRecorded() throws {
        let report = EHEScorecard.build(
            cohort: EducationScorecardTests.eheFixture(), period: .year(startYear: 2018), generatedAt: Self.generatedAt)
        for id in ["3.1", "3.2"] {
            let row = try Self.row(report, id)
            #expect(row.count == 7)
            #expect(row.dropFirst(2).allSatisfy { $0 == .text("not recorded") })
        }
        #expect(try Self.row(report, "1.1")[6] == .count(2))
    }

    /// An extract with OfficerInvolvement but not InvolvementPending: 3.1 is counted (child 2's
    /// involvement in 2018/19 → 1), 3.2 is not recorded.
    @Test func eachFieldStandsAlone() throws {
        var c = TestCohort()
        c.add(
            2, "H2", .ehe(EHERecord(startDate: TestCohort.date("2018-11-05"), officerInvolvement: true)),
            person: TestCohort.person(2, dob: "2010-01-15"))
        c.add(
            1, "H1", .ehe(EHERecord(startDate: TestCohort.date("2018-10-01"), officerInvolvement: false)),
            person: TestCohort.person(1, dob: "2010-01-15"))
        let report = EHEScorecard.build(cohort: c.cohort, period: .year(startYear: 2018), generatedAt: Self.generatedAt)
        #expect(try Self.row(report, "3.1")[6] == .count(1))
        #expect(try Self.row(report, "3.2")[6] == .text("not recorded"))
        #expect(try Self.row(report, "1.1")[6] == .count(1))
    }

    /// An involvement is not a spell of home education: child 3 (an involvement only) is in no
    /// strand of the Inclusion Scorecard; children 1 and 5 are in the EHE strand.
    @Test func involvementIsNotTheEHEStrand() {
        let members = StrandMembership.members(
            of: Self.fixture(), in: ReportingPeriod.academicYear(startYear: 2018))
        #expect(members.map(\.child) == [ChildLinkID(1), ChildLinkID(5)])
        #expect(members.allSatisfy { $0.strands == [.ehe] })
    }

    /// Current EHE at each month end, September 2018 – August 2019: before 1 October 2018 (the
    /// first spell) no data, so empty; child 1 from October, child 5 from November → 1, then 2.
    /// The involvements (children 3, 4, 7 open at times) are never counted. August's count is the
    /// 2018/19 column's (same day), so it is hidden wherever that cell is.
    @Test func currentEHETrendOverTwelveMonths() throws {
        let report = EHEScorecard.build(
            cohort: Self.fixture(), period: .year(startYear: 2018), generatedAt: Self.generatedAt)
        let trend = try #require(report.tables.first { $0.id == "ehe-trend" })
        #expect(trend.chart == .trend)
        #expect(trend.columns.count == 13)
        #expect(trend.rows[0].dropFirst() == [.empty, .count(1)] + Array(repeating: .count(2), count: 10))
        #expect(
            trend.derivedCells == [
                DerivedCell(
                    position: CellPosition(row: 0, column: 12), sources: [CellPosition(row: 0, column: 6)],
                    sourceTable: "ehe-1")
            ])
    }

    /// Under suppression every count of 1 to 4 is hidden in the chart as in the tables, and the
    /// chart's last month, the same figure as 2018/19's 1.1 (2), is hidden with it.
    @Test func trendUnderSuppression() throws {
        let report = SmallNumberSuppression.apply(
            to: EHEScorecard.build(
                cohort: Self.fixture(), period: .year(startYear: 2018), generatedAt: Self.generatedAt))
        let trend = try #require(report.tables.first { $0.id == "ehe-trend" })
        #expect(trend.rows[0].dropFirst(2).allSatisfy { $0 == .suppressed })
        #expect(try Self.row(report, "1.1")[6] == .suppressed)
    }
}

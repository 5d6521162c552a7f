import ChildLinkModel
import Testing

@testable import ChildLinkReports

@Suite("EHE and exclusions summaries")
struct EducationScorecardTests {
    static func ehe(
        _ c: inout TestCohort, _ child: Int, _ gender: Gender, dob: String, start: String, end: String? = nil,
        reason: String? = nil
    ) {
        c.add(
            child, "H\(child)",
            .ehe(EHERecord(startDate: TestCohort.date(start), endDate: end.map(TestCohort.date), endReason: reason)),
            person: TestCohort.person(child, gender: gender, dob: dob))
    }

    static func eheFixture() -> Cohort {
        var c = TestCohort()
        ehe(&c, 1, .female, dob: "2010-01-15", start: "2018-10-01")
        ehe(&c, 2, .male, dob: "2004-10-01", start: "2017-05-01", end: "2019-03-01", reason: "Returned to school")
        ehe(
            &c, 3, .male, dob: "2003-05-01", start: "2018-09-10", end: "2019-06-20",
            reason: "Reached end of compulsory school age")
        ehe(&c, 4, .female, dob: "2006-01-01", start: "2019-01-10", end: "2019-02-01", reason: "Referred to CME")
        ehe(&c, 5, .male, dob: "2008-02-02", start: "2016-01-01")
        // Child 4 left EHE for CME: the linked CME referral opened the same day.
        c.add(4, "R4", .cme(CMEReferral(referralDate: TestCohort.date("2019-02-01"))))
        return c.cohort
    }

    @Test func nationalCurriculumYearFromDateOfBirth() {
        #expect(
            SchoolYear.nationalCurriculumYear(
                dateOfBirth: TestCohort.date("2010-01-15"), on: TestCohort.date("2019-08-31")) == 4)
        #expect(
            SchoolYear.nationalCurriculumYear(
                dateOfBirth: TestCohort.date("2009-09-01"), on: TestCohort.date("2019-09-01")) == 5)
        #expect(
            SchoolYear.nationalCurriculumYear(
                dateOfBirth: TestCohort.date("2009-08-31"), on: TestCohort.date("2019-09-01")) == 6)
    }

    @Test(arguments: [
        ("1.1", 2), ("1.2", 3), ("1.3", 1), ("1.4", 1), ("1.5", 0), ("1.6", 1), ("1.7", 5), ("1.8", 1),
        ("2.1", 1), ("2.2", 0), ("2.3", 1), ("2.4", 0), ("2.5", 2), ("2.6", 0), ("2.7", 0), ("2.8", 1),
    ])
    func academicYear2018(id: String, expected: Int) {
        let context = EHEContext(cohort: Self.eheFixture())
        let indicator = EHEScorecard.groups.flatMap(\.indicators).first { $0.id == id }!
        #expect(indicator.value(in: context, over: ReportingPeriod.academicYear(startYear: 2018)).count == expected)
    }

    @Test func eheColumnsAreAcademicYears() throws {
        let report = EHEScorecard.build(
            cohort: Self.eheFixture(), period: .year(startYear: 2018), generatedAt: TestCohort.time("2019-09-02 09:00"))
        #expect(report.slug == "ehe-summary-2018-19")
        let table = try #require(report.tables.first)
        #expect(table.columns == ["Ref", "Indicator", "2014/15", "2015/16", "2016/17", "2017/18", "2018/19"])
        #expect(table.rows[0].suffix(2) == [.count(2), .count(2)])  // 2017/18: children 2 and 5
        // Rows in number order (1.7 before 1.8), as the seed's EHE report.
        #expect(
            table.rows.map(\.[0]) == ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8"].map(ReportCell.text))
    }

    @Test func exclusionsByPhaseAndLinkedToOtherStrands() throws {
        var c = TestCohort()
        c.add(
            1, "X1",
            .exclusion(
                ExclusionRecord(phase: .secondary, category: .suspension, startDate: TestCohort.date("2019-04-10"))))
        c.add(
            1, "X2",
            .exclusion(
                ExclusionRecord(phase: .secondary, category: .suspension, startDate: TestCohort.date("2019-05-10"))))
        c.add(
            2, "X3",
            .exclusion(ExclusionRecord(phase: .primary, category: .permanent, startDate: TestCohort.date("2019-06-01")))
        )
        c.episode(1, "E1", start: "2019-05-20 10:00", end: "2019-05-20 18:00")
        let report = ExclusionsScorecard.build(
            cohort: c.cohort, period: .quarter(startYear: 2019, quarter: 1),
            generatedAt: TestCohort.time("2019-07-01 09:00"), basis: .financial)
        func row(_ id: String) -> [ReportCell] { report.tables.flatMap(\.rows).first { $0[0] == .text(id) }! }
        #expect(row("1.1")[2] == .count(2))
        #expect(row("1.2")[2] == .count(1))
        #expect(row("1.4")[2] == .countWithPercent(2, denominator: 2))
        #expect(row("2.1")[2] == .count(1))
        #expect(row("2.3")[2] == .countWithPercent(1, denominator: 1))
        #expect(row("3.1")[2] == .countWithPercent(1, denominator: 2))
    }

    /// By academic year (the default). Exclusions: X1 suspension 20 Nov 2018 (reason PP, 3 sessions);
    /// X2 suspension 10 Apr 2019 (DB, 2.5 sessions) — before Easter Sunday 21 April, so spring;
    /// X3 suspension 23 Apr 2019 (PP, no sessions) — summer; X4 permanent 3 Jun 2019 (PP);
    /// X5 suspension 15 Oct 2017 (prior year 2017/18). `--period 2018/19`:
    /// 1.1 suspensions: autumn 1, spring 1, summer 1, YTD 3, 2017/18 1, 2016/17 0; 2.1 permanent: summer 1.
    /// 4.x main reason over the year: DB 1, PP 3 of 4. 5.1: 2 of 3 with sessions; 5.2: 3 + 2.5 = 5.5 → 6.
    @Test func exclusionsByAcademicYearWithTerms() throws {
        let report = ExclusionsScorecard.build(
            cohort: Self.exclusionsFixture(), period: .year(startYear: 2018),
            generatedAt: TestCohort.time("2019-09-02 09:00"))
        let first = try #require(report.tables.first)
        #expect(
            first.columns == [
                "Ref", "Indicator", "Autumn 2018", "Spring 2019", "Summer 2019", "YTD", "2016/17", "2017/18",
            ])
        func row(_ id: String) -> [ReportCell] { report.tables.flatMap(\.rows).first { $0[0] == .text(id) }! }
        #expect(row("1.1").dropFirst(2) == [.count(1), .count(1), .count(1), .count(3), .count(0), .count(1)])
        #expect(row("2.1")[4] == .count(1))
        #expect(row("4.1")[1] == .text("DB"))
        #expect(row("4.1")[5] == .countWithPercent(1, denominator: 4))
        #expect(row("4.2")[5] == .countWithPercent(3, denominator: 4))
        #expect(row("5.1")[5] == .countWithPercent(2, denominator: 3))
        #expect(row("5.2")[5] == .count(6))
    }

    /// The exclusions of the test above, all of child 1 at a secondary school.
    static func exclusionsFixture() -> Cohort {
        var c = TestCohort()
        func exclude(_ id: String, _ category: ExclusionCategory, _ day: String, _ reason: String, _ sessions: Double?)
        {
            c.add(
                1, id,
                .exclusion(
                    ExclusionRecord(
                        phase: .secondary, category: category, startDate: TestCohort.date(day), sessions: sessions,
                        reasons: [reason])))
        }
        exclude("X1", .suspension, "2018-11-20", "PP", 3)
        exclude("X2", .suspension, "2019-04-10", "DB", 2.5)
        exclude("X3", .suspension, "2019-04-23", "PP", nil)
        exclude("X4", .permanent, "2019-06-03", "PP", nil)
        exclude("X5", .suspension, "2017-10-15", "PP", 1)
        return c.cohort
    }
}

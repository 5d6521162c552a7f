import ChildLinkModel
import Testing

@testable import ChildLinkReports

/// Targets, arrows, commentary and benchmarks laid out beside hand-set indicator values.
@Suite("Scorecard context: targets, RAG, arrows, commentary, benchmarks")
struct ScorecardContextTests {
    typealias Values = [String: [IndicatorValue]]

    /// Three month columns (April, May, June 2019) and the year to date.
    static let columns = ScorecardLayout.monthlyColumns(.month(year: 2019, month: 6))

    /// An indicator reading its value per month from the table of values (YTD: the sum of the counts).
    static func indicator(_ id: String) -> Indicator<Values> {
        Indicator(id, "Indicator \(id)") { values, interval in
            let months = values[id]!
            switch (interval.start.month, interval.end.month) {
            case (4, 4): return months[0]
            case (5, 5): return months[1]
            case (6, 6): return months[2]
            default: return IndicatorValue(months.reduce(0) { $0 + $1.count })
            }
        }
    }

    /// A: 40/50 = 80% in May, 39/50 = 78% in June. B: 12 then 16. C: 7 then 7. D: 30 then 22.
    static let values: Values = [
        "A": [IndicatorValue(30, of: 50), IndicatorValue(40, of: 50), IndicatorValue(39, of: 50)],
        "B": [IndicatorValue(9), IndicatorValue(12), IndicatorValue(16)],
        "C": [IndicatorValue(7), IndicatorValue(7), IndicatorValue(7)],
        "D": [IndicatorValue(25), IndicatorValue(30), IndicatorValue(22)],
        "E": [IndicatorValue(8), IndicatorValue(9), IndicatorValue(10)],
    ]

    static let groups = [
        IndicatorGroup("1", "First", ["A", "B", "C", "D"].map(indicator)),
        IndicatorGroup("2", "Second", [indicator("E")]),
    ]

    static let annotations = ScorecardAnnotations(
        targets: [
            "A": IndicatorTarget(polarity: .higher, target: 80, amber: 5, red: 10),
            "B": IndicatorTarget(polarity: .lower, target: 10, amber: 0, red: 5),
            "C": IndicatorTarget(polarity: .info),
            "D": IndicatorTarget(polarity: .lower, target: 20, amber: 2, red: 4),
        ],
        comments: ["A": "Two workers on leave."], analysis: ["1": "Steady."],
        benchmarks: ["B": IndicatorBenchmark(statisticalNeighbours: 11.5, england: 12, lastYear: nil)],
        benchmarkSource: "DfE 2019")

    static func tables(_ values: Values = values) -> [ReportTable] {
        ScorecardLayout.tables(groups, context: values, columns: columns, idPrefix: "t", annotations: annotations)
    }

    @Test func columnsFollowThePeriods() {
        let tables = Self.tables()
        #expect(
            tables[0].columns == [
                "Ref", "Indicator", "Apr-19", "May-19", "Jun-19", "YTD", "Good is", "DOT", "RAG", "Target",
                "Stat. neighbours", "England", "Last year", "Comments",
            ])
        // The second group has no benchmarked indicator: no benchmark columns there.
        #expect(
            tables[1].columns == [
                "Ref", "Indicator", "Apr-19", "May-19", "Jun-19", "YTD", "Good is", "DOT", "RAG", "Target", "Comments",
            ])
    }

    /// June against May, coloured by polarity, and June's RAG:
    /// A (higher, target 80, amber 5, red 10): 78% is 2 short → Green; 80% → 78% is down → worse.
    /// B (lower, target 10, amber 0, red 5): 16 is 6 over → Red; 12 → 16 is up → worse.
    /// C (info): the same 7 → plain →, no RAG, no target.
    /// D (lower, target 20, amber 2, red 4): 22 is exactly 2 over → Green (a boundary takes the
    /// better colour); 30 → 22 is down → better.
    @Test func ragAndArrowsPerPolarity() {
        let rows = Self.tables()[0].rows
        let context = { (row: Int) in Array(rows[row][6...9]) }
        #expect(
            context(0) == [.text("Higher"), .rated("↓ worse", tone: .red), .rated("Green", tone: .green), .number(80)])
        #expect(context(1) == [.text("Lower"), .rated("↑ worse", tone: .red), .rated("Red", tone: .red), .number(10)])
        #expect(context(2) == [.text("Info"), .rated("→", tone: .neutral), .empty, .empty])
        #expect(
            context(3) == [
                .text("Lower"), .rated("↓ better", tone: .green), .rated("Green", tone: .green), .number(20),
            ])
    }

    @Test func amberBetweenTheTolerances() {
        // A at 36/50 = 72% is 8 short of 80: more than amber 5, within red 10 → Amber.
        var values = Self.values
        values["A"]![2] = IndicatorValue(36, of: 50)
        #expect(Self.tables(values)[0].rows[0][8] == .rated("Amber", tone: .amber))
    }

    @Test func commentaryAndBenchmarksJoinByReference() {
        let tables = Self.tables()
        let comments = tables[0].rows.map { $0.last! }
        #expect(comments == [.text("Two workers on leave."), .empty, .empty, .empty])
        #expect(tables[1].rows[0].last == .empty)
        #expect(Array(tables[0].rows[1][10...12]) == [.number(11.5), .number(12), .empty])
        #expect(Array(tables[0].rows[0][10...12]) == [.empty, .empty, .empty])
        #expect(tables[0].note == "Performance analysis: Steady. Benchmarks: DfE 2019")
        #expect(tables[1].note == nil)
    }

    /// Without a council's files the tables are as they were: no context columns at all.
    @Test func noContextNoColumns() {
        let tables = ScorecardLayout.tables(Self.groups, context: Self.values, columns: Self.columns, idPrefix: "t")
        #expect(tables[0].columns == ["Ref", "Indicator", "Apr-19", "May-19", "Jun-19", "YTD"])
        #expect(tables[0].note == nil)
    }

    /// B's June count of 3 is hidden: its arrow (June against May) and its RAG (June against the
    /// target) say something about it, so both are hidden too.
    @Test func ratingsOfAHiddenCountAreHidden() {
        var values = Self.values
        values["B"]![2] = IndicatorValue(3)
        let report = Report(
            slug: "t", title: "T", periodLabel: "P", generatedAt: LocalDateTime(date: TestCohort.date("2019-07-01"))!,
            sections: [ReportSection(title: "S", tables: Self.tables(values))])
        let row = SmallNumberSuppression.apply(to: report).tables[0].rows[1]
        #expect(row[4] == .suppressed)
        #expect(row[7] == .suppressed)
        #expect(row[8] == .suppressed)
        // The target itself is the council's, not a count: it stays.
        #expect(row[9] == .number(10))
    }

    /// HTML colours a rating and says it in words; the other writers carry the words.
    @Test func ratingsRenderAsWordsAndColour() {
        let report = Report(
            slug: "t", title: "T", periodLabel: "P", generatedAt: LocalDateTime(date: TestCohort.date("2019-07-01"))!,
            sections: [ReportSection(title: "S", tables: Self.tables())])
        let html = HTMLRenderer.render(report)
        #expect(
            html.contains(
                "<td class=\"rated tone-red\" style=\"font-weight:600;white-space:nowrap;background:#f4c7c3\">Red</td>")
        )
        #expect(html.contains(">↓ better</td>"))
        #expect(ReportCell.rated("Amber", tone: .amber).plainText == "Amber")
    }

    /// For Q2 2019/20: 2017/18 and 2018/19. Data from 15/01/2018 reaches back to neither April
    /// 2017 (no data) but does to April 2018; data from 30/04/2017 reaches April 2017.
    @Test func priorYearsSayWhenTheDataDoesNotReachThem() {
        let period = ReportingPeriod.quarter(startYear: 2019, quarter: 2)
        let late = ScorecardLayout.priorFinancialYears(period, dataFrom: TestCohort.date("2018-01-15"))
        #expect(late.map(\.label) == ["2017/18", "2018/19"])
        #expect(late.map(\.hasData) == [false, true])
        #expect(late[0].interval == DayRange(start: TestCohort.date("2017-04-01"), end: TestCohort.date("2018-03-31")))
        let early = ScorecardLayout.priorFinancialYears(period, dataFrom: TestCohort.date("2017-04-30"))
        #expect(early.map(\.hasData) == [true, true])
    }

    /// June 2019: last year's year to date is April–June 2018; the rolling year July 2018–June 2019.
    @Test func lastYearToDateAndRollingMonths() {
        let period = ReportingPeriod.month(year: 2019, month: 6)
        let last = ScorecardLayout.priorYearToDate(period, dataFrom: TestCohort.date("2017-06-30"))
        #expect(last.label == "YTD 2018/19")
        #expect(last.interval == DayRange(start: TestCohort.date("2018-04-01"), end: TestCohort.date("2018-06-30")))
        #expect(last.isYearToDate && last.hasData)
        let months = ScorecardLayout.rollingMonths(period)
        #expect(months.map(\.label).first == "Jul-18")
        #expect(months.map(\.label).last == "Jun-19")
        #expect(months.count == 12)
        // February 2020 (a leap year): the rolling quarters to Q4 2019/20 are Q1–Q4 2019/20.
        #expect(
            ScorecardLayout.rollingQuarters(.month(year: 2020, month: 2)).map(\.label) == [
                "Q1 2019/20", "Q2 2019/20", "Q3 2019/20", "Q4 2019/20",
            ])
        #expect(
            ScorecardLayout.priorYearToDate(.month(year: 2020, month: 2), dataFrom: nil).interval.end
                == TestCohort.date("2019-02-28"))
    }

    /// The CME fixture (CMEScorecardTests) over the rolling four quarters to Q2 2019/20, by hand:
    /// new referrals: none in Q3 or Q4 2018/19, children 1 and 2 in Q1 (R1, R3), children 1 and 4 in
    /// Q2 (R2, R5). Active at each quarter end: child 3 alone (opened 15/01/2018) at December and
    /// March; children 2 and 3 at June (child 1's case closed 20/05); children 1, 2 and 3 at
    /// September (child 4's closed 10/09).
    @Test func cmeTrendOverTheRollingYear() throws {
        let report = CMEScorecard.build(
            cohort: CMEScorecardTests.fixture(), period: .quarter(startYear: 2019, quarter: 2),
            generatedAt: TestCohort.time("2019-10-05 09:00"))
        let trend = try #require(report.tables.first { $0.id == "cme-trend" })
        #expect(trend.chart == .trend)
        #expect(trend.columns == ["Measure", "Q3 2018/19", "Q4 2018/19", "Q1 2019/20", "Q2 2019/20"])
        #expect(
            trend.rows.map { Array($0.dropFirst()) } == [[0, 0, 2, 2], [1, 1, 2, 3]].map { $0.map(ReportCell.count) })
    }

    /// Where the tables hide a quarter's count, the trend chart hides it too.
    @Test func cmeTrendHidesWhatTheTablesHide() throws {
        let report = DisclosureLeakTests.suppressedCME()
        let trend = try #require(report.tables.first { $0.id == "cme-trend" })
        var checked = 0
        for (row, ref, table) in [(0, "1a", "cme-1"), (1, "6", "cme-6")] {
            let source = try #require(report.tables.first { $0.id == table })
            let cells = try #require(source.rows.first { $0[0] == .text(ref) })
            for (column, label) in trend.columns.enumerated().dropFirst() {
                guard let published = source.columns.firstIndex(of: label) else { continue }
                checked += 1
                if cells[published] == .suppressed { #expect(trend.rows[row][column] == .suppressed) }
                if cells[published] != .suppressed { #expect(trend.rows[row][column] == cells[published]) }
            }
        }
        #expect(checked == 4)
    }

    /// Exclusions: the chart's counts are the tables' term counts.
    @Test func exclusionsChartRepeatsTheTerms() throws {
        var cohort = TestCohort()
        for (index, start) in ["2018-10-01", "2018-10-02", "2019-02-01"].enumerated() {
            cohort.add(
                index + 1, "X\(index)",
                .exclusion(ExclusionRecord(phase: .primary, category: .suspension, startDate: TestCohort.date(start))))
        }
        let report = ExclusionsScorecard.build(
            cohort: cohort.cohort, period: .year(startYear: 2018), generatedAt: TestCohort.time("2019-09-05 09:00"))
        let trend = try #require(report.tables.first { $0.id == "exclusions-trend" })
        #expect(trend.columns == ["Measure", "Autumn 2018", "Spring 2019", "Summer 2019"])
        // Two suspensions in autumn (children 1 and 2), one in spring (child 3), none in summer.
        #expect(trend.rows[0].dropFirst() == [.count(2), .count(1), .count(0)])
        #expect(trend.rows[1].dropFirst() == [.count(2), .count(1), .count(0)])
        #expect(trend.rows[2].dropFirst() == [.count(0), .count(0), .count(0)])
    }

    /// Need to know (CP plan or looked after, missing overnight), June 2019, by hand: child 1 (LAC)
    /// out overnight 3–4 June — yes; child 1 out 10:00–18:00 on 10 June — same day, no; child 2
    /// (CP plan) out 12 June, not returned — yes; child 3 (CIN) out overnight — not CP or LAC, no;
    /// child 2 out overnight 20–21 June — yes; child 4 (LAC) absent overnight — absent, not missing,
    /// no. Three episodes, two children.
    @Test func needToKnow() throws {
        var cohort = TestCohort()
        cohort.episode(1, "E1", start: "2019-06-03 20:00", end: "2019-06-04 09:00", status: .lookedAfter)
        cohort.episode(1, "E2", start: "2019-06-10 10:00", end: "2019-06-10 18:00", status: .lookedAfter)
        cohort.episode(2, "E3", start: "2019-06-12 22:00", end: nil, status: .childProtection)
        cohort.episode(3, "E4", start: "2019-06-14 20:00", end: "2019-06-15 08:00", status: .childInNeed)
        cohort.episode(2, "E5", start: "2019-06-20 21:00", end: "2019-06-21 07:00", status: .childProtection)
        cohort.episode(
            4, "E6", start: "2019-06-22 21:00", end: "2019-06-23 07:00", status: .lookedAfter, type: .absent)
        let report = MissingScorecard.build(
            cohort: cohort.cohort, period: .month(year: 2019, month: 6),
            generatedAt: TestCohort.time("2019-07-01 09:00"))
        let table = try #require(report.tables.first { $0.id == "missing-N" })
        let june = try #require(table.columns.firstIndex(of: "Jun-19"))
        #expect(table.rows.map { $0[june] } == [.count(3), .count(2)])
    }

    /// CME current cases by ethnicity (group 18), by hand from the CME fixture: at 30 June 2019
    /// children 2 (Gypsy/Roma) and 3 (White British) are open; at 30 September children 1 and 2
    /// (Gypsy/Roma) and 3.
    @Test func cmeCurrentCasesByEthnicity() throws {
        let report = CMEScorecard.build(
            cohort: CMEScorecardTests.fixture(), period: .quarter(startYear: 2019, quarter: 2),
            generatedAt: TestCohort.time("2019-10-05 09:00"))
        let table = try #require(report.tables.first { $0.id == "cme-18" })
        #expect(
            table.rows.map { Array($0[1...3]) } == [
                [.text("White British"), .countWithPercent(1, denominator: 2), .countWithPercent(1, denominator: 3)],
                [.text("Gypsy/Roma"), .countWithPercent(1, denominator: 2), .countWithPercent(2, denominator: 3)],
            ])
    }

    /// Six children referred in Q1 2019/20: S60 1 (Central – Oakwood) twice, S60 2 (Central –
    /// Clifton), S65 3 (North – Dalton), one without a postcode and one in an unlisted sector. By
    /// hand: North 1 (Dalton 1), Central 3 (Oakwood 2, Clifton 1), outside 2; each of 6.
    static func localityReport(subtotals: Bool) -> Report {
        var cohort = TestCohort()
        for (child, postcode) in [
            (1, "S60 1AB"), (2, "S60 2DE"), (3, "S65 3EF"), (4, ""), (5, "S60 1GH"), (6, "S99 9ZZ"),
        ] {
            var person = TestCohort.person(child)
            person.postcode = Postcode(postcode)
            cohort.add(child, "R\(child)", CMEScorecardTests.referral("2019-05-0\(child)"), person: person)
        }
        let dalton = Locality(area: "North", name: "Dalton")
        let oakwood = Locality(area: "Central", name: "Oakwood")
        let clifton = Locality(area: "Central", name: "Clifton")
        var annotations = ScorecardAnnotations.none
        annotations.localities = ["S60 1": oakwood, "S60 2": clifton, "S65 3": dalton]
        annotations.localityOrder = [dalton, oakwood, clifton]
        annotations.areaSubtotals = subtotals
        return CMEScorecard.build(
            cohort: cohort.cohort, period: .quarter(startYear: 2019, quarter: 1),
            generatedAt: TestCohort.time("2019-07-05 09:00"), annotations: annotations)
    }

    @Test func localitiesWithAreaSubtotals() throws {
        let table = try #require(Self.localityReport(subtotals: true).tables.first { $0.id == "cme-3" })
        let rows = table.rows.map { [$0[0], $0[1], $0[2]] }
        let share = { (count: Int) in ReportCell.countWithPercent(count, denominator: 6) }
        #expect(
            rows == [
                [.text("3 North"), .text("North (all)"), share(1)],
                [.text("3.1"), .text("North – Dalton"), share(1)],
                [.text("3 Central"), .text("Central (all)"), share(3)],
                [.text("3.2"), .text("Central – Oakwood"), share(2)],
                [.text("3.3"), .text("Central – Clifton"), share(1)],
                [.text("3.4"), .text("No locality registered / outside area"), share(2)],
            ])
    }

    /// Where small counts are hidden the subtotals are left out (beside their sub-localities they
    /// would give a hidden one back); the sub-localities still add up to all the children.
    @Test func localitiesWithoutSubtotals() throws {
        let table = try #require(Self.localityReport(subtotals: false).tables.first { $0.id == "cme-3" })
        #expect(table.rows.map { $0[0] } == ["3.1", "3.2", "3.3", "3.4"].map(ReportCell.text))
        #expect(table.rows.compactMap { $0[2].countValue }.reduce(0, +) == 6)
    }

    /// CME 8: the CME fixture's extract has no RemovedFromRoll field, so every figure says "not
    /// recorded", never 0. With it: at 30 September children 1, 2 and 3 are open; child 2's
    /// referral says Yes, child 3's No → 1 (at 30 June, children 2 and 3 → 1).
    @Test func removedFromRollNotRecordedOrCounted() throws {
        let period = ReportingPeriod.quarter(startYear: 2019, quarter: 2)
        let time = TestCohort.time("2019-10-05 09:00")
        let without = CMEScorecard.build(cohort: CMEScorecardTests.fixture(), period: period, generatedAt: time)
        let table = try #require(without.tables.first { $0.id == "cme-8" })
        #expect(table.rows[0].dropFirst(2).prefix(5).allSatisfy { $0 == .text("not recorded") })
        var cohort = TestCohort()
        for (child, removed) in [(2, true), (3, false)] {
            var referral = CMEReferral(referralDate: TestCohort.date("2019-04-1\(child)"))
            referral.removedFromRoll = removed
            cohort.add(child, "R\(child)", .cme(referral))
        }
        cohort.add(1, "R1", CMEScorecardTests.referral("2019-08-01"))
        let with = CMEScorecard.build(cohort: cohort.cohort, period: period, generatedAt: time)
        let counted = try #require(with.tables.first { $0.id == "cme-8" })
        #expect(Array(counted.rows[0][2...4]) == [.count(1), .count(1), .empty])
    }
}

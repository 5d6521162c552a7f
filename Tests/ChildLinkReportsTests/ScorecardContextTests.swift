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
}

import ChildLinkModel
import Testing

@testable import ChildLinkReports

/// The Inclusion Scorecard's headline (children in two or more strands) with the council's target:
/// Good is, DOT against the previous period of the same kind, RAG and Target, as on every scorecard.
@Suite("Targets on the Inclusion Scorecard")
struct InclusionTargetsTests {
    static let generatedAt = TestCohort.time("2019-07-02 09:00")

    /// Children `children` each with a missing episode and a suspension in `month` of 2019: each is
    /// in two strands that month.
    static func cohort(_ months: [(month: String, children: ClosedRange<Int>)]) -> Cohort {
        var c = TestCohort()
        for (month, children) in months {
            for child in children {
                c.episode(child, "E\(month)-\(child)", start: "2019-\(month)-10 20:00", end: "2019-\(month)-10 23:00")
                c.add(
                    child, "X\(month)-\(child)",
                    .exclusion(ExclusionRecord(category: .suspension, startDate: TestCohort.date("2019-\(month)-12"))))
            }
        }
        return c.cohort
    }

    static func annotations(_ target: IndicatorTarget) -> ScorecardAnnotations {
        ScorecardAnnotations(
            targets: [InclusionScorecard.cohortReference: target], comments: [:], benchmarks: [:])
    }

    static func headline(_ cohort: Cohort, _ target: IndicatorTarget, suppress: Bool) throws -> ReportTable {
        let report = InclusionScorecard.build(
            cohort: cohort, period: .month(year: 2019, month: 6),
            disclosure: DisclosureOptions(suppress: suppress, pseudonymiser: nil), generatedAt: Self.generatedAt,
            annotations: annotations(target))
        return try #require(report.tables.first { $0.id == "inclusion-cohort-size" })
    }

    /// June: children 1–6 in two strands; May: children 1–8. Lower is better, target 5, amber 1,
    /// red 3: 6 is 1 over, at the amber tolerance → Green (a boundary takes the better colour);
    /// 8 → 6 is down, and down is better → "↓ better", green.
    @Test func lowerIsBetterOnTheAmberBoundary() throws {
        let cohort = Self.cohort([("05", 1...8), ("06", 1...6)])
        let table = try Self.headline(
            cohort, IndicatorTarget(polarity: .lower, target: 5, amber: 1, red: 3), suppress: false)
        #expect(table.columns == ["Cohort", "Children", "Good is", "DOT", "RAG", "Target"])
        #expect(
            table.rows[0] == [
                .text("Children in two or more strands"), .count(6), .text("Lower"),
                .rated("↓ better", tone: .green), .rated("Green", tone: .green), .number(5),
            ])
    }

    /// Higher is better, target 10, amber 2, red 3: 6 is 4 short, beyond red → Red; down is worse.
    @Test func higherIsBetterRed() throws {
        let cohort = Self.cohort([("05", 1...8), ("06", 1...6)])
        let table = try Self.headline(
            cohort, IndicatorTarget(polarity: .higher, target: 10, amber: 2, red: 3), suppress: false)
        #expect(
            Array(table.rows[0][2...]) == [
                .text("Higher"), .rated("↓ worse", tone: .red), .rated("Red", tone: .red), .number(10),
            ])
    }

    /// Without targets the headline is as it always was: two columns.
    @Test func withoutTargetsNothingIsAdded() throws {
        let report = InclusionScorecard.build(
            cohort: Self.cohort([("06", 1...6)]), period: .month(year: 2019, month: 6),
            disclosure: DisclosureOptions(suppress: false, pseudonymiser: nil), generatedAt: Self.generatedAt)
        let table = try #require(report.tables.first { $0.id == "inclusion-cohort-size" })
        #expect(table.columns == ["Cohort", "Children"])
    }

    /// Under suppression: June 3 (hidden) → its DOT and RAG are hidden with it. June 6 after May 3:
    /// the headline and RAG show, the DOT (which compares with May's 3, hidden in the trend) is hidden.
    @Test func derivedCellsHiddenWithTheirCounts() throws {
        let target = IndicatorTarget(polarity: .lower, target: 5, amber: 1, red: 3)
        let small = try Self.headline(Self.cohort([("05", 1...8), ("06", 1...3)]), target, suppress: true)
        #expect(Array(small.rows[0][1...]) == [.suppressed, .text("Lower"), .suppressed, .suppressed, .number(5)])
        let after = try Self.headline(Self.cohort([("05", 1...3), ("06", 1...6)]), target, suppress: true)
        #expect(
            Array(after.rows[0][1...]) == [
                .count(6), .text("Lower"), .suppressed, .rated("Green", tone: .green), .number(5),
            ])
    }
}

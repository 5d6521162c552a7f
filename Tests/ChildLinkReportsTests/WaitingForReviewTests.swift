import ChildLinkModel
import Testing

@testable import ChildLinkReports

@Suite("Inclusion Scorecard: what the review list could still change")
struct WaitingForReviewTests {
    static let quarter = ReportingPeriod.quarter(startYear: 2019, quarter: 1)
    static let generatedAt = LocalDateTime(parsing: "2019-07-01 09:00")!

    /// Q1 2019/20. In a strand in the period: 1 Missing, 2 CME, 3 Missing + CME, 4 EHE, 7 Exclusions,
    /// 9 EHE, 10 Missing + CME, 11 EHE + Exclusions, 12 Missing. Child 8's, 13's, 20's and 21's only
    /// episodes were in 2017: no strand in the period. The headline is 3 (children 3, 10, 11).
    ///
    /// Waiting pairs of records: 1–2, 3–4, 7–8, 8–9, 10–11 (twice, by two pairs of records), 12–13,
    /// 20–21, and two records of child 3. Of the children's pairs, six have a child in a strand in
    /// the period (20–21 has none; child 3 with itself is no pair). If every one were confirmed:
    /// {1, 2} Missing + CME joins the cohort, {3, 4} stays one child in it, {7, 8, 9} Exclusions + EHE
    /// joins it, {10, 11} becomes one child in it (two before), {12, 13} is in Missing only — 4.
    static func cohort() -> Cohort {
        var c = TestCohort()
        let inPeriod = (start: "2019-05-01 20:00", end: "2019-05-02 08:00")
        let before = (start: "2017-05-01 20:00", end: "2017-05-02 08:00")
        for child in [1, 3, 10, 12] { c.episode(child, "E\(child)", start: inPeriod.start, end: inPeriod.end) }
        for child in [8, 13, 20, 21] { c.episode(child, "E\(child)", start: before.start, end: before.end) }
        for child in [2, 3, 10] {
            c.add(child, "R\(child)", .cme(CMEReferral(referralDate: TestCohort.date("2019-03-01"))))
        }
        for child in [4, 9, 11] { c.add(child, "H\(child)", .ehe(EHERecord(startDate: TestCohort.date("2019-02-01")))) }
        for child in [7, 11] {
            c.add(
                child, "X\(child)",
                .exclusion(
                    ExclusionRecord(phase: .secondary, category: .suspension, startDate: TestCohort.date("2019-06-03")))
            )
        }
        let keys = Dictionary(uniqueKeysWithValues: c.records.map { ($0.key.recordID, $0.key) })
        let key = { (id: String) in keys[id]! }
        let pairs = [
            ("E1", "R2"), ("E3", "H4"), ("X7", "E8"), ("E8", "H9"), ("E10", "H11"), ("R10", "X11"), ("E12", "E13"),
            ("E20", "E21"), ("E3", "R3"),
        ].map { UnorderedPair(key($0), key($1)) }
        return Cohort(records: c.records, assignment: c.assignment, undecidedPairs: pairs)
    }

    @Test func theCohortIfEveryWaitingPairWereConfirmed() throws {
        let report = InclusionScorecard.build(
            cohort: Self.cohort(), period: Self.quarter,
            disclosure: DisclosureOptions(suppress: false, pseudonymiser: nil),
            generatedAt: Self.generatedAt)
        let headline = try #require(report.tables.first { $0.id == "inclusion-cohort-size" })
        #expect(headline.rows[0][1] == .count(3))
        let waiting = try #require(report.tables.first { $0.id == "inclusion-waiting-for-review" })
        #expect(waiting.rows.map { $0[1] } == [.count(6), .count(4)])
        let section = try #require(report.sections.first { $0.title == "Cross-referenced cohort" })
        #expect(
            section.tables.map(\.id) == ["inclusion-cohort-size", "inclusion-waiting-for-review", "inclusion-cohort"])
    }

    @Test func nothingWaitingLeavesTheHeadlineAsItIs() throws {
        let report = InclusionScorecard.build(
            cohort: InclusionTests.fixture(), period: Self.quarter,
            disclosure: DisclosureOptions(suppress: false, pseudonymiser: nil), generatedAt: Self.generatedAt)
        let headline = try #require(report.tables.first { $0.id == "inclusion-cohort-size" })
        let waiting = try #require(report.tables.first { $0.id == "inclusion-waiting-for-review" })
        #expect(waiting.rows.map { $0[1] } == [.count(0), headline.rows[0][1]])
    }

    /// Suppressed: a headline hidden (3 here) leaves the table out; beside a headline of 20, a count
    /// of 1–4 is hidden, and so is the cohort if confirmed when it differs from 20 by 1–4.
    @Test func suppressedOutputHidesWhatWouldGiveBackASmallCount() throws {
        let report = InclusionScorecard.build(
            cohort: Self.cohort(), period: Self.quarter,
            disclosure: DisclosureOptions(suppress: true, pseudonymiser: nil),
            generatedAt: Self.generatedAt)
        #expect(report.tables.first { $0.id == "inclusion-waiting-for-review" } == nil)

        let table = { (pairs: Int, ifConfirmed: Int) in
            ReportTable(
                id: "inclusion-waiting-for-review", title: "", columns: ["Measure", "Number"],
                rows: [[.text("pairs"), .count(pairs)], [.text("if confirmed"), .count(ifConfirmed)]])
        }
        let published = { (pairs: Int, ifConfirmed: Int) in
            InclusionScorecard.publishedWaitingForReview(table(pairs, ifConfirmed), cohortSize: 20).rows.map { $0[1] }
        }
        #expect(published(3, 22) == [.suppressed, .suppressed])
        #expect(published(6, 18) == [.count(6), .suppressed])
        #expect(published(6, 26) == [.count(6), .count(26)])
        #expect(published(6, 20) == [.count(6), .count(20)])
        #expect(published(0, 20) == [.count(0), .count(20)])
    }
}

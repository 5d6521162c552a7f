import ChildLinkModel
import Testing

@testable import ChildLinkReports

/// Golden files for each scorecard (JSON: every table, note and definition), on the small hand-worked
/// fixtures whose values the other suites check one by one. `CHILDLINK_UPDATE_GOLDEN=1` rewrites them.
@Suite("Scorecard golden files")
struct ScorecardGoldenTests {
    static let generatedAt = LocalDateTime(parsing: "2019-10-01 09:00")!

    @Test func missingScorecard() throws {
        let report = MissingScorecard.build(
            cohort: MissingScorecardTests.fixture(), period: .month(year: 2019, month: 5), generatedAt: Self.generatedAt
        )
        try Golden.check(JSONRenderer.render(report), against: "missing-scorecard-2019-05.json")
    }

    @Test func cmeScorecard() throws {
        let report = CMEScorecard.build(
            cohort: CMEScorecardTests.fixture(), period: .quarter(startYear: 2019, quarter: 2),
            generatedAt: Self.generatedAt)
        try Golden.check(JSONRenderer.render(report), against: "cme-scorecard-2019Q2.json")
    }

    @Test func eheSummary() throws {
        let report = EHEScorecard.build(
            cohort: EducationScorecardTests.eheFixture(), period: .year(startYear: 2018), generatedAt: Self.generatedAt)
        try Golden.check(JSONRenderer.render(report), against: "ehe-summary-2018-19.json")
    }

    /// The hand-worked exclusions of ``EducationScorecardTests/exclusionsByAcademicYearWithTerms()``
    /// (X1–X5 of one secondary-school child), by academic year 2018/19 with its terms.
    @Test func exclusionsSummary() throws {
        let report = ExclusionsScorecard.build(
            cohort: EducationScorecardTests.exclusionsFixture(), period: .year(startYear: 2018),
            generatedAt: Self.generatedAt)
        try Golden.check(JSONRenderer.render(report), against: "exclusions-summary-2018-19.json")
    }

    @Test func inclusionScorecardSuppressed() throws {
        let report = InclusionScorecard.build(
            cohort: InclusionTests.fixture(), period: InclusionTests.quarter,
            disclosure: DisclosureOptions(suppress: true, pseudonymiser: Pseudonymiser(key: "golden")),
            generatedAt: Self.generatedAt)
        try Golden.check(JSONRenderer.render(report), against: "inclusion-scorecard-2019Q1.json")
    }
}

import ChildLinkModel
import Foundation
import Testing

@testable import ChildLinkReports

/// Figures worked out from counts (arrows, trend lines, summaries) must not say what a hidden
/// count is: each is checked on real report output with suppression on.
@Suite("Disclosure: nothing derived from a hidden count")
struct DisclosureLeakTests {
    static let generatedAt = LocalDateTime(parsing: "2019-10-01 09:00")!

    /// CME referrals: 6 girls in Q1 and 8 in Q2 (so 1a is shown, rising), 2 boys in Q1 and 3 in
    /// Q2 (so the boys' counts are hidden, and so must their arrow be).
    static func cmeCohort() -> Cohort {
        var c = TestCohort()
        var child = 0
        func refer(_ date: String, _ gender: Gender) {
            child += 1
            c.add(
                child, "R\(child)", .cme(CMEReferral(referralDate: TestCohort.date(date))),
                person: TestCohort.person(child, gender: gender))
        }
        for _ in 0..<6 { refer("2019-05-10", .female) }
        for _ in 0..<2 { refer("2019-05-12", .male) }
        for _ in 0..<8 { refer("2019-08-10", .female) }
        for _ in 0..<3 { refer("2019-08-12", .male) }
        return c.cohort
    }

    static func suppressedCME() -> Report {
        SmallNumberSuppression.apply(
            to: CMEScorecard.build(
                cohort: cmeCohort(), period: .quarter(startYear: 2019, quarter: 2), generatedAt: generatedAt))
    }

    @Test("the CME direction of travel is hidden whenever either quarter's count is")
    func cmeArrows() throws {
        let report = Self.suppressedCME()
        let newReferrals = try #require(report.tables.first { $0.id == "cme-1" })
        #expect(newReferrals.columns.suffix(6) == ["Q1 2019/20", "Q2 2019/20", "YTD", "2017/18", "2018/19", "DOT"])
        let children = try #require(newReferrals.rows.first { $0[0] == .text("1a") })
        #expect(children[2] == .count(8))
        #expect(children[3] == .count(11))
        #expect(children.last == .text("↑"))
        let byGender = try #require(report.tables.first { $0.id == "cme-2" })
        let boys = try #require(byGender.rows.first { $0[1] == .text("Male") })
        #expect(boys[2] == .suppressed)
        #expect(boys[3] == .suppressed)
        #expect(boys.last == .suppressed)
        // And in every table: an arrow is only ever shown beside two shown counts.
        var arrowsHidden = 0
        for table in report.tables where table.columns.last == "DOT" {
            let latest = table.columns.firstIndex(of: "YTD")! - 1
            for row in table.rows where row[latest] == .suppressed || row[latest - 1] == .suppressed {
                #expect(row.last == .suppressed, "\(table.id) \(row[0])")
                arrowsHidden += 1
            }
        }
        #expect(arrowsHidden >= 2)
    }

    @Test("an arrow beside two shown counts is kept, and without suppression every arrow is shown")
    func cmeArrowsWithoutSuppression() throws {
        let report = CMEScorecard.build(
            cohort: Self.cmeCohort(), period: .quarter(startYear: 2019, quarter: 2), generatedAt: Self.generatedAt)
        let byGender = try #require(report.tables.first { $0.id == "cme-2" })
        let boys = try #require(byGender.rows.first { $0[1] == .text("Male") })
        #expect(boys.last == .text("↑"))
        #expect(HTMLRenderer.render(Self.suppressedCME()).contains("↑"))
    }

    /// Missing episodes by month: 6 children in April, 2 in May, 7 in June; so the Inclusion
    /// trend's "In any strand" is 6, *, 7.
    static func missingCohort() -> Cohort {
        var c = TestCohort()
        var child = 0
        for (month, count) in [("04", 6), ("05", 2), ("06", 7)] {
            for _ in 0..<count {
                child += 1
                c.episode(child, "E\(child)", start: "2019-\(month)-11 20:00", end: "2019-\(month)-11 23:00")
            }
        }
        return c.cohort
    }

    @Test("the inclusion trend line is broken at a hidden month, which is marked *, not joined across")
    func inclusionTrend() throws {
        let report = InclusionScorecard.build(
            cohort: Self.missingCohort(), period: .month(year: 2019, month: 6),
            disclosure: DisclosureOptions(suppress: true, pseudonymiser: nil), generatedAt: Self.generatedAt)
        let trend = try #require(report.tables.first { $0.id == "inclusion-trend" })
        // The twelve months to June 2019: July 2018 – March 2019 end before the first record (empty).
        #expect(trend.rows[0].dropFirst() == Array(repeating: .empty, count: 9) + [.count(6), .suppressed, .count(7)])
        let svg = SVGCharts.trend(trend)
        // Row 0's points stand alone: no segment runs from April to June across May.
        let colour = SVGCharts.palette[0]
        #expect(!svg.contains("<polyline fill=\"none\" stroke=\"\(colour)\""))
        #expect(svg.components(separatedBy: "fill=\"\(colour)\"/>").count - 1 == 2 + 1)  // two points, the legend
        #expect(svg.contains(">*</text>"))
        #expect(HTMLRenderer.render(report).contains(">*</text>"))
    }

    @Test("a trend line still joins shown neighbours, and stops at a hidden one")
    func trendRuns() {
        let table = ReportTable(
            id: "t", title: "t", columns: ["Measure", "Apr-19", "May-19", "Jun-19", "Jul-19"],
            rows: [[.text("Children"), .count(6), .count(8), .suppressed, .count(9)]], chart: .trend)
        let svg = SVGCharts.trend(table)
        let polylines = svg.components(separatedBy: "<polyline").dropFirst()
        #expect(polylines.count == 1)
        #expect(
            polylines.first?.components(separatedBy: "points=\"")[1].split(separator: "\"")[0].split(separator: " ")
                .count == 2)
    }

    @Test("a bar chart does not put a later column's count in place of a hidden one")
    func bars() {
        let table = ReportTable(
            id: "t", title: "t", columns: ["Label", "Q1", "Q2"],
            rows: [[.text("Shown"), .count(9), .count(12)], [.text("Hidden"), .suppressed, .count(30)]], chart: .bar)
        let svg = SVGCharts.bars(table)
        #expect(svg.contains(">9</text>"))
        #expect(!svg.contains(">30</text>"))
        // The hidden bar is drawn as hidden (#11: "never as missing").
        #expect(svg.contains(">Hidden</text>"))
        #expect(svg.contains("* (suppressed)"))
    }

    @Test("the Missing scorecard's profile paragraph, which quotes counts, is left out when counts are hidden")
    func missingProfile() throws {
        let open = MissingScorecard.build(
            cohort: MissingScorecardTests.fixture(), period: .month(year: 2019, month: 5),
            generatedAt: Self.generatedAt)
        let section = try #require(open.sections.first { $0.title == "Missing profile and trends" })
        #expect(section.summary?.contains("3 episodes") == true)
        let suppressed = SmallNumberSuppression.apply(to: open)
        let hidden = try #require(suppressed.sections.first { $0.title == "Missing profile and trends" })
        #expect(hidden.summary == SmallNumberSuppression.summaryLeftOut)
        #expect(suppressed.disclosureNotes == [SmallNumberSuppression.reportNote])
        #expect(!HTMLRenderer.render(suppressed).contains("3 episodes"))
    }

    @Test("a year-to-date that is the sum of the months is a published sum: it cannot give back a hidden month")
    func yearToDate() {
        let table = ReportTable(
            id: "t", title: "t", columns: ["Ref", "Indicator", "Apr-19", "May-19", "Jun-19", "YTD"],
            rows: [
                [.text("1"), .text("Episodes"), .count(10), .count(3), .count(12), .count(25)],
                [.text("2"), .text("Children"), .count(10), .count(3), .count(12), .count(21)],
            ])
        let report = Report(
            slug: "r", title: "r", periodLabel: "p", generatedAt: Self.generatedAt,
            sections: [ReportSection(title: "s", tables: [table])])
        let output = SmallNumberSuppression.apply(to: report).tables[0]
        #expect(output.rows[0].dropFirst(2) == [.suppressed, .suppressed, .count(12), .count(25)])
        // 21 is not 10 + 3 + 12 (a child in two months counts once): no sum to undo.
        #expect(output.rows[1].dropFirst(2) == [.count(10), .suppressed, .count(12), .count(21)])
    }

    /// Six episodes in April, two in May: May is hidden, and April with it (the YTD, 8, would give
    /// May back).
    static func aprilMayCohort() -> Cohort {
        var c = TestCohort()
        for child in 1...6 {
            c.episode(child, "A\(child)", start: "2019-04-1\(child) 20:00", end: "2019-04-1\(child) 23:00")
        }
        for child in 7...8 {
            c.episode(child, "M\(child)", start: "2019-05-0\(child) 20:00", end: "2019-05-0\(child) 23:00")
        }
        return c.cohort
    }

    @Test("the Missing trend charts hide what the indicator tables hide, secondary suppression included")
    func missingTrendMirrorsIndicators() throws {
        let report = SmallNumberSuppression.apply(
            to: MissingScorecard.build(
                cohort: Self.aprilMayCohort(), period: .month(year: 2019, month: 5), generatedAt: Self.generatedAt))
        let indicators = try #require(report.tables.first { $0.id == "missing-1" })
        let episodes = try #require(indicators.rows.first { $0[0] == .text("1.1") })
        #expect(episodes.dropFirst(2) == [.suppressed, .suppressed, .count(8), .text("no data")])
        let trend = try #require(report.tables.first { $0.id == "missing-trend-episodes" })
        // The rolling year June 2018 – May 2019: empty before the data, then April and May hidden.
        #expect(trend.rows[0].dropFirst() == Array(repeating: .empty, count: 10) + [.suppressed, .suppressed])
        let svg = SVGCharts.trend(trend)
        #expect(!svg.contains(">6<"))
    }

    /// The auditor's old known issue, on the Missing scorecard for April 2019: 6 episodes (1.1 shown),
    /// by age at the start 14, 14, 14, 10, 12, 15 — 3 + 1 + 1 + 1. All four are below 5 and hidden;
    /// with the other six ages shown as 0, a reader would know each hidden age is 1 to 6 − 3 = 3. So
    /// the zeros of April's age column are hidden too, and so are the year to date's (the same figures).
    @Test("a column whose every non-zero count is hidden has its zeros hidden too")
    func zerosHiddenWithTheirColumn() throws {
        var c = TestCohort()
        for (child, dob) in ["2004-06-01", "2004-06-02", "2004-06-03", "2008-06-01", "2006-06-01", "2003-06-01"]
            .enumerated()
        {
            c.episode(
                child + 1, "A\(child)", start: "2019-04-11 20:00", end: "2019-04-11 23:00",
                person: TestCohort.person(child + 1, dob: dob))
        }
        let open = MissingScorecard.build(
            cohort: c.cohort, period: .month(year: 2019, month: 4), generatedAt: Self.generatedAt)
        let openAges = try #require(open.tables.first { $0.id == "missing-9" })
        #expect(openAges.rows.map { $0[2].countValue } == [0, 1, 0, 1, 0, 3, 1, 0, 0, 0])
        let report = SmallNumberSuppression.apply(to: open)
        let ages = try #require(report.tables.first { $0.id == "missing-9" })
        #expect(ages.rows.allSatisfy { $0[2] == .suppressed && $0[3] == .suppressed })
        let episodes = try #require(report.tables.first { $0.id == "missing-1" }?.rows.first)
        // April, the year to date, and the prior year's year to date (the cohort has no 2018 episodes).
        #expect(episodes.dropFirst(2) == [.count(6), .count(6), .text("no data")])
        #expect(report.disclosureNotes == [SmallNumberSuppression.reportNote])
        #expect(SmallNumberSuppression.reportNote.contains("a * may stand for 0"))
    }

    @Test("a Total BME row does not stop the ethnicity rows being a partition, and is hidden with its members")
    func ethnicityWithBMETotal() throws {
        var c = TestCohort()
        var child = 0
        for (code, count) in [("WBRI", 10), ("WROM", 3), ("BAFR", 6)] {
            for _ in 0..<count {
                child += 1
                c.episode(
                    child, "E\(child)", start: "2019-04-11 20:00", end: "2019-04-11 23:00",
                    person: TestCohort.person(child, ethnicity: code))
            }
        }
        let report = SmallNumberSuppression.apply(
            to: MissingScorecard.build(
                cohort: c.cohort, period: .month(year: 2019, month: 4), generatedAt: Self.generatedAt))
        let table = try #require(report.tables.first { $0.id == "missing-8" })
        func april(_ id: String) -> ReportCell? { table.rows.first { $0[0] == .text(id) }?[2] }
        #expect(april("8.1") == .countWithPercent(10, denominator: 19))
        #expect(april("8.5") == .suppressed)  // WROM 3: 19 - 10 - 6 would give it back
        #expect(april("8.12") == .suppressed)  // BAFR 6, hidden with it
        #expect(april("8.16") == .suppressed)  // Total BME 9 = WROM + BAFR
    }
}

import ChildLinkModel
import Testing

@testable import ChildLinkReports

@Suite("Small-number suppression")
struct SuppressionTests {
    static func table(_ rows: [[Int]]) -> ReportTable {
        ReportTable(
            id: "t", title: "t", columns: ["Label"] + (1..<rows[0].count + 1).map { "C\($0)" },
            rows: rows.enumerated().map { index, values in [.text("R\(index)")] + values.map(ReportCell.count) })
    }

    @Test func primaryAndSecondaryInAColumnWithATotal() {
        let input = Self.table([[10], [3], [12], [25]])
        let output = SmallNumberSuppression.apply(
            to: input, relations: SmallNumberSuppression.columnSums(totalRow: 3, partRows: [0, 1, 2], columns: [1]))
        #expect(output.rows.map { $0[1] } == [.suppressed, .suppressed, .count(12), .count(25)])
    }

    @Test func rowAndColumnTotalsCannotRevealAHiddenCount() {
        // Children = LAC + not LAC in each row; the last row totals the others.
        let input = Self.table([[12, 2, 10], [8, 6, 2], [20, 8, 12]])
        let relations =
            SmallNumberSuppression.rowSums(totalColumn: 1, partColumns: [2, 3], rows: [0, 1, 2])
            + SmallNumberSuppression.columnSums(totalRow: 2, partRows: [0, 1], columns: [1, 2, 3])
        let output = SmallNumberSuppression.apply(to: input, relations: relations)
        #expect(output.rows[0].dropFirst() == [.count(12), .suppressed, .suppressed])
        #expect(output.rows[1].dropFirst() == [.count(8), .suppressed, .suppressed])
        #expect(output.rows[2].dropFirst() == [.count(20), .count(8), .count(12)])
        for relation in relations {
            let hidden = relation.cells.filter { output.rows[$0.row][$0.column] == .suppressed }
            #expect(hidden.count != 1)
        }
    }

    @Test func breakdownWhosePercentagesRevealTheTotalIsProtected() {
        // Female 3 (of 20) and Male 17 (of 20): the percentages tell the reader the total is 20.
        let table = ReportTable(
            id: "t", title: "t", columns: ["Ref", "Indicator", "Apr-19"],
            rows: [
                [.text("7.1"), .text("Female"), .countWithPercent(3, denominator: 20)],
                [.text("7.2"), .text("Male"), .countWithPercent(17, denominator: 20)],
            ])
        let relations = SmallNumberSuppression.percentagePartitions(table)
        #expect(relations.count == 1)
        let output = SmallNumberSuppression.apply(to: table, relations: relations)
        #expect(output.rows.map { $0[2] } == [.suppressed, .suppressed])
    }

    @Test func breakdownThatIsNotAPartitionKeepsLargeCounts() {
        let table = ReportTable(
            id: "t", title: "t", columns: ["Ref", "Indicator", "Apr-19"],
            rows: [
                [.text("3.1"), .text("Central"), .countWithPercent(3, denominator: 30)],
                [.text("3.2"), .text("North"), .countWithPercent(17, denominator: 30)],
            ])
        let output = SmallNumberSuppression.apply(
            to: table, relations: SmallNumberSuppression.percentagePartitions(table))
        #expect(output.rows.map { $0[2] } == [.suppressed, .countWithPercent(17, denominator: 30)])
    }

    @Test func zerosAndLargeCountsAreShown() {
        let output = SmallNumberSuppression.apply(to: Self.table([[0, 5, 4]]), relations: [])
        #expect(output.rows[0].dropFirst() == [.count(0), .count(5), .suppressed])
    }
}

@Suite("Overlap and Inclusion Scorecard")
struct InclusionTests {
    /// Child 1 is in all four strands in Q1 2019/20; child 2 only missing; child 3 in CME and EHE.
    static func fixture() -> Cohort {
        var c = TestCohort()
        c.episode(1, "E1", start: "2019-05-01 20:00", end: "2019-05-02 08:00", status: .lookedAfter, cse: .high)
        c.add(1, "R1", .cme(CMEReferral(referralDate: TestCohort.date("2019-03-01"))))
        c.add(1, "H1", .ehe(EHERecord(startDate: TestCohort.date("2019-02-01"))))
        c.add(
            1, "X1",
            .exclusion(
                ExclusionRecord(phase: .secondary, category: .suspension, startDate: TestCohort.date("2019-06-03"))))
        c.episode(2, "E2", start: "2019-04-11 20:00", end: "2019-04-11 23:00")
        c.add(
            3, "R3",
            .cme(CMEReferral(referralDate: TestCohort.date("2019-04-20"), closedDate: TestCohort.date("2019-05-01"))))
        c.add(
            3, "H3", .ehe(EHERecord(startDate: TestCohort.date("2018-09-01"), endDate: TestCohort.date("2019-04-19"))))
        // Child 4: CME case closed before the quarter: in no strand.
        c.add(
            4, "R4",
            .cme(CMEReferral(referralDate: TestCohort.date("2019-01-01"), closedDate: TestCohort.date("2019-03-01"))))
        return c.cohort
    }

    static let quarter = ReportingPeriod.quarter(startYear: 2019, quarter: 1)
    static let open = DisclosureOptions(suppress: false, pseudonymiser: nil)

    @Test func fifteenCombinationsInFixedOrder() {
        #expect(StrandMembership.combinations.count == 15)
        #expect(StrandMembership.label(StrandMembership.combinations[0]) == "Missing")
        #expect(StrandMembership.label(StrandMembership.combinations[4]) == "Missing + CME")
        #expect(StrandMembership.label(StrandMembership.combinations[14]) == "Missing + CME + EHE + Exclusions")
    }

    @Test func countsEachChildInExactlyOneCombination() throws {
        let members = StrandMembership.members(of: Self.fixture(), in: Self.quarter.interval)
        let table = InclusionScorecard.combinationsTable(members, disclosure: Self.open)
        let byLabel = Dictionary(uniqueKeysWithValues: table.rows.map { ($0[0], Array($0.dropFirst())) })
        #expect(byLabel[.text("Missing")] == [.count(1), .count(0), .count(1), .count(0), .count(1)])
        #expect(byLabel[.text("CME + EHE")] == [.count(1), .count(0), .count(1), .count(0), .count(1)])
        #expect(
            byLabel[.text("Missing + CME + EHE + Exclusions")] == [
                .count(1), .count(1), .count(0), .count(1), .count(0),
            ])
        #expect(byLabel[.text("Any strand (total)")] == [.count(3), .count(1), .count(2), .count(1), .count(2)])
    }

    @Test func suppressedByDefaultLeavesNoSmallCount() throws {
        // Suppression holds across the tables published together, so it is applied to the report.
        let report = InclusionScorecard.build(
            cohort: Self.fixture(), period: Self.quarter,
            disclosure: DisclosureOptions(suppress: true, pseudonymiser: nil),
            generatedAt: LocalDateTime(parsing: "2019-07-01 09:00")!)
        let table = try #require(report.tables.first { $0.id == "overlap-combinations" })
        for row in table.rows {
            for cell in row { if let count = cell.countValue { #expect(count == 0 || count >= 5) } }
        }
        #expect(table.rows[15][1] == .suppressed)
    }

    @Test func cohortListHasChildrenInTwoOrMoreStrandsPseudonymised() throws {
        let key = Pseudonymiser(key: "k")
        let report = InclusionScorecard.build(
            cohort: Self.fixture(), period: Self.quarter,
            disclosure: DisclosureOptions(suppress: false, pseudonymiser: key),
            generatedAt: LocalDateTime(parsing: "2019-07-01 09:00")!)
        let list = try #require(report.tables.first { $0.id == "inclusion-cohort" })
        #expect(
            list.rows.map { $0[0] } == [
                .text(key.pseudonym("CL000001", kind: "child")), .text(key.pseudonym("CL000003", kind: "child")),
            ])
        #expect(list.rows[0][4] == .text("Missing + CME + EHE + Exclusions"))
        let json = JSONRenderer.render(report)
        #expect(!json.contains("Child1"))
        #expect(!json.contains("CL00000"))
    }

    @Test func suppressedOutputLeavesOutTheCohortListWhoseRowsWouldRevealSmallCounts() throws {
        let report = InclusionScorecard.build(
            cohort: Self.fixture(), period: Self.quarter,
            disclosure: DisclosureOptions(suppress: true, pseudonymiser: Pseudonymiser(key: "k")),
            generatedAt: LocalDateTime(parsing: "2019-07-01 09:00")!)
        #expect(report.tables.first { $0.id == "inclusion-cohort" } == nil)
        let section = try #require(report.sections.first { $0.title == "Cross-referenced cohort" })
        #expect(section.summary?.contains("--no-suppress") == true)
    }

    /// A cohort of 15 in two strands in Q1 2019/20 — Missing + CME 6 (children 1–6), CME + EHE 7
    /// (7–13), Missing + Exclusions 2 (14–15) — and 10 in Missing alone (16–25). The headline, 15, is
    /// shown, so the list is published with keyed pseudonyms. Missing + Exclusions (2) is hidden, and
    /// Missing + CME (6) with it (the smallest other pair: 15 − 7 = 8 would give the 2 back alone), so
    /// their eight rows show their strands, and what gives them away (episodes, CME, EHE, exclusions),
    /// as *; the seven CME + EHE rows show theirs.
    @Test func suppressedCohortListShowsOnlyWhatCannotGiveBackAHiddenCount() throws {
        var c = TestCohort()
        for child in Array(1...6) + Array(14...25) {
            c.episode(child, "E\(child)", start: "2019-05-01 20:00", end: "2019-05-02 08:00")
        }
        for child in 7...13 { c.add(child, "H\(child)", .ehe(EHERecord(startDate: TestCohort.date("2019-02-01")))) }
        for child in 1...13 {
            c.add(child, "R\(child)", .cme(CMEReferral(referralDate: TestCohort.date("2019-03-01"))))
        }
        for child in 14...15 {
            c.add(
                child, "X\(child)",
                .exclusion(
                    ExclusionRecord(phase: .secondary, category: .suspension, startDate: TestCohort.date("2019-06-03")))
            )
        }
        let key = Pseudonymiser(key: "k")
        let report = InclusionScorecard.build(
            cohort: c.cohort, period: Self.quarter, disclosure: DisclosureOptions(suppress: true, pseudonymiser: key),
            generatedAt: LocalDateTime(parsing: "2019-07-01 09:00")!)
        let headline = try #require(report.tables.first { $0.id == "inclusion-cohort-size" })
        #expect(headline.rows[0][1] == .count(15))
        let list = try #require(report.tables.first { $0.id == "inclusion-cohort" })
        #expect(list.rows.count == 15)
        #expect(!JSONRenderer.render(report).contains("CL00") && !JSONRenderer.render(report).contains("Child1"))
        #expect(Set(list.rows.map { $0[0] }).contains(.text(key.pseudonym("CL000014", kind: "child"))))
        let combinations = try #require(report.tables.first { $0.id == "overlap-combinations" })
        let pair = try #require(combinations.rows.first { $0[0] == .text("Missing + Exclusions") })
        #expect(pair[1] == .suppressed)
        #expect(combinations.rows.first { $0[0] == .text("Missing + CME") }?[1] == .suppressed)
        #expect(combinations.rows.first { $0[0] == .text("CME + EHE") }?[1] == .count(7))
        let hiddenRows = list.rows.filter { $0[4] == .suppressed }
        #expect(hiddenRows.count == 8)
        #expect(list.rows.filter { $0[4] == .text("CME + EHE") }.count == 7)
        #expect(hiddenRows.allSatisfy { row in [8, 9, 10, 11].allSatisfy { row[$0] == .suppressed } })
        // Every label shown is of a combination whose count is shown; LAC only where its split is.
        for row in list.rows {
            guard let combination = combinations.rows.first(where: { $0[0] == row[4] }) else { continue }
            #expect(combination[1] != .suppressed)
            if row[6] != .suppressed { #expect(combination[2] != .suppressed && combination[3] != .suppressed) }
        }
    }

    /// Found by `Scripts/recompute-indicators.py` (#11): an absence is not a missing episode. Child 5
    /// has only an absent episode in the quarter: in no strand. Child 6 has a missing and an absent
    /// one: in the Missing strand, with 1 missing episode in the period.
    @Test func anAbsenceDoesNotPutAChildInTheMissingStrand() {
        var c = TestCohort()
        c.episode(5, "A5", start: "2019-05-01 20:00", end: "2019-05-01 22:00", type: .absent)
        c.episode(6, "E6", start: "2019-05-02 20:00", end: "2019-05-03 08:00")
        c.episode(6, "A6", start: "2019-05-09 20:00", end: "2019-05-09 22:00", type: .absent)
        let members = StrandMembership.members(of: c.cohort, in: Self.quarter.interval)
        #expect(members.map(\.child) == [ChildLinkID(6)])
        #expect(members.first?.strands == [.missing])
        #expect(members.first?.episodesInPeriod == 1)
    }

    /// Risk as last recorded, from every source, by 30 June 2019:
    /// - child 1: CSE High in January, None in March → not at risk (the highest, High, no longer counts);
    /// - child 2: no risk on its episode, CIN census factor 24A (CCE) → at risk;
    /// - child 3: CIN census factor 10A (missing) only → not at risk.
    @Test func exploitationRiskAsLastRecordedFromEverySource() {
        var c = TestCohort()
        c.episode(1, "E1", start: "2019-01-05 10:00", end: "2019-01-05 20:00", cse: .high)
        c.episode(1, "E2", start: "2019-03-05 10:00", end: "2019-03-05 20:00", cse: RiskLevel.none)
        c.episode(2, "E3", start: "2019-04-05 10:00", end: "2019-04-05 20:00")
        c.add(
            2, "S1",
            .socialCare(SocialCareRecord(referralDates: [TestCohort.date("2019-02-01")], assessmentFactors: ["24A"])))
        c.add(
            3, "S2",
            .socialCare(SocialCareRecord(referralDates: [TestCohort.date("2019-02-01")], assessmentFactors: ["10A"])))
        let cohort = c.cohort
        let asAt = TestCohort.date("2019-06-30")
        let risk = (1...3).map { ChildFacts(child: ChildLinkID($0), cohort: cohort, asAt: asAt).hasExploitationRisk }
        #expect(risk == [false, true, false])
        #expect(ChildFacts(child: ChildLinkID(1), cohort: cohort, asAt: asAt).cseRisk == RiskLevel.none)
    }
}

import ChildLinkModel
import Testing

@testable import ChildLinkReports

/// Interval propagation over published sums, and suppression that holds across tables.
@Suite("Disclosure: bounds a reader can work out")
struct DisclosureBoundsTests {
    /// The case: "2 strands = 86" published while the six two-strand combinations shown
    /// add to 83 (20 + 15 + 18 + 10 + 20 + the hidden one), so the hidden one is 86 − 83 = 3.
    static let pairs = [20, 15, 18, 3, 10, 20]
    static let twoStrands = OutputCell("counts", row: 1, column: 1)
    static func pair(_ index: Int) -> OutputCell { OutputCell("combinations", row: 4 + index, column: 1) }
    static let relation = SumRelation(total: twoStrands, parts: (0..<6).map(pair))
    static var values: [OutputCell: Int] {
        var values = [twoStrands: 86]
        for (index, value) in pairs.enumerated() { values[pair(index)] = value }
        return values
    }

    @Test func aHiddenCombinationIsPinnedByTheStrandCount() {
        let ranges = IntervalBounds.bounds(shown: Self.values, hidden: [Self.pair(3)], relations: [Self.relation])
        #expect(ranges[Self.pair(3)] == 3...3)
        #expect(
            IntervalBounds.disclosed(shown: Self.values, hidden: [Self.pair(3)], relations: [Self.relation]) == [
                Self.pair(3)
            ])
    }

    /// Protected, the smallest other shown pair (10) is hidden too: the two hidden add to 13, so
    /// each is 1 to 12 — not one value, and not inside 1–4.
    @Test func protectionHidesASecondCell() {
        let hidden = IntervalBounds.protect(values: Self.values, primary: [Self.pair(3)], relations: [Self.relation])
        #expect(hidden == [Self.pair(3), Self.pair(4)])
        let ranges = IntervalBounds.bounds(shown: Self.values, hidden: hidden, relations: [Self.relation])
        #expect(ranges[Self.pair(3)] == 1...12)
        #expect(ranges[Self.pair(4)] == 1...12)
    }

    /// Two small hidden cells in one sum are not safe either: 7 = 5 + a + b with a = 1, b = 1 gives
    /// each 1...1; and with a total of 9 (a + b = 4) each is 1...3, inside 1–4.
    @Test(arguments: [(7, 1, 1), (9, 2, 2)])
    func twoSmallHiddenCellsInOneSumAreStillDisclosed(total: Int, a: Int, b: Int) {
        let cells = (0..<3).map { OutputCell("t", row: $0, column: 1) }
        let totalCell = OutputCell("t", row: 3, column: 1)
        let values = [cells[0]: 5, cells[1]: a, cells[2]: b, totalCell: total]
        let relation = SumRelation(total: totalCell, parts: cells)
        #expect(
            IntervalBounds.disclosed(shown: values, hidden: [cells[1], cells[2]], relations: [relation]).count == 2)
        let hidden = IntervalBounds.protect(values: values, primary: [cells[1], cells[2]], relations: [relation])
        #expect(hidden.contains(cells[0]))
    }

    /// The auditor's old known issue (#11): 6 episodes by age, 3 + 1 + 1 + 1 + 0 + 0, the 6 public
    /// through the percentages. Every non-zero age is hidden (all below 5), so with zeros shown each
    /// hidden age is at least 1 and at most 6 − 3 = 3: inside 1–4, and nothing non-zero is left to
    /// hide. Hiding the two zeros with them, a reader can no longer tell which hidden age is 0: each
    /// is 0 to 6.
    @Test func zerosAreHiddenWithASumWhoseCountsAreAllHidden() {
        let ages = (0..<6).map { OutputCell("ages", row: $0, column: 2) }
        let values = Dictionary(uniqueKeysWithValues: zip(ages, [3, 1, 1, 1, 0, 0]))
        let relation = SumRelation(constant: 6, parts: ages)
        let primary = Set(ages[0..<4])
        let zerosShown = IntervalBounds.protect(values: values, primary: primary, relations: [relation])
        #expect(zerosShown == primary)
        #expect(IntervalBounds.disclosed(shown: values, hidden: zerosShown, relations: [relation]).count == 4)
        let hidden = IntervalBounds.protect(
            values: values, primary: primary, relations: [relation], zeros: .hiddenWithTheirSum)
        #expect(hidden == Set(ages))
        let ranges = IntervalBounds.bounds(
            shown: values, hidden: hidden, relations: [relation], zeros: .hiddenWithTheirSum)
        #expect(ages.allSatisfy { ranges[$0] == 0...6 })
        #expect(
            IntervalBounds.disclosed(shown: values, hidden: hidden, relations: [relation], zeros: .hiddenWithTheirSum)
                .isEmpty)
    }

    /// A hidden combination whose LAC cell shows 0: not LAC = children, so both must be hidden or
    /// the split gives it back. Combination rows: 6 = 6 + 0 (shown), 3 = 0 + 3 (hidden), total 9 = 6 + 3.
    @Test func lacSplitOfAHiddenCellIsHiddenToo() {
        let table = ReportTable(
            id: "c", title: "c", columns: ["Strands", "Children", "LAC", "Not LAC"],
            rows: [
                [.text("A"), .count(6), .count(6), .count(0)], [.text("B"), .count(3), .count(0), .count(3)],
                [.text("Total"), .count(9), .count(6), .count(3)],
            ])
        let cell = { (row: Int, column: Int) in OutputCell("c", row: row, column: column) }
        let relations =
            (1...3).map { column in SumRelation(total: cell(2, column), parts: [cell(0, column), cell(1, column)]) }
            + (0...2).map { row in SumRelation(total: cell(row, 1), parts: [cell(row, 2), cell(row, 3)]) }
        let output = JointSuppression.apply(to: [table], relations: relations)[0]
        let hidden = Set(
            output.rows.indices.flatMap { row in
                output.rows[row].indices.filter { output.rows[row][$0] == .suppressed }.map { cell(row, $0) }
            })
        #expect(hidden.contains(cell(1, 1)) && hidden.contains(cell(1, 3)))
        #expect(
            IntervalBounds.disclosed(shown: JointSuppression.values([table]), hidden: hidden, relations: relations)
                .isEmpty)
    }

    @Test func aSuppressedBarIsDrawnAsSuppressed() {
        let table = ReportTable(
            id: "s", title: "Strands", columns: ["Strands", "Children"],
            rows: [[.text("1 strand"), .count(40)], [.text("2 strands"), .suppressed]], chart: .bar)
        let svg = SVGCharts.bars(table)
        #expect(svg.contains(">2 strands</text>"))
        #expect(svg.contains("* (suppressed)"))
    }
}

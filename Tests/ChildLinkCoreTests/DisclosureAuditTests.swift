import ChildLinkCore
import ChildLinkModel
import ChildLinkReports
import ChildLinkSample
import Testing

/// The disclosure auditor: for every suppressed output, every published figure is taken and, for
/// each hidden cell, the tightest range the published figures allow is worked out by exact interval
/// propagation over the additive relations a reader can see (table totals, splits, strand counts
/// against combinations, the trend against the overlap, months against the year to date, rows that
/// are percentages of one denominator). A hidden cell whose range is one value, or lies inside 1–4,
/// is a disclosure (a hidden 0 pinned to 0 is not: zeros identify nobody). The relations and the
/// propagation are written here, apart from the suppressor's.
///
/// What a reader may assume about a `*` follows each output's published rule: in the Inclusion
/// Scorecard and `overlap` zeros are always shown, so every `*` is at least 1; in the per-table
/// scorecards a sum's zeros are hidden with it where a total would otherwise give hidden counts away,
/// so a `*` in a sum whose parts are all hidden may be 0; anywhere else a hidden count is taken to be
/// at least 1 (a hidden 0 at least 0: taking it for 1 or more would only tell the reader it is 0).
@Suite("Disclosure auditor over every suppressed output")
struct DisclosureAuditTests {
    /// A cell of one table.
    struct Cell: Hashable, Comparable, CustomStringConvertible {
        let table: String
        let row: Int
        let column: Int
        static func < (a: Cell, b: Cell) -> Bool { (a.table, a.row, a.column) < (b.table, b.row, b.column) }
        var description: String { "\(table)[\(row),\(column)]" }
    }

    /// `total` (a cell, or a known number) = the sum of `parts`.
    struct Sum {
        var total: Cell?
        var known: Int?
        var parts: [Cell]
    }

    static let big = 1 << 40

    /// The tightest ranges interval propagation reaches: shown cells are their value, hidden ones
    /// at least 1 (zeros are shown) — at least 0 with `zerosHiddenWithTheirSum` when a part of a sum
    /// whose parts are all hidden —, unpublished ones at least 0.
    /// A hidden cell that is 0 (`zeros`) is taken to be at least 0 too: a reader who took it to be
    /// at least 1 would learn only that it is 0.
    static func ranges(
        shown: [Cell: Int], hidden: Set<Cell>, sums: [Sum], zerosHiddenWithTheirSum: Bool = false,
        zeros: Set<Cell> = []
    ) -> [Cell: (Int, Int)] {
        let mayBeZero =
            zerosHiddenWithTheirSum
            ? Set(sums.filter { $0.parts.allSatisfy(hidden.contains) }.flatMap(\.parts)).union(zeros) : []
        var range: [Cell: (Int, Int)] = [:]
        for sum in sums {
            for cell in (sum.total.map { [$0] } ?? []) + sum.parts where range[cell] == nil {
                let floor = mayBeZero.contains(cell) ? 0 : 1
                range[cell] = hidden.contains(cell) ? (floor, big) : shown[cell].map { ($0, $0) } ?? (0, big)
            }
        }
        var changed = true
        var passes = 0
        while changed && passes < 500 {
            changed = false
            passes += 1
            for sum in sums {
                let total = sum.total.map { range[$0]! } ?? (sum.known!, sum.known!)
                let lows = sum.parts.map { range[$0]!.0 }
                let highs = sum.parts.map { range[$0]!.1 }
                let lowSum = lows.reduce(0, +)
                var updates: [(Cell, Int, Int)] = []
                if let cell = sum.total {
                    updates.append((cell, lowSum, highs.contains(big) ? big : highs.reduce(0, +)))
                }
                for (index, part) in sum.parts.enumerated() {
                    var others = highs
                    others.remove(at: index)
                    let otherHigh = others.contains(big) ? big : others.reduce(0, +)
                    let low = otherHigh == big ? 0 : total.0 - otherHigh
                    let high = total.1 == big ? big : total.1 - (lowSum - lows[index])
                    updates.append((part, low, high))
                }
                for (cell, low, high) in updates {
                    let old = range[cell]!
                    // A range that turns over means the published figures contradict the reader's
                    // assumptions (a `*` taken as at least 1 that is 0): kept so, and reported.
                    guard old.0 <= old.1 else { continue }
                    let new = (max(old.0, low), min(old.1, high))
                    if new != old {
                        range[cell] = new
                        changed = true
                    }
                }
            }
        }
        return range
    }

    /// The hidden cells a reader can pin, with their range; `open` (the unsuppressed report) is
    /// given for the per-table scorecards, whose zeros may be hidden with their sum.
    static func audit(_ report: Report, sums: [Sum], open: Report? = nil, counted: [Cell: Int] = [:]) -> [String] {
        var shown = counted
        var hidden = Set<Cell>()
        for table in report.tables {
            for (row, cells) in table.rows.enumerated() {
                for (column, cell) in cells.enumerated() {
                    let at = Cell(table: table.id, row: row, column: column)
                    if cell == .suppressed {
                        hidden.insert(at)
                    } else if let value = cell.countValue {
                        shown[at] = value
                    }
                }
            }
        }
        let zeros = open.map { open in
            Set(
                open.tables.flatMap { table in
                    table.rows.indices.flatMap { row in
                        table.rows[row].indices.filter { table.rows[row][$0].countValue == 0 }.map {
                            Cell(table: table.id, row: row, column: $0)
                        }
                    }
                })
        }
        let ranges = ranges(
            shown: shown, hidden: hidden, sums: sums, zerosHiddenWithTheirSum: open != nil, zeros: zeros ?? [])
        return hidden.sorted().compactMap { cell in
            // A hidden 0 pinned to 0 identifies nobody (zeros are published): not a disclosure.
            guard let (low, high) = ranges[cell], low > high || (low >= 1 && (low == high || high < 5)) else {
                return nil
            }
            guard low <= high else { return "\(report.slug) \(cell) contradicts what a reader assumes of a *" }
            return "\(report.slug) \(cell) is \(low)...\(high)"
        }
    }

    // MARK: The relations a reader sees

    /// In the overlap tables and the trend, from their labels.
    static func overlapSums(_ report: Report, periodLabel: String) -> [Sum] {
        var sums: [Sum] = []
        guard let combinations = report.tables.first(where: { $0.id == "overlap-combinations" }),
            let counts = report.tables.first(where: { $0.id == "overlap-strand-count" })
        else { return [] }
        let c = { (row: Int, column: Int) in Cell(table: combinations.id, row: row, column: column) }
        let totalRow = combinations.rows.firstIndex { $0[0] == .text("Any strand (total)") }!
        let comboRows = combinations.rows.indices.filter { $0 != totalRow }
        for column in 1...5 { sums.append(Sum(total: c(totalRow, column), parts: comboRows.map { c($0, column) })) }
        for row in combinations.rows.indices {
            sums.append(Sum(total: c(row, 1), parts: [c(row, 2), c(row, 3)]))
            sums.append(Sum(total: c(row, 1), parts: [c(row, 4), c(row, 5)]))
        }
        let k = { (row: Int) in Cell(table: counts.id, row: row, column: 1) }
        for size in 1...4 {
            let members = comboRows.filter { row in
                guard case .text(let label) = combinations.rows[row][0] else { return false }
                return label.split(separator: "+").count == size
            }
            sums.append(Sum(total: k(size - 1), parts: members.map { c($0, 1) }))
        }
        sums.append(Sum(total: k(4), parts: (0..<4).map(k)))
        sums.append(Sum(total: k(4), parts: [c(totalRow, 1)]))
        if let trend = report.tables.first(where: { $0.id == "inclusion-trend" }) {
            for column in 1..<trend.columns.count {
                let t = { (row: Int) in Cell(table: trend.id, row: row, column: column) }
                let latent = { (name: String) in Cell(table: "unpublished \(name)", row: 0, column: column) }
                sums.append(Sum(total: t(0), parts: [latent("one strand"), t(1)]))
                sums.append(Sum(total: t(1), parts: [latent("two strands"), t(2)]))
                if trend.columns[column] == periodLabel {
                    sums.append(Sum(total: t(0), parts: [k(4)]))
                    sums.append(Sum(total: t(1), parts: [k(1), k(2), k(3)]))
                    sums.append(Sum(total: t(2), parts: [k(2), k(3)]))
                }
            }
        }
        return sums
    }

    /// The Inclusion Scorecard's headline and cohort list, whose rows a reader can count: the
    /// headline and the list's length are the children in two, three and four strands; the rows
    /// showing a combination are (at least) that combination's children, the rest make up the
    /// difference; likewise the number of strands against the strand counts, and the LAC and risk
    /// flags of a combination's rows against its splits. Each count of rows is a published figure
    /// (`counted`), each share of rows whose value is hidden an unpublished one (at least 0).
    static func listSums(_ report: Report) -> (sums: [Sum], counted: [Cell: Int]) {
        guard let combinations = report.tables.first(where: { $0.id == "overlap-combinations" }) else {
            return ([], [:])
        }
        let k = { (row: Int) in Cell(table: "overlap-strand-count", row: row, column: 1) }
        var sums: [Sum] = []
        if report.tables.contains(where: { $0.id == "inclusion-cohort-size" }) {
            sums.append(Sum(total: Cell(table: "inclusion-cohort-size", row: 0, column: 1), parts: [k(1), k(2), k(3)]))
        }
        guard let list = report.tables.first(where: { $0.id == "inclusion-cohort" }) else { return (sums, [:]) }
        var counted: [Cell: Int] = [:]
        let column = { (name: String) in list.columns.firstIndex(of: name)! }
        let (strands, size, lac, risk) = (
            column("Strands"), column("Number of strands"), column("LAC"), column("CSE/CCE risk")
        )
        func counting(_ name: String, _ index: Int, _ value: Int) -> Cell {
            let cell = Cell(table: "list \(name)", row: index, column: 0)
            counted[cell] = value
            return cell
        }
        let latent = { (name: String, index: Int) in Cell(table: "unpublished list \(name)", row: index, column: 0) }
        sums.append(Sum(known: list.rows.count, parts: [k(1), k(2), k(3)]))
        // Rows by combination, and their LAC and risk flags.
        let comboRows = combinations.rows.indices.filter { row in
            guard case .text(let label) = combinations.rows[row][0] else { return false }
            return label.contains("+")
        }
        for row in comboRows {
            let rows = list.rows.filter { $0[strands] == combinations.rows[row][0] }
            let c = { (column: Int) in Cell(table: combinations.id, row: row, column: column) }
            sums.append(Sum(total: c(1), parts: [counting("strands", row, rows.count), latent("strands", row)]))
            for (flagColumn, yes, no) in [(lac, 2, 3), (risk, 4, 5)] {
                let flags = rows.map { $0[flagColumn] }
                let yesCount = flags.filter { $0 == .flag(true) }.count
                let noCount = flags.filter { $0 == .flag(false) }.count
                let name = "flag \(flagColumn)"
                sums.append(
                    Sum(total: c(yes), parts: [counting("\(name) yes", row, yesCount), latent("\(name) yes", row)]))
                sums.append(
                    Sum(total: c(no), parts: [counting("\(name) no", row, noCount), latent("\(name) no", row)]))
            }
        }
        let unlabelled = list.rows.filter { $0[strands] == .suppressed }.count
        sums.append(Sum(known: unlabelled, parts: comboRows.map { latent("strands", $0) }))
        // Rows by number of strands.
        for strandCount in 2...4 {
            let rows = list.rows.filter { $0[size] == .count(strandCount) }.count
            sums.append(
                Sum(
                    total: k(strandCount - 1),
                    parts: [counting("size", strandCount, rows), latent("size", strandCount)]))
        }
        let unsized = list.rows.filter { $0[size] == .suppressed }.count
        sums.append(Sum(known: unsized, parts: (2...4).map { latent("size", $0) }))
        return (sums, counted)
    }

    /// In a scorecard: each row's YTD against its period columns, and in each column the rows that
    /// are percentages of one denominator and add up to it (leaving out a row labelled as a total of
    /// some of them, such as `Total BME`); kept where the unsuppressed figures satisfy them (a reader
    /// who knows the definitions knows which do). A denominator the published figures do not give
    /// is an unpublished total (at least 0): the rows still add up to one figure.
    static func scorecardSums(open: Report, published: Report) -> [Sum] {
        let known = knownDenominators(published)
        return eheTrendSums(open)
            + open.tables.flatMap { table -> [Sum] in
                var sums: [Sum] = []
                let cell = { (row: Int, column: Int) in Cell(table: table.id, row: row, column: column) }
                let value = { (row: Int, column: Int) in table.rows[row][column].countValue }
                if let ytd = table.columns.firstIndex(of: "YTD") {
                    for row in table.rows.indices {
                        let periods = (2..<ytd).filter { value(row, $0) != nil }
                        guard let total = value(row, ytd), periods.count >= 2,
                            periods.reduce(0, { $0 + value(row, $1)! }) == total
                        else { continue }
                        sums.append(Sum(total: cell(row, ytd), parts: periods.map { cell(row, $0) }))
                    }
                }
                sums += definitionSums(table)
                for column in table.columns.indices {
                    var byDenominator: [Int: [Int]] = [:]
                    for row in table.rows.indices {
                        if case .countWithPercent(_, let denominator) = table.rows[row][column] {
                            byDenominator[denominator, default: []].append(row)
                        }
                    }
                    for (denominator, rows) in byDenominator where rows.count >= 2 {
                        let isSubtotal = { (row: Int) in
                            table.rows[row].contains {
                                $0.plainText.hasPrefix("Total") || $0.plainText.hasPrefix("Of those")
                            }
                        }
                        let adding = [rows, rows.filter { !isSubtotal($0) }].first {
                            $0.count >= 2 && $0.reduce(0, { $0 + value($1, column)! }) == denominator
                        }
                        guard let adding else { continue }
                        let parts = adding.map { cell($0, column) }
                        if known.contains([column, denominator]) {
                            sums.append(Sum(known: denominator, parts: parts))
                        } else {
                            let unpublished = Cell(table: "unpublished \(table.id)", row: denominator, column: column)
                            sums.append(Sum(total: unpublished, parts: parts))
                        }
                    }
                }
                return sums
            }
    }

    /// The EHE trend repeats 1.1, a count at a day, at every month end that is a year column's end:
    /// its last month is the latest column (to the period end), and the August of an earlier year
    /// is that academic year's end (`2017/18` ends in `Aug-18`).
    static func eheTrendSums(_ open: Report) -> [Sum] {
        guard let trend = open.tables.first(where: { $0.id == "ehe-trend" }),
            let years = open.tables.first(where: { $0.id == "ehe-1" }),
            let row = years.rows.firstIndex(where: { $0[0] == .text("1.1") })
        else { return [] }
        var pairs = [(trend.columns.count - 1, years.columns.count - 1)]
        for column in 2..<(years.columns.count - 1) {
            if let month = trend.columns.firstIndex(of: "Aug-\(years.columns[column].suffix(2))") {
                pairs.append((month, column))
            }
        }
        return pairs.map { month, year in
            Sum(
                total: Cell(table: trend.id, row: 0, column: month),
                parts: [Cell(table: years.id, row: row, column: year)])
        }
    }

    /// Sums a reader knows from the definitions: RHI completed and not completed in 3 working days
    /// (5.3a + 5.3b) are the interviews accepted (5.2), in every column.
    static func definitionSums(_ table: ReportTable) -> [Sum] {
        let row = { (ref: String) in table.rows.firstIndex { $0.first == .text(ref) } }
        guard let accepted = row("5.2"), let completed = row("5.3a"), let notCompleted = row("5.3b") else { return [] }
        return (2..<table.columns.count).compactMap { column in
            guard table.rows[accepted][column].countValue != nil else { return nil }
            let cell = { (row: Int) in Cell(table: table.id, row: row, column: column) }
            return Sum(total: cell(accepted), parts: [cell(completed), cell(notCompleted)])
        }
    }

    /// The denominators a reader knows, by column of the indicator tables (which share one layout):
    /// one a shown non-zero percentage is of, or a count shown in the same column (where the
    /// indicator it is a percentage of may be).
    static func knownDenominators(_ report: Report) -> Set<[Int]> {
        var known = Set<[Int]>()
        for table in report.tables where table.columns.first == "Ref" {
            for cells in table.rows {
                for (column, cell) in cells.enumerated() {
                    if case .countWithPercent(let count, let denominator) = cell, count > 0 {
                        known.insert([column, denominator])
                    } else if case .count(let count) = cell {
                        known.insert([column, count])
                    }
                }
            }
        }
        return known
    }

    // MARK: The outputs audited

    static let generatedAt = LocalDateTime(parsing: "2019-07-01 09:00")!

    static func cohort(children: Int, seed: UInt64) -> Cohort {
        let (records, truth) = SamplePopulation.generate(SampleConfiguration(children: children, seed: seed))
        return Cohort(records: records, assignment: truth.mapValues { ChildLinkID($0) })
    }

    static let periods: [ReportingPeriod] = [
        .month(year: 2019, month: 4), .month(year: 2019, month: 5), .month(year: 2019, month: 6),
        .quarter(startYear: 2019, quarter: 1),
        .quarter(startYear: 2018, quarter: 4), .year(startYear: 2018),
    ]

    /// The findings on the Inclusion Scorecard and `overlap` (`inclusion`), and on the other
    /// scorecards (`scorecards`), at each period; `lists` counts the cohort lists audited, and
    /// `hiddenLabels` their rows whose strands are hidden.
    static func findings(_ cohort: Cohort, periods: [ReportingPeriod] = periods) -> (
        inclusion: [String], scorecards: [String], lists: Int, hiddenLabels: Int
    ) {
        let suppressed = DisclosureOptions(suppress: true, pseudonymiser: Pseudonymiser(key: "audit"))
        let open = DisclosureOptions(suppress: false, pseudonymiser: nil)
        var inclusion: [String] = []
        var scorecards: [String] = []
        var (lists, hiddenLabels) = (0, 0)
        for period in periods {
            for kind in ScorecardKind.allCases {
                let report = ScorecardJob.build(
                    kind: kind, cohort: cohort, period: period, disclosure: suppressed, generatedAt: generatedAt)
                if kind == .inclusion {
                    let list = listSums(report)
                    if let table = report.tables.first(where: { $0.id == "inclusion-cohort" }) {
                        lists += 1
                        hiddenLabels += table.rows.filter { $0[4] == .suppressed }.count
                    }
                    inclusion += audit(
                        report, sums: overlapSums(report, periodLabel: period.columnLabel) + list.sums,
                        counted: list.counted)
                    continue
                }
                let unsuppressed = ScorecardJob.build(
                    kind: kind, cohort: cohort, period: period, disclosure: open, generatedAt: generatedAt)
                scorecards += audit(
                    report, sums: scorecardSums(open: unsuppressed, published: report), open: unsuppressed)
            }
            let overlap = InclusionScorecard.overlapReport(
                cohort: cohort, period: period, disclosure: suppressed, generatedAt: generatedAt)
            inclusion += audit(overlap, sums: overlapSums(overlap, periodLabel: period.columnLabel))
        }
        return (inclusion, scorecards, lists, hiddenLabels)
    }

    /// Small boroughs and single months are where it bites.
    @Test(arguments: [(25, UInt64(3)), (60, UInt64(1)), (150, UInt64(7)), (400, UInt64(42))])
    func generatedBoroughs(children: Int, seed: UInt64) {
        let findings = Self.findings(Self.cohort(children: children, seed: seed))
        #expect(findings.inclusion.isEmpty, "\(findings.inclusion.prefix(10))")
        Self.expectScorecards(findings.scorecards)
    }

    /// The committed SampleData's population (3,000 children, seed 2019: the files are its written
    /// form), by its true children.
    @Test func sampleData() {
        let findings = Self.findings(
            Self.cohort(children: 3000, seed: 2019), periods: [.month(year: 2019, month: 5), .year(startYear: 2018)])
        #expect(findings.inclusion.isEmpty, "\(findings.inclusion.prefix(10))")
        // Both Inclusion Scorecards publish their cohort list, some rows with their strands hidden:
        // the list's counts were among the figures audited.
        #expect(findings.lists == 2)
        #expect(findings.hiddenLabels > 0)
        Self.expectScorecards(findings.scorecards)
    }

    /// The per-table scorecards (Missing, CME, EHE, exclusions) find nothing either: the case that
    /// was a known issue — a column whose every non-zero cell is hidden while its total is published
    /// (1.1 = 6 episodes in a month, split 3 + 1 + 1 + 1 by age) — is protected by hiding the
    /// column's zeros with them.
    static func expectScorecards(_ findings: [String]) {
        #expect(findings.isEmpty, "\(findings.prefix(10))")
    }

    /// The auditor counts the cohort list's rows: with the strands of the rows whose combination is
    /// hidden put back (as an earlier list printed them), the hidden combinations are pinned.
    @Test func auditorFindsACohortListThatGivesACountBack() throws {
        let cohort = Self.cohort(children: 3000, seed: 2019)
        let key = Pseudonymiser(key: "audit")
        let build = { (suppress: Bool) in
            ScorecardJob.build(
                kind: .inclusion, cohort: cohort, period: .year(startYear: 2018),
                disclosure: DisclosureOptions(suppress: suppress, pseudonymiser: key), generatedAt: Self.generatedAt)
        }
        var report = build(true)
        let open = try #require(build(false).tables.first { $0.id == "inclusion-cohort" })
        let section = try #require(report.sections.firstIndex { $0.title == "Cross-referenced cohort" })
        let table = try #require(report.sections[section].tables.firstIndex { $0.id == "inclusion-cohort" })
        var list = report.sections[section].tables[table]
        for (index, row) in list.rows.enumerated() where row[4] == .suppressed {
            list.rows[index][4] = try #require(open.rows.first { $0[0] == row[0] })[4]
        }
        report.sections[section].tables[table] = list
        let sums = Self.listSums(report)
        let findings = Self.audit(
            report, sums: Self.overlapSums(report, periodLabel: "2018/19") + sums.sums, counted: sums.counted)
        #expect(!findings.isEmpty)
    }

    /// The auditor itself catches the case: 86 children in two strands shown, the pairs
    /// shown add to 83, the hidden pair is 3.
    @Test func auditorFindsAPinnedCell() {
        let cells = (0..<3).map { Cell(table: "t", row: $0, column: 1) }
        let ranges = Self.ranges(
            shown: [cells[0]: 83, cells[2]: 86], hidden: [cells[1]],
            sums: [Sum(total: cells[2], parts: [cells[0], cells[1]])])
        #expect(ranges[cells[1]]! == (3, 3))
    }
}

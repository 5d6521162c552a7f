/// A cell of a table, by row and column index.
package struct CellPosition: Hashable, Sendable, Comparable {
    /// The row index (0-based, excluding the header).
    package let row: Int
    /// The column index.
    package let column: Int

    /// Creates a position.
    package init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    package static func < (lhs: CellPosition, rhs: CellPosition) -> Bool {
        (lhs.row, lhs.column) < (rhs.row, rhs.column)
    }
}

/// A published sum: the total cell equals the sum of the part cells. A reader who sees all but one
/// of them can work out the last, so disclosure control never leaves exactly one hidden.
package struct AdditiveRelation: Hashable, Sendable {
    /// The total; `nil` when the total is public elsewhere (a denominator shown through percentages).
    package let total: CellPosition?
    /// The parts.
    package let parts: [CellPosition]

    /// Creates a relation.
    package init(total: CellPosition?, parts: [CellPosition]) {
        self.total = total
        self.parts = parts
    }

    /// Every cell in the relation.
    var cells: [CellPosition] { (total.map { [$0] } ?? []) + parts }
}

/// Small-number suppression for statistics that leave the operational group.
///
/// Primary suppression hides every count from 1 to `threshold − 1` (zeros are shown: they identify
/// nobody). Secondary suppression then hides the smallest other count of a published sum through
/// which a hidden count could be pinned — to one value, or to within 1 to `threshold − 1` — until
/// none can (``IntervalBounds``: exact interval propagation over all the sums together). In the
/// per-table scorecards, where every non-zero count of a sum is hidden and its total would still
/// bound them within 1 to `threshold − 1` (6 episodes split 3 + 1 + 1 + 1 + 0 + 0), the sum's zeros
/// are hidden too (``HiddenZeros/hiddenWithTheirSum``).
package enum SmallNumberSuppression {
    /// The default threshold: counts below 5 are hidden.
    package static let defaultThreshold = 5

    /// The table with small counts (and the cells that would reveal them) replaced by `*`; with
    /// `zeros` `.hiddenWithTheirSum`, the zeros of a sum whose non-zero parts are all hidden too,
    /// where a hidden count could otherwise be pinned.
    package static func apply(
        to table: ReportTable, relations: [AdditiveRelation], threshold: Int = defaultThreshold,
        zeros: HiddenZeros = .neverHidden
    ) -> ReportTable {
        var hidden = Set<CellPosition>()
        for (rowIndex, row) in table.rows.enumerated() {
            for (columnIndex, cell) in row.enumerated() {
                if let count = cell.countValue, count > 0, count < threshold {
                    hidden.insert(CellPosition(row: rowIndex, column: columnIndex))
                }
            }
        }
        hidden = IntervalBounds.protect(
            values: values(table), primary: hidden, relations: relations.map { sumRelation($0, table) },
            threshold: threshold, zeros: zeros)
        for derived in table.derivedCells
        where derived.sourceTable == nil && derived.sources.contains(where: hidden.contains) {
            hidden.insert(derived.position)
        }
        var result = table
        for position in hidden { result.rows[position.row][position.column] = .suppressed }
        return result
    }

    /// The count cells of `table`.
    private static func values(_ table: ReportTable) -> [CellPosition: Int] {
        var values: [CellPosition: Int] = [:]
        for (row, cells) in table.rows.enumerated() {
            for (column, cell) in cells.enumerated() {
                if let count = cell.countValue { values[CellPosition(row: row, column: column)] = count }
            }
        }
        return values
    }

    /// `relation` for the bounds: a total public elsewhere is the sum of its parts' counts.
    private static func sumRelation(_ relation: AdditiveRelation, _ table: ReportTable) -> SumRelation<CellPosition> {
        guard let total = relation.total else {
            let sum = relation.parts.reduce(0) { $0 + (table.rows[$1.row][$1.column].countValue ?? 0) }
            return SumRelation(constant: sum, parts: relation.parts)
        }
        return SumRelation(total: total, parts: relation.parts)
    }

    /// The note a report carries when its small counts are hidden.
    package static let reportNote =
        "Counts of 1 to 4 are shown as *, with further cells hidden so that no total reveals them; where a total "
        + "would otherwise give hidden counts away, the zeros beside them are hidden too, so a * may stand for 0."

    /// The note that stands in for a section summary that quotes counts.
    package static let summaryLeftOut =
        "The summary paragraph is left out where small counts are hidden: it quotes counts that are not suppressed."

    /// A scorecard with small counts hidden: every table through ``apply(to:relations:threshold:)``
    /// with its ``percentagePartitions(_:)`` and ``periodSums(_:)`` (derived cells, such as
    /// direction-of-travel arrows, hidden with their sources, also those whose sources are in
    /// another table), and every summary that quotes counts left out. Zeros are hidden with their
    /// sum where needed (``HiddenZeros/hiddenWithTheirSum``).
    package static func apply(to report: Report, threshold: Int = defaultThreshold) -> Report {
        var result = report
        result.sections = report.sections.map { section in
            var section = section
            section.tables = section.tables.map { table in
                var table = table
                table.derivedCells += partitionSubtotals(table)
                return apply(
                    to: table, relations: percentagePartitions(table) + periodSums(table) + definitionSums(table),
                    threshold: threshold, zeros: .hiddenWithTheirSum)
            }
            if section.summaryHasCounts, section.summary != nil {
                section.summary = summaryLeftOut
                section.summaryHasCounts = false
            }
            return section
        }
        result.disclosureNotes.append(reportNote)
        return hidingMirroredCells(result)
    }

    /// The report with every cell derived from a cell of another table hidden when that cell is.
    static func hidingMirroredCells(_ report: Report) -> Report {
        var hiddenByTable: [String: Set<CellPosition>] = [:]
        for table in report.tables {
            for (row, cells) in table.rows.enumerated() {
                for (column, cell) in cells.enumerated() where cell == .suppressed {
                    hiddenByTable[table.id, default: []].insert(CellPosition(row: row, column: column))
                }
            }
        }
        var result = report
        for sectionIndex in result.sections.indices {
            for tableIndex in result.sections[sectionIndex].tables.indices {
                var table = result.sections[sectionIndex].tables[tableIndex]
                for derived in table.derivedCells {
                    guard let source = derived.sourceTable, let hidden = hiddenByTable[source],
                        derived.sources.contains(where: hidden.contains)
                    else { continue }
                    table.rows[derived.position.row][derived.position.column] = .suppressed
                }
                result.sections[sectionIndex].tables[tableIndex] = table
            }
        }
        return result
    }

    /// Relations for scorecard tables: in each column, the rows that show a percentage of the same
    /// denominator and add up to it partition a public total (the denominator is known from the
    /// percentages), so hiding one of them alone would not hide it.
    /// A row that adds up a subset of the partition (`Total BME`, `Of those …`) does not stop the
    /// other rows from being one.
    /// Every other group of rows in the column that are percentages of one denominator and add up
    /// to it is a partition too.
    package static func percentagePartitions(_ table: ReportTable) -> [AdditiveRelation] {
        guard let width = table.rows.first?.count else { return [] }
        return (0..<width).flatMap { column -> [AdditiveRelation] in
            var relations = Set<AdditiveRelation>()
            if let (members, _) = partition(table, column: column) {
                relations.insert(
                    AdditiveRelation(total: nil, parts: members.map { CellPosition(row: $0, column: column) }))
            }
            var byDenominator: [Int: [(row: Int, value: Int)]] = [:]
            for (row, cells) in table.rows.enumerated() {
                if case .countWithPercent(let value, let denominator) = cells[column] {
                    byDenominator[denominator, default: []].append((row, value))
                }
            }
            for (denominator, rows) in byDenominator
            where rows.count >= 2 && rows.reduce(0, { $0 + $1.value }) == denominator {
                relations.insert(
                    AdditiveRelation(total: nil, parts: rows.map { CellPosition(row: $0.row, column: column) }))
            }
            return relations.sorted { $0.parts.first! < $1.parts.first! }
        }
    }

    /// The rows beside a percentage partition that count a subset of it (`Total BME`): such a row
    /// would give back a hidden member once the other members of its subset are shown, and which
    /// members those are is not in the table, so it is hidden whenever any member is.
    package static func partitionSubtotals(_ table: ReportTable) -> [DerivedCell] {
        guard let width = table.rows.first?.count else { return [] }
        return (0..<width).flatMap { column -> [DerivedCell] in
            guard let (members, extras) = partition(table, column: column) else { return [] }
            return extras.map { row in
                DerivedCell(
                    position: CellPosition(row: row, column: column),
                    sources: members.map { CellPosition(row: $0, column: column) })
            }
        }
    }

    /// In `column`, the rows showing a percentage of the most shared denominator that add up to
    /// it, and at most one more such row left out to make them add up.
    private static func partition(_ table: ReportTable, column: Int) -> (members: [Int], extras: [Int])? {
        var byDenominator: [Int: [(row: Int, value: Int)]] = [:]
        for (row, cells) in table.rows.enumerated() {
            if case .countWithPercent(let value, let denominator) = cells[column] {
                byDenominator[denominator, default: []].append((row, value))
            }
        }
        guard let (denominator, rows) = byDenominator.max(by: { $0.value.count < $1.value.count }), rows.count >= 2
        else { return nil }
        let sum = rows.reduce(0) { $0 + $1.value }
        if sum == denominator { return (rows.map(\.row), []) }
        // The row left out is a subtotal, labelled as one (`Total BME`, `Of those 'Not a client', …`):
        // rows that add up to the denominator by chance (a child counted in two localities) are no partition.
        let fits = rows.filter { sum - $0.value == denominator }
        let isSubtotal = { (row: Int) in
            table.rows[row].contains { $0.plainText.hasPrefix("Total") || $0.plainText.hasPrefix("Of those") }
        }
        guard rows.count >= 3, let extra = fits.first(where: { isSubtotal($0.row) }) else { return nil }
        return (rows.filter { $0.row != extra.row }.map(\.row), [extra.row])
    }

    /// Sums the indicators' definitions make public, by reference: a total and the rows that add up
    /// to it in every column (RHI completed and not completed in 3 working days are those accepted).
    static let definedSums: [(total: String, parts: [String])] = [("5.2", ["5.3a", "5.3b"])]

    /// Relations for the ``definedSums`` found in `table`, in each column where all their cells are counts.
    package static func definitionSums(_ table: ReportTable) -> [AdditiveRelation] {
        let row = { (ref: String) in table.rows.firstIndex { $0.first == .text(ref) } }
        guard let width = table.rows.first?.count else { return [] }
        return definedSums.flatMap { sum -> [AdditiveRelation] in
            guard let total = row(sum.total) else { return [] }
            let parts = sum.parts.compactMap(row)
            guard parts.count == sum.parts.count else { return [] }
            return (0..<width).compactMap { column in
                guard ([total] + parts).allSatisfy({ table.rows[$0][column].countValue != nil }) else { return nil }
                return AdditiveRelation(
                    total: CellPosition(row: total, column: column),
                    parts: parts.map { CellPosition(row: $0, column: column) })
            }
        }
    }

    /// Relations for a scorecard table with a `YTD` column: in each row where the year to date is
    /// the sum of the period columns before it (episodes, which each start in one period; child
    /// counts where no child appears twice), a reader can take the shown periods from it and
    /// recover a hidden one, so the row is a published sum.
    package static func periodSums(_ table: ReportTable) -> [AdditiveRelation] {
        guard let ytd = table.columns.firstIndex(of: "YTD") else { return [] }
        return table.rows.indices.compactMap { row -> AdditiveRelation? in
            let cells = table.rows[row]
            guard let total = cells[ytd].countValue else { return nil }
            let parts = (0..<ytd).filter { cells[$0].countValue != nil }
            guard parts.count >= 2, parts.reduce(0, { $0 + cells[$1].countValue! }) == total else { return nil }
            return AdditiveRelation(
                total: CellPosition(row: row, column: ytd), parts: parts.map { CellPosition(row: row, column: $0) })
        }
    }

    /// Relations for a table whose `totalRow` sums the rows `partRows`, in each of `columns`.
    package static func columnSums(totalRow: Int, partRows: [Int], columns: [Int]) -> [AdditiveRelation] {
        columns.map { column in
            AdditiveRelation(
                total: CellPosition(row: totalRow, column: column),
                parts: partRows.map { CellPosition(row: $0, column: column) })
        }
    }

    /// Relations for a table whose column `totalColumn` sums `partColumns`, in each of `rows`.
    package static func rowSums(totalColumn: Int, partColumns: [Int], rows: [Int]) -> [AdditiveRelation] {
        rows.map { row in
            AdditiveRelation(
                total: CellPosition(row: row, column: totalColumn),
                parts: partColumns.map { CellPosition(row: row, column: $0) })
        }
    }
}

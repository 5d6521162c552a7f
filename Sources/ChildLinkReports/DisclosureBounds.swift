/// A published sum among the cells of one output: `total` (a cell, or a figure public elsewhere
/// given as `constant`) is the sum of `parts`. Cells may lie in different tables.
package struct SumRelation<Cell: Hashable & Sendable>: Hashable, Sendable {
    /// The total cell; nil when the total is a public constant.
    package let total: Cell?
    /// The total's value when it is not a cell.
    package let constant: Int?
    /// The parts.
    package let parts: [Cell]

    /// `total` = sum of `parts`.
    package init(total: Cell, parts: [Cell]) {
        self.total = total
        self.constant = nil
        self.parts = parts
    }

    /// `constant` = sum of `parts`.
    package init(constant: Int, parts: [Cell]) {
        self.total = nil
        self.constant = constant
        self.parts = parts
    }

    /// Every cell in the relation.
    var cells: [Cell] { (total.map { [$0] } ?? []) + parts }
}

/// What a reader can work out about hidden cells from what is published: exact interval
/// propagation over the additive relations. A shown cell is its value; a hidden one is at least 1
/// (zeros are shown); a figure in a relation that is never published (a latent part) is at least 0.
package enum IntervalBounds {
    /// Stands for "no upper bound" (large enough that sums of it cannot overflow).
    package static let unbounded = 1 << 40

    /// The tightest range of every cell in `relations` that interval propagation reaches.
    package static func bounds<Cell>(shown: [Cell: Int], hidden: Set<Cell>, relations: [SumRelation<Cell>])
        -> [Cell: ClosedRange<Int>]
    {
        var range: [Cell: (low: Int, high: Int)] = [:]
        for cell in relations.flatMap(\.cells) where range[cell] == nil {
            if let value = shown[cell], !hidden.contains(cell) {
                range[cell] = (value, value)
            } else {
                range[cell] = (hidden.contains(cell) ? 1 : 0, unbounded)
            }
        }
        // Each pass can only narrow a range; stop when nothing changes (or after enough passes).
        for _ in 0..<200 {
            var changed = false
            for relation in relations { changed = narrow(relation, &range) || changed }
            if !changed { break }
        }
        return range.mapValues { $0.low...max($0.low, $0.high) }
    }

    private static func narrow<Cell>(_ relation: SumRelation<Cell>, _ range: inout [Cell: (low: Int, high: Int)])
        -> Bool
    {
        let total: (low: Int, high: Int) = relation.total.map { range[$0]! } ?? (relation.constant!, relation.constant!)
        let low = relation.parts.reduce(0) { $0 + range[$1]!.low }
        let openParts = relation.parts.filter { range[$0]!.high >= unbounded }.count
        let boundedHigh = relation.parts.reduce(0) { $0 + min(range[$1]!.high, unbounded) % unbounded }
        let high = openParts > 0 ? unbounded : boundedHigh
        var changed = false
        func set(_ cell: Cell, _ newLow: Int, _ newHigh: Int) {
            let old = range[cell]!
            let updated = (max(old.low, newLow), min(old.high, newHigh))
            if updated != old {
                range[cell] = updated
                changed = true
            }
        }
        if let cell = relation.total { set(cell, low, high) }
        for part in relation.parts {
            let own = range[part]!
            let isOpen = own.high >= unbounded
            let othersHigh = openParts - (isOpen ? 1 : 0) > 0 ? unbounded : boundedHigh - (isOpen ? 0 : own.high)
            let partLow = othersHigh >= unbounded ? 0 : total.low - othersHigh
            let partHigh = total.high >= unbounded ? unbounded : total.high - (low - own.low)
            set(part, partLow, partHigh)
        }
        return changed
    }

    /// The hidden cells a reader can pin: their range is one value, or lies inside 1 to `threshold − 1`.
    package static func disclosed<Cell: Comparable>(
        shown: [Cell: Int], hidden: Set<Cell>, relations: [SumRelation<Cell>],
        threshold: Int = SmallNumberSuppression.defaultThreshold
    ) -> [Cell] {
        let ranges = bounds(shown: shown, hidden: hidden, relations: relations)
        return hidden.filter { cell in
            guard let range = ranges[cell] else { return false }
            return range.count == 1 || range.upperBound < threshold
        }.sorted()
    }

    /// The hidden set grown from `primary` until no hidden cell can be pinned. Each time one can,
    /// of the relations it is in, the one with the fewest hidden cells (the one that pins it most
    /// directly) gives up another cell: its smallest non-zero shown part, else its total.
    package static func protect<Cell: Comparable>(
        values: [Cell: Int], primary: Set<Cell>, relations: [SumRelation<Cell>],
        threshold: Int = SmallNumberSuppression.defaultThreshold
    ) -> Set<Cell> {
        var hidden = primary
        while true {
            let exposed = disclosed(shown: values, hidden: hidden, relations: relations, threshold: threshold)
            guard !exposed.isEmpty,
                let next = nextToHide(around: exposed, values: values, hidden: hidden, relations: relations)
            else { return showingImplied(values: values, primary: primary, hidden: hidden, relations: relations) }
            hidden.insert(next)
        }
    }

    /// `hidden` less the cells hidden only to protect others whose value the published figures give
    /// anyway (a total public elsewhere with every other part shown as 0): showing them says nothing new.
    private static func showingImplied<Cell: Comparable>(
        values: [Cell: Int], primary: Set<Cell>, hidden: Set<Cell>, relations: [SumRelation<Cell>]
    ) -> Set<Cell> {
        let ranges = bounds(shown: values, hidden: hidden, relations: relations)
        return hidden.filter { cell in primary.contains(cell) || ranges[cell].map { $0.count > 1 } ?? true }
    }

    private static func nextToHide<Cell: Comparable>(
        around exposed: [Cell], values: [Cell: Int], hidden: Set<Cell>, relations: [SumRelation<Cell>]
    ) -> Cell? {
        func candidates(_ relation: SumRelation<Cell>) -> [Cell] {
            let shown = { (cell: Cell) in !hidden.contains(cell) && (values[cell] ?? 0) > 0 }
            let parts = relation.parts.filter(shown).sorted { (values[$0]!, $0) < (values[$1]!, $1) }
            return parts + (relation.total.map { shown($0) ? [$0] : [] } ?? [])
        }
        // The relations around the exposed cells first, then those one relation further out, and so
        // on: a cell pinned through a chain of fully hidden sums is freed further along the chain.
        var reached = Set(exposed)
        var used = Set<Int>()
        while true {
            let around = relations.indices.filter {
                !used.contains($0) && relations[$0].cells.contains(where: reached.contains)
            }
            guard !around.isEmpty else { return nil }
            let ranked = around.map { index in
                (
                    hiddenCount: relations[index].cells.filter(hidden.contains).count,
                    candidates: candidates(relations[index])
                )
            }.filter { !$0.candidates.isEmpty }
            if let best = ranked.min(by: { $0.hiddenCount < $1.hiddenCount }) { return best.candidates[0] }
            used.formUnion(around)
            reached.formUnion(around.flatMap { relations[$0].cells })
        }
    }
}

/// A cell of one table of an output, or a figure never published (`table` starting `latent:`).
package struct OutputCell: Hashable, Sendable, Comparable {
    /// The table's id.
    package let table: String
    /// The cell.
    package let position: CellPosition

    /// Creates a reference.
    package init(_ table: String, row: Int, column: Int) {
        self.table = table
        self.position = CellPosition(row: row, column: column)
    }

    package static func < (lhs: OutputCell, rhs: OutputCell) -> Bool {
        (lhs.table, lhs.position) < (rhs.table, rhs.position)
    }
}

/// Small-number suppression over all the tables published together: primary suppression in every
/// table, then secondary suppression until no hidden cell can be pinned through any relation,
/// within a table or across tables (``IntervalBounds/protect(values:primary:relations:threshold:)``).
package enum JointSuppression {
    /// The count cells of `tables`, by output cell.
    package static func values(_ tables: [ReportTable]) -> [OutputCell: Int] {
        var values: [OutputCell: Int] = [:]
        for table in tables {
            for (row, cells) in table.rows.enumerated() {
                for (column, cell) in cells.enumerated() {
                    if let count = cell.countValue { values[OutputCell(table.id, row: row, column: column)] = count }
                }
            }
        }
        return values
    }

    /// The tables with every count from 1 to `threshold − 1`, and every cell that would give one
    /// back through `relations`, shown as `*`.
    package static func apply(
        to tables: [ReportTable], relations: [SumRelation<OutputCell>],
        threshold: Int = SmallNumberSuppression.defaultThreshold
    ) -> [ReportTable] {
        let values = values(tables)
        let primary = Set(values.filter { (1..<threshold).contains($0.value) }.keys)
        let hidden = IntervalBounds.protect(
            values: values, primary: primary, relations: relations, threshold: threshold)
        return tables.map { table in
            var table = table
            for cell in hidden where cell.table == table.id {
                table.rows[cell.position.row][cell.position.column] = .suppressed
            }
            return table
        }
    }
}

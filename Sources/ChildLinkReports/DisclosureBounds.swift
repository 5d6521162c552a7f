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

/// Whether a `*` may stand for a zero: what a reader may assume about the least a hidden count is.
package enum HiddenZeros: Sendable {
    /// Zeros are always shown, so every hidden count is at least 1 (the Inclusion Scorecard, `overlap`).
    case neverHidden
    /// Where every non-zero part of a published sum is hidden, the sum's zeros are hidden too, so a
    /// hidden part of a sum whose parts are all hidden may be 0 (the per-table scorecards). Without
    /// it, 6 episodes split 3 + 1 + 1 + 1 + 0 + 0 by age would give each hidden age 1 to 3.
    case hiddenWithTheirSum
}

/// What a reader can work out about hidden cells from what is published: exact interval
/// propagation over the additive relations. A shown cell is its value; a hidden one is at least 1
/// (zeros are shown), or at least 0 when it is a part of a sum whose parts are all hidden and zeros
/// are hidden with their sum (``HiddenZeros``); a figure in a relation that is never published (a
/// latent part) is at least 0.
package enum IntervalBounds {
    /// Stands for "no upper bound" (large enough that sums of it cannot overflow).
    package static let unbounded = 1 << 40

    /// The tightest range of every cell in `relations` that interval propagation reaches (a range
    /// the published figures contradict is given as its lower bound alone).
    package static func bounds<Cell>(
        shown: [Cell: Int], hidden: Set<Cell>, relations: [SumRelation<Cell>], zeros: HiddenZeros = .neverHidden
    ) -> [Cell: ClosedRange<Int>] {
        propagated(shown: shown, hidden: hidden, relations: relations, zeros: zeros)
            .mapValues { $0.low...max($0.low, $0.high) }
    }

    /// The ranges as propagated: a low above the high means the published figures contradict what
    /// a reader assumes of a `*` (at least 1 where it is not a part of a sum whose parts are all hidden).
    private static func propagated<Cell>(
        shown: [Cell: Int], hidden: Set<Cell>, relations: [SumRelation<Cell>], zeros: HiddenZeros
    ) -> [Cell: (low: Int, high: Int)] {
        let mayBeZero = possiblyZero(shown: shown, hidden: hidden, relations: relations, zeros: zeros)
        var range: [Cell: (low: Int, high: Int)] = [:]
        for cell in relations.flatMap(\.cells) where range[cell] == nil {
            if let value = shown[cell], !hidden.contains(cell) {
                range[cell] = (value, value)
            } else {
                range[cell] = (hidden.contains(cell) && !mayBeZero.contains(cell) ? 1 : 0, unbounded)
            }
        }
        // Each pass can only narrow a range; stop when nothing changes (or after enough passes).
        for _ in 0..<200 {
            var changed = false
            for relation in relations { changed = narrow(relation, &range) || changed }
            if !changed { break }
        }
        return range
    }

    /// The hidden cells taken to be possibly 0: with zeros hidden with their sum, the parts of every
    /// sum whose parts are all hidden (a reader cannot tell them from 0), and the hidden cells that
    /// are 0 (`shown` holds every cell's value: a reader who takes such a `*` to be at least 1 learns
    /// only that it is 0). Every other hidden cell is taken to be at least 1, as strict as a reader can be.
    static func possiblyZero<Cell>(
        shown: [Cell: Int], hidden: Set<Cell>, relations: [SumRelation<Cell>], zeros: HiddenZeros
    ) -> Set<Cell> {
        guard zeros == .hiddenWithTheirSum else { return [] }
        let fullyHidden = relations.filter { $0.parts.allSatisfy(hidden.contains) }.flatMap(\.parts)
        return Set(fullyHidden).union(hidden.filter { shown[$0] == 0 })
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

    /// The hidden cells a reader can pin: their range is one value other than 0 (a zero identifies
    /// nobody), or lies inside 1 to `threshold − 1`; or their range is contradicted (a hidden 0 a
    /// reader must take to be at least 1).
    package static func disclosed<Cell: Comparable>(
        shown: [Cell: Int], hidden: Set<Cell>, relations: [SumRelation<Cell>],
        threshold: Int = SmallNumberSuppression.defaultThreshold, zeros: HiddenZeros = .neverHidden
    ) -> [Cell] {
        let ranges = propagated(shown: shown, hidden: hidden, relations: relations, zeros: zeros)
        return hidden.filter { cell in
            guard let (low, high) = ranges[cell] else { return false }
            return low > high || (low >= 1 && (low == high || high < threshold))
        }.sorted()
    }

    /// The hidden set grown from `primary` until no hidden cell can be pinned. Each time one can,
    /// of the relations it is in, the one with the fewest hidden cells (the one that pins it most
    /// directly) gives up another cell: its smallest non-zero shown part, else its total.
    /// With zeros hidden with their sum, a sum around a pinned cell whose non-zero parts are all
    /// hidden first gives up its zeros (a reader can then not tell which hidden part is 0).
    package static func protect<Cell: Comparable>(
        values: [Cell: Int], primary: Set<Cell>, relations: [SumRelation<Cell>],
        threshold: Int = SmallNumberSuppression.defaultThreshold, zeros: HiddenZeros = .neverHidden
    ) -> Set<Cell> {
        var hidden = primary
        while true {
            let exposed = disclosed(
                shown: values, hidden: hidden, relations: relations, threshold: threshold, zeros: zeros)
            if exposed.isEmpty { break }
            let shownZeros = zerosToHide(around: exposed, values: values, hidden: hidden, relations: relations)
            if zeros == .hiddenWithTheirSum, !shownZeros.isEmpty {
                hidden.formUnion(shownZeros)
            } else if let next = nextToHide(around: exposed, values: values, hidden: hidden, relations: relations) {
                hidden.insert(next)
            } else {
                break
            }
        }
        return showingImplied(
            values: values, primary: primary, hidden: hidden, relations: relations, threshold: threshold, zeros: zeros)
    }

    /// The shown zeros of one sum around `exposed` whose non-zero parts are all hidden (of such sums,
    /// the one with the fewest zeros to hide); empty when there is none.
    private static func zerosToHide<Cell: Comparable>(
        around exposed: [Cell], values: [Cell: Int], hidden: Set<Cell>, relations: [SumRelation<Cell>]
    ) -> [Cell] {
        let exposedCells = Set(exposed)
        let choices = relations.compactMap { relation -> [Cell]? in
            guard relation.cells.contains(where: exposedCells.contains),
                relation.parts.contains(where: hidden.contains)
            else { return nil }
            let shown = relation.parts.filter { !hidden.contains($0) }
            return !shown.isEmpty && shown.allSatisfy({ values[$0] == 0 }) ? shown.sorted() : nil
        }
        return choices.min { $0.count < $1.count } ?? []
    }

    /// `hidden` less the cells hidden only to protect others whose value the published figures give
    /// anyway (a total public elsewhere with every other part shown as 0): showing them says nothing
    /// new. Each is shown only if nothing becomes pinned by it (showing a hidden 0 can tell a
    /// reader that the other hidden parts of its sum are at least 1).
    private static func showingImplied<Cell: Comparable>(
        values: [Cell: Int], primary: Set<Cell>, hidden: Set<Cell>, relations: [SumRelation<Cell>],
        threshold: Int, zeros: HiddenZeros
    ) -> Set<Cell> {
        var result = hidden
        for cell in hidden.sorted() where !primary.contains(cell) {
            let ranges = bounds(shown: values, hidden: result, relations: relations, zeros: zeros)
            guard ranges[cell].map({ $0.count == 1 }) ?? false else { continue }
            let trial = result.subtracting([cell])
            if disclosed(shown: values, hidden: trial, relations: relations, threshold: threshold, zeros: zeros)
                .isEmpty
            {
                result = trial
            }
        }
        return result
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

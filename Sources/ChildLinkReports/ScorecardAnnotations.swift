package import ChildLinkModel

/// What a council's context files say about one scorecard for one period: targets and polarity,
/// commentary, benchmarks. Empty (``none``) when the council gives no files, and the scorecard then
/// looks as it always has.
package struct ScorecardAnnotations: Sendable {
    /// Targets and polarity by indicator reference.
    package var targets: [String: IndicatorTarget]
    /// Commentary by indicator reference: the Comments column.
    package var comments: [String: String]
    /// The "Performance analysis" narrative by group reference: the group table's note.
    package var analysis: [String: String]
    /// Benchmarks by indicator reference.
    package var benchmarks: [String: IndicatorBenchmark]
    /// Where the benchmarks come from.
    package var benchmarkSource: String?
    /// The locality of each postcode sector (CME only): the locality rows come from it when given.
    package var localities: [String: Locality] = [:]
    /// The localities in the council's order.
    package var localityOrder: [Locality] = []
    /// Whether the locality rows have area subtotals: not where small counts are hidden, as a
    /// subtotal beside its sub-localities would give a hidden one back.
    package var areaSubtotals = true

    /// No context.
    package static let none = ScorecardAnnotations(targets: [:], comments: [:], analysis: [:], benchmarks: [:])

    /// Creates annotations.
    package init(
        targets: [String: IndicatorTarget], comments: [String: String], analysis: [String: String] = [:],
        benchmarks: [String: IndicatorBenchmark], benchmarkSource: String? = nil
    ) {
        self.targets = targets
        self.comments = comments
        self.analysis = analysis
        self.benchmarks = benchmarks
        self.benchmarkSource = benchmarkSource
    }

    /// The part of `context` for `scorecard` in `period` (commentary is keyed by the period's slug).
    package init(_ context: ScorecardContext, scorecard: ScorecardName, period: ReportingPeriod) {
        self.init(
            targets: context.targets[scorecard] ?? [:], comments: context.commentary[scorecard]?[period.slug] ?? [:],
            analysis: context.analysis[scorecard]?[period.slug] ?? [:],
            benchmarks: context.benchmarks[scorecard] ?? [:], benchmarkSource: context.benchmarkSource)
        if scorecard == .cme {
            localities = context.localities
            localityOrder = context.localityOrder
        }
    }

    /// The headings of the context columns a table gets after its period columns.
    func headings(direction: Bool, benchmarks: Bool, comments: Bool) -> [String] {
        var headings: [String] = []
        if !targets.isEmpty { headings.append("Good is") }
        if direction { headings.append("DOT") }
        if !targets.isEmpty { headings += ["RAG", "Target"] }
        if benchmarks { headings += ["Stat. neighbours", "England", "Last year"] }
        if comments { headings.append("Comments") }
        return headings
    }

    /// Whether any indicator comment is given (so every table gets a Comments column).
    var hasIndicatorComments: Bool { !comments.isEmpty }

    /// Whether any of `ids` has a benchmark.
    func coversBenchmarks(_ ids: [String]) -> Bool { ids.contains { benchmarks[$0] != nil } }
}

/// The context cells of one indicator row, worked out from its latest and previous period values.
struct ContextCells {
    /// The indicator's target, when the council set one.
    let target: IndicatorTarget?

    /// The value a target is measured on: the percentage when the cell shows one (exact, not
    /// rounded), otherwise the count; `nil` for a percentage of nothing.
    static func measure(_ value: IndicatorValue) -> Double? {
        guard let denominator = value.denominator else { return Double(value.count) }
        return denominator > 0 ? Double(value.count) * 100 / Double(denominator) : nil
    }

    /// The arrow from `previous` to `latest`: plain (as the CME scorecard has always shown it)
    /// without targets; with them, coloured by polarity and saying better or worse.
    func arrow(latest: IndicatorValue, previous: IndicatorValue, withTargets: Bool) -> ReportCell {
        guard withTargets else {
            return .text(latest.count > previous.count ? "↑" : latest.count < previous.count ? "↓" : "→")
        }
        guard let now = Self.measure(latest), let before = Self.measure(previous) else { return .empty }
        let glyph = now > before ? "↑" : now < before ? "↓" : "→"
        let polarity = target?.polarity ?? .info
        guard polarity != .info else { return .rated(glyph, tone: .neutral) }
        guard now != before else { return .rated("→ same", tone: .neutral) }
        let better = (now > before) == (polarity == .higher)
        return .rated("\(glyph) \(better ? "better" : "worse")", tone: better ? .green : .red)
    }

    /// The RAG rating of `latest`, written `Red`, `Amber` or `Green`; empty without a target.
    func rating(_ latest: IndicatorValue) -> ReportCell {
        guard let target, let value = Self.measure(latest), let status = target.status(of: value) else {
            return .empty
        }
        let tone: CellTone =
            switch status {
            case .red: .red
            case .amber: .amber
            case .green: .green
            }
        return .rated(status.rawValue, tone: tone)
    }

    /// `Higher`, `Lower` or `Info`, the RAG rating and the target.
    func targetCells(_ latest: IndicatorValue?) -> [ReportCell] {
        [
            .text((target?.polarity ?? .info).label), latest.map(rating) ?? .empty,
            target?.target.map { .number($0) } ?? .empty,
        ]
    }

    /// The three benchmark cells.
    static func benchmarkCells(_ benchmark: IndicatorBenchmark?) -> [ReportCell] {
        [benchmark?.statisticalNeighbours, benchmark?.england, benchmark?.lastYear].map {
            $0.map { .number($0) } ?? .empty
        }
    }
}

/// The references a council's context files may use: every indicator and group each scorecard
/// has whatever the data (rows made from the data, such as CME localities, are not included).
package enum ScorecardReferences {
    /// The indicator and group references of `scorecard`.
    package static func of(_ scorecard: ScorecardName) -> (indicators: Set<String>, groups: Set<String>) {
        let empty = Cohort(records: [], children: [])
        switch scorecard {
        case .missing: return references(MissingScorecard.groups)
        case .cme: return references(CMEScorecard.groups(CMEContext(cohort: empty)))
        case .ehe: return references(EHEScorecard.groups)
        case .exclusions:
            let context = ExclusionContext(cohort: empty)
            return references(
                ExclusionsScorecard.groups + [ExclusionsScorecard.reasons(context), ExclusionsScorecard.sessions])
        case .inclusion: return ([InclusionScorecard.cohortReference], [])
        }
    }

    private static func references<Context>(_ groups: [IndicatorGroup<Context>]) -> (
        indicators: Set<String>, groups: Set<String>
    ) {
        (Set(groups.flatMap { $0.indicators.map(\.id) }), Set(groups.map(\.id)))
    }
}

extension ScorecardLayout {
    /// The four quarters to the end of the period, oldest first: a rolling year for trend charts.
    package static func rollingQuarters(_ period: ReportingPeriod) -> [ScorecardColumn] {
        let end = period.interval.end
        let last = ReportingPeriod.financialYearStart(of: end) * 4 + (end.month + 8) % 12 / 3
        return (last - 3...last).map { index in
            let quarter = ReportingPeriod.quarter(startYear: index / 4, quarter: index % 4 + 1)
            return ScorecardColumn(label: quarter.columnLabel, interval: quarter.interval)
        }
    }

    /// The tables with the rows of `indicators` (their optional field absent from every record in
    /// the extracts) reading "not recorded" in each of the `valueColumns` period columns, and no
    /// context cells: a count of 0 would say none, which nobody knows.
    static func notRecorded(_ tables: [ReportTable], indicators: Set<String>, valueColumns: Int) -> [ReportTable] {
        guard !indicators.isEmpty else { return tables }
        return tables.map { table in
            var table = table
            let rows = table.rows.indices.filter { index in
                guard case .text(let id) = table.rows[index].first else { return false }
                return indicators.contains(id)
            }
            for index in rows {
                let row = table.rows[index]
                table.rows[index] =
                    Array(row.prefix(2))
                    + (2..<row.count).map { $0 < 2 + valueColumns ? .text("not recorded") : .empty }
            }
            table.derivedCells.removeAll { rows.contains($0.position.row) }
            return table
        }
    }

    /// A trend chart of indicators (`rows`: the line's label and the indicator's reference) over
    /// `columns`. A column the indicator tables also show (`published`, by label; for a
    /// point-in-time indicator, any published column ending on the same day) repeats their count
    /// and is hidden wherever they hide it; a column before the data begins is left empty.
    package static func trendTable<Context>(
        id: String, title: String, rows: [(label: String, indicator: String)], groups: [IndicatorGroup<Context>],
        context: Context, columns: [ScorecardColumn], published: [ScorecardColumn], idPrefix: String,
        dataFrom: CalendarDate?
    ) -> ReportTable {
        var place: [String: (table: String, row: Int, indicator: Indicator<Context>)] = [:]
        for group in groups {
            for (row, indicator) in group.indicators.enumerated() {
                place[indicator.id] = ("\(idPrefix)-\(group.id)", row, indicator)
            }
        }
        let publishedColumn = Dictionary(uniqueKeysWithValues: published.enumerated().map { ($1.label, $0 + 2) })
        var derived: [DerivedCell] = []
        let cells = rows.enumerated().map { row, spec -> [ReportCell] in
            guard let source = place[spec.indicator] else { return [.text(spec.label)] + columns.map { _ in .empty } }
            return [.text(spec.label)]
                + columns.enumerated().map { column, period -> ReportCell in
                    let sameEnd =
                        source.indicator.isPointInTime
                        ? published.firstIndex { $0.interval.end == period.interval.end }.map { $0 + 2 } : nil
                    if let sourceColumn = publishedColumn[period.label] ?? sameEnd {
                        derived.append(
                            DerivedCell(
                                position: CellPosition(row: row, column: column + 1),
                                sources: [CellPosition(row: source.row, column: sourceColumn)],
                                sourceTable: source.table))
                    }
                    guard let first = dataFrom, first <= period.interval.end else { return .empty }
                    return .count(source.indicator.value(in: context, over: period.interval).count)
                }
        }
        return ReportTable(
            id: id, title: title, columns: ["Measure"] + columns.map(\.label), rows: cells, chart: .trend,
            derivedCells: derived)
    }
}

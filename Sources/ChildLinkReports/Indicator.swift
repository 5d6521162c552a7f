package import ChildLinkModel

/// A count, and the count it is a percentage of when the indicator shows one.
package struct IndicatorValue: Hashable, Sendable {
    /// The count.
    package let count: Int
    /// The denominator of the percentage, when there is one.
    package let denominator: Int?

    /// Creates a value.
    package init(_ count: Int, of denominator: Int? = nil) {
        self.count = count
        self.denominator = denominator
    }

    /// The value as a report cell.
    package var cell: ReportCell {
        denominator.map { .countWithPercent(count, denominator: $0) } ?? .count(count)
    }
}

/// One scorecard indicator, defined once and computed for any period.
///
/// `Context` is the prepared data of one family (episodes, referrals, …); `measure` counts over one
/// interval (a month, a quarter, a year to date). Indicators measured at a point in time (still
/// missing at month end, active cases at quarter end) say so, and are measured at the interval's end.
package struct Indicator<Context: Sendable>: Sendable {
    /// The reference number as the council's scorecard prints it (`1.1`, `5.3a`, `12`).
    package let id: String
    /// The title.
    package let title: String
    /// What is counted, and of what the percentage is (for the definitions sheet).
    package let definition: String
    /// Whether the count is taken at the end of the interval rather than over it.
    package let isPointInTime: Bool
    let measure: @Sendable (Context, DayRange) -> IndicatorValue

    /// Creates an indicator.
    package init(
        _ id: String, _ title: String, definition: String = "", pointInTime: Bool = false,
        measure: @escaping @Sendable (Context, DayRange) -> IndicatorValue
    ) {
        self.id = id
        self.title = title
        self.definition = definition
        self.isPointInTime = pointInTime
        self.measure = measure
    }

    /// The value over `interval`.
    package func value(in context: Context, over interval: DayRange) -> IndicatorValue {
        measure(context, interval)
    }
}

/// A numbered group of indicators (`4 Number of days missing`).
package struct IndicatorGroup<Context: Sendable>: Sendable {
    /// The group number, e.g. `4`.
    package let id: String
    /// The heading.
    package let title: String
    /// The indicators in order.
    package let indicators: [Indicator<Context>]

    /// Creates a group.
    package init(_ id: String, _ title: String, _ indicators: [Indicator<Context>]) {
        self.id = id
        self.title = title
        self.indicators = indicators
    }
}

/// A scorecard column: a heading and the interval it covers.
package struct ScorecardColumn: Hashable, Sendable {
    /// `Jun-19`, `Q4 2018/19`, `YTD`.
    package let label: String
    /// The days counted.
    package let interval: DayRange
    /// Whether this is the year-to-date column (point-in-time indicators are left blank there).
    package let isYearToDate: Bool
    /// Whether the extracts reach back to the column's first month: a prior year before them is
    /// written "no data", not counted as nothing.
    package var hasData: Bool

    /// Creates a column.
    package init(label: String, interval: DayRange, isYearToDate: Bool = false, hasData: Bool = true) {
        self.label = label
        self.interval = interval
        self.isYearToDate = isYearToDate
        self.hasData = hasData
    }

    /// The column, marked as without data unless the data begins by the end of its first month.
    func withData(from first: CalendarDate?) -> ScorecardColumn {
        var column = self
        let firstMonth = ReportingPeriod.monthInterval(year: interval.start.year, month: interval.start.month)
        column.hasData = first.map { $0 <= firstMonth.end } ?? false
        return column
    }
}

/// Lays indicator groups out as scorecard tables: `Ref | Indicator | period columns… | YTD`.
package enum ScorecardLayout {
    /// The month columns of the financial year up to `period`, then YTD.
    package static func monthlyColumns(_ period: ReportingPeriod) -> [ScorecardColumn] {
        period.financialYearMonths.map { ScorecardColumn(label: $0.columnLabel, interval: $0.interval) }
            + [ScorecardColumn(label: "YTD", interval: period.yearToDate, isYearToDate: true)]
    }

    /// The quarter columns of the financial year up to `period`, then YTD.
    package static func quarterlyColumns(_ period: ReportingPeriod) -> [ScorecardColumn] {
        period.financialYearQuarters.map { ScorecardColumn(label: $0.columnLabel, interval: $0.interval) }
            + [ScorecardColumn(label: "YTD", interval: period.yearToDate, isYearToDate: true)]
    }

    /// The `count` financial years before the period's, oldest first (`2016/17`, `2017/18`), each
    /// "no data" where the extracts begin after its first month (`dataFrom`).
    package static func priorFinancialYears(_ period: ReportingPeriod, count: Int = 2, dataFrom: CalendarDate?)
        -> [ScorecardColumn]
    {
        let year = ReportingPeriod.financialYearStart(of: period.interval.end)
        return (year - count..<year).map { start in
            let prior = ReportingPeriod.year(startYear: start)
            return ScorecardColumn(label: prior.columnLabel, interval: prior.interval).withData(from: dataFrom)
        }
    }

    /// Last year's year to date (`YTD 2018/19`): the same months of the previous financial year.
    package static func priorYearToDate(_ period: ReportingPeriod, dataFrom: CalendarDate?) -> ScorecardColumn {
        let current = period.yearToDate
        let start = CalendarDate(year: current.start.year - 1, month: 4, day: 1)!
        let endMonth = ReportingPeriod.monthInterval(year: current.end.year - 1, month: current.end.month)
        return ScorecardColumn(
            label: "YTD \(ReportingPeriod.year(startYear: start.year).columnLabel)",
            interval: DayRange(start: start, end: endMonth.end), isYearToDate: true
        ).withData(from: dataFrom)
    }

    /// The twelve months to the end of the period, oldest first: a rolling year for trend charts.
    package static func rollingMonths(_ period: ReportingPeriod) -> [ScorecardColumn] {
        let end = period.interval.end
        return (0..<12).reversed().map { back in
            let index = end.year * 12 + end.month - 1 - back
            let month = ReportingPeriod.month(year: index / 12, month: index % 12 + 1)
            return ScorecardColumn(label: month.columnLabel, interval: month.interval)
        }
    }

    /// One table per group; with `directionOfTravel`, a column compares the latest period with the
    /// one before it (`↑`, `↓`, `→`), as the CME scorecard's DOT column does. With `annotations`
    /// (a council's targets, commentary and benchmarks), columns after the periods: Good is, DOT
    /// (coloured by polarity), RAG and Target; Stat. neighbours, England and Last year where the
    /// table has a benchmarked indicator; Comments; and a group's commentary as the table's note.
    /// The latest period is the last column before YTD (or the last column).
    package static func tables<Context>(
        _ groups: [IndicatorGroup<Context>], context: Context, columns: [ScorecardColumn], idPrefix: String,
        directionOfTravel: Bool = false, annotations: ScorecardAnnotations = .none
    ) -> [ReportTable] {
        let latest = (columns.firstIndex { $0.isYearToDate || $0.label == "YTD" } ?? columns.count) - 1
        let hasTargets = !annotations.targets.isEmpty
        let showDirection = (directionOfTravel || hasTargets) && latest >= 1
        return groups.map { group in
            let benchmarks = annotations.coversBenchmarks(group.indicators.map(\.id))
            var derived: [DerivedCell] = []
            let rows = group.indicators.enumerated().map { row, indicator -> [ReportCell] in
                let values = columns.map { column in
                    indicator.isPointInTime && column.isYearToDate
                        ? nil : indicator.value(in: context, over: column.interval)
                }
                var cells: [ReportCell] = [.text(indicator.id), .text(indicator.title)]
                cells += zip(columns, values).map { column, value in
                    column.hasData ? value?.cell ?? .empty : .text("no data")
                }
                let cellsOf = ContextCells(target: annotations.targets[indicator.id])
                let target = cellsOf.targetCells(latest >= 0 ? values[latest] : nil)
                if hasTargets { cells.append(target[0]) }
                if showDirection {
                    // The arrow says how the last two periods compare: hidden with either count.
                    derived.append(derivedCell(row, cells.count, sources: [latest + 1, latest + 2]))
                    if let now = values[latest], let before = values[latest - 1] {
                        cells.append(cellsOf.arrow(latest: now, previous: before, withTargets: hasTargets))
                    } else {
                        cells.append(.empty)
                    }
                }
                if hasTargets {
                    // The rating says where the latest period's value lies: hidden with it.
                    derived.append(derivedCell(row, cells.count, sources: [latest + 2]))
                    cells += target.dropFirst()
                }
                if benchmarks { cells += ContextCells.benchmarkCells(annotations.benchmarks[indicator.id]) }
                if annotations.hasIndicatorComments {
                    cells.append(annotations.comments[indicator.id].map { .text($0) } ?? .empty)
                }
                return cells
            }
            return ReportTable(
                id: "\(idPrefix)-\(group.id)", title: "\(group.id) \(group.title)",
                columns: ["Ref", "Indicator"] + columns.map(\.label)
                    + annotations.headings(
                        direction: showDirection, benchmarks: benchmarks, comments: annotations.hasIndicatorComments),
                rows: rows, note: note(group.id, annotations: annotations, benchmarks: benchmarks),
                derivedCells: derived)
        }
    }

    private static func derivedCell(_ row: Int, _ column: Int, sources: [Int]) -> DerivedCell {
        DerivedCell(
            position: CellPosition(row: row, column: column),
            sources: sources.map { CellPosition(row: row, column: $0) })
    }

    /// The group's "Performance analysis" commentary, and where its benchmarks come from.
    private static func note(_ group: String, annotations: ScorecardAnnotations, benchmarks: Bool) -> String? {
        var parts: [String] = []
        if let analysis = annotations.analysis[group] { parts.append("Performance analysis: \(analysis)") }
        if benchmarks, let source = annotations.benchmarkSource { parts.append("Benchmarks: \(source)") }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// The definitions table: every indicator's reference, title and definition.
    package static func definitions<Context>(_ groups: [IndicatorGroup<Context>], id: String) -> ReportTable {
        ReportTable(
            id: id, title: "Definitions", columns: ["Ref", "Indicator", "Definition"],
            rows: groups.flatMap { group in
                group.indicators.map { [.text($0.id), .text($0.title), .text($0.definition)] }
            })
    }
}

extension Sequence {
    /// The number of distinct values `key` takes.
    func distinctCount<Key: Hashable>(_ key: (Element) -> Key) -> Int { Set(map(key)).count }

    /// The number of keys that occur at least `minimum` times.
    func keysOccurring<Key: Hashable>(atLeast minimum: Int, _ key: (Element) -> Key) -> Int {
        Dictionary(grouping: self, by: key).values.filter { $0.count >= minimum }.count
    }
}

import ChildLinkModel

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

    /// Creates a column.
    package init(label: String, interval: DayRange, isYearToDate: Bool = false) {
        self.label = label
        self.interval = interval
        self.isYearToDate = isYearToDate
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

    /// One table per group; with `directionOfTravel`, a last column compares the latest period with
    /// the one before it (`↑`, `↓`, `→`), as the CME scorecard's DOT column does.
    package static func tables<Context>(
        _ groups: [IndicatorGroup<Context>], context: Context, columns: [ScorecardColumn], idPrefix: String,
        directionOfTravel: Bool = false
    ) -> [ReportTable] {
        let periods = columns.filter { !$0.isYearToDate }
        let periodColumns = columns.indices.filter { !columns[$0].isYearToDate }.map { $0 + 2 }
        let showDirection = directionOfTravel && periods.count >= 2
        return groups.map { group in
            let rows = group.indicators.map { indicator -> [ReportCell] in
                var row: [ReportCell] = [.text(indicator.id), .text(indicator.title)]
                row += columns.map { column in
                    if indicator.isPointInTime && column.isYearToDate { return .empty }
                    return indicator.value(in: context, over: column.interval).cell
                }
                if showDirection {
                    let latest = indicator.value(in: context, over: periods[periods.count - 1].interval).count
                    let previous = indicator.value(in: context, over: periods[periods.count - 2].interval).count
                    row.append(.text(latest > previous ? "↑" : latest < previous ? "↓" : "→"))
                }
                return row
            }
            // The arrow says how the last two periods compare: hidden with either count.
            let arrows =
                showDirection
                ? rows.indices.map { row in
                    DerivedCell(
                        position: CellPosition(row: row, column: columns.count + 2),
                        sources: periodColumns.suffix(2).map { CellPosition(row: row, column: $0) })
                } : []
            return ReportTable(
                id: "\(idPrefix)-\(group.id)", title: "\(group.id) \(group.title)",
                columns: ["Ref", "Indicator"] + columns.map(\.label) + (showDirection ? ["DOT"] : []), rows: rows,
                derivedCells: arrows)
        }
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

package import ChildLinkModel

/// One value in a report table. Renderers decide how each kind looks: numbers stay numbers in
/// XLSX and JSON, dates become dates, ``suppressed`` is written `*`.
package enum ReportCell: Hashable, Sendable {
    /// Free text.
    case text(String)
    /// A whole count.
    case count(Int)
    /// A count with its percentage of a denominator (the scorecards' `49 38%`).
    case countWithPercent(Int, denominator: Int)
    /// A decimal number (miles, hours).
    case number(Double)
    /// A calendar date.
    case date(CalendarDate)
    /// A date and time.
    case dateTime(LocalDateTime)
    /// Yes or no.
    case flag(Bool)
    /// Text with a colour that reads as a judgement (a RAG rating, a direction-of-travel arrow):
    /// the text says it too, so it survives black-and-white printing. Plain text outside HTML.
    case rated(String, tone: CellTone)
    /// A count hidden by disclosure control, written `*`.
    case suppressed
    /// Nothing to show.
    case empty

    /// The count this cell carries, when it carries one.
    package var countValue: Int? {
        switch self {
        case .count(let value), .countWithPercent(let value, _): value
        default: nil
        }
    }

    /// The percentage, rounded to a whole number, when the cell has a non-zero denominator.
    package var percent: Int? {
        guard case .countWithPercent(let value, let denominator) = self, denominator > 0 else { return nil }
        return Int((Double(value) * 100 / Double(denominator)).rounded())
    }

    /// The plain-text form used by CSV and HTML.
    package var plainText: String {
        switch self {
        case .text(let text), .rated(let text, _): text
        case .count(let value): String(value)
        case .countWithPercent(let value, _): percent.map { "\(value) (\($0)%)" } ?? String(value)
        case .number(let value): ReportCell.format(value)
        case .date(let date): date.iso
        case .dateTime(let dateTime):
            "\(dateTime.date.iso) \(Text.pad(dateTime.hour, 2)):\(Text.pad(dateTime.minute, 2))"
        case .flag(let value): value ? "Yes" : "No"
        case .suppressed: "*"
        case .empty: ""
        }
    }

    /// A decimal written with at most one decimal place and no trailing `.0`.
    static func format(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        if tenths.truncatingRemainder(dividingBy: 10) == 0 { return String(Int(tenths / 10)) }
        return String(Double(Int(tenths)) / 10)
    }
}

/// The colour of a ``ReportCell/rated(_:tone:)`` cell.
package enum CellTone: String, Hashable, Sendable {
    /// Red: off target, or worse.
    case red
    /// Amber: near target.
    case amber
    /// Green: on target, or better.
    case green
    /// No judgement (stable, or an information-only indicator).
    case neutral
}

/// How a table may be drawn as a chart in the HTML output.
package enum ChartKind: String, Sendable, Hashable {
    /// Horizontal bars, one per row, from the first numeric column.
    case bar
    /// A line over the numeric columns, one line per row (month or quarter trends).
    case trend
    /// UpSet-style: one bar per combination, with a dot matrix of the strands below.
    case upset
}

/// A titled table: a header row and rows of cells. The unit every renderer writes.
package struct ReportTable: Hashable, Sendable {
    /// A stable identifier, used for the CSV file name and the XLSX sheet name.
    package var id: String
    /// The human title.
    package var title: String
    /// The column headings.
    package var columns: [String]
    /// The rows, each with one cell per column.
    package var rows: [[ReportCell]]
    /// A note printed under the table (definitions, suppression rule).
    package var note: String?
    /// A chart to draw above the table in HTML, if any.
    package var chart: ChartKind?
    /// Cells worked out from other cells of the table (a direction-of-travel arrow from two
    /// counts): disclosure control hides each one whenever it hides one of its sources.
    package var derivedCells: [DerivedCell]

    /// Creates a table.
    package init(
        id: String, title: String, columns: [String], rows: [[ReportCell]], note: String? = nil,
        chart: ChartKind? = nil, derivedCells: [DerivedCell] = []
    ) {
        self.id = id
        self.title = title
        self.columns = columns
        self.rows = rows
        self.note = note
        self.chart = chart
        self.derivedCells = derivedCells
    }
}

/// A cell whose value is worked out from other cells of its table, such as an arrow comparing the
/// latest period's count with the previous one: it says something about each source, so it is
/// hidden with any of them.
package struct DerivedCell: Hashable, Sendable {
    /// The derived cell.
    package let position: CellPosition
    /// The cells it is worked out from.
    package let sources: [CellPosition]
    /// The id of the table the sources are in, when not this one (a trend chart's table that
    /// repeats an indicator table's counts).
    package let sourceTable: String?

    /// Creates a derived cell.
    package init(position: CellPosition, sources: [CellPosition], sourceTable: String? = nil) {
        self.position = position
        self.sources = sources
        self.sourceTable = sourceTable
    }
}

/// A section of a report: a heading, an optional paragraph and its tables.
package struct ReportSection: Hashable, Sendable {
    /// The heading.
    package var title: String
    /// A short paragraph under the heading.
    package var summary: String?
    /// The tables.
    package var tables: [ReportTable]
    /// Whether ``summary`` quotes counts (and so must be left out where small counts are hidden).
    package var summaryHasCounts: Bool

    /// Creates a section.
    package init(title: String, summary: String? = nil, tables: [ReportTable], summaryHasCounts: Bool = false) {
        self.title = title
        self.summary = summary
        self.tables = tables
        self.summaryHasCounts = summaryHasCounts
    }
}

/// A whole report: the single data model the HTML, XLSX, CSV and JSON writers render.
package struct Report: Hashable, Sendable {
    /// A short machine name, used for file names (`weekly-2019-06-30`).
    package var slug: String
    /// The title.
    package var title: String
    /// The period or week the report covers, in words.
    package var periodLabel: String
    /// When the report was produced (injectable, so output is reproducible).
    package var generatedAt: LocalDateTime
    /// The sections in order.
    package var sections: [ReportSection]
    /// Notes on disclosure control applied (suppression, pseudonymisation).
    package var disclosureNotes: [String]
    /// Whether the report prints on landscape A4 (wide tables, such as the weekly pack's).
    package var printsLandscape: Bool
    /// Warnings a reader must see first: the week or period goes beyond the extracts' dates.
    package var warnings: [String] = []

    /// Creates a report.
    package init(
        slug: String, title: String, periodLabel: String, generatedAt: LocalDateTime,
        sections: [ReportSection], disclosureNotes: [String] = [], printsLandscape: Bool = false
    ) {
        self.slug = slug
        self.title = title
        self.periodLabel = periodLabel
        self.generatedAt = generatedAt
        self.sections = sections
        self.disclosureNotes = disclosureNotes
        self.printsLandscape = printsLandscape
    }

    /// Every table in section order.
    package var tables: [ReportTable] { sections.flatMap(\.tables) }

    /// The marking printed on every page and sheet: the disclosure note that starts `OFFICIAL`
    /// (`OFFICIAL-SENSITIVE: contains personal data …`), or `OFFICIAL` for statistics.
    package var protectiveMarkingNote: String {
        disclosureNotes.first { $0.hasPrefix("OFFICIAL") } ?? "OFFICIAL"
    }

    /// The marking alone (`OFFICIAL-SENSITIVE`), for a page's header.
    package var protectiveMarking: String { String(protectiveMarkingNote.prefix { $0 != ":" }) }
}

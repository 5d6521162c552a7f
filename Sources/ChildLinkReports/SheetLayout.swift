import ChildLinkModel

/// One sheet of a workbook laid out row by row: the report's title, period, produced date and
/// protective marking at the top; the sheet's heading and the section's paragraph; one header row
/// (frozen, and repeated on every printed page); the rows of each table, a heading row before each
/// when there are several; then the notes, with what `*` means wherever a count is hidden.
struct SheetLayout {
    /// A value as it is written into a cell.
    enum Value: Hashable {
        case text(String)
        case number(Double)
    }

    /// One written cell.
    struct Cell: Hashable {
        let column: Int
        let value: Value
        let style: XLSXStyle
    }

    /// One written row, with its height in points when it needs more than one line.
    struct Row: Hashable {
        var cells: [Cell] = []
        var height: Double?
    }

    /// An output column: a source column of the tables, written as its value or as its percentage.
    struct Column: Hashable {
        let source: Int
        let isPercent: Bool
    }

    /// The points one line of 11-point text takes.
    static let lineHeight = 15.0
    /// The widest a column is made (in characters); longer text wraps.
    static let maximumWidth = 72

    let sheet: WorkbookSheet
    let columns: [Column]
    /// Each output column's width, in characters.
    let widths: [Int]
    private(set) var rows: [Row] = []
    /// Merged ranges (`A5:F5`): paragraphs and notes across the table's width.
    private(set) var merges: [String] = []
    /// The 1-based number of the header row.
    private(set) var headerRow = 0

    /// Lays out `sheet` of `report`.
    init(_ sheet: WorkbookSheet, of report: Report) {
        self.sheet = sheet
        columns = Self.outputColumns(sheet.tables)
        widths = columns.map { Self.width(of: $0, in: sheet) }
        addTitleBlock(report)
        addHeadingAndSummary()
        addHeader()
        for table in sheet.tables { addRows(of: table) }
        addNotes(report)
    }

    // MARK: Columns

    /// Each source column, followed by its percentage when any row shows one there.
    static func outputColumns(_ tables: [ReportTable]) -> [Column] {
        let count = tables.first?.columns.count ?? 0
        return (0..<count).flatMap { index -> [Column] in
            let hasPercent = tables.contains { table in
                table.rows.contains {
                    if index < $0.count, case .countWithPercent = $0[index] { return true }
                    return false
                }
            }
            let value = Column(source: index, isPercent: false)
            return hasPercent ? [value, Column(source: index, isPercent: true)] : [value]
        }
    }

    /// The column's heading as written: a percentage column is headed `%`, beside its count's.
    func title(of column: Column) -> String {
        column.isPercent ? "%" : sheet.columns[column.source]
    }

    /// Wide enough for the longest value (up to ``maximumWidth``) and for a short heading; a long
    /// heading wraps instead of widening a column of numbers.
    static func width(of column: Column, in sheet: WorkbookSheet) -> Int {
        let content =
            sheet.tables.flatMap(\.rows).map { row in
                column.source < row.count ? displayLength(row[column.source], percent: column.isPercent) : 0
            }.max() ?? 0
        let heading = column.isPercent ? 1 : sheet.columns[column.source].count
        return min(max(content, min(heading, 14), 3) + 2, maximumWidth)
    }

    /// The characters a cell takes as Excel shows it.
    static func displayLength(_ cell: ReportCell, percent: Bool) -> Int {
        if percent { return cell.percent.map { String($0).count + 1 } ?? 0 }
        switch cell {
        case .count(let value), .countWithPercent(let value, _): return groupedLength(value)
        case .number(let value): return groupedLength(Int(value)) + 2
        case .date: return 10
        case .dateTime: return 16
        case .suppressed: return 1
        case .empty: return 0
        default: return longestLine(cell.plainText)
        }
    }

    private static func groupedLength(_ value: Int) -> Int {
        let digits = String(abs(value)).count
        return digits + (digits - 1) / 3 + (value < 0 ? 1 : 0)
    }

    private static func longestLine(_ text: String) -> Int {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(\.count).max() ?? 0
    }

    /// The lines `text` wraps to in a column `width` characters wide.
    static func lines(_ text: String, width: Int) -> Int {
        let perLine = max(width - 1, 1)
        return text.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) {
            $0 + max(1, ($1.count + perLine - 1) / perLine)
        }
    }

    // MARK: Rows

    private mutating func append(_ cells: [Cell], height: Double? = nil) {
        rows.append(Row(cells: cells, height: height))
    }

    private mutating func appendText(_ text: String, style: XLSXStyle, height: Double? = nil) {
        append([Cell(column: 0, value: .text(text), style: style)], height: height)
    }

    /// A paragraph across the table's width, wrapped, its height from its length.
    private mutating func appendParagraph(_ text: String, style: XLSXStyle) {
        let width = widths.reduce(0, +)
        appendText(text, style: style, height: Double(Self.lines(text, width: width)) * Self.lineHeight)
        if columns.count > 1 {
            merges.append("A\(rows.count):\(XLSXRenderer.reference(columns.count - 1, rows.count))")
        }
    }

    private mutating func addTitleBlock(_ report: Report) {
        appendText(report.title, style: .title, height: 20)
        appendText(report.periodLabel, style: .plain)
        appendText("Produced \(report.generatedAt.uk)", style: .plain)
        appendText(report.protectiveMarkingNote, style: .marking)
        for warning in report.warnings { appendParagraph(warning, style: .bold) }
        append([])
    }

    private mutating func addHeadingAndSummary() {
        appendText(sheet.heading, style: .heading, height: 18)
        if let summary = sheet.summary { appendParagraph(summary, style: .wrapped) }
    }

    private mutating func addHeader() {
        let cells = columns.enumerated().map { position, column in
            Cell(column: position, value: .text(title(of: column)), style: .header)
        }
        let lines = columns.indices.map { Self.lines(title(of: columns[$0]), width: widths[$0]) }.max() ?? 1
        append(cells, height: lines > 1 ? Double(lines) * Self.lineHeight : nil)
        headerRow = rows.count
    }

    private mutating func addRows(of table: ReportTable) {
        if sheet.tables.count > 1 { appendText(table.title, style: .bold) }
        if table.rows.isEmpty { appendText("None.", style: .note) }
        for row in table.rows {
            var lines = 1
            var cells: [Cell] = []
            for (position, column) in columns.enumerated() {
                let source = column.source < row.count ? row[column.source] : .empty
                guard let cell = Self.cell(source, percent: column.isPercent, at: position, width: widths[position])
                else { continue }
                if case .text(let text) = cell.value, cell.style == .wrapped {
                    lines = max(lines, Self.lines(text, width: widths[position]))
                }
                cells.append(cell)
            }
            append(cells, height: lines > 1 ? Double(lines) * Self.lineHeight : nil)
        }
    }

    /// A report cell as written: counts, decimals, percentages and dates as typed numbers with their
    /// formats (dates as Excel serial days), a hidden count as a right-aligned `*`, text as text.
    static func cell(_ cell: ReportCell, percent: Bool, at column: Int, width: Int) -> Cell? {
        if percent {
            guard case .countWithPercent(let value, let denominator) = cell, denominator > 0 else { return nil }
            return Cell(column: column, value: .number(Double(value) / Double(denominator)), style: .percent)
        }
        switch cell {
        case .count(let value), .countWithPercent(let value, _):
            return Cell(column: column, value: .number(Double(value)), style: .count)
        case .number(let value): return Cell(column: column, value: .number(value), style: .decimal)
        case .date(let date): return Cell(column: column, value: .number(serial(date)), style: .date)
        case .dateTime(let dateTime):
            let serial = serial(dateTime.date) + Double(dateTime.minuteOfDay) / 1440
            return Cell(column: column, value: .number(serial), style: .dateTime)
        case .suppressed: return Cell(column: column, value: .text("*"), style: .suppressed)
        case .empty: return nil
        default:
            let text = cell.plainText
            let style: XLSXStyle = longestLine(text) + 2 > width || text.contains("\n") ? .wrapped : .plain
            return Cell(column: column, value: .text(text), style: style)
        }
    }

    /// Excel's serial day number of `date` (days since 30/12/1899).
    static func serial(_ date: CalendarDate) -> Double { Double(date.daysSinceEpoch + 25_569) }

    private mutating func addNotes(_ report: Report) {
        var notes = sheet.tables.compactMap { table in
            table.note.map { sheet.tables.count > 1 ? "\(table.title): \($0)" : $0 }
        }
        if sheet.tables.contains(where: { $0.rows.contains { $0.contains(.suppressed) } }) {
            notes.append(SmallNumberSuppression.reportNote)
        }
        notes += report.disclosureNotes.filter {
            $0 != SmallNumberSuppression.reportNote && $0 != report.protectiveMarkingNote
        }
        guard !notes.isEmpty else { return }
        append([])
        for note in notes { appendParagraph(note, style: .note) }
    }
}

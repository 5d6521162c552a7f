import ChildLinkModel

/// Writes a report as one self-contained HTML page: inline CSS, inline SVG charts, no scripts,
/// no external resources; prints on A4.
package enum HTMLRenderer {
    /// The HTML page of the report.
    package static func render(_ report: Report) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(report.title.xmlEscaped) — \(report.periodLabel.xmlEscaped)</title>
            <style>\(stylesheet)\(pageStyle(report))</style>
            </head>
            <body>
            <header>
            <h1>\(report.title.xmlEscaped)</h1>
            <p class="period">\(report.periodLabel.xmlEscaped) · produced \(report.generatedAt.date.uk) \
            \(Text.pad(report.generatedAt.hour, 2)):\(Text.pad(report.generatedAt.minute, 2))</p>

            """
        for note in report.disclosureNotes { html += "<p class=\"notice\">\(note.xmlEscaped)</p>\n" }
        for warning in report.warnings { html += "<p class=\"notice warning\">\(warning.xmlEscaped)</p>\n" }
        html += "</header>\n"
        for section in report.sections { html += render(section) }
        html += "</body>\n</html>\n"
        return html
    }

    private static func render(_ section: ReportSection) -> String {
        var html = "<section>\n<h2>\(section.title.xmlEscaped)</h2>\n"
        if let summary = section.summary { html += "<p>\(summary.xmlEscaped)</p>\n" }
        for block in tableBlocks(section.tables) {
            html +=
                block.count == 1 ? render(block[0], titled: block[0].title != section.title) : render(grouped: block)
        }
        return html + "</section>\n"
    }

    /// Runs of consecutive tables with the same columns and no chart (a scorecard's indicator
    /// groups), each run to be drawn as one table; every other table alone.
    static func tableBlocks(_ tables: [ReportTable]) -> [[ReportTable]] {
        var blocks: [[ReportTable]] = []
        for table in tables {
            if let last = blocks.last?.last, last.chart == nil, table.chart == nil, last.columns == table.columns {
                blocks[blocks.count - 1].append(table)
            } else {
                blocks.append([table])
            }
        }
        return blocks
    }

    /// Tables with the same columns as one table, as the council's scorecard prints its indicator
    /// groups: one header row, and each table a row group (`tbody`, with the table's id) headed by its
    /// title. A short group is kept on one printed page.
    private static func render(grouped tables: [ReportTable]) -> String {
        let columns = tables[0].columns
        var html = "<figure class=\"grouped\">\n<table>\n<thead><tr>"
        html += columns.map { "<th scope=\"col\">\($0.xmlEscaped)</th>" }.joined() + "</tr></thead>\n"
        for table in tables {
            let keep = table.rows.count <= 12 ? " keep" : ""
            html += "<tbody id=\"\(table.id.xmlEscaped)\" class=\"group\(keep)\">\n"
            html +=
                "<tr class=\"group\"><th colspan=\"\(columns.count)\" scope=\"rowgroup\">\(table.title.xmlEscaped)</th></tr>\n"
            if table.rows.isEmpty { html += "<tr><td colspan=\"\(columns.count)\" class=\"none\">None.</td></tr>\n" }
            for row in table.rows { html += "<tr>" + row.map(cell).joined() + "</tr>\n" }
            html += "</tbody>\n"
        }
        html += "</table>\n"
        let notes = tables.compactMap { table in table.note.map { "\(table.title): \($0)" } }
        if !notes.isEmpty {
            html += "<figcaption>" + notes.map { "<p>\($0.xmlEscaped)</p>" }.joined() + "</figcaption>\n"
        }
        return html + "</figure>\n"
    }

    /// A table with its chart; `titled: false` leaves out a title that repeats its section's heading.
    private static func render(_ table: ReportTable, titled: Bool) -> String {
        let drawsChart = table.chart != nil && !table.rows.isEmpty
        var html = "<figure id=\"\(table.id.xmlEscaped)\"\(drawsChart ? " class=\"chart\"" : "")>\n"
        if titled { html += "<h3>\(table.title.xmlEscaped)</h3>\n" }
        if let chart = table.chart, drawsChart {
            switch chart {
            case .bar: html += SVGCharts.bars(table)
            case .trend: html += SVGCharts.trend(table)
            case .upset: html += SVGCharts.upset(table)
            }
        }
        if table.rows.isEmpty {
            html += "<p class=\"none\">None.</p>\n"
        } else {
            html += "<table>\n<thead><tr>"
            html += table.columns.map { "<th scope=\"col\">\($0.xmlEscaped)</th>" }.joined()
            html += "</tr></thead>\n<tbody>\n"
            for row in table.rows {
                html += "<tr>" + row.map(cell).joined() + "</tr>\n"
            }
            html += "</tbody>\n</table>\n"
        }
        if let note = table.note { html += "<figcaption>\(note.xmlEscaped)</figcaption>\n" }
        return html + "</figure>\n"
    }

    private static func cell(_ cell: ReportCell) -> String {
        switch cell {
        case .count, .number: "<td class=\"num\">\(cell.plainText)</td>"
        case .countWithPercent(let value, _):
            "<td class=\"num\">\(value)" + (cell.percent.map { " <span class=\"pct\">\($0)%</span>" } ?? "") + "</td>"
        case .suppressed: "<td class=\"num supp\">*</td>"
        case .rated(let text, let tone):
            "<td class=\"rated tone-\(tone.rawValue)\" style=\"\(ratedStyle[tone]!)\">\(text.xmlEscaped)</td>"
        case .flag(let value): value ? "<td class=\"flag\">Yes</td>" : "<td>No</td>"
        case .date(let date): "<td class=\"date\">\(date.uk)</td>"
        case .dateTime(let dateTime): "<td class=\"date\">\(dateTime.uk)</td>"
        default: "<td>\(cell.plainText.xmlEscaped)</td>"
        }
    }

    /// The look of a rated cell (RAG, arrow), inline so it prints without the page's stylesheet: bold,
    /// on a pale red, amber or green (the text says the rating too, for black-and-white printing).
    static let ratedStyle: [CellTone: String] = [
        .red: "font-weight:600;white-space:nowrap;background:#f4c7c3",
        .amber: "font-weight:600;white-space:nowrap;background:#fce8b2",
        .green: "font-weight:600;white-space:nowrap;background:#b7e1cd",
        .neutral: "white-space:nowrap",
    ]

    /// The printed page: A4 (landscape for wide reports), the protective marking at the top of every
    /// page, the report and its period at the foot, and "Page n of N".
    static func pageStyle(_ report: Report) -> String {
        let marking = report.protectiveMarking
        let size = report.printsLandscape ? "A4 landscape" : "A4"
        return "@page{size:\(size);margin:13mm 11mm 14mm;"
            + "@top-center{content:\(cssString(marking));font:600 8pt Arial,sans-serif;color:#8a1c1c}"
            + "@bottom-left{content:\(cssString("\(report.title) — \(report.periodLabel)"));"
            + "font:7.5pt Arial,sans-serif;color:#555}"
            + "@bottom-right{content:\"Page \" counter(page) \" of \" counter(pages);font:7.5pt Arial,sans-serif;color:#555}}"
    }

    /// `text` as a quoted CSS string: quotes, backslashes, `<` (so no `</style>`) and control
    /// characters written as CSS escapes.
    static func cssString(_ text: String) -> String {
        var quoted = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" || scalar == "\\" || scalar == "<" || scalar.value < 0x20 {
                quoted += "\\" + String(scalar.value, radix: 16) + " "
            } else {
                quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }

    static let stylesheet = """
        body{font:10.5pt/1.4 system-ui,-apple-system,"Segoe UI",Arial,sans-serif;color:#1b1b1b;margin:24px;}\
        h1{font-size:17pt;margin:0 0 4px;color:#0b3d5c}h2{font-size:13pt;border-bottom:2px solid #0b3d5c;\
        padding-bottom:2px;margin-top:22px;color:#0b3d5c}h3{font-size:11pt;margin:14px 0 6px}\
        .period{color:#555;margin:0}.notice{background:#fff4ce;border-left:4px solid #c79400;padding:4px 8px}\
        table{border-collapse:collapse;width:100%;font-size:9pt;margin-bottom:4px}\
        th,td{border:1px solid #c8c8c8;padding:2px 5px;text-align:left;vertical-align:top}\
        th{background:#e8eef3;font-weight:600}tbody tr:nth-child(even){background:#f7f9fa}\
        td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}.pct{color:#666;font-size:8pt}\
        tr.group th{background:#d3dee7;text-align:left;font-weight:700;color:#0b3d5c}figcaption p{margin:0}\
        td.supp{color:#888}td.flag{font-weight:600}figure{margin:0 0 14px;break-inside:auto}\
        figcaption{font-size:8.5pt;color:#555}.none{color:#666;font-style:italic}svg{display:block;margin:4px 0 8px}\
        svg text{font:8pt system-ui,Arial,sans-serif;fill:#333}\
        @media print{body{margin:0;font-size:8.5pt;line-height:1.25}h1{font-size:14pt}h2{font-size:11pt;\
        margin-top:10px;break-after:avoid}h3{font-size:9.5pt;margin:8px 0 3px;break-after:avoid}\
        table{font-size:7pt;line-height:1.15}th,td{padding:0 3px}tr{break-inside:avoid}thead{display:table-header-group}\
        tbody tr:first-child,tr.group+tr{break-after:avoid}tbody tr:last-child{break-before:avoid}\
        tbody.keep{break-inside:avoid}figure{margin:0 0 8px}figcaption{font-size:7pt}svg{break-inside:avoid}\
        figure.chart{display:flex;flex-wrap:wrap;align-items:flex-start;column-gap:5mm}\
        figure.chart>h3,figure.chart>figcaption{flex:0 0 100%}figure.chart>svg{width:100mm;height:auto;flex:none}\
        figure.chart>table{flex:1 1 0;width:auto}\
        .notice{padding:2px 6px;margin:4px 0}th{font-size:7pt}td{white-space:nowrap}\
        td:last-child:not(.num){white-space:normal;min-width:18em}#summary svg{display:none}}
        """
}

/// Inline SVG charts drawn from a report table.
enum SVGCharts {
    static let palette = ["#0b5c8e", "#d9822b", "#2e8540", "#a4000f", "#6f4a8e", "#5b6770"]

    /// Horizontal bars: the first text cell of each row as the label, the first count as the value.
    static func bars(_ table: ReportTable) -> String {
        // The first count of each row; a row whose first count is hidden is drawn as hidden (an
        // outline and `*`), never left out (its next column's count is another measure).
        let items = table.rows.compactMap { row -> (String, Int?)? in
            guard let cell = row.first(where: { $0.countValue != nil || $0 == .suppressed }) else { return nil }
            return (labelText(row), cell.countValue)
        }
        let maxValue = max(items.compactMap(\.1).max() ?? 1, 1)
        let rowHeight = 18
        let height = items.count * rowHeight + 4
        var svg =
            "<svg role=\"img\" aria-label=\"\(table.title.xmlEscaped)\" width=\"640\" height=\"\(height)\" "
            + "viewBox=\"0 0 640 \(height)\">\n"
        for (index, item) in items.enumerated() {
            let y = index * rowHeight + 2
            svg += "<text x=\"250\" y=\"\(y + 12)\" text-anchor=\"end\">\(truncate(item.0, 44).xmlEscaped)</text>"
            guard let value = item.1 else {
                svg += "<rect x=\"256\" y=\"\(y)\" width=\"30\" height=\"14\" fill=\"none\" stroke=\"#5b6770\" "
                svg += "stroke-dasharray=\"3 2\"/><text x=\"290\" y=\"\(y + 12)\">* (suppressed)</text>\n"
                continue
            }
            let width = Int((Double(value) / Double(maxValue) * 330).rounded())
            svg += "<rect x=\"256\" y=\"\(y)\" width=\"\(width)\" height=\"14\" fill=\"\(palette[0])\"/>"
            svg += "<text x=\"\(260 + width)\" y=\"\(y + 12)\">\(value)</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// One line per row over the count columns (months or quarters), with a legend.
    static func trend(_ table: ReportTable) -> String {
        let series = table.rows.prefix(palette.count).map { row -> (String, [Int?]) in
            let values = row.map(\.countValue)
            return (labelText(row), values.enumerated().filter { table.columns[$0.offset] != "YTD" }.map(\.element))
        }
        let columnIndexes = table.columns.indices.filter { index in
            table.columns[index] != "YTD"
                && table.rows.contains { $0[index].countValue != nil || $0[index] == .suppressed }
        }
        guard columnIndexes.count >= 1 else { return "" }
        let maxValue = max(table.rows.flatMap { row in columnIndexes.compactMap { row[$0].countValue } }.max() ?? 1, 1)
        let (width, height, left, top, plotHeight) = (640, 200, 40, 10, 150)
        let step = columnIndexes.count > 1 ? Double(width - left - 60) / Double(columnIndexes.count - 1) : 0
        var svg =
            "<svg role=\"img\" aria-label=\"\(table.title.xmlEscaped)\" width=\"\(width)\" height=\"\(height)\" "
            + "viewBox=\"0 0 \(width) \(height)\">\n"
        svg +=
            "<line x1=\"\(left)\" y1=\"\(top + plotHeight)\" x2=\"\(width - 10)\" y2=\"\(top + plotHeight)\" stroke=\"#999\"/>"
        svg += "<text x=\"\(left - 4)\" y=\"\(top + 8)\" text-anchor=\"end\">\(maxValue)</text>"
        svg += "<text x=\"\(left - 4)\" y=\"\(top + plotHeight)\" text-anchor=\"end\">0</text>\n"
        for (position, column) in columnIndexes.enumerated() {
            let x = left + Int((Double(position) * step).rounded())
            svg +=
                "<text x=\"\(x)\" y=\"\(top + plotHeight + 14)\" text-anchor=\"middle\">"
                + "\(table.columns[column].xmlEscaped)</text>"
        }
        var legendX = left
        for (index, row) in table.rows.prefix(palette.count).enumerated() {
            // A hidden count breaks the line: a segment drawn across it would show whether the
            // hidden value lies above or below its neighbours. It is marked `*` on the axis instead.
            var runs: [[String]] = [[]]
            for (position, column) in columnIndexes.enumerated() {
                let x = left + Int((Double(position) * step).rounded())
                guard let value = row[column].countValue else {
                    if row[column] == .suppressed {
                        svg +=
                            "<text x=\"\(x)\" y=\"\(top + plotHeight - 4)\" text-anchor=\"middle\" "
                            + "fill=\"\(palette[index])\">*</text>"
                    }
                    if !(runs.last?.isEmpty ?? true) { runs.append([]) }
                    continue
                }
                let y = top + plotHeight - Int((Double(value) / Double(maxValue) * Double(plotHeight)).rounded())
                runs[runs.count - 1].append("\(x),\(y)")
            }
            for points in runs where points.count >= 2 {
                svg +=
                    "<polyline fill=\"none\" stroke=\"\(palette[index])\" stroke-width=\"2\" points=\""
                    + points.joined(separator: " ") + "\"/>"
            }
            for point in runs.joined() {
                let xy = point.split(separator: ",")
                svg += "<circle cx=\"\(xy[0])\" cy=\"\(xy[1])\" r=\"3\" fill=\"\(palette[index])\"/>"
            }
            let label = truncate(series[index].0, 32)
            svg +=
                "<rect x=\"\(legendX)\" y=\"\(height - 12)\" width=\"10\" height=\"10\" fill=\"\(palette[index])\"/>"
            svg += "<text x=\"\(legendX + 14)\" y=\"\(height - 3)\">\(label.xmlEscaped)</text>\n"
            legendX += 30 + label.count * 6  // about 6 px a character at 8 pt
        }
        return svg + "</svg>\n"
    }

    /// UpSet-style: a bar per combination (rows labelled `Missing + CME`), the strand matrix below.
    static func upset(_ table: ReportTable) -> String {
        let items = table.rows.compactMap { row -> (Set<String>, ReportCell)? in
            guard case .text(let label) = row[0], row.count > 1 else { return nil }
            let strands = Set(label.split(separator: " + ").map(String.init))
            guard strands.isSubset(of: Set(Dataset.strands.map(\.rawValue))) else { return nil }
            return (strands, row[1])
        }
        let maxValue = max(items.compactMap { $0.1.countValue }.max() ?? 1, 1)
        let (left, column, barHeight, matrixTop) = (90, 34, 120, 150)
        let width = left + items.count * column + 10
        let height = matrixTop + Dataset.strands.count * 16 + 6
        var svg =
            "<svg role=\"img\" aria-label=\"\(table.title.xmlEscaped)\" width=\"\(width)\" height=\"\(height)\" "
            + "viewBox=\"0 0 \(width) \(height)\">\n"
        for (row, strand) in Dataset.strands.enumerated() {
            svg +=
                "<text x=\"\(left - 6)\" y=\"\(matrixTop + row * 16 + 4)\" text-anchor=\"end\">\(strand.rawValue)</text>"
        }
        for (index, item) in items.enumerated() {
            let x = left + index * column + column / 2
            let value: Int = item.1.countValue ?? 0
            let scale: Double = Double(barHeight - 16) / Double(maxValue)
            let barLength: Int = Int((Double(value) * scale).rounded())
            svg +=
                "<rect x=\"\(x - 10)\" y=\"\(barHeight - barLength)\" width=\"20\" height=\"\(barLength)\" "
                + "fill=\"\(palette[0])\"/>"
            svg +=
                "<text x=\"\(x)\" y=\"\(barHeight - barLength - 3)\" text-anchor=\"middle\">"
                + "\(item.1.plainText.xmlEscaped)</text>"
            let members = Dataset.strands.enumerated().filter { item.0.contains($0.element.rawValue) }.map(\.offset)
            if let first = members.first, let last = members.last, first != last {
                svg +=
                    "<line x1=\"\(x)\" y1=\"\(matrixTop + first * 16)\" x2=\"\(x)\" y2=\"\(matrixTop + last * 16)\" "
                    + "stroke=\"#333\" stroke-width=\"2\"/>"
            }
            for (row, _) in Dataset.strands.enumerated() {
                let fill = members.contains(row) ? "#333" : "#ddd"
                svg += "<circle cx=\"\(x)\" cy=\"\(matrixTop + row * 16)\" r=\"5\" fill=\"\(fill)\"/>"
            }
            svg += "\n"
        }
        return svg + "</svg>\n"
    }

    private static func labelText(_ row: [ReportCell]) -> String {
        let texts = row.compactMap { cell -> String? in
            if case .text(let text) = cell { return text }
            return nil
        }
        return texts.count >= 2 && texts[0].count <= 5 ? "\(texts[0]) \(texts[1])" : (texts.first ?? "")
    }

    private static func truncate(_ text: String, _ length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }
}

/// The evidence behind a match as an inline SVG waterfall: the prior, then each comparison's
/// weight for (green, rightwards) or against (red, leftwards), then the total and the probability.
struct DeskWaterfall {
    /// One comparison's contribution.
    struct Step {
        /// The comparison, e.g. `Date of birth`.
        let label: String
        /// The level and the two values, e.g. `exact: 01/02/2010 | 01/02/2010`.
        let detail: String
        /// The weight in bits.
        let bits: Double
    }

    let priorBits: Double
    let steps: [Step]
    let probability: Double

    private static let rowHeight = 24.0
    private static let labelWidth = 420.0
    private static let chartWidth = 300.0

    /// The chart as an `<svg>` element (every text escaped), with a text table fallback in `<title>`.
    var svg: String {
        let rows = [Step(label: "Prior", detail: "before any comparison", bits: priorBits)] + steps
        var running = 0.0
        var sums: [(start: Double, end: Double)] = []
        for row in rows {
            sums.append((running, running + row.bits))
            running += row.bits
        }
        let low = min(0, sums.map { min($0.start, $0.end) }.min() ?? 0)
        let high = max(0, sums.map { max($0.start, $0.end) }.max() ?? 0)
        let scale = Self.chartWidth / max(high - low, 1)
        let x = { (value: Double) in Self.labelWidth + (value - low) * scale }
        let height = Self.rowHeight * Double(rows.count + 1) + 8
        var svg =
            "<svg class=\"waterfall\" role=\"img\" width=\"\(Int(Self.labelWidth + Self.chartWidth + 70))\" "
            + "height=\(quoted(height)) aria-label=\"Evidence waterfall\">"
        for (index, row) in rows.enumerated() {
            svg += bar(row, index: index, from: x(sums[index].start), to: x(sums[index].end))
        }
        let totalY = Self.rowHeight * Double(rows.count) + 16
        svg +=
            "<line class=\"zero\" x1=\(quoted(x(0))) y1=\"0\" x2=\(quoted(x(0))) y2=\(quoted(totalY - 10))/>"
            + "<text class=\"total\" x=\"0\" y=\(quoted(totalY))>Total \(DeskHTML.bits(running)) bits: "
            + "\(DeskHTML.percent(probability)) likely the same child</text>"
        return svg + "</svg>"
    }

    private func bar(_ row: Step, index: Int, from start: Double, to end: Double) -> String {
        let y = Self.rowHeight * Double(index) + 4
        let kind = index == 0 ? "prior" : row.bits >= 0 ? "for" : "against"
        let left = min(start, end)
        let width = max(abs(end - start), 1)
        return "<text x=\"0\" y=\(quoted(y + 15))>\(DeskHTML.text(row.label)): \(DeskHTML.text(row.detail))</text>"
            + "<rect class=\"\(kind)\" x=\(quoted(left)) y=\(quoted(y + 3)) width=\(quoted(width)) height=\"16\"/>"
            + "<text class=\"bits\" x=\(quoted(Self.labelWidth + Self.chartWidth + 8)) y=\(quoted(y + 15))>"
            + "\(DeskHTML.bits(row.bits))</text>"
    }

    private func quoted(_ value: Double) -> String { "\"\(Int(value.rounded()))\"" }
}

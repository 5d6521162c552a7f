import ChildLinkModel
import Foundation

/// Renders a ``Footprint`` for a terminal, as a self-contained HTML page, or as JSON.
package enum FootprintRenderer {
    /// Plain text for a terminal: a header with the identities seen, then one block per record.
    package static func text(_ footprint: Footprint) -> String {
        var lines = [
            "Footprint of \(footprint.childID)" + (footprint.stableIDs ? "" : " (id numbered within this run)"),
            "Found by: \(footprint.query)",
            "Records: \(footprint.entries.count) in \(footprint.datasets.map(\.title).joined(separator: ", "))",
        ]
        for identity in footprint.identities {
            lines.append("\(identity.label): \(identity.values.joined(separator: " / "))")
        }
        for entry in footprint.entries {
            lines.append("")
            lines.append("\(entry.date.uk)  \(entry.record.dataset.title)  \(entry.record)")
            lines.append("  as recorded: " + entry.recorded.map { "\($0.label) \($0.value)" }.joined(separator: "; "))
            lines.append("  " + entry.facts.map { "\($0.label): \($0.value)" }.joined(separator: "; "))
            if let source = entry.source { lines.append("  source: \(source)") }
            lines += linkLines(entry.link)
        }
        return TerminalText.safe(lines.joined(separator: "\n") + "\n")
    }

    private static func linkLines(_ link: FootprintLink?) -> [String] {
        guard let link else { return ["  link: the child's only record"] }
        var lines = [
            "  link: \(link.basis.rawValue) to \(link.linkedTo), probability \(percent(link.probability)), "
                + "weight \(bits(link.weightBits)) bits" + (link.looksLikeTwins ? " (looks like twins)" : ""),
            "    prior                    \(bits(link.priorBits))",
        ]
        for item in link.contributions {
            let values = item.level == "absent" ? "" : "  \(item.value) | \(item.otherValue)"
            lines.append("    \(pad(item.comparison, 24)) \(bits(item.bits))  \(item.level)\(values)")
        }
        return lines
    }

    /// One HTML page: header, the identities seen, a timeline table, and each link's waterfall.
    package static func html(_ footprint: Footprint) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <title>Footprint of \(footprint.childID)</title>
            <style>\(HTMLRenderer.stylesheet)</style>
            </head>
            <body>
            <header>
            <h1>Footprint of \(footprint.childID)</h1>
            <p class="period">Found by \(footprint.query.xmlEscaped) · produced \(footprint.generatedAt.uk)</p>
            <p class="notice">This page holds personal data about one child. Keep it within the people who need it.</p>
            </header>
            <section>
            <h2>Identity as recorded</h2>
            <table><tbody>

            """
        for identity in footprint.identities {
            html +=
                "<tr><th>\(identity.label.xmlEscaped)</th><td>\(identity.values.joined(separator: " / ").xmlEscaped)</td></tr>\n"
        }
        html += "</tbody></table>\n</section>\n<section>\n<h2>Timeline (\(footprint.entries.count) records)</h2>\n"
        html +=
            "<table><thead><tr><th>Date</th><th>Dataset</th><th>Record</th><th>What happened</th>"
            + "<th>As recorded</th><th>Link</th></tr></thead><tbody>\n"
        for entry in footprint.entries { html += row(entry) }
        html += "</tbody></table>\n</section>\n<section>\n<h2>Why each record belongs to this child</h2>\n"
        for entry in footprint.entries { html += waterfall(entry) }
        return html + "</section>\n</body>\n</html>\n"
    }

    private static func row(_ entry: FootprintEntry) -> String {
        let facts = entry.facts.map { "\($0.label): \($0.value)".xmlEscaped }.joined(separator: "<br>")
        let recorded = entry.recorded.map { "\($0.label): \($0.value)".xmlEscaped }.joined(separator: "<br>")
        let link =
            entry.link.map {
                "\($0.basis.rawValue) to \($0.linkedTo), \(percent($0.probability))".xmlEscaped
            } ?? "only record"
        return "<tr><td>\(entry.date.uk)</td><td>\(entry.record.dataset.title.xmlEscaped)</td>"
            + "<td>\(entry.record.description.xmlEscaped)</td><td>\(facts)</td><td>\(recorded)</td><td>\(link)</td></tr>\n"
    }

    private static func waterfall(_ entry: FootprintEntry) -> String {
        guard let link = entry.link else { return "" }
        var html =
            "<figure><h3>\(entry.record.description.xmlEscaped) ↔ \(link.linkedTo.description.xmlEscaped): "
            + "\(link.basis.rawValue.xmlEscaped), probability \(percent(link.probability))"
            + (link.looksLikeTwins ? " (looks like twins)" : "") + "</h3>\n"
        html +=
            "<table><thead><tr><th>Comparison</th><th>Level</th><th>This record</th><th>Other record</th>"
            + "<th>Bits</th></tr></thead><tbody>\n"
        html += "<tr><td>Prior</td><td></td><td></td><td></td><td class=\"num\">\(bits(link.priorBits))</td></tr>\n"
        for item in link.contributions {
            html +=
                "<tr><td>\(item.comparison.xmlEscaped)</td><td>\(item.level.xmlEscaped)</td>"
                + "<td>\(item.value.xmlEscaped)</td><td>\(item.otherValue.xmlEscaped)</td>"
                + "<td class=\"num\">\(bits(item.bits))</td></tr>\n"
        }
        html += "<tr><th>Total</th><th></th><th></th><th></th><th class=\"num\">\(bits(link.weightBits))</th></tr>\n"
        return html + "</tbody></table></figure>\n"
    }

    /// One JSON document: the child, the query, and each record with its facts and link.
    package static func json(_ footprint: Footprint) -> String {
        let entries = footprint.entries.map { entry in
            let link = entry.link.map(linkJSON) ?? "null"
            return "    {\"date\": \(string(entry.date.iso)), \"dataset\": \(string(entry.record.dataset.rawValue)), "
                + "\"record\": \(string(entry.record.description)), \"source\": \(entry.source.map(string) ?? "null"), "
                + "\"recorded\": \(object(entry.recorded)), \"facts\": \(object(entry.facts)), \"link\": \(link)}"
        }
        return """
            {
              "childID": \(string(footprint.childID.description)),
              "stableID": \(footprint.stableIDs),
              "query": \(string(footprint.query)),
              "generatedAt": \(string(footprint.generatedAt.iso)),
              "records": [
            \(entries.joined(separator: ",\n"))
              ]
            }

            """
    }

    private static func linkJSON(_ link: FootprintLink) -> String {
        let contributions = link.contributions.map {
            "{\"comparison\": \(string($0.comparison)), \"level\": \(string($0.level)), "
                + "\"value\": \(string($0.value)), \"otherValue\": \(string($0.otherValue)), \"bits\": \(number($0.bits))}"
        }
        return "{\"linkedTo\": \(string(link.linkedTo.description)), \"basis\": \(string(link.basis.rawValue)), "
            + "\"probability\": \(number(link.probability)), \"weightBits\": \(number(link.weightBits)), "
            + "\"priorBits\": \(number(link.priorBits)), \"looksLikeTwins\": \(link.looksLikeTwins), "
            + "\"contributions\": [\(contributions.joined(separator: ", "))]}"
    }

    private static func object(_ facts: [FootprintFact]) -> String {
        "{" + facts.map { "\(string($0.label)): \(string($0.value))" }.joined(separator: ", ") + "}"
    }

    private static func string(_ text: String) -> String { JSONRenderer.string(text) }

    private static func number(_ value: Double) -> String {
        value.isFinite ? String(format: "%.4f", value) : (value > 0 ? "1e308" : "-1e308")
    }

    static func bits(_ value: Double) -> String {
        value.isFinite ? (value >= 0 ? "+" : "") + String(format: "%.2f", value) : (value > 0 ? "+inf" : "-inf")
    }

    static func percent(_ probability: Double) -> String { String(format: "%.1f%%", probability * 100) }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}

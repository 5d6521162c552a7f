package import ChildLinkReports

/// The few lines a report command prints when it is done: what the report found and where to
/// open it, instead of a list of every file written. Counts only; never personal data.
package enum ReportSummary {
    /// The summary of `written`, whose files went into `outputDirectory`.
    package static func text(of written: WrittenReport, outputDirectory: String) -> String {
        let report = written.report
        let main = written.files.first { $0.hasSuffix(".html") } ?? written.files.first ?? outputDirectory
        var lines = ["\(report.title), \(report.periodLabel)."]
        if let findings = weeklyFindings(report) { lines.append(findings) }
        lines.append(
            "Open \(main) (\(written.files.count) file\(written.files.count == 1 ? "" : "s") in \(outputDirectory)).")
        return lines.joined(separator: "\n")
    }

    /// The weekly pack's headline: children, decisions, triggers and overdue interviews.
    static func weeklyFindings(_ report: Report) -> String? {
        guard let children = table("children", in: report), let actions = table("actions", in: report) else {
            return nil
        }
        let triggered = Set((table("strategy-triggers", in: report)?.rows ?? []).compactMap { $0.first }).count
        let overdue = table("rhi-overdue", in: report)?.rows.count ?? 0
        return "\(count(children.rows.count, "child", "children")) with an episode; "
            + "\(count(actions.rows.count, "child", "children")) needing a decision "
            + "(\(triggered) with a strategy-meeting trigger, \(count(overdue, "Return Home Interview", "Return Home Interviews")) overdue or late)."
    }

    private static func table(_ id: String, in report: Report) -> ReportTable? {
        report.tables.first { $0.id == id }
    }

    private static func count(_ value: Int, _ one: String, _ many: String) -> String {
        "\(value) \(value == 1 ? one : many)"
    }
}

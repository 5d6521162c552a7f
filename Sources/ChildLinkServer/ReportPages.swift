import ChildLinkCore
import ChildLinkModel
import Foundation

/// The latest reports, read-only: the HTML files of the folder given to `serve --reports`, each
/// ChildLink id in them linked to the child's page. Each report viewed is audited.
struct ReportPages: Sendable {
    /// The folder the reports are in (`weekly … --out FOLDER`), if the desk was given one.
    let folder: String?
    /// The history store (for the audit log).
    let storePath: String

    /// A report file's name: letters, digits, `.`, `-` and `_`, ending `.html`, never starting with `.`.
    static func isReportName(_ name: String) -> Bool {
        name.hasSuffix(".html") && !name.hasPrefix(".") && name.count <= 200
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
    }

    /// The list of reports, newest name last, or where to find them when the desk was given no folder.
    func index() -> DeskRoutes.Page {
        guard let folder else {
            return DeskRoutes.Page(
                status: 200,
                html: DeskRoutes.message(
                    "Reports",
                    "The store does not record where each run wrote its reports. Start the desk with --reports "
                        + "FOLDER (the folder given to weekly or scorecard --out) to read them here, or open "
                        + "index.html in that folder."))
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter(Self.isReportName)
            .sorted()
        guard !names.isEmpty else {
            return DeskRoutes.Page(
                status: 200, html: DeskRoutes.message("Reports", "The reports folder holds no HTML report yet."))
        }
        let items = names.map { "<li><a href=\"/reports/\(DeskHTML.text($0))\">\(DeskHTML.text($0))</a></li>" }
        let body =
            "<h1>Reports</h1>\n<p>Read-only copies of the HTML reports in the folder the desk was started with. "
            + "A ChildLink id in a report opens the child's footprint.</p>\n<ul>\n"
            + items.joined(separator: "\n") + "\n</ul>"
        return DeskRoutes.Page(status: 200, html: DeskHTML.page(title: "Reports", body: body))
    }

    /// One report with its ChildLink ids linked; 404 for a name that is not a report in the folder.
    func report(_ name: String) -> DeskRoutes.Page {
        guard let folder, Self.isReportName(name) else { return DeskResponder.plain(404, "There is no such report.") }
        let path = URL(fileURLWithPath: folder).appendingPathComponent(name).path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
            let html = try? String(contentsOfFile: path, encoding: .utf8)
        else { return DeskResponder.plain(404, "There is no such report.") }
        let (linked, ids) = Self.linkingChildren(html)
        do {
            try AuditJob.record(storePath: storePath, command: "serve report", query: name, childIDs: ids)
        } catch {
            return DeskRoutes.Page(
                status: 500, html: DeskRoutes.message("Not shown", "The audit log could not be written."))
        }
        var page = DeskRoutes.Page(status: 200, html: linked)
        page.inlineStyles = true
        return page
    }

    /// `html` with each table cell holding only a ChildLink id turned into a link to the child's page,
    /// and the ids linked.
    static func linkingChildren(_ html: String) -> (String, [ChildLinkID]) {
        let pattern = /<td>(CL[0-9]{6})<\/td>/
        var ids: Set<ChildLinkID> = []
        let linked = html.replacing(pattern) { match in
            let id = String(match.output.1)
            if let child = ChildLinkID(id) { ids.insert(child) }
            return "<td><a href=\"/child/\(id)\">\(id)</a></td>"
        }
        return (linked, ids.sorted())
    }
}

import ChildLinkModel
import ChildLinkStore
import Foundation
import Testing

/// The latest reports on the desk: read-only, each ChildLink id linked to the child's page, each
/// report viewed audited, and nothing outside the reports folder reachable.
@Suite("childlink serve: the reports folder, read-only", .serialized)
struct DeskReportsTests {
    /// A reports folder with one small report naming two children, and a file that is not a report.
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("childlink-desk-reports-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let html =
            "<!DOCTYPE html><html><head><style>td { color: red; }</style></head><body><table>"
            + "<tr><td>CL000007</td><td>missing 26 h</td></tr><tr><td>CL000012</td><td>CL000007 again</td></tr>"
            + "</table></body></html>"
        try html.write(to: folder.appendingPathComponent("weekly-2019-06-30.html"), atomically: true, encoding: .utf8)
        try "Child,Name\nCL000007,x\n".write(
            to: folder.appendingPathComponent("weekly-2019-06-30-children.csv"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test("the list shows the HTML reports; a report links each id cell to the child's page and is audited")
    func report() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let desk = try await RunningDesk.start(reportsFolder: folder.path)
        defer { Task { await desk.stop() } }
        let cookie = try await desk.signIn()
        let index = try await desk.client.get("/reports", cookie: cookie)
        #expect(index.body.contains("<a href=\"/reports/weekly-2019-06-30.html\">"))
        #expect(!index.body.contains("children.csv"))

        let page = try await desk.client.get("/reports/weekly-2019-06-30.html", cookie: cookie)
        #expect(page.status == 200)
        #expect(page.body.contains("<td><a href=\"/child/CL000007\">CL000007</a></td>"))
        #expect(page.body.contains("<td><a href=\"/child/CL000012\">CL000012</a></td>"))
        #expect(page.body.contains("<td>CL000007 again</td>"), "only cells holding just an id are linked")
        let policy = try #require(page.header("Content-Security-Policy"))
        #expect(policy.contains("style-src 'self' 'unsafe-inline'") && policy.contains("script-src 'self'"))
        #expect(page.header("Cache-Control") == "no-store")

        let audit = try ChildLinkStore(path: desk.storePath).auditLog().filter { $0.command == "serve report" }
        #expect(audit.map(\.query) == ["weekly-2019-06-30.html"])
        #expect(audit.first?.childIDs == [ChildLinkID(7), ChildLinkID(12)])
        await desk.stop()
    }

    @Test(
        "nothing but an HTML report inside the folder can be read",
        arguments: [
            "/reports/weekly-2019-06-30-children.csv", "/reports/absent.html", "/reports/.hidden.html",
            "/reports/sub/x.html", "/reports/..%2Fchildlink.sqlite", "/reports/../childlink.sqlite",
        ])
    func confined(path: String) async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let desk = try await RunningDesk.start(reportsFolder: folder.path)
        defer { Task { await desk.stop() } }
        let cookie = try await desk.signIn()
        let reply = try await desk.client.get(path, cookie: cookie)
        #expect([400, 404].contains(reply.status), "\(path): \(reply.status)")
        #expect(!reply.body.contains("CL000007"))
        await desk.stop()
    }

    @Test("without a reports folder the page says where the reports are and how to show them")
    func noFolder() async throws {
        let desk = try await RunningDesk.start()
        defer { Task { await desk.stop() } }
        let cookie = try await desk.signIn()
        let reply = try await desk.client.get("/reports", cookie: cookie)
        #expect(reply.status == 200)
        #expect(reply.body.contains("--reports FOLDER"))
        #expect(try await desk.client.get("/reports/weekly-2019-06-30.html", cookie: cookie).status == 404)
        await desk.stop()
    }
}

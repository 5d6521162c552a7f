import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// Every request to the desk passes here: the Host check (DNS rebinding), the session (401 without
/// one), the Origin and CSRF checks on every POST, then the route; every response carries the
/// security headers (Content-Security-Policy, `Cache-Control: no-store`, …).
struct DeskResponder: HTTPResponder {
    /// Hummingbird's plain request context: the desk keeps its own state in ``DeskSessions``.
    typealias Context = BasicRequestContext

    /// The pages and actions over the store.
    let routes: DeskRoutes
    /// The reports folder's pages.
    let reports: ReportPages
    /// The start token and the sessions.
    let sessions: DeskSessions

    /// The session cookie's name.
    static let cookieName = "childlink_desk"

    /// Answers one request and logs its route name and status (never its query, an id or a value).
    func respond(to request: Request, context: Context) async throws -> Response {
        let (route, page) = try await answer(request)
        routes.logger.info("desk request", metadata: ["route": "\(route)", "status": "\(page.status)"])
        return Self.response(page)
    }

    /// The route's name for the log (never the query or an id) and the page.
    private func answer(_ request: Request) async throws -> (String, DeskRoutes.Page) {
        let authorities = await sessions.authorities
        guard let authority = request.head.authority, authorities.contains(authority.lowercased()) else {
            return ("host refused", Self.plain(421, "This desk answers only to its own address on this computer."))
        }
        let path = request.uri.path
        if path.contains("..") || path.contains("%") || path.contains("//") {
            return ("bad path", Self.plain(400, "That address is not one of the desk's pages."))
        }
        if request.method == .post, !Self.originAllowed(request, authorities) {
            return ("origin refused", Self.plain(403, "Refused: the form did not come from this desk's own pages."))
        }
        if request.method == .get && path == "/start" {
            return ("/start", await start(DeskForm(request.uri.query)))
        }
        guard let session = Self.cookie(request), let csrf = await sessions.touch(session) else {
            return (
                "no session",
                Self.plain(
                    401,
                    "Not signed in, or the session ended after 30 minutes without use. Open the link that "
                        + "'childlink serve' printed, or restart it for a new one.")
            )
        }
        return try await route(request, path: path, csrf: csrf)
    }

    /// The page for a signed-in request.
    private func route(_ request: Request, path: String, csrf: String) async throws -> (String, DeskRoutes.Page) {
        let query = DeskForm(request.uri.query)
        switch (request.method, path) {
        case (.get, "/"): return ("/", DeskRoutes.Page(status: 303, html: "", location: "/review"))
        case (.get, "/review"): return ("/review", routes.reviewQueue(query, csrf: csrf))
        case (.get, "/review/history"): return ("/review/history", routes.history(query, csrf: csrf))
        case (.get, "/footprint"): return ("/footprint", routes.footprintSearch(query))
        case (.get, "/reports"): return ("/reports", reports.index())
        case (.get, "/run"): return ("/run", routes.nextRun(csrf: csrf))
        case (.get, "/run/status"): return ("/run/status", routes.runStatus())
        case (.get, _) where path.hasPrefix("/reports/"):
            return ("/reports/:name", reports.report(String(path.dropFirst("/reports/".count))))
        case (.get, _) where path.hasPrefix("/child/"):
            return ("/child/:id", routes.child(String(path.dropFirst("/child/".count))))
        case (.get, _) where DeskAssets.files[path] != nil:
            let asset = DeskAssets.files[path]!
            return ("asset", DeskRoutes.Page(status: 200, html: asset.text, contentType: asset.type))
        case (.post, "/review/decide"), (.post, "/review/revoke"), (.post, "/run/start"):
            var request = request
            let form = DeskForm(String(buffer: try await request.collectBody(upTo: 64 * 1024)))
            guard let sent = form.fields["csrf"], DeskSessions.equalInConstantTime(sent, csrf) else {
                return ("csrf refused", Self.plain(403, "The form has expired: reload the page and try again."))
            }
            switch path {
            case "/review/decide": return (path, routes.decide(form, csrf: csrf))
            case "/review/revoke": return (path, routes.revoke(form))
            default: return (path, routes.startRun(csrf: csrf))
            }
        case (.get, _), (.post, _): return ("not found", Self.plain(404, "There is no such page on the desk."))
        default: return ("method", Self.plain(405, "The desk answers GET and POST only."))
        }
    }

    /// Exchanges the one-time token for a session cookie and opens the queue; 401 for a wrong or used token.
    private func start(_ query: DeskForm) async -> DeskRoutes.Page {
        guard let token = query.fields["token"], let session = await sessions.redeem(token) else {
            return Self.plain(
                401, "This link is not valid or has been used already. Restart 'childlink serve' for a new link.")
        }
        var page = DeskRoutes.Page(status: 303, html: "", location: "/review")
        page.cookie = "\(Self.cookieName)=\(session.id); Path=/; HttpOnly; SameSite=Strict"
        return page
    }

    /// A POST must say it came from one of the desk's own addresses.
    static func originAllowed(_ request: Request, _ authorities: Set<String>) -> Bool {
        guard let origin = request.headers[.origin]?.lowercased(), origin.hasPrefix("http://") else { return false }
        return authorities.contains(String(origin.dropFirst("http://".count)))
    }

    /// The session cookie's value, if the request carries one.
    static func cookie(_ request: Request) -> String? {
        for field in request.headers[values: .cookie] {
            for part in field.split(separator: ";") {
                let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
                if pair.count == 2, pair[0] == cookieName { return String(pair[1]) }
            }
        }
        return nil
    }

    /// A page of plain words with `status`.
    static func plain(_ status: Int, _ text: String) -> DeskRoutes.Page {
        DeskRoutes.Page(status: status, html: DeskRoutes.message(status == 404 ? "Not found" : "Refused", text))
    }

    /// The HTTP response for `page`, with the security headers.
    static func response(_ page: DeskRoutes.Page) -> Response {
        let styles = page.inlineStyles ? "'self' 'unsafe-inline'" : "'self'"
        var headers: HTTPFields = [
            .contentSecurityPolicy:
                "default-src 'none'; script-src 'self'; style-src \(styles); img-src 'self'; form-action 'self'; "
                + "frame-ancestors 'none'; base-uri 'none'",
            .cacheControl: "no-store",
            .init("X-Content-Type-Options")!: "nosniff",
            // same-origin, not no-referrer: with no-referrer a browser sends `Origin: null` on the desk's own forms.
            .init("Referrer-Policy")!: "same-origin",
            .init("X-Frame-Options")!: "DENY",
            .contentType: page.contentType,
        ]
        if let location = page.location { headers[.location] = location }
        if let cookie = page.cookie { headers[.setCookie] = cookie }
        return Response(
            status: HTTPResponse.Status(code: page.status), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(string: page.html)))
    }
}

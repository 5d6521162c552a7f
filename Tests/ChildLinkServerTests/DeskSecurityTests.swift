import ChildLinkServer
import Foundation
import Testing

/// The desk's security model over real HTTP on loopback: the one-time link, the session cookie and
/// its idle timeout, the Host and Origin checks, CSRF on every POST, the security headers, and
/// plain 400/404 answers for bad input. Each test runs its own server on a free port.
@Suite("childlink serve: sign-in, sessions, Host/Origin and CSRF checks over HTTP", .serialized)
struct DeskSecurityTests {
    @Test("without a session every page is 401 and shows no data; a wrong token is 401; the link works once")
    func signIn() async throws {
        let desk = try await RunningDesk.start()
        defer { Task { await desk.stop() } }
        for path in ["/review", "/review/history", "/footprint", "/child/CL000001", "/reports", "/assets/desk.js"] {
            let reply = try await desk.client.get(path)
            #expect(reply.status == 401, "\(path)")
            #expect(!reply.body.contains("CL0"), "\(path) leaked an id")
        }
        #expect(try await desk.client.get("/start?token=" + String(repeating: "0", count: 64)).status == 401)
        #expect(try await desk.client.get("/review", cookie: "childlink_desk=forged").status == 401)
        let first = try await desk.client.get(desk.startPath)
        #expect(first.status == 303)
        #expect(first.header("Location") == "/review")
        let cookie = try #require(first.header("Set-Cookie"))
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"))
        let session = String(cookie.split(separator: ";")[0])
        #expect(session.count == "childlink_desk=".count + 64)
        #expect(try await desk.client.get(desk.startPath).status == 401, "the one-time link worked twice")
        #expect(try await desk.client.get("/review", cookie: session).status == 200)
        await desk.stop()
    }

    @Test("a session ends after 30 minutes without a request; each request restarts the clock")
    func idleTimeout() async throws {
        let desk = try await RunningDesk.start()
        defer { Task { await desk.stop() } }
        let cookie = try await desk.signIn()
        desk.clock.advance(minutes: 29)
        #expect(try await desk.client.get("/reports", cookie: cookie).status == 200)
        desk.clock.advance(minutes: 29)
        #expect(
            try await desk.client.get("/reports", cookie: cookie).status == 200, "29 minutes after the last request")
        desk.clock.advance(minutes: 31)
        let expired = try await desk.client.get("/reports", cookie: cookie)
        #expect(expired.status == 401)
        #expect(expired.body.contains("30 minutes"))
        await desk.stop()
    }

    @Test("a Host other than the desk's own address is refused (DNS rebinding), before the session")
    func hostCheck() async throws {
        let desk = try await RunningDesk.start()
        defer { Task { await desk.stop() } }
        let cookie = try await desk.signIn()
        let port = desk.client.port
        for host in ["evil.example:\(port)", "127.0.0.1:\(port + 1)", "127.0.0.1", "localhost.evil.example:\(port)"] {
            #expect(try await desk.client.get("/review", cookie: cookie, host: host).status == 421, "\(host)")
        }
        for host in ["localhost:\(port)", "[::1]:\(port)", "127.0.0.1:\(port)"] {
            #expect(try await desk.client.get("/review", cookie: cookie, host: host).status == 200, "\(host)")
        }
        await desk.stop()
    }

    @Test("every POST needs the desk's Origin and the session's CSRF token; nothing is recorded otherwise")
    func csrfAndOrigin() async throws {
        let desk = try await RunningDesk.start()
        defer { Task { await desk.stop() } }
        let cookie = try await desk.signIn()
        let page = try await desk.client.get("/review", cookie: cookie)
        let csrf = try RunningDesk.csrf(in: page.body)
        #expect(csrf.count == 64)
        let form = [("a", "CL000001"), ("b", "CL000002"), ("verdict", "reject"), ("note", "n")]
        #expect(try await desk.client.post("/review/decide", form: form, cookie: cookie).status == 403, "no CSRF token")
        #expect(
            try await desk.client.post(
                "/review/decide", form: form + [("csrf", String(repeating: "a", count: 64))], cookie: cookie
            )
            .status == 403, "wrong CSRF token")
        let withToken = form + [("csrf", csrf)]
        #expect(
            try await desk.client.post("/review/decide", form: withToken, cookie: cookie, origin: nil).status == 403)
        #expect(
            try await desk.client.post("/review/decide", form: withToken, cookie: cookie, origin: "http://evil.example")
                .status == 403)
        #expect(
            try await desk.client.post("/review/revoke", form: [("id", "D1"), ("note", "x")], cookie: cookie).status
                == 403)
        #expect(try await desk.client.post("/review/decide", form: withToken, cookie: nil).status == 401)
        let history = try await desk.client.get("/review/history", cookie: cookie)
        #expect(history.body.contains("No review decisions yet."))
        await desk.stop()
    }

    @Test("pages carry the Content-Security-Policy, no-store and nosniff; nothing is loaded from elsewhere")
    func headers() async throws {
        let desk = try await RunningDesk.start()
        defer { Task { await desk.stop() } }
        let cookie = try await desk.signIn()
        for path in ["/review", "/footprint", "/review/history", "/nope"] {
            let reply = try await desk.client.get(path, cookie: cookie)
            let policy = try #require(reply.header("Content-Security-Policy"), "\(path)")
            #expect(policy.contains("default-src 'none'") && policy.contains("script-src 'self'"))
            #expect(!policy.contains("unsafe-inline"))
            #expect(reply.header("Cache-Control") == "no-store")
            #expect(reply.header("X-Content-Type-Options") == "nosniff")
            #expect(!reply.body.contains("http://") && !reply.body.contains("https://"), "\(path) links outside")
            #expect(!reply.body.contains("<style>") && !reply.body.contains("<script>"), "\(path) has inline code")
        }
        #expect(
            try await desk.client.get("/assets/desk.js", cookie: cookie).header("Content-Type")?.hasPrefix(
                "text/javascript") == true)
        await desk.stop()
    }

    @Test(
        "bad input gets a plain 400 or 404",
        arguments: [
            ("/nope", 404), ("/child/CL12", 400), ("/child/Jo%20Tester", 400), ("/child/CL999999", 404),
            ("/review?at=-1", 400), ("/review?at=x", 400), ("/assets/../../etc/passwd", 400),
            ("/assets/%2e%2e/%2e%2e/etc/passwd", 400), ("/footprint?name=Jo+Tester&dob=31/02/2006", 400),
            ("/footprint?name=Tester", 400), ("/footprint?upn=A1&nhs=1", 400), ("/footprint?child=12345678", 400),
        ])
    func badInput(path: String, status: Int) async throws {
        let desk = try await RunningDesk.start()
        defer { Task { await desk.stop() } }
        let cookie = try await desk.signIn()
        let reply = try await desk.client.get(path, cookie: cookie)
        #expect(reply.status == status, "\(path): \(reply.body.suffix(300))")
        // The search form keeps what was typed (escaped) so it can be corrected; other pages never echo it.
        #expect(path.hasPrefix("/footprint") || !reply.body.contains("Tester"), "\(path) echoed the query")
        await desk.stop()
    }

    @Test("a POST with a malformed id or verdict is a plain 400 and records nothing")
    func badDecision() async throws {
        let desk = try await RunningDesk.start()
        defer { Task { await desk.stop() } }
        let cookie = try await desk.signIn()
        let csrf = try RunningDesk.csrf(in: try await desk.client.get("/review", cookie: cookie).body)
        for form in [
            [("a", "CL1"), ("b", "CL000002"), ("verdict", "accept")],
            [("a", "CL000001"), ("b", "CL000002"), ("verdict", "maybe")],
        ] {
            #expect(
                try await desk.client.post("/review/decide", form: form + [("csrf", csrf)], cookie: cookie).status
                    == 400)
        }
        #expect(
            try await desk.client.post("/review/revoke", form: [("id", "X1"), ("csrf", csrf)], cookie: cookie).status
                == 400)
        #expect(try await desk.client.get("/review/history", cookie: cookie).body.contains("No review decisions yet."))
        await desk.stop()
    }

    @Test(
        "only loopback addresses are accepted for --host", arguments: ["0.0.0.0", "192.168.1.5", "example.org", "::"])
    func onlyLoopback(host: String) {
        #expect(DeskHost(parsing: host) == nil)
        #expect(DeskHost(parsing: "localhost") == .ipv4 && DeskHost(parsing: "[::1]") == .ipv6)
    }
}

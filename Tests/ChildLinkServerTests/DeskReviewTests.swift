import ChildLinkCore
import ChildLinkModel
import ChildLinkStore
import Foundation
import Synchronization
import Testing

@testable import ChildLinkServer

/// The desk's review queue, decisions and footprint pages over HTTP, checked against the store and
/// the command line's own jobs on a second copy of the same store.
@Suite("childlink serve: review queue, decisions, revoke, footprint and audit over HTTP", .serialized)
struct DeskReviewTests {
    /// The pairs of children a page lists, in order (`CL000012 and CL000345`).
    static func pairs(in text: String, pattern: String) -> [String] {
        let regex = try! Regex(pattern)
        return text.matches(of: regex).map { String(text[$0.range]).filter { $0.isLetter || $0.isNumber } }
    }

    /// The first pair's hidden fields on the review page.
    static func field(_ name: String, in html: String) throws -> String {
        let range = try #require(html.range(of: "name=\"\(name)\" value=\""))
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    @Test("the queue is in the order 'review list' prints, and shows both children side by side with a waterfall")
    func queueOrder() async throws {
        let desk = try await RunningDesk.start()
        defer { Task { await desk.stop() } }
        let cookie = try await desk.signIn()
        let page = try await desk.client.get("/review", cookie: cookie)
        #expect(page.status == 200)
        let listed = try ReviewJob.run(.list(undecidedOnly: true), storePath: desk.storePath)
        let cli = Self.pairs(in: listed, pattern: "(?m)^CL[0-9]{6} and CL[0-9]{6}:")
        let shown = Self.pairs(in: page.body, pattern: "at=[0-9]+\">CL[0-9]{6} and CL[0-9]{6}<")
            .map { String($0.drop { $0 != "C" }) }
        #expect(!cli.isEmpty)
        #expect(shown == cli)
        #expect(page.body.contains("<table class=\"side\">"))
        #expect(page.body.contains("<svg class=\"waterfall\""))
        #expect(page.body.contains("Decisions take effect on the next run"))
        #expect(page.body.contains("data-key=\"a\"") && page.body.contains("data-key=\"r\""))
        await desk.stop()
    }

    @Test(
        "a forced accept through the desk records what 'review accept --force --note' records, audited with the OS user"
    )
    func decisionEqualsCommandLine() async throws {
        let desk = try await RunningDesk.start()
        defer { Task { await desk.stop() } }
        let cookie = try await desk.signIn()
        let page = try await desk.client.get("/review", cookie: cookie).body
        let (a, b) = (try Self.field("a", in: page), try Self.field("b", in: page))
        let note = "checked with the school: same child"
        let reply = try await desk.client.post(
            "/review/decide",
            form: [
                ("csrf", try RunningDesk.csrf(in: page)), ("a", a), ("b", b), ("verdict", "accept"), ("note", note),
                ("force", "yes"),
            ], cookie: cookie)
        #expect(reply.status == 303)
        #expect(reply.header("Location") == "/review?at=0&recorded=D1")

        let commandLine = try DeskFixture.copy()
        defer {
            try? FileManager.default.removeItem(
                atPath: URL(fileURLWithPath: commandLine).deletingLastPathComponent().path)
        }
        let childA = try #require(ChildLinkID(a))
        let childB = try #require(ChildLinkID(b))
        _ = try ReviewJob.run(.accept(.child(childA), .child(childB), note: note, force: true), storePath: commandLine)

        let viaDesk = try ChildLinkStore(path: desk.storePath)
        let viaCLI = try ChildLinkStore(path: commandLine)
        let deskEntry = try #require(try viaDesk.decisionHistory().first)
        let cliEntry = try #require(try viaCLI.decisionHistory().first)
        #expect(try viaDesk.decisionHistory().count == 1)
        #expect(deskEntry.kind == .mustLink && deskEntry.kind == cliEntry.kind)
        #expect(deskEntry.subjectA == cliEntry.subjectA && deskEntry.subjectB == cliEntry.subjectB)
        #expect(deskEntry.pairs == cliEntry.pairs && deskEntry.note == note && cliEntry.note == note)
        #expect(deskEntry.overridden == cliEntry.overridden && deskEntry.decidedBy == cliEntry.decidedBy)

        let audit = try viaDesk.auditLog().filter { $0.command == "review accept" }
        let cliAudit = try viaCLI.auditLog().filter { $0.command == "review accept" }
        #expect(audit.count == 1)
        #expect(audit.map(\.user) == [viaDesk.user] && audit.map(\.query) == cliAudit.map(\.query))
        #expect(audit.first?.childIDs == [childA, childB].sorted())
        await desk.stop()
    }

    @Test("an accept off the review list is refused with the reason (409); Force needs a note; then it is recorded")
    func guards() async throws {
        let desk = try await RunningDesk.start()
        defer { Task { await desk.stop() } }
        let cookie = try await desk.signIn()
        let csrf = try RunningDesk.csrf(in: try await desk.client.get("/review", cookie: cookie).body)
        let store = try ChildLinkStore(path: desk.storePath)
        let listed = Set(try store.reviewChildPairs().map { "\($0.childA) \($0.childB)" })
        #expect(!listed.contains("CL000001 CL000002"), "the test needs a pair that is not on the list")
        let form = [("csrf", csrf), ("a", "CL000001"), ("b", "CL000002"), ("verdict", "accept")]

        let refused = try await desk.client.post("/review/decide", form: form + [("note", "")], cookie: cookie)
        #expect(refused.status == 409)
        #expect(refused.body.contains("not a pair on the review list"))
        #expect(refused.body.contains("tick Force and say why in the note"))
        let noNote = try await desk.client.post("/review/decide", form: form + [("force", "yes")], cookie: cookie)
        #expect(noNote.status == 409)
        #expect(noNote.body.contains("say why in the note"))
        #expect(try store.decisionHistory().isEmpty)

        let forced = try await desk.client.post(
            "/review/decide", form: form + [("force", "yes"), ("note", "same child, checked")], cookie: cookie)
        #expect(forced.status == 303)
        #expect(try store.decisionHistory().map(\.id.description) == ["D1"])
        await desk.stop()
    }

    @Test("Revoke withdraws the decision as 'review revoke' does: kept in the history, marked revoked, audited")
    func revoke() async throws {
        let desk = try await RunningDesk.start()
        defer { Task { await desk.stop() } }
        let cookie = try await desk.signIn()
        let page = try await desk.client.get("/review", cookie: cookie).body
        let csrf = try RunningDesk.csrf(in: page)
        let decided = try await desk.client.post(
            "/review/decide",
            form: [
                ("csrf", csrf), ("a", try Self.field("a", in: page)), ("b", try Self.field("b", in: page)),
                ("verdict", "reject"), ("note", "twins"),
            ], cookie: cookie)
        #expect(decided.status == 303)
        let history = try await desk.client.get("/review/history", cookie: cookie)
        #expect(history.body.contains("Revoke D1"))
        #expect(
            try await desk.client.post("/review/revoke", form: [("csrf", csrf), ("id", "D1")], cookie: cookie).status
                == 400)
        let revoked = try await desk.client.post(
            "/review/revoke", form: [("csrf", csrf), ("id", "D1"), ("note", "decided by mistake")], cookie: cookie)
        #expect(revoked.status == 303)
        #expect(revoked.header("Location") == "/review/history?revoked=D1")
        let store = try ChildLinkStore(path: desk.storePath)
        let entry = try #require(try store.decisionHistory().first)
        #expect(entry.revocation?.note == "decided by mistake")
        #expect(try await desk.client.get("/review/history", cookie: cookie).body.contains("decided by mistake"))
        await desk.stop()
    }

    @Test("a misspelt name with the date of birth finds the child; their page shows <script> as text and is audited")
    func footprint() async throws {
        let desk = try await RunningDesk.start()
        defer { Task { await desk.stop() } }
        let cookie = try await desk.signIn()
        let store = try ChildLinkStore(path: desk.storePath)
        let record = try #require(RecordKey(parsing: "Missing:E9900001"))
        let child = try #require(try store.latestAssignment()[record])

        let search = try await desk.client.get("/footprint?name=Joe+Tester&dob=14%2F03%2F2006", cookie: cookie)
        #expect(search.status == 303)
        #expect(search.header("Location") == "/child/\(child)")
        let page = try await desk.client.get("/child/\(child)", cookie: cookie)
        #expect(page.status == 200)
        #expect(page.body.contains("Jo&lt;script&gt;alert(1)&lt;/script&gt; Tester"))
        #expect(!page.body.contains("<script>alert"))
        #expect(page.body.contains("14/03/2006"))

        let audit = try store.auditLog().filter { $0.command == "footprint" }
        #expect(audit.map(\.query) == ["--name \"Joe Tester\" --dob 14/03/2006", "--child-id \(child)"])
        #expect(audit.allSatisfy { $0.childIDs == [child] && $0.user == store.user })

        let log = desk.log.lines.withLock { $0 }.joined(separator: "\n")
        #expect(log.contains("desk request"))
        for value in ["Tester", "Joe", "script", "14/03/2006", "2006-03-14", "9900001"] {
            #expect(!log.contains(value), "the server log holds \(value)")
        }
        await desk.stop()
    }

    @Test("a name two children share lists both with their scores, each linking to the child's page")
    func candidates() async throws {
        let desk = try await RunningDesk.start()
        defer { Task { await desk.stop() } }
        let cookie = try await desk.signIn()
        let assignment = try ChildLinkStore(path: desk.storePath).latestAssignment()
        let keys = ["Missing:E9900001", "Missing:E9900002"].compactMap { RecordKey(parsing: $0) }
        let first = try #require(assignment[keys[0]])
        let second = try #require(assignment[keys[1]])
        let reply = try await desk.client.get("/footprint?name=Jo+Tester", cookie: cookie)
        #expect(reply.status == 200)
        #expect(reply.body.contains("2 children could be the one you mean"))
        for child in [first, second] { #expect(reply.body.contains("<a href=\"/child/\(child)\">\(child)</a>")) }
        #expect(reply.body.contains("Jo Tester, born 02/11/2009"))
        #expect(reply.body.contains("Jo&lt;script&gt;alert(1)&lt;/script&gt; Tester, born 14/03/2006"))
        await desk.stop()
    }

    @Test("a name with an age on the test clock's day (15 June 2025) finds the child of that age; a range lists both")
    func footprintByAge() async throws {
        let desk = try await RunningDesk.start()
        defer { Task { await desk.stop() } }
        let cookie = try await desk.signIn()
        let store = try ChildLinkStore(path: desk.storePath)
        let assignment = try store.latestAssignment()
        let keys = ["Missing:E9900001", "Missing:E9900002"].compactMap { RecordKey(parsing: $0) }
        // On 15/06/2025 the Jo Tester born 14/03/2006 is 19; the one born 02/11/2009 is 15.
        let older = try #require(assignment[keys[0]])
        let younger = try #require(assignment[keys[1]])

        let nineteen = try await desk.client.get("/footprint?name=Joe+Tester&age=19", cookie: cookie)
        #expect(nineteen.status == 303)
        #expect(nineteen.header("Location") == "/child/\(older)")
        let fifteen = try await desk.client.get("/footprint?name=Jo+Tester&age=14-16", cookie: cookie)
        #expect(fifteen.status == 303)
        #expect(fifteen.header("Location") == "/child/\(younger)")

        // Both in the range: the candidates with their scores, as for a name without a date of birth.
        let both = try await desk.client.get("/footprint?name=Jo+Tester&age=15+to+19", cookie: cookie)
        #expect(both.status == 200)
        #expect(both.body.contains("2 children could be the one you mean"))
        for child in [older, younger] { #expect(both.body.contains("<a href=\"/child/\(child)\">\(child)</a>")) }
        #expect(both.body.contains("value=\"15 to 19\""))

        let neither = try await desk.client.get("/footprint?name=Jo+Tester&age=7", cookie: cookie)
        #expect(neither.status == 200)
        // What to try next, in the form's words: no command-line flag on the desk.
        #expect(
            neither.body.contains(
                "No child matches. Try another spelling, give or clear the date of birth or age, or search by an "
                    + "identifier."))
        #expect(!neither.body.contains("--dob"))

        for (query, words) in [
            ("name=Jo+Tester&age=seven", "The age is whole years (7) or a range (7-9)"),
            ("name=Jo+Tester&age=30", "from 0 to 25"),
            ("name=Jo+Tester&age=9-7", "The age is whole years"),
            ("name=Jo+Tester&age=7&dob=14%2F03%2F2006", "Give a date of birth or an age, not both."),
        ] {
            let reply = try await desk.client.get("/footprint?\(query)", cookie: cookie)
            #expect(reply.status == 400, "\(query)")
            #expect(reply.body.contains(words), "\(query)")
        }

        let audit = try store.auditLog().filter { $0.command == "footprint" }.map(\.query)
        #expect(
            audit == [
                "--name \"Joe Tester\" --age 19 (on 15/06/2025)", "--name \"Jo Tester\" --age 14-16 (on 15/06/2025)",
                "--name \"Jo Tester\" --age 15-19 (on 15/06/2025)", "--name \"Jo Tester\" --age 7 (on 15/06/2025)",
            ])
        // `A372200307068` is the valid UPN `T372200307068` with another check letter (FootprintTests):
        // no record can hold it, and the page says why.
        let badUPN = try await desk.client.get("/footprint?upn=A372200307068", cookie: cookie)
        #expect(badUPN.status == 200)
        #expect(
            badUPN.body.contains(
                "No child matches. This is not a valid UPN (check digit does not match): check it was copied "
                    + "whole, or search by name and date of birth."))
        let log = desk.log.lines.withLock { $0 }.joined(separator: "\n")
        for value in ["Tester", "age=", "2025-06-15", "A372200307068"] {
            #expect(!log.contains(value), "the server log holds \(value)")
        }
        await desk.stop()
    }
}

/// The queue's list is shown a page at a time, with links to the pages before and after.
@Suite("childlink serve: the review queue's list in pages")
struct DeskQueuePagesTests {
    /// The list of a page of `count` pairs, the rows being the children `rows` (each with 2 + 1 records).
    static func list(count: Int, index: Int, firstRow: Int, rows: [(Int, Int)], rowsPerPage: Int) -> String {
        let rows = rows.map {
            ReviewQueueRow(
                childA: ChildLinkID($0.0), childB: ChildLinkID($0.1), probability: 0.9, recordCountA: 2, recordCountB: 1
            )
        }
        return ReviewPages.list(
            ReviewQueuePage(
                count: count, index: index, shown: nil, firstRow: firstRow, rows: rows, rowsPerPage: rowsPerPage))
    }

    // Five pairs, two to a page, the third shown: its page holds pairs 3 and 4 (rows from
    // position 2), the page before starts at position 0, the one after at 4 and holds pair 5 alone.
    @Test("the middle page of a queue of five, two to a page, links to pairs 1–2 and 5–5 and marks pair 3")
    func middlePage() {
        let html = Self.list(count: 5, index: 2, firstRow: 2, rows: [(3, 4), (5, 6)], rowsPerPage: 2)
        #expect(html.contains("Undecided pairs in review order: pairs 3–4 of 5"))
        #expect(html.contains("<a href=\"/review?at=0\">Previous page: pairs 1–2</a>"))
        #expect(html.contains("<a href=\"/review?at=4\">Next page: pairs 5–5</a>"))
        #expect(html.contains("<tr class=\"current\"><td>3</td><td><a href=\"/review?at=2\">CL000003 and CL000004</a>"))
        #expect(html.contains("<tr><td>4</td><td><a href=\"/review?at=3\">CL000005 and CL000006</a>"))
        #expect(html.contains("<td>2 + 1</td>"))
    }

    @Test("a queue that fits on one page says 'all' and links to no other page")
    func onePage() {
        let html = Self.list(count: 2, index: 0, firstRow: 0, rows: [(1, 2), (3, 4)], rowsPerPage: 50)
        #expect(html.contains("Undecided pairs in review order: all"))
        #expect(!html.contains("Previous page") && !html.contains("Next page"))
    }
}

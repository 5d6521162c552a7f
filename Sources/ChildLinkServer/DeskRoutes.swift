import ChildLinkCore
import ChildLinkModel
import ChildLinkReports
import Foundation
import Logging

/// The desk's pages and actions, each calling the same Core job as the command line: the review
/// queue and decisions (`ReviewJob`, as `review list` / `accept` / `reject` / `history` / `revoke`),
/// and the footprint (`FootprintJob`, as `footprint`, audited the same way).
struct DeskRoutes: Sendable {
    /// The history store.
    let storePath: String
    /// The server's log: routes and statuses only, never a query or a value.
    let logger: Logger
    /// The time now (the configuration's clock): ages in a search are counted on its day.
    let clock: @Sendable () -> Date
    /// The next run started from the desk.
    let runner: DeskRunner

    /// Creates the routes over the store at `storePath`.
    init(storePath: String, logger: Logger, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.storePath = storePath
        self.logger = logger
        self.clock = clock
        runner = DeskRunner(storePath: storePath, logger: logger, clock: clock)
    }

    /// A plain reply: status and HTML.
    struct Page: Sendable {
        let status: Int
        let html: String
        /// Where to send the browser instead (a 303 redirect), if anywhere.
        var location: String? = nil
        /// A cookie to set, if any.
        var cookie: String? = nil
        /// The media type of `html` (the desk's own style sheet and script are not HTML).
        var contentType = "text/html; charset=utf-8"
        /// Whether the page's own `<style>` elements may apply (a report file; never any script).
        var inlineStyles = false
    }

    /// Reads `CL000123` (the `CL` and six digits required); `nil` for anything else.
    static func childID(_ text: String) -> ChildLinkID? {
        let upper = text.uppercased()
        guard upper.hasPrefix("CL"), upper.count == 8, upper.dropFirst(2).allSatisfy(\.isASCII),
            upper.dropFirst(2).allSatisfy(\.isNumber)
        else { return nil }
        return ChildLinkID(upper)
    }

    /// The review queue with the pair at `at` shown.
    func reviewQueue(_ query: DeskForm, csrf: String) -> Page {
        guard let at = Self.index(query["at"]) else { return Self.badRequest("'at' is a pair number from 0.") }
        let notice: ReviewPages.Notice =
            query["recorded"].flatMap { DecisionID(parsing: $0) }.map {
                .recorded("Recorded \($0). It takes effect on the next run; undo it in the decision history.")
            } ?? .none
        return guarded {
            let page = try ReviewJob.queuePage(storePath: storePath, at: at)
            return Page(status: 200, html: ReviewPages.queue(page, csrf: csrf, notice: notice))
        }
    }

    /// Records an accept or reject through `ReviewJob.respond`, exactly as `review accept` / `reject`.
    func decide(_ form: DeskForm, csrf: String) -> Page {
        guard let a = form["a"].flatMap(Self.childID), let b = form["b"].flatMap(Self.childID) else {
            return Self.badRequest("A decision needs two ChildLink ids (CL followed by six digits).")
        }
        guard let verdict = form["verdict"], verdict == "accept" || verdict == "reject" else {
            return Self.badRequest("The verdict is accept or reject.")
        }
        let note = form["note"] ?? ""
        let force = form["force"] == "yes"
        if force && note.isEmpty {
            return refused(form, "Force records a decision against the evidence: say why in the note.", csrf: csrf)
        }
        let action: ReviewJob.Action =
            verdict == "accept"
            ? .accept(.child(a), .child(b), note: note, force: force)
            : .reject(.child(a), .child(b), note: note, force: force)
        return guarded {
            let reply = try ReviewJob.respond(action, storePath: storePath)
            if let refusal = reply.refusal { return refused(form, Self.deskWording(refusal.message), csrf: csrf) }
            logger.info("desk decision recorded", metadata: ["verdict": "\(verdict)"])
            let at = Self.index(form["at"]) ?? 0
            return Page(
                status: 303, html: "", location: "/review?at=\(at)&recorded=\(reply.decisionID?.description ?? "")")
        }
    }

    /// The queue page again with why the decision was not recorded.
    private func refused(_ form: DeskForm, _ message: String, csrf: String) -> Page {
        guarded {
            let children = form["a"].flatMap(Self.childID).flatMap { a in
                form["b"].flatMap(Self.childID).map { UnorderedPair(a, $0) }
            }
            let page = try ReviewJob.queuePage(
                storePath: storePath, at: Self.index(form["at"]) ?? 0, children: children)
            return Page(status: 409, html: ReviewPages.queue(page, csrf: csrf, notice: .refused(message)))
        }
    }

    /// The command line's refusal in the desk's words (the checkbox and the note, not the flags).
    static func deskWording(_ message: String) -> String {
        message.replacingOccurrences(
            of: "run the same command again with --force --note \"why\" (the note is kept with the decision).",
            with: "tick Force and say why in the note (it is kept with the decision).")
    }

    /// The decision history.
    func history(_ query: DeskForm, csrf: String) -> Page {
        let notice: ReviewPages.Notice =
            query["revoked"].flatMap { DecisionID(parsing: $0) }.map {
                .recorded("Revoked \($0). The next run links as if it had never been made.")
            } ?? .none
        return guarded {
            let entries = try ReviewJob.decisions(storePath: storePath)
            return Page(status: 200, html: ReviewPages.history(entries, csrf: csrf, notice: notice))
        }
    }

    /// Withdraws a decision through `ReviewJob.respond(.revoke …)`, as `review revoke`.
    func revoke(_ form: DeskForm) -> Page {
        guard let id = form["id"].flatMap({ DecisionID(parsing: $0) }) else {
            return Self.badRequest("A decision id is D followed by a number, e.g. D3.")
        }
        guard let note = form["note"] else { return Self.badRequest("Say why the decision is revoked in the note.") }
        return guarded {
            _ = try ReviewJob.respond(.revoke(id, note: note), storePath: storePath)
            logger.info("desk decision revoked")
            return Page(status: 303, html: "", location: "/review/history?revoked=\(id)")
        }
    }

    /// The next-run page: what the store knows about the latest extracts, the Start button, the progress.
    func nextRun(csrf: String, refusal: String? = nil) -> Page {
        guarded {
            let html = RunPages.page(
                runner.current, latest: try NextRunJob.latest(storePath: storePath), csrf: csrf, refusal: refusal)
            return Page(status: refusal == nil ? 200 : 409, html: html)
        }
    }

    /// Starts the next run for the latest extracts (``NextRunJob``) and shows its progress; 409 with
    /// the reason, nothing started, when the extracts are unknown, moved or changed.
    func startRun(csrf: String) -> Page {
        if let refusal = runner.start() { return nextRun(csrf: csrf, refusal: refusal) }
        logger.info("desk run started")
        return Page(status: 303, html: "", location: "/run")
    }

    /// The desk run's state as JSON.
    func runStatus() -> Page {
        Page(status: 200, html: RunPages.json(runner.current), contentType: "application/json")
    }

    /// The search form and, when a query is given, its candidates (one clear match opens the child's page).
    func footprintSearch(_ form: DeskForm) -> Page {
        switch FootprintPages.query(form, today: LocalDateTime.at(clock()).date) {
        case nil: return Page(status: 200, html: FootprintPages.search(form, results: ""))
        case .failure(let problem):
            return Page(
                status: 400,
                html: FootprintPages.search(form, results: "<p class=\"refused\">\(DeskHTML.text(problem.message))</p>")
            )
        case .success(let query):
            return guarded {
                switch try footprint(query) {
                case .found(let footprint):
                    return Page(status: 303, html: "", location: "/child/\(footprint.childID)")
                case .ambiguous(let candidates):
                    return Page(
                        status: 200, html: FootprintPages.search(form, results: FootprintPages.candidates(candidates)))
                case .notFound:
                    let hint = DeskHTML.text(query.notFoundHint(in: .desk))
                    return Page(
                        status: 200, html: FootprintPages.search(form, results: "<p>No child matches. \(hint)</p>"))
                }
            }
        }
    }

    /// A child's page (audited by `FootprintJob` as a `footprint --child-id` lookup).
    func child(_ text: String) -> Page {
        guard let id = Self.childID(text) else {
            return Self.badRequest("A ChildLink id is CL followed by six digits, e.g. /child/CL000123.")
        }
        return guarded {
            guard case .found(let footprint) = try footprint(.childID(id)) else {
                return Page(
                    status: 404, html: Self.message("No such child", "\(id) is not a child in the store's latest run."))
            }
            return Page(status: 200, html: FootprintPages.child(footprint))
        }
    }

    private func footprint(_ query: FootprintQuery) throws -> FootprintResult {
        try FootprintJob.run(FootprintJob.Request(query: query, storePath: storePath), logger: logger)
    }

    /// Runs `body`; a Core error becomes a page with its message (which never holds a value from an extract).
    private func guarded(_ body: () throws -> Page) -> Page {
        do { return try body() } catch {
            logger.notice("desk request failed", metadata: ["error": "\(type(of: error))"])
            return Page(status: 400, html: Self.message("Not done", "\(error.localizedDescription)"))
        }
    }

    /// A non-negative pair number; 0 when absent; `nil` when not a number.
    static func index(_ text: String?) -> Int? {
        guard let text else { return 0 }
        guard let value = Int(text), value >= 0 else { return nil }
        return value
    }

    /// 400 with a plain message.
    static func badRequest(_ text: String) -> Page { Page(status: 400, html: message("Bad request", text)) }

    /// A page with a heading and one paragraph.
    static func message(_ title: String, _ text: String) -> String {
        DeskHTML.page(title: title, body: "<h1>\(DeskHTML.text(title))</h1>\n<p>\(DeskHTML.text(text))</p>")
    }
}

import ChildLinkCore
import ChildLinkMatching
import ChildLinkModel
import ChildLinkStore

/// The review queue's pages: one pair of children side by side with the evidence and the decision
/// form, the queue listed below it a page at a time, and the decision history with Revoke.
enum ReviewPages {
    /// What the page says above the pair: a decision just recorded, or one refused and why.
    enum Notice {
        /// Nothing to say.
        case none
        /// A decision or revocation was recorded: the sentence saying so.
        case recorded(String)
        /// A decision was not recorded: why.
        case refused(String)
    }

    /// The queue page: the pair `page` shows (of the undecided pairs, in `review list` order), and
    /// the page of the list holding it.
    static func queue(_ page: ReviewQueuePage, csrf: String, notice: Notice) -> String {
        var body = "<h1>Review queue</h1>\n" + noticeHTML(notice)
        guard let shown = page.shown else {
            body += "<p>No undecided pairs: the latest run left nothing to review.</p>"
            return DeskHTML.page(title: "Review queue", body: body)
        }
        body += pair(shown, index: page.index, count: page.count, csrf: csrf)
        body += list(page)
        return DeskHTML.page(title: "Review queue", body: body)
    }

    /// The notice as a status or alert paragraph.
    static func noticeHTML(_ notice: Notice) -> String {
        switch notice {
        case .none: ""
        case .recorded(let text): "<p class=\"recorded\" role=\"status\">\(DeskHTML.text(text))</p>\n"
        case .refused(let text): "<p class=\"refused\" role=\"alert\">\(DeskHTML.text(text))</p>\n"
        }
    }

    /// One pair: heading, what deciding changes, the guards, both children side by side, the
    /// waterfall, and the decision form.
    static func pair(_ item: ReviewQueueItem, index: Int, count: Int, csrf: String) -> String {
        var html =
            "<section class=\"pair\"><h2>Pair \(index + 1) of \(count): \(item.childA) and \(item.childB), "
            + "\(DeskHTML.percent(item.probability)) likely the same child</h2>\n"
            + "<p>\(item.recordPairs) record pair(s) between them. Deciding it: "
            + "\(DeskHTML.text(item.impact))</p>\n"
        if !item.acceptConflicts.isEmpty {
            html +=
                "<p class=\"guard\">Accepting would put into one child "
                + DeskHTML.text(item.acceptConflicts.joined(separator: ", and "))
                + ". It is recorded only with <em>Force</em> and a note saying why.</p>\n"
        }
        html += sideBySide(item)
        if let explanation = item.explanation {
            html += "<h3>Evidence (\(DeskHTML.text(explanation.first.description)) and "
            html += "\(DeskHTML.text(explanation.second.description)))</h3>\n" + waterfall(explanation).svg + "\n"
        }
        return html + decisionForm(item, index: index, csrf: csrf) + "</section>\n"
    }

    /// The two children's records field by field; a row whose values have nothing in common is
    /// marked as a difference.
    static func sideBySide(_ item: ReviewQueueItem) -> String {
        var html =
            "<table class=\"side\"><thead><tr><th></th><th>\(item.childA) (\(item.recordsA.count) records)</th>"
            + "<th>\(item.childB) (\(item.recordsB.count) records)</th></tr></thead><tbody>\n"
        for field in ReviewField.allCases {
            let a = distinct(item.recordsA.compactMap(field.value))
            let b = distinct(item.recordsB.compactMap(field.value))
            let differ = !a.isEmpty && !b.isEmpty && Set(a).isDisjoint(with: b)
            html += row(field.label, a, b, differ: differ)
        }
        let records: (SourceRecord) -> String = { "\($0.key) (\($0.event.date.uk))" }
        html += row("Records", item.recordsA.map(records), item.recordsB.map(records), differ: false)
        return html + "</tbody></table>\n"
    }

    private static func row(_ label: String, _ a: [String], _ b: [String], differ: Bool) -> String {
        "<tr\(differ ? " class=\"differ\"" : "")><th>\(label)</th><td>\(cell(a))</td><td>\(cell(b))</td></tr>\n"
    }

    private static func distinct(_ values: [String]) -> [String] {
        var seen: [String] = []
        for value in values where !value.isEmpty && !seen.contains(value) { seen.append(value) }
        return seen
    }

    private static func cell(_ values: [String]) -> String {
        values.isEmpty ? "<span class=\"none\">—</span>" : values.map(DeskHTML.text).joined(separator: "<br>")
    }

    /// The model's waterfall for a record pair.
    static func waterfall(_ explanation: PairExplanation) -> DeskWaterfall {
        DeskWaterfall(
            priorBits: explanation.priorBits,
            steps: explanation.contributions.map { item in
                let values = item.level == 0 ? "absent" : "\(item.firstValue) | \(item.secondValue)"
                return DeskWaterfall.Step(
                    label: item.comparison.title, detail: "\(item.levelName): \(values)", bits: item.bits)
            }, probability: explanation.probability)
    }

    /// Accept (a), Reject (r) and Skip (s), with the note and the force box.
    static func decisionForm(_ item: ReviewQueueItem, index: Int, csrf: String) -> String {
        """
        <form class="decide" method="post" action="/review/decide">
        \(DeskHTML.csrfField(csrf))
        <input type="hidden" name="a" value="\(item.childA)">
        <input type="hidden" name="b" value="\(item.childB)">
        <input type="hidden" name="at" value="\(index)">
        <label for="note">Note (kept with the decision; required with Force)</label>
        <textarea id="note" name="note" rows="2" cols="60"></textarea>
        <label class="force"><input type="checkbox" name="force" value="yes"> Force: record it over the guards above</label>
        <div class="buttons">
        <button type="submit" name="verdict" value="accept" data-key="a" accesskey="a"><kbd>a</kbd> Accept: same child</button>
        <button type="submit" name="verdict" value="reject" data-key="r" accesskey="r"><kbd>r</kbd> Reject: different children</button>
        <a class="button" href="/review?at=\(index + 1)" data-key="s"><kbd>s</kbd> Skip</a>
        </div>
        </form>

        """
    }

    /// The page of the queue's list holding the pair shown, each pair linking to itself, with links
    /// to the pages before and after when the queue is longer than one page.
    static func list(_ page: ReviewQueuePage) -> String {
        let last = page.firstRow + page.rows.count
        let span = page.count > page.rows.count ? "pairs \(page.firstRow + 1)–\(last) of \(page.count)" : "all"
        var html =
            "<h2>Undecided pairs in review order: \(span)</h2>\n" + pageLinks(page)
            + "<table class=\"queue\"><thead><tr><th>#</th>"
            + "<th>Children</th><th>Likely the same</th><th>Records</th></tr></thead><tbody>\n"
        for (offset, row) in page.rows.enumerated() {
            let index = page.firstRow + offset
            html +=
                "<tr\(index == page.index ? " class=\"current\"" : "")><td>\(index + 1)</td>"
                + "<td><a href=\"/review?at=\(index)\">\(row.childA) and \(row.childB)</a></td>"
                + "<td>\(DeskHTML.percent(row.probability))</td>"
                + "<td>\(row.recordCountA) + \(row.recordCountB)</td></tr>\n"
        }
        return html + "</tbody></table>\n" + pageLinks(page)
    }

    /// Links to the first pair of the list's previous and next pages, when there are such pages.
    static func pageLinks(_ page: ReviewQueuePage) -> String {
        let size = page.rowsPerPage
        var links: [String] = []
        if page.firstRow > 0 {
            let from = max(page.firstRow - size, 0)
            links.append("<a href=\"/review?at=\(from)\">Previous page: pairs \(from + 1)–\(page.firstRow)</a>")
        }
        let next = page.firstRow + page.rows.count
        if next < page.count {
            let to = min(next + size, page.count)
            links.append("<a href=\"/review?at=\(next)\">Next page: pairs \(next + 1)–\(to)</a>")
        }
        return links.isEmpty ? "" : "<p class=\"pages\">" + links.joined(separator: " · ") + "</p>\n"
    }

    /// The decision history, newest first, with a Revoke form on each decision in force.
    static func history(_ entries: [DecisionHistoryEntry], csrf: String, notice: Notice) -> String {
        var body = "<h1>Decision history</h1>\n" + noticeHTML(notice)
        guard !entries.isEmpty else {
            return DeskHTML.page(title: "Decision history", body: body + "<p>No review decisions yet.</p>")
        }
        body +=
            "<table class=\"history\"><thead><tr><th>Decision</th><th>What</th><th>By, on</th><th>Note</th>"
            + "<th>Applied in runs</th><th>State</th></tr></thead><tbody>\n"
        for entry in entries.reversed() { body += historyRow(entry, csrf: csrf) }
        return DeskHTML.page(title: "Decision history", body: body + "</tbody></table>\n")
    }

    private static func historyRow(_ entry: DecisionHistoryEntry, csrf: String) -> String {
        let verb = entry.kind == .mustLink ? "accept" : "reject"
        let runs = entry.appliedInRuns.map { "#\($0)" }.joined(separator: ", ")
        var state = "in force" + revokeForm(entry.id, csrf: csrf)
        if let revocation = entry.revocation {
            state =
                "revoked by \(DeskHTML.text(revocation.revokedBy)) on \(AuditJob.ukTimestamp(revocation.revokedAt)): "
                + DeskHTML.text(revocation.note)
        }
        let forced = entry.overridden.isEmpty ? "" : "<br><em>forced over \(DeskHTML.text(entry.overridden))</em>"
        return "<tr id=\"\(entry.id)\"><td>\(entry.id)</td><td>\(verb) \(DeskHTML.text(entry.subjectA)) "
            + "\(DeskHTML.text(entry.subjectB))\(forced)</td><td>\(DeskHTML.text(entry.decidedBy)), "
            + "\(AuditJob.ukTimestamp(entry.decidedAt))</td><td>\(DeskHTML.text(entry.note))</td>"
            + "<td>\(runs.isEmpty ? "none yet" : runs)</td><td>\(state)</td></tr>\n"
    }

    private static func revokeForm(_ id: DecisionID, csrf: String) -> String {
        "<form class=\"revoke\" method=\"post\" action=\"/review/revoke\">\(DeskHTML.csrfField(csrf))"
            + "<input type=\"hidden\" name=\"id\" value=\"\(id)\">"
            + "<input type=\"text\" name=\"note\" required placeholder=\"why (kept)\" aria-label=\"Why revoke \(id)\">"
            + "<button type=\"submit\">Revoke \(id)</button></form>"
    }
}

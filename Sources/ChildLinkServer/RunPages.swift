import ChildLinkCore
import ChildLinkStore
import Foundation

/// The next-run page: what the store knows about the latest extracts, the Start button, and the
/// run's progress (the page reloads itself every 2 seconds while the run works), plus the same
/// state as JSON for anything polling it.
enum RunPages {
    /// The page for `state`, with what the store records about the latest run's extracts.
    static func page(
        _ state: DeskRunner.State, latest: (runID: Int, inputs: RunInputs)?, csrf: String, refusal: String? = nil
    ) -> String {
        var body = "<h1>The next run</h1>\n"
        if let refusal { body += "<p class=\"refused\">\(DeskHTML.text(refusal))</p>\n" }
        body += stateHTML(state)
        body += latestHTML(latest)
        if case .running = state {
            return DeskHTML.page(title: "The next run", body: body, refreshSeconds: 2)
        }
        if latest != nil {
            body +=
                "<form method=\"post\" action=\"/run/start\">\(DeskHTML.csrfField(csrf))"
                + "<button type=\"submit\">Start the next run</button></form>\n"
        }
        return DeskHTML.page(title: "The next run", body: body)
    }

    private static func stateHTML(_ state: DeskRunner.State) -> String {
        switch state {
        case .idle: ""
        case .running(let since, let step):
            "<p class=\"recorded\" role=\"status\">Running since \(time(since)): \(DeskHTML.text(step)). This page reloads itself.</p>\n"
        case .finished(let outcome):
            "<p class=\"recorded\" role=\"status\">Run \(outcome.runID) recorded: \(outcome.decisionsApplied) merges or splits made by "
                + "reviewer decisions, \(outcome.children) children. The queue and the footprints now show it.</p>\n"
        case .failed(let message): "<p class=\"refused\">The run was not recorded: \(DeskHTML.text(message))</p>\n"
        }
    }

    private static func latestHTML(_ latest: (runID: Int, inputs: RunInputs)?) -> String {
        guard let (runID, inputs) = latest else {
            return "<p>\(DeskHTML.text(NextRunJob.Refusal.unknown.localizedDescription))</p>\n"
        }
        var html =
            "<p>Starting the next run links the extracts of the latest run (run \(runID), <code>\(DeskHTML.text(inputs.command))</code>) "
            + "again with this store, so that every decision made since takes effect: <code>childlink link --store</code> "
            + "on the same files, the same profile and thresholds. It checks first that the files are where they were "
            + "and unchanged; new extracts are a new week, for <code>childlink weekly</code>.</p>\n<table><tbody>\n"
        html += "<tr><th>Extracts</th><td>\(inputs.inputs.map(DeskHTML.text).joined(separator: "<br>"))</td></tr>\n"
        html += "<tr><th>Files read</th><td>\(inputs.files.count)</td></tr>\n"
        html += "<tr><th>Profile</th><td>\(DeskHTML.text(inputs.profilePath ?? "none"))</td></tr>\n"
        html +=
            "<tr><th>Thresholds</th><td>link \(inputs.linkThreshold), review \(inputs.reviewThreshold)"
            + (inputs.twinGuard ? "" : ", twin guard off") + "</td></tr>\n"
        return html + "</tbody></table>\n"
    }

    /// The state as JSON: `{"state":"running","step":"…"}`, `{"state":"finished","run":7,…}`, ….
    static func json(_ state: DeskRunner.State) -> String {
        let object: [String: any Sendable] =
            switch state {
            case .idle: ["state": "idle"]
            case .running(let since, let step): ["state": "running", "since": time(since), "step": step]
            case .finished(let outcome):
                [
                    "state": "finished", "run": outcome.runID, "decisionsApplied": outcome.decisionsApplied,
                    "children": outcome.children,
                ]
            case .failed(let message): ["state": "failed", "message": message]
            }
        let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    private static func time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        return formatter.string(from: date)
    }
}

import ChildLinkFiles
import ChildLinkModel
package import ChildLinkReports
import Foundation
package import Logging

/// What `childlink footprint` prints: the footprint (or where it was written), the candidates to
/// choose from, or that no child matches.
extension FootprintJob {
    /// What the command prints, and its exit status (0 found, 1 not found, 2 to be refined).
    package struct Reply: Sendable {
        /// The text for the terminal.
        package let text: String
        /// The exit status.
        package let status: Int32
    }

    /// The `childlink footprint` command: looks up, then prints the footprint (or writes it to
    /// `out`), the candidates to choose from, or that no child matches.
    ///
    /// - Throws: ``CoreError``, `FileWriteError`, `ImportError`, `StoreError`.
    package static func respond(_ request: Request, format: FootprintFormat, out: String?, logger: Logger) throws
        -> Reply
    {
        switch try run(request, logger: logger) {
        case .found(let footprint):
            guard let out else { return Reply(text: render(footprint, format: format), status: 0) }
            try write(footprint, format: format, to: out)
            return Reply(
                text: "Wrote the footprint of \(footprint.childID) (\(footprint.entries.count) records) to \(out).\n",
                status: 0)
        case .ambiguous(let candidates):
            return Reply(text: ambiguityText(candidates, query: request.query), status: 2)
        case .notFound:
            return Reply(
                text: "No child matches \(request.query). \(request.query.notFoundHint)\n",
                status: 1)
        }
    }

    /// The footprint in a format: `text` for a terminal, `html`, or `json`.
    package static func render(_ footprint: Footprint, format: FootprintFormat) -> String {
        switch format {
        case .text: FootprintRenderer.text(footprint)
        case .html: FootprintRenderer.html(footprint)
        case .json: FootprintRenderer.json(footprint)
        }
    }

    /// Writes the footprint to `path` (a temporary file, then a rename; mode 0600).
    ///
    /// - Throws: `FileWriteError`.
    package static func write(_ footprint: Footprint, format: FootprintFormat, to path: String) throws {
        try PrivateOutputFile.write(render(footprint, format: format), to: path)
    }

    /// The candidate list for the terminal, asking the user to refine.
    package static func ambiguityText(_ candidates: [FootprintCandidate], query: FootprintQuery) -> String {
        let heading =
            candidates.count == 1
            ? "One child may match \(query), but not certainly enough to show. Confirm (add --dob or --age, or use --child-id):"
            : "More than one child matches \(query). Refine the query (add --dob or --age, or use --child-id):"
        var lines = [heading, ""]
        lines.append("ChildLink id  Probability  Records  Best matching record           Recorded as")
        for candidate in candidates.prefix(20) {
            let probability = String(format: "%10.1f%%", candidate.probability * 100)
            lines.append(
                "\(candidate.childID)     \(probability)  \(String(format: "%7d", candidate.records))  "
                    + "\(candidate.bestRecord.description.padding(toLength: 30, withPad: " ", startingAt: 0))  "
                    + candidate.recordedAs)
        }
        if candidates.count > 20 { lines.append("… and \(candidates.count - 20) more") }
        return lines.joined(separator: "\n") + "\n"
    }
}

import ChildLinkMatching
import ChildLinkModel
import ChildLinkStore

/// The texts `childlink review` prints: both sides of a decision side by side, the evidence in
/// plain words, and the decision history.
enum ReviewText {
    /// Both sides of `reviewCase` side by side (names, date of birth, sex, postcode, UPN, NHS
    /// number, person ids, datasets with record counts), then the model's probability and its main
    /// evidence. Personal data shown on purpose, to the reviewer deciding; every value is made safe
    /// for a terminal.
    static func sideBySide(_ reviewCase: ReviewCase) -> String {
        let sides = [reviewCase.a, reviewCase.b]
        var rows: [(String, [String])] = [("", sides.map(heading))]
        for field in ReviewField.allCases {
            rows.append((field.label, sides.map { distinct($0.shown.compactMap(field.value)) }))
        }
        rows.append(("Datasets", sides.map { datasets($0.shown) }))
        let width = min(40, max(12, rows.flatMap(\.1).map(\.count).max() ?? 0)) + 2
        var lines = rows.map { label, values in
            (pad(label, 15) + values.map { pad($0, width) }.joined()).trimmingTrailingSpaces
        }
        lines += evidence(reviewCase)
        return lines.joined(separator: "\n")
    }

    /// `CL000012 (3 records)`, or `Missing:E0000123 (of CL000012)`.
    private static func heading(_ side: ReviewCase.Side) -> String {
        switch side.subject {
        case .child(let id):
            return "\(side.childID ?? id) (\(side.shown.count) record\(side.shown.count == 1 ? "" : "s"))"
        case .record(let key):
            return key.description + (side.childID.map { " (of \($0))" } ?? "")
        }
    }

    /// The different values, most records' first, at most three and how many more; `-` when none.
    private static func distinct(_ values: [String], limit: Int = 3) -> String {
        var counts: [String: Int] = [:]
        for value in values { counts[TerminalText.safe(value), default: 0] += 1 }
        let ordered = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map(\.key)
        guard !ordered.isEmpty else { return "-" }
        let more = ordered.count > limit ? " +\(ordered.count - limit) more" : ""
        return ordered.prefix(limit).joined(separator: " / ") + more
    }

    /// `Exclusions 2, Missing 1`.
    static func datasets(_ records: [SourceRecord]) -> String {
        var counts: [Dataset: Int] = [:]
        for record in records { counts[record.dataset, default: 0] += 1 }
        return counts.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }
            .joined(separator: ", ")
    }

    /// The model's probability and its main evidence for and against, in words.
    private static func evidence(_ reviewCase: ReviewCase) -> [String] {
        var lines: [String] = []
        if let pair = reviewCase.reviewPair {
            lines.append(
                "On the review list: \(pair.recordA) and \(pair.recordB), \(ReviewJob.bare(pair.probability)) "
                    + "likely the same child.")
        } else if reviewCase.sameChild {
            lines.append("The matcher linked these records: they are one child now.")
        } else {
            lines.append(
                "Not on the review list: the matcher did not find these two uncertain (or never compared them).")
        }
        if let explanation = reviewCase.explanation {
            let (infavour, against) = plainEvidence(explanation)
            lines.append(
                "Model: \(ReviewJob.bare(explanation.probability)) for \(explanation.first) and \(explanation.second)"
                    + (explanation.looksLikeTwins ? " (they look like twins)." : "."))
            lines.append("  for: " + (infavour.isEmpty ? "nothing" : infavour))
            lines.append("  against: " + (against.isEmpty ? "nothing" : against))
        }
        return lines
    }

    /// The three strongest pieces of evidence for and against in plain words, as `same date of
    /// birth, same surname, forename: close spelling` (no weights).
    static func plainEvidence(_ explanation: PairExplanation) -> (infavour: String, against: String) {
        let counted = explanation.contributions.filter { $0.level != 0 }
        func words(_ items: [ComparisonContribution]) -> [String] { items.prefix(3).map(phrase) }
        let guards =
            (explanation.looksLikeTwins ? ["looks like twins"] : [])
            + (explanation.reviewReason.map { [$0.summary] } ?? [])
        return (
            words(counted.filter { $0.bits > 0 }.sorted { $0.bits > $1.bits }).joined(separator: ", "),
            (guards + words(counted.filter { $0.bits < 0 }.sorted { $0.bits < $1.bits })).joined(separator: ", ")
        )
    }

    /// `same date of birth`, `different UPN`, `same address and postcode`, `same forename and
    /// middle name`, `forename: close spelling`.
    static func phrase(_ item: ComparisonContribution) -> String {
        let title = item.comparison.title
        let field = title.dropFirst().first?.isUppercase == true ? title : title.lowercased()
        switch item.levelName {
        case "exact", "agree": return "same \(field)"
        case ForenameLevel.exactWithMiddleName.name: return "same \(field) and middle name"
        case "different", "disagree": return "different \(field)"
        case let name where name.hasPrefix("same ") || name.hasPrefix("different "): return name
        default: return "\(field): \(item.levelName)"
        }
    }

    /// One child as a line of the review list: `CL000650: names, born dates, postcodes, UPN …, NHS …
    /// (Exclusions 1, Missing 2)`; values made safe for a terminal.
    static func childLine(_ id: ChildLinkID, _ records: [SourceRecord]) -> String {
        let shown: [ReviewField] = [.name, .dateOfBirth, .postcode, .upn, .nhsNumber]
        let values = shown.map { field -> String in
            let text = distinct(records.compactMap(field.value), limit: 2)
            switch field {
            case .dateOfBirth: return "born " + text
            case .upn, .nhsNumber: return "\(field.label) \(text)"
            default: return text == "-" ? "\(field.label.lowercased()) -" : text
            }
        }
        return "\(id): " + values.joined(separator: ", ") + " (\(datasets(records)))"
    }

    /// `review history`: one block per decision, oldest first.
    static func history(_ entries: [DecisionHistoryEntry]) -> String {
        guard !entries.isEmpty else { return "No review decisions yet." }
        var lines: [String] = []
        for entry in entries {
            let verb = entry.kind == .mustLink ? "accept" : "reject"
            let state = entry.isLive ? "" : "  REVOKED"
            lines.append(
                "\(entry.id)  \(verb) \(entry.subjectA) \(entry.subjectB)  by \(TerminalText.safe(entry.decidedBy)) "
                    + "on \(AuditJob.ukTimestamp(entry.decidedAt))\(state)")
            lines.append("    \(entry.pairs.count) record pair(s); note: \(quoted(entry.note))")
            if !entry.overridden.isEmpty {
                lines.append("    recorded with --force over: \(TerminalText.safe(entry.overridden))")
            }
            let runs = entry.appliedInRuns.map { "#\($0)" }.joined(separator: ", ")
            lines.append("    applied in runs: " + (runs.isEmpty ? "none yet" : runs))
            if let revocation = entry.revocation {
                lines.append(
                    "    revoked by \(TerminalText.safe(revocation.revokedBy)) on "
                        + "\(AuditJob.ukTimestamp(revocation.revokedAt)): \(quoted(revocation.note))")
            }
        }
        let live = entries.filter(\.isLive).count
        lines.append(
            "\(entries.count) decision(s), \(live) in force. Withdraw one with "
                + "'childlink review revoke ID --note \"why\"'.")
        return lines.joined(separator: "\n")
    }

    private static func quoted(_ note: String) -> String {
        note.isEmpty ? "(none)" : "\"\(TerminalText.safe(note))\""
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}

extension String {
    /// Without spaces at the end.
    fileprivate var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}

import ChildLinkModel

/// One sheet of a report's workbook: the consecutive tables of a section that share their column
/// headings, laid out as one table under one header row (the Missing scorecard's indicator groups
/// on one sheet, each group a heading row, as the council's own scorecard prints them).
struct WorkbookSheet: Hashable, Sendable {
    /// The sheet's tab name: whole words, at most 31 characters, unique in the workbook.
    var name: String
    /// The heading over the table: the section's title, with the table's when it is one of several.
    let heading: String
    /// The section's paragraph, on the first sheet of the section only.
    let summary: String?
    /// The tables, all with the same column headings.
    let tables: [ReportTable]

    /// The column headings the tables share.
    var columns: [String] { tables.first?.columns ?? [] }

    /// The sheets of `report`, in section order, named.
    static func sheets(_ report: Report) -> [WorkbookSheet] {
        var sheets: [WorkbookSheet] = []
        for section in report.sections {
            let blocks = sameColumnBlocks(section.tables)
            for (index, block) in blocks.enumerated() {
                let single = block.count == 1 && blocks.count > 1
                let heading = single ? "\(section.title) — \(block[0].title)" : section.title
                let candidates =
                    nameCandidates(section: section.title, block: block, sectionBlocks: blocks.count)
                    + (block.count > 1 ? [report.title] : [])
                sheets.append(
                    WorkbookSheet(
                        name: SheetName.best(candidates), heading: heading,
                        summary: index == 0 ? section.summary : nil, tables: block))
            }
        }
        let unique = SheetName.unique(sheets.map(\.name))
        for index in sheets.indices { sheets[index].name = unique[index] }
        return sheets
    }

    /// Runs of consecutive tables with identical column headings.
    static func sameColumnBlocks(_ tables: [ReportTable]) -> [[ReportTable]] {
        var blocks: [[ReportTable]] = []
        for table in tables {
            if let last = blocks.last?.last, last.columns == table.columns {
                blocks[blocks.count - 1].append(table)
            } else {
                blocks.append([table])
            }
        }
        return blocks
    }

    /// A table's own title names its sheet when it is alone on it; the section's title names a sheet
    /// of several tables, or of the section's only table when the table's title is too long.
    private static func nameCandidates(section: String, block: [ReportTable], sectionBlocks: Int) -> [String] {
        guard block.count == 1 else { return [section] }
        return sectionBlocks == 1 ? [block[0].title, section] : [block[0].title]
    }
}

/// Excel's rules for a sheet's tab name, kept without cutting a word.
enum SheetName {
    /// Excel's limit on a sheet name's length.
    static let maximumLength = 31

    private static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
    private static let weakEndings: Set<String> = [
        "a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "this", "to", "with", "—",
        "–", "-",
    ]

    /// The first candidate that fits whole; otherwise the shortest, cut after its last whole word.
    static func best(_ candidates: [String]) -> String {
        let cleaned = candidates.map(clean).filter { !$0.isEmpty }
        if let whole = cleaned.first(where: { $0.count <= maximumLength }) { return whole }
        guard let shortest = cleaned.min(by: { $0.count < $1.count }) else { return "Sheet" }
        return wholeWords(shortest, limit: maximumLength)
    }

    /// The names made unique (Excel compares them case-insensitively) by a ` (2)`, ` (3)` … suffix,
    /// cutting words from the name to make room.
    static func unique(_ names: [String]) -> [String] {
        var used: Set<String> = []
        return names.map { name in
            var candidate = name
            var counter = 2
            while used.contains(candidate.lowercased()) {
                let suffix = " (\(counter))"
                candidate = wholeWords(name, limit: maximumLength - suffix.count) + suffix
                counter += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }

    /// `text` without the characters Excel refuses, line breaks or a leading or trailing apostrophe,
    /// its spaces collapsed.
    static func clean(_ text: String) -> String {
        let allowed = text.map { forbidden.contains($0) || $0.isNewline ? " " : $0 }
        var words = String(allowed).split(separator: " ").map(String.init)
        while let first = words.first, first.hasPrefix("'") {
            words[0] = String(first.drop { $0 == "'" })
            if words[0].isEmpty { words.removeFirst() }
        }
        while let last = words.last, last.hasSuffix("'") {
            words[words.count - 1] = String(last.reversed().drop { $0 == "'" }.reversed())
            if words[words.count - 1].isEmpty { words.removeLast() }
        }
        return words.joined(separator: " ")
    }

    /// The longest run of whole words from the start of `text` that fits `limit`, without a dangling
    /// small word, dash or unclosed bracket at its end.
    static func wholeWords(_ text: String, limit: Int) -> String {
        var kept: [Substring] = []
        var length = 0
        for word in text.split(separator: " ") {
            let added = (kept.isEmpty ? 0 : 1) + word.count
            guard length + added <= limit else { break }
            kept.append(word)
            length += added
        }
        if kept.isEmpty { return String(text.prefix(limit)) }
        if let bracket = kept.lastIndex(where: { $0.contains("(") }),
            !kept[bracket...].contains(where: { $0.contains(")") })
        {
            kept.removeSubrange(bracket...)
        }
        while let last = kept.last, kept.count > 1, weakEndings.contains(last.lowercased()) { kept.removeLast() }
        let joined = kept.joined(separator: " ").trimmingSuffix(",;.")
        return joined.isEmpty ? String(text.prefix(limit)) : joined
    }
}

extension String {
    /// The text without trailing characters from `characters`.
    fileprivate func trimmingSuffix(_ characters: String) -> String {
        var result = self
        while let last = result.last, characters.contains(last) { result.removeLast() }
        return result
    }
}

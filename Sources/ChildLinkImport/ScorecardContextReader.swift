package import ChildLinkModel
import Foundation
import Yams

/// The council's scorecard files, each optional: targets, commentary and benchmarks (YAML; the
/// layouts are in docs/formats.md, examples in `SampleData/context/`).
package struct ScorecardContextFiles: Hashable, Sendable {
    /// Targets, polarity and RAG tolerances per indicator.
    package var targets: String?
    /// Commentary per indicator (or group) and period.
    package var commentary: String?
    /// Statistical neighbours, England and last year per indicator.
    package var benchmarks: String?
    /// Postcode sectors to areas and sub-localities.
    package var localities: String?

    /// Names the files; `nil` for a file the council does not give.
    package init(
        targets: String? = nil, commentary: String? = nil, benchmarks: String? = nil, localities: String? = nil
    ) {
        self.targets = targets
        self.commentary = commentary
        self.benchmarks = benchmarks
        self.localities = localities
    }

    /// The files of a context folder: `targets.yaml`, `commentary.yaml`, `benchmarks.yaml`, each
    /// taken when it is there.
    package init(folder: String) {
        let name = { (file: String) -> String? in
            let path = URL(fileURLWithPath: folder).appendingPathComponent(file).path
            return FileManager.default.fileExists(atPath: path) ? path : nil
        }
        self.init(
            targets: name("targets.yaml"), commentary: name("commentary.yaml"), benchmarks: name("benchmarks.yaml"),
            localities: name("localities.yaml"))
    }

    /// Whether no file is named.
    package var isEmpty: Bool { targets == nil && commentary == nil && benchmarks == nil && localities == nil }
}

/// What the files may refer to: the indicator and group references of each scorecard, and how a
/// period is written. Supplied by the caller, which knows the scorecards.
package struct ScorecardCatalogue: Sendable {
    /// Indicator references per scorecard (`5.3a`).
    package var indicators: [ScorecardName: Set<String>]
    /// Group references per scorecard (`5`), which commentary may also name.
    package var groups: [ScorecardName: Set<String>]
    /// The period's key (its slug) for a period as written in a file, or `nil` when it is not one.
    package var periodKey: @Sendable (String) -> String?

    /// Creates a catalogue.
    package init(
        indicators: [ScorecardName: Set<String>], groups: [ScorecardName: Set<String>],
        periodKey: @escaping @Sendable (String) -> String?
    ) {
        self.indicators = indicators
        self.groups = groups
        self.periodKey = periodKey
    }
}

/// Reads the council's scorecard files into a ``ScorecardContext``: the one place they are read.
/// Every problem names the file, the line and the field, never guesses.
package enum ScorecardContextReader {
    /// The context the files give (empty for files not named).
    /// - Throws: ``ImportError`` (``ImportError/Code/unreadableFile`` or
    ///   ``ImportError/Code/invalidCouncilFile``) naming the file, line and field.
    package static func read(_ files: ScorecardContextFiles, catalogue: ScorecardCatalogue) throws
        -> ScorecardContext
    {
        var context = ScorecardContext()
        if let path = files.targets {
            context.targets = try perIndicator(YAMLDocument(path: path), catalogue, parse: target)
        }
        if let path = files.commentary {
            try commentary(YAMLDocument(path: path), catalogue, into: &context)
        }
        if let path = files.benchmarks {
            let document = try YAMLDocument(path: path)
            context.benchmarks = try perIndicator(document, catalogue, skipping: ["source"], parse: benchmark)
            context.benchmarkSource = try document.root.first { $0.key == "source" }.map {
                try document.text($0.value, field: "source")
            }
        }
        if let path = files.localities { try localities(YAMLDocument(path: path), into: &context) }
        return context
    }

    /// `sectors: { "S60 1": { area: Central, locality: Clifton } }` into `context`, the localities
    /// listed area by area in the order the file first names each area.
    private static func localities(_ document: YAMLDocument, into context: inout ScorecardContext) throws {
        for entry in document.root {
            guard entry.key == "sectors" else {
                throw document.error(entry.line, entry.key, "unknown key; the file holds 'sectors:'")
            }
            for item in try document.mapping(entry.value, field: entry.key) {
                let (sector, locality) = try sectorLocality(document, item)
                guard context.localities[sector] == nil else {
                    throw document.error(item.line, "sectors.\(item.key)", "the sector \(sector) is given twice")
                }
                context.localities[sector] = locality
                if !context.localityOrder.contains(locality) { context.localityOrder.append(locality) }
            }
        }
        let areas = context.localityOrder.map(\.area).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        context.localityOrder = areas.flatMap { area in context.localityOrder.filter { $0.area == area } }
    }

    /// One `"S60 1": { area: …, locality: … }` entry: the normalised sector and its locality.
    private static func sectorLocality(_ document: YAMLDocument, _ item: (key: String, line: Int, value: Node))
        throws -> (String, Locality)
    {
        let field = "sectors.\(item.key)"
        guard let postcode = Postcode(item.key + "AA"), postcode.isValid,
            postcode.sector == item.key.uppercased().split(separator: " ").joined(separator: " ")
        else {
            throw document.error(item.line, field, "'\(item.key)' is not a postcode sector (like S60 1)")
        }
        let keys = try document.fields(item.value, field: field, allowed: ["area", "locality"])
        let text = { (key: String) throws -> String in
            guard let node = keys[key] else { throw document.error(item.line, field, "no \(key) given") }
            let value = try document.text(node, field: "\(field).\(key)").trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty else { throw document.error(item.line, "\(field).\(key)", "empty") }
            return value
        }
        return (postcode.sector, try Locality(area: text("area"), name: text("locality")))
    }

    /// `scorecard: { indicator: value }` for every scorecard the file names.
    private static func perIndicator<Value>(
        _ document: YAMLDocument, _ catalogue: ScorecardCatalogue, skipping: Set<String> = [],
        parse: (YAMLDocument, Node, String) throws -> Value
    ) throws -> [ScorecardName: [String: Value]] {
        var result: [ScorecardName: [String: Value]] = [:]
        for entry in document.root where !skipping.contains(entry.key) {
            let scorecard = try document.scorecard(entry)
            let known = catalogue.indicators[scorecard] ?? []
            for item in try document.mapping(entry.value, field: entry.key) {
                let field = "\(entry.key).\(item.key)"
                guard known.contains(item.key) else {
                    throw document.error(
                        item.line, field, "no indicator on the \(entry.key) scorecard is numbered '\(item.key)'")
                }
                result[scorecard, default: [:]][item.key] = try parse(document, item.value, field)
            }
        }
        return result
    }

    private static func target(_ document: YAMLDocument, _ node: Node, _ field: String) throws -> IndicatorTarget {
        let keys = try document.fields(node, field: field, allowed: ["polarity", "target", "amber", "red"])
        guard let polarityNode = keys["polarity"] else {
            throw document.error(node.mark?.line ?? 0, field, "no polarity (higher, lower or info)")
        }
        let word = try document.text(polarityNode, field: "\(field).polarity")
        guard let polarity = Polarity(rawValue: word.lowercased()) else {
            throw document.error(
                polarityNode.mark?.line ?? 0, "\(field).polarity", "'\(word)' is not higher, lower or info")
        }
        let number = { (key: String) in try keys[key].map { try document.number($0, field: "\(field).\(key)") } }
        let target = try number("target")
        let amber = try number("amber") ?? 0
        let red = try number("red") ?? amber
        let line = node.mark?.line ?? 0
        if polarity == .info, target != nil {
            throw document.error(line, "\(field).target", "an info indicator has no target; say higher or lower")
        }
        if polarity != .info, target == nil {
            throw document.error(line, field, "polarity \(word) needs a target")
        }
        guard amber >= 0, red >= amber else {
            throw document.error(line, field, "tolerances must be 0 ≤ amber ≤ red (amber \(amber), red \(red))")
        }
        return IndicatorTarget(polarity: polarity, target: target, amber: amber, red: red)
    }

    private static func benchmark(_ document: YAMLDocument, _ node: Node, _ field: String) throws
        -> IndicatorBenchmark
    {
        let keys = try document.fields(node, field: field, allowed: ["neighbours", "england", "lastYear"])
        let number = { (key: String) in try keys[key].map { try document.number($0, field: "\(field).\(key)") } }
        return try IndicatorBenchmark(
            statisticalNeighbours: number("neighbours"), england: number("england"), lastYear: number("lastYear"))
    }

    /// `scorecard: { period: { indicator: text, analysis: { group: text } } }` into `context`.
    private static func commentary(
        _ document: YAMLDocument, _ catalogue: ScorecardCatalogue, into context: inout ScorecardContext
    ) throws {
        for entry in document.root {
            let scorecard = try document.scorecard(entry)
            for period in try document.mapping(entry.value, field: entry.key) {
                let field = "\(entry.key).\(period.key)"
                guard let key = catalogue.periodKey(period.key) else {
                    throw document.error(
                        period.line, field, "'\(period.key)' is not a period (2019-06, 2018Q4 or 2018/19)")
                }
                guard context.commentary[scorecard]?[key] == nil, context.analysis[scorecard]?[key] == nil else {
                    throw document.error(period.line, field, "the period \(key) is given twice")
                }
                var comments: [String: String] = [:]
                var analysis: [String: String] = [:]
                for item in try document.mapping(period.value, field: field) {
                    if item.key == "analysis" {
                        analysis = try texts(
                            document, item.value, field: "\(field).analysis", known: catalogue.groups[scorecard] ?? [],
                            noun: "group on the \(entry.key) scorecard")
                    } else {
                        guard catalogue.indicators[scorecard]?.contains(item.key) == true else {
                            throw document.error(
                                item.line, "\(field).\(item.key)",
                                "no indicator on the \(entry.key) scorecard is numbered '\(item.key)'")
                        }
                        comments[item.key] = try document.text(item.value, field: "\(field).\(item.key)")
                    }
                }
                context.commentary[scorecard, default: [:]][key] = comments
                context.analysis[scorecard, default: [:]][key] = analysis
            }
        }
    }

    /// `{ reference: text }`, each reference one of `known`.
    private static func texts(
        _ document: YAMLDocument, _ node: Node, field: String, known: Set<String>, noun: String
    ) throws -> [String: String] {
        var result: [String: String] = [:]
        for item in try document.mapping(node, field: field) {
            let itemField = "\(field).\(item.key)"
            guard known.contains(item.key) else {
                throw document.error(item.line, itemField, "no \(noun) is numbered '\(item.key)'")
            }
            result[item.key] = try document.text(item.value, field: itemField)
        }
        return result
    }
}

/// A council YAML file composed into nodes that keep their lines, so every error names one.
struct YAMLDocument {
    /// The file, for messages.
    let path: String
    /// The top-level entries.
    let root: [(key: String, line: Int, value: Node)]

    /// Reads and composes `path`.
    /// - Throws: ``ImportError`` for an unreadable file, bad YAML, an alias or a duplicate key.
    init(path: String) throws {
        self.path = path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImportError.unreadableFile(path: path)
        }
        guard let yaml = String(data: data, encoding: .utf8) else {
            throw ImportError.invalidCouncilFile(path: path, line: 1, field: "", problem: "not UTF-8 text")
        }
        if let line = YAMLAliasScan.firstAliasLine(in: yaml) {
            throw ImportError.invalidCouncilFile(
                path: path, line: line, field: "", problem: "YAML aliases (*name) are not allowed; write the values out"
            )
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw Self.describe(error, path: path, yaml: yaml)
        }
        guard let node else {
            root = []
            return
        }
        guard case .mapping(let mapping) = node else {
            throw ImportError.invalidCouncilFile(
                path: path, line: node.mark?.line ?? 1, field: "", problem: "expected keys (missing:, cme:, …)")
        }
        root = mapping.map { ($0.key.string ?? "", $0.key.mark?.line ?? 0, $0.value) }
    }

    /// An error at `line` in `field`.
    func error(_ line: Int, _ field: String, _ problem: String) -> ImportError {
        ImportError.invalidCouncilFile(path: path, line: line, field: field, problem: problem)
    }

    /// The scorecard a top-level key names.
    func scorecard(_ entry: (key: String, line: Int, value: Node)) throws -> ScorecardName {
        guard let name = ScorecardName(rawValue: entry.key.lowercased()) else {
            let names = ScorecardName.allCases.map(\.rawValue).joined(separator: ", ")
            throw error(entry.line, entry.key, "not a scorecard (\(names))")
        }
        return name
    }

    /// The entries of a mapping node.
    func mapping(_ node: Node, field: String) throws -> [(key: String, line: Int, value: Node)] {
        guard case .mapping(let mapping) = node else {
            throw error(node.mark?.line ?? 0, field, "expected keys under it")
        }
        return mapping.map { ($0.key.string ?? "", $0.key.mark?.line ?? 0, $0.value) }
    }

    /// A mapping's entries by key, refusing any key not in `allowed`.
    func fields(_ node: Node, field: String, allowed: [String]) throws -> [String: Node] {
        var result: [String: Node] = [:]
        for entry in try mapping(node, field: field) {
            guard allowed.contains(entry.key) else {
                throw error(
                    entry.line, "\(field).\(entry.key)", "unknown key; use \(allowed.joined(separator: ", "))")
            }
            result[entry.key] = entry.value
        }
        return result
    }

    /// A scalar's text.
    func text(_ node: Node, field: String) throws -> String {
        guard case .scalar(let scalar) = node else { throw error(node.mark?.line ?? 0, field, "expected text") }
        return scalar.string
    }

    /// A scalar's number (`80`, `12.5`; a `%` at the end is allowed).
    func number(_ node: Node, field: String) throws -> Double {
        let raw = try text(node, field: field).trimmingCharacters(in: .whitespaces)
        let digits = raw.hasSuffix("%") ? String(raw.dropLast()) : raw
        guard let value = Double(digits), value.isFinite, !digits.contains(where: \.isLetter) else {
            throw error(node.mark?.line ?? 0, field, "'\(raw)' is not a number")
        }
        return value
    }

    /// A Yams error as an ``ImportError`` with its line (a duplicate key: the line of the repeat).
    private static func describe(_ error: YamlError, path: String, yaml: String) -> ImportError {
        switch error {
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let line = repeatLine(of: key, after: context.mark, in: yaml) ?? context.mark.line
            return ImportError.invalidCouncilFile(
                path: path, line: line, field: key,
                problem: "duplicate key (first given on line \(context.mark.line)); give each once")
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return ImportError.invalidCouncilFile(
                path: path, line: mark.line, field: "", problem: "not YAML: \(problem)")
        default:
            return ImportError.invalidCouncilFile(path: path, line: 1, field: "", problem: "not YAML")
        }
    }

    /// The line after `first` where `key` starts a mapping entry again at the same column.
    private static func repeatLine(of key: String, after first: Mark, in yaml: String) -> Int? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        for index in first.line..<lines.count {
            let text = lines[index].dropFirst(first.column - 1)
            for form in [key, "\"\(key)\"", "'\(key)'"] where text.hasPrefix(form + ":") { return index + 1 }
        }
        return nil
    }
}

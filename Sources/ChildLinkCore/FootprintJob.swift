public import ChildLinkMatching
public import ChildLinkModel
public import ChildLinkReports
import ChildLinkStore
public import Foundation
public import Logging

/// How the user asked for a child.
public enum FootprintQuery: Sendable, Hashable, CustomStringConvertible {
    /// A name (`Forename Surname`, or `Surname, Forename`) and, optionally, a date of birth: fuzzy,
    /// scored with the matcher's comparisons against every record.
    case name(forename: String, surname: String, dateOfBirth: CalendarDate?)
    /// A UPN (current or former).
    case upn(String)
    /// An NHS number.
    case nhsNumber(String)
    /// A source system's person id.
    case personID(String)
    /// A ChildLink id (followed through merges when a store is used).
    case childID(ChildLinkID)

    /// Reads `--name` (`Forename Surname` or `Surname, Forename`) with an optional `--dob`.
    ///
    /// - Throws: ``CoreError/badQuery(_:)`` when the name has one word.
    public static func name(_ text: String, dob date: CalendarDate?) throws -> FootprintQuery {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let comma = trimmed.firstIndex(of: ",") {
            let surname = trimmed[..<comma].trimmingCharacters(in: .whitespaces)
            let forename = trimmed[trimmed.index(after: comma)...].trimmingCharacters(in: .whitespaces)
            if !surname.isEmpty, !forename.isEmpty {
                return .name(forename: forename, surname: surname, dateOfBirth: date)
            }
        }
        let words = trimmed.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count >= 2 else {
            throw CoreError.badQuery(
                "--name needs a forename and a surname: \"Forename Surname\" or \"Surname, Forename\".")
        }
        return .name(
            forename: words.dropLast().joined(separator: " "), surname: String(words.last!), dateOfBirth: date)
    }

    /// The query as the user gave it, for the footprint's header and the audit log.
    public var description: String {
        switch self {
        case .name(let forename, let surname, let dob):
            "--name \"\(forename) \(surname)\"" + (dob.map { " --dob \($0.iso)" } ?? "")
        case .upn(let value): "--upn \(value)"
        case .nhsNumber(let value): "--nhs \(value)"
        case .personID(let value): "--person-id \(value)"
        case .childID(let id): "--child-id \(id)"
        }
    }
}

/// The formats a footprint is written in.
public enum FootprintFormat: String, Sendable, CaseIterable {
    /// Plain text for a terminal (the default).
    case text
    /// One self-contained HTML page.
    case html
    /// One JSON document.
    case json
}

/// A child that may be the one asked for, with how well they match.
public struct FootprintCandidate: Sendable, Hashable {
    /// The child.
    public let childID: ChildLinkID
    /// The probability that the query is this child (1 for an identifier match).
    public let probability: Double
    /// The child's record that matched best.
    public let bestRecord: RecordKey
    /// How that record has the child (name and date of birth), to help the user choose.
    public let recordedAs: String
    /// How many records the child has.
    public let records: Int
}

/// What a footprint lookup found.
public enum FootprintResult: Sendable {
    /// One child: their footprint.
    case found(Footprint)
    /// Several children match about as well: the user should refine the query.
    case ambiguous([FootprintCandidate])
    /// No child matches.
    case notFound
}

/// `childlink footprint`: finds one child and lays every record about them on one timeline, each
/// with the link that ties it to the child and its explanation.
///
/// Where the records come from:
/// - extracts given: the shared ``Pipeline`` runs on them (with a store, the run is recorded and
///   the ids are the stable ones);
/// - no extracts: the store's current records and children (its latest run), the links explained
///   by the model that run fitted and saved (nothing is re-linked; a store from before models were
///   kept is re-linked instead). Nothing is written but the audit entry.
///
/// Every lookup made with a store is written to its audit log: OS user, time, command, query and
/// the ChildLink ids returned. The logger never sees the query or any personal data.
public enum FootprintJob {
    /// What to look up and where.
    public struct Request: Sendable {
        /// The query.
        public var query: FootprintQuery
        /// Extract files or folders; empty to use the store's records.
        public var inputs: [String]
        /// The history store, if any.
        public var storePath: String?
        /// The production time; now when absent.
        public var generatedAt: LocalDateTime?
        /// How long to wait for another run on the same store (when extracts are linked first).
        public var storeWait: Duration

        /// Creates a request.
        public init(
            query: FootprintQuery, inputs: [String] = [], storePath: String?, generatedAt: LocalDateTime? = nil,
            storeWait: Duration = PipelineRequest.defaultStoreWait
        ) {
            self.query = query
            self.inputs = inputs
            self.storePath = storePath
            self.generatedAt = generatedAt
            self.storeWait = storeWait
        }
    }

    /// A name match at or above this probability is a match; below it the child is not offered.
    public static let candidateProbability = 0.5
    /// The best name match is taken without asking when it is at least this probable …
    public static let acceptProbability = 0.9
    /// … and no other child comes within this many bits of it.
    public static let clearMarginBits = 4.0

    /// Finds the child and builds their footprint, logging the lookup in the store's audit log.
    ///
    /// - Throws: ``CoreError``, `ImportError`, `StoreError`.
    public static func run(_ request: Request, logger: Logger) throws -> FootprintResult {
        let universe = try FootprintUniverse.load(request, logger: logger)
        let result = lookup(request.query, in: universe, generatedAt: request.generatedAt ?? .now())
        if let store = universe.store {
            try store.logAudit(command: "footprint", query: request.query.description, childIDs: returnedIDs(result))
        } else {
            logger.notice("this lookup is not audited: no store is in use (give --store PATH to audit lookups)")
        }
        switch result {
        case .found(let footprint):
            logger.info("footprint found", metadata: ["records": "\(footprint.entries.count)"])
        case .ambiguous(let candidates):
            logger.info("footprint ambiguous", metadata: ["candidates": "\(candidates.count)"])
        case .notFound: logger.info("footprint: no child matches")
        }
        return result
    }

    /// Finds the child in a linked universe (pure: no store, no files).
    static func lookup(_ query: FootprintQuery, in universe: FootprintUniverse, generatedAt: LocalDateTime)
        -> FootprintResult
    {
        let candidates = candidates(query, in: universe)
        guard let best = candidates.first else { return .notFound }
        switch query {
        case .name: if !isClear(candidates) { return .ambiguous(candidates) }
        default: if candidates.count > 1 { return .ambiguous(candidates) }
        }
        let child = universe.children[best.childID]!
        return .found(
            Footprint(
                childID: best.childID, query: query.description, stableIDs: universe.store != nil,
                generatedAt: generatedAt, entries: FootprintLinks(universe: universe).entries(of: child)))
    }

    /// A name match is clear when the best is probable enough and no other child is close.
    static func isClear(_ candidates: [FootprintCandidate]) -> Bool {
        guard let best = candidates.first, best.probability >= acceptProbability else { return false }
        guard candidates.count > 1 else { return true }
        return logOdds(best.probability) - logOdds(candidates[1].probability) >= clearMarginBits
    }

    /// The children the query could mean, most probable first (ties by id).
    static func candidates(_ query: FootprintQuery, in universe: FootprintUniverse) -> [FootprintCandidate] {
        var best: [ChildLinkID: (probability: Double, record: Int)] = [:]
        func offer(_ record: Int, _ probability: Double) {
            guard let id = universe.childOfRecord[record] else { return }
            if let current = best[id], current.probability >= probability { return }
            best[id] = (probability, record)
        }
        let records = universe.records
        switch query {
        case .name(let forename, let surname, let dob):
            let probe = SourceRecord(
                recordID: "query", person: PersonFields(forename: forename, surname: surname, dateOfBirth: dob),
                event: .socialCare(SocialCareRecord()))
            for (index, record) in records.enumerated() {
                let probability = universe.explain(probe: probe, record).probability
                if probability >= candidateProbability { offer(index, probability) }
            }
        case .upn(let text):
            let value = normalisedIdentifier(text)
            for (index, record) in records.enumerated()
            where record.person.upn?.value == value || record.person.formerUPN?.value == value {
                offer(index, 1)
            }
        case .nhsNumber(let text):
            let digits = text.filter(\.isNumber)
            for (index, record) in records.enumerated() where record.person.nhsNumber?.value == digits {
                offer(index, 1)
            }
        case .personID(let text):
            let value = text.trimmingCharacters(in: .whitespaces)
            for (index, record) in records.enumerated() where record.person.personID == value { offer(index, 1) }
        case .childID(let id):
            let surviving = universe.survivingID(id)
            if let child = universe.children[surviving], let first = child.records.first,
                let index = universe.index(of: first)
            {
                offer(index, 1)
            }
        }
        return best.map { id, match in
            let record = records[match.record]
            return FootprintCandidate(
                childID: id, probability: match.probability, bestRecord: record.key,
                recordedAs: recordedAs(record.person), records: universe.children[id]?.records.count ?? 1)
        }
        .sorted { ($1.probability, $0.childID) < ($0.probability, $1.childID) }
    }

    static func recordedAs(_ person: PersonFields) -> String {
        let name = [person.forename, person.surname].compactMap { $0 }.joined(separator: " ")
        return name + (person.dateOfBirth.map { ", born \($0.uk)" } ?? "")
    }

    static func normalisedIdentifier(_ text: String) -> String {
        text.uppercased().filter { $0.isLetter || $0.isNumber }
    }

    static func logOdds(_ probability: Double) -> Double {
        let clamped = min(max(probability, 1e-12), 1 - 1e-12)
        return log2(clamped / (1 - clamped))
    }

    static func returnedIDs(_ result: FootprintResult) -> [ChildLinkID] {
        switch result {
        case .found(let footprint): [footprint.childID]
        case .ambiguous(let candidates): candidates.map(\.childID)
        case .notFound: []
        }
    }

    /// What the command prints, and its exit status (0 found, 1 not found, 2 to be refined).
    public struct Reply: Sendable {
        /// The text for the terminal.
        public let text: String
        /// The exit status.
        public let status: Int32
    }

    /// The `childlink footprint` command: looks up, then prints the footprint (or writes it to
    /// `out`), the candidates to choose from, or that no child matches.
    ///
    /// - Throws: ``CoreError``, ``OutputError``, `ImportError`, `StoreError`.
    public static func respond(_ request: Request, format: FootprintFormat, out: String?, logger: Logger) throws
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
                text:
                    "No child matches \(request.query). Try another spelling, add or drop --dob, or use an identifier.\n",
                status: 1)
        }
    }

    /// The footprint in a format: `text` for a terminal, `html`, or `json`.
    public static func render(_ footprint: Footprint, format: FootprintFormat) -> String {
        switch format {
        case .text: FootprintRenderer.text(footprint)
        case .html: FootprintRenderer.html(footprint)
        case .json: FootprintRenderer.json(footprint)
        }
    }

    /// Writes the footprint to `path` (a temporary file, then a rename; mode 0600).
    ///
    /// - Throws: ``OutputError/cannotWrite(path:reason:)``.
    public static func write(_ footprint: Footprint, format: FootprintFormat, to path: String) throws {
        try AtomicFile.write(render(footprint, format: format), to: path)
    }

    /// The candidate list for the terminal, asking the user to refine.
    public static func ambiguityText(_ candidates: [FootprintCandidate], query: FootprintQuery) -> String {
        let heading =
            candidates.count == 1
            ? "One child may match \(query), but not certainly enough to show. Confirm (add --dob, or use --child-id):"
            : "More than one child matches \(query). Refine the query (add --dob, or use --child-id):"
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

/// The linked records a lookup searches: the records with the evidence that explains their links
/// (a fresh linkage, or the model the store's latest run saved), the children with their ids, and
/// the store when one is used.
struct FootprintUniverse {
    /// Where the explanations come from.
    enum Evidence {
        /// A linkage of the records: its model and its linked pairs.
        case linkage(LinkResult)
        /// The model the store's latest run fitted; pairs at or above the link threshold count as
        /// the matcher's links.
        case storedModel(StoredMatchModel, linkThreshold: Double)
    }

    /// Every record, sorted by key.
    let records: [SourceRecord]
    let evidence: Evidence
    let children: [ChildLinkID: LinkedChild]
    let childOfRecord: [Int: ChildLinkID]
    let mustLinks: Set<PairConstraint>
    let store: ChildLinkStore?
    private let indexOfKey: [RecordKey: Int]

    init(link: LinkResult, children: [LinkedChild], mustLinks: Set<PairConstraint>, store: ChildLinkStore?) {
        self.init(
            records: link.records, evidence: .linkage(link), children: children, mustLinks: mustLinks, store: store)
    }

    init(
        records: [SourceRecord], evidence: Evidence, children: [LinkedChild], mustLinks: Set<PairConstraint>,
        store: ChildLinkStore?
    ) {
        let sorted = records.sorted { $0.key < $1.key }
        self.records = sorted
        self.evidence = evidence
        indexOfKey = Dictionary(sorted.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
        self.children = Dictionary(children.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
        var childOfRecord: [Int: ChildLinkID] = [:]
        for child in children {
            for key in child.records { if let index = indexOfKey[key] { childOfRecord[index] = child.id } }
        }
        self.childOfRecord = childOfRecord
        self.mustLinks = mustLinks
        self.store = store
    }

    /// The index of a record, if it is in the universe.
    func index(of key: RecordKey) -> Int? { indexOfKey[key] }

    /// The waterfall of two records of the universe.
    func explain(_ first: Int, _ second: Int) -> PairExplanation {
        switch evidence {
        case .linkage(let link): link.explain(first, second)
        case .storedModel(let model, _): model.explain(records[first], records[second])
        }
    }

    /// The waterfall of a query's probe record against a record of the universe.
    func explain(probe: SourceRecord, _ record: SourceRecord) -> PairExplanation {
        switch evidence {
        case .linkage(let link): link.model.explain(probe, record)
        case .storedModel(let model, _): model.explain(probe, record)
        }
    }

    /// The matcher's links between `members`, as (first, second, weight).
    func linkedPairs(among members: Set<Int>) -> [(first: Int, second: Int, weight: Double)] {
        switch evidence {
        case .linkage(let link):
            return link.pairs.filter {
                $0.decision.isLink && members.contains($0.first) && members.contains($0.second)
            }.map { ($0.first, $0.second, $0.weight) }
        case .storedModel(_, let threshold):
            let sorted = members.sorted().prefix(FootprintLinks.maxOthers)
            var pairs: [(first: Int, second: Int, weight: Double)] = []
            for (position, first) in sorted.enumerated() {
                for second in sorted.dropFirst(position + 1) {
                    let explanation = explain(first, second)
                    if explanation.probability >= threshold, !explanation.looksLikeTwins {
                        pairs.append((first, second, explanation.weight))
                    }
                }
            }
            return pairs
        }
    }

    /// The id a child carries now (a merged id leads to the survivor).
    func survivingID(_ id: ChildLinkID) -> ChildLinkID {
        if children[id] != nil { return id }
        return (try? store?.survivingID(of: id)) ?? id
    }

    static func load(_ request: FootprintJob.Request, logger: Logger) throws -> FootprintUniverse {
        if !request.inputs.isEmpty {
            let pipeline = try Pipeline.run(
                PipelineRequest(
                    inputs: request.inputs, storePath: request.storePath, command: "footprint",
                    storeWait: request.storeWait),
                logger: logger)
            let store = try request.storePath.map { try ChildLinkStore(path: $0) }
            let decisions = try store?.decisions() ?? []
            return FootprintUniverse(
                link: pipeline.link, children: pipeline.children, mustLinks: mustLinks(decisions), store: store)
        }
        guard let path = request.storePath else { throw CoreError.nothingToSearch }
        let store = try StoreJob.openExisting(at: path)
        let records = try store.currentRecords()
        let children = try store.currentChildren()
        let mustLinks = mustLinks(try store.decisions())
        if let stored = try store.latestModel(), let (model, thresholds) = StoredModelCoding.decode(stored) {
            logger.info("links explained by the stored model", metadata: ["run": "\(stored.runID)"])
            return FootprintUniverse(
                records: records, evidence: .storedModel(model, linkThreshold: thresholds.link), children: children,
                mustLinks: mustLinks, store: store)
        }
        let link = Linker(options: LinkJob.Options().linkOptions).link(records)
        logger.info(
            "store records re-linked for explanations (the store holds no model of its latest run)",
            metadata: ["records": "\(records.count)"])
        return FootprintUniverse(link: link, children: children, mustLinks: mustLinks, store: store)
    }

    static func mustLinks(_ decisions: [ReviewDecision]) -> Set<PairConstraint> {
        Set(decisions.filter { $0.kind == .mustLink }.map(PairConstraint.init))
    }
}

/// For each record of a child, the link that ties it to the child: a reviewer's must-link, else
/// the strongest pair the matcher linked with another of the child's records, else the most
/// probable pair with any of them (the record joined through others).
struct FootprintLinks {
    let universe: FootprintUniverse

    /// Pairs explained per record are capped, so a very large cluster stays quick.
    static let maxOthers = 200

    func entries(of child: LinkedChild) -> [FootprintEntry] {
        let indices = child.records.compactMap { universe.index(of: $0) }
        let linkedPairs = linkedPairsByRecord(Set(indices))
        return indices.map { index in
            let record = universe.records[index]
            let others = indices.filter { $0 != index }
            return FootprintEntry(
                record: record, link: link(for: index, others: others, linked: linkedPairs[index] ?? []))
        }
    }

    /// The matcher's linked pairs inside the child, by record, strongest first.
    private func linkedPairsByRecord(_ members: Set<Int>) -> [Int: [(other: Int, weight: Double)]] {
        var byRecord: [Int: [(other: Int, weight: Double)]] = [:]
        for pair in universe.linkedPairs(among: members) {
            byRecord[pair.first, default: []].append((pair.second, pair.weight))
            byRecord[pair.second, default: []].append((pair.first, pair.weight))
        }
        return byRecord.mapValues { $0.sorted { ($0.weight, $1.other) > ($1.weight, $0.other) } }
    }

    private func link(for index: Int, others: [Int], linked: [(other: Int, weight: Double)]) -> FootprintLink? {
        guard !others.isEmpty else { return nil }
        let key = universe.records[index].key
        if let decided = others.first(where: {
            universe.mustLinks.contains(PairConstraint(key, universe.records[$0].key, .mustLink))
        }) {
            return footprintLink(index, decided, basis: .reviewerDecision)
        }
        if let strongest = linked.first { return footprintLink(index, strongest.other, basis: .matcherLink) }
        let weighed = others.prefix(Self.maxOthers).map { (weight: universe.explain(index, $0).weight, other: $0) }
        let best = weighed.max { ($0.weight, $1.other) < ($1.weight, $0.other) }!
        return footprintLink(index, best.other, basis: .throughOtherRecords)
    }

    private func footprintLink(_ index: Int, _ other: Int, basis: FootprintLink.Basis) -> FootprintLink {
        let explanation = universe.explain(index, other)
        let ownIsFirst = explanation.first == universe.records[index].key
        let contributions = explanation.contributions.map { item in
            FootprintContribution(
                comparison: item.comparison.title, level: item.levelName,
                value: ownIsFirst ? item.firstValue : item.secondValue,
                otherValue: ownIsFirst ? item.secondValue : item.firstValue, bits: item.bits)
        }
        return FootprintLink(
            linkedTo: universe.records[other].key, basis: basis, priorBits: explanation.priorBits,
            contributions: contributions, looksLikeTwins: explanation.looksLikeTwins)
    }
}

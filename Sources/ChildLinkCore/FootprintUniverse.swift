import ChildLinkMatching
import ChildLinkModel
import ChildLinkStore
import Foundation
import Logging

/// The linked records a lookup searches: the records with the evidence that explains their links
/// (a fresh linkage, or the model the store's latest run saved), the children with their ids, and
/// the store when one is used.
struct FootprintUniverse {
    /// Where the explanations come from.
    enum Evidence: Sendable {
        /// A linkage of the records: its model and its linked pairs.
        case linkage(LinkResult)
        /// The model the store's latest run fitted; pairs at or above the link threshold count as
        /// the matcher's links.
        case storedModel(StoredMatchModel, linkThreshold: Double)

        /// The waterfall of a query's probe record against a record.
        func explain(probe: SourceRecord, _ record: SourceRecord) -> PairExplanation {
            switch self {
            case .linkage(let link): link.model.explain(probe, record)
            case .storedModel(let model, _): model.explain(probe, record)
            }
        }

        /// The model that weighs the evidence.
        var model: MatchModel {
            switch self {
            case .linkage(let link): link.model
            case .storedModel(let stored, _): stored.model
            }
        }
    }

    /// Every record, sorted by key.
    let records: [SourceRecord]
    let evidence: Evidence
    let children: [ChildLinkID: LinkedChild]
    let childOfRecord: [Int: ChildLinkID]
    let mustLinks: Set<PairConstraint>
    let store: ChildLinkStore?
    /// The dates of birth of every present record when ``records`` holds only the records a name
    /// search found (an age is weighed against all of them); `nil` when ``records`` is every record
    /// a search needs.
    let birthDatesOfAll: [CalendarDate]?
    private let indexOfKey: [RecordKey: Int]

    init(link: LinkResult, children: [LinkedChild], mustLinks: Set<PairConstraint>, store: ChildLinkStore?) {
        self.init(
            records: link.records, evidence: .linkage(link), children: children, mustLinks: mustLinks, store: store)
    }

    init(
        records: [SourceRecord], evidence: Evidence, children: [LinkedChild], mustLinks: Set<PairConstraint>,
        store: ChildLinkStore?, birthDatesOfAll: [CalendarDate]? = nil
    ) {
        self.birthDatesOfAll = birthDatesOfAll
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

    /// The model that weighs the evidence.
    var model: MatchModel { evidence.model }

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
                    if explanation.isLinked(at: threshold) {
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
                    profilePath: request.profilePath, storeWait: request.storeWait),
                logger: logger)
            let store = try request.storePath.map { try ChildLinkStore(path: $0) }
            let decisions = try store?.decisions() ?? []
            return FootprintUniverse(
                link: pipeline.link, children: pipeline.children, mustLinks: mustLinks(decisions), store: store)
        }
        guard let path = request.storePath else { throw CoreError.nothingToSearch }
        let store = try StoreJob.openExisting(at: path)
        logger.progress("reading the store")
        let children = try store.currentChildren()
        let mustLinks = mustLinks(try store.decisions())
        if let stored = try store.latestModel(), let (model, thresholds) = StoredModelCoding.decode(stored) {
            logger.info("links explained by the stored model", metadata: ["run": "\(stored.runID)"])
            let evidence = Evidence.storedModel(model, linkThreshold: thresholds.link)
            if request.query.isName {
                return try nameSearched(
                    request.query, store: store, evidence: evidence, children: children, mustLinks: mustLinks,
                    logger: logger)
            }
            return FootprintUniverse(
                records: try searched(by: request.query, store: store, children: children), evidence: evidence,
                children: children, mustLinks: mustLinks, store: store)
        }
        let records = try store.currentRecords()
        let link = Linker(options: LinkJob.Options().linkOptions).link(records)
        logger.info(
            "store records re-linked for explanations (the store holds no model of its latest run)",
            metadata: ["records": "\(records.count)"])
        return FootprintUniverse(link: link, children: children, mustLinks: mustLinks, store: store)
    }

    /// A name searched for in two steps: every present record's person scored (no event read), then
    /// the records of the children holding a match read in full. A record's score rests on its
    /// person alone (``FootprintJob/nameMatches(_:among:evidence:birthDates:)``), so the candidates
    /// and the footprint are those a search of every full record gives.
    private static func nameSearched(
        _ query: FootprintQuery, store: ChildLinkStore, evidence: Evidence, children: [LinkedChild],
        mustLinks: Set<PairConstraint>, logger: Logger
    ) throws -> FootprintUniverse {
        let people = try store.presentPeople()
        logger.progress("looking for the child among \(people.count) records")
        // Each person scored as a record of its own: the weight reads no event and no dataset.
        let scored = people.map {
            SourceRecord(recordID: $0.key.recordID, person: $0.person, event: .socialCare(SocialCareRecord()))
        }
        let birthDates = people.compactMap(\.person.dateOfBirth)
        let found = Set(
            FootprintJob.nameMatches(query, among: scored, evidence: evidence, birthDates: birthDates).map {
                people[$0.index].key
            })
        let keys = children.filter { $0.records.contains(where: found.contains) }.flatMap(\.records)
        return FootprintUniverse(
            records: Array(try store.currentRecords(keys).values), evidence: evidence, children: children,
            mustLinks: mustLinks, store: store, birthDatesOfAll: birthDates)
    }

    /// The stored records `query` is looked for among: for a ChildLink id the child's records, for
    /// an identifier the records of the children holding it (found by the store's columns) —
    /// everything the footprint or the candidates show and explain; otherwise every present record (a
    /// name with a stored model is searched by ``nameSearched(_:store:evidence:children:mustLinks:logger:)``).
    private static func searched(by query: FootprintQuery, store: ChildLinkStore, children: [LinkedChild]) throws
        -> [SourceRecord]
    {
        let keys: [RecordKey]
        if case .childID(let id) = query {
            let surviving = try store.survivingID(of: id)
            keys = children.first { $0.id == surviving }?.records ?? []
        } else if let identifier = query.identifier {
            let holding = try store.presentRecordKeys(holding: identifier)
            keys = children.filter { $0.records.contains(where: holding.contains) }.flatMap(\.records)
        } else {
            return try store.currentRecords()
        }
        return Array(try store.currentRecords(keys).values)
    }

    static func mustLinks(_ decisions: [ReviewDecision]) -> Set<PairConstraint> {
        Set(decisions.filter { $0.kind == .mustLink }.map(PairConstraint.init))
    }
}

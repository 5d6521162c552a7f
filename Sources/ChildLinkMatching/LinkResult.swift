public import ChildLinkModel

/// How a run of the linker is tuned. The defaults are the ones documented in docs/accuracy.md.
public struct LinkOptions: Sendable, Hashable {
    /// Pairs at or above this match probability are linked (subject to the guards).
    public var linkThreshold: Double = 0.98
    /// Pairs at or above this probability, but not linked, go to clerical review.
    public var reviewThreshold: Double = 0.5
    /// Blocking key groups larger than this are skipped for that rule.
    public var maxBlockSize: Int = 200
    /// Random pairs sampled to estimate u.
    public var randomPairs: Int = 300_000
    /// The most EM iterations.
    public var maxIterations: Int = 100
    /// Seed of the random-pair sampler: same seed, same model, same output.
    public var seed: UInt64 = 0x4348_494C_444C_494E
    /// Worker threads for scoring (1 = no concurrency).
    public var concurrency: Int = 2
    /// Whether pairs that look like twins are kept apart. Always on for children's data; a
    /// benchmark of adults (FEBRL) may turn it off, since there a replaced forename is a typo.
    public var twinGuard: Bool = true
    /// The forename variants and nicknames that count as the same name: the built-in groups, and
    /// those a council's profile adds.
    public var forenameVariants: ForenameVariantTable = .builtIn

    /// Creates options with the defaults.
    public init() {}
}

/// What the clustering did with a scored pair.
public enum PairDecision: String, Sendable, Hashable, Codable {
    /// The pair's probability reached the link threshold and it joined the two records' clusters.
    case linked = "link"
    /// The pair reached the link threshold but its records were already together through
    /// stronger links (it confirms them; pairs.csv leaves it out to stay small).
    case alreadyLinked = "link (already together)"
    /// Between the review and link thresholds: for a person to decide.
    case review = "review"
    /// Above the link threshold, but the pair (or the clusters it would join) looks like twins.
    case blockedTwins = "blocked: twins"
    /// Above the link threshold, but the clusters hold different valid UPNs or NHS numbers.
    case blockedIdentifiers = "blocked: different identifiers"
    /// Above the link threshold, but joining would put clearly different children together.
    case blockedConflict = "blocked: conflicting records"

    /// Whether the matcher accepted the pair as a link: it joined two clusters, or its records
    /// were already together when its turn came.
    public var isLink: Bool { self == .linked || self == .alreadyLinked }
}

/// How long one stage of linking took.
public struct StageTiming: Sendable, Hashable {
    /// The stage, e.g. `compare`.
    public let stage: String
    /// Wall-clock seconds.
    public let seconds: Double
}

/// One candidate pair worth showing: its comparison levels, weight, probability and decision.
public struct ScoredPair: Sendable, Hashable {
    /// Index of the first record in ``LinkResult/records`` (the smaller index).
    public let first: Int
    /// Index of the second record.
    public let second: Int
    /// The level of every comparison.
    public let vector: ComparisonVector
    /// The total match weight in bits (log2 odds), prior included.
    public let weight: Double
    /// The match probability.
    public var probability: Double { MatchModel.probability(weight: weight) }
    /// What clustering made of it.
    public internal(set) var decision: PairDecision
}

/// Counts that describe a run.
public struct LinkSummary: Sendable, Hashable {
    /// Records linked.
    public var records: Int
    /// Distinct candidate pairs scored.
    public var candidatePairs: Int
    /// Pairs each blocking rule produced before de-duplication.
    public var pairsPerRule: [BlockingRule: Int]
    /// Pairs accepted as links.
    public var linkedPairs: Int
    /// Pairs for clerical review.
    public var reviewPairs: Int
    /// Pairs above the link threshold that a guard kept apart.
    public var blockedPairs: Int
    /// Children (clusters), singletons included.
    public var clusters: Int
    /// Number of clusters by how many different datasets they span (1…5).
    public var clustersByDatasetCount: [Int: Int]
    /// Clusters holding more than one record from the same dataset (within-dataset duplicates).
    public var clustersWithDuplicates: Int
    /// The share of true same-child pairs that blocking compared, when the truth was given.
    public var blockingRecall: Double?
}

/// The outcome of linking: every record assigned to exactly one child, the scored pairs behind
/// the links and review list, the model, and a summary.
public struct LinkResult: Sendable {
    /// The records, sorted by ``RecordKey`` (indices elsewhere refer to this order).
    public let records: [SourceRecord]
    /// The children, numbered in the order of their smallest record key.
    public let children: [LinkedChild]
    /// For each record, the index of its child in ``children``.
    public let childOfRecord: [Int]
    /// For each child, the lowest probability among the links that hold it together (`nil` for one record).
    public let minLinkProbability: [Double?]
    /// Linked, review and blocked pairs, sorted by record indices.
    public let pairs: [ScoredPair]
    /// The estimated model.
    public let model: MatchModel
    /// Counts.
    public let summary: LinkSummary
    /// Seconds per stage (normalise, block, compare, estimate, score, cluster): varies from run to
    /// run, so it is never written to the outputs.
    public let timings: [StageTiming]
    let table: RecordTable

    /// Explains why two records of this run scored as they did: each comparison's level and its
    /// contribution in bits, the prior and the total.
    public func explain(_ first: Int, _ second: Int) -> PairExplanation {
        Explainer(model: model, table: table).explain(records[first], records[second], first, second)
    }

    /// The index of the record with this key, if it is in the run.
    public func index(of key: RecordKey) -> Int? {
        var low = 0
        var high = records.count
        while low < high {
            let mid = (low + high) / 2
            if records[mid].key < key { low = mid + 1 } else { high = mid }
        }
        return low < records.count && records[low].key == key ? low : nil
    }
}

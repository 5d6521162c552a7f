package import ChildLinkModel

/// How a run of the linker is tuned. The defaults are the ones documented in docs/accuracy.md.
package struct LinkOptions: Sendable, Hashable {
    /// Pairs at or above this match probability are linked (subject to the guards).
    package var linkThreshold: Double = 0.98
    /// Pairs at or above this probability, but not linked, go to clerical review.
    package var reviewThreshold: Double = 0.5
    /// Blocking key groups larger than this are skipped for that rule.
    package var maxBlockSize: Int = 200
    /// Random pairs sampled to estimate u.
    package var randomPairs: Int = 300_000
    /// The most EM iterations.
    package var maxIterations: Int = 100
    /// Seed of the random-pair sampler: same seed, same model, same output.
    package var seed: UInt64 = 0x4348_494C_444C_494E
    /// Worker threads for scoring (1 = no concurrency).
    package var concurrency: Int = 2
    /// Whether pairs that look like twins are kept apart. Always on for children's data; a
    /// benchmark of adults (FEBRL) may turn it off, since there a replaced forename is a typo.
    package var twinGuard: Bool = true
    /// The forename variants and nicknames that count as the same name: the built-in groups, and
    /// those a council's profile adds.
    package var forenameVariants: ForenameVariantTable = .builtIn
    /// Whether person ids were typed in by hand (generic mode: a social security or member
    /// number), so that ids one or two slips apart are partial agreements whose weight EM learns.
    /// Off for council extracts: a system issues its person ids, and two that differ by one digit
    /// (often issued one after the other) are two people.
    package var typedPersonIDs: Bool = false
    /// Whether the address's parts (street number, second line, town or suburb, state or county)
    /// are compared as fields of their own, each with a term-frequency adjustment (generic mode,
    /// where a file may give them). Council extracts are compared on postcode and address line.
    package var addressParts: Bool = false

    /// Creates options with the defaults.
    package init() {}
}

/// What the clustering did with a scored pair.
package enum PairDecision: String, Sendable, Hashable, Codable {
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
    package var isLink: Bool { self == .linked || self == .alreadyLinked }
}

/// How long one stage of linking took.
package struct StageTiming: Sendable, Hashable {
    /// The stage, e.g. `compare`.
    package let stage: String
    /// Wall-clock seconds.
    package let seconds: Double
}

/// One candidate pair worth showing: its comparison levels, weight, probability and decision.
package struct ScoredPair: Sendable, Hashable {
    /// Index of the first record in ``LinkResult/records`` (the smaller index).
    package let first: Int
    /// Index of the second record.
    package let second: Int
    /// The level of every comparison.
    package let vector: ComparisonVector
    /// The total match weight in bits (log2 odds), prior included.
    package let weight: Double
    /// The match probability.
    package var probability: Double { MatchModel.probability(weight: weight) }
    /// What clustering made of it.
    package internal(set) var decision: PairDecision
}

/// Counts that describe a run.
package struct LinkSummary: Sendable, Hashable {
    /// Records linked.
    package var records: Int
    /// Distinct candidate pairs scored.
    package var candidatePairs: Int
    /// Pairs each blocking rule produced before de-duplication.
    package var pairsPerRule: [BlockingRule: Int]
    /// Pairs accepted as links.
    package var linkedPairs: Int
    /// Pairs for clerical review.
    package var reviewPairs: Int
    /// Pairs above the link threshold that a guard kept apart.
    package var blockedPairs: Int
    /// Children (clusters), singletons included.
    package var clusters: Int
    /// Number of clusters by how many different datasets they span (1…5).
    package var clustersByDatasetCount: [Int: Int]
    /// Clusters holding more than one record from the same dataset (within-dataset duplicates).
    package var clustersWithDuplicates: Int
    /// The share of true same-child pairs that blocking compared, when the truth was given.
    package var blockingRecall: Double?
    /// The NHS numbers, UPNs and person ids read as no identifier: each held by several children
    /// plainly apart (``PlaceholderIdentifiers``).
    package var placeholderIdentifiers = PlaceholderIdentifiers()
}

/// The outcome of linking: every record assigned to exactly one child, the scored pairs behind
/// the links and review list, the model, and a summary.
package struct LinkResult: Sendable {
    /// The records, sorted by ``RecordKey`` (indices elsewhere refer to this order).
    package let records: [SourceRecord]
    /// The children, numbered in the order of their smallest record key.
    package let children: [LinkedChild]
    /// For each record, the index of its child in ``children``.
    package let childOfRecord: [Int]
    /// For each child, the lowest probability among the links that hold it together (`nil` for one record).
    package let minLinkProbability: [Double?]
    /// Linked, review and blocked pairs, sorted by record indices.
    package let pairs: [ScoredPair]
    /// The estimated model.
    package let model: MatchModel
    /// Counts.
    package let summary: LinkSummary
    /// Seconds per stage (normalise, block, compare, estimate, score, cluster): varies from run to
    /// run, so it is never written to the outputs.
    package let timings: [StageTiming]
    let table: RecordTable

    /// The comparisons this run used, in ``Comparison`` order: the address's parts only in
    /// generic mode (``LinkOptions/addressParts``).
    package var comparisons: [Comparison] { Comparison.inUse(addressParts: table.addressParts) }

    /// Explains why two records of this run scored as they did: each comparison's level and its
    /// contribution in bits, the prior and the total.
    package func explain(_ first: Int, _ second: Int) -> PairExplanation {
        Explainer(model: model, table: table).explain(records[first], records[second], first, second)
    }

    /// The index of the record with this key, if it is in the run.
    package func index(of key: RecordKey) -> Int? {
        var low = 0
        var high = records.count
        while low < high {
            let mid = (low + high) / 2
            if records[mid].key < key { low = mid + 1 } else { high = mid }
        }
        return low < records.count && records[low].key == key ? low : nil
    }
}

package import ChildLinkModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Links records that belong to the same child: normalise → block → compare → estimate the model
/// (EM) → score → cluster with guards. Pure and deterministic: same records and options, same result.
package struct Linker: Sendable {
    /// The options.
    package var options: LinkOptions

    /// Creates a linker.
    package init(options: LinkOptions = LinkOptions()) { self.options = options }

    /// Links `records`. Records may come in any order; the result is sorted by record key.
    ///
    /// The records are taken over (`consuming`) and sorted in place: a caller that passes its last
    /// reference (`consume`) does not hold a second copy of every record while linking, and records
    /// that already come in key order (as the importer delivers them) are not sorted again.
    ///
    /// - Parameters:
    ///   - truth: when known (samples, FEBRL), each record's true person id, used only to report
    ///     blocking recall in the summary; it never influences the links.
    ///   - progress: Called as each stage (normalise, block, compare, estimate, score, cluster) ends.
    package func link(
        _ records: consuming [SourceRecord], truth: [RecordKey: String]? = nil,
        progress: ((StageTiming) -> Void)? = nil
    ) -> LinkResult {
        var stopwatch = Stopwatch(onLap: progress)
        var sorted = consume records
        sorted.sortByKey()
        var table = RecordTable(
            sorted, concurrency: options.concurrency, variants: options.forenameVariants,
            typedPersonIDs: options.typedPersonIDs, addressParts: options.addressParts)
        let placeholders = table.clearPlaceholderIdentifiers(of: sorted)
        let comparer = PairComparer(table: table)
        stopwatch.lap("normalise")
        var blocking = Blocker(maxGroupSize: options.maxBlockSize, concurrency: options.concurrency)
            .candidatePairs(table)
        stopwatch.lap("block")
        var compared = compareAll(blocking.pairs, comparer)
        stopwatch.lap("compare")
        let estimator = ModelEstimator(
            randomPairs: min(options.randomPairs, max(20_000, 50 * sorted.count)), maxIterations: options.maxIterations,
            seed: options.seed)
        let model = estimator.estimate(
            table: table, comparer: comparer, patternCounts: compared.patternCounts,
            candidatePairs: blocking.pairs.count)
        stopwatch.lap("estimate")
        let scored = score(blocking.pairs, compared.vectors, compared.patternCounts, comparer, model)
        stopwatch.lap("score")
        // The candidate pairs and their vectors are not needed past scoring: freed before
        // clustering, which otherwise holds them at the run's peak of memory.
        let blockingRecall = truth.map { Self.blockingRecall(sorted, $0, blocking.pairs) }
        let candidatePairs = blocking.pairs.count
        blocking.pairs = []
        compared.vectors = []
        stopwatch.restart()
        let clustering = GuardedClusterer(
            table: table, keys: sorted.map(\.key), comparer: comparer, linkThreshold: options.linkThreshold,
            twinGuard: options.twinGuard
        )
        .cluster(scored)
        stopwatch.lap("cluster")
        var summary = Self.summarise(sorted, candidatePairs, blocking, clustering)
        summary.blockingRecall = blockingRecall ?? nil
        summary.placeholderIdentifiers = placeholders
        return LinkResult(
            records: sorted, children: clustering.children, childOfRecord: clustering.childOfRecord,
            minLinkProbability: clustering.minLinkProbability, pairs: clustering.pairs, model: model,
            summary: summary, timings: stopwatch.laps, table: table)
    }

    /// Comparison vectors of every candidate pair, and how often each distinct vector occurs,
    /// computed in parallel chunks and merged in chunk order.
    private func compareAll(_ pairs: [UInt64], _ comparer: PairComparer)
        -> (vectors: [UInt32], patternCounts: [UInt32: Int])
    {
        var vectors = [UInt32](repeating: 0, count: pairs.count)
        let chunkCount = max(1, min(options.concurrency * 8, pairs.count / 10_000))
        let chunkSize = (pairs.count + chunkCount - 1) / max(chunkCount, 1)
        let counts = ChunkResults<PatternTable<Int>>(count: chunkCount, initial: PatternTable(absent: 0))
        // Each record's fields side by side: the second record of a pair is a random access.
        let records = PairComparer.compareRecords(comparer.table)
        comparer.table.text.withUnsafeBufferPointer { text in
            pairs.withUnsafeBufferPointer { pairBuffer in
                vectors.withUnsafeMutableBufferPointer { output in
                    records.withUnsafeBufferPointer { recordBuffer in
                        let shared = Unchecked((text, pairBuffer, output, recordBuffer))
                        ParallelChunks.perform(chunkCount, concurrency: options.concurrency) { chunk in
                            let (text, input, out, records) = shared.value
                            let start = chunk * chunkSize
                            let end = min(start + chunkSize, input.count)
                            guard start < end else { return }
                            var local = PatternTable<Int>(absent: 0)
                            for index in start..<end {
                                let pair = input[index]
                                let i = Int(pair >> 32)
                                let j = Int(pair & 0xFFFF_FFFF)
                                let base = records.baseAddress!
                                let vector = comparer.compare(i, base + i, j, base + j, text).packed
                                out[index] = vector
                                local.increment(vector)
                            }
                            counts.set(chunk, local)
                        }
                    }
                }
            }
        }
        var patternCounts: [UInt32: Int] = [:]
        for local in counts.values {
            for (vector, count) in local.entries { patternCounts[vector, default: 0] += count }
        }
        return (vectors, patternCounts)
    }

    /// Weights for every candidate pair (in parallel chunks, merged in order); keeps those at or
    /// above the review threshold, and those a rule links whatever they weigh
    /// (``LinkRule/linksAtAnyWeight(_:typedPersonIDs:)``).
    private func score(
        _ pairs: [UInt64], _ vectors: [UInt32], _ patterns: [UInt32: Int], _ comparer: PairComparer,
        _ model: MatchModel
    ) -> [ScoredPair] {
        let table = comparer.table
        let adjustments = FrequencyAdjustments(model: model, table: table)
        let (patternWeights, patternsKept) = Self.patternTables(patterns, model, typedPersonIDs: table.typedPersonIDs)
        let reviewWeight = MatchModel.weight(probability: options.reviewThreshold)
        let chunkCount = max(1, min(options.concurrency * 8, pairs.count / 10_000))
        let chunkSize = (pairs.count + chunkCount - 1) / max(chunkCount, 1)
        let kept = ChunkResults<[ScoredPair]>(count: chunkCount, initial: [])
        ParallelChunks.perform(chunkCount, concurrency: options.concurrency) { chunk in
            let start = chunk * chunkSize
            let end = min(start + chunkSize, pairs.count)
            guard start < end else { return }
            var local: [ScoredPair] = []
            for index in start..<end {
                let packed = vectors[index]
                let i = Int(pairs[index] >> 32)
                let j = Int(pairs[index] & 0xFFFF_FFFF)
                // The pattern's weight and the values' frequency adjustments, as the explanation adds them.
                let weight = adjustments.adding(to: patternWeights[packed], packed, i, j) {
                    comparer.sameFirstMiddleName(i, j)
                }
                if weight >= reviewWeight || patternsKept[packed] {
                    let vector = ComparisonVector(packed: packed)
                    local.append(ScoredPair(first: i, second: j, vector: vector, weight: weight, decision: .review))
                }
            }
            kept.set(chunk, local)
        }
        return kept.values.flatMap { $0 }
    }

    /// Per comparison pattern seen: its weight (before the names' frequency adjustments), and
    /// whether a rule links it whatever it weighs.
    private static func patternTables(_ patterns: [UInt32: Int], _ model: MatchModel, typedPersonIDs: Bool)
        -> (weights: PatternTable<Double>, keptAtAnyWeight: PatternTable<Bool>)
    {
        var weights = PatternTable<Double>(capacity: patterns.count, absent: 0)
        var kept = PatternTable<Bool>(capacity: patterns.count, absent: false)
        for pattern in patterns.keys {
            let vector = ComparisonVector(packed: pattern)
            weights[pattern] = model.patternWeight(vector)
            kept[pattern] = LinkRule.linksAtAnyWeight(vector, typedPersonIDs: typedPersonIDs)
        }
        return (weights, kept)
    }

    private static func summarise(
        _ records: [SourceRecord], _ candidatePairs: Int, _ blocking: Blocker.Output, _ clustering: Clustering
    ) -> LinkSummary {
        var byDatasets: [Int: Int] = [:]
        var withDuplicates = 0
        for child in clustering.children {
            let datasets = Set(child.records.map(\.dataset))
            byDatasets[datasets.count, default: 0] += 1
            if datasets.count < child.records.count { withDuplicates += 1 }
        }
        let decisions = clustering.pairs.map(\.decision)
        return LinkSummary(
            records: records.count, candidatePairs: candidatePairs, pairsPerRule: blocking.pairsPerRule,
            linkedPairs: decisions.filter(\.isLink).count,
            reviewPairs: decisions.filter { $0 == .review }.count,
            blockedPairs: decisions.filter { !$0.isLink && $0 != .review }.count,
            clusters: clustering.children.count, clustersByDatasetCount: byDatasets,
            clustersWithDuplicates: withDuplicates, blockingRecall: nil)
    }

    /// The share of true same-person pairs present among the candidate pairs.
    static func blockingRecall(_ records: [SourceRecord], _ truth: [RecordKey: String], _ candidates: [UInt64])
        -> Double?
    {
        var groups: [String: [Int]] = [:]
        for (index, record) in records.enumerated() {
            if let person = truth[record.key] { groups[person, default: []].append(index) }
        }
        var total = 0
        var found = 0
        for members in groups.values where members.count > 1 {
            for a in 0..<(members.count - 1) {
                for b in (a + 1)..<members.count {
                    total += 1
                    let key = UInt64(min(members[a], members[b])) << 32 | UInt64(max(members[a], members[b]))
                    if Self.contains(candidates, key) { found += 1 }
                }
            }
        }
        return total == 0 ? nil : Double(found) / Double(total)
    }

    static func contains(_ sorted: [UInt64], _ value: UInt64) -> Bool {
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low < sorted.count && sorted[low] == value
    }
}

/// Seconds spent in each stage (for `--verbose` and benchmarks; never part of the outputs).
struct Stopwatch {
    private var last = ContinuousClock.now
    private(set) var laps: [StageTiming] = []
    /// Told of each lap as it ends.
    private let onLap: ((StageTiming) -> Void)?

    init(onLap: ((StageTiming) -> Void)? = nil) { self.onLap = onLap }

    mutating func lap(_ stage: String) {
        let now = ContinuousClock.now
        let elapsed = last.duration(to: now).components
        laps.append(StageTiming(stage: stage, seconds: Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18))
        onLap?(laps[laps.count - 1])
        last = now
    }

    /// Starts the next lap now (time since the last lap is left out).
    mutating func restart() { last = ContinuousClock.now }
}

/// Buffers shared by the parallel workers: read-only inputs, and an output where each worker
/// writes only its own indices.
struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

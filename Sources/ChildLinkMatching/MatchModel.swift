import ChildLinkModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The Fellegi–Sunter model, estimated from the data being linked: u probabilities from random
/// record pairs, m (and u among candidate pairs) by expectation–maximisation over the candidate
/// pairs, the prior match probability from the same EM, and term-frequency adjustments so that
/// agreeing on a rare name counts for more than agreeing on a common one.
package struct MatchModel: Sendable {
    /// P(level | same child), `[comparison][level]`; level 0 (absent) is unused.
    package internal(set) var m: [[Double]]
    /// P(level | different children), `[comparison][level]`: the random-pair u.
    package internal(set) var u: [[Double]]
    /// P(level | random pair), the usual Fellegi–Sunter u, from random sampling.
    package internal(set) var uRandom: [[Double]]
    /// P(address level | different children who share a surname), from random pairs of records
    /// with the same surname. Families share surname and address, so once the surnames agree a
    /// shared postcode is far less surprising: this is how the model keeps the two correlated
    /// fields from voting twice (siblings are what it protects).
    package internal(set) var uAddressGivenSurname: [Double]
    /// The share of matches among candidate pairs with the same date of birth (first EM session).
    package internal(set) var candidatePrior: Double
    /// The prior over all record pairs: estimated matches ÷ all pairs (scales with the data's size).
    package internal(set) var globalPrior: Double
    /// The EM iterations run before convergence.
    package internal(set) var iterations: Int
    /// Share of records with each folded forename / surname (by hash), for term-frequency adjustment.
    var forenameFrequency: [UInt64: Float] = [:]
    var surnameFrequency: [UInt64: Float] = [:] {
        didSet { leastSurnameShare = surnameFrequency.values.min() ?? 0 }
    }
    /// The share of one record among those with a surname: the least of ``surnameFrequency``.
    private(set) var leastSurnameShare: Float = 0
    /// Share of records with each value of an address part (generic mode), by comparison and hash.
    var partFrequencies: [Comparison: [UInt64: Float]] = [:]
    /// `log2(m/u)` per comparison and level, cached for scoring.
    private(set) var logBayesFactors: [[Double]] = []
    private(set) var addressGivenSurnameFactors: [Double] = []

    /// The smallest probability any level keeps, so no single comparison is ever infinitely decisive.
    static let floor = 1e-6
    /// Term-frequency adjustments are clamped to this many bits either way.
    static let maxFrequencyAdjustment = 5.0

    init(
        m: [[Double]], u: [[Double]], uRandom: [[Double]], uAddressGivenSurname: [Double], candidatePrior: Double,
        globalPrior: Double, iterations: Int
    ) {
        self.m = m
        self.u = u
        self.uRandom = uRandom
        self.uAddressGivenSurname = uAddressGivenSurname
        self.candidatePrior = candidatePrior
        self.globalPrior = globalPrior
        self.iterations = iterations
        refreshCache()
    }

    mutating func refreshCache() {
        logBayesFactors = Comparison.allCases.map { comparison in
            (0..<comparison.levelCount).map { level in
                level == 0
                    ? 0
                    : log2(
                        max(m[comparison.rawValue][level], Self.floor) / max(u[comparison.rawValue][level], Self.floor))
            }
        }
        // Names written in each other's columns agree no better than the same names in their own:
        // EM sees random pairs almost never swap names and would weigh a swap above an exact
        // agreement (with a forename that is only an initial on one side, far above it).
        for (comparison, swapped) in [
            (Comparison.forename, Int(ForenameLevel.swapped.rawValue)),
            (Comparison.surname, Int(SurnameLevel.swapped.rawValue)),
        ] {
            let exact = logBayesFactors[comparison.rawValue][Int(Comparison.exactLevel)]
            logBayesFactors[comparison.rawValue][swapped] = min(logBayesFactors[comparison.rawValue][swapped], exact)
        }
        // A middle name in common adds at most what the rarest forename's frequency adds to an
        // exact one: random pairs almost never share two given names, and EM's u for the level
        // rests on a handful of them.
        let forename = Comparison.forename.rawValue
        let withMiddle = Int(ForenameLevel.exactWithMiddleName.rawValue)
        logBayesFactors[forename][withMiddle] = min(
            logBayesFactors[forename][withMiddle],
            logBayesFactors[forename][Int(Comparison.exactLevel)] + Self.maxFrequencyAdjustment)
        let address = Comparison.address.rawValue
        addressGivenSurnameFactors = (0..<Comparison.address.levelCount).map { level in
            level == 0 ? 0 : log2(max(m[address][level], Self.floor) / max(uAddressGivenSurname[level], Self.floor))
        }
    }

    /// Whether the surnames agree closely enough that the address is judged among same-surname pairs.
    static func surnamesAgree(_ vector: ComparisonVector) -> Bool {
        let level = vector.surname
        return level == .exact || level.isStemOrPart
    }

    /// `log2(m/u)` for one comparison of a pair, the address judged given the surname comparison.
    package func logBayesFactor(_ comparison: Comparison, in vector: ComparisonVector) -> Double {
        let level = vector.level(comparison)
        if comparison == .address, Self.surnamesAgree(vector) { return addressGivenSurnameFactors[level] }
        return logBayesFactors[comparison.rawValue][level]
    }

    /// What a first middle name in common adds to a forename that is a form, a slip or an initial
    /// of the other (``ForenameLevel/weighsMiddleNameInCommon``): what this run's model says it
    /// adds to an exact forename (``ForenameLevel/exactWithMiddleName`` over
    /// ``ForenameLevel/exact``, itself at most ``maxFrequencyAdjustment``), never less than nothing.
    package var middleNameInCommonBits: Double {
        let forename = logBayesFactors[Comparison.forename.rawValue]
        return max(0, forename[Int(ForenameLevel.exactWithMiddleName.rawValue)] - forename[Int(Comparison.exactLevel)])
    }

    /// The prior log2 odds of two records being the same child.
    package var priorLogOdds: Double { log2(globalPrior / (1 - globalPrior)) }

    /// `log2(m/u)` for one comparison at one level (0 for absent).
    package func logBayesFactor(_ comparison: Comparison, level: Int) -> Double {
        logBayesFactors[comparison.rawValue][level]
    }

    /// The term-frequency adjustment for an exact name agreement: log2(average frequency ÷ this
    /// name's frequency), so a common name gains less than average and a rare one more.
    func frequencyAdjustment(_ comparison: Comparison, frequency: Float) -> Double {
        guard frequency > 0 else { return 0 }
        let average = uRandom[comparison.rawValue][Int(Comparison.exactLevel)]
        guard average > 0 else { return 0 }
        let adjustment = log2(average / Double(frequency))
        return min(max(adjustment, -Self.maxFrequencyAdjustment), Self.maxFrequencyAdjustment)
    }

    /// The term-frequency adjustment for surnames a typing slip apart (`Siddiquue` beside
    /// `Siddique`), from each side's ``likeliestSurnameFrequency(_:)``: the commoner is the name
    /// meant, so its frequency counts, as Splink adjusts a fuzzy level by the more frequent value.
    /// A slip of a rare name is then stronger evidence than a slip of `Smith`, as the same names
    /// written alike are, and two slips of `King` (`Kking`, `Kkng`) count as `King`.
    func slipFrequencyAdjustment(_ comparison: Comparison, _ first: Float, _ second: Float) -> Double {
        frequencyAdjustment(comparison, frequency: max(first, second))
    }

    /// The share of records holding the surname `surname` (folded) most likely stands for: the
    /// commonest spelling one slip away that is far commoner than it (more than
    /// ``PairComparer/slipRarity`` times: `King` beside `Kkng`), or else its own. A spelling no
    /// record of the fitting run held counts as held once.
    func likeliestSurnameFrequency(_ surname: [UInt8]) -> Float {
        likeliestSurnameFrequency(surname, among: surnameFrequency)
    }

    /// The same, looking the spellings one slip away up in `spellings`: the model's frequencies, or
    /// only those far commoner than a spelling held once (``farCommonerSurnames``), which gives the
    /// same answer with fewer, cheaper look-ups.
    func likeliestSurnameFrequency(_ surname: [UInt8], among spellings: [UInt64: Float]) -> Float {
        guard !surname.isEmpty else { return 0 }
        let own = max(surnameFrequency[Hashing.fnv1a(surname)] ?? 0, leastSurnameShare)
        let farCommoner = own * Float(PairComparer.slipRarity)
        var likeliest = own
        Hashing.forEachOneSlip(of: surname) { hash in
            if let share = spellings[hash], share > farCommoner { likeliest = max(likeliest, share) }
        }
        return likeliest
    }

    /// The surnames far commoner than one held once: the only ones a spelling can stand for.
    var farCommonerSurnames: [UInt64: Float] {
        let least = leastSurnameShare * Float(PairComparer.slipRarity)
        return surnameFrequency.filter { $0.value > least }
    }

    /// The share of records holding record `index`'s value of an address part; 0 when it has none.
    func partFrequency(_ part: Comparison, _ table: RecordTable, _ index: Int) -> Float {
        let hash = table.partHash(part, index)
        return hash == 0 ? 0 : partFrequencies[part]?[hash] ?? 0
    }

    /// The match probability for a total log2 weight (prior included).
    package static func probability(weight: Double) -> Double {
        let odds = exp2(weight)
        return odds.isInfinite ? 1 : odds / (1 + odds)
    }

    /// The total log2 weight for a match probability: the inverse of ``probability(weight:)``.
    package static func weight(probability: Double) -> Double {
        log2(probability / (1 - probability))
    }
}

/// Estimates a ``MatchModel``: u by sampling random pairs, then EM on the candidate pairs'
/// comparison patterns (few distinct patterns, so EM runs on counts, not on pairs).
struct ModelEstimator: Sendable {
    var randomPairs: Int
    var maxIterations: Int
    var seed: UInt64

    /// A training session: the candidate pairs that agree on one field (so that field says nothing
    /// there and is left out), over which EM estimates m and the share of matches with u fixed.
    struct Session: Sendable {
        /// The comparison the session's pairs agree on.
        var excluded: Comparison
        /// The level numbers of it that select a pair.
        var levels: [Int]

        /// A session over the pairs at `levels` of `excluded`'s comparison.
        init<Level: ComparisonLevel>(excluded: Comparison, levels: [Level]) {
            self.excluded = excluded
            self.levels = levels.map { Int($0.rawValue) }
        }

        func includes(_ vector: ComparisonVector) -> Bool { levels.contains(vector.level(excluded)) }
    }

    static let sessions: [Session] = [
        Session(excluded: .dateOfBirth, levels: [DateOfBirthLevel.exact]),
        Session(excluded: .surname, levels: [SurnameLevel.exact, .stem, .sharedPart]),
        Session(excluded: .forename, levels: [ForenameLevel.exact, .exactWithMiddleName]),
    ]

    func estimate(table: RecordTable, comparer: PairComparer, patternCounts: [UInt32: Int], candidatePairs: Int)
        -> MatchModel
    {
        let uRandom = sampleU(table, comparer)
        let uAddress = sampleAddressGivenSurname(table, comparer) ?? uRandom[Comparison.address.rawValue]
        let patterns = patternCounts.sorted { $0.key < $1.key }.map {
            (ComparisonVector(packed: $0.key), Double($0.value))
        }
        var sums = Comparison.allCases.map { [Double](repeating: 0, count: $0.levelCount) }
        var sessionsPerComparison = [Int](repeating: 0, count: Comparison.allCases.count)
        var firstSession: (prior: Double, pairs: Double)?
        var iterations = 0
        // The address's parts are absent from every council pair: EM need not visit them.
        let inUse = Comparison.inUse(addressParts: table.addressParts)
        for session in Self.sessions {
            let selected = patterns.filter { session.includes($0.0) }
            let pairs = selected.reduce(0) { $0 + $1.1 }
            guard pairs > 0 else { continue }
            let (m, prior, steps) = runEM(selected, uRandom, uAddress, excluded: session.excluded, inUse: inUse)
            iterations += steps
            if firstSession == nil { firstSession = (prior, pairs) }
            for comparison in Comparison.allCases where comparison != session.excluded {
                sessionsPerComparison[comparison.rawValue] += 1
                for level in 0..<comparison.levelCount {
                    sums[comparison.rawValue][level] += m[comparison.rawValue][level]
                }
            }
        }
        let initial = Self.initialM()
        var m = Comparison.allCases.map { comparison in
            let count = sessionsPerComparison[comparison.rawValue]
            return count == 0 ? initial[comparison.rawValue] : sums[comparison.rawValue].map { $0 / Double(count) }
        }
        for comparison in Self.copiedFields {
            if let identified = Self.identifiedM(comparison, patterns, em: m[comparison.rawValue]) {
                m[comparison.rawValue] = identified
            }
        }
        // The prior: the expected number of matches among all pairs, found by iterating
        // prior → posteriors of the candidate pairs → expected matches ÷ all pairs (pairs never
        // compared count as non-matches), starting from the first session's estimate.
        let records = Double(table.count)
        let allPairs = max(records * (records - 1) / 2, 1)
        let dobAgreement = max(m[Comparison.dateOfBirth.rawValue][Int(DateOfBirthLevel.exact.rawValue)], 0.05)
        let sessionPrior = firstSession?.prior ?? 0.01
        var globalPrior = min(max(sessionPrior * (firstSession?.pairs ?? 0) / dobAgreement / allPairs, 1e-12), 0.5)
        for _ in 0..<50 {
            let matches = expectedMatches(patterns, m, uRandom, uAddress, globalPrior, inUse: inUse)
            let next = min(max(matches / allPairs, 1e-12), 0.5)
            if abs(next - globalPrior) <= globalPrior * 1e-4 {
                globalPrior = next
                break
            }
            globalPrior = next
        }
        var model = MatchModel(
            m: m, u: uRandom, uRandom: uRandom, uAddressGivenSurname: uAddress, candidatePrior: sessionPrior,
            globalPrior: globalPrior,
            iterations: iterations)
        (model.forenameFrequency, model.surnameFrequency) = Self.frequencies(table)
        if table.addressParts { model.partFrequencies = Self.partFrequencies(table) }
        return model
    }

    /// The fields a system copies from its person record onto every record of the child (the
    /// address and the birth date): two records under one person id agree on them because they
    /// are copies, so EM over all candidate pairs learns that one child's records almost never
    /// differ there, and weighs a move or a mistyped birth date between two systems as far
    /// stronger evidence of two children than it is.
    static let copiedFields: [Comparison] = [.address, .dateOfBirth]

    /// How many pairs EM's estimate counts for beside the identified pairs, so that a level no
    /// identified pair reached keeps a small m instead of none.
    static let emPseudoPairs = 200.0

    /// m for `comparison` from the identified pairs typed apart: pairs that share a UPN or an NHS
    /// number, have neither apart, and no person id in common (two systems' records, or one
    /// without an id) are one child, and their fields were typed by different hands, as between
    /// the pairs the model decides. Each level's share among them, with EM's `em` counted as
    /// ``emPseudoPairs`` pairs more; nil when fewer than that many such pairs have the field on
    /// both sides (EM's estimate stands).
    static func identifiedM(_ comparison: Comparison, _ patterns: [(ComparisonVector, Double)], em: [Double])
        -> [Double]?
    {
        var counts = [Double](repeating: 0, count: comparison.levelCount)
        for (vector, count) in patterns where isIdentifiedTypedApart(vector) {
            counts[vector.level(comparison)] += count
        }
        counts[0] = 0
        let identified = counts.reduce(0, +)
        guard identified >= emPseudoPairs else { return nil }
        let emTotal = em.dropFirst().reduce(0, +)
        guard emTotal > 0 else { return nil }
        return counts.indices.map { level in
            level == 0 ? 0 : (counts[level] + emPseudoPairs * em[level] / emTotal) / (identified + emPseudoPairs)
        }
    }

    /// Whether a pair shares a UPN or NHS number, has neither apart, and shares no person id.
    static func isIdentifiedTypedApart(_ vector: ComparisonVector) -> Bool {
        vector.personID == .absent && vector.sharesIdentifier && !vector.holdsIdentifierApart
    }

    /// The expected number of matches among the candidate pairs under `prior`.
    private func expectedMatches(
        _ patterns: [(ComparisonVector, Double)], _ m: [[Double]], _ u: [[Double]], _ uAddress: [Double],
        _ prior: Double, inUse: [Comparison]
    ) -> Double {
        var total = 0.0
        let logOdds = log(prior / (1 - prior))
        for (vector, count) in patterns {
            var weight = logOdds
            for comparison in inUse {
                let level = vector.level(comparison)
                if level == 0 { continue }
                let uLevel =
                    comparison == .address && MatchModel.surnamesAgree(vector)
                    ? uAddress[level] : u[comparison.rawValue][level]
                weight += log(max(m[comparison.rawValue][level], MatchModel.floor)) - log(max(uLevel, MatchModel.floor))
            }
            total += count / (1 + exp(-weight))
        }
        return total
    }

    /// EM for m and the share of matches, with u fixed (from random pairs) and one comparison left
    /// out; only the comparisons `inUse` are visited (the others are absent from every pair).
    private func runEM(
        _ patterns: [(ComparisonVector, Double)], _ u: [[Double]], _ uAddress: [Double], excluded: Comparison,
        inUse: [Comparison]
    ) -> ([[Double]], Double, Int) {
        var m = Self.initialM()
        var prior = 0.1
        let total = patterns.reduce(0) { $0 + $1.1 }
        var iterations = 0
        while iterations < maxIterations {
            iterations += 1
            let (newM, matchWeight) = expectation(patterns, m, u, uAddress, prior, excluded: excluded, inUse: inUse)
            let newPrior = min(max(matchWeight / total, 1e-9), 0.999)
            let change = abs(newPrior - prior) + zip(m.joined(), newM.joined()).reduce(0) { max($0, abs($1.0 - $1.1)) }
            (m, prior) = (newM, newPrior)
            if change < 1e-6 { break }
        }
        return (m, prior, iterations)
    }

    /// One EM step: expected level counts among matches, normalised to m.
    private func expectation(
        _ patterns: [(ComparisonVector, Double)], _ m: [[Double]], _ u: [[Double]], _ uAddress: [Double],
        _ prior: Double, excluded: Comparison, inUse: [Comparison]
    ) -> ([[Double]], Double) {
        var matchCounts = Comparison.allCases.map { [Double](repeating: 0, count: $0.levelCount) }
        var matchWeight = 0.0
        let logPrior = log(prior)
        let logNotPrior = log(1 - prior)
        let used = inUse.filter { $0 != excluded }
        for (vector, count) in patterns {
            var logMatch = logPrior
            var logNonMatch = logNotPrior
            for comparison in used {
                let level = vector.level(comparison)
                if level == 0 { continue }
                logMatch += log(max(m[comparison.rawValue][level], MatchModel.floor))
                let uLevel =
                    comparison == .address && MatchModel.surnamesAgree(vector)
                    ? uAddress[level] : u[comparison.rawValue][level]
                logNonMatch += log(max(uLevel, MatchModel.floor))
            }
            let g = 1 / (1 + exp(logNonMatch - logMatch))
            matchWeight += count * g
            for comparison in used {
                let level = vector.level(comparison)
                if level == 0 { continue }
                matchCounts[comparison.rawValue][level] += count * g
            }
        }
        var result = Self.normalise(matchCounts)
        result[excluded.rawValue] = m[excluded.rawValue]
        return (result, matchWeight)
    }

    /// Level shares over the non-absent levels, with a small pseudo-count so no level is impossible.
    static func normalise(_ counts: [[Double]]) -> [[Double]] {
        counts.map { levels in
            let pseudo = 0.01
            let total = levels.dropFirst().reduce(0, +) + pseudo * Double(levels.count - 1)
            return levels.enumerated().map { level, count in level == 0 ? 0 : (count + pseudo) / total }
        }
    }

    /// u from random record pairs (deterministic SplitMix64 stream).
    private func sampleU(_ table: RecordTable, _ comparer: PairComparer) -> [[Double]] {
        var counts = Comparison.allCases.map { [Double](repeating: 0, count: $0.levelCount) }
        let n = table.count
        guard n > 1 else { return Self.normalise(counts) }
        var generator = SplitMix64(seed: seed)
        let samples = min(randomPairs, n * (n - 1) / 2)
        table.text.withUnsafeBufferPointer { text in
            for _ in 0..<samples {
                let i = Int(generator.next() % UInt64(n))
                var j = Int(generator.next() % UInt64(n - 1))
                if j >= i { j += 1 }
                let vector = comparer.compare(i, j, text)
                for comparison in Comparison.allCases {
                    counts[comparison.rawValue][vector.level(comparison)] += 1
                }
            }
        }
        return Self.normalise(counts)
    }

    /// u of the address among random pairs of records with the same surname stem, or `nil` when
    /// too few records share a surname to say.
    private func sampleAddressGivenSurname(_ table: RecordTable, _ comparer: PairComparer) -> [Double]? {
        var bySurname: [UInt64: [Int32]] = [:]
        for i in 0..<table.count where table.surnameStem[i].length > 0 {
            bySurname[Hashing.fnv1a(table.slice(table.surnameStem[i])), default: []].append(Int32(i))
        }
        let groups = bySurname.values.filter { $0.count > 1 }.sorted { $0[0] < $1[0] }
        let eligible = groups.reduce(0) { $0 + $1.count }
        guard eligible >= 20 else { return nil }
        var starts: [Int] = []
        var running = 0
        for group in groups {
            starts.append(running)
            running += group.count
        }
        var generator = SplitMix64(seed: seed ^ 0x5A5A)
        var counts = [Double](repeating: 0, count: Comparison.address.levelCount)
        let samples = min(randomPairs / 2, eligible * 20)
        table.text.withUnsafeBufferPointer { text in
            for _ in 0..<samples {
                let position = Int(generator.next() % UInt64(eligible))
                var low = 0
                var high = starts.count - 1
                while low < high {
                    let mid = (low + high + 1) / 2
                    if starts[mid] <= position { low = mid } else { high = mid - 1 }
                }
                let group = groups[low]
                let i = Int(group[position - starts[low]])
                var k = Int(generator.next() % UInt64(group.count - 1))
                if Int(group[k]) == i || k >= position - starts[low] { k += 1 }
                let j = Int(group[min(k, group.count - 1)])
                guard i != j else { continue }
                // Only pairs that are plainly two people (different forenames and birth dates): the
                // same child's own records would make a shared address look ordinary.
                let (a, b) = (min(i, j), max(i, j))
                guard comparer.forename(a, b, text) == .different, comparer.dateOfBirth(a, b).isPlainlyDifferent
                else {
                    continue
                }
                counts[Int(comparer.address(a, b).rawValue)] += 1
            }
        }
        return Self.normalise([counts])[0]
    }

    /// Starting m values: what a same-child pair usually looks like.
    static func initialM() -> [[Double]] {
        let starts: [Comparison: [Double]] = [
            .forename: [0, 0.70, 0.04, 0.05, 0.03, 0.02, 0.01, 0.03, 0.01, 0.02, 0.10],
            .surname: [0, 0.82, 0.03, 0.05, 0.03, 0.01, 0.03, 0.03],
            .dateOfBirth: [0, 0.90, 0.02, 0.02, 0.01, 0.02, 0.01, 0.02],
            .address: [0, 0.50, 0.20, 0.05, 0.05, 0.20],
            .gender: [0, 0.97, 0.03],
            .upn: [0, 0.90, 0.02, 0.07, 0.01],
            .nhsNumber: [0, 0.97, 0.02, 0.01],
            .personID: [0, 0.90, 0.06, 0.03, 0.01],
            .streetNumber: [0, 0.95, 0.05],
            .addressLine2: [0, 0.90, 0.05, 0.05],
            .town: [0, 0.90, 0.05, 0.05],
            .region: [0, 0.97, 0.03],
        ]
        return Comparison.allCases.map { starts[$0]! }
    }

    /// The share of records with each value of each address part, among the records that have one.
    static func partFrequencies(_ table: RecordTable) -> [Comparison: [UInt64: Float]] {
        var result: [Comparison: [UInt64: Float]] = [:]
        for part in Comparison.allCases where part.isAddressPart {
            var counts: [UInt64: Int] = [:]
            var total = 0
            for index in 0..<table.count {
                let hash = table.partHash(part, index)
                guard hash != 0 else { continue }
                counts[hash, default: 0] += 1
                total += 1
            }
            result[part] = counts.mapValues { Float($0) / Float(max(total, 1)) }
        }
        return result
    }

    /// The share of records with each forename and surname.
    static func frequencies(_ table: RecordTable) -> ([UInt64: Float], [UInt64: Float]) {
        var forenames: [UInt64: Int] = [:]
        var surnames: [UInt64: Int] = [:]
        var forenameTotal = 0
        var surnameTotal = 0
        for i in 0..<table.count {
            if table.forenameHash[i] != 0 {
                forenames[table.forenameHash[i], default: 0] += 1
                forenameTotal += 1
            }
            if table.surnameHash[i] != 0 {
                surnames[table.surnameHash[i], default: 0] += 1
                surnameTotal += 1
            }
        }
        let f = forenames.mapValues { Float($0) / Float(max(forenameTotal, 1)) }
        let s = surnames.mapValues { Float($0) / Float(max(surnameTotal, 1)) }
        return (f, s)
    }
}

import ChildLinkModel

/// What a value's frequency adds to a comparison's Bayes factor: the one place that says which
/// levels are adjusted and by what, read by the linker's scores and by every explanation.
///
/// - An exact forename or surname: by the name's own frequency (a common name gains less than
///   average, a rare one more; ``MatchModel/frequencyAdjustment(_:frequency:)``).
/// - Surnames a typing slip apart: by the likeliest name meant
///   (``MatchModel/slipFrequencyAdjustment(_:_:_:)``).
/// - A forename that is a form, a slip or an initial of the other, the first middle name in
///   common: what that middle name adds (``MatchModel/middleNameInCommonBits``).
/// - An address part that agrees exactly (generic mode): by the part's frequency.
///
/// The per-record values are worked out once per record, for every record of a run
/// (``init(model:table:)``) or only for the two an explanation reads
/// (``init(model:table:records:)``); the methods name records by their slot among those.
struct FrequencyAdjustments: Sendable {
    private let model: MatchModel
    /// Per slot: the exact forename's and the exact surname's adjustment.
    private let forenameBits: [Double]
    private let surnameBits: [Double]
    /// The share of the surname each slot's spelling most likely stands for, read only for
    /// surnames a slip apart.
    private let likeliestSurname: LikeliestSurname
    /// The address parts compared (generic mode), and each one's exact adjustment per slot.
    private let parts: [Comparison]
    private let partBits: [[Double]]
    /// Per forename level (by number): whether the name's frequency adjusts it, and whether a
    /// first middle name in common adds to it.
    private let forenameExact: [Bool]
    private let middleNameWeighed: [Bool]

    /// Worked out once per spelling for every record of a run, or only when an explanation's two
    /// surnames are a slip apart (each of its spellings' one-slip neighbours looked up then).
    private enum LikeliestSurname {
        case perSlot([Float])
        case onDemand(surnames: [[UInt8]])
    }

    /// The adjustments of every record of `table`: slot `i` is record `i`.
    init(model: MatchModel, table: RecordTable) {
        self.init(
            model: model, table: table, records: Array(0..<table.count),
            likeliestSurname: .perSlot(Self.likeliestSurnameFrequencies(table, model)))
    }

    /// The adjustments of `records` only (an explanation's two): slot `k` is `records[k]`.
    init(model: MatchModel, table: RecordTable, records: [Int]) {
        self.init(
            model: model, table: table, records: records,
            likeliestSurname: .onDemand(surnames: records.map { Array(table.slice(table.surname[$0])) }))
    }

    private init(model: MatchModel, table: RecordTable, records: [Int], likeliestSurname: LikeliestSurname) {
        self.model = model
        forenameBits = records.map {
            model.frequencyAdjustment(.forename, frequency: model.forenameFrequency[table.forenameHash[$0]] ?? 0)
        }
        surnameBits = records.map {
            model.frequencyAdjustment(.surname, frequency: model.surnameFrequency[table.surnameHash[$0]] ?? 0)
        }
        self.likeliestSurname = likeliestSurname
        parts = table.addressParts ? Comparison.allCases.filter(\.isAddressPart) : []
        partBits = parts.map { part in
            records.map { model.frequencyAdjustment(part, frequency: model.partFrequency(part, table, $0)) }
        }
        let forenameLevels = (0...Comparison.forename.bitMask).map { ForenameLevel(rawValue: UInt8($0)) }
        forenameExact = forenameLevels.map { $0?.isExact ?? false }
        middleNameWeighed = forenameLevels.map { $0?.weighsMiddleNameInCommon ?? false }
    }

    /// What the forename's level adds for the pair whose first record is in slot `first`, and
    /// whether that is a first middle name in common (`sameFirstMiddleName` is asked only at a
    /// level that weighs one).
    @inline(__always)
    func forename(level: Int, _ first: Int, sameFirstMiddleName: () -> Bool) -> (bits: Double, sameMiddleName: Bool) {
        if forenameExact[level] { return (forenameBits[first], false) }
        if middleNameWeighed[level], sameFirstMiddleName() { return (model.middleNameInCommonBits, true) }
        return (0, false)
    }

    /// What the surname's level adds for the records in slots `first` and `second`.
    @inline(__always)
    func surname(level: Int, _ first: Int, _ second: Int) -> Double {
        switch level {
        case Int(SurnameLevel.exact.rawValue): surnameBits[first]
        case Int(SurnameLevel.close.rawValue):
            model.slipFrequencyAdjustment(.surname, likeliestSurname(first), likeliestSurname(second))
        default: 0
        }
    }

    /// ``MatchModel/likeliestSurnameFrequency(_:)`` of the surname in `slot`.
    @inline(__always)
    private func likeliestSurname(_ slot: Int) -> Float {
        switch likeliestSurname {
        case .perSlot(let shares): shares[slot]
        case .onDemand(let surnames): model.likeliestSurnameFrequency(surnames[slot])
        }
    }

    /// What the level of ``parts``[`part`] adds for the pair whose first record is in slot `first`.
    @inline(__always)
    func part(_ part: Int, level: Int, _ first: Int) -> Double {
        level == Int(Comparison.exactLevel) ? partBits[part][first] : 0
    }

    /// `weight` (a pattern's, ``MatchModel/patternWeight(_:)``) with everything the pair's levels
    /// add (`packed`, a ``ComparisonVector``'s bits), for the records in slots `first` and
    /// `second`, added in the order an explanation lists them.
    @inline(__always)
    func adding(to weight: Double, _ packed: UInt32, _ first: Int, _ second: Int, sameFirstMiddleName: () -> Bool)
        -> Double
    {
        var total =
            weight
            + forename(level: Self.level(.forename, packed), first, sameFirstMiddleName: sameFirstMiddleName).bits
        total += surname(level: Self.level(.surname, packed), first, second)
        for index in parts.indices {
            total += part(index, level: Self.level(parts[index], packed), first)
        }
        return total
    }

    /// What one comparison's level adds, and whether that is a first middle name in common (for
    /// an explanation).
    func bits(_ comparison: Comparison, level: Int, _ first: Int, _ second: Int, sameFirstMiddleName: () -> Bool)
        -> (bits: Double, sameMiddleName: Bool)
    {
        switch comparison {
        case .forename: return forename(level: level, first, sameFirstMiddleName: sameFirstMiddleName)
        case .surname: return (surname(level: level, first, second), false)
        default:
            guard let index = parts.firstIndex(of: comparison) else { return (0, false) }
            return (part(index, level: level, first), false)
        }
    }

    @inline(__always) private static func level(_ comparison: Comparison, _ packed: UInt32) -> Int {
        Int((packed >> comparison.bitOffset) & comparison.bitMask)
    }

    /// Each record's ``MatchModel/likeliestSurnameFrequency(_:)``, worked out once per spelling on
    /// every core, among the far commoner surnames only (the same answer, fewer look-ups).
    private static func likeliestSurnameFrequencies(_ table: RecordTable, _ model: MatchModel) -> [Float] {
        var recordOfSpelling: [UInt64: Int] = [:]
        for (index, hash) in table.surnameHash.enumerated() where hash != 0 && recordOfSpelling[hash] == nil {
            recordOfSpelling[hash] = index
        }
        let spellings = Array(recordOfSpelling)
        let candidates = model.farCommonerSurnames
        let likeliest = ParallelChunks.compactMap(spellings.count) { index in
            model.likeliestSurnameFrequency(
                Array(table.slice(table.surname[spellings[index].value])), among: candidates)
        }
        var bySpelling: [UInt64: Float] = [:]
        for (spelling, frequency) in zip(spellings, likeliest) { bySpelling[spelling.key] = frequency }
        return table.surnameHash.map { bySpelling[$0] ?? 0 }
    }
}

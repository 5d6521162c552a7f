package import ChildLinkModel

/// Everything a fitted ``MatchModel`` needs to explain a pair again later, without re-linking:
/// m and u per comparison level, the priors, the term-frequency tables, and how many records had
/// a forename (so the twin guard's "well-attested name" test sees the run's counts).
///
/// The store keeps one per run; ``StoredMatchModel`` turns it back into explanations.
package struct MatchModelParameters: Sendable, Hashable, Codable {
    /// The number of levels of each comparison, in ``Comparison`` order, when the model was fitted:
    /// a model stored by a version with other levels is refused rather than misread.
    package var levelCounts: [Int]
    /// P(level | same child), `[comparison][level]`.
    package var m: [[Double]]
    /// P(level | different children), `[comparison][level]`.
    package var u: [[Double]]
    /// P(level | random pair), `[comparison][level]`.
    package var uRandom: [[Double]]
    /// P(address level | different children who share a surname).
    package var uAddressGivenSurname: [Double]
    /// The share of matches among candidate pairs with the same date of birth.
    package var candidatePrior: Double
    /// The prior over all record pairs.
    package var globalPrior: Double
    /// The EM iterations run.
    package var iterations: Int
    /// Share of records with each folded forename, by hash.
    package var forenameFrequency: [UInt64: Float]
    /// Share of records with each folded surname, by hash.
    package var surnameFrequency: [UInt64: Float]
    /// Records of the run with a forename.
    package var forenameTotal: Int
    /// The identifiers the run read as placeholders (``PlaceholderIdentifiers``), when it found
    /// any: a pair explained later reads them as none too.
    package var placeholderIdentifiers: PlaceholderIdentifiers?

    /// The level counts of this version's comparisons.
    package static var currentLevelCounts: [Int] { Comparison.allCases.map(\.levelCount) }
}

extension LinkResult {
    /// The fitted model's parameters, to store with the run.
    package var modelParameters: MatchModelParameters {
        MatchModelParameters(
            levelCounts: MatchModelParameters.currentLevelCounts, m: model.m, u: model.u, uRandom: model.uRandom,
            uAddressGivenSurname: model.uAddressGivenSurname, candidatePrior: model.candidatePrior,
            globalPrior: model.globalPrior, iterations: model.iterations, forenameFrequency: model.forenameFrequency,
            surnameFrequency: model.surnameFrequency, forenameTotal: table.forenameHash.count(where: { $0 != 0 }),
            placeholderIdentifiers: summary.placeholderIdentifiers.isEmpty ? nil : summary.placeholderIdentifiers)
    }
}

/// A model read back from the store: explains any two records as the run that fitted it would have.
package struct StoredMatchModel: Sendable {
    /// The model.
    package let model: MatchModel
    /// Records of the fitting run with a forename.
    package let forenameTotal: Int
    /// How many records of the fitting run held each forename, by hash: the counts the twin guard
    /// and the slip-of-a-form reading ask of a spelling (the run counted children; the stored
    /// frequencies count records, which for a name's size is near enough).
    private let recordsByForename: [UInt64: UInt32]
    /// The fitting run's surname shares as records, as ``recordsByForename``.
    private let recordsBySurname: [UInt64: UInt32]
    /// The identifiers the fitting run read as none.
    package let placeholders: PlaceholderIdentifiers

    /// Rebuilds the model; `nil` when the parameters do not fit this version's comparisons.
    package init?(_ parameters: MatchModelParameters) {
        let counts = MatchModelParameters.currentLevelCounts
        guard parameters.levelCounts == counts,
            [parameters.m, parameters.u, parameters.uRandom].allSatisfy({
                $0.map(\.count) == counts
            }), parameters.uAddressGivenSurname.count == Comparison.address.levelCount
        else { return nil }
        var model = MatchModel(
            m: parameters.m, u: parameters.u, uRandom: parameters.uRandom,
            uAddressGivenSurname: parameters.uAddressGivenSurname, candidatePrior: parameters.candidatePrior,
            globalPrior: parameters.globalPrior, iterations: parameters.iterations)
        model.forenameFrequency = parameters.forenameFrequency
        model.surnameFrequency = parameters.surnameFrequency
        self.model = model
        forenameTotal = parameters.forenameTotal
        let total = Double(parameters.forenameTotal)
        recordsByForename = parameters.forenameFrequency.mapValues { UInt32((Double($0) * total).rounded()) }
        recordsBySurname = parameters.surnameFrequency.mapValues { UInt32((Double($0) * total).rounded()) }
        placeholders = parameters.placeholderIdentifiers ?? PlaceholderIdentifiers()
    }

    /// The waterfall of a pair: the same weights and twin guard as the fitting run's explanation.
    package func explain(_ first: SourceRecord, _ second: SourceRecord) -> PairExplanation {
        var table = RecordTable([first, second])
        table.recount(recordsByForename, surnames: recordsBySurname)
        table.clear(placeholders)
        return Explainer(model: model, table: table).explain(first, second, 0, 1)
    }
}

package import ChildLinkModel

/// What one comparison contributed to a pair's match weight.
package struct ComparisonContribution: Sendable, Hashable {
    /// The comparison.
    package let comparison: Comparison
    /// The level reached (0 = absent).
    package let level: Int
    /// The level's name, e.g. `day and month transposed`, or `variant or nickname, with the same
    /// middle name`.
    package var levelName: String {
        comparison.levelNames[level] + (sameMiddleName ? ", with the same middle name" : "")
    }
    /// The first record's value as recorded (for display).
    package let firstValue: String
    /// The second record's value as recorded.
    package let secondValue: String
    /// log2(m/u) of the level, in bits.
    package let bayesFactorBits: Double
    /// The adjustment in bits: a name's frequency (exact names), the likeliest name's (a surname
    /// slip), or a first middle name in common (a forename that is a form, a slip or an initial of
    /// the other: ``ForenameLevel/weighsMiddleNameInCommon``).
    package let frequencyAdjustmentBits: Double
    /// Whether the forename's adjustment is a first middle name in common.
    package var sameMiddleName = false
    /// The total contribution in bits.
    package var bits: Double { bayesFactorBits + frequencyAdjustmentBits }
}

/// The waterfall behind a pair's match probability: prior, then each comparison's contribution.
package struct PairExplanation: Sendable, Hashable {
    /// The first record.
    package let first: RecordKey
    /// The second record.
    package let second: RecordKey
    /// The prior log2 odds of a candidate pair being the same child.
    package let priorBits: Double
    /// One entry per comparison, in ``Comparison`` order.
    package let contributions: [ComparisonContribution]
    /// Why the pair looks like twins (a guard that stops it being linked), or `nil`.
    package let twinReason: TwinReason?
    /// Whether the pair looks like twins (a guard that stops it being linked).
    package var looksLikeTwins: Bool { twinReason != nil }
    /// Why the pair's own records say they are two children (a guard that stops it being
    /// linked), or `nil`: two person ids of one system with birth dates more than a slip apart, or
    /// a slip apart at different addresses.
    package var twoChildrenReason: String? = nil
    /// Why a pair at or above the link threshold is left for a person to decide, or `nil`.
    package var reviewReason: ReviewReason? = nil
    /// Why a pair below the link threshold is linked all the same, or `nil`: it shares an
    /// identifier, or differs only in the form of its forename, and its probability is at least
    /// the rule's (see ``LinkRule``).
    package var linkRule: LinkRule? = nil

    /// The total weight in bits.
    package var weight: Double { priorBits + contributions.reduce(0) { $0 + $1.bits } }
    /// Whether the pair on its own is linked at `threshold`: at or above it, or by ``linkRule``
    /// below it, and not when it looks like twins.
    package func isLinked(at threshold: Double) -> Bool {
        !looksLikeTwins && (probability >= threshold || linkRule != nil)
    }
    /// The match probability.
    package var probability: Double { MatchModel.probability(weight: weight) }

    /// A plain-text waterfall, one line per comparison, for a terminal or a review sheet.
    package var text: String {
        var lines = ["\(first) ↔ \(second)", "  prior                    \(Self.bits(priorBits))"]
        for item in contributions {
            let label = item.comparison.title.padding(to: 24)
            let values = item.level == 0 ? "(absent)" : "\(item.firstValue) | \(item.secondValue)"
            lines.append("  \(label) \(Self.bits(item.bits))  \(item.levelName): \(values)")
        }
        lines.append("  total                    \(Self.bits(weight))  probability \(Self.decimal(probability, 4))")
        if let twinReason {
            lines.append("  guard: looks like twins (\(twinReason.rawValue))")
        }
        if let twoChildrenReason {
            lines.append("  guard: two children (\(twoChildrenReason))")
        }
        if let reviewReason {
            lines.append("  guard: for review (\(reviewReason.rawValue))")
        }
        if let linkRule {
            let from = linkRule.probability > 0 ? "from probability \(linkRule.probability)" : "at any probability"
            lines.append("  rule: linked \(from) (\(linkRule.reason))")
        }
        return lines.joined(separator: "\n")
    }

    static func bits(_ value: Double) -> String {
        (value >= 0 ? "+" : "") + decimal(value, 2)
    }

    /// Fixed-point formatting without Foundation (also used by the CSV writers: fast and exact).
    package static func decimal(_ value: Double, _ places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 1e15 else { return value < 0 ? "-inf" : "inf" }
        let whole = Int(scaled) / Int(scale)
        let fraction = Int(scaled) % Int(scale)
        var fractionText = String(fraction)
        while fractionText.count < places { fractionText = "0" + fractionText }
        let sign = value < 0 && scaled > 0 ? "-" : ""
        return places == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fractionText)"
    }
}

extension String {
    fileprivate func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}

extension MatchModel {
    /// Explains any two records under this model, whether or not they were in the run that
    /// estimated it (the footprint and review commands use this).
    package func explain(_ first: SourceRecord, _ second: SourceRecord) -> PairExplanation {
        let table = RecordTable([first, second])
        return Explainer(model: self, table: table).explain(first, second, 0, 1)
    }

    /// The weight in bits of a comparison pattern: the prior and every comparison's Bayes factor,
    /// before the names' frequency adjustments (which depend on the pair's names, not its levels).
    func patternWeight(_ vector: ComparisonVector) -> Double {
        var total = priorLogOdds
        for comparison in Comparison.allCases {
            total += logBayesFactor(comparison, in: vector)
        }
        return total
    }
}

/// Builds explanations from a record table and a model.
struct Explainer {
    let model: MatchModel
    let table: RecordTable

    func explain(_ a: SourceRecord, _ b: SourceRecord, _ i: Int, _ j: Int) -> PairExplanation {
        let comparer = PairComparer(table: table)
        let vector = comparer.compare(i, j)
        let adjustments = FrequencyAdjustments(model: model, table: table, records: [i, j])
        let contributions = Comparison.inUse(addressParts: table.addressParts).map { comparison in
            let level = vector.level(comparison)
            let (adjustment, sameMiddleName) = adjustments.bits(comparison, level: level, 0, 1) {
                comparer.sameFirstMiddleName(i, j)
            }
            return ComparisonContribution(
                comparison: comparison, level: level, firstValue: Self.display(comparison, a),
                secondValue: Self.display(comparison, b),
                bayesFactorBits: model.logBayesFactor(comparison, in: vector), frequencyAdjustmentBits: adjustment,
                sameMiddleName: sameMiddleName)
        }
        let twinReason = comparer.twinReason(i, j, vector) ?? initialReason(i, j, vector, comparer)
        let twoChildrenReason = Self.twoChildrenReason(i, j, vector, comparer)
        var explanation = PairExplanation(
            first: a.key, second: b.key, priorBits: model.priorLogOdds, contributions: contributions,
            twinReason: twinReason, twoChildrenReason: twoChildrenReason,
            reviewReason: comparer.reviewReason(vector))
        if twinReason == nil, twoChildrenReason == nil {
            explanation.linkRule = comparer.linkRule(i, j, vector, weight: explanation.weight)
        }
        return explanation
    }

    /// Why the pair's own records are two children in the eyes of the system holding both, in words.
    static func twoChildrenReason(_ i: Int, _ j: Int, _ vector: ComparisonVector, _ comparer: PairComparer)
        -> String?
    {
        if comparer.twoChildrenInOneSystem(vector) {
            return "different person ids in one system, birth dates more than a slip apart"
        }
        if comparer.registeredTwiceAtTwoAddresses(i, j, vector) {
            return "different person ids in one system, birth dates a slip apart, different addresses"
        }
        return nil
    }

    /// The clustering guard on a forename initial that fits both twins, for a pair that is not
    /// twins by itself (only with the result's whole table: a pair alone has no twin to find).
    private func initialReason(_ i: Int, _ j: Int, _ vector: ComparisonVector, _ comparer: PairComparer)
        -> TwinReason?
    {
        guard table.count > 2 else { return nil }
        return comparer.initialFitsTwins(i, j, vector) ? .initialFitsBothTwins : nil
    }

    /// The value as the record holds it, for a person to read.
    static func display(_ comparison: Comparison, _ record: SourceRecord) -> String {
        let person = record.person
        switch comparison {
        case .forename:
            return [person.forename, person.middleNames.map { "(\($0))" }, person.preferredName.map { "[\($0)]" }]
                .compactMap { $0 }.joined(separator: " ")
        case .surname:
            return [person.surname, person.formerSurname.map { "(formerly \($0))" }].compactMap { $0 }
                .joined(separator: " ")
        case .dateOfBirth: return person.dateOfBirth?.uk ?? ""
        case .address: return [person.postcode?.value, person.addressLine1].compactMap { $0 }.joined(separator: ", ")
        case .gender: return person.gender?.rawValue ?? ""
        case .upn:
            return [person.upn?.value, person.formerUPN.map { "(former \($0.value))" }].compactMap { $0 }
                .joined(separator: " ")
        case .nhsNumber: return person.nhsNumber?.formatted ?? ""
        case .personID:
            return person.personID.map {
                "\(RecordTable.personSystem(record.dataset) == 1 ? "LCS" : "Education"):\($0)"
            } ?? ""
        case .streetNumber: return person.streetNumber ?? ""
        case .addressLine2: return person.addressLine2 ?? ""
        case .town: return person.town ?? ""
        case .region: return person.region ?? ""
        }
    }
}

import ChildLinkModel

/// Generates the borough household by household and hands every record, as written, to a sink.
///
/// Each household draws from its own random stream (seed + household number), and identifiers are
/// handed out in household order, so a seed always gives the same records in the same order.
struct SampleGenerator {
    let configuration: SampleConfiguration

    /// What a run produced.
    struct Totals {
        var children = 0
        var households = 0
        var records: [Dataset: Int] = [:]
        var allRecords: Int { records.values.reduce(0, +) }
    }

    /// Runs the generation, sending each record to `sink`; returns the counts.
    /// - Throws: whatever the sink throws.
    func run(into sink: inout some SampleSink) throws -> Totals {
        let households = HouseholdBuilder(endDate: configuration.endDate)
        let events = EventGenerator(endDate: configuration.endDate)
        let noise = NoiseModel(factor: configuration.noise.factor)
        var ids = IdentifierFactory()
        var counters = RecordCounters()
        var totals = Totals()
        var household = 0
        while !isFinished(totals) {
            household += 1
            var random = SampleRandom(seed: configuration.seed, stream: UInt64(household))
            var children = households.build(
                household: household, firstChildID: totals.children + 1, random: &random, ids: &ids)
            if configuration.targetRecords == nil, totals.children + children.count > configuration.children {
                children.removeLast(totals.children + children.count - configuration.children)
            }
            sink.accept(household: children)
            let drafts = events.events(for: children, random: &random, ids: &ids)
            var duplicateIDs: [Int: String] = [:]
            for draft in drafts {
                let child = children[draft.childIndex]
                let copies = random.chance(duplicateRate(draft.dataset)) ? 2 : 1
                for copy in 0..<copies {
                    let personID = personID(
                        child, draft: draft, isCopy: copy == 1, duplicates: &duplicateIDs, random: &random,
                        ids: &ids)
                    let row = SampleRow(
                        dataset: draft.dataset, trueChildID: child.id, inXML: random.chance(configuration.xmlShare),
                        fields: noise.personFields(
                            child, dataset: draft.dataset, personID: personID, date: draft.date, random: &random)
                            + [counters.next(draft.dataset)] + draft.fields)
                    try sink.accept(row)
                    totals.records[draft.dataset, default: 0] += 1
                }
            }
            totals.children += children.count
            totals.households += 1
        }
        return totals
    }

    private func isFinished(_ totals: Totals) -> Bool {
        if let target = configuration.targetRecords { return totals.allRecords >= target }
        return totals.children >= configuration.children
    }

    /// How often a record is entered twice (the same child again, under a new person id).
    private func duplicateRate(_ dataset: Dataset) -> Double {
        let base: Double =
            switch dataset {
            case .missing: 0.003
            case .cme: 0.012
            case .ehe: 0.01
            default: 0.003
            }
        return min(0.5, base * configuration.noise.factor)
    }

    /// The system's person id for the child: usually their own; a second one when the child was
    /// registered twice in that system.
    private func personID(
        _ child: SampleChild, draft: EventDraft, isCopy: Bool, duplicates: inout [Int: String],
        random: inout SampleRandom, ids: inout IdentifierFactory
    ) -> String {
        let key = draft.childIndex * 2 + (draft.dataset == .missing ? 0 : 1)
        if duplicates[key] == nil, isCopy || random.chance(min(0.5, 0.004 * configuration.noise.factor)) {
            duplicates[key] = draft.dataset == .missing ? ids.lcsID(random: &random) : ids.educationID(random: &random)
        }
        if let duplicate = duplicates[key], isCopy || random.chance(0.5) { return duplicate }
        return draft.dataset == .missing ? child.lcsID : child.educationID
    }
}

/// Record ids per dataset: `E0000001` episodes, `CME000001` referrals, `EHE000001`, `EX0000001`.
struct RecordCounters {
    private var counts: [Int] = [0, 0, 0, 0]

    mutating func next(_ dataset: Dataset) -> String {
        let slot = SampleLayout.datasets.firstIndex(of: dataset)!
        counts[slot] += 1
        let number = counts[slot]
        switch dataset {
        case .missing: return "E" + IdentifierFactory.digits(number, 7)
        case .cme: return "CME" + IdentifierFactory.digits(number, 6)
        case .ehe: return "EHE" + IdentifierFactory.digits(number, 6)
        default: return "EX" + IdentifierFactory.digits(number, 7)
        }
    }
}

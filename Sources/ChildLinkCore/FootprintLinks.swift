import ChildLinkMatching
import ChildLinkModel
import ChildLinkReports

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

package import ChildLinkModel
import Foundation
import GRDB

/// The uncertain record pairs between two children, as one entry of the review list.
package struct ReviewChildPair: Hashable, Sendable {
    /// The child with the smaller ChildLink id (as the latest run left it).
    package let childA: ChildLinkID
    /// The other child.
    package let childB: ChildLinkID
    /// The record pairs behind the entry, most probable first (ties by keys); never empty.
    package let pairs: [ReviewPair]
    /// The latest decision recorded between a record of one child and a record of the other, if any.
    package let decision: PairVerdict?

    /// The most probable record pair: the one whose explanation the list shows.
    package var strongest: ReviewPair { pairs[0] }
    /// The lowest and highest probability of the record pairs.
    package var probabilityRange: ClosedRange<Double> {
        pairs.map(\.probability).min()!...pairs[0].probability
    }
}

/// What a decision on a pair of children recorded.
package struct ChildPairDecision: Hashable, Sendable {
    /// The child with the smaller id.
    package let childA: ChildLinkID
    /// The other child.
    package let childB: ChildLinkID
    /// Must-link (accept) or cannot-link (reject).
    package let kind: PairVerdict
    /// The record-pair decisions written: one must-link for an accept; a cannot-link between every
    /// record of one child and every record of the other for a reject.
    package let recordDecisions: [ReviewDecision]
    /// The decision's short id, as `review history` lists it.
    package let decisionID: DecisionID
}

extension ChildLinkStore {
    /// The latest run's uncertain pairs grouped by the pair of children their records now belong to:
    /// one entry per pair of children, the most probable first (ties by ids).
    ///
    /// Pairs whose records are now one child, or not assigned to any child, are left out.
    ///
    /// - Parameter undecidedOnly: Leave out pairs of children with a decision between them.
    /// - Throws: ``StoreError``.
    package func reviewChildPairs(undecidedOnly: Bool = false) throws -> [ReviewChildPair] {
        try reviewChildPairs(try reviewPairs(), assignment: try latestAssignment(), undecidedOnly: undecidedOnly)
    }

    /// ``reviewChildPairs(undecidedOnly:)`` from the review pairs and latest assignment already read
    /// (``reviewPairs(undecidedOnly:)`` with every pair, ``latestAssignment()``).
    ///
    /// - Throws: ``StoreError``.
    package func reviewChildPairs(
        _ pairs: [ReviewPair], assignment children: [RecordKey: ChildLinkID], undecidedOnly: Bool
    ) throws -> [ReviewChildPair] {
        let decided = try latestDecisionsBetweenChildren(children)
        var grouped: [ChildPairKey: [ReviewPair]] = [:]
        for pair in pairs {
            guard let a = children[pair.recordA], let b = children[pair.recordB], a != b else { continue }
            grouped[ChildPairKey(a, b), default: []].append(pair)
        }
        return grouped.map { key, pairs in
            ReviewChildPair(childA: key.a, childB: key.b, pairs: pairs, decision: decided[key])
        }
        .filter { !undecidedOnly || $0.decision == nil }
        .sorted {
            ($1.strongest.probability, $0.childA, $0.childB) < ($0.strongest.probability, $1.childA, $1.childB)
        }
    }

    /// Records a reviewer's decision on two children, as record-pair decisions every later run respects:
    /// `accept` is one must-link (on their most probable review pair, or their smallest records),
    /// which joins the two; `reject` is a cannot-link between every record of one and every record
    /// of the other, so no record of one is ever joined to the other.
    ///
    /// - Throws: ``StoreError/unknownChild(_:)`` when an id has no records in the latest assignment,
    ///   ``StoreError/sameChild(_:)`` when both ids are one child, or ``StoreError``.
    @discardableResult
    package func decide(
        children first: ChildLinkID, _ second: ChildLinkID, _ kind: PairVerdict, note: String = "",
        overridden: String = ""
    )
        throws -> ChildPairDecision
    {
        let key = ChildPairKey(try survivingID(of: first), try survivingID(of: second))
        guard key.a != key.b else { throw StoreError.sameChild(key.a.description) }
        let assignment = try latestAssignment()
        let recordsOfA = try records(of: key.a, in: assignment)
        let recordsOfB = try records(of: key.b, in: assignment)
        let label = "child pair \(key.a) \(key.b)" + (note.isEmpty ? "" : ": \(note)")
        let at = clock()
        let decisions: [ReviewDecision]
        switch kind {
        case .mustLink:
            let (inA, inB) = (Set(recordsOfA), Set(recordsOfB))
            let strongest = try reviewPairs().first {
                (inA.contains($0.recordA) && inB.contains($0.recordB))
                    || (inA.contains($0.recordB) && inB.contains($0.recordA))
            }
            let (a, b) = strongest.map { ($0.recordA, $0.recordB) } ?? (recordsOfA[0], recordsOfB[0])
            decisions = [ReviewDecision(a, b, kind: .mustLink, decidedBy: user, decidedAt: at, note: label)]
        case .cannotLink:
            decisions = recordsOfA.flatMap { a in
                recordsOfB.map { ReviewDecision(a, $0, kind: .cannotLink, decidedBy: user, decidedAt: at, note: label) }
            }
        }
        let new = NewReviewDecision(
            kind: kind, subjectA: key.a.description, subjectB: key.b.description,
            pairs: decisions.map { RecordPairKey($0.recordA, $0.recordB) }, note: note, overridden: overridden)
        let id = try write { db in try Self.insert(new, pairNote: label, at: at, by: user, db) }
        return ChildPairDecision(
            childA: key.a, childB: key.b, kind: kind, recordDecisions: decisions, decisionID: id)
    }

    /// The records `assignment` (the latest) gives `child`, sorted.
    private func records(of child: ChildLinkID, in assignment: [RecordKey: ChildLinkID]) throws -> [RecordKey] {
        let records = assignment.filter { $0.value == child }.keys.sorted()
        guard !records.isEmpty else { throw StoreError.unknownChild(child.description) }
        return records
    }

    /// For each pair of children, the kind of the most recent decision between a record of one and a record of the other.
    private func latestDecisionsBetweenChildren(_ children: [RecordKey: ChildLinkID]) throws
        -> [ChildPairKey: PairVerdict]
    {
        var latest: [ChildPairKey: PairVerdict] = [:]
        let rows = try read { db in try DecisionRow.order(DecisionRow.Columns.id).fetchAll(db) }
        for decision in rows.map(\.model) {
            guard let a = children[decision.recordA], let b = children[decision.recordB], a != b else { continue }
            latest[ChildPairKey(a, b)] = decision.kind
        }
        return latest
    }
}

/// A pair of children regardless of order.
typealias ChildPairKey = UnorderedPair<ChildLinkID>

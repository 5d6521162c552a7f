package import ChildLinkMatching
package import ChildLinkModel
package import ChildLinkStore

/// One pair of children on the review list, as the review desk shows it: both children's records,
/// the model's evidence for the strongest record pair, and what deciding it would change.
package struct ReviewQueueItem: Sendable {
    /// The child with the smaller ChildLink id.
    package let childA: ChildLinkID
    /// The other child.
    package let childB: ChildLinkID
    /// Every record of the first child, by key.
    package let recordsA: [SourceRecord]
    /// Every record of the second child, by key.
    package let recordsB: [SourceRecord]
    /// The probability of the strongest record pair.
    package let probability: Double
    /// How many record pairs lie between the two children.
    package let recordPairs: Int
    /// The latest decision between them, if any.
    package let decision: PairVerdict?
    /// What accepting would change in the cross-referenced cohort, in words.
    package let impact: String
    /// The stored model's waterfall for the strongest record pair (`nil` for a store without a model).
    package let explanation: PairExplanation?
    /// The hard evidence an accept would contradict (empty when none): an accept then needs force and a note.
    package let acceptConflicts: [String]
}

extension ReviewJob {
    /// The latest run's pairs of children in the order `review list` prints them (the pairs whose
    /// decision would change the cross-referenced cohort first, then the most probable).
    ///
    /// - Throws: ``CoreError/noStore(path:)`` or ``StoreError``.
    package static func queue(storePath: String, undecidedOnly: Bool) throws -> [ReviewQueueItem] {
        let store = try StoreJob.openExisting(at: storePath)
        let (context, blocks) = try orderedBlocks(store, undecidedOnly: undecidedOnly)
        return try blocks.map { block in
            let entry = block.entry
            let strongest = entry.strongest
            let explanation = context.model.flatMap { model in
                context.records[strongest.recordA].flatMap { first in
                    context.records[strongest.recordB].map { model.explain(first, $0) }
                }
            }
            let reviewCase = try ReviewCase.load(.child(entry.childA), .child(entry.childB), context: context)
            return ReviewQueueItem(
                childA: entry.childA, childB: entry.childB, recordsA: block.a, recordsB: block.b,
                probability: strongest.probability, recordPairs: entry.pairs.count, decision: entry.decision,
                impact: block.impact.sentence, explanation: explanation, acceptConflicts: reviewCase.acceptConflicts)
        }
    }

    /// The decision history, oldest first, as `review history` lists it.
    ///
    /// - Throws: ``CoreError/noStore(path:)`` or ``StoreError``.
    package static func decisions(storePath: String) throws -> [DecisionHistoryEntry] {
        try StoreJob.openExisting(at: storePath).decisionHistory()
    }

    /// One pair of children of the review list with their records and what deciding it would change.
    struct QueueBlock {
        let impact: ReviewImpact
        let entry: ReviewChildPair
        let a: [SourceRecord]
        let b: [SourceRecord]
    }

    /// The review list's pairs of children in their one order, shared by `review list` and the desk.
    static func orderedBlocks(_ store: ChildLinkStore, undecidedOnly: Bool) throws
        -> (ReviewCase.Context, [QueueBlock])
    {
        let entries = try store.reviewChildPairs(undecidedOnly: undecidedOnly)
        let context = try ReviewCase.Context(store: store, scope: .reviewList)
        let blocks = entries.map { entry in
            let a = context.membersOf[entry.childA] ?? []
            let b = context.membersOf[entry.childB] ?? []
            return QueueBlock(impact: ReviewImpact(a, b), entry: entry, a: a, b: b)
        }
        .sorted { ($0.impact.rank, $1.entry.strongest.probability) < ($1.impact.rank, $0.entry.strongest.probability) }
        return (context, blocks)
    }
}

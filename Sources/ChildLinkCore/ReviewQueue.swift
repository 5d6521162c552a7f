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

/// One row of the desk's list of the review queue: the two children, how likely they are one
/// child, and how many records each has.
package struct ReviewQueueRow: Sendable, Equatable {
    /// The child with the smaller ChildLink id.
    package let childA: ChildLinkID
    /// The other child.
    package let childB: ChildLinkID
    /// The probability of the strongest record pair.
    package let probability: Double
    /// How many records the first child has.
    package let recordCountA: Int
    /// How many records the second child has.
    package let recordCountB: Int

    /// Creates a row.
    package init(childA: ChildLinkID, childB: ChildLinkID, probability: Double, recordCountA: Int, recordCountB: Int) {
        (self.childA, self.childB, self.probability) = (childA, childB, probability)
        (self.recordCountA, self.recordCountB) = (recordCountA, recordCountB)
    }
}

/// The part of the review queue one desk page shows: one pair in full, and the page of the list
/// holding it. Only the records of that pair are read from the store, so a page answers as quickly
/// on a borough of a million records as on the sample.
package struct ReviewQueuePage: Sendable {
    /// How many pairs the whole queue holds.
    package let count: Int
    /// The position in the queue of the pair shown (from 0; the position asked for, brought within the queue).
    package let index: Int
    /// The pair shown, `nil` when the queue is empty.
    package let shown: ReviewQueueItem?
    /// The position in the queue of the first of ``rows``.
    package let firstRow: Int
    /// The rows of the list page that holds the pair shown, in queue order.
    package let rows: [ReviewQueueRow]
    /// How many rows a full page of the list holds.
    package let rowsPerPage: Int

    /// Creates a page.
    package init(
        count: Int, index: Int, shown: ReviewQueueItem?, firstRow: Int, rows: [ReviewQueueRow], rowsPerPage: Int
    ) {
        (self.count, self.index, self.shown) = (count, index, shown)
        (self.firstRow, self.rows, self.rowsPerPage) = (firstRow, rows, rowsPerPage)
    }
}

extension ReviewJob {
    /// How many pairs one page of the desk's list shows.
    package static let queueRowsPerPage = 50

    /// The page of the latest run's undecided pairs of children (in `review list` order) showing the
    /// pair at position `at`, or the pair of `children` while it is still in the queue.
    ///
    /// - Throws: ``CoreError/noStore(path:)`` or ``StoreError``.
    package static func queuePage(
        storePath: String, at: Int, children: UnorderedPair<ChildLinkID>? = nil,
        rowsPerPage: Int = queueRowsPerPage
    ) throws -> ReviewQueuePage {
        try queuePage(
            try StoreJob.openExisting(at: storePath), at: at, children: children, rowsPerPage: rowsPerPage)
    }

    /// ``queuePage(storePath:at:children:rowsPerPage:)`` on an open store.
    ///
    /// - Throws: ``StoreError``.
    static func queuePage(
        _ store: ChildLinkStore, at: Int, children: UnorderedPair<ChildLinkID>?, rowsPerPage: Int
    ) throws -> ReviewQueuePage {
        let order = try ReviewOrder(store: store, undecidedOnly: true)
        guard !order.entries.isEmpty else {
            return ReviewQueuePage(count: 0, index: 0, shown: nil, firstRow: 0, rows: [], rowsPerPage: rowsPerPage)
        }
        let located = children.flatMap { children in
            order.entries.firstIndex { UnorderedPair($0.pair.childA, $0.pair.childB) == children }
        }
        let index = min(max(located ?? at, 0), order.entries.count - 1)
        let firstRow = index / rowsPerPage * rowsPerPage
        let rows = order.entries[firstRow..<min(firstRow + rowsPerPage, order.entries.count)].map { entry in
            ReviewQueueRow(
                childA: entry.pair.childA, childB: entry.pair.childB, probability: entry.pair.strongest.probability,
                recordCountA: entry.recordCounts.a, recordCountB: entry.recordCounts.b)
        }
        let shown = try item(order.entries[index], order: order, store: store)
        return ReviewQueuePage(
            count: order.entries.count, index: index, shown: shown, firstRow: firstRow, rows: rows,
            rowsPerPage: rowsPerPage)
    }

    /// One pair of the queue in full: its children's records, the evidence, and the guards an
    /// accept would meet, read for this pair alone.
    private static func item(_ entry: ReviewOrder.Entry, order: ReviewOrder, store: ChildLinkStore) throws
        -> ReviewQueueItem
    {
        let pair = entry.pair
        let context = try ReviewCase.Context(
            store: store, scope: .subjects([.child(pair.childA), .child(pair.childB)]),
            assignment: order.assignment, reviewPairs: order.reviewPairs)
        // The case's review pair is the most probable between the two children: `pair.strongest`.
        let reviewCase = try ReviewCase.load(.child(pair.childA), .child(pair.childB), context: context)
        return ReviewQueueItem(
            childA: pair.childA, childB: pair.childB, recordsA: reviewCase.a.child, recordsB: reviewCase.b.child,
            probability: pair.strongest.probability, recordPairs: pair.pairs.count, decision: pair.decision,
            impact: entry.impact.sentence, explanation: reviewCase.explanation,
            acceptConflicts: reviewCase.acceptConflicts)
    }

    /// The decision history, oldest first, as `review history` lists it.
    ///
    /// - Throws: ``CoreError/noStore(path:)`` or ``StoreError``.
    package static func decisions(storePath: String) throws -> [DecisionHistoryEntry] {
        try StoreJob.openExisting(at: storePath).decisionHistory()
    }
}

/// The review list's pairs of children in their one order, shared by `review list` and the desk:
/// the pairs whose decision would change the cross-referenced cohort first, then the most probable.
/// Worked out from the latest assignment's record keys, without decoding any record.
struct ReviewOrder {
    /// One pair of children, what deciding it would change, and how many present records each child has.
    struct Entry {
        let pair: ReviewChildPair
        let impact: ReviewImpact
        let recordCounts: (a: Int, b: Int)
    }

    /// The latest assignment, as ``ChildLinkStore/latestAssignment()`` reads it.
    let assignment: [RecordKey: ChildLinkID]
    /// The latest run's review pairs, as ``ChildLinkStore/reviewPairs(undecidedOnly:)`` reads them.
    let reviewPairs: [ReviewPair]
    /// The pairs of children in order.
    let entries: [Entry]

    /// Reads the latest run's review list and assignment and puts the pairs of children in order
    /// (`undecidedOnly`: leaving out those with a decision between them).
    ///
    /// - Throws: ``StoreError``.
    init(store: ChildLinkStore, undecidedOnly: Bool) throws {
        assignment = try store.latestAssignment()
        reviewPairs = try store.reviewPairs()
        let pairs = try store.reviewChildPairs(reviewPairs, assignment: assignment, undecidedOnly: undecidedOnly)
        let listed = Set(pairs.flatMap { [$0.childA, $0.childB] })
        let absent = try store.absentRecordKeys()
        var datasetsOf: [ChildLinkID: [Dataset]] = [:]
        for (key, id) in assignment where listed.contains(id) && !absent.contains(key) {
            datasetsOf[id, default: []].append(key.dataset)
        }
        entries = pairs.map { pair in
            let (a, b) = (datasetsOf[pair.childA] ?? [], datasetsOf[pair.childB] ?? [])
            return Entry(pair: pair, impact: ReviewImpact(a, b), recordCounts: (a.count, b.count))
        }
        .sorted {
            ($0.impact.rank, $1.pair.strongest.probability) < ($1.impact.rank, $0.pair.strongest.probability)
        }
    }
}

import ChildLinkMatching
import ChildLinkModel
import ChildLinkStore

/// What a reviewer is about to decide, gathered before anything is recorded: both sides (the two
/// children, or the two records and the children they belong to), whether the pair is on the review
/// list, the model's evidence, and the hard evidence an accept would contradict.
struct ReviewCase {
    /// One side of the decision.
    struct Side {
        /// The child or record as the reviewer named it.
        let subject: ReviewSubject
        /// The child the subject is (or, for a record, belongs to) in the latest run.
        let childID: ChildLinkID?
        /// The records shown: the child's, or the one record.
        let shown: [SourceRecord]
        /// Every record of the child (what an accept would join), the record alone when it has no child.
        let child: [SourceRecord]
    }

    let a: Side
    let b: Side
    /// The most probable review pair between the two sides, when the latest run listed one.
    let reviewPair: ReviewPair?
    /// Whether both records already belong to one child (a reject then undoes a link the matcher made).
    let sameChild: Bool
    /// The model's waterfall for the two records compared, when the store holds the latest model.
    let explanation: PairExplanation?
    /// The identifiers the latest run read as none (``PlaceholderIdentifiers``): never a clash.
    var placeholders: Set<String> = []

    /// Whether the latest run's review list holds the pair (or, for a reject, the records are linked).
    var isListed: Bool { reviewPair != nil || sameChild }

    /// What the store's latest run says about the records a ``Scope`` needs, read once for any
    /// number of cases among them.
    struct Context {
        let store: ChildLinkStore
        let records: [RecordKey: SourceRecord]
        let assignment: [RecordKey: ChildLinkID]
        let membersOf: [ChildLinkID: [SourceRecord]]
        let reviewPairs: [ReviewPair]
        /// For each record, the positions in ``reviewPairs`` of the pairs it is in, in order.
        let reviewPairsOf: [RecordKey: [Int]]
        let model: StoredMatchModel?
        /// For each merged child, the id it now carries (see ``survivingID(of:)``).
        let survivors: [ChildLinkID: ChildLinkID]

        /// Which records a context reads.
        enum Scope {
            /// The records of the children the review list names, and the listed records: enough
            /// for the list and its export without decoding every record.
            case reviewList
            /// The records of these children, and these records with their children's: enough to
            /// decide pairs among them (or show one pair of the desk's queue).
            case subjects([ReviewSubject])
        }

        /// Reads the latest run's records (those `scope` needs), children, review pairs and model.
        ///
        /// - Throws: ``StoreError``.
        init(store: ChildLinkStore, scope: Scope) throws {
            try self.init(
                store: store, scope: scope, assignment: try store.latestAssignment(),
                reviewPairs: try store.reviewPairs())
        }

        /// Reads what `scope` needs beside the latest assignment and review pairs already read
        /// (``ChildLinkStore/latestAssignment()``, ``ChildLinkStore/reviewPairs(undecidedOnly:)``).
        ///
        /// - Throws: ``StoreError``.
        init(
            store: ChildLinkStore, scope: Scope, assignment: [RecordKey: ChildLinkID], reviewPairs: [ReviewPair]
        ) throws {
            self.store = store
            survivors = try store.survivingIDs()
            self.assignment = assignment
            self.reviewPairs = reviewPairs
            let (named, children) = Self.named(
                by: scope, assignment: assignment, reviewPairs: reviewPairs, survivors: survivors)
            records = try store.currentRecords(named + assignment.filter { children.contains($0.value) }.keys)
            var reviewPairsOf: [RecordKey: [Int]] = [:]
            for (index, pair) in reviewPairs.enumerated() {
                reviewPairsOf[pair.recordA, default: []].append(index)
                reviewPairsOf[pair.recordB, default: []].append(index)
            }
            self.reviewPairsOf = reviewPairsOf
            var membersOf: [ChildLinkID: [SourceRecord]] = [:]
            for (key, id) in assignment { if let record = records[key] { membersOf[id, default: []].append(record) } }
            self.membersOf = membersOf.mapValues { $0.sorted { $0.key < $1.key } }
            model = try store.latestModel().flatMap { StoredModelCoding.decode($0)?.model }
        }

        /// The id child `id` now carries: `id` itself, or the id it was merged into.
        func survivingID(of id: ChildLinkID) -> ChildLinkID { survivors[id] ?? id }

        /// The first pair of the review list with one record in `recordsA` and the other in
        /// `recordsB` (the most probable: the list is sorted so), found through ``reviewPairsOf``.
        func firstReviewPair(between recordsA: [RecordKey], and recordsB: Set<RecordKey>) -> ReviewPair? {
            var first: Int?
            for key in recordsA {
                for index in reviewPairsOf[key] ?? [] where first.map({ index < $0 }) ?? true {
                    let pair = reviewPairs[index]
                    if recordsB.contains(pair.recordA == key ? pair.recordB : pair.recordA) { first = index }
                }
            }
            return first.map { reviewPairs[$0] }
        }

        /// The records `scope` names, and the children whose records it needs.
        private static func named(
            by scope: Scope, assignment: [RecordKey: ChildLinkID], reviewPairs: [ReviewPair],
            survivors: [ChildLinkID: ChildLinkID]
        ) -> (records: [RecordKey], children: Set<ChildLinkID>) {
            switch scope {
            case .reviewList:
                let listed = reviewPairs.flatMap { [$0.recordA, $0.recordB] }
                return (listed, Set(listed.compactMap { assignment[$0] }))
            case .subjects(let subjects):
                var named: [RecordKey] = []
                var children: Set<ChildLinkID> = []
                for subject in subjects {
                    switch subject {
                    case .child(let id): children.insert(survivors[id] ?? id)
                    case .record(let key):
                        named.append(key)
                        if let id = assignment[key] { children.insert(id) }
                    }
                }
                return (named, children)
            }
        }
    }

    /// Gathers the case for `first` and `second` from the store's latest run.
    ///
    /// - Throws: ``StoreError`` (an unknown child or record, both ids one child).
    static func load(_ first: ReviewSubject, _ second: ReviewSubject, store: ChildLinkStore) throws -> ReviewCase {
        try load(first, second, context: try Context(store: store, scope: .subjects([first, second])))
    }

    /// Gathers the case for `first` and `second` from `context`.
    ///
    /// - Throws: ``StoreError`` (an unknown child or record, both ids one child).
    static func load(_ first: ReviewSubject, _ second: ReviewSubject, context: Context) throws -> ReviewCase {
        let (records, assignment, membersOf) = (context.records, context.assignment, context.membersOf)
        func side(_ subject: ReviewSubject) throws -> Side {
            switch subject {
            case .child(let given):
                let id = context.survivingID(of: given)
                let members = (membersOf[id] ?? []).sorted { $0.key < $1.key }
                guard !members.isEmpty else { throw StoreError.unknownChild(given.description) }
                return Side(subject: subject, childID: id, shown: members, child: members)
            case .record(let key):
                guard let record = records[key] else { throw StoreError.unknownRecord(key.description) }
                let id = assignment[key]
                let members = id.flatMap { membersOf[$0] }?.sorted { $0.key < $1.key } ?? [record]
                return Side(subject: subject, childID: id, shown: [record], child: members)
            }
        }
        let (a, b) = (try side(first), try side(second))
        let same = a.childID != nil && a.childID == b.childID
        if same, case .child(let id) = first { throw StoreError.sameChild(id.description) }
        let pair = context.firstReviewPair(between: a.shown.map(\.key), and: Set(b.shown.map(\.key)))
        return ReviewCase(
            a: a, b: b, reviewPair: pair, sameChild: same,
            explanation: explain(a, b, pair, records, model: context.model),
            placeholders: context.model?.placeholders.values ?? [])
    }

    /// The stored model's waterfall for the review pair, or for the first records of each side.
    private static func explain(
        _ a: Side, _ b: Side, _ pair: ReviewPair?, _ records: [RecordKey: SourceRecord], model: StoredMatchModel?
    ) -> PairExplanation? {
        guard let model else { return nil }
        let first = pair.flatMap { records[$0.recordA] } ?? a.shown[0]
        let second = pair.flatMap { records[$0.recordB] } ?? b.shown[0]
        return model.explain(first, second)
    }

    /// The hard evidence that accepting would contradict, one phrase each, naming records, never
    /// values (a number the run read as a placeholder is no evidence).
    var acceptConflicts: [String] {
        var found: [String] = []
        let placeholders = placeholders
        let upn = { Self.permanentUPN($0).flatMap { placeholders.contains($0) ? nil : $0 } }
        let nhs = { Self.validNHSNumber($0).flatMap { placeholders.contains($0) ? nil : $0 } }
        if let clash = Self.identifierClash(a.child, b.child, label: "UPNs", value: upn) { found.append(clash) }
        if let clash = Self.identifierClash(a.child, b.child, label: "NHS numbers", value: nhs) { found.append(clash) }
        if let clash = Self.sexAndBirthClash(a.child, b.child) { found.append(clash) }
        return found
    }

    static func permanentUPN(_ record: SourceRecord) -> String? {
        guard let upn = record.person.upn, upn.isValid, !upn.isTemporary else { return nil }
        return upn.value
    }

    static func validNHSNumber(_ record: SourceRecord) -> String? {
        guard let number = record.person.nhsNumber, number.isValid else { return nil }
        return number.value
    }

    /// Two different valid identifiers that joining would put into one child (one not already there).
    static func identifierClash(
        _ a: [SourceRecord], _ b: [SourceRecord], label: String, value: (SourceRecord) -> String?
    ) -> String? {
        let valuesA = Set(a.compactMap(value))
        let valuesB = Set(b.compactMap(value))
        guard !valuesA.isEmpty, !valuesB.isEmpty, valuesA.union(valuesB).count > max(valuesA.count, valuesB.count)
        else { return nil }
        let recordA = a.first { value($0) != nil && !valuesB.contains(value($0)!) } ?? a[0]
        let recordB = b.first { value($0) != nil && !valuesA.contains(value($0)!) } ?? b[0]
        return "two different valid \(label) (\(recordA.key) has one, \(recordB.key) another)"
    }

    /// Sex and date of birth both disagreeing (beyond one slip) between the two sides' usual values.
    static func sexAndBirthClash(_ a: [SourceRecord], _ b: [SourceRecord]) -> String? {
        let known: Set<Gender> = [.male, .female]
        guard let sexA = mostCommon(a.compactMap { $0.person.gender }.filter(known.contains), text: \.rawValue),
            let sexB = mostCommon(b.compactMap { $0.person.gender }.filter(known.contains), text: \.rawValue),
            sexA != sexB, let bornA = mostCommon(a.compactMap(\.person.dateOfBirth), text: \.iso),
            let bornB = mostCommon(b.compactMap(\.person.dateOfBirth), text: \.iso), !withinOneSlip(bornA, bornB)
        else { return nil }
        return "different sex and dates of birth more than one slip apart"
    }

    /// The most frequent value (ties: the smallest description), `nil` when there is none.
    static func mostCommon<T: Hashable>(_ values: [T], text: (T) -> String) -> T? {
        var counts: [T: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        return counts.max { ($0.value, text($1.key)) < ($1.value, text($0.key)) }?.key
    }

    /// The same date, or one typing slip apart (day and month swapped, a day, a digit or a year
    /// out): the matcher's own reading of the two dates.
    static func withinOneSlip(_ x: CalendarDate, _ y: CalendarDate) -> Bool {
        DateOfBirthLevel(x, y).isSameOrOneSlip
    }
}

/// What accepting a pair of children would change in the cross-referenced cohort (the children
/// known to two or more of the four strands), for ordering and explaining the review list.
struct ReviewImpact {
    /// 0: the child would enter the cohort; 1: a child already in it gains a strand; 2: no strand changes.
    let rank: Int
    /// The change in words, e.g. `joins a missing episode to a CME case: the child enters the cross-referenced cohort`.
    let sentence: String

    /// The impact of joining the children whose records come from datasets `a` and `b` (one
    /// dataset per record, or each once: only which datasets appear counts).
    init(_ a: some Sequence<Dataset>, _ b: some Sequence<Dataset>) {
        let strandsA = Set(a).intersection(Dataset.strands)
        let strandsB = Set(b).intersection(Dataset.strands)
        let joined = strandsA.union(strandsB)
        let names = { (strands: Set<Dataset>) in
            strands.sorted { $0.rawValue < $1.rawValue }.map(Self.noun).joined(separator: " and ")
        }
        if joined.count >= 2 && strandsA.count < 2 && strandsB.count < 2 {
            rank = 0
            sentence = "joins \(names(strandsA)) to \(names(strandsB)): the child enters the cross-referenced cohort."
        } else if joined.count > max(strandsA.count, strandsB.count) {
            rank = 1
            let added =
                strandsA.count >= strandsB.count ? strandsB.subtracting(strandsA) : strandsA.subtracting(strandsB)
            sentence =
                "adds \(names(added)) to a child already in the cross-referenced cohort: the overlap counts change."
        } else {
            rank = 2
            let strands = joined.sorted { $0.rawValue < $1.rawValue }.map(\.rawValue).joined(separator: ", ")
            sentence =
                "the same strands on both sides (\(strands)): one child fewer in their counts; the "
                + "cross-referenced cohort does not change."
        }
    }

    /// `a missing episode`, `a CME case`, `an EHE record`, `an exclusion`.
    static func noun(_ dataset: Dataset) -> String {
        switch dataset {
        case .missing: "a missing episode"
        case .cme: "a CME case"
        case .ehe: "an EHE record"
        case .exclusions: "an exclusion"
        case .socialCare: "a social care record"
        }
    }
}

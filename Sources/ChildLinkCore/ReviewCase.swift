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

    /// Whether the latest run's review list holds the pair (or, for a reject, the records are linked).
    var isListed: Bool { reviewPair != nil || sameChild }

    /// Gathers the case for `first` and `second` from the store's latest run.
    ///
    /// - Throws: ``StoreError`` (an unknown child or record, both ids one child).
    static func load(_ first: ReviewSubject, _ second: ReviewSubject, store: ChildLinkStore) throws -> ReviewCase {
        let records = Dictionary(try store.currentRecords().map { ($0.key, $0) }, uniquingKeysWith: { $1 })
        let assignment = try store.latestAssignment()
        var membersOf: [ChildLinkID: [SourceRecord]] = [:]
        for (key, id) in assignment { if let record = records[key] { membersOf[id, default: []].append(record) } }
        func side(_ subject: ReviewSubject) throws -> Side {
            switch subject {
            case .child(let given):
                let id = try store.survivingID(of: given)
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
        let (keysA, keysB) = (Set(a.shown.map(\.key)), Set(b.shown.map(\.key)))
        let pair = try store.reviewPairs().first {
            (keysA.contains($0.recordA) && keysB.contains($0.recordB))
                || (keysA.contains($0.recordB) && keysB.contains($0.recordA))
        }
        return ReviewCase(
            a: a, b: b, reviewPair: pair, sameChild: same, explanation: try explain(a, b, pair, records, store: store))
    }

    /// The stored model's waterfall for the review pair, or for the first records of each side.
    private static func explain(
        _ a: Side, _ b: Side, _ pair: ReviewPair?, _ records: [RecordKey: SourceRecord], store: ChildLinkStore
    ) throws -> PairExplanation? {
        guard let stored = try store.latestModel(), let (model, _) = StoredModelCoding.decode(stored) else {
            return nil
        }
        let first = pair.flatMap { records[$0.recordA] } ?? a.shown[0]
        let second = pair.flatMap { records[$0.recordB] } ?? b.shown[0]
        return model.explain(first, second)
    }

    /// The hard evidence that accepting would contradict, one phrase each, naming records, never values.
    var acceptConflicts: [String] {
        var found: [String] = []
        if let clash = Self.identifierClash(a.child, b.child, label: "UPNs", value: Self.permanentUPN) {
            found.append(clash)
        }
        if let clash = Self.identifierClash(a.child, b.child, label: "NHS numbers", value: Self.validNHSNumber) {
            found.append(clash)
        }
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

    /// The same date, or one typing slip apart: day and month swapped, one day out, one digit of
    /// `ddMMyyyy` different, or the same day and month a year out (the matcher's graded levels).
    static func withinOneSlip(_ x: CalendarDate, _ y: CalendarDate) -> Bool {
        if x == y || abs(x.days(until: y)) <= 1 { return true }
        if x.year == y.year, x.month == y.day, x.day == y.month { return true }
        if x.month == y.month, x.day == y.day, abs(x.year - y.year) == 1 { return true }
        let digitsX = Array(x.uk.filter(\.isNumber))
        let digitsY = Array(y.uk.filter(\.isNumber))
        return zip(digitsX, digitsY).filter { $0 != $1 }.count == 1
    }
}

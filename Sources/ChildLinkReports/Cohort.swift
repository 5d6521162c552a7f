package import ChildLinkModel

/// A record together with the child it was assigned to.
package struct CohortRecord: Hashable, Sendable {
    /// The source record.
    package let record: SourceRecord
    /// The child it belongs to.
    package let child: ChildLinkID
}

/// The same event of one child recorded twice: the copy is left out of every count, list and
/// trigger, and named in the reports' data-quality section with both record ids.
package struct DuplicateEvent: Hashable, Sendable {
    /// The child both records belong to.
    package let child: ChildLinkID
    /// The record that is counted.
    package let kept: RecordKey
    /// The record left out as a copy of it.
    package let copy: RecordKey
    /// What makes them the same event, e.g. `same start 03/06/2019 10:00`.
    package let sameAs: String
}

/// The linked cohort every report reads: the source records, grouped by child.
///
/// Built from the importers' `[SourceRecord]` and the matcher's `[LinkedChild]`. A record that no
/// child claims is treated as a child of its own (with an id after the highest assigned), so that
/// counts never lose a record because linking has not run.
///
/// One event is counted once: a record of the same child and dataset with the same event (an
/// episode's start date-time, a CME referral date, an EHE start date, an exclusion's start date
/// and category) as another is a copy — often keyed under a second person id — and is kept out of
/// ``records`` and listed in ``duplicates``. Of the copies, the most complete is kept (a return or
/// closure recorded, then an RHI completed), then the lowest record key.
package struct Cohort: Sendable {
    /// Every record with its child, sorted by child then record key, copies of one event left out.
    package let records: [CohortRecord]
    /// The records left out as copies of a counted one, sorted by child and key.
    package let duplicates: [DuplicateEvent]
    /// The records the cohort was made from, as given: the caller's array, shared, not copied.
    private let source: [SourceRecord]
    /// Each child's records (copies of one event included) as positions in ``source``, sorted by key.
    private let positionsByChild: [ChildLinkID: [Int]]
    /// The pairs of children the matcher was unsure of (a review-band pair of their records) that no
    /// reviewer has decided yet, sorted: confirming one would make the two one child.
    package let undecided: [UnorderedPair<ChildLinkID>]

    /// Creates the cohort from records and the children the matcher formed.
    /// - Parameter undecidedPairs: The review-band pairs of records in two children with no
    ///   reviewer decision yet.
    package init(records: [SourceRecord], children: [LinkedChild], undecidedPairs: [UnorderedPair<RecordKey>] = []) {
        var assignment: [RecordKey: ChildLinkID] = [:]
        for child in children {
            for key in child.records { assignment[key] = child.id }
        }
        self.init(records: records, assignment: assignment, undecidedPairs: undecidedPairs)
    }

    /// Creates the cohort from records and a record → child assignment.
    ///
    /// Holds one copy of the records beside the caller's (a weekly pack's cohort holds every
    /// record of the borough): each child's records are positions in the caller's array. A record
    /// no child claims gets its own id after the highest, in key order.
    package init(
        records: [SourceRecord], assignment: [RecordKey: ChildLinkID], undecidedPairs: [UnorderedPair<RecordKey>] = []
    ) {
        var childOf = records.map { assignment[$0.key] }
        var nextID = (assignment.values.map(\.number).max() ?? 0) + 1
        let unclaimed = records.indices.filter { childOf[$0] == nil }
        for index in unclaimed.sorted(by: { (records[$0].key, $0) < (records[$1].key, $1) }) {
            childOf[index] = ChildLinkID(nextID)
            nextID += 1
        }
        let order = records.indices.sorted {
            (childOf[$0]!, records[$0].key, $0) < (childOf[$1]!, records[$1].key, $1)
        }
        var resolved: [CohortRecord] = []
        resolved.reserveCapacity(records.count)
        var positions: [ChildLinkID: [Int]] = [:]
        for index in order {
            resolved.append(CohortRecord(record: records[index], child: childOf[index]!))
            positions[childOf[index]!, default: []].append(index)
        }
        self.source = records
        self.positionsByChild = positions
        self.duplicates = Self.copiesOfOneEvent(resolved)
        let copies = Set(duplicates.map(\.copy))
        if !copies.isEmpty { resolved.removeAll { copies.contains($0.record.key) } }
        self.records = resolved
        self.undecided = Self.childPairs(undecidedPairs, assignment: assignment)
    }

    /// A child's records, copies of one event included, sorted by key; none for a child not in
    /// the cohort.
    package func records(of child: ChildLinkID) -> [SourceRecord] {
        (positionsByChild[child] ?? []).map { source[$0] }
    }

    /// The distinct pairs of two children that `pairs` of records join, sorted; a record no
    /// child holds is left out.
    static func childPairs(_ pairs: [UnorderedPair<RecordKey>], assignment: [RecordKey: ChildLinkID])
        -> [UnorderedPair<ChildLinkID>]
    {
        let children = Set(
            pairs.compactMap { pair -> UnorderedPair<ChildLinkID>? in
                guard let a = assignment[pair.a], let b = assignment[pair.b], a != b else { return nil }
                return UnorderedPair(a, b)
            })
        return children.sorted { ($0.a, $0.b) < ($1.a, $1.b) }
    }

    /// The records that are copies of another of the same child's event (`records` sorted by child
    /// then key), sorted by child and key: of each event's records the most complete is kept, then the
    /// lowest key.
    static func copiesOfOneEvent(_ records: [CohortRecord]) -> [DuplicateEvent] {
        var groups: [String: [Int]] = [:]
        for (index, item) in records.enumerated() {
            guard let event = item.record.event.identity else { continue }
            groups["\(item.child.number)|\(event)", default: []].append(index)
        }
        var copies: [RecordKey: DuplicateEvent] = [:]
        for group in groups.values where group.count > 1 {
            let ordered = group.map { records[$0] }.sorted {
                ($0.record.event.completeness, $1.record.key) > ($1.record.event.completeness, $0.record.key)
            }
            let kept = ordered[0]
            for copy in ordered.dropFirst() {
                copies[copy.record.key] = DuplicateEvent(
                    child: kept.child, kept: kept.record.key, copy: copy.record.key,
                    sameAs: kept.record.event.identity!)
            }
        }
        return copies.values.sorted { ($0.child, $0.copy) < ($1.child, $1.copy) }
    }

    /// The children, sorted by id.
    package var children: [ChildLinkID] { positionsByChild.keys.sorted() }

    /// The missing episodes with their child, sorted by start then key.
    package var episodes: [(child: ChildLinkID, key: RecordKey, episode: MissingEpisode)] {
        records.compactMap { item in
            guard case .missing(let episode) = item.record.event else { return nil }
            return (item.child, item.record.key, episode)
        }.sorted { ($0.episode.start, $0.key) < ($1.episode.start, $1.key) }
    }

    /// The CME referrals with their record.
    package var cmeReferrals: [(child: ChildLinkID, record: SourceRecord, referral: CMEReferral)] {
        records.compactMap { item in
            guard case .cme(let referral) = item.record.event else { return nil }
            return (item.child, item.record, referral)
        }
    }

    /// The EHE records with their record.
    package var eheRecords: [(child: ChildLinkID, record: SourceRecord, ehe: EHERecord)] {
        records.compactMap { item in
            guard case .ehe(let ehe) = item.record.event else { return nil }
            return (item.child, item.record, ehe)
        }
    }

    /// The exclusions with their record.
    package var exclusions: [(child: ChildLinkID, record: SourceRecord, exclusion: ExclusionRecord)] {
        records.compactMap { item in
            guard case .exclusion(let exclusion) = item.record.event else { return nil }
            return (item.child, item.record, exclusion)
        }
    }

    /// The best-known person fields of a child: the first non-empty value of each field across
    /// their records, preferring the most recent record.
    package func person(of child: ChildLinkID) -> PersonFields {
        let records = self.records(of: child).sorted { ($0.event.date, $0.key) > ($1.event.date, $1.key) }
        var person = PersonFields()
        for record in records {
            let other = record.person
            person.forename = person.forename ?? other.forename
            person.surname = person.surname ?? other.surname
            person.dateOfBirth = person.dateOfBirth ?? other.dateOfBirth
            person.gender = person.gender ?? other.gender
            person.ethnicity = person.ethnicity ?? other.ethnicity
            person.upn = person.upn ?? other.upn
            person.nhsNumber = person.nhsNumber ?? other.nhsNumber
            person.personID = person.personID ?? other.personID
            person.postcode = person.postcode ?? other.postcode
        }
        return person
    }
}

extension RecordEvent {
    /// What makes two records of one child the same event, as the reports show it to people
    /// (`same start 03/06/2019 10:00`); nil for social-care records, which are one per child.
    var identity: String? {
        switch self {
        case .missing(let episode): "same start \(episode.start.uk)"
        case .cme(let referral): "same referral date \(referral.referralDate.uk)"
        case .ehe(let record): "same start \(record.startDate.uk)"
        case .exclusion(let record): "same start \(record.startDate.uk) and category \(record.category.rawValue)"
        case .socialCare: nil
        }
    }

    /// How much of the event is recorded, to keep the fuller of two copies: a return or closure,
    /// then an RHI completion or sessions.
    var completeness: Int {
        switch self {
        case .missing(let episode): (episode.end == nil ? 0 : 2) + (episode.rhiCompletedDate == nil ? 0 : 1)
        case .cme(let referral): referral.closedDate == nil ? 0 : 2
        case .ehe(let record): record.endDate == nil ? 0 : 2
        case .exclusion(let record): record.sessions == nil ? 0 : 1
        case .socialCare: 0
        }
    }
}

package import ChildLinkModel

/// A record together with the child it was assigned to.
package struct CohortRecord: Hashable, Sendable {
    /// The source record.
    package let record: SourceRecord
    /// The child it belongs to.
    package let child: ChildLinkID
}

/// The linked cohort every report reads: the source records, grouped by child.
///
/// Built from the importers' `[SourceRecord]` and the matcher's `[LinkedChild]`. A record that no
/// child claims is treated as a child of its own (with an id after the highest assigned), so that
/// counts never lose a record because linking has not run.
package struct Cohort: Sendable {
    /// Every record with its child, sorted by child then record key.
    package let records: [CohortRecord]
    /// Each child's records, sorted by key.
    package let recordsByChild: [ChildLinkID: [SourceRecord]]

    /// Creates the cohort from records and the children the matcher formed.
    package init(records: [SourceRecord], children: [LinkedChild]) {
        var assignment: [RecordKey: ChildLinkID] = [:]
        for child in children {
            for key in child.records { assignment[key] = child.id }
        }
        self.init(records: records, assignment: assignment)
    }

    /// Creates the cohort from records and a record → child assignment.
    package init(records: [SourceRecord], assignment: [RecordKey: ChildLinkID]) {
        var nextID = (assignment.values.map(\.number).max() ?? 0) + 1
        var resolved: [CohortRecord] = []
        for record in records.sorted(by: { $0.key < $1.key }) {
            if let child = assignment[record.key] {
                resolved.append(CohortRecord(record: record, child: child))
            } else {
                resolved.append(CohortRecord(record: record, child: ChildLinkID(nextID)))
                nextID += 1
            }
        }
        resolved.sort { ($0.child, $0.record.key) < ($1.child, $1.record.key) }
        self.records = resolved
        self.recordsByChild = Dictionary(grouping: resolved, by: \.child).mapValues { $0.map(\.record) }
    }

    /// The children, sorted by id.
    package var children: [ChildLinkID] { recordsByChild.keys.sorted() }

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
        let records = (recordsByChild[child] ?? []).sorted { ($0.event.date, $0.key) > ($1.event.date, $1.key) }
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

package import ChildLinkModel

/// A change in which ChildLink id a child's records carry, explained for the log.
package struct ChildIDEvent: Hashable, Sendable, CustomStringConvertible {
    /// What happened.
    package enum Kind: String, Sendable, Hashable, Codable {
        /// Two or more previous children are now one; ``ChildIDEvent/otherID`` was merged into ``ChildIDEvent/childID``.
        case merge
        /// Records of ``ChildIDEvent/childID`` now belong to ``ChildIDEvent/otherID`` (a new or another child).
        case split
    }

    /// Merge or split.
    package let kind: Kind
    /// Merge: the surviving id. Split: the id the records were split from (it keeps most of its history).
    package let childID: ChildLinkID
    /// Merge: the id that was merged away. Split: the id the split-off records carry now.
    package let otherID: ChildLinkID
    /// The records that moved, sorted.
    package let records: [RecordKey]
    /// Why, in words an analyst can act on (record ids only, never personal data).
    package let reason: String

    /// Creates an event.
    package init(kind: Kind, childID: ChildLinkID, otherID: ChildLinkID, records: [RecordKey], reason: String) {
        self.kind = kind
        self.childID = childID
        self.otherID = otherID
        self.records = records.sorted()
        self.reason = reason
    }

    /// `merge CL000002 -> CL000001: …`.
    package var description: String { "\(kind.rawValue) \(otherID) / \(childID): \(reason)" }
}

/// The ids given to this run's clusters, and what changed since the previous run.
package struct IDAssignment: Hashable, Sendable {
    /// Every record of the new clustering and the id of its child.
    package let assignment: [RecordKey: ChildLinkID]
    /// The children of this run, sorted by id, each with its sorted records.
    package let children: [LinkedChild]
    /// Merges and splits, in a deterministic order (by kind, then ids).
    package let events: [ChildIDEvent]
    /// Ids issued for the first time in this run, sorted.
    package let newIDs: [ChildLinkID]
    /// The largest id number ever issued, after this run.
    package let maxIssued: Int
    /// Ids merged away in an earlier run that this run gives back to their records, sorted (a
    /// revoked reviewer decision splits the child it had joined).
    package var revivedIDs: [ChildLinkID] = []

    /// The ids that were merged into another id in this run.
    package var mergedIDs: [ChildLinkID] { events.filter { $0.kind == .merge }.map(\.otherID).sorted() }
}

/// Keeps each child's ChildLink id stable across weekly runs. Pure: no database, no clock.
///
/// Rules, applied to the new clustering against the previous run's assignment:
/// - a cluster whose previously-assigned records all carried one id keeps that id;
/// - for each previous id, the *winning part* is the cluster holding most of its previous records
///   (ties: the cluster holding the earliest-seen of them, then the smallest record key);
///   the id stays with its winning part;
/// - a cluster that wins several previous ids keeps the smallest (oldest); the others are merged into it;
/// - a cluster that wins none gets a fresh id, and the previous ids it took records from are split;
/// - fresh ids are numbered above the largest ever issued, in the order of each cluster's smallest
///   record key, so ids are never reused and the result is deterministic.
package enum StableIDAssigner {
    /// Assigns ids to `clusters`.
    ///
    /// - Parameters:
    ///   - clusters: The new clustering; every record should appear once (later duplicates are ignored).
    ///   - previous: The previous run's assignment of records to ids.
    ///   - maxIssued: The largest id number ever issued (0 when none).
    ///   - firstSeen: Optional order in which records were first seen (e.g. the run number);
    ///     smaller is earlier. Records without an entry count as seen last.
    ///   - dormant: For records that were merged into another child, the id they carried before
    ///     the merge. When the child they were merged into splits again, those records compete
    ///     for their old id as if the merge had never happened, so undoing a merge gives the old
    ///     ids back rather than fresh ones.
    package static func assign(
        clusters: [[RecordKey]], previous: [RecordKey: ChildLinkID], maxIssued: Int,
        firstSeen: [RecordKey: Int] = [:], dormant: [RecordKey: ChildLinkID] = [:]
    ) -> IDAssignment {
        let parts = normalise(clusters)
        let claims = reviving(dormant, previous: previous, parts: parts)
        let previousIDs = Set(previous.values)
        let winners = winningParts(parts, previous: claims, firstSeen: firstSeen)
        let wonByPart = Dictionary(grouping: winners.keys) { winners[$0]! }
        var nextNumber = max(maxIssued, previous.values.map(\.number).max() ?? 0)
        var ids: [ChildLinkID] = []
        var events: [ChildIDEvent] = []
        var newIDs: [ChildLinkID] = []
        for (index, part) in parts.enumerated() {
            let won = (wonByPart[index] ?? []).sorted()
            let id: ChildLinkID
            if let survivor = won.first {
                id = survivor
                for merged in won.dropFirst() where previousIDs.contains(merged) {
                    events.append(mergeEvent(survivor: survivor, merged: merged, part: part, previous: previous))
                }
            } else {
                nextNumber += 1
                id = ChildLinkID(nextNumber)
                newIDs.append(id)
            }
            ids.append(id)
        }
        for (index, part) in parts.enumerated() {
            events += splitEvents(part: part, id: ids[index], previous: previous, winners: winners, index: index)
        }
        var result = makeAssignment(parts: parts, ids: ids, events: events, newIDs: newIDs, maxIssued: nextNumber)
        let issued = Set(newIDs)
        result.revivedIDs = ids.filter { !previousIDs.contains($0) && !issued.contains($0) }.sorted()
        return result
    }

    /// `previous`, except that records with a dormant id claim it back when the child they now
    /// carry is split across several of the new parts.
    static func reviving(_ dormant: [RecordKey: ChildLinkID], previous: [RecordKey: ChildLinkID], parts: [[RecordKey]])
        -> [RecordKey: ChildLinkID]
    {
        guard !dormant.isEmpty else { return previous }
        var partOf: [RecordKey: Int] = [:]
        for (index, part) in parts.enumerated() { for key in part { partOf[key] = index } }
        var partsOfID: [ChildLinkID: Set<Int>] = [:]
        for (key, id) in previous { if let index = partOf[key] { partsOfID[id, default: []].insert(index) } }
        var claims = previous
        for (key, old) in dormant {
            if let current = previous[key], current != old, (partsOfID[current]?.count ?? 0) > 1 { claims[key] = old }
        }
        return claims
    }

    /// Sorted clusters of sorted, de-duplicated records, ordered by their smallest record.
    static func normalise(_ clusters: [[RecordKey]]) -> [[RecordKey]] {
        var seen: Set<RecordKey> = []
        var parts: [[RecordKey]] = []
        for cluster in clusters {
            let fresh = cluster.filter { seen.insert($0).inserted }
            if !fresh.isEmpty { parts.append(fresh.sorted()) }
        }
        return parts.sorted { $0[0] < $1[0] }
    }

    /// For each previous id present in the new clustering, the index of the part that keeps it.
    static func winningParts(
        _ parts: [[RecordKey]], previous: [RecordKey: ChildLinkID], firstSeen: [RecordKey: Int]
    ) -> [ChildLinkID: Int] {
        var best: [ChildLinkID: (index: Int, count: Int, earliest: (Int, RecordKey))] = [:]
        for (index, part) in parts.enumerated() {
            var byID: [ChildLinkID: [RecordKey]] = [:]
            for key in part { if let id = previous[key] { byID[id, default: []].append(key) } }
            for (id, keys) in byID {
                let earliest = keys.map { (firstSeen[$0] ?? Int.max, $0) }.min { $0 < $1 }!
                if let current = best[id] {
                    let better =
                        keys.count > current.count || (keys.count == current.count && earliest < current.earliest)
                    if !better { continue }
                }
                best[id] = (index, keys.count, earliest)
            }
        }
        return best.mapValues(\.index)
    }

    private static func mergeEvent(
        survivor: ChildLinkID, merged: ChildLinkID, part: [RecordKey], previous: [RecordKey: ChildLinkID]
    ) -> ChildIDEvent {
        let moved = part.filter { previous[$0] == merged }
        let list = moved.map(\.description).joined(separator: ", ")
        return ChildIDEvent(
            kind: .merge, childID: survivor, otherID: merged, records: moved,
            reason:
                "\(merged) merged into \(survivor) (the older id): its records \(list) are now linked to \(survivor)'s")
    }

    private static func splitEvents(
        part: [RecordKey], id: ChildLinkID, previous: [RecordKey: ChildLinkID], winners: [ChildLinkID: Int],
        index: Int
    ) -> [ChildIDEvent] {
        var moved: [ChildLinkID: [RecordKey]] = [:]
        for key in part {
            if let old = previous[key], old != id, winners[old] != index { moved[old, default: []].append(key) }
        }
        return moved.keys.sorted().map { old in
            let keys = moved[old]!
            let list = keys.map(\.description).joined(separator: ", ")
            return ChildIDEvent(
                kind: .split, childID: old, otherID: id, records: keys,
                reason: "records \(list) split from \(old) (which keeps most of its history) and now carry \(id)")
        }
    }

    private static func makeAssignment(
        parts: [[RecordKey]], ids: [ChildLinkID], events: [ChildIDEvent], newIDs: [ChildLinkID], maxIssued: Int
    ) -> IDAssignment {
        var assignment: [RecordKey: ChildLinkID] = [:]
        for (part, id) in zip(parts, ids) { for key in part { assignment[key] = id } }
        let children = zip(ids, parts).map { LinkedChild(id: $0, records: $1) }.sorted { $0.id < $1.id }
        let ordered = events.sorted {
            ($0.kind.rawValue, $0.childID, $0.otherID) < ($1.kind.rawValue, $1.childID, $1.otherID)
        }
        return IDAssignment(
            assignment: assignment, children: children, events: ordered, newIDs: newIDs.sorted(),
            maxIssued: maxIssued)
    }
}

import ChildLinkModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The clusters and the decision on every kept pair.
struct Clustering: Sendable {
    var children: [LinkedChild]
    var childOfRecord: [Int]
    var minLinkProbability: [Double?]
    var pairs: [ScoredPair]
}

/// Joins records into children by taking links strongest first (not plain connected components,
/// which chain false merges), refusing any join that would put into one cluster:
/// two different valid permanent UPNs, two different NHS numbers, a pair that looks like twins,
/// two records that one system holds as two children (different person ids, birth dates more than
/// a slip apart, or a slip apart with no address in common, or two ids in use at once at two
/// addresses), or a pair of records whose birth dates and forenames both differ (in generic mode
/// only when they are unlike on the rest too).
struct GuardedClusterer {
    let table: RecordTable
    let keys: [RecordKey]
    let comparer: PairComparer
    let linkThreshold: Double
    var twinGuard = true

    /// Cross-pair checks are skipped above this many record pairs (only identifier guards then apply).
    static let maxCrossChecks = 2_500

    func cluster(_ scoredPairs: consuming [ScoredPair]) -> Clustering {
        var pairs = scoredPairs
        let linkWeight = MatchModel.weight(probability: linkThreshold)
        let order = Self.strongestFirst(pairs, from: linkWeight, comparer: comparer)
        var sets = DisjointSets(table: table)
        var minimum = [Double](repeating: 1, count: table.count)
        for index in order {
            let pair = pairs[index]
            if twinGuard, comparer.looksLikeTwins(pair.first, pair.second, pair.vector) {
                pairs[index].decision = .blockedTwins
                continue
            }
            if comparer.twoChildrenInOneSystem(pair.vector) {
                pairs[index].decision = .blockedConflict
                continue
            }
            // A forename initial that fits this child and their twin is linked to neither, unless
            // its own person id names it.
            if twinGuard, comparer.initialFitsTwins(pair.first, pair.second, pair.vector),
                !initialNamedByItsPersonID(
                    pair.first, sets.members[sets.root(pair.first)],
                    pair.second, sets.members[sets.root(pair.second)])
            {
                pairs[index].decision = .blockedTwins
                continue
            }
            let a = sets.root(pair.first)
            let b = sets.root(pair.second)
            if a == b {
                pairs[index].decision = .alreadyLinked
                continue
            }
            // Two single records: the pair is all the clusters hold (larger ones are read below).
            if sets.members[a].count == 1, sets.members[b].count == 1, let blocked = singleRecordsGuard(pair) {
                pairs[index].decision = blocked
                continue
            }
            if let blocked = guardDecision(a, b, sets, identifierBacked: pair.vector.sharesIdentifier) {
                pairs[index].decision = blocked
                continue
            }
            // A join no guard stops, that the pair's own fields say may be two children (the names
            // alone, or alike names in one household): a person decides.
            if comparer.reviewReason(pair.vector) != nil {
                pairs[index].decision = .review
                continue
            }
            let root = sets.union(a, b)
            minimum[root] = min(minimum[a], minimum[b], pair.probability)
            pairs[index].decision = .linked
        }
        return assemble(sets, minimum, pairs)
    }

    /// The indices of the pairs to join, strongest first, ties in record order: those at or above
    /// `weight`, and those a rule links from its own probability (an identifier in common, a form
    /// of the forename: ``LinkRule``). The sort reads
    /// compact keys side by side, not the pairs (a random access each).
    static func strongestFirst(_ pairs: [ScoredPair], from weight: Double, comparer: PairComparer) -> [Int] {
        var keys: [StrengthKey] = []
        for (index, pair) in pairs.enumerated()
        where pair.weight >= weight
            || comparer.linkRule(pair.first, pair.second, pair.vector, weight: pair.weight) != nil
        {
            keys.append(
                StrengthKey(
                    weight: pair.weight, records: UInt64(pair.first) << 32 | UInt64(pair.second), index: index))
        }
        keys.sort { ($0.weight, $1.records) > ($1.weight, $0.records) }
        return keys.map(\.index)
    }

    /// A pair's weight, its two record indices packed (`first << 32 | second`) and its position.
    struct StrengthKey {
        var weight: Double
        var records: UInt64
        var index: Int
    }

    /// The cross-check's reading of one system's two person ids, for two single records: a birth
    /// date slip registered twice at two addresses is two children, and a forename initial and that
    /// full forename registered apart are twins (see ``guardDecision(_:_:_:identifierBacked:)``).
    private func singleRecordsGuard(_ pair: ScoredPair) -> PairDecision? {
        if comparer.registeredTwiceAtTwoAddresses(pair.first, pair.second, pair.vector) { return .blockedConflict }
        if twinGuard, comparer.initialUnderAnotherPersonID(pair.first, pair.second, pair.vector) {
            return .blockedTwins
        }
        return nil
    }

    /// Why the clusters rooted at `a` and `b` (not both single records) must stay apart, if they
    /// must. A join backed by a shared identifier is only checked for conflicting identifiers.
    private func guardDecision(_ a: Int, _ b: Int, _ sets: DisjointSets, identifierBacked: Bool) -> PairDecision? {
        if Self.conflict(sets.upns[a], sets.upns[b]) || Self.conflict(sets.nhs[a], sets.nhs[b]) {
            return .blockedIdentifiers
        }
        if identifierBacked { return nil }
        let membersA = sets.members[a]
        let membersB = sets.members[b]
        guard membersA.count * membersB.count <= Self.maxCrossChecks else { return nil }
        if membersA.count == 1 && membersB.count == 1 { return nil }
        var twinPairs: [TwinPair] = []
        var sameChild = false
        var registeredTwice = false
        var addressShared = false
        var addressesApart = false
        var identifierShared = false
        for i in membersA {
            for j in membersB {
                let vector = comparer.compare(min(i, j), max(i, j))
                if vector.sharesIdentifier { identifierShared = true }
                if Self.forenameAndBirthConflict(vector, addressParts: table.addressParts)
                    || comparer.twoChildrenInOneSystem(vector)
                {
                    return .blockedConflict
                }
                // An initial is no forename here: twins Harvey and Harry are both `H`.
                if !sameChild {
                    sameChild =
                        Self.sameNameAndBirth(vector) && table.forename[i].length > 1
                        || comparer.sameNamesSwapped(i, j, vector)
                }
                if twinGuard, let reason = comparer.twinReason(i, j, vector) {
                    twinPairs.append(TwinPair(first: i, second: j, reason: reason))
                } else if twinGuard, comparer.initialUnderAnotherPersonID(i, j, vector) {
                    twinPairs.append(TwinPair(first: i, second: j, reason: .initialUnderAnotherPersonID))
                } else if twinGuard, comparer.initialFitsTwins(i, j, vector) {
                    // An initial on one cluster's record that fits the other cluster's child and
                    // that child's twin: the join came through another pair, but the initial
                    // cannot say which twin it is.
                    twinPairs.append(TwinPair(first: i, second: j, reason: .initialFitsBothTwins))
                }
                if !registeredTwice { registeredTwice = comparer.registeredTwiceWithSlip(vector) }
                let address = vector.address
                if PairComparer.addressShared(address) { addressShared = true }
                if !addressesApart { addressesApart = comparer.addressesApart(i, j, address) }
            }
        }
        // One system registered the two under different person ids with birth dates a slip apart,
        // and no address is common to them: two children (a family registered twice gives its
        // address both times, unless it moved in between and the birth date was mistyped too).
        if registeredTwice, addressesApart, !addressShared { return .blockedConflict }
        // Or under different person ids whose records were made at once, at two addresses: two
        // children living at the same time, not one registered again after a move.
        if !identifierShared, addressesApart, !addressShared, heldAtOnceUnderTwoIDs(membersA, membersB) {
            return .blockedConflict
        }
        // Or held apart by both systems, each under ids of its own.
        if !identifierShared, addressesApart, !addressShared, heldApartByBothSystems(membersA, membersB) {
            return .blockedConflict
        }
        // Two clusters that hold the same forename on the same birth date (the right way round or
        // one record surname first) are one child with a slip in some record, not twins: the slip
        // must not veto the join.
        guard !twinPairs.isEmpty, !sameChild else { return nil }
        return twinsStand(twinPairs, membersA, membersB) ? .blockedTwins : nil
    }

    /// Whether one system holds the records of `membersA` and of `membersB` under different person
    /// ids it issued, and one id was seen at one address before and after a record of the other
    /// id (at another address: the caller asks that no address is common to the two). A system
    /// registers a child again when its search misses them, typically after a move; records may
    /// then go on under either id, but each at the address the child lived at then, so the
    /// addresses follow one another. Two ids in use at the same time at two addresses are two
    /// children (namesakes), however alike their names and birth dates. Ids typed in by hand
    /// (generic mode) are not issued by a system and say nothing of the kind.
    private func heldAtOnceUnderTwoIDs(_ membersA: [Int], _ membersB: [Int]) -> Bool {
        guard !table.typedPersonIDs else { return false }
        let systems = Set(membersA.lazy.filter { table.personID[$0] != 0 }.map { table.personSystem[$0] })
        for system in systems {
            let heldA = held(membersA, in: system)
            let heldB = held(membersB, in: system)
            guard !heldB.isEmpty, heldA.count + heldB.count >= 3 else { continue }
            let idsA = Set(heldA.map { table.personID[$0] })
            guard !heldB.contains(where: { idsA.contains(table.personID[$0]) }) else { continue }
            if seenAround(heldA, heldB) || seenAround(heldB, heldA) { return true }
        }
        return false
    }

    /// Whether every system that issues person ids (LCS, the education system) holds records of
    /// both clusters, each cluster under ids of its own there. One system registering a child
    /// again is a search that missed her, typically after a move. Both systems each holding the
    /// two apart, with no address common to them, is two children: a second registration is
    /// made by someone who searched first and, finding the other record, judged it another
    /// child's (another address, other parents) on more than the extract shows; one child missed
    /// by both systems' searches, and never recorded at one address by either, is far rarer than
    /// namesakes (`Ella Wilson`, born the same day, in two parts of the borough).
    private func heldApartByBothSystems(_ membersA: [Int], _ membersB: [Int]) -> Bool {
        guard !table.typedPersonIDs else { return false }
        return RecordTable.personSystems.allSatisfy { system in
            let idsA = personIDs(of: membersA, in: system)
            let idsB = personIDs(of: membersB, in: system)
            return !idsA.isEmpty && !idsB.isEmpty && idsA.isDisjoint(with: idsB)
        }
    }

    /// The person ids `system` issued to records of `members`.
    private func personIDs(of members: [Int], in system: UInt8) -> Set<UInt64> {
        Set(held(members, in: system).map { table.personID[$0] })
    }

    /// The records of `members` that carry a person id `system` issued.
    private func held(_ members: [Int], in system: UInt8) -> [Int] {
        members.filter { table.personID[$0] != 0 && table.personSystem[$0] == system }
    }

    /// Whether two or more of `records` at one address (the same postcode, or the same address
    /// line) were made before and after the event of one of `others` (strictly: the same event
    /// keyed twice, once under each id, falls on the same day).
    private func seenAround(_ records: [Int], _ others: [Int]) -> Bool {
        guard records.count >= 2 else { return false }
        return [table.postcodeFull, table.addressHash].contains { addressKeys in
            var spans: [UInt64: (start: Int32, end: Int32, count: Int)] = [:]
            for record in records where addressKeys[record] != 0 {
                let old = spans[addressKeys[record]] ?? (Int32.max, Int32.min, 0)
                spans[addressKeys[record]] = (
                    min(old.start, table.eventStart[record]), max(old.end, table.eventEnd[record]), old.count + 1
                )
            }
            return spans.values.contains { span in
                span.count >= 2
                    && others.contains { span.start < table.eventStart[$0] && table.eventEnd[$0] < span.end }
            }
        }
    }

    /// A record of each cluster that looks like a twin of the other, and why.
    private struct TwinPair {
        var first: Int
        var second: Int
        var reason: TwinReason
    }

    /// Whether some pair of records across the two clusters (of `twinPairs`, those that look like
    /// twins, from `membersA` and `membersB`) looks like twins and is not one
    /// child's slip: a system's records under one person id are one child, so a record whose
    /// spelling no other child holds (`Axchie`), that looks like a twin of the other side
    /// (`Archio`) only by its clearly different or mistyped-looking forename, while another record
    /// of its person id in its cluster is plainly the other side's child (`Archie`), is a slip, not
    /// a second child; and so are two such records when a record of each one's person id is
    /// plainly the other's (`Laecy` beside her `Lacey`, `Aisha` beside her `Laxey Aisha`). Alike
    /// names in their own right, a boy and a girl, and two person ids or two children held in one
    /// dataset keep their weight: a slip of one twin's name can look like the other twin's
    /// (`Llily` for Lilly, beside her twin Lily). An initial that fits both twins is no twin when
    /// its own person id names it (see ``initialNamedByItsPersonID(_:_:_:_:)``).
    private func twinsStand(_ twinPairs: [TwinPair], _ membersA: [Int], _ membersB: [Int]) -> Bool {
        twinPairs.contains { pair in
            switch pair.reason {
            case .differentForenames, .slipOfAnotherName:
                !sameChildThroughPersonIDs(pair.first, membersA, pair.second, membersB)
            case .initialFitsBothTwins:
                !initialNamedByItsPersonID(pair.first, membersA, pair.second, membersB)
            default: true
            }
        }
    }

    /// Whether, of records `first` (of `membersA`) and `second` (of `membersB`), one giving only
    /// a forename initial, that initial is named by its own person id: another record of its
    /// system and id in its cluster gives the full forename, and plainly describes the same child
    /// as the other, full-named record. One system's person id is one child, so `A Smith` under
    /// the education id that also holds `Avva Sienna Smith` is Avva, plainly `Ava Sienna Smith`,
    /// whoever else the initial would fit (Amber Smith, born the same day).
    private func initialNamedByItsPersonID(_ first: Int, _ membersA: [Int], _ second: Int, _ membersB: [Int])
        -> Bool
    {
        guard let (short, full, _) = comparer.forenameInitial(first, second) else { return false }
        let id = table.personID[short]
        guard id != 0 else { return false }
        let system = table.personSystem[short]
        let members = short == first ? membersA : membersB
        return members.contains { named in
            guard named != short, table.personID[named] == id, table.personSystem[named] == system,
                table.forename[named].length > 1
            else { return false }
            return plainlyOneChild(named, full)
        }
    }

    /// Whether the twin-looking records `first` (of `membersA`) and `second` (of `membersB`) are
    /// one child through their systems' person ids: a record of `first`'s person id in its
    /// cluster, or `first` itself, is plainly one child with a record of `second`'s person id in
    /// its cluster, or `second` itself (see ``sharingPersonID(_:_:)`` for the records that count).
    /// One system's person id is one child, so `Aisha` beside her own `Laxey Aisha` is the child
    /// known by her middle name, and `Lacey` in another system plainly that same child.
    private func sameChildThroughPersonIDs(_ first: Int, _ membersA: [Int], _ second: Int, _ membersB: [Int])
        -> Bool
    {
        let sidesA = [first] + sharingPersonID(first, membersA)
        let sidesB = [second] + sharingPersonID(second, membersB)
        return sidesA.contains { a in
            sidesB.contains { b in (a != first || b != second) && plainlyOneChild(a, b) }
        }
    }

    /// Whether records `a` and `b` plainly describe one child (see ``oneChild(_:)``) and do not
    /// look like twins.
    private func plainlyOneChild(_ a: Int, _ b: Int) -> Bool {
        let (low, high) = (min(a, b), max(a, b))
        let vector = comparer.compare(low, high)
        return Self.oneChild(vector) && !comparer.looksLikeTwins(low, high, vector)
    }

    /// The other records of `record`'s person id among `members`, when `record` reads as that
    /// child's own name: a spelling no other child holds, a form of one of their forenames
    /// (Danny beside Daniel), or another of their given names (Aisha beside Laxey Aisha).
    private func sharingPersonID(_ record: Int, _ members: [Int]) -> [Int] {
        let id = table.personID[record]
        guard id != 0 else { return [] }
        let rare = table.forenameCount[record] < PairComparer.attested
        return members.filter { sibling in
            sibling != record && table.personID[sibling] == id
                && table.personSystem[sibling] == table.personSystem[record]
                && (rare || table.forenameGroups[sibling].intersects(table.forenameGroups[record])
                    || comparer.compare(min(sibling, record), max(sibling, record)).forename.isOtherGivenName)
        }
    }

    /// Whether two records plainly describe one child: the same or a close forename or another
    /// form of it (`Joe` beside `Joey`: the name a family and a school call one child by), the
    /// same birth date or one slip of it, alike surnames and no sex disagreement.
    static func oneChild(_ vector: ComparisonVector) -> Bool {
        let forename = vector.forename
        return (forename.isExact || forename == .close || forename == .variant) && vector.dateOfBirth.isSameOrSlip
            && vector.surname.isSameOrSlip && vector.gender != .disagree
    }

    /// Whether two records of the clusters to join differ on both forename and date of birth, so
    /// that they must be two people. In a general file of people (generic mode, where the
    /// address's parts are compared) one person's copies are each garbled in a field or two of
    /// their own, so one copy with another forename and one with another birth date differ on both
    /// while sharing all the rest: that is no conflict when the two are alike on the rest of their
    /// fields (see ``alikeBeyondNameAndBirth(_:)``).
    static func forenameAndBirthConflict(_ vector: ComparisonVector, addressParts: Bool) -> Bool {
        guard vector.dateOfBirth == .different, vector.forename == .different else { return false }
        return !(addressParts && alikeBeyondNameAndBirth(vector))
    }

    /// Whether two records are alike beyond their forenames and birth dates: surnames not
    /// different (a slip, or names swapped, is allowed), no different gender or id (a spouse, a
    /// parent), and on the address's fields (postcode and address, street number, second line,
    /// town or suburb) and a typed id at least two agreeing and at most one different: one
    /// person's copies, each garbled in a field or two of its own, not flatmates (another surname)
    /// nor people of one name in one district (more than one field of the address apart).
    static func alikeBeyondNameAndBirth(_ vector: ComparisonVector) -> Bool {
        guard vector.surname != .different, vector.gender != .disagree, vector.personID != .disagree else {
            return false
        }
        let sameAddress = PairComparer.addressShared(vector.address)
        let agreeing =
            [sameAddress] + PairComparer.addressPartsAgreeing(vector)
            + [vector.personID == .agree || vector.personID == .oneSlip]
        let different = [
            !sameAddress && vector.address != .absent, vector.streetNumber == .disagree,
            vector.addressLine2 == .different, vector.town == .different,
        ]
        return agreeing.filter { $0 }.count >= 2 && different.filter { $0 }.count <= 1
    }

    /// Whether the records agree exactly on forename and date of birth, and their surnames agree
    /// or are one slip apart (`Leo Brown` beside `Leo Bronw`): twins share a surname and not a
    /// forename, so two such records are not each other's twin.
    static func sameNameAndBirth(_ vector: ComparisonVector) -> Bool {
        vector.forename.isExact && vector.dateOfBirth == .exact
            && vector.surname.isSameOrSlip && vector.gender != .disagree
    }

    /// Both sides hold identifiers and none is shared.
    static func conflict(_ left: [UInt64], _ right: [UInt64]) -> Bool {
        !left.isEmpty && !right.isEmpty && !left.contains(where: right.contains)
    }

    private func assemble(_ sets: DisjointSets, _ minimum: [Double], _ pairs: [ScoredPair]) -> Clustering {
        var sets = sets
        var childOfRoot = [Int](repeating: -1, count: table.count)
        var childOfRecord = [Int](repeating: 0, count: table.count)
        var roots: [Int] = []
        // Records are sorted by key, so the first record met of each cluster is its smallest key.
        for record in 0..<table.count {
            let root = sets.root(record)
            if childOfRoot[root] >= 0 {
                childOfRecord[record] = childOfRoot[root]
            } else {
                childOfRoot[root] = roots.count
                childOfRecord[record] = roots.count
                roots.append(root)
            }
        }
        var recordsOfChild = [[RecordKey]](repeating: [], count: roots.count)
        for record in 0..<table.count { recordsOfChild[childOfRecord[record]].append(keys[record]) }
        let children = recordsOfChild.enumerated().map {
            LinkedChild(id: ChildLinkID($0.offset + 1), records: $0.element)
        }
        return Clustering(
            children: children, childOfRecord: childOfRecord,
            minLinkProbability: roots.map { sets.members[$0].count > 1 ? minimum[$0] : nil },
            pairs: Self.inRecordOrder(pairs))
    }

    /// The pairs sorted by their records (the scorer gives them so already: then no copy is made).
    static func inRecordOrder(_ pairs: [ScoredPair]) -> [ScoredPair] {
        let before = { (a: ScoredPair, b: ScoredPair) in (a.first, a.second) < (b.first, b.second) }
        if zip(pairs, pairs.dropFirst()).allSatisfy({ before($0, $1) }) { return pairs }
        return pairs.sorted(by: before)
    }
}

/// Union–find with, per root, the cluster's members and its valid identifiers.
struct DisjointSets {
    private var sets: UnionFind
    var members: [[Int]]
    var upns: [[UInt64]]
    var nhs: [[UInt64]]

    init(table: RecordTable) {
        sets = UnionFind(count: table.count)
        members = (0..<table.count).map { [$0] }
        upns = (0..<table.count).map { table.permanentUPNs($0) }
        nhs = table.nhs.map { $0 == 0 ? [] : [$0] }
    }

    mutating func root(_ element: Int) -> Int { sets.root(element) }

    /// Joins two roots; the larger cluster's root survives. Returns the new root.
    mutating func union(_ a: Int, _ b: Int) -> Int {
        let (big, small) = sets.union(a, b)
        members[big] += members[small]
        members[small] = []
        for value in upns[small] where !upns[big].contains(value) { upns[big].append(value) }
        for value in nhs[small] where !nhs[big].contains(value) { nhs[big].append(value) }
        upns[small] = []
        nhs[small] = []
        return big
    }
}

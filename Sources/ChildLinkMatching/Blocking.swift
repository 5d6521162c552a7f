import ChildLinkModel

/// The blocking rules: each gives records keys, and every two records sharing a key under any
/// rule become a candidate pair. The union means no single corrupted field hides a pair; in
/// council extracts no rule blocks on the date of birth alone (generic mode adds the
/// single-field rules, ``isSingleField``).
package enum BlockingRule: Int, CaseIterable, Sendable, Hashable, Codable {
    /// Any valid UPN (current or former).
    case upn
    /// A valid NHS number.
    case nhsNumber
    /// The person id within its source system.
    case personID
    /// Date of birth and the forename's first letter (or variant group).
    case birthDateForenameInitial
    /// Date of birth and the surname's phonetic class.
    case birthDateSurnameSound
    /// Phonetic surname code, birth year and month, forename initial (and middle name initial):
    /// catches a mistyped forename with a mistyped day of birth, and first and middle names swapped.
    case surnameSoundBirthMonth
    /// Forename (or its variant group), birth year and month, postcode district: catches a changed
    /// surname with a mistyped day of birth.
    case forenameBirthMonth
    /// Full postcode and the forename's first letter.
    case postcodeForenameInitial
    /// Forename and surname as an unordered pair of sounds, with the birth year and, apart, with
    /// the birthday (no year): catches swaps, and swaps with a year out.
    case swappedNamesBirthYear
    /// Day and month in either order, birth year, surname and forename initials: catches transposed dates.
    case transposedBirthDate
    /// Day and month of birth, forename and surname sounds: catches a year out.
    case birthdayNames
    /// Date of birth and postcode sector: catches both names changed or mistyped.
    case birthDatePostcodeSector
    /// Address line and forename initial: catches a changed date of birth and surname.
    case addressForenameInitial
    /// The street number with the street, the town or the postcode, whatever the names (generic
    /// mode, when a file gives the street number apart): a person whose names and birth date were
    /// garbled at once still lives at the same house, and one of street, town and postcode may be
    /// mistyped too. Groups above ``Blocker/houseGroupLimit`` are not one house and are skipped.
    case houseNumberAddress
    /// The full postcode alone (generic mode): in a file of adults a postcode is typed with slips
    /// of its own, independent of the names and the birth date, so a person whose names or birth
    /// date were garbled as well is still compared. Groups above ``Blocker/singleFieldGroupLimit``
    /// are skipped, and neighbours are not paired (``Blocker/mayBeOnePersonAtOnePostcode(_:_:_:)``):
    /// records whose initials all differ and whose birth dates differ in the year and the birthday.
    case postcode
    /// The full date of birth alone (generic mode), for the same reason as the postcode; capped
    /// the same way.
    case birthDate
    /// Forename and surname exactly, in either order, without the birth date (generic mode):
    /// a person whose birth date was mistyped or left out, and whose names may have been swapped
    /// into each other's column; capped lower (``Blocker/fullNameGroupLimit``), since a full name,
    /// unlike a postcode or a birth date, is repeated by one person's copies, not by a household.
    case fullNames
    /// Date of birth and a name's sound, paired only across the columns: one record's forename
    /// sounds like the other's surname. Catches names swapped while the other name was shortened
    /// to an initial or mistyped (`White H` and `Harry White`, `Turner Oscam` and `Oscar Turner`),
    /// which the unordered pair of sounds misses.
    case swappedNameBirthDate
    /// Address line and the sound of any given name (the forename, a middle or preferred name):
    /// catches a child at one address known to two teams by two of its given names (`Sophia
    /// Charlotte` and `Charlotte`), whose birth date was mistyped as well, so no rule with the
    /// birth date or the forename's initial pairs them. Not the surname: at one address that
    /// would pair every brother and sister.
    case addressGivenNameSound

    /// A short description for the summary.
    package var title: String {
        switch self {
        case .upn: "UPN"
        case .nhsNumber: "NHS number"
        case .personID: "person id in its system"
        case .birthDateForenameInitial: "date of birth + forename initial"
        case .birthDateSurnameSound: "date of birth + surname sound"
        case .surnameSoundBirthMonth: "surname sound + birth year-month + forename or middle initial"
        case .forenameBirthMonth: "forename + birth year-month + postcode district"
        case .postcodeForenameInitial: "postcode + forename initial"
        case .swappedNamesBirthYear: "forename/surname either way + birth year, or + birthday"
        case .transposedBirthDate: "day/month either order + initials"
        case .birthdayNames: "birthday (no year) + name sounds"
        case .birthDatePostcodeSector: "date of birth + postcode sector"
        case .addressForenameInitial: "address + forename initial"
        case .houseNumberAddress: "street number + street, town or postcode"
        case .postcode: "postcode alone"
        case .birthDate: "date of birth alone"
        case .fullNames: "forename and surname, either order"
        case .swappedNameBirthDate: "date of birth + one's forename sounding like the other's surname"
        case .addressGivenNameSound: "address + a given name's sound"
        }
    }

    /// Whether the rule keys on one field alone (or one name pair), so only generic mode uses it
    /// and its groups are capped at ``Blocker/singleFieldGroupLimit``. In children's extracts a
    /// birth date or a postcode alone is shared by too many children (a year group, a block of
    /// flats), and the other rules pair each with a second field.
    package var isSingleField: Bool {
        switch self {
        case .postcode, .birthDate, .fullNames: true
        default: false
        }
    }

    /// Whether only generic mode uses the rule: the street-number rule (council extracts give no
    /// street number apart) and the single-field rules (``isSingleField``). Council summaries
    /// leave their lines out.
    package var isGenericOnly: Bool { self == .houseNumberAddress || isSingleField }
}

/// Builds the candidate pairs: keys per rule, sorted; pairs within each key group; one sorted,
/// de-duplicated array of packed pairs (`i << 32 | j`, `i < j`).
struct Blocker: Sendable {
    /// Key groups larger than this are skipped for that rule: a key shared by so many records
    /// does not discriminate, and the other rules still cover their pairs.
    var maxGroupSize: Int
    /// The largest key group a single-field rule (``BlockingRule/isSingleField``) pairs. A postcode,
    /// birth date or full name shared by more records than this narrows too little to be a key on
    /// its own (a large block of flats, a common name); such pairs are left to the rules that
    /// combine two fields. Each record then gets at most 49 candidates from each such rule, so
    /// the rule adds at most 24.5 pairs per record.
    static let singleFieldGroupLimit = 50
    /// The largest group ``BlockingRule/fullNames`` pairs. One person's copies of a full name are
    /// a handful; a name held by more records than this is a common name held by several people
    /// (in a file of a million, namesakes by the dozen), whose pairs need the birth date or the
    /// address as well, which the other rules give. At 50 such groups gave most of the rule's
    /// pairs at a million records and none of its true ones on FEBRL (docs/accuracy.md).
    static let fullNameGroupLimit = 20
    /// The largest group ``BlockingRule/houseNumberAddress`` pairs. One house's records are its
    /// household's: a few people, each with a handful of records. A street number with a street,
    /// town or postcode held by more records than this is not one house but that number on a
    /// street name repeated across towns (every town has a High Street), or in a whole town, and
    /// its pairs need a name or the birth date as well, which the other rules give.
    static let houseGroupLimit = 50
    /// Rules are keyed and paired in parallel on this many threads.
    var concurrency: Int = 1

    struct Output: Sendable {
        var pairs: [UInt64]
        /// Pairs generated by each rule before de-duplication.
        var pairsPerRule: [BlockingRule: Int]
        /// Key groups skipped as too large, per rule.
        var skippedGroups: [BlockingRule: Int]
    }

    func candidatePairs(_ table: RecordTable) -> Output {
        // The address's parts are filled only in generic mode, which alone blocks on single fields.
        let rules = BlockingRule.allCases.filter { table.addressParts || !$0.isGenericOnly }
        var perRule: [BlockingRule: Int] = [:]
        var skipped: [BlockingRule: Int] = [:]
        var pairs: [UInt64] = []
        var pending: [[UInt64]] = []
        // Rules are paired `concurrency` at a time; while a round's rules are keyed and paired,
        // the previous round's lists are folded into the running union by linear merges. At most
        // two rounds' lists exist beside the union (not every rule's list, which together hold
        // each pair three or four times over).
        let round = max(1, concurrency)
        let blocker = self
        for first in stride(from: 0, to: rules.count + round, by: round) {
            let batch = first < rules.count ? Array(rules[first..<min(first + round, rules.count)]) : []
            let results = ChunkResults<([UInt64], Int)>(count: batch.count, initial: ([], 0))
            // The union is handed to the merging thread as its only owner, so it grows in place.
            let merged = ChunkResults<[UInt64]>(count: 1, initial: [])
            merged.set(0, pairs)
            pairs = []
            let lists = pending
            pending = []
            let expected = 48 * table.count
            ParallelChunks.perform(batch.count + 1, concurrency: concurrency) { index in
                if index == batch.count {
                    // The round's lists together first, then into the union in place: no second
                    // array of the union's size.
                    var union = merged.take(0, leaving: [])
                    Self.formUnion(&union, lists.reduce([]) { Self.union($0, $1) }, expected: expected)
                    merged.set(0, union)
                } else {
                    results.set(index, blocker.rulePairs(batch[index], table))
                }
            }
            pairs = merged.take(0, leaving: [])
            for (index, result) in results.values.enumerated() {
                perRule[batch[index]] = result.0.count
                skipped[batch[index]] = result.1
                pending.append(result.0)
            }
        }
        return Output(pairs: pairs, pairsPerRule: perRule, skippedGroups: skipped)
    }

    /// One rule's pairs, sorted and de-duplicated, and how many key groups it skipped as too large.
    func rulePairs(_ rule: BlockingRule, _ table: RecordTable) -> ([UInt64], Int) {
        var entries = keys(rule, table)
        Self.radixSortByKey(&entries)
        var pairs: [UInt64] = []
        let admits: ((Int, Int) -> Bool)? =
            switch rule {
            case .postcode: { Self.mayBeOnePersonAtOnePostcode($0, $1, table) }
            case .swappedNameBirthDate: { Self.soundAcrossColumns($0, $1, table) }
            default: nil
            }
        let skippedGroups = emitPairs(entries, into: &pairs, maxGroupSize: groupLimit(rule), admits: admits)
        entries = []
        Self.radixSort(&pairs)
        Self.uniqueInPlace(&pairs)
        return (pairs, skippedGroups)
    }

    /// The sorted union, without duplicates, of two sorted arrays without duplicates (one linear merge).
    static func union(_ first: [UInt64], _ second: [UInt64]) -> [UInt64] {
        if first.isEmpty { return second }
        if second.isEmpty { return first }
        var result: [UInt64] = []
        result.reserveCapacity(first.count + second.count)
        var i = 0
        var j = 0
        while i < first.count, j < second.count {
            let a = first[i]
            let b = second[j]
            if a <= b {
                result.append(a)
                i += 1
                if a == b { j += 1 }
            } else {
                result.append(b)
                j += 1
            }
        }
        result += first[i...]
        result += second[j...]
        return result
    }

    /// Adds the sorted, duplicate-free `addition` to the sorted, duplicate-free `union` in place:
    /// merged from the back into the grown array, then the gap left by shared values closed. The
    /// array is first given room for `expected` values (address space only: pages never written
    /// cost no memory), so it is not reallocated, with a second copy, as it grows.
    static func formUnion(_ union: inout [UInt64], _ addition: [UInt64], expected: Int = 0) {
        if addition.isEmpty { return }
        if union.capacity < expected { union.reserveCapacity(expected) }
        let oldCount = union.count
        union.append(contentsOf: repeatElement(0, count: addition.count))
        var gap = 0
        union.withUnsafeMutableBufferPointer { buffer in
            addition.withUnsafeBufferPointer { add in
                var i = oldCount - 1
                var j = add.count - 1
                var k = buffer.count - 1
                while j >= 0 {
                    if i >= 0, buffer[i] >= add[j] {
                        if buffer[i] == add[j] { j -= 1 }
                        buffer[k] = buffer[i]
                        i -= 1
                    } else {
                        buffer[k] = add[j]
                        j -= 1
                    }
                    k -= 1
                }
                // What is left of the union moves up to meet the merged values.
                while i >= 0 {
                    buffer[k] = buffer[i]
                    i -= 1
                    k -= 1
                }
                gap = k + 1
                if gap > 0 {
                    for position in gap..<buffer.count { buffer[position - gap] = buffer[position] }
                }
            }
        }
        union.removeLast(gap)
    }

    /// Sorts packed pairs in place (see ``radixSort(_:blank:key:)``): packed pairs use only the low
    /// bits of each half, so most of the eight byte passes are skipped.
    static func radixSort(_ values: inout [UInt64]) {
        radixSort(&values, blank: 0) { $0 }
    }

    /// Sorts entries by key. Each pass is stable and the entries of a rule are made in record
    /// order, so within a key they stay in index order: the same order as sorting by
    /// `(key, index)`, without a comparison sort of millions of entries.
    ///
    /// Only the keys' top 32 bits are radix-sorted (half the passes): keys are hashes, so two
    /// different keys seldom share them. Where entries of different keys do, their run is then
    /// sorted by key and index, which completes the order.
    static func radixSortByKey(_ entries: inout [Entry]) {
        radixSort(&entries, blank: Entry(key: 0, index: 0)) { $0.key >> 32 }
        sortRunsSharingTopHalf(&entries)
    }

    /// Sorts by `(key, index)` each run of entries whose keys agree in their top 32 bits but not in
    /// all 64 (entries sorted by the top half, stably, from index order).
    private static func sortRunsSharingTopHalf(_ entries: inout [Entry]) {
        entries.withUnsafeMutableBufferPointer { buffer in
            var start = 0
            while start < buffer.count {
                let first = buffer[start].key
                var end = start + 1
                var mixed = false
                while end < buffer.count, buffer[end].key >> 32 == first >> 32 {
                    if buffer[end].key != first { mixed = true }
                    end += 1
                }
                if mixed {
                    var run = UnsafeMutableBufferPointer(rebasing: buffer[start..<end])
                    run.sort()
                }
                start = end
            }
        }
    }

    /// Sorts `items` by `key` in place, least significant digit first (a stable counting pass per
    /// 11-bit digit: six passes for 64 bits, where bytes would take eight), skipping the digits
    /// every key shares. Faster than a comparison sort on millions of items; a small array (where
    /// the two agree) is sorted by comparison.
    @inline(__always)
    static func radixSort<Item: Comparable>(_ items: inout [Item], blank: Item, key: (Item) -> UInt64) {
        let n = items.count
        guard n > 4096 else {
            items.sort()
            return
        }
        let bits = 11
        let radix = 1 << bits
        let mask = UInt64(radix - 1)
        let digitCount = (64 + bits - 1) / bits
        var counts = [Int](repeating: 0, count: digitCount * radix)
        counts.withUnsafeMutableBufferPointer { counts in
            for item in items {
                let value = key(item)
                for digit in 0..<digitCount {
                    counts[digit &* radix &+ Int(truncatingIfNeeded: (value >> UInt64(bits &* digit)) & mask)] += 1
                }
            }
        }
        let first = key(items[0])
        var scratch = [Item](repeating: blank, count: n)
        for position in 0..<digitCount {
            let shift = UInt64(bits * position)
            let base = position * radix
            if counts[base + Int((first >> shift) & mask)] == n { continue }
            var offsets = [Int](repeating: 0, count: radix)
            var total = 0
            for digit in 0..<radix {
                offsets[digit] = total
                total += counts[base + digit]
            }
            items.withUnsafeBufferPointer { source in
                scratch.withUnsafeMutableBufferPointer { destination in
                    offsets.withUnsafeMutableBufferPointer { offsets in
                        for item in source {
                            let digit = Int(truncatingIfNeeded: (key(item) >> shift) & mask)
                            destination[offsets[digit]] = item
                            offsets[digit] += 1
                        }
                    }
                }
            }
            swap(&items, &scratch)
        }
    }

    /// Removes adjacent duplicates from a sorted array, keeping its storage.
    static func uniqueInPlace(_ values: inout [UInt64]) {
        guard values.count > 1 else { return }
        var write = 1
        for read in 1..<values.count where values[read] != values[write - 1] {
            values[write] = values[read]
            write += 1
        }
        values.removeLast(values.count - write)
    }

    /// The largest key group the rule pairs: the single-field rules and the street number are
    /// capped lower than the rest.
    func groupLimit(_ rule: BlockingRule) -> Int {
        switch rule {
        case .fullNames: min(maxGroupSize, Self.fullNameGroupLimit)
        case .houseNumberAddress: min(maxGroupSize, Self.houseGroupLimit)
        case _ where rule.isSingleField: min(maxGroupSize, Self.singleFieldGroupLimit)
        default: maxGroupSize
        }
    }

    /// Whether two records at one postcode may be one person: they share a name's first letter
    /// (either name, either column), or the birth year, or the birthday (day and month), or one
    /// of them has no birth date to tell. A person whose names were both garbled keeps their
    /// first letters (a slip seldom strikes the first letter, and names swapped keep both), and a
    /// mistyped birth date seldom changes the year and the birthday at once. Two records whose
    /// initials all differ and whose known birth dates differ in both are neighbours; their pair
    /// is left to the rules that pair the postcode with the house number or a name.
    static func mayBeOnePersonAtOnePostcode(_ i: Int, _ j: Int, _ t: RecordTable) -> Bool {
        let first = t.initials(i)
        let second = t.initials(j)
        if first.forename != 0, first.forename == second.forename || first.forename == second.surname { return true }
        if first.surname != 0, first.surname == second.forename || first.surname == second.surname { return true }
        guard t.birthDays[i] != Int32.min, t.birthDays[j] != Int32.min else { return true }
        return t.birthYear[i] == t.birthYear[j]
            || (t.birthMonth[i] == t.birthMonth[j] && t.birthDay[i] == t.birthDay[j])
    }

    /// Whether one record's forename sounds like the other's surname.
    static func soundAcrossColumns(_ i: Int, _ j: Int, _ t: RecordTable) -> Bool {
        (t.forenamePhonetic[i] != 0 && t.forenamePhonetic[i] == t.surnamePhonetic[j])
            || (t.surnamePhonetic[i] != 0 && t.surnamePhonetic[i] == t.forenamePhonetic[j])
    }

    /// Appends the pairs within each key group of `entries` (sorted by key, then index) to `pairs`,
    /// those `admits` accepts (by the records' indices); returns how many groups were skipped as
    /// larger than the maximum group size.
    func emitPairs(
        _ entries: [Entry], into pairs: inout [UInt64], maxGroupSize: Int,
        admits: ((Int, Int) -> Bool)? = nil
    ) -> Int {
        var skipped = 0
        var start = 0
        while start < entries.count {
            var end = start + 1
            while end < entries.count, entries[end].key == entries[start].key { end += 1 }
            let size = end - start
            if size > maxGroupSize {
                skipped += 1
            } else if size > 1 {
                for a in start..<(end - 1) {
                    let i = UInt64(entries[a].index)
                    for b in (a + 1)..<end where entries[b].index != entries[a].index {
                        if let admits, !admits(Int(entries[a].index), Int(entries[b].index)) { continue }
                        pairs.append(i << 32 | UInt64(entries[b].index))
                    }
                }
            }
            start = end
        }
        return skipped
    }

    struct Entry: Comparable {
        var key: UInt64
        var index: UInt32
        static func < (lhs: Entry, rhs: Entry) -> Bool { (lhs.key, lhs.index) < (rhs.key, rhs.index) }
    }

    func keys(_ rule: BlockingRule, _ t: RecordTable) -> [Entry] {
        var entries: [Entry] = []
        entries.reserveCapacity(t.count)
        let tag = UInt64(rule.rawValue + 1)
        func add(_ index: Int, _ parts: UInt64...) {
            var key = tag
            for part in parts { key = Hashing.mix(key, part) }
            entries.append(Entry(key: key, index: UInt32(index)))
        }
        for i in 0..<t.count {
            let hasBirth = t.birthDays[i] != Int32.min
            let (forenameInitial, surnameInitial) = t.initials(i)
            switch rule {
            case .upn:
                if t.upnA[i] != 0 { add(i, t.upnA[i]) }
                if t.upnB[i] != 0 { add(i, t.upnB[i]) }
            case .nhsNumber:
                if t.nhs[i] != 0 { add(i, t.nhs[i]) }
            case .personID:
                if t.personID[i] != 0 { add(i, t.personID[i]) }
            case .birthDateForenameInitial:
                guard hasBirth, forenameInitial != 0 else { continue }
                add(i, UInt64(bitPattern: Int64(t.birthDays[i])), forenameInitial)
                for group in t.forenameGroups[i].ids {
                    add(i, UInt64(bitPattern: Int64(t.birthDays[i])), 1000 + UInt64(group))
                }
            case .birthDateSurnameSound:
                guard hasBirth, t.surnamePhonetic[i] != 0 else { continue }
                add(i, UInt64(bitPattern: Int64(t.birthDays[i])), UInt64((t.surnamePhonetic[i] >> 20) & 0xFF))
            case .surnameSoundBirthMonth:
                guard hasBirth else { continue }
                guard t.surnamePhonetic[i] != 0 else { continue }
                let month = UInt64(t.birthYear[i]) * 16 + UInt64(t.birthMonth[i])
                if forenameInitial != 0 { add(i, UInt64(t.surnamePhonetic[i]), month, forenameInitial) }
                // Known by the middle name (first and middle names swapped): the middle name's initial too.
                if let middle = t.alternativeSpans.range(i).first.map({ t.alternativeSpans.values[$0] }),
                    !middle.isEmpty, UInt64(t.text[Int(middle.start)]) != forenameInitial
                {
                    add(i, UInt64(t.surnamePhonetic[i]), month, UInt64(t.text[Int(middle.start)]))
                }
            case .forenameBirthMonth:
                guard hasBirth, !t.forename[i].isEmpty else { continue }
                let month = UInt64(t.birthYear[i]) * 16 + UInt64(t.birthMonth[i])
                let district = t.postcodeDistrict[i] != 0 ? t.postcodeDistrict[i] : t.postcodeFull[i]
                guard district != 0 else { continue }
                add(i, t.forenameHash[i], month, district)
                for group in t.forenameGroups[i].ids { add(i, 1000 + UInt64(group), month, district) }
            case .postcodeForenameInitial:
                if t.postcodeFull[i] != 0, forenameInitial != 0 { add(i, t.postcodeFull[i], forenameInitial) }
            case .swappedNamesBirthYear:
                let forenameSound = t.forenameStemSound(i)
                guard hasBirth, forenameSound != 0, t.surnamePhonetic[i] != 0 else { continue }
                let low = UInt64(min(forenameSound, t.surnamePhonetic[i]))
                let high = UInt64(max(forenameSound, t.surnamePhonetic[i]))
                add(i, low, high, UInt64(t.birthYear[i]))
                // Swapped and a year out at once (each common alone): the birthday without the year.
                add(i, low, high, 10_000 + UInt64(t.birthMonth[i]) * 32 + UInt64(t.birthDay[i]))
            case .transposedBirthDate:
                guard hasBirth, surnameInitial != 0 else { continue }
                let low = UInt64(min(t.birthDay[i], t.birthMonth[i]))
                let high = UInt64(max(t.birthDay[i], t.birthMonth[i]))
                add(i, low, high, UInt64(t.birthYear[i]), surnameInitial, forenameInitial)
            case .birthDatePostcodeSector:
                guard hasBirth else { continue }
                let sector = t.postcodeSector[i] != 0 ? t.postcodeSector[i] : t.postcodeFull[i]
                if sector != 0 { add(i, UInt64(bitPattern: Int64(t.birthDays[i])), sector) }
            case .addressForenameInitial:
                if t.addressHash[i] != 0, forenameInitial != 0 { add(i, t.addressHash[i], forenameInitial) }
            case .houseNumberAddress:
                guard t.addressParts, t.streetNumberHash[i] != 0 else { continue }
                let number = t.streetNumberHash[i]
                if t.addressHash[i] != 0 { add(i, number, 1, t.addressHash[i]) }
                if t.townHash[i] != 0 { add(i, number, 2, t.townHash[i]) }
                if t.postcodeFull[i] != 0 { add(i, number, 3, t.postcodeFull[i]) }
            case .postcode:
                if t.postcodeFull[i] != 0 { add(i, t.postcodeFull[i]) }
            case .birthDate:
                if hasBirth { add(i, UInt64(bitPattern: Int64(t.birthDays[i]))) }
            case .fullNames:
                guard t.forenameHash[i] != 0, t.surnameHash[i] != 0 else { continue }
                add(i, min(t.forenameHash[i], t.surnameHash[i]), max(t.forenameHash[i], t.surnameHash[i]))
            case .swappedNameBirthDate:
                guard hasBirth else { continue }
                let day = UInt64(bitPattern: Int64(t.birthDays[i]))
                if t.forenamePhonetic[i] != 0 { add(i, day, UInt64(t.forenamePhonetic[i])) }
                if t.surnamePhonetic[i] != 0, t.surnamePhonetic[i] != t.forenamePhonetic[i] {
                    add(i, day, UInt64(t.surnamePhonetic[i]))
                }
            case .addressGivenNameSound:
                guard t.addressHash[i] != 0 else { continue }
                let forenameSound = t.forenamePhonetic[i]
                if forenameSound != 0 { add(i, t.addressHash[i], UInt64(forenameSound)) }
                // A key repeated within one record only repeats its pairs, which are de-duplicated.
                for index in t.alternativeSpans.range(i) {
                    let sound = StringSimilarity.phoneticCode(Array(t.slice(t.alternativeSpans.values[index])))
                    if sound != 0, sound != forenameSound { add(i, t.addressHash[i], UInt64(sound)) }
                }
            case .birthdayNames:
                guard hasBirth, t.forenamePhonetic[i] != 0, t.surnamePhonetic[i] != 0 else { continue }
                add(
                    i, UInt64(t.birthMonth[i]) * 32 + UInt64(t.birthDay[i]),
                    UInt64((t.forenamePhonetic[i] >> 20) & 0xFF),
                    UInt64(t.surnamePhonetic[i]))
            }
        }
        return entries
    }
}

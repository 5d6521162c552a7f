import ChildLinkModel

/// One short list per record, stored back to back (no array per record, so reading them in the
/// hot loop costs no reference counting).
struct FlatLists<Element: Sendable & Equatable>: Sendable, Equatable {
    private(set) var values: [Element] = []
    private(set) var starts: [UInt32] = [0]

    mutating func append(_ list: some Sequence<Element>) {
        values.append(contentsOf: list)
        starts.append(UInt32(values.count))
    }

    /// Appends every list of `other`, each element passed through `transform`.
    mutating func append(contentsOf other: FlatLists, _ transform: (Element) -> Element = { $0 }) {
        let offset = UInt32(values.count)
        values.append(contentsOf: other.values.lazy.map(transform))
        starts.append(contentsOf: other.starts.dropFirst().lazy.map { $0 + offset })
    }

    /// The positions in ``values`` of record `index`'s list.
    @inline(__always) func range(_ index: Int) -> Range<Int> { Int(starts[index])..<Int(starts[index + 1]) }

    @inline(__always) func isEmpty(_ index: Int) -> Bool { starts[index] == starts[index + 1] }

    func contains(_ index: Int, _ value: Element) -> Bool {
        for position in range(index) where values[position] == value { return true }
        return false
    }

    /// The bit of a hash in ``bits(_:)``.
    @inline(__always) static func bit(_ hash: UInt64) -> UInt64 where Element == UInt64 {
        1 << ((hash &* 0x9E37_79B9_7F4A_7C15) >> 58)
    }

    /// One bit per element of record `index`'s list: two lists without a common bit have no
    /// common element.
    func bits(_ index: Int) -> UInt64 where Element == UInt64 {
        var bits: UInt64 = 0
        for position in range(index) { bits |= Self.bit(values[position]) }
        return bits
    }

    /// Whether the two records' lists share an element.
    func intersects(_ first: Int, _ second: Int) -> Bool {
        for position in range(first) where contains(second, values[position]) { return true }
        return false
    }
}

/// A slice of ``RecordTable/text``: where one folded name starts and how long it is.
struct TextSpan: Sendable, Equatable {
    var start: UInt32 = 0
    var length: UInt16 = 0
    var isEmpty: Bool { length == 0 }
}

/// Every record's matching fields, normalised once into compact columns (structure of arrays) so
/// that scoring millions of pairs touches only integers and short byte strings.
struct RecordTable: Sendable, Equatable {
    /// The forename variant groups that ``forenameGroups`` and ``alternativeGroups`` number.
    var variants: ForenameVariantTable = .builtIn
    /// Folded names, back to back.
    var text: [UInt8] = []
    var dataset: [UInt8] = []
    var forename: [TextSpan] = []
    var forenameHash: [UInt64] = []
    var forenamePhonetic: [UInt32] = []
    var forenameGroups: [VariantGroups] = []
    /// How many different children (by surname, date of birth and the system that holds the
    /// record) carry exactly this forename: a well-attested spelling is a name in its own right
    /// (Jaden, Jayden), a rare one is more likely a slip. Records are not counted, because one
    /// system repeats a slip made once in its person record on every episode of that child.
    var forenameCount: [UInt32] = []
    /// The same count by forename hash, for looking up a spelling no record of the pair holds.
    var childrenByForename: [UInt64: UInt32] = [:]
    /// How many of those children carry each surname spelling (by hash): with
    /// ``childrenByForename``, whether a name is held as a forename or as a surname, to read a
    /// record written surname first.
    var childrenBySurname: [UInt64: UInt32] = [:]
    /// For each forename spelling one slip from a name that may be far commoner than it, those
    /// names, how many children hold each and their variant groups (filled by ``countForenames()``: the names more than
    /// ``PairComparer/slipRarity`` children hold, since a spelling is held by one at least; by
    /// ``recount(_:)``: every name the counts hold). Worked out once per name, so a pair asks for
    /// its names' far commoner neighbours without spelling out every slip of both.
    var commonerSlips: [UInt64: [CountedName]] = [:]
    /// For a forename the variant table does not know, the variant groups of the far commoner
    /// names one slip from it (`Olivr`: Oliver's; `Tillly`: Tilly's), else none: the cheap first
    /// test of ``PairComparer/isSlipOfAnotherForm(_:of:)`` (filled by ``countForenames()``).
    var forenameSlipGroups: [VariantGroups] = []
    /// Hashes of middle names and the preferred name, with their variant groups merged in.
    var alternativeForenames = FlatLists<UInt64>()
    /// The same names as text, for spelling-tolerant comparison.
    var alternativeSpans = FlatLists<TextSpan>()
    var alternativeGroups: [VariantGroups] = []
    /// The whole surname, folded, parts joined (`smithjones`).
    var surname: [TextSpan] = []
    var surnameHash: [UInt64] = []
    /// The stems of the surname parts joined (`horvathova` → `horvath`).
    var surnameStem: [TextSpan] = []
    var surnamePhonetic: [UInt32] = []
    /// Stem hashes of each surname part and of the former surname's parts.
    var surnameParts = FlatLists<UInt64>()
    /// Days since 1970, or `Int32.min` when unknown.
    var birthDays: [Int32] = []
    var birthYear: [Int16] = []
    var birthMonth: [UInt8] = []
    var birthDay: [UInt8] = []
    var postcodeFull: [UInt64] = []
    var postcodeSector: [UInt64] = []
    var postcodeDistrict: [UInt64] = []
    var addressHash: [UInt64] = []
    /// The numbers the address line gives (house and flat), one bit each (see
    /// ``addressNumberBits(_:)``); 0 when it gives none.
    var addressNumbers: [UInt64] = []
    var gender: [UInt8] = []
    /// Valid UPNs (current and former); bit 0 of `upnTemporary` marks the first as temporary, bit 1 the second.
    var upnA: [UInt64] = []
    var upnB: [UInt64] = []
    var upnTemporary: [UInt8] = []
    var nhs: [UInt64] = []
    /// The person id scoped to the source system that issued it.
    var personID: [UInt64] = []
    var personSystem: [UInt8] = []
    /// Whether person ids were typed in by hand (generic mode), so that two ids one or two slips
    /// apart are compared as such (``PersonIDLevel``); ids a system issues either agree or not.
    var typedPersonIDs = false
    /// The person ids as given, when ``typedPersonIDs`` (empty otherwise).
    var personIDText: [TextSpan] = []
    /// Whether the address's parts (street number, second line, town, region) are compared as
    /// fields of their own (generic mode). The columns below are filled only then.
    var addressParts = false
    /// The folded parts, and their hashes (0 when absent).
    var streetNumberHash: [UInt64] = []
    var addressLine2: [TextSpan] = []
    var addressLine2Hash: [UInt64] = []
    var town: [TextSpan] = []
    var townHash: [UInt64] = []
    var regionHash: [UInt64] = []
    /// Bit 0: the forename holds an unknown character (`?`), bit 1: the surname does.
    var unknownCharacters: [UInt8] = []
    /// Bit 0: ``nhsCorrections`` is not empty, bit 1: ``upnCorrections`` is not.
    var identifierSlips: [UInt8] = []
    /// For an NHS number that fails its check: every valid number one digit changed or two
    /// neighbouring digits swapped from it.
    var nhsCorrections = FlatLists<UInt64>()
    /// For a UPN (or former UPN) that fails its check letter: the hashes of every valid UPN one
    /// character changed or two neighbours swapped from it.
    var upnCorrections = FlatLists<UInt64>()
    /// The first and last day (since 1970) of the event a record is about: a missing episode's
    /// start and end, a CME referral's opening and closing, an EHE record's start and end; the one
    /// day it is placed on when no end is given. Two records of one dataset whose periods overlap
    /// are two things happening at once, not one child's history.
    var eventStart: [Int32] = []
    var eventEnd: [Int32] = []
    /// Every record with a known birth date as `birthDays << 32 | index`, sorted: the records born
    /// on one day, found by binary search (filled by ``countForenames()``).
    var birthOrder: [UInt64] = []

    var count: Int { dataset.count }

    init() {}

    init(
        _ records: [SourceRecord], variants: ForenameVariantTable = .builtIn, typedPersonIDs: Bool = false,
        addressParts: Bool = false
    ) {
        self.init(records[...], variants: variants, typedPersonIDs: typedPersonIDs, addressParts: addressParts)
        countForenames()
    }

    /// The table of `records`, normalised in `concurrency` parts at once and joined in order: the
    /// same table as `init(records)`.
    init(
        _ records: [SourceRecord], concurrency: Int, minimumPartSize: Int = 10_000,
        variants: ForenameVariantTable = .builtIn, typedPersonIDs: Bool = false, addressParts: Bool = false
    ) {
        let partCount = max(1, min(concurrency, records.count / max(1, minimumPartSize)))
        guard partCount > 1 else {
            self.init(records, variants: variants, typedPersonIDs: typedPersonIDs, addressParts: addressParts)
            return
        }
        let partSize = (records.count + partCount - 1) / partCount
        let parts = ChunkResults<RecordTable>(count: partCount, initial: RecordTable())
        ParallelChunks.perform(partCount, concurrency: partCount) { part in
            let start = part * partSize
            let slice = records[start..<min(start + partSize, records.count)]
            parts.set(
                part,
                RecordTable(slice, variants: variants, typedPersonIDs: typedPersonIDs, addressParts: addressParts))
        }
        // Moved out of the results, each part freed once joined: no column is copied on write.
        var tables = parts.takeValues()
        self = RecordTable()
        swap(&self, &tables[0])
        for index in 1..<tables.count {
            append(contentsOf: tables[index])
            tables[index] = RecordTable()
        }
        countForenames()
    }

    /// The table of `records`, without ``forenameCount`` (which needs every record).
    private init(
        _ records: ArraySlice<SourceRecord>, variants: ForenameVariantTable, typedPersonIDs: Bool, addressParts: Bool
    ) {
        self.variants = variants
        self.typedPersonIDs = typedPersonIDs
        self.addressParts = addressParts
        reserve(records.count)
        // By index: the record is read in place, not copied (with a retain of every field) per step.
        for index in records.indices { append(records[index]) }
    }

    /// Appends every record of `other` (its names moved into this table's text).
    mutating func append(contentsOf other: RecordTable) {
        let offset = UInt32(text.count)
        let moved = { (span: TextSpan) in TextSpan(start: span.start + offset, length: span.length) }
        text += other.text
        dataset += other.dataset
        forename += other.forename.lazy.map(moved)
        forenameHash += other.forenameHash
        forenamePhonetic += other.forenamePhonetic
        forenameGroups += other.forenameGroups
        alternativeForenames.append(contentsOf: other.alternativeForenames)
        alternativeSpans.append(contentsOf: other.alternativeSpans, moved)
        alternativeGroups += other.alternativeGroups
        surname += other.surname.lazy.map(moved)
        surnameHash += other.surnameHash
        surnameStem += other.surnameStem.lazy.map(moved)
        surnamePhonetic += other.surnamePhonetic
        surnameParts.append(contentsOf: other.surnameParts)
        birthDays += other.birthDays
        birthYear += other.birthYear
        birthMonth += other.birthMonth
        birthDay += other.birthDay
        postcodeFull += other.postcodeFull
        postcodeSector += other.postcodeSector
        postcodeDistrict += other.postcodeDistrict
        addressHash += other.addressHash
        addressNumbers += other.addressNumbers
        gender += other.gender
        upnA += other.upnA
        upnB += other.upnB
        upnTemporary += other.upnTemporary
        nhs += other.nhs
        personID += other.personID
        personSystem += other.personSystem
        personIDText += other.personIDText.lazy.map(moved)
        streetNumberHash += other.streetNumberHash
        addressLine2 += other.addressLine2.lazy.map(moved)
        addressLine2Hash += other.addressLine2Hash
        town += other.town.lazy.map(moved)
        townHash += other.townHash
        regionHash += other.regionHash
        unknownCharacters += other.unknownCharacters
        identifierSlips += other.identifierSlips
        nhsCorrections.append(contentsOf: other.nhsCorrections)
        upnCorrections.append(contentsOf: other.upnCorrections)
        eventStart += other.eventStart
        eventEnd += other.eventEnd
    }

    /// Fills ``forenameCount`` once every record is in.
    mutating func countForenames() {
        var holders = Set<ForenameHolder>(minimumCapacity: forenameHash.count)
        var counts: [UInt64: UInt32] = [:]
        var surnames: [UInt64: UInt32] = [:]
        for index in forenameHash.indices where forenameHash[index] != 0 {
            let holder = ForenameHolder(
                forename: forenameHash[index], surname: surnameHash[index], birthDays: birthDays[index],
                system: personSystem[index])
            guard holders.insert(holder).inserted else { continue }
            counts[forenameHash[index], default: 0] += 1
            if surnameHash[index] != 0 { surnames[surnameHash[index], default: 0] += 1 }
        }
        forenameCount = forenameHash.map { $0 == 0 ? 0 : counts[$0] ?? 0 }
        childrenByForename = counts
        childrenBySurname = surnames
        commonerSlips = findCommonerSlips()
        forenameSlipGroups = slipGroupsOfUnknownForenames()
        birthOrder = birthDays.indices.compactMap { index in
            let days = birthDays[index]
            return days == Int32.min ? nil : UInt64(UInt32(bitPattern: days)) << 32 | UInt64(index)
        }
        birthOrder.sort()
    }

    /// Every spelling the table holds one slip from a forename more than ``PairComparer/slipRarity``
    /// children hold, with those names: from each such name (a few hundred in a borough), every
    /// spelling one slip away.
    private func findCommonerSlips() -> [UInt64: [CountedName]] {
        var seen = Set<UInt64>()
        var result: [UInt64: [CountedName]] = [:]
        for index in forenameHash.indices
        where PairComparer.isFarCommoner(forenameCount[index], than: 1) && seen.insert(forenameHash[index]).inserted {
            let name = CountedName(
                hash: forenameHash[index], children: forenameCount[index], groups: forenameGroups[index])
            Hashing.forEachOneSlip(of: Array(forenameBytes(index))) { spelling in
                guard spelling != name.hash, childrenByForename[spelling] != nil else { return }
                // Two slips of a name can be one spelling (either of two doubled letters dropped).
                if result[spelling]?.last?.hash != name.hash { result[spelling, default: []].append(name) }
            }
        }
        return result
    }

    /// ``forenameSlipGroups``: for each forename the variant table does not know, the groups of
    /// the far commoner names one slip from it (from ``commonerSlips``). A record's own spelling
    /// counts once at least, as in the run that fitted a stored model's counts.
    private func slipGroupsOfUnknownForenames() -> [VariantGroups] {
        forenameHash.indices.map { index in
            guard forenameGroups[index].isEmpty, let near = commonerSlips[forenameHash[index]] else {
                return VariantGroups()
            }
            let count = max(forenameCount[index], 1)
            return VariantGroups(
                union: near.lazy.filter { PairComparer.isFarCommoner($0.children, than: count) }.map(\.groups))
        }
    }

    /// Takes a few records' forename counts from elsewhere (a stored model's `counts` of the run
    /// that fitted it), with ``forenameSlipGroups`` worked out again from them: from each record's
    /// forename, the spellings one slip away that the counts hold (the table's own names are too
    /// few to look them up from, as ``findCommonerSlips()`` does).
    mutating func recount(_ counts: [UInt64: UInt32], surnames: [UInt64: UInt32] = [:]) {
        forenameCount = forenameHash.map { $0 == 0 ? 0 : counts[$0] ?? 0 }
        childrenByForename = counts
        childrenBySurname = surnames
        commonerSlips = countedSlips(counts)
        forenameSlipGroups = slipGroupsOfUnknownForenames()
    }

    /// For each of the table's own spellings, the names one slip from it that `counts` holds, with
    /// their counts and variant groups (a stored model's counts, whose names are hashes only: spelt from each record's
    /// forename instead, as ``findCommonerSlips()`` spells them from the common names).
    private func countedSlips(_ counts: [UInt64: UInt32]) -> [UInt64: [CountedName]] {
        var slips: [UInt64: [CountedName]] = [:]
        for index in forenameHash.indices where forenameHash[index] != 0 && slips[forenameHash[index]] == nil {
            var names: [CountedName] = []
            for neighbour in PairComparer.oneSlipAway(Array(forenameBytes(index))) {
                let hash = Hashing.fnv1a(neighbour)
                guard hash != forenameHash[index], let children = counts[hash],
                    !names.contains(where: { $0.hash == hash })
                else { continue }
                names.append(CountedName(hash: hash, children: children, groups: variants.groupIDs(of: neighbour)))
            }
            slips[forenameHash[index]] = names
        }
        return slips
    }

    /// The records born on day `days` (since 1970), in record order.
    func records(bornOn days: Int32) -> [Int] {
        let key = UInt32(bitPattern: days)
        var low = 0
        var high = birthOrder.count
        while low < high {
            let middle = (low + high) / 2
            if UInt32(truncatingIfNeeded: birthOrder[middle] >> 32) < key { low = middle + 1 } else { high = middle }
        }
        var result: [Int] = []
        while low < birthOrder.count, UInt32(truncatingIfNeeded: birthOrder[low] >> 32) == key {
            result.append(Int(truncatingIfNeeded: birthOrder[low] & 0xFFFF_FFFF))
            low += 1
        }
        return result
    }

    /// One child as far as forename attestation goes: a forename held by a surname and birth date
    /// in one system.
    private struct ForenameHolder: Hashable {
        var forename: UInt64
        var surname: UInt64
        var birthDays: Int32
        var system: UInt8
    }

    /// Reserves room for `capacity` records in every column that holds one value per record, so
    /// that no column is copied as it grows.
    mutating func reserve(_ capacity: Int) {
        text.reserveCapacity(capacity * 24)
        dataset.reserveCapacity(capacity)
        forename.reserveCapacity(capacity)
        forenameHash.reserveCapacity(capacity)
        forenamePhonetic.reserveCapacity(capacity)
        forenameGroups.reserveCapacity(capacity)
        alternativeGroups.reserveCapacity(capacity)
        surname.reserveCapacity(capacity)
        surnameHash.reserveCapacity(capacity)
        surnameStem.reserveCapacity(capacity)
        surnamePhonetic.reserveCapacity(capacity)
        birthDays.reserveCapacity(capacity)
        birthYear.reserveCapacity(capacity)
        birthMonth.reserveCapacity(capacity)
        birthDay.reserveCapacity(capacity)
        postcodeFull.reserveCapacity(capacity)
        postcodeSector.reserveCapacity(capacity)
        postcodeDistrict.reserveCapacity(capacity)
        addressHash.reserveCapacity(capacity)
        addressNumbers.reserveCapacity(capacity)
        gender.reserveCapacity(capacity)
        upnA.reserveCapacity(capacity)
        upnB.reserveCapacity(capacity)
        upnTemporary.reserveCapacity(capacity)
        nhs.reserveCapacity(capacity)
        personID.reserveCapacity(capacity)
        personSystem.reserveCapacity(capacity)
        unknownCharacters.reserveCapacity(capacity)
        identifierSlips.reserveCapacity(capacity)
        eventStart.reserveCapacity(capacity)
        eventEnd.reserveCapacity(capacity)
    }

    /// Normalises one record and appends it.
    mutating func append(_ record: SourceRecord) {
        let person = record.person
        dataset.append(UInt8(Dataset.allCases.firstIndex(of: record.dataset) ?? 0))
        appendForenames(person)
        appendSurnames(person)
        appendBirth(person.dateOfBirth)
        appendAddress(person)
        gender.append(Self.genderCode(person.gender))
        appendUPNs(person)
        nhs.append(person.nhsNumber.flatMap { $0.isValid ? UInt64($0.value) : nil } ?? 0)
        let system = Self.personSystem(record.dataset)
        personSystem.append(system)
        personID.append(person.personID.map { Hashing.fnv1a($0.utf8, seed: UInt64(system) + 1) } ?? 0)
        if typedPersonIDs { personIDText.append(store(Array((person.personID ?? "").utf8))) }
        if addressParts { appendAddressParts(person) }
        let unknown = TextFolding.unknown
        let forenameUnknown: UInt8 = slice(forename[forename.count - 1]).contains(unknown) ? 1 : 0
        let surnameUnknown: UInt8 = slice(surname[surname.count - 1]).contains(unknown) ? 2 : 0
        unknownCharacters.append(forenameUnknown | surnameUnknown)
        appendIdentifierSlips(person)
        let period = Self.eventPeriod(record.event)
        eventStart.append(period.start)
        eventEnd.append(period.end)
    }

    /// The first and last day of `event` (see ``eventStart``).
    static func eventPeriod(_ event: RecordEvent) -> (start: Int32, end: Int32) {
        let start = Int32(clamping: event.date.daysSinceEpoch)
        let end: CalendarDate?
        switch event {
        case .missing(let episode): end = episode.end?.date
        case .cme(let referral): end = referral.closedDate
        case .ehe(let record): end = record.endDate
        case .exclusion, .socialCare: end = nil
        }
        return (start, max(start, end.map { Int32(clamping: $0.daysSinceEpoch) } ?? start))
    }

    /// The one-slip corrections of an NHS number or UPN that fails its check (none for valid ones).
    private mutating func appendIdentifierSlips(_ person: PersonFields) {
        var nhsFixes: [UInt64] = []
        if let number = person.nhsNumber, number.problem == .badCheckDigit {
            nhsFixes = IdentifierSlips.corrections(of: number.value) { NHSNumber(field: $0)?.isValid == true }
                .compactMap { UInt64($0) }
        }
        var upnFixes: [UInt64] = []
        if person.upn?.problem == .badCheckDigit || person.formerUPN?.problem == .badCheckDigit {
            for upn in [person.upn, person.formerUPN] {
                guard let upn, upn.problem == .badCheckDigit else { continue }
                upnFixes += IdentifierSlips.corrections(of: upn.value) { UPN(field: $0)?.isValid == true }
                    .map { Hashing.fnv1a($0.utf8) }
            }
        }
        nhsCorrections.append(nhsFixes)
        upnCorrections.append(upnFixes)
        identifierSlips.append((nhsFixes.isEmpty ? 0 : 1) | (upnFixes.isEmpty ? 0 : 2))
    }

    private mutating func appendForenames(_ person: PersonFields) {
        var forenameWords = TextFolding.words(Self.repaired(person.forename))
        let first = forenameWords.isEmpty ? [] : forenameWords.removeFirst()
        forename.append(store(first))
        forenameHash.append(first.isEmpty ? 0 : Hashing.fnv1a(first))
        forenamePhonetic.append(StringSimilarity.phoneticCode(first))
        forenameGroups.append(variants.groupIDs(of: first))
        var others = forenameWords
        others += TextFolding.words(Self.repaired(person.middleNames))
        others += TextFolding.words(Self.repaired(person.preferredName))
        let words = others.filter { $0.count > 1 }
        alternativeForenames.append(words.map { Hashing.fnv1a($0) })
        alternativeSpans.append(words.map { store($0) })
        alternativeGroups.append(VariantGroups(words.flatMap { variants.groupIDs(of: $0).ids }))
    }

    private mutating func appendSurnames(_ person: PersonFields) {
        let raw = Self.repaired(person.surname)
        let words = TextFolding.words(raw)
        let joined = TextFolding.joined(words)
        surname.append(store(joined))
        surnameHash.append(joined.isEmpty ? 0 : Hashing.fnv1a(joined))
        let accented = TextFolding.endsWithAccentedVowel(raw)
        let stems = words.enumerated().map { index, word in
            SurnameStem.stem(word, accentedEnding: accented && index == words.count - 1)
        }
        let stemJoined = TextFolding.joined(stems)
        surnameStem.append(store(stemJoined))
        surnamePhonetic.append(StringSimilarity.phoneticCode(stemJoined))
        var parts = stems.filter { $0.count > 1 }.map { Hashing.fnv1a($0) }
        if stems.count > 1 { parts.append(Hashing.fnv1a(stemJoined)) }
        let formerRaw = Self.repaired(person.formerSurname)
        let formerWords = TextFolding.words(formerRaw)
        for (index, word) in formerWords.enumerated() where word.count > 1 {
            let accentedFormer = TextFolding.endsWithAccentedVowel(formerRaw) && index == formerWords.count - 1
            parts.append(Hashing.fnv1a(SurnameStem.stem(word, accentedEnding: accentedFormer)))
        }
        surnameParts.append(parts)
    }

    private mutating func appendBirth(_ date: CalendarDate?) {
        if let date {
            birthDays.append(Int32(date.daysSinceEpoch))
            birthYear.append(Int16(date.year))
            birthMonth.append(UInt8(date.month))
            birthDay.append(UInt8(date.day))
        } else {
            birthDays.append(Int32.min)
            birthYear.append(0)
            birthMonth.append(0)
            birthDay.append(0)
        }
    }

    private mutating func appendAddress(_ person: PersonFields) {
        if let postcode = person.postcode, postcode.isValid {
            postcodeFull.append(Hashing.fnv1a(postcode.value.utf8))
            postcodeSector.append(Hashing.fnv1a(postcode.sector.utf8))
            postcodeDistrict.append(Hashing.fnv1a(postcode.district.utf8))
        } else if let postcode = person.postcode, postcode.placeholder == nil {
            // Not a UK postcode (a foreign or mistyped code): it can still agree in full. A
            // placeholder (`QQ1 1QQ`, `ZZ99 3VZ`) says the address is not known: no evidence.
            postcodeFull.append(Hashing.fnv1a(postcode.value.utf8))
            postcodeSector.append(0)
            postcodeDistrict.append(0)
        } else {
            postcodeFull.append(0)
            postcodeSector.append(0)
            postcodeDistrict.append(0)
        }
        let words = TextFolding.words(Self.repaired(person.addressLine1), keepingDigits: true)
        let address = TextFolding.joined(words, separator: 32)
        addressHash.append(address.isEmpty ? 0 : Hashing.fnv1a(address))
        addressNumbers.append(Self.addressNumberBits(words))
    }

    /// One bit for each number the folded address line `words` give (a word's leading digits:
    /// `28a` is 28), chosen by the number's hash; 0 when they give none. Two lines whose bits have
    /// none in common give no number in common (two numbers may share a bit, which only makes two
    /// lines look less apart than they are).
    static func addressNumberBits(_ words: [[UInt8]]) -> UInt64 {
        var bits: UInt64 = 0
        for word in words {
            let digits = word.prefix(while: \.isASCIIDigit)
            guard !digits.isEmpty else { continue }
            let number = digits.drop { $0 == UInt8(ascii: "0") }
            bits |= 1 << (Hashing.fnv1a(number) % 64)
        }
        return bits
    }

    /// The street number, second line, town and region, folded as the address line is.
    private mutating func appendAddressParts(_ person: PersonFields) {
        let fold = { (value: String?) in
            TextFolding.joined(TextFolding.words(Self.repaired(value), keepingDigits: true), separator: 32)
        }
        let hash = { (folded: [UInt8]) in folded.isEmpty ? 0 : Hashing.fnv1a(folded) }
        streetNumberHash.append(hash(fold(person.streetNumber)))
        let line2 = fold(person.addressLine2)
        addressLine2.append(store(line2))
        addressLine2Hash.append(hash(line2))
        let townText = fold(person.town)
        town.append(store(townText))
        townHash.append(hash(townText))
        regionHash.append(hash(fold(person.region)))
    }

    private mutating func appendUPNs(_ person: PersonFields) {
        let valid = [person.upn, person.formerUPN].compactMap { $0 }.filter(\.isValid)
        var unique: [UPN] = []
        for upn in valid where !unique.contains(where: { $0.value == upn.value }) { unique.append(upn) }
        upnA.append(unique.first.map { Hashing.fnv1a($0.value.utf8) } ?? 0)
        upnB.append(unique.count > 1 ? Hashing.fnv1a(unique[1].value.utf8) : 0)
        var temporary: UInt8 = 0
        if unique.first?.isTemporary == true { temporary |= 1 }
        if unique.count > 1, unique[1].isTemporary { temporary |= 2 }
        upnTemporary.append(temporary)
    }

    /// `text` with mojibake undone (``TextRepair``), or as it is; `""` when absent. Only the
    /// compared form is repaired: the record keeps the value as the extract gave it.
    static func repaired(_ text: String?) -> String {
        guard let text else { return "" }
        return TextRepair.undoingMojibake(text) ?? text
    }

    private mutating func store(_ bytes: [UInt8]) -> TextSpan {
        let clipped = bytes.prefix(Int(UInt16.max))
        let span = TextSpan(start: UInt32(text.count), length: UInt16(clipped.count))
        text.append(contentsOf: clipped)
        return span
    }

    /// 1 male, 2 female, 0 unknown (other and unknown are not evidence either way).
    static func genderCode(_ gender: Gender?) -> UInt8 {
        switch gender {
        case .male: 1
        case .female: 2
        default: 0
        }
    }

    /// Every system that issues person ids (see ``personSystem(_:)``).
    static let personSystems = Set(Dataset.allCases.map(personSystem)).sorted()

    /// The system that issues a dataset's person ids: LCS for missing and social care, the
    /// education system for CME, EHE and exclusions.
    static func personSystem(_ dataset: Dataset) -> UInt8 {
        switch dataset {
        case .missing, .socialCare: 1
        case .cme, .ehe, .exclusions: 2
        }
    }

    /// The hash of record `index`'s value of an address part (0 when absent, or when the table
    /// does not compare address parts).
    func partHash(_ part: Comparison, _ index: Int) -> UInt64 {
        guard addressParts else { return 0 }
        switch part {
        case .streetNumber: return streetNumberHash[index]
        case .addressLine2: return addressLine2Hash[index]
        case .town: return townHash[index]
        case .region: return regionHash[index]
        default: return 0
        }
    }

    /// The folded forename of record `index`, as bytes.
    func forenameBytes(_ index: Int) -> ArraySlice<UInt8> { slice(forename[index]) }

    /// The folded surname of record `index`, as bytes.
    func surnameBytes(_ index: Int) -> ArraySlice<UInt8> { slice(surname[index]) }

    func slice(_ span: TextSpan) -> ArraySlice<UInt8> {
        text[Int(span.start)..<Int(span.start) + Int(span.length)]
    }

    /// The valid permanent UPNs of record `index` (temporary ones are left out).
    func permanentUPNs(_ index: Int) -> [UInt64] {
        var result: [UInt64] = []
        if upnA[index] != 0, upnTemporary[index] & 1 == 0 { result.append(upnA[index]) }
        if upnB[index] != 0, upnTemporary[index] & 2 == 0 { result.append(upnB[index]) }
        return result
    }
}

extension RecordTable {
    /// The first letters of the record's folded forename and surname stem, 0 for a blank name: the
    /// initials every blocking key uses.
    func initials(_ i: Int) -> (forename: UInt64, surname: UInt64) {
        (
            forename[i].isEmpty ? 0 : UInt64(text[Int(forename[i].start)]),
            surnameStem[i].isEmpty ? 0 : UInt64(text[Int(surnameStem[i].start)])
        )
    }

    /// The sound of record `i`'s first forename stemmed as surnames are, so that a feminine surname
    /// typed in the forename field (`Balogová Katarína`) sounds like the surname field's stem
    /// (`balog`) when the names are compared either way round.
    func forenameStemSound(_ i: Int) -> UInt32 {
        let word = Array(forenameBytes(i))
        let stemmed = SurnameStem.stem(word, accentedEnding: false)
        return stemmed.count == word.count ? forenamePhonetic[i] : StringSimilarity.phoneticCode(stemmed)
    }
}

/// The slips a check digit exists to catch: one character changed, or two neighbours swapped.
enum IdentifierSlips {
    /// Every spelling of `value` one character changed (a digit for a digit, a letter for a
    /// letter) or two neighbouring characters swapped that `isValid` accepts, in the order of the
    /// positions changed and then of the replacements (0–9, A–Z).
    ///
    /// `value` is an identifier that failed only its check (a UPN or NHS number of the right shape):
    /// ASCII digits and capital letters, so each candidate is built byte by byte as a short string;
    /// text with any other character has no corrections.
    static func corrections(of value: String, isValid: (String) -> Bool) -> [String] {
        let characters = Array(value.utf8)
        guard characters.allSatisfy({ $0.isASCIIDigit || $0.isASCIIUppercase }) else { return [] }
        var candidate = characters
        var result: [String] = []
        func check(_ bytes: [UInt8]) {
            let spelling = String(decoding: bytes, as: UTF8.self)
            if isValid(spelling) { result.append(spelling) }
        }
        for position in characters.indices {
            let original = characters[position]
            for replacement in original.isASCIIDigit ? digits : letters where replacement != original {
                candidate[position] = replacement
                check(candidate)
            }
            candidate[position] = original
            if position + 1 < characters.count, original != characters[position + 1] {
                candidate.swapAt(position, position + 1)
                check(candidate)
                candidate.swapAt(position, position + 1)
            }
        }
        return result
    }

    private static let digits = Array(UInt8(ascii: "0")...UInt8(ascii: "9"))
    private static let letters = Array(UInt8(ascii: "A")...UInt8(ascii: "Z"))
}

/// Folds Slovak, Czech and Polish feminine and adjectival surname endings to a shared stem, so that
/// `Horváthová` compares equal to `Horváth`, `Nováková` to `Novák`, `Kowalska` to `Kowalski`.
enum SurnameStem {
    static func stem(_ word: [UInt8], accentedEnding: Bool) -> [UInt8] {
        let n = word.count
        if n >= 6, word[n - 3] == UInt8(ascii: "o"), word[n - 2] == UInt8(ascii: "v"), word[n - 1] == UInt8(ascii: "a")
        {
            return Array(word.prefix(n - 3))
        }
        if n >= 5, word[n - 2] == UInt8(ascii: "k"),
            word[n - 1] == UInt8(ascii: "a") || word[n - 1] == UInt8(ascii: "i"),
            word[n - 3] == UInt8(ascii: "s") || word[n - 3] == UInt8(ascii: "c")
        {
            return Array(word.prefix(n - 1))
        }
        if accentedEnding, n >= 4 { return Array(word.prefix(n - 1)) }
        return word
    }
}

/// FNV-1a 64-bit hashing, stable from run to run (unlike `Hasher`), so keys and output are deterministic.
enum Hashing {
    static func fnv1a(_ bytes: some Sequence<UInt8>, seed: UInt64 = 0) -> UInt64 {
        var hash = offsetBasis ^ seed
        for byte in bytes { hash = step(hash, byte) }
        return hash == 0 ? 1 : hash
    }

    /// Calls `body` with ``fnv1a(_:seed:)`` of every spelling one letter changed, dropped, added or
    /// two neighbours swapped from `name`, as ``PairComparer/oneSlipAway(_:)`` spells them, without
    /// spelling them out: each from the hash of the letters before the slip.
    static func forEachOneSlip(of name: [UInt8], _ body: (UInt64) -> Void) {
        let count = name.count
        var before = [UInt64](repeating: offsetBasis, count: count + 1)
        for position in 0..<count { before[position + 1] = step(before[position], name[position]) }
        func finished(_ state: UInt64, from position: Int) -> UInt64 {
            var hash = state
            for index in position..<count { hash = step(hash, name[index]) }
            return hash == 0 ? 1 : hash
        }
        let letters = UInt8(ascii: "a")...UInt8(ascii: "z")
        for position in 0...count {
            for letter in letters { body(finished(step(before[position], letter), from: position)) }
            guard position < count else { continue }
            body(finished(before[position], from: position + 1))
            for letter in letters where letter != name[position] {
                body(finished(step(before[position], letter), from: position + 1))
            }
            if position + 1 < count, name[position] != name[position + 1] {
                body(finished(step(step(before[position], name[position + 1]), name[position]), from: position + 2))
            }
        }
    }

    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always) private static func step(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    /// Mixes two words into one key (SplitMix64 finaliser; blocking calls it per key part).
    @inline(__always) static func mix(_ first: UInt64, _ second: UInt64) -> UInt64 {
        mixIn(mixIn(initialMix, first), second)
    }

    private static let initialMix: UInt64 = 0x9E37_79B9_7F4A_7C15

    @inline(__always) private static func mixIn(_ state: UInt64, _ value: UInt64) -> UInt64 {
        var hash = state
        hash ^= value &+ 0x9E37_79B9_7F4A_7C15 &+ (hash << 6) &+ (hash >> 2)
        hash = (hash ^ (hash >> 30)) &* 0xBF58_476D_1CE4_E5B9
        hash = (hash ^ (hash >> 27)) &* 0x94D0_49BB_1331_11EB
        hash ^= hash >> 31
        return hash
    }
}

/// A forename (by hash), how many children hold it, and its variant groups.
struct CountedName: Sendable, Hashable {
    let hash: UInt64
    let children: UInt32
    let groups: VariantGroups
}

/// One of the fields (or groups of correlated fields) two records are compared on. Each has graded
/// levels; level 0 always means "one side is absent" and counts for nothing.
package enum Comparison: Int, CaseIterable, Sendable, Hashable, Codable {
    /// First name, against the variant and nickname table, middle and preferred names.
    case forename
    /// Surname, with hyphenated parts, feminine endings and former surnames.
    case surname
    /// Date of birth, with transposed day and month and one-year-out levels.
    case dateOfBirth
    /// Postcode and address, as one comparison (they are correlated, not independent votes).
    case address
    /// Sex or gender.
    case gender
    /// UPN and former UPN, valid ones only.
    case upn
    /// NHS number, valid ones only.
    case nhsNumber
    /// The source system's person id, when both records come from the same system.
    case personID
    /// The house or street number (generic mode, when a file keeps it apart from the street).
    case streetNumber
    /// The second address line: a building, an estate or a locality (generic mode).
    case addressLine2
    /// The town or suburb (generic mode).
    case town
    /// The state, county or region (generic mode).
    case region

    /// A short title, e.g. `Date of birth`.
    package var title: String {
        switch self {
        case .forename: "Forename"
        case .surname: "Surname"
        case .dateOfBirth: "Date of birth"
        case .address: "Postcode / address"
        case .gender: "Gender"
        case .upn: "UPN"
        case .nhsNumber: "NHS number"
        case .personID: "Person id"
        case .streetNumber: "Street number"
        case .addressLine2: "Address line 2"
        case .town: "Town / suburb"
        case .region: "State / county"
        }
    }

    /// The column name used in pairs.csv, e.g. `DateOfBirth`.
    package var columnName: String {
        switch self {
        case .forename: "Forename"
        case .surname: "Surname"
        case .dateOfBirth: "DateOfBirth"
        case .address: "Address"
        case .gender: "Gender"
        case .upn: "UPN"
        case .nhsNumber: "NHSNumber"
        case .personID: "PersonID"
        case .streetNumber: "StreetNumber"
        case .addressLine2: "AddressLine2"
        case .town: "Town"
        case .region: "Region"
        }
    }

    /// Whether this is one of the address's parts that generic mode compares as fields of their
    /// own (``LinkOptions/addressParts``); council extracts are compared on postcode and address.
    package var isAddressPart: Bool { rawValue >= Comparison.streetNumber.rawValue }

    /// The comparisons a run uses: with or without the address's parts.
    package static func inUse(addressParts: Bool) -> [Comparison] {
        addressParts ? allCases : allCases.filter { !$0.isAddressPart }
    }

    /// Where this comparison's level sits in a packed ``ComparisonVector``: its lowest bit and how
    /// many bits it takes (enough for its levels; 31 bits in all).
    @inline(__always) var bitOffset: UInt32 {
        switch self {
        case .forename: 0
        case .surname: 4
        case .dateOfBirth: 7
        case .address: 10
        case .gender: 13
        case .upn: 15
        case .nhsNumber: 18
        case .personID: 20
        case .streetNumber: 23
        case .addressLine2: 25
        case .town: 27
        case .region: 29
        }
    }

    /// The mask of this comparison's level once shifted down by ``bitOffset``.
    @inline(__always) var bitMask: UInt32 {
        switch self {
        case .forename: 0b1111
        case .surname, .dateOfBirth, .address, .upn, .personID: 0b111
        case .gender, .nhsNumber, .streetNumber, .addressLine2, .town, .region: 0b11
        }
    }

    /// The level that means "exact agreement" (term-frequency adjusted for names): the same
    /// number for forenames and surnames.
    static let exactLevel = ForenameLevel.exact.rawValue
}

/// The level of every comparison for one pair, packed into 31 bits (see ``Comparison/bitOffset``).
package struct ComparisonVector: Hashable, Sendable, Comparable {
    /// The packed levels.
    package let packed: UInt32

    /// The level of `comparison`.
    @inline(__always) package func level(_ comparison: Comparison) -> Int {
        Int((packed >> comparison.bitOffset) & comparison.bitMask)
    }

    /// Whether the pair shares a UPN, NHS number or person id.
    package var sharesIdentifier: Bool {
        upn == .agree || nhsNumber == .agree || personID == .agree
    }

    /// Whether the pair holds a UPN, NHS number or person id that differs.
    var holdsIdentifierApart: Bool {
        upn == .disagree || nhsNumber == .disagree || personID == .disagree
    }

    /// Whether the pair shares a UPN, NHS number or person id, or holds one a slip apart.
    var sharesIdentifierOrSlip: Bool {
        sharesIdentifier || upn == .oneSlip || nhsNumber == .oneSlip || personID == .oneSlip
    }

    package static func < (lhs: ComparisonVector, rhs: ComparisonVector) -> Bool { lhs.packed < rhs.packed }
}

/// Why a pair the weights would link is left for a person to decide: its own fields say it may
/// well be two children.
package enum ReviewReason: String, Sendable, Hashable, CaseIterable {
    /// Only the names agree (see ``PairComparer/onlyNamesAgree(_:)``).
    case onlyNamesAgree =
        "only the names agree: birth dates more than a slip apart, no address or identifier in common"
    /// Alike forenames at one address (see ``PairComparer/alikeNamesAtOneAddress(_:)``).
    case alikeNamesAtOneAddress =
        "forenames alike but not the same at one address, birth dates more than a month apart, no identifier in common"

    /// The same in a few words, for a review sheet and a one-line log.
    package var summary: String {
        switch self {
        case .onlyNamesAgree: "only the names agree"
        case .alikeNamesAtOneAddress: "alike forenames at one address, birth dates months apart"
        }
    }
}

/// A name as the run's counts hold it, wherever a record wrote it: its folded spelling, its hash,
/// how many children hold it as their forename, and its variant groups.
struct HeldName {
    var bytes: ArraySlice<UInt8>
    var hash: UInt64
    var children: UInt32
    var groups: VariantGroups
}

/// Why a pair looks like twins: each case is one rule of the twin guard.
package enum TwinReason: String, Sendable, Hashable, CaseIterable {
    /// Same birth date and surname, clearly different forenames.
    case differentForenames = "same birth date and surname, clearly different forenames"
    /// Same birth date and surname, a boy and a girl whose forenames are not the same name.
    case boyAndGirl = "same birth date and surname, a boy and a girl"
    /// Alike forenames that are each held by several children (Jayden and Jaden).
    case alikeNamesInTheirOwnRight =
        "same birth date and surname, alike forenames that are each a name in its own right"
    /// Alike forenames with different person ids in the system that holds both records.
    case differentPersonIDs = "same birth date and surname, alike forenames, different person ids in one system"
    /// One forename is a rare spelling one slip from another child's name (Harvry for Harvey).
    case slipOfAnotherName = "same birth date and surname, one forename is another child's name mistyped"
    /// Both forenames held as two children by one dataset: under two person ids of one system, or
    /// each on several records over periods that overlap (Jayden and Jaden followed side by side).
    case heldApartInOneDataset = "same birth date and surname, both forenames held by two children in one dataset"
    /// A forename initial that fits this child's twin as well (added by clustering).
    case initialFitsBothTwins = "a forename initial that fits both twins"
    /// A forename initial and the full forename, registered under two person ids by one system
    /// (added by the clusters' cross-check; see ``PairComparer/initialUnderAnotherPersonID(_:_:_:)``).
    case initialUnderAnotherPersonID = "a forename initial and the full forename under two person ids in one system"
    /// A forename initial beside a full forename, each record with its own middle name (`M Theo`
    /// beside `Marek Tyler`): the initial is another child's.
    case initialWithAnotherMiddleName = "a forename initial, and middle names that are not the same name"
}

/// The fields of one record that a pair comparison reads, side by side. The second record of a
/// candidate pair is a random access: read from one place it costs two or three cache lines
/// instead of one per column of the ``RecordTable``.
struct CompareRecord: Sendable {
    var forename = TextSpan()
    var surname = TextSpan()
    var surnameStem = TextSpan()
    var forenamePhonetic: UInt32 = 0
    var surnamePhonetic: UInt32 = 0
    var birthDays: Int32 = Int32.min
    var birthYear: Int16 = 0
    var birthMonth: UInt8 = 0
    var birthDay: UInt8 = 0
    var gender: UInt8 = 0
    var upnTemporary: UInt8 = 0
    var personSystem: UInt8 = 0
    /// Bit 0: the forename holds an unknown character (`?`), bit 1: the surname does.
    var unknownCharacters: UInt8 = 0
    /// Bit 0: the record has an NHS number that fails its check, bit 1: a UPN that does (their
    /// one-slip corrections are in ``RecordTable/nhsCorrections`` and ``RecordTable/upnCorrections``).
    var identifierSlips: UInt8 = 0
    /// Whether the record has any middle or preferred name (as hash, text or variant group).
    var hasAlternatives = false
    /// One bit per hash of ``RecordTable/alternativeForenames`` and ``RecordTable/surnameParts``:
    /// no common bit, no common hash, without reading the lists (a random access each).
    var alternativeBits: UInt64 = 0
    var surnamePartBits: UInt64 = 0
    var forenameHash: UInt64 = 0
    var surnameHash: UInt64 = 0
    var forenameGroups = VariantGroups()
    var postcodeFull: UInt64 = 0
    var postcodeSector: UInt64 = 0
    var postcodeDistrict: UInt64 = 0
    var addressHash: UInt64 = 0
    var upnA: UInt64 = 0
    var upnB: UInt64 = 0
    var nhs: UInt64 = 0
    var personID: UInt64 = 0

    /// Record `i` of `table`.
    @inline(__always) init(_ table: RecordTable, _ i: Int) {
        forename = table.forename[i]
        surname = table.surname[i]
        surnameStem = table.surnameStem[i]
        forenamePhonetic = table.forenamePhonetic[i]
        surnamePhonetic = table.surnamePhonetic[i]
        birthDays = table.birthDays[i]
        birthYear = table.birthYear[i]
        birthMonth = table.birthMonth[i]
        birthDay = table.birthDay[i]
        gender = table.gender[i]
        upnTemporary = table.upnTemporary[i]
        personSystem = table.personSystem[i]
        unknownCharacters = table.unknownCharacters[i]
        identifierSlips = table.identifierSlips[i]
        hasAlternatives =
            !table.alternativeForenames.isEmpty(i) || !table.alternativeSpans.isEmpty(i)
            || !table.alternativeGroups[i].isEmpty
        alternativeBits = table.alternativeForenames.bits(i)
        surnamePartBits = table.surnameParts.bits(i)
        forenameHash = table.forenameHash[i]
        surnameHash = table.surnameHash[i]
        forenameGroups = table.forenameGroups[i]
        postcodeFull = table.postcodeFull[i]
        postcodeSector = table.postcodeSector[i]
        postcodeDistrict = table.postcodeDistrict[i]
        addressHash = table.addressHash[i]
        upnA = table.upnA[i]
        upnB = table.upnB[i]
        nhs = table.nhs[i]
        personID = table.personID[i]
    }

    /// Whether the record has a valid permanent UPN.
    var hasPermanentUPN: Bool {
        (upnA != 0 && upnTemporary & 1 == 0) || (upnB != 0 && upnTemporary & 2 == 0)
    }
}

/// Computes the comparison vector of two records of a ``RecordTable``.
struct PairComparer: Sendable {
    let table: RecordTable

    /// Every record's ``CompareRecord``, for comparing millions of pairs (built once by the linker).
    static func compareRecords(_ table: RecordTable) -> [CompareRecord] {
        (0..<table.count).map { CompareRecord(table, $0) }
    }

    /// A record's fields, read in place (a pointer: copying 136 bytes per record per pair showed
    /// as memmove in the profile).
    typealias Record = UnsafePointer<CompareRecord>

    /// Runs `body` with records `i` and `j` packed from the table's columns. Inlined: called
    /// through a closure, the comparer was copied per pair (every column of its table retained
    /// and released), 1,500 instructions a pair on the model's random pairs.
    @inline(__always) private func withRecords<T>(_ i: Int, _ j: Int, _ body: (Record, Record) -> T) -> T {
        var a = CompareRecord(table, i)
        var b = CompareRecord(table, j)
        return withUnsafePointer(to: &a) { a in withUnsafePointer(to: &b) { b in body(a, b) } }
    }

    func compare(_ i: Int, _ j: Int) -> ComparisonVector {
        table.text.withUnsafeBufferPointer { text in compare(i, j, text) }
    }

    func compare(_ i: Int, _ j: Int, _ text: UnsafeBufferPointer<UInt8>) -> ComparisonVector {
        withRecords(i, j) { a, b in compare(i, a, j, b, text) }
    }

    /// The vector of records `i` and `j`, whose fields `a` and `b` are.
    @inline(__always) func compare(
        _ i: Int, _ a: Record, _ j: Int, _ b: Record, _ text: UnsafeBufferPointer<UInt8>
    ) -> ComparisonVector {
        var forenameLevel = forename(i, a, j, b, text)
        var surnameLevel = surname(i, a, j, b, text)
        // Surnames that agree only on a stem or a shared part (a former surname both records carry:
        // `Khan Ayaan`, formerly Hughes, and `Ayaan Khan`, formerly Hughes) do not rule out a swap.
        if forenameLevel.isSimilarOrWorse, surnameLevel.isSimilarOrWorse || surnameLevel.isStemOrPart,
            swapped(i, a, j, b, text) || rotated(i, a, j, b, text) || rotated(j, b, i, a, text)
        {
            forenameLevel = .swapped
            surnameLevel = .swapped
        }
        guard table.addressParts else {
            return ComparisonVector(
                forename: forenameLevel, surname: surnameLevel, dateOfBirth: Self.dateOfBirth(a, b),
                address: Self.address(a, b), gender: Self.gender(a, b), upn: upn(i, a, j, b),
                nhsNumber: nhs(i, a, j, b), personID: personID(i, a, j, b, text))
        }
        return ComparisonVector(
            forename: forenameLevel, surname: surnameLevel, dateOfBirth: Self.dateOfBirth(a, b),
            address: Self.address(a, b), gender: Self.gender(a, b), upn: upn(i, a, j, b), nhsNumber: nhs(i, a, j, b),
            personID: personID(i, a, j, b, text),
            streetNumber: Self.agreement(table.streetNumberHash[i], table.streetNumberHash[j]),
            addressLine2: textLevel(table.addressLine2Hash, table.addressLine2, i, j, text),
            town: textLevel(table.townHash, table.town, i, j, text),
            region: Self.agreement(table.regionHash[i], table.regionHash[j]))
    }

    /// Two hashed values: absent when either is 0, else agree or disagree.
    @inline(__always) static func agreement(_ a: UInt64, _ b: UInt64) -> AgreementLevel {
        if a == 0 || b == 0 { return .absent }
        return a == b ? .agree : .disagree
    }

    /// How two records' values of one address part (folded text and its hash) compare.
    private func textLevel(
        _ hashes: [UInt64], _ spans: [TextSpan], _ i: Int, _ j: Int, _ text: UnsafeBufferPointer<UInt8>
    ) -> TextLevel {
        if hashes[i] == 0 || hashes[j] == 0 { return .absent }
        if hashes[i] == hashes[j] { return .exact }
        return Self.closeText(bytes(spans[i], text), bytes(spans[j], text)) ? .close : .different
    }

    /// Whether two folded address parts are one typing slip apart (a letter changed, dropped or
    /// added, two neighbours swapped), the same but for spaces (`bellbird ctge`, `bellbirdctge`:
    /// a space dropped or added is a slip of the keys too), or a close spelling (Jaro–Winkler 0.92).
    static func closeText(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        if StringSimilarity.isWithinOneEdit(a, b) { return true }
        let space = UInt8(ascii: " ")
        if a.contains(space) || b.contains(space), a.filter({ $0 != space }) == b.filter({ $0 != space }) {
            return true
        }
        return StringSimilarity.jaroWinkler(a, b, floor: 0.92) >= 0.92
    }

    @inline(__always) private func bytes(_ span: TextSpan, _ text: UnsafeBufferPointer<UInt8>)
        -> UnsafeBufferPointer<UInt8>
    {
        UnsafeBufferPointer(rebasing: text[Int(span.start)..<Int(span.start) + Int(span.length)])
    }

    func forename(_ i: Int, _ j: Int, _ text: UnsafeBufferPointer<UInt8>) -> ForenameLevel {
        withRecords(i, j) { a, b in forename(i, a, j, b, text) }
    }

    private func forename(
        _ i: Int, _ recordI: Record, _ j: Int, _ recordJ: Record, _ text: UnsafeBufferPointer<UInt8>
    ) -> ForenameLevel {
        let a = bytes(recordI.pointee.forename, text)
        let b = bytes(recordJ.pointee.forename, text)
        if a.isEmpty || b.isEmpty { return .absent }
        if recordI.pointee.forenameHash == recordJ.pointee.forenameHash, StringSimilarity.same(a, b) {
            return sharesMiddleName(i, recordI, j, recordJ) ? .exactWithMiddleName : .exact
        }
        // A letter lost to `?` in one record (`Ma?ej`, `Matej`): the same name with a gap, no more.
        if (recordI.pointee.unknownCharacters | recordJ.pointee.unknownCharacters) & 1 != 0,
            TextFolding.sameButUnknown(a, b)
        {
            return .close
        }
        let groupsA = recordI.pointee.forenameGroups
        let groupsB = recordJ.pointee.forenameGroups
        if groupsA.intersects(groupsB) { return .variant }
        if a.count > 1, b.count > 1, isAlternative(i, recordI, j, recordJ, text) {
            // With middle names on both, `isAlternative` asks for the swap both ways round.
            return recordI.pointee.hasAlternatives && recordJ.pointee.hasAlternatives ? .reordered : .otherGivenName
        }
        if a.count == 1 || b.count == 1 {
            if a.count == 1 ? isInitial(a[0], of: b[0], groups: groupsB) : isInitial(b[0], of: a[0], groups: groupsA) {
                return .initial
            }
            // `I Kayleigh` beside `Kayleigh`: known by the middle name.
            if a.count != b.count,
                a.count == 1
                    ? knownByMiddleName(i, recordI, beside: recordJ, text)
                    : knownByMiddleName(j, recordJ, beside: recordI, text)
            {
                return .otherGivenName
            }
            let reordered = a.count == 1 ? initialOfReordered(j, i, text) : initialOfReordered(i, j, text)
            return reordered ? .reordered : .different
        }
        // Two different names that the variant table knows (Jan and Jana, Alexander and Alexandra)
        // are different children's names, however alike they look.
        if !groupsA.isEmpty, !groupsB.isEmpty { return .different }
        let similarity = StringSimilarity.jaroWinkler(a, b, floor: Self.similarFloor)
        if similarity >= 0.92 || StringSimilarity.isWithinOneEdit(a, b) {
            return .close
        }
        // `Olivr` beside `Ollie`: a slip of Oliver beside its short form.
        if table.forenameSlipGroups[i].intersects(groupsB) && isSlipOfAnotherForm(i, of: j)
            || table.forenameSlipGroups[j].intersects(groupsA) && isSlipOfAnotherForm(j, of: i)
        {
            return .variant
        }
        if similarity >= Self.similarFloor || recordI.pointee.forenamePhonetic == recordJ.pointee.forenamePhonetic {
            // `Arcihe` beside `Acrhie`: one far commoner name (Archie) mistyped by two hands.
            return slipsOfOnlyOneCommonerName(i, j) ? .close : .similar
        }
        return .different
    }

    /// Whether `letter` is an initial of a forename that starts with `first` and has the variant
    /// `groups`: its first letter, or that of the full form of the name (`E` beside `Teddy`,
    /// Edward's: a register that cuts the forename to its initial cuts the registered name).
    private func isInitial(_ letter: UInt8, of first: UInt8, groups: VariantGroups) -> Bool {
        letter == first || table.variants.isFormalInitial(letter, of: groups)
    }

    /// Whether record `short` (at `index`), whose forename is an initial, gives as a middle name
    /// the forename of `full`, which gives none (`I Kayleigh` beside `Kayleigh`): a child who goes
    /// by the middle name, the first cut to its initial, as with `Kayleigh` beside `Isla Kayleigh`.
    /// With middle names on both, the swap must be mutual (``initialOfReordered(_:_:_:)``).
    private func knownByMiddleName(
        _ index: Int, _ short: Record, beside full: Record, _ text: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        !full.pointee.hasAlternatives && short.pointee.hasAlternatives
            && isAmongAlternatives(full, of: index, short, text)
    }

    /// Whether record `short`'s forename is the initial of record `full`'s first middle name and
    /// its own first middle name is `full`'s forename (`G Isla` beside `Isla Grace`): first and
    /// middle names swapped, the new first cut to an initial, as a form with a box for each lets
    /// a clerk do.
    private func initialOfReordered(_ full: Int, _ short: Int, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let middleOfFull = table.alternativeSpans.range(full)
        let middleOfShort = table.alternativeForenames.range(short)
        guard let first = middleOfFull.first, let firstOfShort = middleOfShort.first else { return false }
        let middle = bytes(table.alternativeSpans.values[first], text)
        return middle.first == table.forenameBytes(short).first
            && table.alternativeForenames.values[firstOfShort] == table.forenameHash[full]
    }

    /// Whether both records give a middle (or preferred) name and their first ones are the same.
    /// Only the first: a system that drops middle names keeps the first, and a child who shares
    /// one of several middle names with another child is commoner than one who shares the first
    /// (at 1M records, 13 fewer false pairs than any shared middle name, no fewer true ones).
    private func sharesMiddleName(_ i: Int, _ recordI: Record, _ j: Int, _ recordJ: Record) -> Bool {
        guard recordI.pointee.alternativeBits & recordJ.pointee.alternativeBits != 0 else { return false }
        return sameFirstMiddleName(i, j)
    }

    /// Whether records `i` and `j` both give a first middle (or preferred) name and it is the same.
    func sameFirstMiddleName(_ i: Int, _ j: Int) -> Bool {
        guard let a = table.alternativeForenames.range(i).first, let b = table.alternativeForenames.range(j).first
        else { return false }
        return table.alternativeForenames.values[a] == table.alternativeForenames.values[b]
    }

    /// Whether both records give middle (or preferred) names and none of one's is one of the
    /// other's: not the same name, a variant of one, nor one typing slip from one. A child's
    /// middle name does not change; a system drops it, or keeps only the first, but does not
    /// write another.
    func middleNamesDiffer(_ i: Int, _ j: Int) -> Bool {
        let namesI = table.alternativeForenames.range(i)
        let namesJ = table.alternativeForenames.range(j)
        guard !namesI.isEmpty, !namesJ.isEmpty else { return false }
        let hashesJ = namesJ.map { table.alternativeForenames.values[$0] }
        if namesI.contains(where: { hashesJ.contains(table.alternativeForenames.values[$0]) }) { return false }
        if table.alternativeGroups[i].intersects(table.alternativeGroups[j]) { return false }
        return table.text.withUnsafeBufferPointer { text in
            !table.alternativeSpans.range(i).contains { a in
                table.alternativeSpans.range(j).contains { b in
                    StringSimilarity.isWithinOneEdit(
                        bytes(table.alternativeSpans.values[a], text), bytes(table.alternativeSpans.values[b], text))
                }
            }
        }
    }

    /// Whether one record's forename is another's middle or preferred name (or a variant of one),
    /// and, when both have middle names, the other way round too.
    private func isAlternative(
        _ i: Int, _ recordI: Record, _ j: Int, _ recordJ: Record, _ text: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        let emptyI = !recordI.pointee.hasAlternatives
        let emptyJ = !recordJ.pointee.hasAlternatives
        if emptyI && emptyJ { return false }
        // When both records carry middle names, a swap must be mutual: a twin's forename is often
        // the other twin's middle name.
        let iInJ = !emptyJ && isAmongAlternatives(recordI, of: j, recordJ, text)
        let jInI = !emptyI && isAmongAlternatives(recordJ, of: i, recordI, text)
        if emptyI || emptyJ { return iInJ || jInI }
        if iInJ && jInI { return true }
        // The swap holds one way round, and the other way round a three-letter name has a slip
        // (`Ivy Ava` and `Avz Ivy`): a spelling no other child holds, or a far rarer one than the
        // name, is that name mistyped, where a name in its own right (`Eva`) can be a twin's.
        if iInJ { return isSlipOfAlternative(j, recordJ, of: i, text) }
        if jInI { return isSlipOfAlternative(i, recordI, of: j, text) }
        return false
    }

    /// Whether the three-letter forename of `record` (at `index`) is one slip from one of record
    /// `other`'s middle or preferred names, and either no other child holds it or that name is
    /// more than ``slipRarity`` times as common (a recurring slip, `Zra` for Zara).
    private func isSlipOfAlternative(
        _ index: Int, _ record: Record, of other: Int, _ text: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        let forename = bytes(record.pointee.forename, text)
        guard forename.count == 3, index < table.forenameCount.count else { return false }
        let count = table.forenameCount[index]
        return table.alternativeSpans.range(other).contains { position in
            let alternative = bytes(table.alternativeSpans.values[position], text)
            guard StringSimilarity.isWithinOneEdit(forename, alternative) else { return false }
            return count < Self.attested
                || Self.isFarCommoner(table.childrenByForename[Hashing.fnv1a(alternative)] ?? 0, than: count)
        }
    }

    /// Whether the forename of `record` is one of record `j`'s middle or preferred names: the
    /// same name, a variant of one, or one typing slip away from one.
    private func isAmongAlternatives(
        _ record: Record, of j: Int, _ other: Record, _ text: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        isAmongAlternatives(
            bytes(record.pointee.forename, text), hash: record.pointee.forenameHash,
            groups: record.pointee.forenameGroups, of: j, other, text)
    }

    /// Whether `name` (its folded bytes, hash and variant groups) is one of record `j`'s middle
    /// or preferred names: the same name, a variant of one, or one typing slip away from one.
    private func isAmongAlternatives(
        _ name: UnsafeBufferPointer<UInt8>, hash: UInt64, groups: VariantGroups, of j: Int, _ other: Record,
        _ text: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        if other.pointee.alternativeBits & FlatLists<UInt64>.bit(hash) != 0,
            table.alternativeForenames.contains(j, hash)
        {
            return true
        }
        if table.alternativeGroups[j].intersects(groups) { return true }
        guard name.count >= 4 else { return false }
        for position in table.alternativeSpans.range(j) {
            let span = table.alternativeSpans.values[position]
            if span.length >= 4, StringSimilarity.isWithinOneEdit(name, bytes(span, text)) { return true }
        }
        return false
    }

    /// The surname level of records `i` and `j` alone (what ``compare(_:_:)`` gives it).
    func surname(_ i: Int, _ j: Int) -> SurnameLevel {
        table.text.withUnsafeBufferPointer { text in withRecords(i, j) { a, b in surname(i, a, j, b, text) } }
    }

    private func surname(
        _ i: Int, _ recordI: Record, _ j: Int, _ recordJ: Record, _ text: UnsafeBufferPointer<UInt8>
    ) -> SurnameLevel {
        let a = bytes(recordI.pointee.surname, text)
        let b = bytes(recordJ.pointee.surname, text)
        if a.isEmpty || b.isEmpty { return .absent }
        if recordI.pointee.surnameHash == recordJ.pointee.surnameHash, StringSimilarity.same(a, b) { return .exact }
        let stemA = bytes(recordI.pointee.surnameStem, text)
        let stemB = bytes(recordJ.pointee.surnameStem, text)
        if StringSimilarity.same(stemA, stemB) { return .stem }
        if (recordI.pointee.unknownCharacters | recordJ.pointee.unknownCharacters) & 2 != 0,
            TextFolding.sameButUnknown(a, b) || TextFolding.sameButUnknown(stemA, stemB)
        {
            return .close
        }
        // A part in common (of a hyphenated or former surname) is a family's; the whole surname a
        // typing slip apart as well is one child's name mistyped (`Smith-Jonnes` beside
        // `Smith-Jones`; `Woood` beside `Wood`, both formerly Rafiq): the slip is the closer level.
        if sharesPart(i, recordI, j, recordJ) {
            let slip =
                StringSimilarity.isWithinOneEdit(stemA, stemB)
                || StringSimilarity.isWithinOneEditBesideDoubles(stemA, stemB)
            return slip ? .close : .sharedPart
        }
        let similarity = StringSimilarity.jaroWinkler(stemA, stemB, floor: Self.similarFloor)
        if similarity >= 0.92 || StringSimilarity.isWithinOneEdit(stemA, stemB) { return .close }
        if similarity >= Self.similarFloor || recordI.pointee.surnamePhonetic == recordJ.pointee.surnamePhonetic {
            return StringSimilarity.isWithinOneEditBesideDoubles(stemA, stemB) ? .close : .similar
        }
        return .different
    }

    /// The Jaro–Winkler similarity from which two names are "similar" (and a swap's weaker side
    /// agrees). Below it the exact value never matters, so it is not computed when it cannot be reached.
    static let similarFloor = 0.80

    private func sharesPart(_ i: Int, _ recordI: Record, _ j: Int, _ recordJ: Record) -> Bool {
        recordI.pointee.surnamePartBits & recordJ.pointee.surnamePartBits != 0 && table.surnameParts.intersects(i, j)
    }

    /// Whether forename and surname are written the other way round in one of the records. One
    /// crosswise side must agree closely; the other may be alike, a variant (`Butt Harry` and
    /// `Henry Butt`), an initial in the swapped record's surname field (`Evans M` and `Matilda
    /// Evans`), an initial in the other record's forename field (`M Nowak` and `Nowak Maria`), or
    /// the other record's middle name: the child known by it, written surname first (`Wright Ava`
    /// beside `Isla Ava Wright`).
    private func swapped(
        _ i: Int, _ recordI: Record, _ j: Int, _ recordJ: Record, _ text: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        let forenameI = bytes(recordI.pointee.forename, text)
        let forenameJ = bytes(recordJ.pointee.forename, text)
        let surnameI = bytes(recordI.pointee.surname, text)
        let surnameJ = bytes(recordJ.pointee.surname, text)
        guard !forenameI.isEmpty, !forenameJ.isEmpty, !surnameI.isEmpty, !surnameJ.isEmpty else { return false }
        // Fast filter: a swap shows as a crosswise first letter on at least one side.
        guard forenameI[0] == surnameJ[0] || surnameI[0] == forenameJ[0] else { return false }
        let first = crosswiseSimilarity(forenameI, surnameJ)
        let second = crosswiseSimilarity(surnameI, forenameJ)
        if min(first, second) >= Self.similarFloor && max(first, second) >= 0.92 { return true }
        if first >= 0.92 {
            return isInitialOrVariantOrSlip(surname: surnameI, forename: forenameJ)
                || isMiddleName(i, recordI, among: j, recordJ)
        }
        if second >= 0.92 {
            return isInitialOrVariantOrSlip(surname: surnameJ, forename: forenameI)
                || isMiddleName(j, recordJ, among: i, recordI)
        }
        return false
    }

    /// Whether record `r`'s surname field holds one of record `o`'s middle or preferred names,
    /// written the same: the weak side of a swap whose record gives the name the child is known
    /// by. Not a variant of one (`Akhtar Amelia` beside `Freya Mia Akhtar`): with the forename
    /// different and the names swapped, a variant is a third departure, and a sister's name.
    private func isMiddleName(_ r: Int, _ recordR: Record, among o: Int, _ recordO: Record) -> Bool {
        let hash = recordR.pointee.surnameHash
        return recordO.pointee.alternativeBits & FlatLists<UInt64>.bit(hash) != 0
            && table.alternativeForenames.contains(o, hash)
    }

    /// Whether record `r` holds record `o`'s three names rotated, the surname typed first (`Green
    /// Lucas Declan` for Lucas Declan Green, a name written "SURNAME Forename Middle" and split
    /// into the fields in order): `r`'s forename is `o`'s surname or alike, `o`'s forename is
    /// among `r`'s middle names, and `r`'s surname among `o`'s (the same name, a variant or one
    /// slip). Three names agreeing crosswise are a swap, not two disagreements.
    private func rotated(
        _ r: Int, _ recordR: Record, _ o: Int, _ recordO: Record, _ text: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        guard recordR.pointee.hasAlternatives, recordO.pointee.hasAlternatives else { return false }
        let forenameR = bytes(recordR.pointee.forename, text)
        let surnameO = bytes(recordO.pointee.surname, text)
        guard crosswiseSimilarity(forenameR, surnameO) >= Self.similarFloor,
            isAmongAlternatives(recordO, of: r, recordR, text)
        else { return false }
        let surnameR = bytes(recordR.pointee.surname, text)
        guard surnameR.count > 1 else { return false }
        return isAmongAlternatives(
            surnameR, hash: recordR.pointee.surnameHash, groups: table.variants.groupIDs(of: Array(surnameR)),
            of: o, recordO, text)
    }

    /// The Jaro–Winkler similarity of two names written crosswise, 0 when either is an initial.
    private func crosswiseSimilarity(_ name: UnsafeBufferPointer<UInt8>, _ other: UnsafeBufferPointer<UInt8>)
        -> Double
    {
        guard name.count > 1, other.count > 1 else { return 0 }
        return StringSimilarity.jaroWinkler(name, other, floor: Self.similarFloor)
    }

    /// ``isInitialOrVariant(surname:forename:)``, or the same name with two neighbouring letters
    /// swapped or a letter left out (`ALI Eav` beside `Eva Ali`, `Chandelr Ay` beside `Amy
    /// Chandler`), which Jaro–Winkler on a short name does not see. A letter changed is not read
    /// so: it makes another name as often as a slip (`Ava` and `Eva`).
    private func isInitialOrVariantOrSlip(surname: UnsafeBufferPointer<UInt8>, forename: UnsafeBufferPointer<UInt8>)
        -> Bool
    {
        isInitialOrVariant(surname: surname, forename: forename)
            || Self.neighboursSwapped(ArraySlice(surname), ArraySlice(forename))
            || (surname.count != forename.count && min(surname.count, forename.count) >= 2
                && StringSimilarity.isWithinOneEdit(surname, forename))
    }

    /// Whether one record's surname field and the other's forename field hold one given name: an
    /// initial of it on either side (`Evans M` and `Matilda Evans`; `Nowak Maria` and `M Nowak`),
    /// the same initial on both (`Moore L` and `L Moore`), or variants of it. `M Nowak` may as
    /// well be the initial of Maria's twin: the clustering holds such a pair when the data has
    /// that twin (``initialFitsTwins(_:_:sameBirth:)``).
    private func isInitialOrVariant(surname: UnsafeBufferPointer<UInt8>, forename: UnsafeBufferPointer<UInt8>)
        -> Bool
    {
        if forename.count == 1 { return surname[0] == forename[0] }
        if surname.count == 1 { return surname[0] == forename[0] }
        return table.variants.groupIDs(of: Array(surname)).intersects(table.variants.groupIDs(of: Array(forename)))
    }

    func dateOfBirth(_ i: Int, _ j: Int) -> DateOfBirthLevel {
        withRecords(i, j) { a, b in Self.dateOfBirth(a, b) }
    }

    @inline(__always) static func dateOfBirth(_ a: Record, _ b: Record) -> DateOfBirthLevel {
        let daysA = a.pointee.birthDays
        let daysB = b.pointee.birthDays
        if daysA == Int32.min || daysB == Int32.min { return .absent }
        return DateOfBirthLevel(
            ComparedDate(
                days: Int(daysA), year: Int(a.pointee.birthYear), month: a.pointee.birthMonth, day: a.pointee.birthDay),
            ComparedDate(
                days: Int(daysB), year: Int(b.pointee.birthYear), month: b.pointee.birthMonth, day: b.pointee.birthDay))
    }

    func address(_ i: Int, _ j: Int) -> AddressLevel {
        withRecords(i, j) { a, b in Self.address(a, b) }
    }

    @inline(__always) static func address(_ a: Record, _ b: Record) -> AddressLevel {
        let fullA = a.pointee.postcodeFull
        let fullB = b.pointee.postcodeFull
        let addressA = a.pointee.addressHash
        let addressB = b.pointee.addressHash
        let sameAddress = addressA != 0 && addressA == addressB
        if fullA == 0 || fullB == 0 { return sameAddress ? .samePostcodeOrAddress : .absent }
        if fullA == fullB { return sameAddress ? .sameAddressAndPostcode : .samePostcodeOrAddress }
        if sameAddress { return .samePostcodeOrAddress }
        if a.pointee.postcodeSector != 0, a.pointee.postcodeSector == b.pointee.postcodeSector { return .sameSector }
        if a.pointee.postcodeDistrict != 0, a.pointee.postcodeDistrict == b.pointee.postcodeDistrict {
            return .sameDistrict
        }
        return .different
    }

    @inline(__always) static func gender(_ a: Record, _ b: Record) -> AgreementLevel {
        if a.pointee.gender == 0 || b.pointee.gender == 0 { return .absent }
        return a.pointee.gender == b.pointee.gender ? .agree : .disagree
    }

    @inline(__always) private func upn(_ i: Int, _ a: Record, _ j: Int, _ b: Record) -> UPNLevel {
        let a1 = a.pointee.upnA
        let b1 = b.pointee.upnA
        if a1 == 0 || b1 == 0 {
            if (a.pointee.identifierSlips | b.pointee.identifierSlips) & 2 == 0 { return .absent }
            return upnSlip(i, a, j, b) ? .oneSlip : .absent
        }
        let a2 = a.pointee.upnB
        let b2 = b.pointee.upnB
        if a1 == b1 || (a2 != 0 && a2 == b1) || (b2 != 0 && a1 == b2) || (a2 != 0 && a2 == b2) { return .agree }
        // A temporary UPN that differs is weaker evidence (it is replaced by a permanent one): its
        // own level, whose weight EM learns. Only permanent ones conflict outright.
        return a.pointee.hasPermanentUPN && b.pointee.hasPermanentUPN ? .disagree : .temporaryDiffers
    }

    @inline(__always) private func nhs(_ i: Int, _ a: Record, _ j: Int, _ b: Record) -> NHSNumberLevel {
        if a.pointee.nhs == 0 || b.pointee.nhs == 0 {
            if (a.pointee.identifierSlips | b.pointee.identifierSlips) & 1 == 0 { return .absent }
            if a.pointee.nhs != 0, table.nhsCorrections.contains(j, a.pointee.nhs) { return .oneSlip }
            if b.pointee.nhs != 0, table.nhsCorrections.contains(i, b.pointee.nhs) { return .oneSlip }
            return .absent
        }
        return a.pointee.nhs == b.pointee.nhs ? .agree : .disagree
    }

    /// Whether one record has no valid UPN but one that fails its check and is a slip of one of
    /// the other record's valid UPNs.
    private func upnSlip(_ i: Int, _ a: Record, _ j: Int, _ b: Record) -> Bool {
        for (record, other) in [(a, j), (b, i)] {
            for upn in [record.pointee.upnA, record.pointee.upnB] where upn != 0 {
                if table.upnCorrections.contains(other, upn) { return true }
            }
        }
        return false
    }

    @inline(__always) private func personID(
        _ i: Int, _ a: Record, _ j: Int, _ b: Record, _ text: UnsafeBufferPointer<UInt8>
    ) -> PersonIDLevel {
        if a.pointee.personID == 0 || b.pointee.personID == 0 || a.pointee.personSystem != b.pointee.personSystem {
            return .absent
        }
        if a.pointee.personID == b.pointee.personID { return .agree }
        return table.typedPersonIDs
            ? Self.typedPersonID(bytes(table.personIDText[i], text), bytes(table.personIDText[j], text)) : .disagree
    }

    /// How two different ids typed in by hand compare: one or two slips apart (a character
    /// changed, dropped or added, or two neighbours swapped, as Damerau–Levenshtein counts them),
    /// or different. Only ids of four or more characters count as slips: in a shorter one two
    /// slips leave too little of it to say it is the same id.
    static func typedPersonID(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> PersonIDLevel {
        guard min(a.count, b.count) >= minimumTypedIDLength else { return .disagree }
        switch StringSimilarity.damerauLevenshtein(a, b, limit: 2) {
        case 1: return .oneSlip
        case 2: return .twoSlips
        default: return .disagree
        }
    }

    /// The shortest typed id whose slips count as partial agreement.
    static let minimumTypedIDLength = 4

    /// Whether the system that holds both records says they are two children: it gave them
    /// different person ids, and their birth dates are further apart than a slip (not the same
    /// date, a day or one digit out, day and month transposed, or a year out). A system registers
    /// a child twice when its search misses the child, and then takes the birth date from the same
    /// source (the family, the school roll): a duplicate person record has the same birth date or a
    /// slip of it, never one weeks away. Namesakes do (same common name, born days apart). Ids typed
    /// in by hand (generic mode) are not issued by a system and say nothing of the kind.
    func twoChildrenInOneSystem(_ vector: ComparisonVector) -> Bool {
        registeredTwice(vector) && Self.birthDatesApart(vector)
    }

    /// Whether one record carries only the initial of the other's forename (`M Smith`, or swapped
    /// `Smith M`), at the same birth date or one slip of it, and the system that holds both gave
    /// them different person ids: the initial is a twin's (`M Smith` beside her sister `Maya
    /// Smith`), whichever record of the other cluster the join rests on.
    func initialUnderAnotherPersonID(_ i: Int, _ j: Int, _ vector: ComparisonVector) -> Bool {
        guard registeredTwice(vector), vector.dateOfBirth.isSameOrSlip else { return false }
        return vector.forename == .initial || (vector.forename == .swapped && forenameInitial(i, j) != nil)
    }

    /// Whether one system holds both records under different person ids it issued, and nothing
    /// else (a UPN, an NHS number) ties them: a duplicate registration of one child, or two
    /// children. Ids typed in by hand (generic mode) say nothing of the kind.
    private func registeredTwice(_ vector: ComparisonVector) -> Bool {
        !table.typedPersonIDs && vector.personID == .disagree && !vector.sharesIdentifier
    }

    /// Whether the system that holds both records registered them under different person ids with
    /// birth dates one slip apart (a day or one digit out, day and month transposed, a year out):
    /// a duplicate registration of one child, or two children. Their addresses decide: see
    /// ``registeredTwiceAtTwoAddresses(_:_:_:)`` for one pair, and the clustering for two clusters.
    func registeredTwiceWithSlip(_ vector: ComparisonVector) -> Bool {
        guard registeredTwice(vector) else { return false }
        return vector.dateOfBirth.isOneSlip
    }

    /// Whether the pair was registered twice with a birth-date slip (``registeredTwiceWithSlip(_:)``)
    /// at two known, different addresses: two children. A family registered twice gives its
    /// address both times, unless it moved in between and the birth date was mistyped too.
    func registeredTwiceAtTwoAddresses(_ i: Int, _ j: Int, _ vector: ComparisonVector) -> Bool {
        registeredTwiceWithSlip(vector) && addressesApart(i, j, vector.address)
    }

    /// Whether only the names speak for a pair (`vector`), so a person must decide however rare
    /// the names: birth dates in one month but more than a slip apart, or further apart still
    /// (two neighbouring digits swapped, `12` typed `21`, is a slip); no address in common; no
    /// UPN, NHS number or person id shared or one slip apart; and, in a general file of people,
    /// none of the address's parts (street number, second line, town) agreeing. A child's birth
    /// date is the field every system takes from the same source, and its slips are a digit, a
    /// day, a year, two digits or day and month swapped: two records a fortnight apart, at two
    /// addresses, are namesakes far more often than one child mistyped and moved at once.
    func onlyNamesAgree(_ vector: ComparisonVector) -> Bool {
        guard Self.birthDatesApart(vector), !Self.addressShared(vector.address), !vector.sharesIdentifierOrSlip else {
            return false
        }
        return !(table.addressParts && Self.addressPartsAgreeing(vector).contains(true))
    }

    /// Whether a pair at one address gives forenames that are not the same (a close spelling, a
    /// form of one name, an initial) with birth dates more than a month apart and no UPN, NHS
    /// number or person id shared or one slip apart (`Isea Bron`, born 2013, beside `Isla Harper
    /// Brown`, born 2009): brothers and sisters look like this, and the shared address, which the
    /// model weighs among different surnames when the surnames carry a slip, must not make them
    /// one child. Brothers and sisters are born many months apart, and twins on one day: birth
    /// dates within a month (`Isa` on 27/07/2009 beside `Isla` on 28/07 … or 06/08/2009) at one
    /// address are one child's date typed wrong, left to the weights like the same forename at one
    /// address with a birth date beyond a slip (a date retyped wholly wrong). Council extracts
    /// only: a general file's people at one address are not a household of children.
    func alikeNamesAtOneAddress(_ vector: ComparisonVector) -> Bool {
        !table.addressParts && vector.dateOfBirth == .different && Self.addressShared(vector.address)
            && !vector.forename.isExact && !vector.sharesIdentifierOrSlip
    }

    /// Why a pair the weights would link is left for a person to decide, or `nil`.
    func reviewReason(_ vector: ComparisonVector) -> ReviewReason? {
        if onlyNamesAgree(vector) { return .onlyNamesAgree }
        if alikeNamesAtOneAddress(vector) { return .alikeNamesAtOneAddress }
        return nil
    }

    /// Whether the birth dates are within a month but more than a slip apart, or further apart still.
    static func birthDatesApart(_ vector: ComparisonVector) -> Bool {
        vector.dateOfBirth == .withinAMonth || vector.dateOfBirth == .different
    }

    /// Whether each of the address's parts a general file gives apart agrees (generic mode): the
    /// street number, the second line, the town or suburb (exactly or closely).
    static func addressPartsAgreeing(_ vector: ComparisonVector) -> [Bool] {
        [
            vector.streetNumber == .agree, vector.addressLine2 == .exact || vector.addressLine2 == .close,
            vector.town == .exact || vector.town == .close,
        ]
    }

    /// Whether two records give the same address: the postcode and address line, or one of them.
    static func addressShared(_ level: AddressLevel) -> Bool {
        level == .sameAddressAndPostcode || level == .samePostcodeOrAddress
    }

    /// Whether two addresses are both known and not the same (neither postcode nor address line).
    static func addressesApart(_ level: AddressLevel) -> Bool {
        level == .sameSector || level == .sameDistrict || level == .different
    }

    /// Whether records `i` and `j` (compared at address `level`) were at two addresses: their
    /// postcodes and address lines known and not the same (``addressesApart(_:)``), or, where a
    /// postcode is missing, address lines that each give a number and no number in common
    /// (`210 Page Hall Road` and `19 Main Street`). A line written two ways keeps its house
    /// number (`19 Main St`, `Flat 3, 19 Main Street`), so those are not apart; nor is a line
    /// without a number, or a missing one.
    func addressesApart(_ i: Int, _ j: Int, _ level: AddressLevel) -> Bool {
        if Self.addressesApart(level) { return true }
        guard level == .absent else { return false }
        let numbersI = table.addressNumbers[i]
        let numbersJ = table.addressNumbers[j]
        return numbersI != 0 && numbersJ != 0 && numbersI & numbersJ == 0
    }

    /// Whether the pair looks like twins: same date of birth (or one slip out) and surname (or a
    /// surname one slip away: a typo does not make two children one), forenames that are clearly
    /// different (or alike but both well-attested names, or alike or variants held as two children in one
    /// dataset, or of a boy and a girl), and no shared identifier (UPN,
    /// NHS number, person id in one system) saying otherwise.
    func looksLikeTwins(_ i: Int, _ j: Int, _ vector: ComparisonVector) -> Bool {
        twinReason(i, j, vector) != nil
    }

    /// Whether two birth dates can be twins' as typed: the same, or one slip apart (a day, a digit,
    /// day and month transposed, or the year). Two children with other forenames born on the same
    /// day and month a year apart, one typed with the year wrong or a brother born on the same day
    /// a year later, are two children either way.
    static func twinsBirthDates(_ level: DateOfBirthLevel) -> Bool {
        level.isSameOrOneSlip
    }

    /// Why the pair looks like twins, in words for the person reviewing it, or `nil` when it does not.
    func twinReason(_ i: Int, _ j: Int, _ vector: ComparisonVector) -> TwinReason? {
        guard Self.twinsBirthDates(vector.dateOfBirth), !vector.sharesIdentifier else { return nil }
        if vector.forename == .swapped { return swappedTwinReason(i, j, vector) }
        guard vector.surname.isSameOrSlip else { return nil }
        let forenameLevel = vector.forename
        if forenameLevel == .different, !isSlipOfAnotherForm(i, of: j), !isSlipOfAnotherForm(j, of: i) {
            return .differentForenames
        }
        if forenameLevel == .initial, middleNamesDiffer(i, j) { return .initialWithAnotherMiddleName }
        // A boy and a girl whose forenames are not the same name (Alex for Alexander and for
        // Alexandra, Ollie and Liv) are twins, not one child recorded with the wrong sex, unless the
        // sex is the slip (see ``sexLooksMistyped``).
        if vector.gender == .disagree, forenameLevel != .absent, !forenameLevel.isExact, forenameLevel != .initial,
            !sexLooksMistyped(i, j, vector)
        {
            return .boyAndGirl
        }
        // One record's forename is the other's middle name, and the system that holds both gave
        // them different person ids: twins named after each other (Michał Wojciech and Wojciech).
        if forenameLevel.isOtherGivenName, vector.personID == .disagree,
            !table.forenameGroups[i].intersects(table.forenameGroups[j])
        {
            return .differentPersonIDs
        }
        if forenameLevel.isOtherGivenName, spellingsHeldApart(i, j) {
            return .heldApartInOneDataset
        }
        guard forenameLevel == .close || forenameLevel == .similar else { return nil }
        // Alike names: twins when both are names in their own right, when the system that holds
        // both records gave them different person ids, or when one is another name mistyped. A
        // name with a letter lost to `?` is neither a name in its own right (a system that lost
        // `ř` wrote `Ond?ej` for every Ondřej it holds) nor a slip of another.
        let unknownLetter = (table.unknownCharacters[i] | table.unknownCharacters[j]) & 1 != 0
        if vector.personID == .disagree { return .differentPersonIDs }
        if spellingsHeldApart(i, j) { return .heldApartInOneDataset }
        // Alike forenames and the same middle name (`Lily Ivy` and `Lilly Ivy`): parents who give
        // twins alike names give them different middle names; one child typed two ways.
        if sameFirstMiddleName(i, j) { return nil }
        if !unknownLetter, bothWellAttested(i, j) { return .alikeNamesInTheirOwnRight }
        // Two slips of one far commoner name (Joah and Jonanh, both Jonah) are that name mistyped
        // twice, even where one is also a slip of another name (Joah of Noah).
        if !unknownLetter, isSlipOfAnotherName(i, j) || isSlipOfAnotherName(j, i), !slipsOfOneCommonerName(i, j) {
            return .slipOfAnotherName
        }
        return nil
    }

    /// Why a pair written with forename and surname the other way round in one record looks like
    /// twins, or `nil`: its two forenames (the swapped record's surname field beside the other
    /// record's forename) read as the guard reads them the right way round, when its surnames (the
    /// swapped record's forename field beside the other's surname) are the same or a slip apart.
    /// Two names the variant table holds apart (`Green Olivia` beside `Oliver Green`) are clearly
    /// different forenames; alike names, or one the other's middle name, that one system holds
    /// under two person ids (`Davies Hanna` beside `HHannah Davies`, both in social care) are twins
    /// as they are written the right way round, and so are alike names each a name in its own
    /// right (`Jackson Caitlin` beside `Kaitlyn Jackson`, see ``bothWellAttested(_:_:)``). The same
    /// name, two forms of one name, or an initial (the initial rules read those) are not.
    private func swappedTwinReason(_ i: Int, _ j: Int, _ vector: ComparisonVector) -> TwinReason? {
        let (swapped, other) = swappedRecord(i, j)
        let given = surnameHeldAsForename(swapped)
        let forename = forenameHeld(other)
        guard given.hash != 0, given.hash != forename.hash, given.bytes.count > 1, forename.bytes.count > 1,
            sameOrSlip(table.forenameBytes(swapped), table.surnameBytes(other))
        else { return nil }
        // The other record's forename among the swapped record's middle names: the same given
        // names in another order (`Green Evie Liv` beside `Evie Olivia Green`).
        if table.alternativeForenames.contains(swapped, forename.hash) { return nil }
        if given.groups.intersects(forename.groups) { return nil }
        // The other record's middle name, or a form of it (`Liv` of Olivia): known by it.
        let middleName =
            table.alternativeForenames.contains(other, given.hash)
            || table.alternativeGroups[other].intersects(given.groups)
        if !middleName, !given.groups.isEmpty, !forename.groups.isEmpty { return .differentForenames }
        if vector.personID == .disagree { return .differentPersonIDs }
        // Alike names, each a name in its own right (`Jackson Caitlin` beside `Kaitlyn Jackson`).
        let unknownLetter = (table.unknownCharacters[swapped] & 2) | (table.unknownCharacters[other] & 1) != 0
        guard !middleName, !unknownLetter, bothWellAttested(given, forename) else { return nil }
        return .alikeNamesInTheirOwnRight
    }

    /// Whether a pair written with forename and surname the other way round in one record gives the
    /// same forename (the swapped record's surname field) and birth date, surnames the same or a
    /// slip apart, and no sex disagreement (`Moore Bailey` beside `Bailey Moore`): one child written
    /// surname first, as ``GuardedClusterer/sameNameAndBirth(_:)`` reads the names the right way
    /// round.
    func sameNamesSwapped(_ i: Int, _ j: Int, _ vector: ComparisonVector) -> Bool {
        guard vector.forename == .swapped, vector.dateOfBirth == .exact, vector.gender != .disagree else {
            return false
        }
        let (swapped, other) = swappedRecord(i, j)
        return table.surname[swapped].length > 1 && table.surnameHash[swapped] == table.forenameHash[other]
            && sameOrSlip(table.forenameBytes(swapped), table.surnameBytes(other))
    }

    /// Of two records written with forename and surname the other way round in one, that record and
    /// the other: the reading under which the two forenames are names more children hold as their
    /// forename and the two surnames names more hold as their surname (`Hanna` of `Davies Hanna`
    /// beside `HHannah Davies`, not `Davies` beside `Davies`, however many Davies were written
    /// surname first; `Josseph` of `Robinsn Josseph` beside `Joseph Robinson`, not `Robinson`
    /// beside `Robinsn`).
    private func swappedRecord(_ i: Int, _ j: Int) -> (swapped: Int, other: Int) {
        let asForename = { (hash: UInt64) in self.table.childrenByForename[hash] ?? 0 }
        let asSurname = { (hash: UInt64) in self.table.childrenBySurname[hash] ?? 0 }
        func reading(swapped: Int, other: Int) -> UInt32 {
            asForename(table.surnameHash[swapped]) + asForename(table.forenameHash[other])
                + asSurname(table.forenameHash[swapped]) + asSurname(table.surnameHash[other])
        }
        return reading(swapped: i, other: j) >= reading(swapped: j, other: i) ? (i, j) : (j, i)
    }

    /// Whether two names are the same, one typing slip apart or close spellings (see
    /// ``closeText(_:_:)``).
    private func sameOrSlip(_ first: ArraySlice<UInt8>, _ second: ArraySlice<UInt8>) -> Bool {
        first.withUnsafeBufferPointer { a in second.withUnsafeBufferPointer { b in Self.closeText(a, b) } }
    }

    /// Whether this data holds both records' forenames, at their birth dates and surname, as two
    /// children within one dataset: records with each forename (as recorded) under two person ids
    /// of one system, or, where no person id says, each forename on two or more records of one
    /// dataset over periods that overlap (two children followed side by side, not one child
    /// retyped by a new team, whose spellings follow each other). A one-off record proves nothing:
    /// the same event is often keyed twice, once with a slip. Two spellings alone are no evidence
    /// of two children: one child is typed two ways.
    func spellingsHeldApart(_ i: Int, _ j: Int) -> Bool {
        let nameI = table.forenameHash[i]
        let nameJ = table.forenameHash[j]
        guard nameI != 0, nameJ != 0, nameI != nameJ else { return false }
        var holdersI: [Int] = []
        var holdersJ: [Int] = []
        let days =
            table.birthDays[i] == table.birthDays[j] ? [table.birthDays[i]] : [table.birthDays[i], table.birthDays[j]]
        for day in days {
            for record in table.records(bornOn: day) where sameFamily(record, i, j) {
                if table.forenameHash[record] == nameI { holdersI.append(record) }
                if table.forenameHash[record] == nameJ { holdersJ.append(record) }
            }
        }
        for a in holdersI {
            for b in holdersJ where twoPersonIDsInOneSystem(a, b) { return true }
        }
        return followedSideBySide(holdersI, holdersJ)
    }

    /// Whether record `record`'s surname stem is record `i`'s or `j`'s.
    private func sameFamily(_ record: Int, _ i: Int, _ j: Int) -> Bool {
        let stem = table.slice(table.surnameStem[record])
        return !stem.isEmpty
            && (stem.elementsEqual(table.slice(table.surnameStem[i]))
                || stem.elementsEqual(table.slice(table.surnameStem[j])))
    }

    /// Whether the system that issued both records' person ids gave them different ones.
    func twoPersonIDsInOneSystem(_ a: Int, _ b: Int) -> Bool {
        table.personSystem[a] == table.personSystem[b] && table.personID[a] != 0 && table.personID[b] != 0
            && table.personID[a] != table.personID[b]
    }

    /// Whether, in some dataset, each group holds two or more records without a person id and the
    /// periods they span overlap.
    private func followedSideBySide(_ first: [Int], _ second: [Int]) -> Bool {
        for dataset in Set(first.map { table.dataset[$0] }) {
            guard let spanA = span(first, in: dataset), let spanB = span(second, in: dataset) else { continue }
            if spanA.start <= spanB.end && spanB.start <= spanA.end { return true }
        }
        return false
    }

    /// The first and last day of `records`' events in `dataset`, when two or more of them have no person id.
    private func span(_ records: [Int], in dataset: UInt8) -> (start: Int32, end: Int32)? {
        let held = records.filter { table.dataset[$0] == dataset && table.personID[$0] == 0 }
        guard held.count >= 2 else { return nil }
        return (held.map { table.eventStart[$0] }.min()!, held.map { table.eventEnd[$0] }.max()!)
    }

    /// Whether a sex that disagrees is more likely one record's slip than a boy and a girl: the
    /// forenames are forms of one name that belongs to one sex only (`Reg` and `Reggie`, both
    /// Reginald; not `Alex`, which is Alexander's and Alexandra's, nor `Ollie`, Oliver's and
    /// Olivia's), and the birth date, surname and address agree. The sex disagreement still
    /// lowers the pair's weight through its own level; with *different* forenames it stays the
    /// twin rule above.
    func sexLooksMistyped(_ i: Int, _ j: Int, _ vector: ComparisonVector) -> Bool {
        guard vector.forename == .variant, vector.dateOfBirth == .exact,
            vector.surname == .exact || vector.surname.isStemOrPart,
            vector.address == .sameAddressAndPostcode || vector.address == .samePostcodeOrAddress
        else { return false }
        let groupsI = table.forenameGroups[i].ids
        let groupsJ = table.forenameGroups[j].ids
        return groupsI.count == 1 && groupsI == groupsJ
    }

    /// Whether a pair that agrees on a forename initial only (`J Smith` and `Jordan Smith`) would
    /// as well fit the full-named record's twin (`Jack Smith`, same birth date and surname): the
    /// initial cannot say which twin it is, so it is linked to neither, unless its record's sex
    /// says (``sexRulesOut(_:forInitialOf:besides:)``). `sameBirth` holds the records born on the
    /// full-named record's birth date.
    func initialFitsTwins(_ i: Int, _ j: Int, sameBirth: [Int]) -> Bool {
        guard let (short, full, initial) = forenameInitial(i, j) else { return false }
        if givenNameInSurnameField(full, initial: initial) {
            return initialFitsAnotherChild(short, besides: full, initial: initial, sameBirth: sameBirth)
        }
        for other in sameBirth where other != full && other != short {
            let forename = table.forenameBytes(other)
            guard forename.count > 1, forename.first == initial else { continue }
            if sexRulesOut(other, forInitialOf: short, besides: full) { continue }
            // The initial's middle name is the full-named record's and not the twin's (`D Joseph`
            // beside `Denis Joseph` and his twin `Dan`): it is Denis's.
            if sameFirstMiddleName(short, full), !sameFirstMiddleName(short, other) { continue }
            let (low, high) = (min(full, other), max(full, other))
            if looksLikeTwins(low, high, compare(low, high)) { return true }
        }
        // A twin written with the names swapped (`Nowak Megan` beside `M Nowak` and `Maria Nowak`).
        let given = GivenName(hash: table.forenameHash[full], groups: table.forenameGroups[full])
        return sameBirth.contains { other in
            other != full && other != short && !sexRulesOut(other, forInitialOf: short, besides: full)
                && namesAnotherChildSwapped(other, initial: initial, family: short, besides: given)
        }
    }

    /// Whether record `short`'s sex says its initial is not record `other`'s child: it is given,
    /// it is not `other`'s, and it is record `full`'s (`O Kovacova`, a girl, beside her `Olivia`
    /// and her twin brother `Oliver`). A sex is typed wrongly far more seldom than not, so the
    /// initial is the child whose sex it gives.
    func sexRulesOut(_ other: Int, forInitialOf short: Int, besides full: Int) -> Bool {
        let sex = table.gender[short]
        return sex != 0 && table.gender[full] == sex && table.gender[other] != 0 && table.gender[other] != sex
    }

    /// Whether one record's forename is, written the same, the other's first middle name (`Isaac`
    /// beside `Harry Isaac`), and the record that goes by it gives no middle name of its own: a
    /// child known by their middle name. A later middle name (`Jayden` beside `Elijah Lee Jayden`)
    /// is seldom the name a child goes by, and among many records is mostly another child's
    /// forename.
    func knownByFirstMiddleName(_ i: Int, _ j: Int) -> Bool {
        for (short, full) in [(i, j), (j, i)] where table.alternativeForenames.isEmpty(short) {
            let name = table.forenameHash[short]
            guard name != 0, let first = table.alternativeForenames.range(full).first else { continue }
            if table.alternativeForenames.values[first] == name { return true }
        }
        return false
    }

    /// Of two records, the one holding only an initial of the other's forename (in its forename
    /// field, or in its surname field when the names are swapped; in the forename field, also of
    /// the full form of the name: `E` beside `Teddy`), the other one, and the initial.
    /// With the names swapped in the full-named record instead (`M Nowak` and `Nowak Maria`), the
    /// initial is of the full-named record's surname field.
    func forenameInitial(_ i: Int, _ j: Int) -> (short: Int, full: Int, initial: UInt8)? {
        for (short, full) in [(i, j), (j, i)] {
            guard table.forename[full].length > 1, let first = table.forenameBytes(full).first else { continue }
            if table.forename[short].length == 1, let initial = table.forenameBytes(short).first,
                isInitial(initial, of: first, groups: table.forenameGroups[full])
            {
                return (short, full, initial)
            }
            if table.surname[short].length == 1, table.surnameBytes(short).first == first {
                return (short, full, first)
            }
        }
        for (short, full) in [(i, j), (j, i)] {
            guard table.forename[short].length == 1, let initial = table.forenameBytes(short).first,
                givenNameInSurnameField(full, initial: initial)
            else { continue }
            return (short, full, initial)
        }
        return nil
    }

    /// Whether record `full` holds its given name in the surname field (`Nowak Maria`): the field
    /// starts with `initial` and is more than an initial, while the forename field does not start with it.
    private func givenNameInSurnameField(_ full: Int, initial: UInt8) -> Bool {
        table.surname[full].length > 1 && table.surnameBytes(full).first == initial
            && table.forenameBytes(full).first != initial
    }

    /// Whether record `short`'s initial (`M Nowak`) fits a child born that day in its family other
    /// than the one record `full` names with its names swapped (`Nowak Maria`): a record whose
    /// given name starts with the initial and is neither `full`'s given name nor a variant of it
    /// (her twin `Megan Nowak`, or `Nowak Megan`). The full-named record's swapped names cannot be
    /// compared with the twin's as a pair, so the names are compared as names.
    private func initialFitsAnotherChild(_ short: Int, besides full: Int, initial: UInt8, sameBirth: [Int]) -> Bool {
        let given = GivenName(
            hash: table.surnameHash[full], groups: table.variants.groupIDs(of: Array(table.surnameBytes(full))))
        return sameBirth.contains { other in
            other != full && other != short && !sexRulesOut(other, forInitialOf: short, besides: full)
                && (namesAnotherChild(other, initial: initial, family: short, besides: given)
                    || namesAnotherChildSwapped(other, initial: initial, family: short, besides: given))
        }
    }

    /// A given name by its folded hash and its variant groups.
    private struct GivenName {
        let hash: UInt64
        let groups: VariantGroups
    }

    /// Whether record `other` (`Megan Nowak`: its surname's stem is the family's) names a child of
    /// record `family`'s family whose given name starts with `initial` and is not `given` nor a
    /// variant of it.
    private func namesAnotherChild(_ other: Int, initial: UInt8, family: Int, besides given: GivenName) -> Bool {
        let forename = table.forenameBytes(other)
        guard forename.count > 1, forename.first == initial, sameFamily(other, family, family) else { return false }
        return table.forenameHash[other] != given.hash && !table.forenameGroups[other].intersects(given.groups)
    }

    /// ``namesAnotherChild(_:initial:family:besides:)`` for a record written with its names swapped
    /// (`Nowak Megan`: its forename field holds the family's surname, its surname field the given name).
    private func namesAnotherChildSwapped(_ other: Int, initial: UInt8, family: Int, besides given: GivenName) -> Bool {
        let surname = table.surnameBytes(other)
        guard surname.count > 1, surname.first == initial, table.forenameHash[other] == table.surnameHash[family]
        else { return false }
        return table.surnameHash[other] != given.hash
            && !table.variants.groupIDs(of: Array(surname)).intersects(given.groups)
    }

    /// Whether records `i` and `j`, sharing no identifier and agreeing on a forename initial only
    /// (or names swapped with an initial), would fit the full-named record's twin as well, among
    /// the records born on its birth date (see ``initialFitsTwins(_:_:sameBirth:)``). An
    /// identifier the two share says which twin the initial is.
    func initialFitsTwins(_ i: Int, _ j: Int, _ vector: ComparisonVector) -> Bool {
        guard !vector.sharesIdentifier, Self.mayRestOnInitial(vector),
            let (_, full, _) = forenameInitial(i, j)
        else { return false }
        return initialFitsTwins(i, j, sameBirth: recordsBorn(like: full))
    }

    /// Whether the pair's forenames may agree on an initial only: the initial level, or names
    /// swapped with an initial on one side (`Evans M` and `Matilda Evans`).
    static func mayRestOnInitial(_ vector: ComparisonVector) -> Bool {
        let level = vector.forename
        return level == .initial || level == .swapped
    }

    /// The records born on record `i`'s birth date, none when it has no birth date.
    func recordsBorn(like i: Int) -> [Int] {
        let days = table.birthDays[i]
        guard days != Int32.min else { return [] }
        return table.records(bornOn: days)
    }

    /// Children holding a spelling before it counts as a name in its own right.
    static let attested: UInt32 = 2

    /// Whether record `rare`'s forename, held by no other child, is one slip (a letter changed,
    /// dropped, added or two swapped) from a well-attested name that is not record `other`'s,
    /// while `other`'s is further away and no other form of it is one slip away either: the slip
    /// was made on another child's name (Harvry is Harvey mistyped, not Harley), so the two records
    /// look like twins, not one child.
    func isSlipOfAnotherName(_ rare: Int, _ other: Int) -> Bool {
        guard rare < table.forenameCount.count, other < table.forenameCount.count,
            table.forenameCount[rare] < Self.attested
        else { return false }
        let name = Array(table.forenameBytes(rare))
        let otherName = Array(table.forenameBytes(other))
        guard name.count >= 3 else { return false }
        let close = name.withUnsafeBufferPointer { a in
            otherName.withUnsafeBufferPointer { b in StringSimilarity.isWithinOneEdit(a, b) }
        }
        if close { return false }
        let otherHash = table.forenameHash[other]
        let otherGroups = table.forenameGroups[other]
        var slipOfAnother = false
        for neighbour in Self.oneSlipAway(name) {
            let hash = Hashing.fnv1a(neighbour)
            let holders = table.childrenByForename[hash] ?? 0
            guard hash != otherHash, holders >= Self.attested else { continue }
            let slipOfOther = neighbour.withUnsafeBufferPointer { a in
                otherName.withUnsafeBufferPointer { b in StringSimilarity.isWithinOneEdit(a, b) }
            }
            // A recurring slip of the other record's own name, held by under a twentieth as many
            // children (Jakc and Jaack, each Jack mistyped by many hands, beside Jaakc): no name
            // in its own right, so the rare record is that name mistyped twice.
            if slipOfOther, table.forenameCount[other] > holders * Self.ownRightShare { continue }
            let groups = table.variants.groupIDs(of: neighbour)
            // One slip from another form of the other record's name (Frreddie for Freddie, beside
            // Frederick; Olile for Ollie, beside Oliver): that child's name mistyped, whatever other
            // name it is one slip from too.
            if isOtherForm(neighbour, groups: groups, of: other) { return false }
            // Both records one slip from the same name (Frqya and Ffreya, Gabreiela and Gabruela):
            // one child's name mistyped twice, not two children.
            if table.forenameCount[other] < Self.attested, slipOfOther { continue }
            if !groups.intersects(otherGroups) { slipOfAnother = true }
        }
        return slipOfAnother
    }

    /// How many times rarer than an alike name a spelling held by two or more children may be and
    /// still count as a name in its own right (Lilly, a quarter of Lily; Hanna beside Hannah), not
    /// a slip of it that recurs because the name is common (Jakc, under a twentieth of Jack).
    static let ownRightShare: UInt32 = 20

    /// Every spelling one letter changed, dropped, added or two neighbours swapped from `name`.
    static func oneSlipAway(_ name: [UInt8]) -> [[UInt8]] {
        let letters = Array(UInt8(ascii: "a")...UInt8(ascii: "z"))
        var result: [[UInt8]] = []
        for position in 0...name.count {
            for letter in letters {
                var inserted = name
                inserted.insert(letter, at: position)
                result.append(inserted)
            }
            guard position < name.count else { continue }
            var dropped = name
            dropped.remove(at: position)
            result.append(dropped)
            for letter in letters where letter != name[position] {
                var changed = name
                changed[position] = letter
                result.append(changed)
            }
            if position + 1 < name.count, name[position] != name[position + 1] {
                var swapped = name
                swapped.swapAt(position, position + 1)
                result.append(swapped)
            }
        }
        return result
    }

    /// Whether two different forenames are each a name in its own right in this data (Jayden and
    /// Jaden, Zain and Zayn), not a slip of the keyboard: each is held by at least two children
    /// (or by one child in two systems), and the rarer is at least a twentieth as common as the
    /// other (Lily and Lilly, Aiden and Ayden; a recurring slip such as Grcae for Grace is rarer).
    /// Parents do give twins names this alike.
    func bothWellAttested(_ i: Int, _ j: Int) -> Bool {
        guard i < table.forenameCount.count, j < table.forenameCount.count else { return false }
        return bothWellAttested(forenameHeld(i), forenameHeld(j))
    }

    /// ``bothWellAttested(_:_:)`` of two names as the run holds them, wherever a record wrote them
    /// (a swapped record's surname field holds its forename).
    func bothWellAttested(_ first: HeldName, _ second: HeldName) -> Bool {
        let a = first.children
        let b = second.children
        guard min(a, b) >= Self.attested && min(a, b) * Self.ownRightShare >= max(a, b) else { return false }
        let (rare, common) = a < b ? (first, second) : (second, first)
        // A key struck twice (Avva, Deenis) or a letter left out (Lo, Naalia) beside a name more
        // than ``slipRarity`` times as common is that name mistyped by many hands; a spelling a
        // letter apart about as common as the name (Lilly, a quarter of Lily; Jaden beside Jayden)
        // is a spelling parents give.
        if Self.isFarCommoner(common.children, than: rare.children),
            Self.letterStruckTwice(first.bytes, second.bytes) || Self.letterStruckTwice(second.bytes, first.bytes)
                || letterLeftOutOfLikeliestName(rare, common)
        {
            return false
        }
        // A name cut short by a system's field length is the same name, not a twin's.
        if first.bytes.starts(with: second.bytes) || second.bytes.starts(with: first.bytes) { return false }
        // A slip of a far commoner name that is a form of the other (`Olliver`, Oliver with a
        // letter struck twice, beside `Ollie`): that name mistyped, beside its short form.
        if isSlipOfAnotherForm(first, of: second) || isSlipOfAnotherForm(second, of: first) { return false }
        // Two neighbouring letters swapped (Eav, Liyl, Soifa) is the commonest slip of the keys,
        // repeated by many hands on a common name: not a name parents give a twin. Nor is a letter
        // struck three times (Harrry, Popppy, Annna): no forename has one; nor the capital struck
        // twice (AAli, OOwen beside Ali, Owen).
        if Self.neighboursSwapped(first.bytes, second.bytes) || Self.hasTripledLetter(first.bytes)
            || Self.hasTripledLetter(second.bytes) || Self.firstLetterStruckTwice(first.bytes, second.bytes)
            || Self.firstLetterStruckTwice(second.bytes, first.bytes) || isTranspositionOfCommonerName(first)
            || isTranspositionOfCommonerName(second)
        {
            return false
        }
        return !slipsOfOneCommonerName(first, second)
    }

    /// Record `i`'s forename as the run holds it.
    func forenameHeld(_ i: Int) -> HeldName {
        HeldName(
            bytes: table.forenameBytes(i), hash: table.forenameHash[i], children: table.forenameCount[i],
            groups: table.forenameGroups[i])
    }

    /// Record `i`'s surname field read as a forename (a record written with its names swapped):
    /// the children who hold that spelling as their forename, its variant groups.
    func surnameHeldAsForename(_ i: Int) -> HeldName {
        let bytes = table.surnameBytes(i)
        let hash = table.surnameHash[i]
        return HeldName(
            bytes: bytes, hash: hash, children: table.childrenByForename[hash] ?? 0,
            groups: table.variants.groupIDs(of: Array(bytes)))
    }

    /// Whether both records' forenames are one slip from one third spelling that each is under a
    /// tenth as common as (`Lil` and `Liily`, both Lily; `Osca` and `Osscar`, both Oscar): one
    /// name mistyped twice by two hands, not two names in their own right. Twins' alike names are
    /// each other's neighbour (Lily and Lilly, Jayden and Jaden), and a twin's name mistyped beside
    /// the other twin's (`Aiedn` beside Ayden, both one slip from Aiden) leaves a name about as
    /// common as the third: still twins.
    func slipsOfOneCommonerName(_ i: Int, _ j: Int) -> Bool {
        guard i < table.forenameCount.count, j < table.forenameCount.count else { return false }
        return slipsOfOneCommonerName(forenameHeld(i), forenameHeld(j))
    }

    /// ``slipsOfOneCommonerName(_:_:)`` of two names as the run holds them.
    func slipsOfOneCommonerName(_ a: HeldName, _ b: HeldName) -> Bool {
        guard let (first, second) = farCommonerNames(a, b) else { return false }
        return first.contains { name in second.contains(name) }
    }

    /// Whether both records' forenames are one slip from one far commoner name and from no other
    /// (`Arcihe` and `Acrhie`, each Archie with two letters swapped): one name mistyped by two
    /// hands, as alike as one slip of it beside the name itself. Not `Jadyen` (Jayden with two
    /// letters swapped, or Jaden with a letter added) beside `JJaden` (Jaden): twins Jayden and
    /// Jaden, each mistyped once, look just so.
    func slipsOfOnlyOneCommonerName(_ i: Int, _ j: Int) -> Bool {
        guard i < table.forenameCount.count, j < table.forenameCount.count,
            let (first, second) = farCommonerNames(forenameHeld(i), forenameHeld(j))
        else { return false }
        return first.count == 1 && second.count == 1 && first[0] == second[0]
    }

    /// The names one slip from each name (other than either) that are far commoner than both, by
    /// hash; `nil` where a name is missing or a single letter.
    private func farCommonerNames(_ a: HeldName, _ b: HeldName) -> ([UInt64], [UInt64])? {
        guard a.bytes.count >= 2, b.bytes.count >= 2 else { return nil }
        let commoner = max(a.children, b.children)
        let own = [a.hash, b.hash]
        func names(_ name: HeldName) -> [UInt64] {
            (table.commonerSlips[name.hash] ?? []).lazy
                .filter { !own.contains($0.hash) && Self.isFarCommoner($0.children, than: commoner) }.map(\.hash)
        }
        return (names(a), names(b))
    }

    /// Whether record `rare`'s forename is a slip (one letter changed, dropped, added, or two
    /// swapped) of a far commoner name (more than ``slipRarity`` times as many children) that is a
    /// form of record `other`'s forename (see ``isOtherForm(_:groups:of:)``): `Aflie` for Alfie beside
    /// Alfred, `Fllo` for Flo beside Florence. The names look different only because the slip
    /// hides the form.
    func isSlipOfAnotherForm(_ rare: Int, of other: Int) -> Bool {
        isSlipOfAnotherForm(forenameHeld(rare), of: forenameHeld(other))
    }

    /// ``isSlipOfAnotherForm(_:of:)`` of two names as the run holds them.
    func isSlipOfAnotherForm(_ rare: HeldName, of other: HeldName) -> Bool {
        guard !other.groups.isEmpty, rare.groups.isEmpty else { return false }
        let name = Array(rare.bytes)
        guard name.count >= 3 else { return false }
        for neighbour in Self.oneSlipAway(name)
        where Self.isFarCommoner(table.childrenByForename[Hashing.fnv1a(neighbour)] ?? 0, than: rare.children) {
            if Self.isOtherForm(neighbour, groups: table.variants.groupIDs(of: neighbour), of: other) { return true }
        }
        return false
    }

    /// Whether `name` (in the variant `groups` the table gives it) is another form of record
    /// `other`'s forename, more than a slip from it: the variant table gives it as a form of that
    /// name (Alfie, Flo, Ollie, Daniel beside Alfred, Florence, Oliver, Danny), and it is no alike
    /// spelling (Hanna beside Hannah), which can be a twin's own name.
    func isOtherForm(_ name: [UInt8], groups: VariantGroups, of other: Int) -> Bool {
        Self.isOtherForm(name, groups: groups, of: forenameHeld(other))
    }

    /// ``isOtherForm(_:groups:of:)`` of a name as the run holds it.
    static func isOtherForm(_ name: [UInt8], groups: VariantGroups, of other: HeldName) -> Bool {
        guard groups.intersects(other.groups) else { return false }
        let otherName = Array(other.bytes)
        return !name.withUnsafeBufferPointer { a in
            otherName.withUnsafeBufferPointer { b in StringSimilarity.isWithinOneEdit(a, b) }
        }
    }

    /// Whether a name (`held`) is a far commoner name (more than ``slipRarity`` times as many
    /// children) with two neighbouring letters swapped (`Olivai` for Olivia, beside her `Liv`):
    /// the commonest slip of the keys, repeated by many hands on a common name.
    func isTranspositionOfCommonerName(_ held: HeldName) -> Bool {
        let name = Array(held.bytes)
        guard name.count >= 3 else { return false }
        let count = held.children
        for position in 0..<(name.count - 1) where name[position] != name[position + 1] {
            var swapped = name
            swapped.swapAt(position, position + 1)
            if Self.isFarCommoner(table.childrenByForename[Hashing.fnv1a(swapped)] ?? 0, than: count) { return true }
        }
        return false
    }

    /// How many times rarer than the name it is one slip from a spelling must be to be taken for a
    /// slip of it when two records each hold such a slip.
    static let slipRarity: UInt32 = 10

    /// Whether a name `children` hold is far commoner than a spelling `rare` children hold (more
    /// than ``slipRarity`` times as many), so that the spelling is read as that name mistyped: the
    /// one reading of "far commoner", for the run's counts and a stored model's alike.
    static func isFarCommoner(_ children: UInt32, than rare: UInt32) -> Bool {
        children > rare * slipRarity
    }

    /// Whether `doubled` is `name` with its first letter typed twice (`aali` for `ali`, `oowen`
    /// for `owen`): the key bounced on the capital.
    static func firstLetterStruckTwice(_ doubled: ArraySlice<UInt8>, _ name: ArraySlice<UInt8>) -> Bool {
        guard doubled.count == name.count + 1, let first = name.first, doubled.first == first else { return false }
        return doubled.dropFirst().elementsEqual(name)
    }

    /// Whether `doubled` is `name` with one of its letters struck twice (`Avva` for Ava).
    static func letterStruckTwice(_ doubled: ArraySlice<UInt8>, _ name: ArraySlice<UInt8>) -> Bool {
        guard doubled.count == name.count + 1 else { return false }
        let x = Array(doubled)
        let y = Array(name)
        let split = y.indices.first { x[$0] != y[$0] } ?? y.count
        guard split > 0, x[split] == x[split - 1] else { return false }
        return x[(split + 1)...].elementsEqual(y[split...])
    }

    /// Whether the name `rare` is the name `common` with one letter left out, and is no slip of a
    /// name commoner than `common`: `Harvy` beside Harvey could as well be Harry
    /// mistyped, and Harry is the commoner name.
    func letterLeftOutOfLikeliestName(_ rare: HeldName, _ common: HeldName) -> Bool {
        let name = rare.bytes
        guard Self.letterLeftOut(name, of: common.bytes) else { return false }
        let commonHash = common.hash
        let commonCount = common.children
        var commonerNeighbour = false
        Hashing.forEachOneSlip(of: Array(name)) { hash in
            if hash != commonHash, (table.childrenByForename[hash] ?? 0) > commonCount { commonerNeighbour = true }
        }
        return !commonerNeighbour
    }

    /// Whether `short` is `name` with one letter left out (`Lo` for Leo, `Naalia` for Natalia): one
    /// letter shorter and one edit apart.
    static func letterLeftOut(_ short: ArraySlice<UInt8>, of name: ArraySlice<UInt8>) -> Bool {
        guard name.count == short.count + 1 else { return false }
        return short.withUnsafeBufferPointer { a in
            name.withUnsafeBufferPointer { b in StringSimilarity.isWithinOneEdit(a, b) }
        }
    }

    /// Whether `name` holds one letter three times in a row.
    static func hasTripledLetter(_ name: ArraySlice<UInt8>) -> Bool {
        var run = 1
        var previous: UInt8? = nil
        for byte in name {
            run = byte == previous ? run + 1 : 1
            if run == 3 { return true }
            previous = byte
        }
        return false
    }

    /// Whether `a` is `b` with two neighbouring letters swapped.
    static func neighboursSwapped(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Bool {
        guard a.count == b.count, a.count >= 2 else { return false }
        let x = Array(a)
        let y = Array(b)
        guard let first = x.indices.first(where: { x[$0] != y[$0] }), first + 1 < x.count else { return false }
        return x[first] == y[first + 1] && x[first + 1] == y[first] && x[(first + 2)...] == y[(first + 2)...]
    }
}

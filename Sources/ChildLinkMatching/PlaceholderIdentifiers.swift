import ChildLinkModel

/// NHS numbers, UPNs and person ids that are not one child's: a value a system fills in for every
/// child whose own it does not know (a dummy NHS number that passes its check, one UPN typed for a
/// whole class, a person id written `0` for every child), recognised by its holders — at least
/// ``minimumChildren`` records, each plainly another child than the others: a birth date neither
/// the same nor one typing slip of theirs, and a different surname. One child's records keep one
/// family name (or slips, forms and parts of it) however differently their birth dates were typed;
/// a brother's number typed into his sister's record gives two children, which the birth dates
/// already tell apart. Such a value says nothing of who a record is: it is read as no identifier,
/// so it neither links its holders nor keeps a child's record with the dummy apart from the same
/// child's record with the real number.
package struct PlaceholderIdentifiers: Sendable, Hashable, Codable {
    /// The NHS numbers read as placeholders, as ``NHSNumber/value`` gives them, sorted.
    package var nhsNumbers: [String] = []
    /// The UPNs read as placeholders, as ``UPN/value`` gives them, sorted.
    package var upns: [String] = []
    /// The person ids read as placeholders (one system's id written for every child, such as
    /// `0`), as ``RecordTable`` hashes of the id with its system, sorted.
    package var personIDs: [UInt64] = []
    /// The records of the run that held one of them.
    package var records = 0

    /// Holders, each plainly another child than the others, that make a value a placeholder.
    package static let minimumChildren = 3

    package var isEmpty: Bool { nhsNumbers.isEmpty && upns.isEmpty && personIDs.isEmpty }

    /// How many values were read as placeholders.
    package var count: Int { nhsNumbers.count + upns.count + personIDs.count }

    /// The NHS numbers and UPNs (ten digits, or a letter and twelve characters: never one for the
    /// other), for a check that reads stored records' identifiers (person ids are not checked).
    package var values: Set<String> { Set(nhsNumbers + upns) }

    package init() {}

    /// The placeholders among the NHS numbers, UPNs and person ids of `table`, which holds
    /// `records` in order.
    init(_ table: RecordTable, records: [SourceRecord]) {
        let comparer = PairComparer(table: table)
        nhsNumbers = Self.placeholders([table.nhs], comparer).compactMap { _, record in
            records[record].person.nhsNumber.map(\.value)
        }.sorted()
        upns = Self.placeholders([table.upnA, table.upnB], comparer).compactMap { hash, record in
            let person = records[record].person
            return [person.upn, person.formerUPN].compactMap { $0?.value }.first { Hashing.fnv1a($0.utf8) == hash }
        }.sorted()
        personIDs = Self.placeholders([table.personID], comparer).map(\.value).sorted()
    }

    /// The values of `columns` (one value per record each, 0 for none) held by
    /// ``minimumChildren`` records or more each plainly another child than the others, each with
    /// one record holding it.
    private static func placeholders(_ columns: [[UInt64]], _ comparer: PairComparer)
        -> [(value: UInt64, record: Int)]
    {
        let birthDays = comparer.table.birthDays
        // Only a value seen under two different birth dates can be one: found in one pass.
        var firstDays: [UInt64: Int32] = [:]
        firstDays.reserveCapacity(birthDays.count)
        var suspects: Set<UInt64> = []
        for column in columns {
            for (record, value) in column.enumerated() where value != 0 && birthDays[record] != Int32.min {
                let days = birthDays[record]
                if let first = firstDays[value] {
                    if first != days { suspects.insert(value) }
                } else {
                    firstDays[value] = days
                }
            }
        }
        guard !suspects.isEmpty else { return [] }
        var recordsOf: [UInt64: [Int]] = [:]
        for column in columns {
            for (record, value) in column.enumerated()
            where value != 0 && birthDays[record] != Int32.min && suspects.contains(value) {
                recordsOf[value, default: []].append(record)
            }
        }
        return recordsOf.compactMap { value, records in
            // One record per child plainly another than each kept before.
            var apart: [Int] = []
            for record in records where apart.allSatisfy({ plainlyAnotherChild($0, record, comparer) }) {
                apart.append(record)
                if apart.count >= minimumChildren { return (value, record) }
            }
            return nil
        }
    }

    /// Whether two holders of one value are plainly two children: a birth date neither the same
    /// nor one slip of the other's, and a different surname (one child's records keep one family
    /// name, or slips, forms and parts of it, however their birth dates were typed).
    private static func plainlyAnotherChild(_ first: Int, _ second: Int, _ comparer: PairComparer) -> Bool {
        let born = comparer.dateOfBirth(first, second)
        return born != .absent && !born.isSameOrOneSlip && comparer.surname(first, second) == .different
    }
}

extension RecordTable {
    /// Finds the placeholders among the NHS numbers, UPNs and person ids of this table, which
    /// holds `records` in order, and reads them as none (``clear(_:)``).
    mutating func clearPlaceholderIdentifiers(of records: [SourceRecord]) -> PlaceholderIdentifiers {
        var placeholders = PlaceholderIdentifiers(self, records: records)
        placeholders.records = clear(placeholders)
        return placeholders
    }

    /// Reads every identifier in `placeholders` as none: the value is taken off the records
    /// holding it (a UPN's second value moved up when the first goes). Returns how many records
    /// held one.
    @discardableResult
    mutating func clear(_ placeholders: PlaceholderIdentifiers) -> Int {
        guard !placeholders.isEmpty else { return 0 }
        let nhsNumbers = Set(placeholders.nhsNumbers.compactMap { UInt64($0) })
        let upns = Set(placeholders.upns.map { Hashing.fnv1a($0.utf8) })
        let personIDs = Set(placeholders.personIDs)
        var cleared = 0
        for record in 0..<count {
            var held = false
            if nhs[record] != 0, nhsNumbers.contains(nhs[record]) {
                nhs[record] = 0
                held = true
            }
            if upnB[record] != 0, upns.contains(upnB[record]) {
                upnB[record] = 0
                upnTemporary[record] &= 1
                held = true
            }
            if upnA[record] != 0, upns.contains(upnA[record]) {
                upnA[record] = upnB[record]
                upnTemporary[record] >>= 1
                upnB[record] = 0
                held = true
            }
            if personID[record] != 0, personIDs.contains(personID[record]) {
                personID[record] = 0
                held = true
            }
            if held { cleared += 1 }
        }
        return cleared
    }
}

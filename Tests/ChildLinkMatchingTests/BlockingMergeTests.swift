import ChildLinkModel
import Testing

@testable import ChildLinkMatching

@Suite("Blocking: pair sorting and merging")
struct BlockingMergeTests {
    /// Packed pairs like the blocker's (`i << 32 | j`), from a fixed generator, with duplicates.
    static func pairs(count: Int, records: UInt64, seed: UInt64) -> [UInt64] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let i = (state >> 20) % records
            let j = (state >> 42) % records
            return min(i, j) << 32 | max(i, j)
        }
    }

    @Test(arguments: [0, 1, 100, 5_000, 70_000])
    func radixSortAgreesWithSort(count: Int) {
        var values = Self.pairs(count: count, records: 300_000, seed: UInt64(count) + 7)
        let expected = values.sorted()
        Blocker.radixSort(&values)
        #expect(values == expected)
    }

    @Test func radixSortHandlesFullWidthValues() {
        var values = Self.pairs(count: 10_000, records: 1 << 31, seed: 3).map { $0 ^ 0xF0F0_0000_0000_0000 }
        let expected = values.sorted()
        Blocker.radixSort(&values)
        #expect(values == expected)
    }

    /// Keys made in record order (as the blocker makes them), many shared, some records with two.
    @Test(arguments: [100, 70_000])
    func entrySortByKeyAgreesWithSortByKeyAndIndex(records: Int) {
        var state: UInt64 = 11
        var entries: [Blocker.Entry] = []
        for index in 0..<records {
            for _ in 0..<(index % 3 == 0 ? 2 : 1) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let key = Hashing.mix(state % UInt64(records / 4 + 1), 5)
                entries.append(Blocker.Entry(key: key, index: UInt32(index)))
            }
        }
        let expected = entries.sorted()
        Blocker.radixSortByKey(&entries)
        #expect(entries.map(\.key) == expected.map(\.key))
        #expect(entries.map(\.index) == expected.map(\.index))
    }

    /// Keys that share their top 32 bits but differ below (four top halves, 500 low halves, for 70,000 entries),
    /// made in record order: the radix passes see only the top half, the runs are completed by key.
    @Test func entrySortByKeyCompletesKeysSharingTheirTopHalf() {
        var state: UInt64 = 5
        var entries: [Blocker.Entry] = []
        for index in 0..<70_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let key = (state >> 62) << 32 | (state >> 20) % 500
            entries.append(Blocker.Entry(key: key, index: UInt32(index)))
        }
        let expected = entries.sorted()
        Blocker.radixSortByKey(&entries)
        #expect(entries.map(\.key) == expected.map(\.key))
        #expect(entries.map(\.index) == expected.map(\.index))
    }

    @Test(arguments: [(0, 0), (0, 500), (500, 0), (20_000, 30_000), (30_000, 3)])
    func unionInPlaceAgreesWithUnion(counts: (Int, Int)) {
        var first = Self.pairs(count: counts.0, records: 5_000, seed: 4)
        var second = Self.pairs(count: counts.1, records: 5_000, seed: 5)
        Blocker.radixSort(&first)
        Blocker.uniqueInPlace(&first)
        Blocker.radixSort(&second)
        Blocker.uniqueInPlace(&second)
        var union = first
        Blocker.formUnion(&union, second, expected: 100)
        #expect(union == Blocker.union(first, second))
    }

    @Test func unionIsSortedAndWithoutDuplicates() {
        var first = Self.pairs(count: 20_000, records: 5_000, seed: 1)
        var second = Self.pairs(count: 30_000, records: 5_000, seed: 2)
        Blocker.radixSort(&first)
        Blocker.uniqueInPlace(&first)
        Blocker.radixSort(&second)
        Blocker.uniqueInPlace(&second)
        let union = Blocker.union(first, second)
        #expect(union == Array(Set(first).union(second)).sorted())
    }
}

@Suite("Blocking: names either way round")
struct SwappedNamesBlockingTests {
    @Test(
        "A feminine surname typed in the forename field still meets the record the right way round",
        arguments: [("Balogová", "Katarína"), ("Kowalska", "Zofia"), ("Lakatos", "Roman")])
    func swappedFeminineSurname(surname: String, forename: String) {
        let records = [
            Make.record("1", forename: forename, surname: surname, dob: "03/04/2012", postcode: "S61 2AB"),
            Make.record("2", .ehe, forename: surname, surname: forename, dob: "03/05/2012", postcode: "DN1 2AB"),
        ]
        let table = RecordTable(records)
        #expect(table.forenameStemSound(1) == table.surnamePhonetic[0])
        let pairs = Blocker(maxGroupSize: 200, concurrency: 1).candidatePairs(table)
        #expect(pairs.pairs == [0 << 32 | 1])
        #expect(pairs.pairsPerRule[.swappedNamesBirthYear] == 1)
    }
}

@Suite("Blocking: one name written in the other column")
struct SwappedNameBirthDateBlockingTests {
    private func pairs(_ records: [SourceRecord]) -> Blocker.Output {
        Blocker(maxGroupSize: 200, concurrency: 1).candidatePairs(RecordTable(records))
    }

    @Test(
        "Names swapped while the other name was shortened or mistyped still meet, through the birth date",
        arguments: [("White", "H", "Harry", "White"), ("Turner", "Oscam", "Oscar", "Turner")])
    func swappedWithInitialOrSlip(forename: String, surname: String, otherForename: String, otherSurname: String) {
        // Different postcodes and no identifier: only the crosswise name and the birth date agree.
        let output = pairs([
            Make.record("1", .missing, forename: forename, surname: surname, dob: "02/08/2013", postcode: "S2 4TD"),
            Make.record(
                "2", .exclusions, forename: otherForename, surname: otherSurname, dob: "02/08/2013",
                postcode: "DN4 1TU"),
        ])
        #expect(output.pairs == [0 << 32 | 1])
        #expect(output.pairsPerRule[.swappedNameBirthDate] == 1)
        #expect(output.pairsPerRule.filter { $0.key != .swappedNameBirthDate }.values.allSatisfy { $0 == 0 })
    }

    @Test("Two children born the same day who share only a forename's sound in the same column do not meet by it")
    func sameColumnDoesNotCount() {
        let output = pairs([
            Make.record("1", .missing, forename: "Harry", surname: "White", dob: "02/08/2013", postcode: "S2 4TD"),
            Make.record("2", .exclusions, forename: "Harry", surname: "Brown", dob: "02/08/2013", postcode: "DN4 1TU"),
        ])
        #expect(output.pairsPerRule[.swappedNameBirthDate] == 0)
    }
}

@Suite("Blocking: a given name at one address")
struct AddressGivenNameBlockingTests {
    private func pairs(_ records: [SourceRecord]) -> Blocker.Output {
        Blocker(maxGroupSize: 200, concurrency: 1).candidatePairs(RecordTable(records))
    }

    private func atHome(_ record: SourceRecord) -> SourceRecord {
        var record = record
        record.person.addressLine1 = "236 Lodge Lane"
        return record
    }

    @Test("A child known by the middle name, the birth year mistyped, meets the full record only through the address")
    func middleNameYearOut() {
        // Sophia's middle name Charlotte sounds as Charlotte does; the forename initials, the
        // birth dates (a year apart) and so the name sounds with the birthday differ.
        let output = pairs([
            atHome(
                Make.record(
                    "1", .missing, forename: "Sophia", surname: "Taylor", dob: "06/08/2012", postcode: "S71 1WR",
                    middle: "Charlotte")),
            atHome(
                Make.record("2", .ehe, forename: "Charlotte", surname: "Taylor", dob: "06/08/2013", postcode: "S71 1WR")
            ),
        ])
        #expect(output.pairs == [0 << 32 | 1])
        #expect(output.pairsPerRule[.addressGivenNameSound] == 1)
        #expect(output.pairsPerRule.filter { $0.key != .addressGivenNameSound }.values.allSatisfy { $0 == 0 })
    }

    @Test("A brother and sister at one address do not meet by their surname")
    func siblingsDoNotMeet() {
        let output = pairs([
            atHome(
                Make.record(
                    "1", .missing, forename: "Sophia", surname: "Taylor", dob: "06/08/2012", postcode: "S71 1WR")),
            atHome(
                Make.record("2", .ehe, forename: "Oliver", surname: "Taylor", dob: "14/02/2015", postcode: "S71 1WR")),
        ])
        #expect(output.pairsPerRule[.addressGivenNameSound] == 0)
        #expect(output.pairs.isEmpty)
    }
}

@Suite("Blocking: two differences at once")
struct CompoundDifferenceBlockingTests {
    private func pairs(_ records: [SourceRecord]) -> Blocker.Output {
        Blocker(maxGroupSize: 200, concurrency: 1).candidatePairs(RecordTable(records))
    }

    @Test("Names swapped and the birth year out still meet, through the birthday")
    func swappedAndYearOut() {
        let output = pairs([
            Make.record("1", .missing, forename: "Wilson", surname: "Joshua", dob: "22/01/2013", postcode: "DN4 9NS"),
            Make.record(
                "2", .exclusions, forename: "Joshua", surname: "Wilson", dob: "22/01/2012", postcode: "S61 2AB"),
        ])
        #expect(output.pairs == [0 << 32 | 1])
        #expect(output.pairsPerRule[.swappedNamesBirthYear] == 1)
    }

    @Test("First and middle names swapped, with a day out, still meet, through the middle initial")
    func firstAndMiddleSwappedAndDayOut() {
        let output = pairs([
            Make.record(
                "1", .missing, forename: "Riley", surname: "Jackson", dob: "10/07/2011", postcode: "S9 9LB",
                middle: "Sebastian"),
            Make.record(
                "2", .exclusions, forename: "Sebastian", surname: "Jackson", dob: "11/07/2011", postcode: "S61 2AB",
                middle: "Riley"),
        ])
        #expect(output.pairs == [0 << 32 | 1])
        #expect(output.pairsPerRule[.surnameSoundBirthMonth] == 1)
        // A sibling born the same month with another first and middle name does not meet.
        let sibling = pairs([
            Make.record(
                "1", .missing, forename: "Riley", surname: "Jackson", dob: "10/07/2011", postcode: "S9 9LB",
                middle: "Sebastian"),
            Make.record(
                "2", .exclusions, forename: "Amelia", surname: "Jackson", dob: "28/07/2011", postcode: "S61 2AB",
                middle: "Grace"),
        ])
        #expect(sibling.pairs.isEmpty)
    }
}

import ChildLinkModel
import Testing

@testable import ChildLinkMatching

/// The twin guard on a pair written with forename and surname the other way round in one record:
/// its two forenames (the swapped record's surname field beside the other's forename) are read as
/// the guard reads them the right way round.
@Suite("Twin guard: names written the other way round")
struct SwappedTwinTests {
    private static let dob = "16/01/2011"

    private func record(
        _ id: String, _ forename: String, _ surname: String, in dataset: Dataset = .missing, personID: String? = nil,
        gender: Gender? = .female, middle: String? = nil, dob: String = Self.dob
    ) -> SourceRecord {
        Make.record(
            id, dataset, forename: forename, surname: surname, dob: dob, gender: gender, postcode: "S63 9EP",
            personID: personID, middle: middle)
    }

    /// Other children of the borough, each holding `forename` as their forename, `count` times.
    private func holders(_ forename: String, _ count: Int, from first: Int = 1) -> [SourceRecord] {
        (0..<count).map { index in
            record(
                "\(forename)\(index)", forename, "Surname\(first + index)", in: .cme,
                dob: "0\(1 + index % 9)/0\(1 + index % 9)/200\(index % 10)")
        }
    }

    @Test("Alike forenames, one written surname first, under two person ids of one system: twins")
    func alikeNamesUnderTwoPersonIDs() {
        // `Davies Hanna` (social care 1408724) beside `HHannah Davies` (social care 1408720), born
        // the same day at one address: Hanna and her twin Hannah, Hanna's record surname first.
        let borough = holders("Hanna", 3) + holders("Hannah", 3)
        let hanna = record("1", "Davies", "Hanna", personID: "1408724")
        let hannah = record("2", "HHannah", "Davies", personID: "1408720")
        let comparer = PairComparer(table: RecordTable([hanna, hannah] + borough))
        #expect(comparer.compare(0, 1).forename == .swapped)
        #expect(twinReason([hanna, hannah] + borough) == .differentPersonIDs)
        // The guard says the same of the names the right way round.
        let rightWayRound = record("1", "Hanna", "Davies", personID: "1408724")
        #expect(twinReason([rightWayRound, hannah] + borough) == .differentPersonIDs)
        // The same forename under a second id is one child registered twice; two forms of one name
        // (Hanna, Hannah) are one child's, as they are the right way round; in two systems there
        // is no person id to compare, and `HHannah` is no name in its own right.
        #expect(twinReason([hanna, record("2", "Hanna", "Davies", personID: "1408720")] + borough) == nil)
        #expect(twinReason([hanna, record("2", "Hannah", "Davies", personID: "1408720")] + borough) == nil)
        let education = record("2", "HHannah", "Davies", in: .exclusions, personID: "E701245")
        #expect(twinReason([hanna, education] + borough) == nil)
    }

    @Test("Two names the variant table holds apart, one written surname first: a boy and a girl, twins")
    func differentNamesSwapped() {
        // `Green Olivia` beside her twin brother `Oliver Green`, in two systems.
        let borough = ["Olivia", "Oliver", "Liv", "Evie", "Ava", "Isla"].flatMap { holders($0, 3) }
        let olivia = record("1", "Green", "Olivia", gender: .female)
        let oliver = record("2", "Oliver", "Green", in: .exclusions, gender: .male)
        #expect(twinReason([olivia, oliver] + borough) == .differentForenames)
        // Known by a form of her middle name (`Green Liv`, Evie Olivia Green), or with her given
        // names in another order (`Green Evie`, middle name Liv): one girl.
        let evie = record("2", "Evie", "Green", in: .exclusions, middle: "Olivia")
        #expect(twinReason([record("1", "Green", "Liv"), evie] + borough) == nil)
        #expect(twinReason([record("1", "Green", "Liv", middle: "Evie"), evie] + borough) == nil)
        // Known by her middle name in a system that holds the two under two person ids: twins
        // named after each other, as the right way round.
        let isla = record("2", "Isla", "Wright", personID: "1400007", middle: "Ava")
        let ava = record("1", "Wright", "Ava", personID: "1400014")
        #expect(twinReason([ava, isla] + borough) == .differentPersonIDs)
        let inEducation = record("2", "Isla", "Wright", in: .cme, middle: "Ava")
        #expect(twinReason([record("1", "Wright", "Ava"), inEducation] + borough) == nil)
    }

    @Test("Alike names each held by several children, one written surname first: twins; two slips of one name: not")
    func alikeNamesInTheirOwnRight() {
        // Caitlin and Kaitlyn are each a name in its own right in this borough.
        let borough = holders("Caitlin", 3) + holders("Kaitlyn", 3)
        let caitlin = record("1", "Jackson", "Caitlin", in: .ehe)
        let kaitlyn = record("2", "Kaitlyn", "Jackson")
        #expect(twinReason([caitlin, kaitlyn] + borough) == .alikeNamesInTheirOwnRight)
        #expect(twinReason([caitlin, kaitlyn]) == nil)
        // `Hall Freeya` beside `Feya Hall`: each spelling held by two other children, each one slip
        // from Freya, which forty hold: Freya mistyped by two hands, one girl.
        let freyas = holders("Freya", 40) + holders("Freeya", 2) + holders("Feya", 2, from: 50)
        #expect(twinReason([record("1", "Hall", "Freeya", in: .cme), record("2", "Feya", "Hall")] + freyas) == nil)
    }

    @Test("The record written surname first is the one that reads as two forenames")
    func whichRecordIsSwapped() {
        // `Robinsn Josseph` beside `Joseph Robinson`: Josseph and Joseph are the forenames (Joseph
        // is many children's), not Robinsn and Robinson, even where other records swapped the same
        // way make each of those a forename of two children.
        let borough =
            holders("Joseph", 6) + [
                record("R1", "Robinson", "Amy", in: .cme, dob: "01/02/2004"),
                record("R2", "Robinson", "Leo", in: .cme, dob: "02/03/2005"),
                record("R3", "Robinsn", "Ella", in: .cme, dob: "03/04/2006"),
                record("R4", "Robinsn", "Max", in: .cme, dob: "04/05/2007"),
            ]
        let josseph = record("1", "Robinsn", "Josseph", in: .exclusions, gender: .male)
        let joseph = record("2", "Joseph", "Robinson", gender: .male)
        #expect(twinReason([josseph, joseph] + borough) == nil)
        // `Davies Hanna` beside her twin `HHannah Davies` where more children's records were
        // written `Davies …` than hold Hanna as their forename: Davies is still far more children's
        // surname, so Hanna and HHannah are the forenames.
        let families =
            (1...6).map { record("D\($0)", "Davies", "Child\($0)", in: .cme, dob: "0\($0)/03/2009") }
            + (1...12).map { record("S\($0)", "Sibling\($0)", "Davies", in: .cme, dob: "0\($0 % 9 + 1)/04/2008") }
            + holders("Hanna", 2)
        let hanna = record("1", "Davies", "Hanna", personID: "1408724")
        let hannah = record("2", "HHannah", "Davies", personID: "1408720")
        #expect(twinReason([hanna, hannah] + families) == .differentPersonIDs)
    }
    @Test("The same names written surname first under a second person id: one child, whatever slips beside them")
    func sameNamesSwappedJoin() {
        // Bailey Moore's records under one social care id, one with a slip (`Bialey`); under a
        // second id of the same system, `Moore Bailey`, the same day, the same address: a child
        // registered twice, once surname first. The slip must not make the second record a twin.
        let bailey = record("1", "Bailey", "Moore", personID: "1923826", gender: .male)
        let slip = record("2", "Bialey", "Moore", personID: "1923826", gender: .male)
        let swapped = record("3", "Moore", "Bailey", personID: "1923828", gender: .male)
        let records = [bailey, slip, swapped] + holders("Bailey", 3)
        let table = RecordTable(records)
        #expect(PairComparer(table: table).sameNamesSwapped(0, 2, PairComparer(table: table).compare(0, 2)))
        #expect(twinReason([swapped, slip] + holders("Bailey", 3)) == .differentPersonIDs)
        #expect(
            ClusterDecisions.of(records, links: [(0, 1), (0, 2)], table: table, linkThreshold: 0.98, twinGuard: true)
                == [.linked, .linked])
    }
}

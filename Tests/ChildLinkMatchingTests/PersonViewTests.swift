import ChildLinkModel
import Testing

@testable import ChildLinkMatching

/// What a system knows of a child under one person id counts for every record of that id: an
/// address the child had there, its birth date or an identifier on another of its records.
@Suite("Person views")
struct PersonViewTests {
    private func record(
        _ id: String, _ dataset: Dataset, _ forename: String, surname: String = "Hartley", dob: String = "04/03/2012",
        postcode: String?, nhs: String? = nil, personID: String
    ) -> SourceRecord {
        Make.record(
            id, dataset, forename: forename, surname: surname, dob: dob, gender: .female, postcode: postcode,
            nhs: nhs, personID: personID)
    }

    @Test("A child who moved: the old address on another record of the person id agrees; the twin stays twins")
    func addressHistory() {
        let comparer = PairComparer(
            table: RecordTable([
                // LCS still has the old address; the education system has the new one on the
                // exclusion and the old one on an earlier CME referral of the same person id.
                record("1", .missing, "Olivia", postcode: "S60 1AA", personID: "L1"),
                record("2", .exclusions, "Olivia", postcode: "S65 2BB", personID: "E1"),
                record("3", .cme, "O", postcode: "S60 1AA", personID: "E1"),
                // Her twin sister, at the old address in LCS.
                record("4", .missing, "Amelia", postcode: "S60 1AA", personID: "L2"),
            ]))
        #expect(comparer.recordVector(0, 1).address == .different)
        let vector = comparer.compare(0, 1)
        #expect(vector.address == .samePostcodeOrAddress)
        #expect(vector.forename == .exact && vector.dateOfBirth == .exact)
        // The twin: the address agrees through the view as well, and she is still a twin.
        let twin = comparer.compare(1, 3)
        #expect(twin.address == .samePostcodeOrAddress)
        #expect(comparer.twinReason(1, 3, twin) == .differentForenames)
    }

    @Test("An NHS number on another record of the person id is carried; a different one is not shared")
    func identifierOnAnotherRecord() {
        let number = Make.nhs(11)
        let twinNumber = Make.nhs(12)
        let comparer = PairComparer(
            table: RecordTable([
                record("1", .missing, "Olivia", postcode: "S60 1AA", nhs: number, personID: "L1"),
                record("2", .exclusions, "Olivia", surname: "Hartly", postcode: "S65 2BB", personID: "E1"),
                record("3", .cme, "Olivia", postcode: "S65 2BB", nhs: number, personID: "E1"),
                record("4", .missing, "Amelia", postcode: "S60 1AA", nhs: twinNumber, personID: "L2"),
            ]))
        #expect(comparer.recordVector(0, 1).nhsNumber == .absent)
        let vector = comparer.compare(0, 1)
        #expect(vector.nhsNumber == .agree && vector.sharesIdentifier)
        // The twin's own number differs from the one the view carries: no identifier shared, and
        // her record's level with the exclusion stays as its own fields say.
        let twin = comparer.compare(1, 3)
        #expect(twin.nhsNumber == .absent && !twin.sharesIdentifier)
        #expect(comparer.twinReason(1, 3, twin) == .differentForenames)
    }

    @Test("A person id holding five addresses and birth dates is no one child's: nothing is pooled")
    func placeholderID() {
        let postcodes = ["S60 1AA", "S61 2AB", "S62 3AD", "S63 4AE", "S64 5AF"]
        var records = postcodes.enumerated().map { index, postcode in
            record(
                "\(index + 2)", .cme, ["Ruby", "Mia", "Eva", "Lily", "Grace"][index], surname: "Smith",
                dob: "0\(index + 1)/02/2011", postcode: postcode, personID: "0")
        }
        records.insert(record("1", .missing, "Eva", surname: "Smith", postcode: "S60 1AA", personID: "L1"), at: 0)
        let comparer = PairComparer(table: RecordTable(records))
        #expect(comparer.compare(0, 3) == comparer.recordVector(0, 3))
        #expect(comparer.compare(0, 3).address == .different)
    }

    @Test("Person ids typed in by hand (generic mode) say less: nothing is pooled")
    func typedIDs() {
        let table = RecordTable(
            [
                record("1", .missing, "Olivia", postcode: "S60 1AA", personID: "L1"),
                record("2", .exclusions, "Olivia", postcode: "S65 2BB", personID: "E1"),
                record("3", .cme, "O", postcode: "S60 1AA", personID: "E1"),
            ], typedPersonIDs: true)
        #expect(PairComparer(table: table).compare(0, 1).address == .different)
    }

    @Test("Through the linker: typed two ways, moved, no identifier, linked through the old address; the twin apart")
    func linksThroughHistory() {
        var records = LinkerTests.population.records
        records += [
            // LCS: a nickname, a slip in the surname, the birth date a day out, the old address
            // (in the same postcode district as the new one: compared through a blocking key).
            record(
                "V1", .missing, "Livvy", surname: "Hartly", dob: "05/03/2012", postcode: "S65 1AA", personID: "L9001"),
            record("V2", .exclusions, "Olivia", surname: "Hartley", postcode: "S65 2BB", personID: "E9001"),
            // An earlier CME referral of the same education person id, at the old address, with
            // the birth year typed wrong.
            record("V3", .cme, "Olivia", surname: "Hartley", dob: "04/03/2011", postcode: "S65 1AA", personID: "E9001"),
            record("V4", .missing, "Amelia", surname: "Hartley", postcode: "S65 1AA", personID: "L9002"),
        ]
        let result = Linker().link(records)
        let child = { (id: String, dataset: Dataset) in
            result.childOfRecord[result.index(of: RecordKey(dataset: dataset, recordID: id))!]
        }
        #expect(child("V1", .missing) == child("V2", .exclusions))
        #expect(child("V2", .exclusions) == child("V3", .cme))
        #expect(child("V4", .missing) != child("V2", .exclusions))
        // Neither the two records by themselves nor LCS's record with the CME referral link.
        let index = { (id: String, dataset: Dataset) in result.index(of: RecordKey(dataset: dataset, recordID: id))! }
        let (v1, v2, v3) = (index("V1", .missing), index("V2", .exclusions), index("V3", .cme))
        let own = PairComparer(table: result.table).recordVector(min(v1, v2), max(v1, v2))
        let ownWeight = result.model.weight(own, forenameFrequency: 0, surnameFrequency: 0)
        #expect(MatchModel.probability(weight: ownWeight) < 0.98)
        let direct = result.pairs.first { Set([$0.first, $0.second]) == Set([v1, v3]) }
        #expect(direct.map { $0.probability < 0.98 } ?? true)
    }

    @Test("A slip on one record of a person id is not a second child; the twin under his own person id stays apart")
    func slipUnderPersonID() {
        let boy = { (id: String, dataset: Dataset, forename: String, personID: String) in
            Make.record(
                id, dataset, forename: forename, surname: "Fletcher", dob: "26/05/2011", gender: .male,
                postcode: "S66 2NS", personID: personID)
        }
        var records = LinkerTests.population.records
        records += [
            // LCS typed Archie as `Archio`; the education system holds `Archie`, and `Axchie` on one
            // more record of the same person id. `Archio` and `Axchie` alone look like twins.
            boy("W1", .missing, "Archio", "L7001"),
            boy("W2", .exclusions, "Archie", "E7001"),
            boy("W3", .cme, "Axchie", "E7001"),
            // His twin brother, with a slip on one of his own records.
            boy("W4", .ehe, "Oscar", "E7002"),
            boy("W5", .exclusions, "Osacr", "E7002"),
        ]
        let result = Linker().link(records)
        let child = { (id: String, dataset: Dataset) in
            result.childOfRecord[result.index(of: RecordKey(dataset: dataset, recordID: id))!]
        }
        let comparer = PairComparer(table: result.table)
        let archio = result.index(of: RecordKey(dataset: .missing, recordID: "W1"))!
        let axchie = result.index(of: RecordKey(dataset: .cme, recordID: "W3"))!
        let (low, high) = (min(archio, axchie), max(archio, axchie))
        #expect(comparer.looksLikeTwins(low, high, comparer.compare(low, high)))
        #expect(child("W1", .missing) == child("W2", .exclusions))
        #expect(child("W2", .exclusions) == child("W3", .cme))
        #expect(child("W4", .ehe) == child("W5", .exclusions))
        #expect(child("W4", .ehe) != child("W2", .exclusions))
    }
}

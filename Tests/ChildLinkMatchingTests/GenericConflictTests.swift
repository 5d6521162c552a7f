import ChildLinkModel
import Testing

@testable import ChildLinkMatching

/// The clustering's conflict guard in generic mode: two records of one cluster that differ on
/// both forename and birth date are two people, unless (general files of people only) they are
/// alike on all the rest, as one person's copies are, each garbled in a field of its own.
@Suite("Conflict guard in generic mode")
struct GenericConflictTests {
    /// An adult at 7 erldunda circuit, bellbird ctge, jan juc 4223, with a typed id.
    private func adult(
        _ id: String, _ forename: String?, _ surname: String?, dob: String?, gender: Gender? = nil,
        number: String = "7", personID: String? = "5304218"
    ) -> SourceRecord {
        var record = Make.record(
            id, .cme, forename: forename, surname: surname, dob: dob, gender: gender, postcode: "4223",
            personID: personID)
        record.person.addressLine1 = "erldunda circuit"
        record.person.streetNumber = number
        record.person.addressLine2 = "bellbird ctge"
        record.person.town = "jan juc"
        return record
    }

    /// Clusters `records` from the given links, each well above the threshold (strongest first
    /// in the order given), and returns each pair's decision.
    private func decisions(
        _ records: [SourceRecord], links: [(Int, Int)], addressParts: Bool = true
    ) -> [PairDecision] {
        // Generic mode's default; council mode's `--no-twin-guard`: the conflict guard alone decides.
        let table = RecordTable(records, typedPersonIDs: addressParts, addressParts: addressParts)
        return ClusterDecisions.of(records, links: links, table: table, linkThreshold: 0.95, twinGuard: false)
    }

    @Test("Three copies of one adult, each garbled in one field, are one cluster in generic mode")
    func copiesOfOnePerson() {
        // The original; a copy with another forename (sam for emily); a copy with another birth
        // date (03/11/1941 for 12/05/1978). The two copies differ on forename and birth date
        // (both levels "different") and agree on surname, postcode, address, number, second
        // line and suburb. No id: a shared id would back the join and skip the guard.
        let records = [
            adult("1", "emily", "berry", dob: "12/05/1978", personID: nil),
            adult("2", "sam", "berry", dob: "12/05/1978", personID: nil),
            adult("3", "emily", "berry", dob: "03/11/1941", personID: nil),
        ]
        let copies = PairComparer(table: RecordTable(records, typedPersonIDs: true, addressParts: true))
            .compare(1, 2)
        #expect(copies.forename == .different && copies.dateOfBirth == .different)
        #expect(decisions(records, links: [(0, 1), (0, 2)]) == [.linked, .linked])
        // Council extracts keep the guard as it was: the two copies veto the second join.
        #expect(decisions(records, links: [(0, 1), (0, 2)], addressParts: false) == [.linked, .blockedConflict])
    }

    @Test("Two single records are left to their score: the guard reads what a join adds to a cluster")
    func twoSingleRecords() {
        // Two records alone that differ on forename, birth date and sex (in a cluster, two
        // people): the pair's score already weighed all three, and no third record is at stake.
        let records = [
            adult("2", "sam", "berry", dob: "12/05/1978", gender: .male, personID: nil),
            adult("3", "emily", "berry", dob: "03/11/1941", gender: .female, personID: nil),
        ]
        #expect(decisions(records, links: [(0, 1)]) == [.linked])
        #expect(
            decisions(records + [adult("4", "emily", "berry", dob: "03/11/1941")], links: [(1, 2), (0, 1)])
                == [.linked, .blockedConflict])
    }

    @Test("Two people whose records conflict stay apart: a couple, flatmates, two of one name")
    func twoPeopleApart() {
        // A record with only the surname and the address fits both John (born 1950) and Mary
        // Berry (born 1952), who live there; John and Mary differ on forename, birth date,
        // gender and id: a couple, not copies of one person.
        let couple = [
            adult("1", "john", "berry", dob: "01/02/1950", gender: .male, personID: "5304218"),
            adult("2", nil, "berry", dob: nil, personID: nil),
            adult("3", "mary", "berry", dob: "07/09/1952", gender: .female, personID: "8817342"),
        ]
        #expect(decisions(couple, links: [(0, 1), (1, 2)]) == [.linked, .blockedConflict])
        // Flatmates: another surname, no gender or id given.
        let flatmates = [
            adult("1", "john", "berry", dob: "01/02/1950", personID: nil),
            adult("2", nil, "berry", dob: nil, personID: nil),
            adult("3", "peter", "lim", dob: "07/09/1952", personID: nil),
        ]
        #expect(decisions(flatmates, links: [(0, 1), (1, 2)]) == [.linked, .blockedConflict])
        // Two of one surname at another house number in another suburb: two fields of the address apart.
        var elsewhere = adult("3", "peter", "berry", dob: "07/09/1952", number: "9", personID: nil)
        elsewhere.person.town = "toowong"
        let neighbours = [
            adult("1", "john", "berry", dob: "01/02/1950", personID: nil),
            adult("2", nil, "berry", dob: nil, personID: nil), elsewhere,
        ]
        #expect(decisions(neighbours, links: [(0, 1), (1, 2)]) == [.linked, .blockedConflict])
    }
}

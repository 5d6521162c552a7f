import ChildLinkModel
import Testing

@testable import ChildLinkMatching

/// A record that gives the forename only as its initial, kept from a twin whose middle name is
/// another.
@Suite("A forename initial, the rest the same")
struct ForenameInitialTests {
    /// A record of a Kowalski born 14 March 2013 (a girl unless `gender` says otherwise).
    private func kowalski(
        _ id: String, _ dataset: Dataset, forename: String, middle: String? = nil, dob: String = "14/03/2013",
        gender: Gender = .female, postcode: String, personID: String? = nil
    ) -> SourceRecord {
        Make.record(
            id, dataset, forename: forename, surname: "Kowalski", dob: dob, gender: gender, postcode: postcode,
            personID: personID, middle: middle)
    }

    private func vector(_ first: SourceRecord, _ second: SourceRecord) -> (PairComparer, ComparisonVector) {
        let comparer = PairComparer(table: RecordTable([first, second]))
        return (comparer, comparer.compare(0, 1))
    }

    @Test("An initial with a middle name that is not the other record's: another child, looks like twins")
    func initialWithAnotherMiddleName() {
        let marek = kowalski("1", .missing, forename: "Marek", middle: "Tyler", gender: .male, postcode: "S60 8NF")
        let theo = kowalski("2", .cme, forename: "M", middle: "Theo", gender: .male, postcode: "S60 8NF")
        let (comparer, pair) = vector(marek, theo)
        #expect(comparer.twinReason(0, 1, pair) == .initialWithAnotherMiddleName)
        // The same middle name, a slip of it (Tylor), or none on one side: nothing says two children.
        for middle in ["Tyler", "Tylor", nil] {
            let other = kowalski("2", .cme, forename: "M", middle: middle, gender: .male, postcode: "S60 8NF")
            let (alike, alikePair) = vector(marek, other)
            #expect(alike.twinReason(0, 1, alikePair) == nil, "\(middle ?? "no middle name")")
        }
    }
}

import ChildLinkModel
import Testing

@testable import ChildLinkMatching

/// A record that gives another form of the forename (a nickname, a variant, an anglicised name):
/// linked to the child it plainly is (the same surname, birth date and sex) below the link
/// threshold, and only when nothing else differs.
@Suite("Another form of the forename, the rest the same")
struct ForenameFormTests {
    /// A record of a child born 17 March 2007: a Nowak and a boy unless `surname` and `gender` say otherwise.
    private func record(
        _ id: String, _ dataset: Dataset, forename: String, dob: String = "17/03/2007", gender: Gender = .male,
        surname: String = "Nowak", postcode: String, personID: String? = nil
    ) -> SourceRecord {
        Make.record(
            id, dataset, forename: forename, surname: surname, dob: dob, gender: gender, postcode: postcode,
            personID: personID)
    }

    private func vector(_ first: SourceRecord, _ second: SourceRecord) -> ComparisonVector {
        PairComparer(table: RecordTable([first, second])).compare(0, 1)
    }

    @Test("Only the forename differs, in another form of the name: the same surname, birth date and sex")
    func otherFormOtherwiseExact() {
        let dawid = record("1", .missing, forename: "Dawid", postcode: "S65 2RS", personID: "1400009")
        let david = record("2", .exclusions, forename: "David", postcode: "S65 1XZ", personID: "P3003")
        #expect(ForenameFormLink(vector(dawid, david)) == .otherForm)
        // A day out, a girl, another surname, a name that is no form of Dawid: more than the form differs.
        let dayOut = record("2", .exclusions, forename: "David", dob: "18/03/2007", postcode: "S65 1XZ")
        let girl = record("2", .exclusions, forename: "David", gender: .female, postcode: "S65 1XZ")
        let otherSurname = record("2", .exclusions, forename: "David", surname: "Novak", postcode: "S65 1XZ")
        let otherName = record("2", .exclusions, forename: "Daniel", postcode: "S65 1XZ")
        for other in [dayOut, girl, otherSurname, otherName] {
            #expect(ForenameFormLink(vector(dawid, other)) == nil, "\(other.person.forename ?? "")")
        }
        // Two person ids of one system apart: not the rest the same.
        let underAnotherID = record("2", .missing, forename: "David", postcode: "S65 1XZ", personID: "1400010")
        #expect(ForenameFormLink(vector(dawid, underAnotherID)) == nil)
        // Each form links from its own probability; both below the link threshold.
        #expect(ForenameFormLink.initial.probability < ForenameFormLink.otherForm.probability)
        #expect(ForenameFormLink.otherForm.probability < LinkOptions().linkThreshold)
    }

    @Test("Linked among a borough: another form below the threshold is linked and the explanation says why")
    func inClusters() throws {
        var records = TwinClusteringTests.population.records
        // Jan Smith: a missing episode at one address and an exclusion at another that writes him
        // John, no identifier in common.
        records.append(
            record("J1", .missing, forename: "Jan", surname: "Smith", postcode: "DN4 9HZ", personID: "1400009"))
        records.append(
            record("J2", .exclusions, forename: "John", surname: "Smith", postcode: "S65 1XZ", personID: "P3003"))
        let result = Linker().link(records)
        let jan = (
            try #require(result.index(of: RecordKey(dataset: .missing, recordID: "J1"))),
            try #require(result.index(of: RecordKey(dataset: .exclusions, recordID: "J2")))
        )
        let pair = try #require(result.pairs.first { Set([$0.first, $0.second]) == Set([jan.0, jan.1]) })
        // Between the form's probability and the link threshold on its weights, linked all the same.
        #expect(pair.probability >= ForenameFormLink.otherForm.probability)
        #expect(pair.probability < LinkOptions().linkThreshold)
        #expect(pair.decision == .linked)
        #expect(result.childOfRecord[jan.0] == result.childOfRecord[jan.1])
        let explanation = result.explain(jan.0, jan.1)
        #expect(explanation.formLink == .otherForm)
        #expect(
            explanation.text.contains("rule: linked from probability 0.95 (only the forename differs, in another form"))
    }
}

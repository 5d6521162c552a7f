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

    /// The form link of the pair, if any.
    private func form(_ first: SourceRecord, _ second: SourceRecord) -> LinkRule? {
        let comparer = PairComparer(table: RecordTable([first, second]))
        return comparer.linkRule(0, 1, comparer.compare(0, 1))
    }

    @Test("Only the forename differs, in another form of the name: the same surname, birth date and sex")
    func otherFormOtherwiseExact() {
        let dawid = record("1", .missing, forename: "Dawid", postcode: "S65 2RS", personID: "1400009")
        let david = record("2", .exclusions, forename: "David", postcode: "S65 1XZ", personID: "P3003")
        #expect(form(dawid, david) == .otherForm)
        // A day out, a girl, another surname, a name that is no form of Dawid: more than the form differs.
        let dayOut = record("2", .exclusions, forename: "David", dob: "18/03/2007", postcode: "S65 1XZ")
        let girl = record("2", .exclusions, forename: "David", gender: .female, postcode: "S65 1XZ")
        let otherSurname = record("2", .exclusions, forename: "David", surname: "Kowalski", postcode: "S65 1XZ")
        let otherName = record("2", .exclusions, forename: "Daniel", postcode: "S65 1XZ")
        for other in [dayOut, girl, otherSurname, otherName] {
            #expect(form(dawid, other) == nil, "\(other.person.forename ?? "")")
        }
        // A slip in the surname as well: its own, lower probability.
        let surnameSlip = record("2", .exclusions, forename: "David", surname: "Novak", postcode: "S65 1XZ")
        #expect(form(dawid, surnameSlip) == .otherFormWithSurnameSlip)
        // Two person ids of one system apart: not the rest the same.
        let underAnotherID = record("2", .missing, forename: "David", postcode: "S65 1XZ", personID: "1400010")
        #expect(form(dawid, underAnotherID) == nil)
        // Each form links from its own probability; both below the link threshold.
        #expect(LinkRule.initial.probability < LinkRule.otherForm.probability)
        #expect(LinkRule.otherForm.probability < LinkOptions().linkThreshold)
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
        #expect(pair.probability >= LinkRule.otherForm.probability)
        #expect(pair.probability < LinkOptions().linkThreshold)
        #expect(pair.decision == .linked)
        #expect(result.childOfRecord[jan.0] == result.childOfRecord[jan.1])
        let explanation = result.explain(jan.0, jan.1)
        #expect(explanation.linkRule == .otherForm)
        #expect(
            explanation.text.contains("rule: linked from probability 0.95 (only the forename differs, in another form"))
    }

    @Test("Another form with a surname slip is linked from 0.8, unless the data holds a twin of either record")
    func otherFormWithSurnameSlip() {
        func thompson(_ id: String, _ dataset: Dataset, _ forename: String, _ surname: String, personID: String)
            -> SourceRecord
        {
            Make.record(
                id, dataset, forename: forename, surname: surname, dob: "21/08/2006", gender: .male,
                postcode: "S2 8FU", personID: personID)
        }
        let harry = thompson("1", .missing, "Harry", "Thompson", personID: "1424022")
        let henry = thompson("2", .ehe, "Henry", "Thomson", personID: "E703433")
        #expect(form(harry, henry) == .otherFormWithSurnameSlip)
        #expect(LinkRule.otherFormWithSurnameSlip.probability < LinkRule.otherForm.probability)
        // Henry's brother Harvey, born the same day, under another education person id: a form of
        // a name cannot say which of them Harry is.
        let harvey = thompson("3", .exclusions, "Harvey", "Thompson", personID: "E703432")
        let triplets = PairComparer(table: RecordTable([harry, henry, harvey]))
        #expect(triplets.linkRule(0, 1, triplets.compare(0, 1)) == nil)
        // Another record of Henry's own person id is no twin.
        let henryAgain = thompson("3", .exclusions, "Henry", "Thompson", personID: "E703433")
        let one = PairComparer(table: RecordTable([harry, henry, henryAgain]))
        #expect(one.linkRule(0, 1, one.compare(0, 1)) == .otherFormWithSurnameSlip)
    }

    /// A boy known to LCS by all his names (with `middle`) or to the education system by one.
    private func boy(
        _ id: String, _ forename: String, middle: String? = nil, surname: String, dob: String, personID: String
    ) -> SourceRecord {
        Make.record(
            id, middle == nil ? .exclusions : .missing, forename: forename, surname: surname, dob: dob,
            gender: .male, postcode: middle == nil ? "S65 1XZ" : "DN4 9HZ", personID: personID, middle: middle)
    }

    @Test("Known by the first middle name: Isaac beside Harry Isaac, from 0.9, and from 0.7 with a surname slip")
    func firstMiddleName() {
        let harryIsaac = boy("1", "Harry", middle: "Isaac", surname: "Roberts", dob: "15/08/2014", personID: "1413091")
        let isaac = boy("2", "Isaac", surname: "Roberts", dob: "15/08/2014", personID: "P3003")
        #expect(form(harryIsaac, isaac) == .firstMiddleName)
        var slip = isaac
        slip.person.surname = "Robetrs"
        #expect(form(harryIsaac, slip) == .firstMiddleNameWithSurnameSlip)
        #expect(
            LinkRule.firstMiddleNameWithSurnameSlip.probability < LinkRule.firstMiddleName.probability)
        // A later middle name is seldom the name a child goes by; a record with a middle name of its
        // own, a day out or a girl: more than the name it goes by differs.
        var laterMiddle = harryIsaac
        laterMiddle.person.middleNames = "Leo Isaac"
        var ownMiddle = isaac
        ownMiddle.person.middleNames = "Tom"
        var dayOut = isaac
        dayOut.person.dateOfBirth = CalendarDate(year: 2014, month: 8, day: 16)
        var girl = isaac
        girl.person.gender = .female
        #expect(form(laterMiddle, isaac) == nil)
        #expect(form(harryIsaac, ownMiddle) == nil)
        #expect(form(harryIsaac, dayOut) == nil)
        #expect(form(harryIsaac, girl) == nil)
        #expect(LinkRule.firstMiddleName.probability < LinkRule.initial.probability)
    }

    @Test("Known by the first middle name among a borough: linked from 0.9, a later middle name not")
    func firstMiddleNameInClusters() throws {
        let harryIsaac = boy("H1", "Harry", middle: "Isaac", surname: "Smith", dob: "17/03/2007", personID: "1400009")
        let isaac = boy("H2", "Isaac", surname: "Smith", dob: "17/03/2007", personID: "P3003")
        let oscarLeoJacob = boy(
            "O1", "Oscar", middle: "Leo Jacob", surname: "Smith", dob: "02/11/2009", personID: "1400011")
        let jacob = boy("O2", "Jacob", surname: "Smith", dob: "02/11/2009", personID: "P3005")
        // In this small borough both pairs score above the usual threshold: with the threshold
        // raised above them, only the form link can link a pair.
        var options = LinkOptions()
        options.linkThreshold = 0.999999
        let result = Linker(options: options).link(
            TwinClusteringTests.population.records + [harryIsaac, isaac, oscarLeoJacob, jacob])
        let pairs = try [(harryIsaac, isaac), (oscarLeoJacob, jacob)].map { first, second in
            let indices = try (#require(result.index(of: first.key)), #require(result.index(of: second.key)))
            let pair = try #require(result.pairs.first { Set([$0.first, $0.second]) == Set([indices.0, indices.1]) })
            return (indices, pair)
        }
        let (harry, harryPair) = pairs[0]
        #expect(harryPair.probability >= LinkRule.firstMiddleName.probability)
        #expect(harryPair.probability < options.linkThreshold)
        #expect(harryPair.decision == .linked)
        let explanation = result.explain(harry.0, harry.1)
        #expect(explanation.linkRule == .firstMiddleName)
        #expect(
            explanation.text.contains("rule: linked from probability 0.9 (one record's forename is the other's first")
        )
        // Jacob is Oscar Leo Jacob's second middle name: no form link, left for a person.
        let (oscar, oscarPair) = pairs[1]
        #expect(oscarPair.probability >= LinkRule.firstMiddleName.probability)
        #expect(oscarPair.decision == .review)
        #expect(result.explain(oscar.0, oscar.1).linkRule == nil)
    }
}

import ChildLinkModel
import Foundation
import Testing

@testable import ChildLinkMatching

/// A number a system fills in for every child whose own it does not know is held by children of
/// other birth dates and surnames: it is read as no identifier, so it neither links them nor keeps
/// one child's records apart.
@Suite("An identifier held by three children plainly apart is a placeholder")
struct PlaceholderIdentifierTests {
    /// A valid NHS number (its check digit fits) used here as the dummy.
    private static let dummy = "4010232137"

    private func child(
        _ id: String, _ dataset: Dataset, _ forename: String, _ surname: String, dob: String,
        postcode: String = "S65 1AA", upn: String? = nil, nhs: String? = dummy
    ) -> SourceRecord {
        Make.record(
            id, dataset, forename: forename, surname: surname, dob: dob, gender: .female, postcode: postcode, upn: upn,
            nhs: nhs)
    }

    @Test("Three children plainly apart make a placeholder; one child's dates, or a family's children, do not")
    func placeholdersByHolders() {
        // 1 February 2008, 14 June 2010 and 23 November 2012, three surnames: three children.
        // Daisy Evans again, 2 February 2008 (a day's slip of her date), adds none.
        let records = [
            child("1", .missing, "Daisy", "Evans", dob: "01/02/2008"),
            child("2", .cme, "Ruby", "Shaw", dob: "14/06/2010"),
            child("3", .ehe, "Amir", "Khan", dob: "23/11/2012"),
            child("4", .exclusions, "Daisy", "Evans", dob: "02/02/2008"),
        ]
        var table = RecordTable(records)
        let found = table.clearPlaceholderIdentifiers(of: records)
        #expect(found.nhsNumbers == [Self.dummy])
        #expect(found.count == 1 && found.records == 4)
        #expect(table.nhs.allSatisfy { $0 == 0 })

        // One child whose birth date three systems typed three ways, none a slip of another (4,
        // 13 and 24 May), the surname once with a slip: one family name, one child.
        #expect(
            placeholders([
                child("1", .missing, "Mateusz", "Smith", dob: "04/05/2013"),
                child("2", .missing, "Mateusz", "Smith", dob: "13/05/2013"),
                child("3", .exclusions, "Mateusz", "Smtih", dob: "24/05/2013"),
            ]).isEmpty)
        // A brother's number typed into his sister's record: two children, not a placeholder.
        let siblings = [
            child("1", .missing, "Daisy", "Evans", dob: "01/02/2008"),
            child("2", .cme, "Jack", "Evans", dob: "14/06/2010"),
            child("3", .cme, "Daisy", "Evans", dob: "01/02/2008"),
        ]
        #expect(placeholders(siblings).isEmpty)
        // Two children with another surname each beside Daisy's are three: the dummy again.
        let three = [
            child("1", .missing, "Daisy", "Evans", dob: "01/02/2008"),
            child("2", .cme, "Jack", "Evans", dob: "14/06/2010"),
            child("4", .cme, "Amir", "Khan", dob: "23/11/2012"),
            child("5", .ehe, "Ruby", "Shaw", dob: "14/06/2011"),
        ]
        #expect(placeholders(three).nhsNumbers == [Self.dummy])
    }

    private func placeholders(_ records: [SourceRecord]) -> PlaceholderIdentifiers {
        PlaceholderIdentifiers(RecordTable(records), records: records)
    }

    @Test("A placeholder UPN is taken off the records; a second UPN moves up in its place")
    func placeholderUPN() {
        let dummyUPN = Make.upn(901)
        let own = Make.upn(902)
        let records = [
            Make.record(
                "1", .cme, forename: "Daisy", surname: "Evans", dob: "01/02/2008", upn: dummyUPN, formerUPN: own),
            Make.record("2", .cme, forename: "Ruby", surname: "Shaw", dob: "14/06/2010", upn: dummyUPN),
            Make.record("3", .cme, forename: "Amir", surname: "Khan", dob: "23/11/2012", upn: dummyUPN),
        ]
        var table = RecordTable(records)
        let ownHash = table.upnB[0]
        let found = table.clearPlaceholderIdentifiers(of: records)
        #expect(found.upns == [dummyUPN] && found.nhsNumbers.isEmpty && found.records == 3)
        #expect(table.upnA == [ownHash, 0, 0])
        #expect(table.upnB == [0, 0, 0])
    }

    /// Twins Daisy and Lily Evans, and two children at other birth dates, all given the dummy by
    /// one system; Ruby Shaw's missing episode with her own NHS number and her CME referral with
    /// the dummy, at one address.
    private static let added = [
        ("PD1", Dataset.cme, "Daisy", "Evans", "09/10/2004", Gender.female, "S66 9PT", dummy),
        ("PD2", .cme, "Lily", "Evans", "09/10/2004", .female, "S66 9PT", dummy),
        ("PD3", .cme, "Amir", "Khan", "23/11/2012", .male, "S60 2TY", dummy),
        ("PD4", .cme, "Ruby", "Shaw", "14/06/2010", .female, "S61 4LB", dummy),
        ("PD5", .missing, "Ruby", "Shaw", "14/06/2010", .female, "S61 4LB", "4296304984"),
    ].map { id, dataset, forename, surname, born, sex, postcode, nhs in
        Make.record(
            id, dataset, forename: forename, surname: surname, dob: born, gender: sex, postcode: postcode, nhs: nhs)
    }

    @Test("Among a borough: twins holding the dummy stay apart, a child's dummy and real number are linked")
    func linkedAsIfAbsent() throws {
        let result = Linker().link(TwinClusteringTests.population.records + Self.added)
        let index = try Self.added.map { try #require(result.index(of: $0.key)) }
        // Read as their number, the dummy joins the twins whatever their forenames (an identifier
        // and the birth date in common link at any probability, past the twin guard).
        #expect(result.childOfRecord[index[0]] != result.childOfRecord[index[1]])
        // Read as another number than Ruby's own, it keeps her two records apart.
        #expect(result.childOfRecord[index[3]] == result.childOfRecord[index[4]])
        #expect(result.explain(index[0], index[1]).contributions.first { $0.comparison == .nhsNumber }?.level == 0)
        #expect(result.summary.placeholderIdentifiers.count == 1)
        #expect(result.summary.placeholderIdentifiers.records == 4)
    }

    /// Twins Daisy and Lily Evans and two other children excluded, the school system writing their
    /// person id as `0`; Ruby Shaw's CME referral under her own education person id.
    private static let zeroIDs = [
        ("PZ1", Dataset.exclusions, "Daisy", "Evans", "09/10/2004", "0"),
        ("PZ2", .exclusions, "Lily", "Evans", "09/10/2004", "0"),
        ("PZ3", .exclusions, "Amir", "Khan", "23/11/2012", "0"),
        ("PZ4", .exclusions, "Ruby", "Shaw", "14/06/2010", "0"),
        ("PZ5", .cme, "Ruby", "Shaw", "14/06/2010", "E913377"),
    ].map { id, dataset, forename, surname, born, personID in
        Make.record(
            id, dataset, forename: forename, surname: surname, dob: born, gender: .female, postcode: "S66 9PT",
            personID: personID)
    }

    @Test("A person id one system writes for every child (0) is none: twins apart, Ruby's two ids joined")
    func personIDWrittenZero() throws {
        let result = Linker().link(TwinClusteringTests.population.records + Self.zeroIDs)
        let index = try Self.zeroIDs.map { try #require(result.index(of: $0.key)) }
        // The twins stay apart (here the twin guard reads their forenames either way); Ruby's
        // exclusion, read under another id of one system than her referral's, was another child.
        #expect(result.childOfRecord[index[0]] != result.childOfRecord[index[1]])
        #expect(result.childOfRecord[index[3]] == result.childOfRecord[index[4]])
        #expect(result.summary.placeholderIdentifiers.personIDs.count == 1)
        #expect(result.summary.placeholderIdentifiers.records == 4)
        #expect(result.explain(index[0], index[1]).contributions.first { $0.comparison == .personID }?.level == 0)
    }

    @Test("A stored model reads the run's placeholders as none when it explains a pair again")
    func storedModelExplains() throws {
        let result = Linker().link(TwinClusteringTests.population.records + Self.added)
        let parameters = result.modelParameters
        #expect(parameters.placeholderIdentifiers?.nhsNumbers == [Self.dummy])
        let decoded = try JSONDecoder().decode(MatchModelParameters.self, from: JSONEncoder().encode(parameters))
        let stored = try #require(StoredMatchModel(decoded))
        let explanation = stored.explain(Self.added[0], Self.added[1])
        #expect(explanation.contributions.first { $0.comparison == .nhsNumber }?.level == 0)
        // A run with no placeholder stores none (and older stores, without the field, read as none).
        #expect(Linker().link(TwinClusteringTests.population.records).modelParameters.placeholderIdentifiers == nil)
    }
}

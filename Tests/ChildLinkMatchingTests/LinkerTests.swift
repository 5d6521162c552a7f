import ChildLinkModel
import Testing

@testable import ChildLinkMatching

@Suite("Linker")
struct LinkerTests {
    static let population = TestPopulation(families: 400)
    static let result = Linker().link(population.records, truth: population.truth)

    private func child(_ result: LinkResult, _ id: String, _ dataset: Dataset = .cme) -> Int {
        result.childOfRecord[result.index(of: RecordKey(dataset: dataset, recordID: id))!]
    }

    @Test("Every record is assigned to exactly one child")
    func everyRecordOnce() {
        let result = Self.result
        let assigned = result.children.flatMap(\.records)
        #expect(assigned.count == Self.population.records.count)
        #expect(Set(assigned).count == assigned.count)
        for (index, record) in result.records.enumerated() {
            #expect(result.children[result.childOfRecord[index]].records.contains(record.key))
        }
    }

    @Test("The synthetic borough links with high precision and recall and no twins merged")
    func accuracy() {
        let evaluation = LinkEvaluation(result: Self.result, truth: Self.population.truth)
        #expect(evaluation.precision >= 0.99, "precision \(evaluation.precision)")
        #expect(evaluation.recall >= 0.95, "recall \(evaluation.recall)")
        #expect(evaluation.twinsMerged == 0)
        #expect((Self.result.summary.blockingRecall ?? 0) >= 0.99)
    }

    @Test("The model is estimated from the data: agreement is evidence for, a far-apart birth date against")
    func estimatedModel() {
        let model = Self.result.model
        #expect(model.logBayesFactor(.dateOfBirth, level: 1) > 1)
        #expect(model.logBayesFactor(.dateOfBirth, level: 6) < -2)
        #expect(model.logBayesFactor(.forename, level: 7) < -1)
        #expect(model.logBayesFactor(.upn, level: 1) > 5)
        #expect(model.candidatePrior > 0 && model.candidatePrior < 1)
        #expect(model.globalPrior < model.candidatePrior)
    }

    @Test("Two children's birth dates are far oftener a digit slip apart than a day apart")
    func daySlipAndDigitSlip() {
        // A date has two neighbours a day away and about twenty a digit slip away (each of eight
        // digits changed, or two neighbours swapped), so random pairs of children reach the second
        // about ten times as often: u, from random pairs, says so, and a day out weighs more.
        let u = Self.result.model.uRandom[Comparison.dateOfBirth.rawValue]
        let dayOut = u[Int(DateOfBirthLevel.oneDayOut.rawValue)]
        let digitOut = u[Int(DateOfBirthLevel.oneDigitOut.rawValue)]
        #expect(dayOut > 0)
        #expect(digitOut > 4 * dayOut, "u: a day out \(dayOut), a digit out \(digitOut)")
    }

    @Test("The same records in another order give the same children and pairs")
    func deterministic() {
        var random = Random(seed: 99)
        var shuffled = Self.population.records
        shuffled.shuffle(using: &random)
        let again = Linker().link(shuffled)
        #expect(again.children == Self.result.children)
        #expect(again.pairs == Self.result.pairs)
    }

    @Test("Normalising in parts and joining them gives the same table as in one pass", arguments: [2, 3])
    func partsJoinToTheSameTable(parts: Int) {
        let records = Self.population.records
        #expect(RecordTable(records, concurrency: parts, minimumPartSize: 100) == RecordTable(records))
    }

    @Test("Records come out sorted by dataset, then record id (as strings, accents included)")
    func sortedByKey() {
        var records = Self.population.records
        records.append(Make.record("É1", .cme, forename: "A", surname: "B", dob: nil))
        records.append(Make.record("E0000000000000000002", .cme, forename: "A", surname: "B", dob: nil))
        records.append(Make.record("E00000000000000000010", .cme, forename: "A", surname: "B", dob: nil))
        var random = Random(seed: 5)
        records.shuffle(using: &random)
        let expected = records.sorted {
            (Dataset.allCases.firstIndex(of: $0.dataset)!, $0.key.recordID)
                < (Dataset.allCases.firstIndex(of: $1.dataset)!, $1.key.recordID)
        }
        #expect(Linker().link(records).records.map(\.key) == expected.map(\.key))
    }

    @Test("Twins (same surname, birth date and address, different forenames) are never merged")
    func twinsKeptApart() {
        var records = Self.population.records
        records += [
            Make.record(
                "TW1", forename: "Marek", surname: "Horváth", dob: "14/05/2013", gender: .male, postcode: "S61 2AB"),
            Make.record(
                "TW2", .ehe, forename: "Marek", surname: "Horvath", dob: "14/05/2013", gender: .male,
                postcode: "S61 2AB"),
            Make.record(
                "TW3", forename: "Roman", surname: "Horváth", dob: "14/05/2013", gender: .male, postcode: "S61 2AB"),
            Make.record(
                "TW4", .exclusions, forename: "Roman", surname: "Horváth", dob: "14/05/2013", gender: .male,
                postcode: "S61 2AB"),
        ]
        let result = Linker().link(records)
        #expect(child(result, "TW1") == child(result, "TW2", .ehe))
        #expect(child(result, "TW3") == child(result, "TW4", .exclusions))
        #expect(child(result, "TW1") != child(result, "TW3"))
        let explanation = result.explain(
            result.index(of: RecordKey(dataset: .cme, recordID: "TW1"))!,
            result.index(of: RecordKey(dataset: .cme, recordID: "TW3"))!)
        #expect(explanation.looksLikeTwins)
    }

    @Test("Twins with alike but well-attested names (Jayden and Jaden) are kept apart; a one-off slip still links")
    func similarlyNamedTwins() {
        var records = Self.population.records
        for n in 0..<3 {
            records.append(
                Make.record(
                    "J\(n)", Dataset.strands[n], forename: "Jayden", surname: "Walker", dob: "02/03/2012",
                    gender: .male, postcode: "S66 1AB"))
            records.append(
                Make.record(
                    "K\(n)", Dataset.strands[n], forename: "Jaden", surname: "Walker", dob: "02/03/2012", gender: .male,
                    postcode: "S66 1AB"))
        }
        records.append(
            Make.record(
                "SLIP", .ehe, forename: "Jaydne", surname: "Walker", dob: "02/03/2012", gender: .male,
                postcode: "S66 1AB"))
        let result = Linker().link(records)
        #expect(child(result, "J0", .missing) == child(result, "J1", .cme))
        #expect(child(result, "K0", .missing) == child(result, "K2", .ehe))
        #expect(child(result, "J0", .missing) != child(result, "K0", .missing))
        #expect(child(result, "SLIP", .ehe) == child(result, "J0", .missing))
    }

    @Test("Nicknames, diacritics, feminine endings and transposed dates still link")
    func hardButTrueLinks() {
        var records = Self.population.records
        records += [
            Make.record(
                "N1", forename: "Štefan", surname: "Lakatoš", dob: "03/11/2011", gender: .male, postcode: "S65 1QQ"),
            Make.record(
                "N2", .missing, forename: "Steven", surname: "Lakatos", dob: "11/03/2011", gender: .male,
                postcode: "S65 1QQ"),
            Make.record(
                "F1", forename: "Zuzana", surname: "Dvořáková", dob: "22/02/2010", gender: .female, postcode: "S62 7XY"),
            Make.record("F2", .ehe, forename: "Zuzana", surname: "Dvorak", dob: "22/02/2010", gender: .female),
        ]
        let result = Linker().link(records)
        #expect(child(result, "N1") == child(result, "N2", .missing))
        #expect(child(result, "F1") == child(result, "F2", .ehe))
    }

    @Test("A cluster never holds two different valid UPNs")
    func upnConflictKeptApart() {
        var records = Self.population.records
        records += [
            Make.record(
                "U1", forename: "Lily", surname: "Ahmed", dob: "09/09/2012", gender: .female, postcode: "S60 3CD",
                upn: Make.upn(801)),
            Make.record(
                "U2", .ehe, forename: "Lily", surname: "Ahmed", dob: "09/09/2012", gender: .female, postcode: "S60 3CD",
                upn: Make.upn(802)),
            Make.record(
                "U3", .missing, forename: "Lily", surname: "Ahmed", dob: "09/09/2012", gender: .female,
                postcode: "S60 3CD"),
        ]
        let result = Linker().link(records)
        let u1 = child(result, "U1")
        let u2 = child(result, "U2", .ehe)
        #expect(u1 != u2)
        let pair = result.pairs.first {
            result.records[$0.first].key.recordID == "U1" && result.records[$0.second].key.recordID == "U2"
        }
        #expect(pair == nil || pair?.decision != .linked)
    }

    @Test("Within-dataset duplicates are merged when the evidence says so")
    func duplicatesWithinDataset() {
        var records = Self.population.records
        records += [
            Make.record(
                "D1", forename: "Ruby", surname: "Rostás", dob: "30/06/2014", gender: .female, postcode: "S63 9PP",
                nhs: Make.nhs(4242)),
            Make.record(
                "D2", forename: "Ruby", surname: "Rostas", dob: "30/06/2014", gender: .female, postcode: "S63 9PP",
                nhs: Make.nhs(4242)),
        ]
        let result = Linker().link(records)
        #expect(child(result, "D1") == child(result, "D2"))
        #expect(result.summary.clustersWithDuplicates > 0)
    }

    @Test("An explanation adds up: prior plus contributions is the pair's weight")
    func explanationAddsUp() throws {
        let result = Self.result
        let pair = try #require(result.pairs.first { $0.decision == .linked })
        let explanation = result.explain(pair.first, pair.second)
        #expect(abs(explanation.weight - pair.weight) < 1e-9)
        #expect(explanation.contributions.count == result.comparisons.count)
        #expect(result.comparisons == Comparison.allCases.filter { !$0.isAddressPart })
        #expect(explanation.text.contains("Date of birth"))
        let onDemand = result.model.explain(result.records[pair.first], result.records[pair.second])
        #expect(abs(onDemand.weight - pair.weight) < 1e-9)
    }
}

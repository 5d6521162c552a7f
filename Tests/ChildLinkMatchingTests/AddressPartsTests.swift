import ChildLinkModel
import Testing

@testable import ChildLinkMatching

/// Generic mode compares the address's parts a file gives (street number, second line, town or
/// suburb, state or county) as fields of their own; council extracts do not.
@Suite("Address parts in generic mode")
struct AddressPartsTests {
    private func person(
        _ id: String, _ forename: String, _ surname: String, dob: String? = "04/03/1990", number: String? = "7",
        line2: String? = "bellbird ctge", town: String? = "jan juc", region: String? = "vic", _ dataset: Dataset = .cme
    ) -> SourceRecord {
        var record = Make.record(id, dataset, forename: forename, surname: surname, dob: dob, postcode: "4223")
        record.person.addressLine1 = "erldunda circuit"
        record.person.streetNumber = number
        record.person.addressLine2 = line2
        record.person.town = town
        record.person.region = region
        return record
    }

    private func vector(_ a: SourceRecord, _ b: SourceRecord, parts: Bool = true) -> ComparisonVector {
        PairComparer(table: RecordTable([a, b], addressParts: parts)).compare(0, 1)
    }

    @Test("Each part is compared: the same, one slip or a space apart, different, or absent")
    func levels() {
        let a = person("1", "Harrison", "Capurso")
        let same = vector(a, person("2", "Harrison", "Capurso", .ehe))
        #expect(same.streetNumber == .agree)
        #expect(same.addressLine2 == .exact)
        #expect(same.town == .exact)
        #expect(same.region == .agree)
        // `bellbirdctge`: the space dropped; `jan jcu`: two neighbours swapped; 45 for 7; NSW for VIC.
        let slipped = vector(
            a, person("2", "Harrison", "Capurso", number: "45", line2: "bellbirdctge", town: "jan jcu", region: "nsw"))
        #expect(slipped.streetNumber == .disagree)
        #expect(slipped.addressLine2 == .close)
        #expect(slipped.town == .close)
        #expect(slipped.region == .disagree)
        let other = vector(a, person("2", "Harrison", "Capurso", line2: "tieve tara", town: "toowong", region: nil))
        #expect(other.addressLine2 == .different)
        #expect(other.town == .different)
        #expect(other.region == .absent)
    }

    @Test("Council extracts are compared without the parts, even when a town is given")
    func councilMode() {
        let council = vector(person("1", "Ann", "Lee"), person("2", "Ann", "Lee", .ehe), parts: false)
        #expect(council.streetNumber == .absent)
        #expect(council.town == .absent)
        #expect(council.addressLine2 == .absent)
        #expect(council.region == .absent)
    }

    @Test(
        "Close text: one slip, a space dropped or added, or Jaro–Winkler 0.92",
        arguments: [
            ("smithfield", "smithifeld", true),  // f and i swapped
            ("school house", "school h ouse", true),  // a space added
            ("jerrabomberra avenue", "jerrabombera avenue", true),  // an r dropped
            ("toowong", "kedron", false),
            ("spring vale", "rosetta village", false),
        ])
    func closeText(a: String, b: String, close: Bool) {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        let result = x.withUnsafeBufferPointer { x in y.withUnsafeBufferPointer { y in PairComparer.closeText(x, y) } }
        #expect(result == close)
    }

    @Test("A garbled person at the same house is a candidate pair in generic mode only")
    func houseNumberBlocking() {
        // Names and birth date all different: no other key brings the two together.
        let records = [
            person("1", "Matilda", "Satterley", dob: "01/01/1950"),
            person("2", "Daniel", "Xu", dob: "05/06/1977", .ehe),
        ]
        let blocker = Blocker(maxGroupSize: 200, concurrency: 1)
        #expect(blocker.candidatePairs(RecordTable(records, addressParts: true)).pairs == [1])
        #expect(blocker.candidatePairs(RecordTable(records)).pairs.isEmpty)
    }

    @Test("Term frequency: agreeing on a town a third as common counts log2(3) bits more")
    func termFrequency() {
        // Six records in Toowong, two in Jan Juc: shares 6/8 and 2/8 of the records with a town.
        let records = (0..<8).map { index in
            person(String(index), "Ann", "Lee", town: index < 6 ? "toowong" : "jan juc")
        }
        let table = RecordTable(records, addressParts: true)
        let frequencies = ModelEstimator.partFrequencies(table)
        #expect(frequencies[.town]?[table.townHash[0]] == 0.75)
        #expect(frequencies[.town]?[table.townHash[7]] == 0.25)
        let initial = ModelEstimator.initialM()
        var model = MatchModel(
            m: initial, u: initial, uRandom: initial, uAddressGivenSurname: initial[Comparison.address.rawValue],
            candidatePrior: 0.01, globalPrior: 0.001, iterations: 0)
        model.partFrequencies = frequencies
        let common = model.frequencyAdjustment(.town, frequency: model.partFrequency(.town, table, 0))
        let rare = model.frequencyAdjustment(.town, frequency: model.partFrequency(.town, table, 7))
        // log2(u / 0.25) − log2(u / 0.75) = log2(3) ≈ 1.585, whatever u is (here 0.90, unclamped).
        #expect(abs((rare - common) - 1.584_962_500_721_156) < 1e-6)
        #expect(abs(rare - 1.847_996_906_554_950) < 1e-6)  // log2(0.9 / 0.25) = log2(3.6)
    }

    @Test("Linked in generic mode, an explanation still adds up to the pair's weight")
    func explanationAddsUp() throws {
        var options = LinkOptions()
        options.addressParts = true
        options.typedPersonIDs = true
        options.twinGuard = false
        options.linkThreshold = 0.5
        var records: [SourceRecord] = []
        let towns = ["toowong", "jan juc", "kedron", "campsie"]
        let names = ["Ann", "Bo", "Cy", "Di", "Ed", "Flo", "Gus", "Hal", "Ivy", "Jo", "Kit", "Lou"]
        for (index, name) in names.enumerated() {
            let town = towns[index % towns.count]
            let number = String(index + 1)
            let dob = "0\(index % 9 + 1)/03/19\(50 + index)"
            var first = person("a\(index)", name, "Lee\(index)", dob: dob, number: number, town: town)
            first.person.personID = String(5_304_210 + index * 7)
            var second = person("b\(index)", name, "Lee\(index)", dob: dob, number: number, town: town, .ehe)
            second.person.personID = String(5_304_210 + index * 7 + 1)  // one slip
            records += [first, second]
        }
        let result = Linker(options: options).link(records)
        #expect(result.comparisons == Comparison.allCases)
        let pair = try #require(result.pairs.first { $0.decision == .linked })
        #expect(pair.vector.personID == .oneSlip)
        let explanation = result.explain(pair.first, pair.second)
        #expect(explanation.contributions.count == Comparison.allCases.count)
        #expect(abs(explanation.weight - pair.weight) < 1e-9)
        #expect(explanation.text.contains("Town / suburb"))
    }
}

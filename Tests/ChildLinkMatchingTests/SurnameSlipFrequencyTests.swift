import ChildLinkModel
import Testing

@testable import ChildLinkMatching

@Suite("A surname slip weighed by the name it stands for")
struct SurnameSlipFrequencyTests {
    /// A model with the starting m and u (so uRandom's exact surname level is 0.82) and the given
    /// surname frequencies, by folded spelling.
    private func model(_ frequencies: [String: Float]) -> MatchModel {
        let initial = ModelEstimator.initialM()
        var model = MatchModel(
            m: initial, u: initial, uRandom: initial, uAddressGivenSurname: initial[Comparison.address.rawValue],
            candidatePrior: 0.01, globalPrior: 0.001, iterations: 0)
        model.surnameFrequency = Dictionary(
            uniqueKeysWithValues: frequencies.map { (Hashing.fnv1a(Array($0.key.utf8)), $0.value) })
        return model
    }

    @Test("A spelling stands for the commonest spelling one slip away, or itself")
    func likeliestSpelling() {
        let model = model(["king": 0.2, "kang": 0.05, "siddique": 0.01, "kkng": 0.0001])
        #expect(model.likeliestSurnameFrequency(Array("kkng".utf8)) == 0.2)  // i typed as k
        #expect(model.likeliestSurnameFrequency(Array("kking".utf8)) == 0.2)  // k struck twice
        #expect(model.likeliestSurnameFrequency(Array("king".utf8)) == 0.2)
        #expect(model.likeliestSurnameFrequency(Array("siddiquue".utf8)) == 0.01)
        // King is not ten times as common as Kang: Kang is a name of its own, not King mistyped.
        #expect(model.likeliestSurnameFrequency(Array("kang".utf8)) == 0.05)
        // A spelling no record held, with nothing near it: held once, as the rarest spelling is.
        #expect(model.likeliestSurnameFrequency(Array("zzzz".utf8)) == 0.0001)
        // Looking up only the names far commoner than one record gives the same answers.
        let candidates = model.farCommonerSurnames
        #expect(candidates.count == 3)  // all but Kkng
        for name in ["kkng", "kking", "kang", "siddiquue", "zzzz"] {
            #expect(
                model.likeliestSurnameFrequency(Array(name.utf8), among: candidates)
                    == model.likeliestSurnameFrequency(Array(name.utf8)))
        }
    }

    @Test("The hashes of the spellings one slip away are those of the spellings written out")
    func oneSlipHashes() {
        for name in ["king", "smith", "oo", "a", "siddique"] {
            var hashes: [UInt64] = []
            Hashing.forEachOneSlip(of: Array(name.utf8)) { hashes.append($0) }
            let spelled = PairComparer.oneSlipAway(Array(name.utf8)).map { Hashing.fnv1a($0) }
            #expect(hashes.sorted() == spelled.sorted())
        }
    }

    @Test("A slip of a rare surname weighs more than a slip of a common one; two slips of King count as King")
    func rareSlipWeighsMore() {
        let model = model(["king": 0.2, "siddique": 0.01])
        func slip(_ a: String, _ b: String) -> Double {
            model.slipFrequencyAdjustment(
                .surname, model.likeliestSurnameFrequency(Array(a.utf8)), model.likeliestSurnameFrequency(Array(b.utf8))
            )
        }
        // log2(0.82 / 0.2) = log2(4.1) ≈ 2.0356 bits, whichever of King's slips the records hold.
        #expect(abs(slip("kking", "kkng") - 2.035_623_909_730_721) < 1e-6)  // 0.2 held as a Float
        #expect(abs(slip("king", "kng") - 2.035_623_909_730_721) < 1e-6)  // 0.2 held as a Float
        // log2(0.82 / 0.01) ≈ 6.36 bits, held to the cap of 5 either way.
        #expect(slip("siddiquue", "siddique") == MatchModel.maxFrequencyAdjustment)
    }

    @Test("Linked, a pair with a surname slip is explained with the same weight, in the run and on demand")
    func explanationAddsUp() throws {
        let records =
            LinkerTests.population.records + [
                Make.record(
                    "S1", forename: "Hafsa", surname: "Siddiquue", dob: "01/06/2006", gender: .female,
                    postcode: "S5 5RF"),
                Make.record(
                    "S2", .exclusions, forename: "Hafsa", surname: "Siddique", dob: "01/06/2006",
                    gender: .female, postcode: "S66 4XL"),
            ]
        let result = Linker().link(records)
        let first = try #require(result.index(of: RecordKey(dataset: .cme, recordID: "S1")))
        let second = try #require(result.index(of: RecordKey(dataset: .exclusions, recordID: "S2")))
        let pair = try #require(
            result.pairs.first { Set([$0.first, $0.second]) == Set([first, second]) })
        #expect(pair.vector.surname == .close)
        let explanation = result.explain(pair.first, pair.second)
        let surname = try #require(explanation.contributions.first { $0.comparison == .surname })
        // Siddique is held by one record in this run: a rare name, so its slip counts for more.
        #expect(surname.frequencyAdjustmentBits > 0)
        #expect(abs(explanation.weight - pair.weight) < 1e-9)
        let onDemand = result.model.explain(result.records[pair.first], result.records[pair.second])
        #expect(abs(onDemand.weight - pair.weight) < 1e-9)
    }
}

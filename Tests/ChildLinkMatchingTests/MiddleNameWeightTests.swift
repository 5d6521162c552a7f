import ChildLinkModel
import Foundation
import Testing

@testable import ChildLinkMatching

/// The same forename with a middle name in common is a level of its own, weighed by EM but held
/// to at most the most a forename's frequency adds to an exact agreement.
@Suite("Model: a middle name in common")
struct MiddleNameWeightTests {
    private func vector(_ a: SourceRecord, _ b: SourceRecord) -> ComparisonVector {
        PairComparer(table: RecordTable([a, b])).compare(0, 1)
    }

    private func zain(_ id: String, middle: String?) -> SourceRecord {
        Make.record(id, forename: "Zain", surname: "Thompson", dob: "16/10/2003", middle: middle)
    }

    @Test("Two given names agreeing are their own level; one, or two middle names apart, are exact")
    func level() {
        let both = vector(zain("1", middle: "Muhammad"), zain("2", middle: "Muhammad"))
        #expect(both.forename == .exactWithMiddleName)
        #expect(Comparison.forename.levelNames[both.level(.forename)] == "exact, with a middle name")
        // The first middle names agree, a second given on one record only; a middle name that is
        // the other's second only (one of several is shared by two children more often).
        #expect(
            vector(zain("1", middle: "Muhammad Ali"), zain("2", middle: "Muhammad")).forename == .exactWithMiddleName)
        #expect(vector(zain("1", middle: "Ali Muhammad"), zain("2", middle: "Muhammad")).forename == .exact)
        #expect(vector(zain("1", middle: "Muhammad"), zain("2", middle: "Ali")).forename == .exact)
        #expect(vector(zain("1", middle: "Muhammad"), zain("2", middle: nil)).forename == .exact)
        #expect(vector(zain("1", middle: nil), zain("2", middle: nil)).forename == .exact)
    }

    /// A model whose exact forename weighs `exact` bits and whose level with a middle name
    /// `withMiddle` bits.
    private func model(exact: Double, withMiddle: Double) -> MatchModel {
        var m = ModelEstimator.initialM()
        var u = m
        let forename = Comparison.forename.rawValue
        let middleLevel = Int(ForenameLevel.exactWithMiddleName.rawValue)
        m[forename][Int(Comparison.exactLevel)] = 0.5
        u[forename][Int(Comparison.exactLevel)] = 0.5 / exp2(exact)
        m[forename][middleLevel] = 0.1
        u[forename][middleLevel] = 0.1 / exp2(withMiddle)
        return MatchModel(
            m: m, u: u, uRandom: u, uAddressGivenSurname: u[Comparison.address.rawValue], candidatePrior: 0.01,
            globalPrior: 0.001, iterations: 0)
    }

    @Test("EM's weight for a middle name in common is held to exact agreement plus five bits")
    func heldToExactPlusFrequencyClamp() {
        // On the other-hands borough EM weighs the level at 15.3 bits against 7.1 for the forename
        // alone: random pairs almost never share two given names. It is held to 7.1 + 5.
        let level = Int(ForenameLevel.exactWithMiddleName.rawValue)
        let strong = model(exact: 7, withMiddle: 15)
        #expect(abs(strong.logBayesFactor(.forename, level: level) - (7 + MatchModel.maxFrequencyAdjustment)) < 1e-9)
        let weak = model(exact: 7, withMiddle: 9)
        #expect(abs(weak.logBayesFactor(.forename, level: level) - 9) < 1e-9)
    }

    @Test("A middle name in common weighs for a pair a year out and at two addresses")
    func weighsAcrossAYearOutAndAMove() {
        // Zain Muhammad Thompson born 16/10/2003 in the CME extract and 16/10/2002 in the missing
        // extract, at two addresses, no shared identifier: the middle name in common adds weight
        // over the forename alone (the same records linked without their middle names).
        func weight(middle: String?) -> Double {
            var records = TestPopulation(families: 400).records
            records.append(
                Make.record(
                    "Z1", .cme, forename: "Zain", surname: "Thompson", dob: "16/10/2003", gender: .male,
                    postcode: "S2 5TW", middle: middle))
            records.append(
                Make.record(
                    "Z2", .missing, forename: "Zain", surname: "Thompson", dob: "16/10/2002", gender: .male,
                    postcode: "S71 6JR", middle: middle))
            let result = Linker().link(records)
            let first = result.index(of: RecordKey(dataset: .cme, recordID: "Z1"))!
            let second = result.index(of: RecordKey(dataset: .missing, recordID: "Z2"))!
            return result.explain(first, second).weight
        }
        #expect(weight(middle: "Muhammad") > weight(middle: nil) + 2)
    }
}

import ChildLinkModel
import Foundation
import Testing

@testable import ChildLinkMatching

/// Names written in each other's columns are the names agreeing plus a slip of the columns: the
/// swap weighs no more than the same names in their own columns, whatever EM makes of it.
@Suite("Model: a swap of the names weighs no more than the names in place")
struct SwapWeightTests {
    /// A model whose forename and surname agreements weigh `exact` bits and whose swap weighs
    /// `swapped` bits (m/u set so, every other level left as the estimator starts it).
    private func model(exact: Double, swapped: Double) -> MatchModel {
        var m = ModelEstimator.initialM()
        var u = m
        for (comparison, swapLevel) in [
            (Comparison.forename, Int(ForenameLevel.swapped.rawValue)),
            (Comparison.surname, Int(SurnameLevel.swapped.rawValue)),
        ] {
            let exactLevel = Int(Comparison.exactLevel)
            m[comparison.rawValue][exactLevel] = 0.5
            u[comparison.rawValue][exactLevel] = 0.5 / exp2(exact)
            m[comparison.rawValue][swapLevel] = 0.01
            u[comparison.rawValue][swapLevel] = 0.01 / exp2(swapped)
        }
        return MatchModel(
            m: m, u: u, uRandom: u, uAddressGivenSurname: u[Comparison.address.rawValue], candidatePrior: 0.01,
            globalPrior: 0.001, iterations: 0)
    }

    @Test("A swap that EM weighs above exact agreement is held to it; one weighed below keeps its weight")
    func swapHeldToExact() {
        // EM on a borough where random pairs almost never swap names weighs a swap at ~10 bits,
        // exact agreement at ~7: the swap is held to 7.
        let strong = model(exact: 7, swapped: 10)
        let forenameSwap = Int(ForenameLevel.swapped.rawValue)
        let surnameSwap = Int(SurnameLevel.swapped.rawValue)
        #expect(abs(strong.logBayesFactor(.forename, level: forenameSwap) - 7) < 1e-9)
        #expect(abs(strong.logBayesFactor(.surname, level: surnameSwap) - 7) < 1e-9)
        let weak = model(exact: 7, swapped: 4)
        #expect(abs(weak.logBayesFactor(.forename, level: forenameSwap) - 4) < 1e-9)
        #expect(abs(weak.logBayesFactor(.surname, level: surnameSwap) - 4) < 1e-9)
    }
}

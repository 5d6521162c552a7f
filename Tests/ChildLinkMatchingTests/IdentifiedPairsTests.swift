import ChildLinkModel
import Testing

@testable import ChildLinkMatching

/// A system copies the address and birth date from its person record onto every record of the
/// child, so their m comes from pairs that an identifier says are one child and that were typed
/// apart, not from EM over copies.
@Suite("Model: address and birth-date m from identified pairs typed apart")
struct IdentifiedPairsTests {
    /// A pair's vector with the given address and birth-date levels and identifiers; the names agree.
    private func vector(
        _ address: AddressLevel, _ birth: DateOfBirthLevel, upn: UPNLevel = .agree, nhs: NHSNumberLevel = .absent,
        personID: PersonIDLevel = .absent
    ) -> ComparisonVector {
        ComparisonVector(
            forename: .exact, surname: .exact, dateOfBirth: birth, address: address, gender: .agree, upn: upn,
            nhsNumber: nhs, personID: personID)
    }

    /// One child in two systems with a UPN or NHS number in common: moved between them 300 times
    /// in 1,000, a birth date a day out 700 times; beside them copies under one person id and a
    /// pair with an NHS number apart, neither counted.
    private var patterns: [(ComparisonVector, Double)] {
        [
            (vector(.different, .exact), 300),
            (vector(.sameAddressAndPostcode, .oneDayOut, upn: .absent, nhs: .agree), 700),
            (vector(.sameAddressAndPostcode, .exact, personID: .agree), 5_000),
            (vector(.different, .exact, nhs: .disagree), 1_000),
        ]
    }

    @Test("Each level's share among the identified pairs, EM's estimate counted as 200 pairs more")
    func sharesOfIdentifiedPairs() throws {
        // EM's address m: [absent, same address and postcode 0.5, same postcode or address 0.2,
        // sector 0.05, district 0.05, different 0.2], which sums to 1.
        let em = ModelEstimator.initialM()[Comparison.address.rawValue]
        let m = try #require(ModelEstimator.identifiedM(.address, patterns, em: em))
        // 1,000 identified pairs typed apart (300 + 700); different: (300 + 200 × 0.2) / 1,200.
        #expect(abs(m[Int(AddressLevel.different.rawValue)] - 340.0 / 1_200) < 1e-9)
        // Same address and postcode: (700 + 200 × 0.5) / 1,200; no identified pair in a sector: 200 × 0.05 / 1,200.
        #expect(abs(m[Int(AddressLevel.sameAddressAndPostcode.rawValue)] - 800.0 / 1_200) < 1e-9)
        #expect(abs(m[Int(AddressLevel.sameSector.rawValue)] - 10.0 / 1_200) < 1e-9)
        #expect(abs(m.dropFirst().reduce(0, +) - 1) < 1e-9)
        // The birth date the same way: a day out in 700 of 1,000.
        let birthEM = ModelEstimator.initialM()[Comparison.dateOfBirth.rawValue]
        let birth = try #require(ModelEstimator.identifiedM(.dateOfBirth, patterns, em: birthEM))
        let dayOut = Int(DateOfBirthLevel.oneDayOut.rawValue)
        #expect(abs(birth[dayOut] - (700 + 200 * birthEM[dayOut]) / 1_200) < 1e-9)
    }

    @Test("Fewer identified pairs than EM's share: EM's estimate stands")
    func tooFewIdentifiedPairs() {
        let few: [(ComparisonVector, Double)] = [
            (vector(.different, .exact), 120), (vector(.sameAddressAndPostcode, .exact, personID: .agree), 9_000),
        ]
        let em = ModelEstimator.initialM()[Comparison.address.rawValue]
        #expect(ModelEstimator.identifiedM(.address, few, em: em) == nil)
    }

    @Test("Only a pair sharing a UPN or NHS number, none apart and no person id is identified and typed apart")
    func whichPairsCount() {
        #expect(ModelEstimator.isIdentifiedTypedApart(vector(.different, .exact)))
        #expect(ModelEstimator.isIdentifiedTypedApart(vector(.different, .exact, upn: .absent, nhs: .agree)))
        #expect(!ModelEstimator.isIdentifiedTypedApart(vector(.different, .exact, personID: .agree)))
        #expect(!ModelEstimator.isIdentifiedTypedApart(vector(.different, .exact, nhs: .disagree)))
        #expect(!ModelEstimator.isIdentifiedTypedApart(vector(.different, .exact, upn: .absent)))
    }
}

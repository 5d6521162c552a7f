import ChildLinkModel
import Testing

@testable import ChildLinkMatching

/// The typed levels: their numbers are a stored format (pairs.csv, stored models), so they are
/// pinned here, and the level names and counts are derived from them.
@Suite("Comparison levels")
struct ComparisonLevelTypeTests {
    /// Every level type's cases are numbered 0, 1, 2, … in declaration order, so `allCases[n]` is level n.
    @Test(arguments: Comparison.allCases)
    func casesAreNumberedInOrder(_ comparison: Comparison) {
        let numbers = comparison.levelType.allCases.map { Int(($0 as any ComparisonLevel).rawValue) }
        #expect(numbers == Array(0..<comparison.levelCount))
    }

    @Test("The level numbers stay what stored models and pairs.csv were written with")
    func numbersArePinned() {
        #expect(ForenameLevel.allCases.map(\.rawValue) == [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
        #expect(DateOfBirthLevel.transposed.rawValue == 2)
        #expect(DateOfBirthLevel.oneDayOut.rawValue == 3)
        #expect(DateOfBirthLevel.withinAMonth.rawValue == 4)
        #expect(DateOfBirthLevel.oneYearOut.rawValue == 5)
        #expect(DateOfBirthLevel.different.rawValue == 6)
        // A digit slip has its own level (7) since the twenty-second session, apart from a day out
        // (3): a model stored with seven birth-date levels is refused and explained again.
        #expect(DateOfBirthLevel.oneDigitOut.rawValue == 7)
        #expect(SurnameLevel.swapped.rawValue == 5)
        #expect(AddressLevel.different.rawValue == 5)
        #expect(UPNLevel.temporaryDiffers.rawValue == 3)
        #expect(UPNLevel.oneSlip.rawValue == 4)
        #expect(NHSNumberLevel.oneSlip.rawValue == 3)
        #expect(PersonIDLevel.oneSlip.rawValue == 3)
        #expect(PersonIDLevel.twoSlips.rawValue == 4)
        #expect(TextLevel.close.rawValue == 2)
        // Eleven forename levels since another of the given names got its own (9), apart from a
        // nickname (2), and the same forename with a middle name in common its own (10): a model
        // stored with nine is refused and the pairs are explained from the records again.
        #expect(ForenameLevel.otherGivenName.rawValue == 9)
        #expect(ForenameLevel.exactWithMiddleName.rawValue == 10)
        // Eight surname levels since a part in common got its own (7), apart from the same stem (2).
        #expect(SurnameLevel.sharedPart.rawValue == 7)
        #expect(MatchModelParameters.currentLevelCounts == [11, 8, 8, 6, 3, 5, 4, 5, 3, 4, 4, 3])
    }

    @Test("The level names, index = level number, as pairs.csv writes them")
    func names() {
        #expect(
            Comparison.dateOfBirth.levelNames == [
                "absent", "exact", "day and month transposed", "one day out", "within a month",
                "one year out", "different", "one digit out",
            ])
        #expect(
            Comparison.upn.levelNames == [
                "absent", "agree", "disagree", "differ (a temporary UPN)", "one slip apart (one fails its check)",
            ])
        #expect(
            Comparison.nhsNumber.levelNames == ["absent", "agree", "disagree", "one slip apart (one fails its check)"])
        #expect(
            Comparison.surname.levelNames == [
                "absent", "exact", "same stem", "close spelling", "similar", "swapped with forename", "different",
                "a part in common",
            ])
    }

    @Test("A packed vector gives each comparison's typed level back")
    func vectorRoundTrip() {
        let vector = ComparisonVector(
            forename: .initial, surname: .stem, dateOfBirth: .oneYearOut, address: .sameSector, gender: .disagree,
            upn: .temporaryDiffers, nhsNumber: .absent, personID: .agree)
        #expect(vector.forename == .initial)
        #expect(vector.surname == .stem)
        #expect(vector.dateOfBirth == .oneYearOut)
        #expect(vector.address == .sameSector)
        #expect(vector.gender == .disagree)
        #expect(vector.upn == .temporaryDiffers)
        #expect(vector.nhsNumber == .absent)
        #expect(vector.personID == .agree)
        #expect(vector.level(.dateOfBirth) == 5)
        #expect(vector.sharesIdentifier)
        #expect(vector.town == .absent)
    }

    @Test("Every comparison's highest level fits its bits, and no two comparisons share a bit")
    func packingFits() {
        var used: UInt32 = 0
        for comparison in Comparison.allCases {
            #expect(comparison.levelCount - 1 <= Int(comparison.bitMask))
            let bits = comparison.bitMask << comparison.bitOffset
            #expect(used & bits == 0)
            used |= bits
        }
        // The pattern table's empty key (all ones) is never a vector.
        #expect(used != UInt32.max)
        let highest = ComparisonVector(
            forename: .different, surname: .different, dateOfBirth: .different, address: .different,
            gender: .disagree, upn: .oneSlip, nhsNumber: .oneSlip, personID: .twoSlips, streetNumber: .disagree,
            addressLine2: .different, town: .close, region: .agree)
        #expect(highest.forename == .different)
        #expect(highest.personID == .twoSlips)
        #expect(highest.streetNumber == .disagree)
        #expect(highest.addressLine2 == .different)
        #expect(highest.town == .close)
        #expect(highest.region == .agree)
        #expect(highest.nhsNumber == .oneSlip)
    }
}

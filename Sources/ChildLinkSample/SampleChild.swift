package import ChildLinkModel

/// An address a family lived at, from `since` (the earliest address has no start).
struct SampleAddress: Sendable, Hashable {
    let postcode: String
    let line1: String
    let town: String
    let district: Int
    let since: CalendarDate?
}

/// One child's true identity and circumstances, from which every record is a noisy copy.
package struct SampleChild: Sendable {
    /// The true child id written to `truth.csv` (1-based, in generation order).
    package let id: Int
    /// The household (family) number.
    package let household: Int
    /// Forename, as the family writes it (diacritics kept).
    package let forename: String
    /// Middle names, empty when none.
    package let middleNames: String
    /// Surname, possibly hyphenated or double-barrelled, feminine form for girls where the language has one.
    package let surname: String
    /// Another surname the child is known by in some systems (a step-parent's or a former one).
    package let otherSurname: String?
    /// Date of birth.
    package let dateOfBirth: CalendarDate
    /// Sex.
    package let gender: Gender
    /// DfE ethnicity code.
    package let ethnicity: String
    /// Whether the child is one of twins.
    package let isTwin: Bool
    /// The permanent UPN, when allocated.
    package let upn: String?
    /// The temporary UPN the child had before (or instead of) a permanent one.
    package let temporaryUPN: String?
    /// The NHS number, when known.
    package let nhsNumber: String?
    let culture: Culture
    let addresses: [SampleAddress]
    let lcsID: String
    let educationID: String
    let primarySchool: BoroughData.School
    let secondarySchool: BoroughData.School
    let socialCareStatus: SocialCareStatus
    let cseRisk: RiskLevel
    let cceRisk: RiskLevel
    let placementDistanceTenths: Int
    let fsmEligible: Bool

    /// The postcode of the child's latest address.
    package var postcode: String { addresses.last!.postcode }

    /// The address in effect on `date`.
    func address(on date: CalendarDate) -> SampleAddress {
        addresses.last { ($0.since ?? date) <= date } ?? addresses[0]
    }

    /// National curriculum year group on `date`: 0 = reception, 1–13, negative before school.
    func yearGroup(on date: CalendarDate) -> Int {
        let academicYear = date.month >= 9 ? date.year : date.year - 1
        let birthCohort = dateOfBirth.month >= 9 ? dateOfBirth.year : dateOfBirth.year - 1
        return academicYear - birthCohort - 5
    }

    /// The school the child attended on `date`.
    func school(on date: CalendarDate) -> BoroughData.School {
        yearGroup(on: date) <= 6 ? primarySchool : secondarySchool
    }
}

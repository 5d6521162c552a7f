package import ChildLinkModel

/// A row of the side-by-side view of two children being reviewed: the same rows, in the same
/// order, in `childlink review` and on the review desk.
package enum ReviewField: CaseIterable, Sendable {
    case name, dateOfBirth, sex, postcode, upn, nhsNumber, personIDs

    /// The row's label.
    package var label: String {
        switch self {
        case .name: "Name"
        case .dateOfBirth: "Date of birth"
        case .sex: "Sex"
        case .postcode: "Postcode"
        case .upn: "UPN"
        case .nhsNumber: "NHS number"
        case .personIDs: "Person ids"
        }
    }

    /// The value `record` shows in this row, as a person reads it (UK dates, NHS numbers in
    /// groups of 3-3-4); nil when the record has none. Personal data: the caller makes it safe
    /// for where it is shown.
    package func value(of record: SourceRecord) -> String? {
        let person = record.person
        switch self {
        case .name:
            let parts = [person.forename, person.surname].compactMap { $0 }.filter { !$0.isEmpty }
            return parts.isEmpty ? nil : parts.joined(separator: " ")
        case .dateOfBirth: return person.dateOfBirth?.uk
        case .sex: return person.gender?.rawValue
        case .postcode: return person.postcode?.value
        case .upn: return person.upn?.value
        case .nhsNumber: return person.nhsNumber?.formatted
        case .personIDs: return person.personID
        }
    }
}

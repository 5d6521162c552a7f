/// An identifier a child is looked up by, as records hold it: a UPN (current or former), an NHS
/// number, or a source system's person id.
package enum PersonIdentifier: Sendable, Hashable {
    /// A UPN, upper-case letters and digits only; found as a record's UPN or former UPN.
    case upn(String)
    /// An NHS number, digits only.
    case nhsNumber(String)
    /// A person id, as its system wrote it.
    case personID(String)

    /// Whether `person` holds the identifier.
    package func isHeld(by person: PersonFields) -> Bool {
        switch self {
        case .upn(let value): person.upn?.value == value || person.formerUPN?.value == value
        case .nhsNumber(let value): person.nhsNumber?.value == value
        case .personID(let value): person.personID == value
        }
    }
}

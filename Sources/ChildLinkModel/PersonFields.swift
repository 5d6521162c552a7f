/// What an extract says about the person a record is about. Every field is optional except that
/// importers require a date of birth; identifiers keep invalid values, flagged, as evidence.
package struct PersonFields: Hashable, Sendable {
    /// The source system's own person id (LCS, EHM or the education system).
    package var personID: String?
    /// The current UPN (may be temporary or invalid).
    package var upn: UPN?
    /// A previous UPN (often the temporary one that became permanent).
    package var formerUPN: UPN?
    /// Why there is no UPN, when a `UN1`–`UN7` code stood in its place.
    package var upnUnknownReason: UPNUnknownReason?
    /// The NHS number.
    package var nhsNumber: NHSNumber?
    /// The forename as typed (diacritics kept for display).
    package var forename: String?
    /// Middle names as typed.
    package var middleNames: String?
    /// The surname as typed; may be hyphenated or double.
    package var surname: String?
    /// A preferred or known-as forename.
    package var preferredName: String?
    /// A former surname.
    package var formerSurname: String?
    /// The date of birth.
    package var dateOfBirth: CalendarDate?
    /// Sex or gender.
    package var gender: Gender?
    /// DfE ethnicity code.
    package var ethnicity: EthnicityCode?
    /// The latest known postcode.
    package var postcode: Postcode?
    /// First line of the address.
    package var addressLine1: String?
    /// Town (or suburb).
    package var town: String?
    /// The house or street number, when a file keeps it apart from the street (generic person files).
    package var streetNumber: String?
    /// The second address line: a building, an estate or a locality (generic person files).
    package var addressLine2: String?
    /// The state, county or region (generic person files).
    package var region: String?

    /// Creates a person with the given fields; all default to absent.
    package init(
        personID: String? = nil, upn: UPN? = nil, formerUPN: UPN? = nil,
        upnUnknownReason: UPNUnknownReason? = nil, nhsNumber: NHSNumber? = nil,
        forename: String? = nil, middleNames: String? = nil, surname: String? = nil,
        preferredName: String? = nil, formerSurname: String? = nil, dateOfBirth: CalendarDate? = nil,
        gender: Gender? = nil, ethnicity: EthnicityCode? = nil, postcode: Postcode? = nil,
        addressLine1: String? = nil, town: String? = nil, streetNumber: String? = nil, addressLine2: String? = nil,
        region: String? = nil
    ) {
        self.personID = personID
        self.upn = upn
        self.formerUPN = formerUPN
        self.upnUnknownReason = upnUnknownReason
        self.nhsNumber = nhsNumber
        self.forename = forename
        self.middleNames = middleNames
        self.surname = surname
        self.preferredName = preferredName
        self.formerSurname = formerSurname
        self.dateOfBirth = dateOfBirth
        self.gender = gender
        self.ethnicity = ethnicity
        self.postcode = postcode
        self.addressLine1 = addressLine1
        self.town = town
        self.streetNumber = streetNumber
        self.addressLine2 = addressLine2
        self.region = region
    }
}

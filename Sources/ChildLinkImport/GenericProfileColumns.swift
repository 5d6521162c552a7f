/// The columns of a generic person CSV that have no reference field: the `generic:` section of a
/// mapping profile, read by `childlink link --generic --profile P.yaml`.
///
/// ```yaml
/// generic:
///   recordID: rec_id                          # required: the column that names each record
///   trueEntity: person                        # optional: the true person, to report accuracy
///   addressParts: [address_1]                 # optional: joined with spaces into the address
///   streetNumber: street_number               # optional: each compared as a field of its own;
///   addressLine2: address_2                   #   without them, columns named street_number,
///   region: state                             #   address_2, state or county are used
/// ```
package struct GenericProfileColumns: Sendable, Hashable {
    /// The column holding each record's id (unique within its file).
    package var recordID: String?
    /// The column holding each record's true person, for `--truth`-style evaluation.
    package var trueEntity: String?
    /// Columns joined, in order and with spaces, into the first address line.
    package var addressParts: [String]
    /// The house or street number's column, compared as a field of its own.
    package var streetNumber: String?
    /// The second address line's column (a building, an estate or a locality).
    package var addressLine2: String?
    /// The state, county or region's column.
    package var region: String?

    /// Creates the section.
    package init(
        recordID: String? = nil, trueEntity: String? = nil, addressParts: [String] = [], streetNumber: String? = nil,
        addressLine2: String? = nil, region: String? = nil
    ) {
        self.recordID = recordID
        self.trueEntity = trueEntity
        self.addressParts = addressParts
        self.streetNumber = streetNumber
        self.addressLine2 = addressLine2
        self.region = region
    }
}

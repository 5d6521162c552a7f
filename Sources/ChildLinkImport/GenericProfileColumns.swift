/// The columns of a generic person CSV that have no reference field: the `generic:` section of a
/// mapping profile, read by `childlink link --generic --profile P.yaml`.
///
/// ```yaml
/// generic:
///   recordID: rec_id                          # required: the column that names each record
///   trueEntity: person                        # optional: the true person, to report accuracy
///   addressParts: [street_number, address_1]  # optional: joined with spaces into the address
/// ```
package struct GenericProfileColumns: Sendable, Hashable {
    /// The column holding each record's id (unique within its file).
    package var recordID: String?
    /// The column holding each record's true person, for `--truth`-style evaluation.
    package var trueEntity: String?
    /// Columns joined, in order and with spaces, into the first address line.
    package var addressParts: [String]

    /// Creates the section.
    package init(recordID: String? = nil, trueEntity: String? = nil, addressParts: [String] = []) {
        self.recordID = recordID
        self.trueEntity = trueEntity
        self.addressParts = addressParts
    }
}

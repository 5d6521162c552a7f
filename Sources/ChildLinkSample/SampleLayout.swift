package import ChildLinkModel

/// The reference layout (docs/formats.md) of each dataset's files: column order, file names and
/// XML element names.
package enum SampleLayout {
    /// The person columns every dataset starts with.
    package static let personColumns = [
        "PersonID", "UPN", "FormerUPN", "NHSNumber", "Forename", "MiddleNames", "Surname", "PreferredName",
        "FormerSurname", "DateOfBirth", "Gender", "Ethnicity", "Postcode", "AddressLine1", "Town",
    ]

    /// The four datasets the sample writes, in file order.
    package static let datasets: [Dataset] = [.missing, .cme, .ehe, .exclusions]

    /// The dataset's own columns, after the person columns; the first is the record id.
    package static func eventColumns(_ dataset: Dataset) -> [String] {
        switch dataset {
        case .missing:
            [
                "EpisodeID", "EpisodeType", "StartDateTime", "EndDateTime", "SocialCareStatus", "CSERisk",
                "CCERisk", "PlacementDistanceMiles", "RHIOffered", "RHIAccepted", "RHICompletedDate", "ReportedBy",
                "FoundLocation",
            ]
        case .cme:
            [
                "ReferralID", "ReferralDate", "FamilyID", "PreviousEpisodes", "PresentingNeed", "Locality",
                "LastSchoolURN", "LastSchoolName", "Phase", "YearGroup", "FSMEligible", "OpenToSocialCare",
                "OpenToEarlyHelp", "ClosedDate", "ClosureOutcome",
            ]
        case .ehe:
            [
                "EHEID", "StartDate", "Reason", "PreviousSchoolURN", "PreviousSchoolName", "YearGroup", "EndDate",
                "EndReason", "LastVisitDate", "VisitDeclined",
            ]
        case .exclusions:
            [
                "ExclusionID", "SchoolURN", "SchoolName", "Phase", "Category", "StartDate", "Sessions", "Reason1",
                "Reason2", "Reason3",
            ]
        case .socialCare:
            []
        }
    }

    /// Every column of the dataset's CSV, in order.
    package static func columns(_ dataset: Dataset) -> [String] {
        personColumns + eventColumns(dataset)
    }

    /// The file name without extension, e.g. `missing-episodes`.
    package static func fileStem(_ dataset: Dataset) -> String {
        switch dataset {
        case .missing: "missing-episodes"
        case .cme: "cme-referrals"
        case .ehe: "ehe-records"
        case .exclusions: "exclusions"
        case .socialCare: "social-care"
        }
    }

    /// The XML root element and the element of one record, e.g. `MissingEpisodes` / `Episode`.
    package static func xmlElements(_ dataset: Dataset) -> (root: String, record: String) {
        switch dataset {
        case .missing: ("MissingEpisodes", "Episode")
        case .cme: ("CMEReferrals", "Referral")
        case .ehe: ("EHERecords", "Record")
        case .exclusions: ("Exclusions", "Exclusion")
        case .socialCare: ("Children", "Child")
        }
    }

    /// The ground-truth file name.
    package static let truthFile = "truth.csv"
}

/// One generated record as written: its dataset, the true child and the field texts in
/// ``SampleLayout/columns(_:)`` order (an empty string is an absent field).
struct SampleRow: Sendable {
    let dataset: Dataset
    let trueChildID: Int
    let inXML: Bool
    let fields: [String]

    /// The record id (the first event column).
    var recordID: String { fields[SampleLayout.personColumns.count] }
}

/// Where generated rows go: the files, or memory.
protocol SampleSink {
    /// Takes one record.
    mutating func accept(_ row: SampleRow) throws
    /// Takes a household's true children, before their records.
    mutating func accept(household: [SampleChild])
}

extension SampleSink {
    mutating func accept(household: [SampleChild]) {}
}

package import ChildLinkModel

/// A field of ChildLink's reference layouts (see docs/formats.md), named as the CSV header and the
/// XML element are. Mapping profiles point a council's own names at these.
package enum ReferenceField: String, Sendable, Hashable, CaseIterable, Comparable {
    // Person fields, every dataset.
    case personID = "PersonID"
    case upn = "UPN"
    case formerUPN = "FormerUPN"
    case nhsNumber = "NHSNumber"
    case forename = "Forename"
    case middleNames = "MiddleNames"
    case surname = "Surname"
    case preferredName = "PreferredName"
    case formerSurname = "FormerSurname"
    case dateOfBirth = "DateOfBirth"
    case gender = "Gender"
    case ethnicity = "Ethnicity"
    case postcode = "Postcode"
    case addressLine1 = "AddressLine1"
    case town = "Town"
    // Missing episodes.
    case episodeID = "EpisodeID"
    case episodeType = "EpisodeType"
    case startDateTime = "StartDateTime"
    case endDateTime = "EndDateTime"
    case socialCareStatus = "SocialCareStatus"
    case cseRisk = "CSERisk"
    case cceRisk = "CCERisk"
    case placementDistanceMiles = "PlacementDistanceMiles"
    case rhiOffered = "RHIOffered"
    case rhiAccepted = "RHIAccepted"
    case rhiCompletedDate = "RHICompletedDate"
    case reportedBy = "ReportedBy"
    case foundLocation = "FoundLocation"
    // CME referrals.
    case referralID = "ReferralID"
    case referralDate = "ReferralDate"
    case familyID = "FamilyID"
    case previousEpisodes = "PreviousEpisodes"
    case presentingNeed = "PresentingNeed"
    case locality = "Locality"
    case lastSchoolURN = "LastSchoolURN"
    case lastSchoolName = "LastSchoolName"
    case phase = "Phase"
    case yearGroup = "YearGroup"
    case fsmEligible = "FSMEligible"
    case openToSocialCare = "OpenToSocialCare"
    case openToEarlyHelp = "OpenToEarlyHelp"
    case closedDate = "ClosedDate"
    case closureOutcome = "ClosureOutcome"
    // EHE records.
    case eheID = "EHEID"
    case startDate = "StartDate"
    case reason = "Reason"
    case previousSchoolURN = "PreviousSchoolURN"
    case previousSchoolName = "PreviousSchoolName"
    case endDate = "EndDate"
    case endReason = "EndReason"
    case lastVisitDate = "LastVisitDate"
    case visitDeclined = "VisitDeclined"
    // Exclusions.
    case exclusionID = "ExclusionID"
    case schoolURN = "SchoolURN"
    case schoolName = "SchoolName"
    case category = "Category"
    case sessions = "Sessions"
    case reason1 = "Reason1"
    case reason2 = "Reason2"
    case reason3 = "Reason3"
    // Optional fields added later, kept last so that the ordinals above keep their places:
    // the Missing episode's team, then the CME case's authorised removal from roll, then the EHE
    // officer's involvements (support given, the child not home educated) and those still pending.
    case allocatedTeam = "AllocatedTeam"
    case removedFromRoll = "RemovedFromRoll"
    case officerInvolvement = "OfficerInvolvement"
    case involvementPending = "InvolvementPending"

    /// The person fields every layout may carry.
    package static let personFields: [ReferenceField] = [
        .personID, .upn, .formerUPN, .nhsNumber, .forename, .middleNames, .surname, .preferredName,
        .formerSurname, .dateOfBirth, .gender, .ethnicity, .postcode, .addressLine1, .town,
    ]

    /// The fields a dataset's reference layout has (person fields first).
    package static func fields(of dataset: Dataset) -> [ReferenceField] {
        personFields + eventFields(of: dataset)
    }

    /// The dataset's own fields.
    package static func eventFields(of dataset: Dataset) -> [ReferenceField] {
        switch dataset {
        case .missing:
            [
                .episodeID, .episodeType, .startDateTime, .endDateTime, .socialCareStatus, .cseRisk, .cceRisk,
                .placementDistanceMiles, .rhiOffered, .rhiAccepted, .rhiCompletedDate, .reportedBy, .foundLocation,
                .allocatedTeam,
            ]
        case .cme:
            [
                .referralID, .referralDate, .familyID, .previousEpisodes, .presentingNeed, .locality,
                .lastSchoolURN, .lastSchoolName, .phase, .yearGroup, .fsmEligible, .openToSocialCare,
                .openToEarlyHelp, .closedDate, .closureOutcome, .removedFromRoll,
            ]
        case .ehe:
            [
                .eheID, .startDate, .reason, .previousSchoolURN, .previousSchoolName, .yearGroup, .endDate,
                .endReason, .lastVisitDate, .visitDeclined, .officerInvolvement, .involvementPending,
            ]
        case .exclusions:
            [
                .exclusionID, .schoolURN, .schoolName, .phase, .category, .startDate, .sessions, .reason,
                .reason1, .reason2, .reason3,
            ]
        case .socialCare: []
        }
    }

    /// The fields a record cannot be imported without (a missing column is a file error; an empty
    /// value is a rejected record).
    package static func required(for dataset: Dataset) -> [ReferenceField] {
        switch dataset {
        case .missing: [.episodeID, .startDateTime, .dateOfBirth]
        case .cme: [.referralID, .referralDate, .dateOfBirth]
        case .ehe: [.eheID, .startDate, .dateOfBirth]
        case .exclusions: [.exclusionID, .category, .startDate, .dateOfBirth]
        case .socialCare: [.personID, .dateOfBirth]
        }
    }

    /// The record id field of a dataset.
    package static func idField(of dataset: Dataset) -> ReferenceField {
        switch dataset {
        case .missing: .episodeID
        case .cme: .referralID
        case .ehe: .eheID
        case .exclusions: .exclusionID
        case .socialCare: .personID
        }
    }

    /// Whether the field holds personal data (never shown in `profile check` or errors).
    package var isPersonal: Bool { Self.personFields.contains(self) && self != .gender && self != .ethnicity }

    /// The key headers and element names are compared by: lower case, no spaces or underscores.
    package var matchKey: String { Self.matchKey(rawValue) }

    /// `Date Of Birth`, `date_of_birth` and `DateOfBirth` all give `dateofbirth`; any white space
    /// counts as a space (a non-breaking space, or a line break Excel keeps in a wrapped header cell).
    package static func matchKey(_ name: some StringProtocol) -> String {
        if let key = asciiMatchKey(name.utf8) { return key }
        return String(name.lowercased().filter { !$0.isWhitespace && $0 != "_" && $0 != "\u{FEFF}" })
    }

    /// ``matchKey(_:)`` of an all-ASCII name, byte by byte (ASCII white space is tab to carriage
    /// return and space, as `Character.isWhitespace` has it); `nil` when a byte is not ASCII.
    /// Codes such as a school phase are matched this way on every row.
    static func asciiMatchKey(_ bytes: some Collection<UInt8>) -> String? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        return String(unsafeUninitializedCapacity: bytes.count) { buffer in
            var count = 0
            for byte in bytes {
                switch byte {
                case 0x09...0x0D, 0x20, UInt8(ascii: "_"): continue
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): buffer[count] = byte + 0x20
                default: buffer[count] = byte
                }
                count += 1
            }
            return count
        }
    }

    package static func < (lhs: ReferenceField, rhs: ReferenceField) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The position of the field in ``allCases``, for array-indexed lookups on the hot path
    /// (a switch, so that no string is hashed per field per row).
    var ordinal: Int {
        switch self {
        case .personID: 0
        case .upn: 1
        case .formerUPN: 2
        case .nhsNumber: 3
        case .forename: 4
        case .middleNames: 5
        case .surname: 6
        case .preferredName: 7
        case .formerSurname: 8
        case .dateOfBirth: 9
        case .gender: 10
        case .ethnicity: 11
        case .postcode: 12
        case .addressLine1: 13
        case .town: 14
        case .episodeID: 15
        case .episodeType: 16
        case .startDateTime: 17
        case .endDateTime: 18
        case .socialCareStatus: 19
        case .cseRisk: 20
        case .cceRisk: 21
        case .placementDistanceMiles: 22
        case .rhiOffered: 23
        case .rhiAccepted: 24
        case .rhiCompletedDate: 25
        case .reportedBy: 26
        case .foundLocation: 27
        case .referralID: 28
        case .referralDate: 29
        case .familyID: 30
        case .previousEpisodes: 31
        case .presentingNeed: 32
        case .locality: 33
        case .lastSchoolURN: 34
        case .lastSchoolName: 35
        case .phase: 36
        case .yearGroup: 37
        case .fsmEligible: 38
        case .openToSocialCare: 39
        case .openToEarlyHelp: 40
        case .closedDate: 41
        case .closureOutcome: 42
        case .eheID: 43
        case .startDate: 44
        case .reason: 45
        case .previousSchoolURN: 46
        case .previousSchoolName: 47
        case .endDate: 48
        case .endReason: 49
        case .lastVisitDate: 50
        case .visitDeclined: 51
        case .exclusionID: 52
        case .schoolURN: 53
        case .schoolName: 54
        case .category: 55
        case .sessions: 56
        case .reason1: 57
        case .reason2: 58
        case .reason3: 59
        case .allocatedTeam: 60
        case .removedFromRoll: 61
        case .officerInvolvement: 62
        case .involvementPending: 63
        }
    }
}

extension String {
    /// The text without leading and trailing white space; returns `self` at once when both ends
    /// are visible ASCII (almost every field), so that the hot path does not walk characters.
    func trimmingCharacters() -> String {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last else { return self }
        if first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return self }
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let start = firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = lastIndex(where: { !isSpace($0) })!
        return String(self[start...end])
    }
}

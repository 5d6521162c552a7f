/// Social-care status of a child at the start of a missing episode.
package enum SocialCareStatus: String, Sendable, Hashable, CaseIterable {
    /// Early Help.
    case earlyHelp = "EH"
    /// Child in Need.
    case childInNeed = "CIN"
    /// Child Protection Plan.
    case childProtection = "CPP"
    /// Looked After Child.
    case lookedAfter = "LAC"
    /// Care leaver.
    case careLeaver = "CL"
    /// Not a client of social care.
    case notAClient = "NAC"
    /// Another local authority's child.
    case otherLocalAuthority = "OLA"
}

/// A CSE or CCE risk level.
package enum RiskLevel: String, Sendable, Hashable, CaseIterable, Comparable {
    /// No identified risk.
    case none = "None"
    /// Low.
    case low = "Low"
    /// Medium.
    case medium = "Medium"
    /// High.
    case high = "High"

    package static func < (lhs: RiskLevel, rhs: RiskLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Missing (whereabouts unknown) or absent (away without authorisation, whereabouts known).
package enum EpisodeType: String, Sendable, Hashable, CaseIterable {
    /// Missing: whereabouts not known (SSDA903 `M`).
    case missing = "Missing"
    /// Absent: away without authorisation, whereabouts known (SSDA903 `A`).
    case absent = "Absent"
}

/// A school phase.
package enum SchoolPhase: String, Sendable, Hashable, CaseIterable {
    /// Nursery and early years.
    case nursery = "Nursery"
    /// Primary, Y1–Y6 (and reception).
    case primary = "Primary"
    /// Secondary, Y7–Y11.
    case secondary = "Secondary"
    /// Special school.
    case special = "Special"
    /// Pupil referral unit / alternative provision.
    case alternativeProvision = "AP"
    /// Post-16.
    case post16 = "Post16"
    /// Not known.
    case unknown = "Unknown"
}

/// An exclusion's category. `FIXD`, `Fixed` and `Suspension` all mean ``suspension``.
package enum ExclusionCategory: String, Sendable, Hashable, CaseIterable {
    /// Suspension (fixed-period exclusion), DfE `SUSP` / `FIXD`.
    case suspension = "SUSP"
    /// Permanent exclusion, DfE `PERM`.
    case permanent = "PERM"
    /// Lunchtime exclusion, DfE `LNCH`.
    case lunchtime = "LNCH"
}

/// One missing or absent episode.
package struct MissingEpisode: Hashable, Sendable {
    /// Missing or absent.
    package var type: EpisodeType
    /// When the episode began.
    package var start: LocalDateTime
    /// When the child returned; `nil` while still missing.
    package var end: LocalDateTime?
    /// Social-care status at the start.
    package var socialCareStatus: SocialCareStatus?
    /// CSE risk level.
    package var cseRisk: RiskLevel?
    /// CCE risk level.
    package var cceRisk: RiskLevel?
    /// LAC placement distance from home, in miles.
    package var placementDistanceMiles: Double?
    /// Whether a Return Home Interview was offered (`nil`: not recorded or N/A).
    package var rhiOffered: Bool?
    /// Whether the RHI was accepted.
    package var rhiAccepted: Bool?
    /// When the RHI was completed.
    package var rhiCompletedDate: CalendarDate?
    /// Who reported the child missing (free text, never matched on).
    package var reportedBy: String?
    /// Where the child was found (free text, never matched on).
    package var foundLocation: String?
    /// The social-care team the child is allocated to, where the extract records it (free text,
    /// never matched on; the optional `AllocatedTeam` column).
    package var allocatedTeam: String?

    /// Creates an episode.
    package init(
        type: EpisodeType = .missing, start: LocalDateTime, end: LocalDateTime? = nil,
        socialCareStatus: SocialCareStatus? = nil, cseRisk: RiskLevel? = nil, cceRisk: RiskLevel? = nil,
        placementDistanceMiles: Double? = nil, rhiOffered: Bool? = nil, rhiAccepted: Bool? = nil,
        rhiCompletedDate: CalendarDate? = nil, reportedBy: String? = nil, foundLocation: String? = nil,
        allocatedTeam: String? = nil
    ) {
        self.type = type
        self.start = start
        self.end = end
        self.socialCareStatus = socialCareStatus
        self.cseRisk = cseRisk
        self.cceRisk = cceRisk
        self.placementDistanceMiles = placementDistanceMiles
        self.rhiOffered = rhiOffered
        self.rhiAccepted = rhiAccepted
        self.rhiCompletedDate = rhiCompletedDate
        self.reportedBy = reportedBy
        self.foundLocation = foundLocation
        self.allocatedTeam = allocatedTeam
    }
}

/// One Children Missing Education referral.
package struct CMEReferral: Hashable, Sendable {
    /// Date the referral was opened.
    package var referralDate: CalendarDate
    /// Children referred together share it.
    package var familyID: String?
    /// Number of earlier closed CME episodes.
    package var previousEpisodes: Int?
    /// Referral reason / presenting need, e.g. `NEGLECT`.
    package var presentingNeed: String?
    /// Locality at referral, e.g. `Central - Clifton`.
    package var locality: String?
    /// URN of the last school.
    package var lastSchoolURN: String?
    /// Name of the last school.
    package var lastSchoolName: String?
    /// Phase of the last school.
    package var phase: SchoolPhase?
    /// National curriculum year group as recorded (`R`, `1`…`11`, `Y7`…).
    package var yearGroup: String?
    /// Eligible for free school meals.
    package var fsmEligible: Bool?
    /// Open to social care at referral.
    package var openToSocialCare: Bool?
    /// Open to Early Help at referral.
    package var openToEarlyHelp: Bool?
    /// Date the case was closed; `nil` while open.
    package var closedDate: CalendarDate?
    /// Closure outcome code, e.g. `ENQUIRIES EXHAUSTED`.
    package var closureOutcome: String?
    /// Whether the local authority authorised the school to remove the child from its admission
    /// roll (optional in the extracts; `nil` when not recorded).
    package var removedFromRoll: Bool?

    /// Creates a referral.
    package init(
        referralDate: CalendarDate, familyID: String? = nil, previousEpisodes: Int? = nil,
        presentingNeed: String? = nil, locality: String? = nil, lastSchoolURN: String? = nil,
        lastSchoolName: String? = nil, phase: SchoolPhase? = nil, yearGroup: String? = nil,
        fsmEligible: Bool? = nil, openToSocialCare: Bool? = nil, openToEarlyHelp: Bool? = nil,
        closedDate: CalendarDate? = nil, closureOutcome: String? = nil, removedFromRoll: Bool? = nil
    ) {
        self.referralDate = referralDate
        self.familyID = familyID
        self.previousEpisodes = previousEpisodes
        self.presentingNeed = presentingNeed
        self.locality = locality
        self.lastSchoolURN = lastSchoolURN
        self.lastSchoolName = lastSchoolName
        self.phase = phase
        self.yearGroup = yearGroup
        self.fsmEligible = fsmEligible
        self.openToSocialCare = openToSocialCare
        self.openToEarlyHelp = openToEarlyHelp
        self.closedDate = closedDate
        self.closureOutcome = closureOutcome
        self.removedFromRoll = removedFromRoll
    }
}

/// One Elective Home Education record.
package struct EHERecord: Hashable, Sendable {
    /// Date EHE began.
    package var startDate: CalendarDate
    /// Reason given.
    package var reason: String?
    /// URN of the school left.
    package var previousSchoolURN: String?
    /// Name of the school left.
    package var previousSchoolName: String?
    /// Year group at the start.
    package var yearGroup: String?
    /// Date EHE ended.
    package var endDate: CalendarDate?
    /// `Returned to school`, `Referred to CME`, `Moved out of area`, …
    package var endReason: String?
    /// Last officer visit.
    package var lastVisitDate: CalendarDate?
    /// Whether the family declined the visit.
    package var visitDeclined: Bool?
    /// Whether the record is an EHE officer's involvement — support given to a family considering
    /// home education, the child not home educated — rather than a spell of home education
    /// (optional in the extracts; `nil` when not recorded).
    package var officerInvolvement: Bool?
    /// Whether the record is an involvement still to be resolved (optional; `nil` when not recorded).
    package var involvementPending: Bool?

    /// Whether the record is a spell of home education: not an officer's involvement, resolved or
    /// pending. Records from extracts without the involvement fields are all spells.
    package var isHomeEducation: Bool { officerInvolvement != true && involvementPending != true }

    /// Creates a record.
    package init(
        startDate: CalendarDate, reason: String? = nil, previousSchoolURN: String? = nil,
        previousSchoolName: String? = nil, yearGroup: String? = nil, endDate: CalendarDate? = nil,
        endReason: String? = nil, lastVisitDate: CalendarDate? = nil, visitDeclined: Bool? = nil,
        officerInvolvement: Bool? = nil, involvementPending: Bool? = nil
    ) {
        self.startDate = startDate
        self.reason = reason
        self.previousSchoolURN = previousSchoolURN
        self.previousSchoolName = previousSchoolName
        self.yearGroup = yearGroup
        self.endDate = endDate
        self.endReason = endReason
        self.lastVisitDate = lastVisitDate
        self.visitDeclined = visitDeclined
        self.officerInvolvement = officerInvolvement
        self.involvementPending = involvementPending
    }
}

/// One suspension or permanent exclusion.
package struct ExclusionRecord: Hashable, Sendable {
    /// URN of the school.
    package var schoolURN: String?
    /// Name of the school.
    package var schoolName: String?
    /// Phase of the school.
    package var phase: SchoolPhase?
    /// Suspension, permanent or lunchtime.
    package var category: ExclusionCategory
    /// First day of the exclusion.
    package var startDate: CalendarDate
    /// Number of sessions (half days); often absent for permanent exclusions.
    package var sessions: Double?
    /// DfE reason codes (`PP`, `DB`, …), up to three.
    package var reasons: [String]

    /// Creates a record.
    package init(
        schoolURN: String? = nil, schoolName: String? = nil, phase: SchoolPhase? = nil,
        category: ExclusionCategory, startDate: CalendarDate, sessions: Double? = nil, reasons: [String] = []
    ) {
        self.schoolURN = schoolURN
        self.schoolName = schoolName
        self.phase = phase
        self.category = category
        self.startDate = startDate
        self.sessions = sessions
        self.reasons = reasons
    }
}

/// A child known to social care, from the CIN census.
package struct SocialCareRecord: Hashable, Sendable {
    /// Referral dates of the child's CIN episodes.
    package var referralDates: [CalendarDate]
    /// Closure dates, where closed.
    package var closureDates: [CalendarDate]
    /// Start dates of child protection plans.
    package var protectionPlanStarts: [CalendarDate]
    /// Assessment factor codes (`10A` missing, `11A` CSE, `24A` CCE, …).
    package var assessmentFactors: [String]

    /// Creates a record.
    package init(
        referralDates: [CalendarDate] = [], closureDates: [CalendarDate] = [],
        protectionPlanStarts: [CalendarDate] = [], assessmentFactors: [String] = []
    ) {
        self.referralDates = referralDates
        self.closureDates = closureDates
        self.protectionPlanStarts = protectionPlanStarts
        self.assessmentFactors = assessmentFactors
    }
}

/// The dataset-specific part of a source record.
package enum RecordEvent: Hashable, Sendable {
    /// A missing or absent episode.
    case missing(MissingEpisode)
    /// A CME referral.
    case cme(CMEReferral)
    /// An EHE record.
    case ehe(EHERecord)
    /// A suspension or exclusion.
    case exclusion(ExclusionRecord)
    /// A child known to social care.
    case socialCare(SocialCareRecord)

    /// The dataset this kind of event belongs to.
    package var dataset: Dataset {
        switch self {
        case .missing: .missing
        case .cme: .cme
        case .ehe: .ehe
        case .exclusion: .exclusions
        case .socialCare: .socialCare
        }
    }

    /// The date the event is placed on a timeline by.
    package var date: CalendarDate {
        switch self {
        case .missing(let episode): episode.start.date
        case .cme(let referral): referral.referralDate
        case .ehe(let record): record.startDate
        case .exclusion(let record): record.startDate
        case .socialCare(let record): record.referralDates.min() ?? CalendarDate(daysSinceEpoch: 0)
        }
    }
}

/// One record from one extract: who it is about and what happened.
package struct SourceRecord: Hashable, Sendable {
    /// Dataset and record id.
    package let key: RecordKey
    /// The person fields.
    package var person: PersonFields
    /// The dataset's own fields.
    package var event: RecordEvent
    /// Where it was read from.
    package var location: SourceLocation?

    /// Creates a record; the key's dataset must be the event's.
    package init(recordID: String, person: PersonFields, event: RecordEvent, location: SourceLocation? = nil) {
        self.key = RecordKey(dataset: event.dataset, recordID: recordID)
        self.person = person
        self.event = event
        self.location = location
    }

    /// The dataset the record came from.
    package var dataset: Dataset { key.dataset }
}

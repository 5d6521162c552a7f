/// Social-care status of a child at the start of a missing episode.
public enum SocialCareStatus: String, Sendable, Hashable, CaseIterable {
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
public enum RiskLevel: String, Sendable, Hashable, CaseIterable, Comparable {
    /// No identified risk.
    case none = "None"
    /// Low.
    case low = "Low"
    /// Medium.
    case medium = "Medium"
    /// High.
    case high = "High"

    public static func < (lhs: RiskLevel, rhs: RiskLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Missing (whereabouts unknown) or absent (away without authorisation, whereabouts known).
public enum EpisodeType: String, Sendable, Hashable, CaseIterable {
    /// Missing: whereabouts not known (SSDA903 `M`).
    case missing = "Missing"
    /// Absent: away without authorisation, whereabouts known (SSDA903 `A`).
    case absent = "Absent"
}

/// A school phase.
public enum SchoolPhase: String, Sendable, Hashable, CaseIterable {
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
public enum ExclusionCategory: String, Sendable, Hashable, CaseIterable {
    /// Suspension (fixed-period exclusion), DfE `SUSP` / `FIXD`.
    case suspension = "SUSP"
    /// Permanent exclusion, DfE `PERM`.
    case permanent = "PERM"
    /// Lunchtime exclusion, DfE `LNCH`.
    case lunchtime = "LNCH"
}

/// One missing or absent episode.
public struct MissingEpisode: Hashable, Sendable {
    /// Missing or absent.
    public var type: EpisodeType
    /// When the episode began.
    public var start: LocalDateTime
    /// When the child returned; `nil` while still missing.
    public var end: LocalDateTime?
    /// Social-care status at the start.
    public var socialCareStatus: SocialCareStatus?
    /// CSE risk level.
    public var cseRisk: RiskLevel?
    /// CCE risk level.
    public var cceRisk: RiskLevel?
    /// LAC placement distance from home, in miles.
    public var placementDistanceMiles: Double?
    /// Whether a Return Home Interview was offered (`nil`: not recorded or N/A).
    public var rhiOffered: Bool?
    /// Whether the RHI was accepted.
    public var rhiAccepted: Bool?
    /// When the RHI was completed.
    public var rhiCompletedDate: CalendarDate?
    /// Who reported the child missing (free text, never matched on).
    public var reportedBy: String?
    /// Where the child was found (free text, never matched on).
    public var foundLocation: String?

    /// Creates an episode.
    public init(
        type: EpisodeType = .missing, start: LocalDateTime, end: LocalDateTime? = nil,
        socialCareStatus: SocialCareStatus? = nil, cseRisk: RiskLevel? = nil, cceRisk: RiskLevel? = nil,
        placementDistanceMiles: Double? = nil, rhiOffered: Bool? = nil, rhiAccepted: Bool? = nil,
        rhiCompletedDate: CalendarDate? = nil, reportedBy: String? = nil, foundLocation: String? = nil
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
    }
}

/// One Children Missing Education referral.
public struct CMEReferral: Hashable, Sendable {
    /// Date the referral was opened.
    public var referralDate: CalendarDate
    /// Children referred together share it.
    public var familyID: String?
    /// Number of earlier closed CME episodes.
    public var previousEpisodes: Int?
    /// Referral reason / presenting need, e.g. `NEGLECT`.
    public var presentingNeed: String?
    /// Locality at referral, e.g. `Central - Clifton`.
    public var locality: String?
    /// URN of the last school.
    public var lastSchoolURN: String?
    /// Name of the last school.
    public var lastSchoolName: String?
    /// Phase of the last school.
    public var phase: SchoolPhase?
    /// National curriculum year group as recorded (`R`, `1`…`11`, `Y7`…).
    public var yearGroup: String?
    /// Eligible for free school meals.
    public var fsmEligible: Bool?
    /// Open to social care at referral.
    public var openToSocialCare: Bool?
    /// Open to Early Help at referral.
    public var openToEarlyHelp: Bool?
    /// Date the case was closed; `nil` while open.
    public var closedDate: CalendarDate?
    /// Closure outcome code, e.g. `ENQUIRIES EXHAUSTED`.
    public var closureOutcome: String?

    /// Creates a referral.
    public init(
        referralDate: CalendarDate, familyID: String? = nil, previousEpisodes: Int? = nil,
        presentingNeed: String? = nil, locality: String? = nil, lastSchoolURN: String? = nil,
        lastSchoolName: String? = nil, phase: SchoolPhase? = nil, yearGroup: String? = nil,
        fsmEligible: Bool? = nil, openToSocialCare: Bool? = nil, openToEarlyHelp: Bool? = nil,
        closedDate: CalendarDate? = nil, closureOutcome: String? = nil
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
    }
}

/// One Elective Home Education record.
public struct EHERecord: Hashable, Sendable {
    /// Date EHE began.
    public var startDate: CalendarDate
    /// Reason given.
    public var reason: String?
    /// URN of the school left.
    public var previousSchoolURN: String?
    /// Name of the school left.
    public var previousSchoolName: String?
    /// Year group at the start.
    public var yearGroup: String?
    /// Date EHE ended.
    public var endDate: CalendarDate?
    /// `Returned to school`, `Referred to CME`, `Moved out of area`, …
    public var endReason: String?
    /// Last officer visit.
    public var lastVisitDate: CalendarDate?
    /// Whether the family declined the visit.
    public var visitDeclined: Bool?

    /// Creates a record.
    public init(
        startDate: CalendarDate, reason: String? = nil, previousSchoolURN: String? = nil,
        previousSchoolName: String? = nil, yearGroup: String? = nil, endDate: CalendarDate? = nil,
        endReason: String? = nil, lastVisitDate: CalendarDate? = nil, visitDeclined: Bool? = nil
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
    }
}

/// One suspension or permanent exclusion.
public struct ExclusionRecord: Hashable, Sendable {
    /// URN of the school.
    public var schoolURN: String?
    /// Name of the school.
    public var schoolName: String?
    /// Phase of the school.
    public var phase: SchoolPhase?
    /// Suspension, permanent or lunchtime.
    public var category: ExclusionCategory
    /// First day of the exclusion.
    public var startDate: CalendarDate
    /// Number of sessions (half days); often absent for permanent exclusions.
    public var sessions: Double?
    /// DfE reason codes (`PP`, `DB`, …), up to three.
    public var reasons: [String]

    /// Creates a record.
    public init(
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
public struct SocialCareRecord: Hashable, Sendable {
    /// Referral dates of the child's CIN episodes.
    public var referralDates: [CalendarDate]
    /// Closure dates, where closed.
    public var closureDates: [CalendarDate]
    /// Start dates of child protection plans.
    public var protectionPlanStarts: [CalendarDate]
    /// Assessment factor codes (`10A` missing, `11A` CSE, `24A` CCE, …).
    public var assessmentFactors: [String]

    /// Creates a record.
    public init(
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
public enum RecordEvent: Hashable, Sendable {
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
    public var dataset: Dataset {
        switch self {
        case .missing: .missing
        case .cme: .cme
        case .ehe: .ehe
        case .exclusion: .exclusions
        case .socialCare: .socialCare
        }
    }

    /// The date the event is placed on a timeline by.
    public var date: CalendarDate {
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
public struct SourceRecord: Hashable, Sendable {
    /// Dataset and record id.
    public let key: RecordKey
    /// The person fields.
    public var person: PersonFields
    /// The dataset's own fields.
    public var event: RecordEvent
    /// Where it was read from.
    public var location: SourceLocation?

    /// Creates a record; the key's dataset must be the event's.
    public init(recordID: String, person: PersonFields, event: RecordEvent, location: SourceLocation? = nil) {
        self.key = RecordKey(dataset: event.dataset, recordID: recordID)
        self.person = person
        self.event = event
        self.location = location
    }

    /// The dataset the record came from.
    public var dataset: Dataset { key.dataset }
}

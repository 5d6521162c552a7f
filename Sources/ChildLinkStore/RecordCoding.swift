import ChildLinkModel
import Foundation

/// The event part of a record as JSON, through internal Codable mirrors of the model's event types.
enum EventCoding {
    static func encode(_ event: RecordEvent) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Encoding plain strings, numbers and booleans cannot fail.
        let data = try! encoder.encode(EventDTO(event))
        return String(decoding: data, as: UTF8.self)
    }

    /// - Throws: ``StoreError/unreadableRecord(field:)`` (the decoder's own error may quote the text).
    static func decode(_ json: String) throws -> RecordEvent {
        let dto: EventDTO
        do { dto = try JSONDecoder().decode(EventDTO.self, from: Data(json.utf8)) } catch {
            throw StoreError.unreadableRecord(field: "event")
        }
        return try dto.event()
    }
}

private func iso(_ date: CalendarDate?) -> String? { date?.iso }
private func date(_ text: String?, _ field: String) throws -> CalendarDate? {
    guard let text else { return nil }
    guard let date = CalendarDate(parsing: text) else { throw StoreError.unreadableRecord(field: field) }
    return date
}
private func required<T>(_ value: T?, _ field: String) throws -> T {
    guard let value else { throw StoreError.unreadableRecord(field: field) }
    return value
}
private func dateTime(_ text: String?, _ field: String) throws -> LocalDateTime? {
    guard let text else { return nil }
    guard let value = LocalDateTime(parsing: text) else { throw StoreError.unreadableRecord(field: field) }
    return value
}

private enum EventDTO: Codable {
    case missing(MissingDTO)
    case cme(CMEDTO)
    case ehe(EHEDTO)
    case exclusion(ExclusionDTO)
    case socialCare(SocialCareDTO)

    init(_ event: RecordEvent) {
        switch event {
        case .missing(let value): self = .missing(MissingDTO(value))
        case .cme(let value): self = .cme(CMEDTO(value))
        case .ehe(let value): self = .ehe(EHEDTO(value))
        case .exclusion(let value): self = .exclusion(ExclusionDTO(value))
        case .socialCare(let value): self = .socialCare(SocialCareDTO(value))
        }
    }

    func event() throws -> RecordEvent {
        switch self {
        case .missing(let dto): .missing(try dto.model())
        case .cme(let dto): .cme(try dto.model())
        case .ehe(let dto): .ehe(try dto.model())
        case .exclusion(let dto): .exclusion(try dto.model())
        case .socialCare(let dto): .socialCare(try dto.model())
        }
    }
}

private struct MissingDTO: Codable {
    var type: String, start: String, end: String?, socialCareStatus: String?, cseRisk: String?, cceRisk: String?
    var placementDistanceMiles: Double?, rhiOffered: Bool?, rhiAccepted: Bool?, rhiCompletedDate: String?
    var reportedBy: String?, foundLocation: String?
    /// Absent from records stored before the field existed (decoded as nil).
    var allocatedTeam: String?

    init(_ e: MissingEpisode) {
        type = e.type.rawValue
        start = e.start.iso
        end = e.end?.iso
        socialCareStatus = e.socialCareStatus?.rawValue
        cseRisk = e.cseRisk?.rawValue
        cceRisk = e.cceRisk?.rawValue
        placementDistanceMiles = e.placementDistanceMiles
        rhiOffered = e.rhiOffered
        rhiAccepted = e.rhiAccepted
        rhiCompletedDate = iso(e.rhiCompletedDate)
        reportedBy = e.reportedBy
        foundLocation = e.foundLocation
        allocatedTeam = e.allocatedTeam
    }

    func model() throws -> MissingEpisode {
        MissingEpisode(
            type: try required(EpisodeType(rawValue: type), "type"),
            start: try required(dateTime(start, "start"), "start"),
            end: try dateTime(end, "end"), socialCareStatus: socialCareStatus.flatMap(SocialCareStatus.init(rawValue:)),
            cseRisk: cseRisk.flatMap(RiskLevel.init(rawValue:)), cceRisk: cceRisk.flatMap(RiskLevel.init(rawValue:)),
            placementDistanceMiles: placementDistanceMiles, rhiOffered: rhiOffered, rhiAccepted: rhiAccepted,
            rhiCompletedDate: try date(rhiCompletedDate, "rhiCompletedDate"), reportedBy: reportedBy,
            foundLocation: foundLocation, allocatedTeam: allocatedTeam)
    }
}

private struct CMEDTO: Codable {
    var referralDate: String, familyID: String?, previousEpisodes: Int?, presentingNeed: String?, locality: String?
    var lastSchoolURN: String?, lastSchoolName: String?, phase: String?, yearGroup: String?, fsmEligible: Bool?
    var openToSocialCare: Bool?, openToEarlyHelp: Bool?, closedDate: String?, closureOutcome: String?
    var removedFromRoll: Bool?

    init(_ r: CMEReferral) {
        referralDate = r.referralDate.iso
        familyID = r.familyID
        previousEpisodes = r.previousEpisodes
        presentingNeed = r.presentingNeed
        locality = r.locality
        lastSchoolURN = r.lastSchoolURN
        lastSchoolName = r.lastSchoolName
        phase = r.phase?.rawValue
        yearGroup = r.yearGroup
        fsmEligible = r.fsmEligible
        openToSocialCare = r.openToSocialCare
        openToEarlyHelp = r.openToEarlyHelp
        closedDate = iso(r.closedDate)
        closureOutcome = r.closureOutcome
        removedFromRoll = r.removedFromRoll
    }

    func model() throws -> CMEReferral {
        CMEReferral(
            referralDate: try required(date(referralDate, "referralDate"), "referralDate"), familyID: familyID,
            previousEpisodes: previousEpisodes, presentingNeed: presentingNeed, locality: locality,
            lastSchoolURN: lastSchoolURN, lastSchoolName: lastSchoolName,
            phase: phase.flatMap(SchoolPhase.init(rawValue:)),
            yearGroup: yearGroup, fsmEligible: fsmEligible, openToSocialCare: openToSocialCare,
            openToEarlyHelp: openToEarlyHelp, closedDate: try date(closedDate, "closedDate"),
            closureOutcome: closureOutcome, removedFromRoll: removedFromRoll)
    }
}

private struct EHEDTO: Codable {
    var startDate: String, reason: String?, previousSchoolURN: String?, previousSchoolName: String?
    var yearGroup: String?, endDate: String?, endReason: String?, lastVisitDate: String?, visitDeclined: Bool?
    /// Optional fields added later: absent from the records of older stores, which decode as `nil`.
    var officerInvolvement: Bool?, involvementPending: Bool?

    init(_ r: EHERecord) {
        startDate = r.startDate.iso
        reason = r.reason
        previousSchoolURN = r.previousSchoolURN
        previousSchoolName = r.previousSchoolName
        yearGroup = r.yearGroup
        endDate = iso(r.endDate)
        endReason = r.endReason
        lastVisitDate = iso(r.lastVisitDate)
        visitDeclined = r.visitDeclined
        officerInvolvement = r.officerInvolvement
        involvementPending = r.involvementPending
    }

    func model() throws -> EHERecord {
        EHERecord(
            startDate: try required(date(startDate, "startDate"), "startDate"), reason: reason,
            previousSchoolURN: previousSchoolURN, previousSchoolName: previousSchoolName, yearGroup: yearGroup,
            endDate: try date(endDate, "endDate"), endReason: endReason,
            lastVisitDate: try date(lastVisitDate, "lastVisitDate"), visitDeclined: visitDeclined,
            officerInvolvement: officerInvolvement, involvementPending: involvementPending)
    }
}

private struct ExclusionDTO: Codable {
    var schoolURN: String?, schoolName: String?, phase: String?, category: String, startDate: String
    var sessions: Double?, reasons: [String]

    init(_ r: ExclusionRecord) {
        schoolURN = r.schoolURN
        schoolName = r.schoolName
        phase = r.phase?.rawValue
        category = r.category.rawValue
        startDate = r.startDate.iso
        sessions = r.sessions
        reasons = r.reasons
    }

    func model() throws -> ExclusionRecord {
        ExclusionRecord(
            schoolURN: schoolURN, schoolName: schoolName, phase: phase.flatMap(SchoolPhase.init(rawValue:)),
            category: try required(ExclusionCategory(rawValue: category), "category"),
            startDate: try required(date(startDate, "startDate"), "startDate"), sessions: sessions, reasons: reasons)
    }
}

private struct SocialCareDTO: Codable {
    var referralDates: [String], closureDates: [String], protectionPlanStarts: [String], assessmentFactors: [String]

    init(_ r: SocialCareRecord) {
        referralDates = r.referralDates.map(\.iso)
        closureDates = r.closureDates.map(\.iso)
        protectionPlanStarts = r.protectionPlanStarts.map(\.iso)
        assessmentFactors = r.assessmentFactors
    }

    func model() throws -> SocialCareRecord {
        func dates(_ texts: [String], _ field: String) throws -> [CalendarDate] {
            try texts.map { try required(CalendarDate(parsing: $0), field) }
        }
        return SocialCareRecord(
            referralDates: try dates(referralDates, "referralDates"),
            closureDates: try dates(closureDates, "closureDates"),
            protectionPlanStarts: try dates(protectionPlanStarts, "protectionPlanStarts"),
            assessmentFactors: assessmentFactors)
    }
}

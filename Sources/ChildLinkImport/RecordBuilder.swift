import ChildLinkModel

/// Raw field values of one input record, looked up by reference field (after any profile mapping
/// of names). CSV rows and XML elements both provide one.
protocol FieldValues {
    /// The raw text of `field`, or `nil` when the layout has no such field.
    func raw(_ field: ReferenceField) -> String?
}

/// Why one record could not be imported; the rest of the file goes on.
struct RowRejection: Error, Hashable {
    /// The field at fault, if one is.
    var field: String?
    /// What was wrong, in words an analyst can act on (no personal data).
    var reason: String

    /// `field` holds a value that is none of its codes. The value is shown only when it is short
    /// and code-like; otherwise the reason says what it looks like (``PersonalValueKind``), since a
    /// value in the wrong column is as likely a child's name or date of birth as a mistyped code.
    static func unknownCode(_ field: String, _ value: String, expected: String?, hint: String? = nil) -> RowRejection {
        var reason: String
        if let kind = PersonalValueKind.of(value) {
            reason = "\(field) has an unknown code (\(kind.notShown))"
        } else {
            reason = "\(field) has an unknown code '\(value)'"
        }
        if let expected { reason += " (expected \(expected))" }
        if let hint { reason += "; \(hint)" }
        return RowRejection(field: field, reason: reason)
    }
}

/// Builds a `SourceRecord` of one dataset from raw field values: parses dates, codes, yes/no and
/// numbers; applies a profile's value maps and date formats; rejects what cannot be read.
struct RecordBuilder {
    let dataset: Dataset
    let profile: MappingProfile?
    /// The day of the import, for dates that cannot lie after it; `nil` skips that check.
    var today: CalendarDate? = nil
    /// The extract's own date, when its file carries one (no record's dates may lie after it).
    var extractDate: ExtractOwnDate? = nil

    /// The record id of `values`, if present (for reject reports).
    func recordID(_ values: some FieldValues) -> String? {
        values.raw(ReferenceField.idField(of: dataset))?.trimmingCharacters().nilIfEmpty
    }

    /// Builds the record, or says why it cannot be.
    func build(_ values: some FieldValues, location: SourceLocation) throws(RowRejection) -> SourceRecord {
        let reader = ValueReader(values: values, profile: profile)
        let idField = ReferenceField.idField(of: dataset)
        let recordID = try reader.required(idField)
        let person = try readPerson(reader)
        let event: RecordEvent
        switch dataset {
        case .missing: event = .missing(try readEpisode(reader))
        case .cme: event = .cme(try readReferral(reader))
        case .ehe: event = .ehe(try readEHE(reader))
        case .exclusions: event = .exclusion(try readExclusion(reader))
        case .socialCare: event = .socialCare(SocialCareRecord())
        }
        try DatePlausibility(today: today, extractDate: extractDate).check(person, event)
        return SourceRecord(recordID: recordID, person: person, event: event, location: location)
    }

    func readPerson<V: FieldValues>(_ r: ValueReader<V>) throws(RowRejection) -> PersonFields {
        var person = PersonFields()
        person.personID = r.text(.personID)
        if let upnText = r.text(.upn) {
            person.upn = UPN(field: upnText)
            person.upnUnknownReason = UPNUnknownReason(rawValue: upnText.uppercased())
        }
        person.formerUPN = r.text(.formerUPN).flatMap { UPN(field: $0) }
        person.nhsNumber = r.text(.nhsNumber).flatMap { NHSNumber(field: $0) }
        person.forename = r.text(.forename)
        person.middleNames = r.text(.middleNames)
        person.surname = r.text(.surname)
        person.preferredName = r.text(.preferredName)
        person.formerSurname = r.text(.formerSurname)
        guard let dob = try r.date(.dateOfBirth) else {
            throw RowRejection(field: ReferenceField.dateOfBirth.rawValue, reason: "DateOfBirth is empty (required)")
        }
        person.dateOfBirth = dob
        person.gender = try r.code(.gender, FastValues.gender)
        person.ethnicity = r.text(.ethnicity).flatMap { EthnicityCode($0) }
        person.postcode = r.text(.postcode).flatMap { Postcode(field: $0) }
        person.addressLine1 = r.text(.addressLine1)
        person.town = r.text(.town)
        return person
    }

    private func readEpisode<V: FieldValues>(_ r: ValueReader<V>) throws(RowRejection) -> MissingEpisode {
        guard let start = try r.dateTime(.startDateTime) else { throw r.missing(.startDateTime) }
        var episode = MissingEpisode(start: start)
        episode.type = try r.code(.episodeType, Codes.episodeType) ?? .missing
        episode.end = try r.dateTime(.endDateTime)
        if let end = episode.end, end < start {
            throw RowRejection(
                field: ReferenceField.endDateTime.rawValue, reason: "EndDateTime is before StartDateTime")
        }
        episode.socialCareStatus = try r.code(.socialCareStatus, Codes.socialCareStatus)
        episode.cseRisk = try r.code(.cseRisk, Codes.risk)
        episode.cceRisk = try r.code(.cceRisk, Codes.risk)
        episode.placementDistanceMiles = try r.number(.placementDistanceMiles, in: 0...25_000)
        episode.rhiOffered = try r.yesNo(.rhiOffered)
        episode.rhiAccepted = try r.yesNo(.rhiAccepted)
        episode.rhiCompletedDate = try r.date(.rhiCompletedDate)
        episode.reportedBy = r.text(.reportedBy)
        episode.foundLocation = r.text(.foundLocation)
        episode.allocatedTeam = r.text(.allocatedTeam)
        return episode
    }

    private func readReferral<V: FieldValues>(_ r: ValueReader<V>) throws(RowRejection) -> CMEReferral {
        guard let date = try r.date(.referralDate) else { throw r.missing(.referralDate) }
        var referral = CMEReferral(referralDate: date)
        referral.familyID = r.text(.familyID)
        referral.previousEpisodes = try r.count(.previousEpisodes)
        referral.presentingNeed = r.text(.presentingNeed)
        referral.locality = r.text(.locality)
        referral.lastSchoolURN = r.text(.lastSchoolURN)
        referral.lastSchoolName = r.text(.lastSchoolName)
        referral.phase = try r.code(.phase, Codes.phase)
        referral.yearGroup = r.text(.yearGroup)
        referral.fsmEligible = try r.yesNo(.fsmEligible)
        referral.openToSocialCare = try r.yesNo(.openToSocialCare)
        referral.openToEarlyHelp = try r.yesNo(.openToEarlyHelp)
        referral.closedDate = try r.date(.closedDate)
        referral.closureOutcome = r.text(.closureOutcome)
        referral.removedFromRoll = try r.yesNo(.removedFromRoll)
        return referral
    }

    private func readEHE<V: FieldValues>(_ r: ValueReader<V>) throws(RowRejection) -> EHERecord {
        guard let start = try r.date(.startDate) else { throw r.missing(.startDate) }
        var record = EHERecord(startDate: start)
        record.reason = r.text(.reason)
        record.previousSchoolURN = r.text(.previousSchoolURN)
        record.previousSchoolName = r.text(.previousSchoolName)
        record.yearGroup = r.text(.yearGroup)
        record.endDate = try r.date(.endDate)
        record.endReason = r.text(.endReason)
        record.lastVisitDate = try r.date(.lastVisitDate)
        record.visitDeclined = try r.yesNo(.visitDeclined)
        record.officerInvolvement = try r.yesNo(.officerInvolvement)
        record.involvementPending = try r.yesNo(.involvementPending)
        return record
    }

    private func readExclusion<V: FieldValues>(_ r: ValueReader<V>) throws(RowRejection) -> ExclusionRecord {
        guard let start = try r.date(.startDate) else { throw r.missing(.startDate) }
        guard let category = try r.code(.category, Codes.exclusionCategory) else { throw r.missing(.category) }
        var record = ExclusionRecord(category: category, startDate: start)
        record.schoolURN = r.text(.schoolURN)
        record.schoolName = r.text(.schoolName)
        record.phase = try r.code(.phase, Codes.phase)
        record.sessions = try r.number(.sessions, in: 0...10_000)
        record.reasons = [.reason, .reason1, .reason2, .reason3].compactMap { r.text($0)?.uppercased() }
        return record
    }
}

/// Reads typed values out of raw field text, applying a profile's value maps and date formats.
struct ValueReader<V: FieldValues> {
    let values: V
    let profile: MappingProfile?

    /// The trimmed text of `field` after the profile's value map; `nil` when absent or empty.
    func text(_ field: ReferenceField) -> String? {
        guard let raw = values.raw(field) else { return nil }
        let trimmed = raw.trimmingCharacters()
        guard !trimmed.isEmpty else { return nil }
        if let profile, let mapped = profile.mapValue(trimmed, of: field) { return mapped.nilIfEmpty }
        return trimmed
    }

    /// The text of a required field, or a rejection naming it.
    func required(_ field: ReferenceField) throws(RowRejection) -> String {
        guard let value = text(field) else { throw missing(field) }
        return value
    }

    /// The rejection for an empty required field.
    func missing(_ field: ReferenceField) -> RowRejection {
        RowRejection(field: field.rawValue, reason: "\(field.rawValue) is empty (required)")
    }

    /// A date: the profile's formats first, then `dd/MM/yyyy` and ISO (with an ignored time).
    func date(_ field: ReferenceField) throws(RowRejection) -> CalendarDate? {
        guard let text = text(field) else { return nil }
        if let profile, let parsed = profile.parseDateTime(text, field: field) {
            return try plausible(parsed.date, field)
        }
        guard let date = ExtractDates.date(text) else {
            throw unreadable(field, ExtractDates.problem(text, otherwise: "is not a date (dd/MM/yyyy or yyyy-MM-dd)"))
        }
        return try plausible(date, field)
    }

    /// A date-time: the profile's formats first, then `dd/MM/yyyy[ HH:mm[:ss]]` and ISO.
    func dateTime(_ field: ReferenceField) throws(RowRejection) -> LocalDateTime? {
        guard let text = text(field) else { return nil }
        if let profile, let parsed = profile.parseDateTime(text, field: field) {
            _ = try plausible(parsed.date, field)
            return parsed
        }
        guard let value = ExtractDates.dateTime(text) else {
            throw unreadable(
                field,
                ExtractDates.problem(
                    text, otherwise: "is not a date-time (dd/MM/yyyy HH:mm or yyyy-MM-ddTHH:mm)"))
        }
        _ = try plausible(value.date, field)
        return value
    }

    /// Yes/No: `Y/N`, `Yes/No`, `True/False`, `1/0`; `N/A` and empty are `nil`.
    func yesNo(_ field: ReferenceField) throws(RowRejection) -> Bool? {
        guard let text = text(field) else { return nil }
        switch text.lowercased() {
        case "y", "yes", "true", "1", "t": return true
        case "n", "no", "false", "0", "f": return false
        case "n/a", "na", "not applicable": return nil
        default: throw unknownCode(field, text, expected: "Yes/No/N/A")
        }
    }

    /// `date`, unless it lies before 1900: no child in these datasets was born, and no event of
    /// theirs happened, then. Such dates are placeholders, most often an empty Excel date cell
    /// (which reads as 30/12/1899 or 00/01/1900) or a system's "unknown" (01/01/1800).
    func plausible(_ date: CalendarDate, _ field: ReferenceField) throws(RowRejection) -> CalendarDate {
        guard date.year < 1900 else { return date }
        throw unreadable(
            field, "is before 1900: a placeholder, not a real date (an empty Excel date cell reads as 30/12/1899)")
    }

    /// A number such as `12`, `4.5`.
    func number(_ field: ReferenceField) throws(RowRejection) -> Double? {
        guard let text = text(field) else { return nil }
        guard let value = Double(text), value.isFinite else { throw unreadable(field, "is not a number") }
        return value
    }

    /// A number within `range`, so that no later stage meets 1e300 sessions or a negative distance.
    func number(_ field: ReferenceField, in range: ClosedRange<Double>) throws(RowRejection) -> Double? {
        guard let value = try number(field) else { return nil }
        guard range.contains(value) else {
            throw unreadable(field, "is out of range (\(Int(range.lowerBound)) to \(Int(range.upperBound)))")
        }
        return value
    }

    /// A count such as `3` (or `3.0`): a whole number from 0 to 10,000. Anything else, `1e30`
    /// among them (which once trapped converting to `Int`), is a rejection.
    func count(_ field: ReferenceField) throws(RowRejection) -> Int? {
        guard let value = try number(field) else { return nil }
        guard value >= 0, value <= 10_000, value == value.rounded() else {
            throw unreadable(field, "is not a whole number from 0 to 10,000")
        }
        return Int(value)
    }

    /// A code read with `parse`; an unrecognised value is a rejection.
    func code<T>(_ field: ReferenceField, _ parse: (String) -> T?) throws(RowRejection) -> T? {
        guard let text = text(field) else { return nil }
        guard let value = parse(text) else { throw unknownCode(field, text, expected: nil) }
        return value
    }

    /// The fields whose values are personal data, never to be shown in a message.
    static var personalFields: [ReferenceField] {
        [
            .forename, .middleNames, .surname, .preferredName, .formerSurname, .dateOfBirth, .upn, .formerUPN,
            .nhsNumber, .postcode, .addressLine1,
        ]
    }

    /// Whether `text` is the value of one of this record's personal fields.
    private func isPersonalValue(_ text: String) -> Bool {
        let key = text.lowercased()
        return Self.personalFields.contains { field in
            values.raw(field).map { $0.trimmingCharacters().lowercased() == key } ?? false
        }
    }

    private func unreadable(_ field: ReferenceField, _ what: String) -> RowRejection {
        RowRejection(field: field.rawValue, reason: "\(field.rawValue) \(what)")
    }

    private func unknownCode(_ field: ReferenceField, _ text: String, expected: String?) -> RowRejection {
        // Codes are not personal data, but a name or identifier that landed in a code column (a
        // profile pointing at the wrong header) is: then the value is not shown.
        guard !isPersonalValue(text) else {
            return RowRejection(
                field: field.rawValue,
                reason: "\(field.rawValue) holds this record's name, date of birth or an identifier, not a code "
                    + "(not shown; check which column the profile maps to it)")
        }
        return .unknownCode(
            field.rawValue, text.trimmingCharacters(), expected: expected, hint: "map it in a profile's values section")
    }
}

/// The code lists the importers accept, with the labels extracts commonly use.
enum Codes {
    static func episodeType(_ text: String) -> EpisodeType? {
        switch text.lowercased() {
        case "missing", "m": .missing
        case "absent", "a", "away": .absent
        default: nil
        }
    }

    static func socialCareStatus(_ text: String) -> SocialCareStatus? {
        if let status = SocialCareStatus(rawValue: text.uppercased()) { return status }
        switch ReferenceField.matchKey(text) {
        case "earlyhelp": return .earlyHelp
        case "childinneed": return .childInNeed
        case "childprotection", "childprotectionplan", "cp": return .childProtection
        case "lookedafter", "lookedafterchild", "childlookedafter", "cla": return .lookedAfter
        case "careleaver": return .careLeaver
        case "notaclient", "notknowntosocialcare", "none": return .notAClient
        case "otherla", "otherlocalauthority": return .otherLocalAuthority
        default: return nil
        }
    }

    static func risk(_ text: String) -> RiskLevel? {
        switch text.lowercased() {
        case "none", "no", "no risk", "not at risk": RiskLevel.none
        case "low": .low
        case "medium", "med": .medium
        case "high": .high
        default: nil
        }
    }

    static func phase(_ text: String) -> SchoolPhase? {
        switch ReferenceField.matchKey(text) {
        case "nursery", "earlyyears": .nursery
        case "primary", "pr", "infant", "junior": .primary
        case "secondary", "se": .secondary
        case "special", "sp": .special
        case "ap", "pru", "alternativeprovision", "pupilreferralunit": .alternativeProvision
        case "post16", "post-16", "16plus": .post16
        case "unknown", "notknown": .unknown
        default: nil
        }
    }

    static func exclusionCategory(_ text: String) -> ExclusionCategory? {
        switch ReferenceField.matchKey(text) {
        case "susp", "fixd", "fixed", "suspension", "fixedterm", "fixedperiod", "fixed-term": .suspension
        case "perm", "permanent", "permanentexclusion": .permanent
        case "lnch", "lunchtime", "lunch": .lunchtime
        default: nil
        }
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

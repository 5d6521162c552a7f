import ChildLinkModel

/// Reads a generated row the way the reference layout defines its fields, so the in-memory
/// records are exactly what an importer finds in the files.
enum SampleRecordReader {
    static func record(from row: SampleRow, location: SourceLocation) -> SourceRecord {
        let fields = row.fields
        let event = Array(fields[SampleLayout.personColumns.count...])
        return SourceRecord(
            recordID: event[0], person: person(fields), event: self.event(row.dataset, event), location: location)
    }

    private static func person(_ fields: [String]) -> PersonFields {
        PersonFields(
            personID: text(fields[0]), upn: UPN(fields[1]), formerUPN: UPN(fields[2]),
            upnUnknownReason: UPNUnknownReason(rawValue: fields[1]), nhsNumber: NHSNumber(fields[3]),
            forename: text(fields[4]), middleNames: text(fields[5]), surname: text(fields[6]),
            preferredName: text(fields[7]), formerSurname: text(fields[8]),
            dateOfBirth: CalendarDate(parsing: fields[9]), gender: fields[10].isEmpty ? nil : Gender(code: fields[10]),
            ethnicity: EthnicityCode(fields[11]), postcode: Postcode(fields[12]), addressLine1: text(fields[13]),
            town: text(fields[14]))
    }

    private static func event(_ dataset: Dataset, _ f: [String]) -> RecordEvent {
        switch dataset {
        case .missing:
            .missing(
                MissingEpisode(
                    type: EpisodeType(rawValue: f[1]) ?? .missing, start: LocalDateTime(parsing: f[2])!,
                    end: LocalDateTime(parsing: f[3]), socialCareStatus: SocialCareStatus(rawValue: f[4]),
                    cseRisk: RiskLevel(rawValue: f[5]), cceRisk: RiskLevel(rawValue: f[6]),
                    placementDistanceMiles: Double(f[7]), rhiOffered: yesNo(f[8]), rhiAccepted: yesNo(f[9]),
                    rhiCompletedDate: CalendarDate(parsing: f[10]), reportedBy: text(f[11]),
                    foundLocation: text(f[12])))
        case .cme:
            .cme(
                CMEReferral(
                    referralDate: CalendarDate(parsing: f[1])!, familyID: text(f[2]), previousEpisodes: Int(f[3]),
                    presentingNeed: text(f[4]), locality: text(f[5]), lastSchoolURN: text(f[6]),
                    lastSchoolName: text(f[7]), phase: SchoolPhase(rawValue: f[8]), yearGroup: text(f[9]),
                    fsmEligible: yesNo(f[10]), openToSocialCare: yesNo(f[11]), openToEarlyHelp: yesNo(f[12]),
                    closedDate: CalendarDate(parsing: f[13]), closureOutcome: text(f[14])))
        case .ehe:
            .ehe(
                EHERecord(
                    startDate: CalendarDate(parsing: f[1])!, reason: text(f[2]), previousSchoolURN: text(f[3]),
                    previousSchoolName: text(f[4]), yearGroup: text(f[5]), endDate: CalendarDate(parsing: f[6]),
                    endReason: text(f[7]), lastVisitDate: CalendarDate(parsing: f[8]), visitDeclined: yesNo(f[9])))
        default:
            .exclusion(
                ExclusionRecord(
                    schoolURN: text(f[1]), schoolName: text(f[2]), phase: SchoolPhase(rawValue: f[3]),
                    category: ExclusionCategory(rawValue: f[4]) ?? .suspension, startDate: CalendarDate(parsing: f[5])!,
                    sessions: Double(f[6]), reasons: f[7...9].filter { !$0.isEmpty }))
        }
    }

    private static func text(_ value: String) -> String? { value.isEmpty ? nil : value }

    private static func yesNo(_ value: String) -> Bool? {
        switch value {
        case "Yes": true
        case "No": false
        default: nil
        }
    }
}

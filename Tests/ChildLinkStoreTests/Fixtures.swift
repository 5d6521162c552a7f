import ChildLinkModel
import ChildLinkStore
import Foundation

/// Builders for test records, made directly from ChildLinkModel types.
enum Fixture {
    static func key(_ text: String) -> RecordKey { RecordKey(parsing: text)! }

    /// A review CSV's rows, one line each, as a CSV reader would give them.
    static func rows(_ rows: [String]...) -> [ReviewCSVRow] {
        rows.enumerated().map { ReviewCSVRow(line: $0.offset + 1, fields: $0.element) }
    }

    static func keys(_ texts: String...) -> [RecordKey] { texts.map(key) }

    static func date(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
        CalendarDate(year: year, month: month, day: day)!
    }

    /// A valid UPN for LA 201 with the given 3-digit serial.
    static func upn(serial: Int) -> UPN {
        let body = "201400019" + String(format: "%03d", serial)
        return UPN(String(UPN.checkLetter(forBody: body)!) + body)!
    }

    static func missing(
        _ id: String, forename: String = "Amelia", surname: String = "Horvath", dob: CalendarDate = date(2010, 3, 14),
        upn: UPN? = nil, nhs: String? = nil, start: CalendarDate = date(2026, 11, 2), hour: Int = 21
    ) -> SourceRecord {
        SourceRecord(
            recordID: id,
            person: PersonFields(
                upn: upn, nhsNumber: nhs.flatMap { NHSNumber($0) }, forename: forename, surname: surname,
                dateOfBirth: dob, gender: .female, ethnicity: EthnicityCode("WROM"), postcode: Postcode("S60 1AA")),
            event: .missing(
                MissingEpisode(
                    start: LocalDateTime(date: start, hour: hour)!,
                    end: LocalDateTime(date: start.adding(days: 1), hour: 9),
                    socialCareStatus: .childInNeed, cseRisk: .medium, rhiOffered: true, reportedBy: "Police")),
            location: SourceLocation(file: "missing.csv", line: 2))
    }

    static func cme(_ id: String, forename: String = "Amelia", surname: String = "Horvath", upn: UPN? = nil)
        -> SourceRecord
    {
        SourceRecord(
            recordID: id,
            person: PersonFields(upn: upn, forename: forename, surname: surname, dateOfBirth: date(2010, 3, 14)),
            event: .cme(
                CMEReferral(referralDate: date(2026, 10, 1), familyID: "F1", phase: .secondary, fsmEligible: true)))
    }

    static func ehe(_ id: String, forename: String = "Amelia") -> SourceRecord {
        SourceRecord(
            recordID: id, person: PersonFields(forename: forename, surname: "Horvath", dateOfBirth: date(2010, 3, 14)),
            event: .ehe(EHERecord(startDate: date(2025, 9, 5), reason: "Philosophical", visitDeclined: false)))
    }

    static func exclusion(_ id: String) -> SourceRecord {
        SourceRecord(
            recordID: id, person: PersonFields(forename: "Amelia", surname: "Horvath", dateOfBirth: date(2010, 3, 14)),
            event: .exclusion(
                ExclusionRecord(
                    schoolURN: "106924", category: .suspension, startDate: date(2026, 5, 4), sessions: 2.5,
                    reasons: ["PP", "DB"])))
    }

    static func socialCare(_ id: String) -> SourceRecord {
        SourceRecord(
            recordID: id, person: PersonFields(personID: "LCS123", dateOfBirth: date(2010, 3, 14)),
            event: .socialCare(SocialCareRecord(referralDates: [date(2024, 1, 2)], assessmentFactors: ["10A", "11A"])))
    }

    /// A fixed clock: 23 November 2026, 10:00 UTC.
    static let now = Date(timeIntervalSince1970: 1_795_428_000)

    static func store() throws -> ChildLinkStore { try ChildLinkStore.inMemory(user: "analyst", clock: { now }) }

    /// A fresh temporary folder, removed by the caller.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("childlink-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func mode(of path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as! NSNumber).intValue & 0o777
    }
}

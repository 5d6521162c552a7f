import ChildLinkModel
import Foundation

/// Checks that a record's dates can all be true together: the child was born by the import day
/// and before the event, the event (other than an exclusion) started by the import day, and an end
/// is not before its start. A record that fails is rejected
/// (naming the fields, never the dates: a date of birth is personal data).
struct DatePlausibility {
    /// The day of the import; `nil` skips the "not in the future" check.
    let today: CalendarDate?
    /// The extract's own date, when its file carries one: no date in a record can lie after it.
    var extractDate: ExtractOwnDate? = nil

    /// - Throws: ``RowRejection`` naming the first date that cannot be right.
    func check(_ person: PersonFields, _ event: RecordEvent) throws(RowRejection) {
        if let extractDate { try extractDate.check(person, event) }
        try startedByToday(event)
        guard let born = person.dateOfBirth else { return }
        if let today, born > today {
            throw RowRejection(field: "DateOfBirth", reason: "DateOfBirth is in the future (after the import date)")
        }
        switch event {
        case .missing(let episode):
            try bornBy(born, episode.start.date, "StartDateTime")
        case .cme(let referral):
            try bornBy(born, referral.referralDate, "ReferralDate")
            if let closed = referral.closedDate, closed < referral.referralDate {
                throw RowRejection(field: "ClosedDate", reason: "ClosedDate is before ReferralDate")
            }
        case .ehe(let record):
            try bornBy(born, record.startDate, "StartDate")
            if let end = record.endDate, end < record.startDate {
                throw RowRejection(field: "EndDate", reason: "EndDate is before StartDate")
            }
        case .exclusion(let record):
            try bornBy(born, record.startDate, "StartDate")
        case .socialCare:
            break
        }
    }

    /// A missing episode, CME referral or EHE start after the import day has not happened yet (a
    /// typing slip such as 2100 for 2010). Exclusions are left alone: a school can notify one
    /// before it starts.
    private func startedByToday(_ event: RecordEvent) throws(RowRejection) {
        guard let today else { return }
        let start: (CalendarDate, String)? =
            switch event {
            case .missing(let episode): (episode.start.date, "StartDateTime")
            case .cme(let referral): (referral.referralDate, "ReferralDate")
            case .ehe(let record): (record.startDate, "StartDate")
            case .exclusion, .socialCare: nil
            }
        guard let (date, field) = start, date > today else { return }
        throw RowRejection(
            field: field, reason: "\(field) is in the future (after the import date): it cannot have happened yet")
    }

    private func bornBy(_ born: CalendarDate, _ eventDate: CalendarDate, _ field: String) throws(RowRejection) {
        guard eventDate < born else { return }
        throw RowRejection(field: "DateOfBirth", reason: "DateOfBirth is after \(field): the child was not yet born")
    }
}

/// The date an extract carries for itself: the CIN census's `ReferenceDate`, or the run date a
/// report tool writes in a title line above a CSV header (`Run date: 30/06/2019`). Nothing a record
/// holds can have happened after it: a date of birth, an episode's start or end, a referral, a
/// closure, a visit or a Return Home Interview after it is a typing slip (`2091` for `2019`), and
/// the record is rejected. An exclusion's start is left alone: a school can notify one before it starts.
struct ExtractOwnDate: Sendable, Equatable {
    /// The date.
    let date: CalendarDate
    /// Where it was read, for the reason: `its ReferenceDate`, `the run date on line 1`.
    let source: String

    /// - Throws: ``RowRejection`` naming the first field after ``date`` (never its value).
    func check(_ person: PersonFields, _ event: RecordEvent) throws(RowRejection) {
        if let born = person.dateOfBirth, born > date { throw rejection("DateOfBirth") }
        for (field, value) in Self.eventDates(event) where value > date { throw rejection(field) }
    }

    private func rejection(_ field: String) -> RowRejection {
        RowRejection(
            field: field,
            reason: "\(field) is after the extract's own date (\(source)): it cannot have happened by then")
    }

    /// The dates of an event that cannot lie after the extract was taken, with their fields.
    static func eventDates(_ event: RecordEvent) -> [(String, CalendarDate)] {
        let optional: [(String, CalendarDate?)]
        switch event {
        case .missing(let episode):
            optional = [
                ("StartDateTime", episode.start.date), ("EndDateTime", episode.end?.date),
                ("RHICompletedDate", episode.rhiCompletedDate),
            ]
        case .cme(let referral):
            optional = [("ReferralDate", referral.referralDate), ("ClosedDate", referral.closedDate)]
        case .ehe(let record):
            optional = [
                ("StartDate", record.startDate), ("EndDate", record.endDate), ("LastVisitDate", record.lastVisitDate),
            ]
        case .exclusion:
            optional = []
        case .socialCare(let record):
            optional =
                record.referralDates.map { ("CINreferralDate", $0) }
                + record.closureDates.map { ("CINclosureDate", $0) }
                + record.protectionPlanStarts.map { ("CPPstartDate", $0) }
        }
        return optional.compactMap { field, date in date.map { (field, $0) } }
    }

    /// The run date in a title line above a CSV header: a date after words such as `run`,
    /// `extracted`, `produced`, `generated`, `as at` or `report date` (`Run date: 30/06/2019 09:14`,
    /// `Extracted 30 June 2019`); `nil` when the line names no such date. A title such as
    /// `Episodes 01/04/2019 to 30/06/2019` names a period, not the extract's date, and gives none.
    static func inTitle(_ text: String, line: Int) -> ExtractOwnDate? {
        let lowered = text.lowercased()
        let markers = [
            "run date", "run on", "report run", "date run", "extracted", "extract date", "date of extract",
            "extract taken", "produced", "generated", "as at", "report date", "printed", "created",
        ]
        guard let marker = markers.compactMap({ lowered.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound })
        else { return nil }
        let tokens = lowered[marker.upperBound...].split(whereSeparator: { $0 == " " || $0 == "," || $0 == ":" })
            .map(String.init)
        for start in tokens.indices {
            for length in (1...3).reversed() where start + length <= tokens.count {
                if let date = ExtractDates.date(tokens[start..<start + length].joined(separator: " ")) {
                    return ExtractOwnDate(date: date, source: "the date in its title, line \(line)")
                }
            }
        }
        return nil
    }
}

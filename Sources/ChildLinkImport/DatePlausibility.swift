import ChildLinkModel

/// Checks that a record's dates can all be true together: the child was born by the import day
/// and before the event, and an end is not before its start. A record that fails is rejected
/// (naming the fields, never the dates: a date of birth is personal data).
struct DatePlausibility {
    /// The day of the import; `nil` skips the "not in the future" check.
    let today: CalendarDate?

    /// - Throws: ``RowRejection`` naming the first date that cannot be right.
    func check(_ person: PersonFields, _ event: RecordEvent) throws(RowRejection) {
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

    private func bornBy(_ born: CalendarDate, _ eventDate: CalendarDate, _ field: String) throws(RowRejection) {
        guard eventDate < born else { return }
        throw RowRejection(field: "DateOfBirth", reason: "DateOfBirth is after \(field): the child was not yet born")
    }
}

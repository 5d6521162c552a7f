import ChildLinkModel

/// Checks that a record's dates can all be true together: the child was born by the import day
/// and before the event, the event (other than an exclusion) started by the import day, and an end
/// is not before its start. A record that fails is rejected
/// (naming the fields, never the dates: a date of birth is personal data).
struct DatePlausibility {
    /// The day of the import; `nil` skips the "not in the future" check.
    let today: CalendarDate?

    /// - Throws: ``RowRejection`` naming the first date that cannot be right.
    func check(_ person: PersonFields, _ event: RecordEvent) throws(RowRejection) {
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

package import ChildLinkModel

/// The dates each dataset's records span, as read: the earliest and latest date found in any of
/// their events (episode start, end and RHI; referral and closure; EHE start, end and visit;
/// exclusion start; CIN referral, closure and plan). A report says what it was made from, and a
/// week or period the extracts do not reach is an error or a warning rather than a page of zeros.
package struct DataCoverage: Sendable, Hashable {
    /// The span of each dataset that has records.
    package let ranges: [Dataset: DayRange]

    /// The coverage of `records`.
    package init(records: some Sequence<SourceRecord>) {
        var ranges: [Dataset: DayRange] = [:]
        for record in records {
            for date in Self.dates(of: record.event) {
                let known = ranges[record.dataset]
                ranges[record.dataset] = DayRange(
                    start: min(known?.start ?? date, date), end: max(known?.end ?? date, date))
            }
        }
        self.ranges = ranges
    }

    /// The span of the four strands together (the CIN census only enriches matching), or `nil`
    /// when none has a record.
    package var strands: DayRange? {
        let spans = Dataset.strands.compactMap { ranges[$0] }
        guard let first = spans.first else { return nil }
        return spans.dropFirst().reduce(first) {
            DayRange(start: min($0.start, $1.start), end: max($0.end, $1.end))
        }
    }

    /// What `window` (named `name`, capitalised: "The week 24/06/2019 to 30/06/2019") is, against the data.
    package func assess(_ window: DayRange, name: String) -> Assessment {
        guard let all = strands else { return .noRecords }
        let span = "the extracts run from \(all.start.uk) to \(all.end.uk)"
        guard window.start <= all.end, all.start <= window.end else {
            return .outside("\(name) is outside the extracts' dates: \(span).")
        }
        var warnings: [String] = []
        if window.start < all.start {
            warnings.append(
                "\(name) starts before the extracts' data (\(span)): nothing before "
                    + "\(all.start.uk) is counted.")
        }
        if all.end < window.end {
            warnings.append(
                "\(name) ends after the extracts' data (\(span)): nothing after \(all.end.uk) is known.")
        }
        return .covered(warnings: warnings)
    }

    /// How a report's window sits against the data.
    package enum Assessment: Hashable, Sendable {
        /// No strand has a record.
        case noRecords
        /// The window misses every strand's dates; the message names the data's span.
        case outside(String)
        /// The window meets the data; each warning says where it goes past it.
        case covered(warnings: [String])
    }

    /// The section every report ends with: each dataset's dates as read, and whether `window` has data from it.
    package func section(window: DayRange) -> ReportSection {
        let rows = Dataset.allCases.map { dataset -> [ReportCell] in
            guard let range = ranges[dataset] else {
                return [.text(dataset.title), .empty, .empty, .text("No records read")]
            }
            let meets = window.start <= range.end && range.start <= window.end
            return [
                .text(dataset.title), .date(range.start), .date(range.end),
                .text(meets ? "Yes" : "No data for this period"),
            ]
        }
        return ReportSection(
            title: "The data this report was made from",
            tables: [
                ReportTable(
                    id: "data-coverage", title: "Dates in each extract, as read",
                    columns: ["Dataset", "Earliest date", "Latest date", "Data for this period"], rows: rows,
                    note: "The earliest and latest date in any record of the dataset (starts, ends, referrals, "
                        + "closures, interviews, visits).")
            ])
    }

    /// Every date an event carries.
    static func dates(of event: RecordEvent) -> [CalendarDate] {
        switch event {
        case .missing(let episode):
            [episode.start.date] + [episode.end?.date, episode.rhiCompletedDate].compactMap { $0 }
        case .cme(let referral): [referral.referralDate] + [referral.closedDate].compactMap { $0 }
        case .ehe(let record): [record.startDate] + [record.endDate, record.lastVisitDate].compactMap { $0 }
        case .exclusion(let record): [record.startDate]
        case .socialCare(let record): record.referralDates + record.closureDates + record.protectionPlanStarts
        }
    }
}

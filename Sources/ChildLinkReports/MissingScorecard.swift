package import ChildLinkModel

/// One episode with what the Missing scorecard needs about the child.
package struct EpisodeFact: Hashable, Sendable {
    /// The child.
    package let child: ChildLinkID
    /// The record key.
    package let key: RecordKey
    /// The episode.
    package let episode: MissingEpisode
    /// The person fields on the record (falling back to the child's best-known fields).
    package let person: PersonFields

    /// Whether the child had returned by the end of `date`.
    package func hasReturned(by date: CalendarDate) -> Bool {
        episode.end.map { $0.date <= date } ?? false
    }

    /// Whole calendar days from start to return (0 = same day), when returned.
    package var daysMissing: Int? { episode.end.map { episode.start.date.days(until: $0.date) } }

    /// Age in years at the start of the episode.
    package var age: Int? { person.dateOfBirth.map { $0.age(on: episode.start.date) } }

    /// Whether CSE risk was medium or high.
    package var isCSEMediumHigh: Bool { (episode.cseRisk ?? .none) >= .medium }
}

/// The prepared data behind the Missing scorecard.
package struct MissingContext: Sendable {
    /// Every missing episode (type Missing, or blank), sorted by start: what groups 1–10 count.
    package let episodes: [EpisodeFact]
    /// Every absent episode (not where expected, no apparent risk), sorted by start: counted only in
    /// their own rows, never in groups 1–10.
    package let absences: [EpisodeFact]
    /// The working-day calendar for the RHI timeliness indicator.
    package let calendar: WorkingDayCalendar

    /// Prepares the episodes of a cohort.
    /// - Parameter calendar: working days for RHI timeliness (bank holidays with a council's changes).
    package init(cohort: Cohort, calendar: WorkingDayCalendar = WorkingDayCalendar()) {
        self.calendar = calendar
        var bestPeople: [ChildLinkID: PersonFields] = [:]
        let people = Dictionary(uniqueKeysWithValues: cohort.records.map { ($0.record.key, $0.record.person) })
        let all = cohort.episodes.map { item in
            var person = people[item.key] ?? PersonFields()
            let best = bestPeople[item.child] ?? cohort.person(of: item.child)
            bestPeople[item.child] = best
            person.dateOfBirth = person.dateOfBirth ?? best.dateOfBirth
            person.gender = person.gender ?? best.gender
            person.ethnicity = person.ethnicity ?? best.ethnicity
            return EpisodeFact(child: item.child, key: item.key, episode: item.episode, person: person)
        }
        episodes = all.filter { $0.episode.type == .missing }
        absences = all.filter { $0.episode.type == .absent }
    }

    /// The first day the extract has an episode on (missing or absent), when it has any.
    var firstDate: CalendarDate? {
        [episodes.first, absences.first].compactMap { $0?.episode.start.date }.min()
    }

    /// Missing episodes starting in `interval` (a binary search: ``episodes`` is sorted by start).
    func started(in interval: DayRange) -> ArraySlice<EpisodeFact> {
        Self.started(in: interval, episodes)
    }

    /// Absent episodes starting in `interval`.
    func absencesStarted(in interval: DayRange) -> ArraySlice<EpisodeFact> {
        Self.started(in: interval, absences)
    }

    private static func started(in interval: DayRange, _ episodes: [EpisodeFact]) -> ArraySlice<EpisodeFact> {
        let lower = firstIndex(episodes) { $0.episode.start.date >= interval.start }
        let upper = firstIndex(episodes) { $0.episode.start.date > interval.end }
        return episodes[lower..<max(lower, upper)]
    }

    private static func firstIndex(_ episodes: [EpisodeFact], where isAfter: (EpisodeFact) -> Bool) -> Int {
        var (low, high) = (0, episodes.count)
        while low < high {
            let middle = (low + high) / 2
            if isAfter(episodes[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// Whether the RHI of `fact` was completed within 72 hours of the return (the statutory
    /// guidance). The completion is recorded as a date only, so an interview completed on the day
    /// the 72 hours run out is in time.
    func rhiWithin72Hours(_ fact: EpisodeFact) -> Bool {
        guard let end = fact.episode.end, let completed = fact.episode.rhiCompletedDate else { return false }
        return completed <= end.adding(minutes: 72 * 60).date
    }

    /// Whether the RHI of `fact` was completed within 3 working days of the return.
    func rhiInTime(_ fact: EpisodeFact) -> Bool {
        guard let end = fact.episode.end, let completed = fact.episode.rhiCompletedDate else { return false }
        return calendar.isWithin(workingDays: 3, from: end.date, completed: completed)
    }
}

/// The Missing from Home and Care monthly scorecard (indicators 1.1–10.12 of the council's report).
///
/// Groups 1–10 count *missing* episodes only (`EpisodeType` Missing, or blank). Absent episodes
/// (the police "absent" category: not where expected, no apparent risk) are counted in group A
/// alone, "not counted above".
/// An episode belongs to the month it starts in. Days missing are calendar days from the start
/// date to the return date; an episode not returned by the end of the column's period is counted
/// in 4.8 (still missing) instead. Percentages are of the episodes in the period unless the title
/// says otherwise.
package enum MissingScorecard {
    typealias MissingIndicator = Indicator<MissingContext>

    /// The indicator groups.
    package static let groups: [IndicatorGroup<MissingContext>] = [
        IndicatorGroup("1", "All missing episodes", cohortIndicators("1", "all", filter: { _ in true })),
        IndicatorGroup(
            "2", "Looked After Children (by missing episodes)",
            cohortIndicators("2", "LAC", filter: { $0.episode.socialCareStatus == .lookedAfter })),
        IndicatorGroup(
            "3", "Child Sexual Exploitation (by missing episodes)",
            cohortIndicators("3", "CSE risk is known to be medium/high", filter: \.isCSEMediumHigh)),
        IndicatorGroup("4", "Number of days missing", daysMissing),
        IndicatorGroup("5", "Return Home Interviews", returnInterviews),
        IndicatorGroup("6", "Breakdown of social care status (by missing episodes)", socialCareStatus),
        IndicatorGroup("7", "Breakdown by gender (by missing episodes)", gender),
        IndicatorGroup("8", "Breakdown by ethnicity (by missing episodes)", ethnicity),
        IndicatorGroup("9", "Breakdown by age (by missing episodes)", ageBands),
        IndicatorGroup("10", "LAC – placement distance from home at the time of the episode", placementDistance),
        IndicatorGroup("N", "Need to know (CP plan or looked after, missing overnight)", needToKnow),
        IndicatorGroup("A", "Absent episodes (not counted above)", absentEpisodes),
    ]

    /// Builds the scorecard for the month `period` (columns April … month, then YTD).
    /// - Parameters:
    ///   - calendar: working days for RHI timeliness (bank holidays with a council's changes).
    ///   - annotations: the council's targets, commentary and benchmarks for the month.
    package static func build(
        cohort: Cohort, period: ReportingPeriod, generatedAt: LocalDateTime,
        calendar: WorkingDayCalendar = WorkingDayCalendar(), annotations: ScorecardAnnotations = .none
    ) -> Report {
        let context = MissingContext(cohort: cohort, calendar: calendar)
        let columns = ScorecardLayout.monthlyColumns(period)
        let lastYear = ScorecardLayout.priorYearToDate(period, dataFrom: context.firstDate)
        let tables = ScorecardLayout.tables(
            groups, context: context, columns: columns + [lastYear], idPrefix: "missing", annotations: annotations)
        let trends = trendTables(
            context: context, columns: ScorecardLayout.rollingMonths(period),
            published: columns.filter { !$0.isYearToDate })
        return Report(
            slug: "missing-scorecard-\(period.slug)", title: "Children Missing from Home/Care — monthly scorecard",
            periodLabel: "Reporting period \(period.columnLabel) (financial year to date)", generatedAt: generatedAt,
            sections: [
                ReportSection(
                    title: "Missing profile and trends", summary: profile(context: context, period: period),
                    tables: trends, summaryHasCounts: true),
                ReportSection(title: "Indicators", tables: tables),
                ReportSection(
                    title: "Definitions", tables: [ScorecardLayout.definitions(groups, id: "missing-definitions")]),
            ])
    }

    /// The headline of the month, as the council's "Missing profile (in month)" page gives it.
    static func profile(context: MissingContext, period: ReportingPeriod) -> String {
        let episodes = context.started(in: period.interval)
        let lac = episodes.filter { $0.episode.socialCareStatus == .lookedAfter }
        let cse = episodes.filter(\.isCSEMediumHigh)
        let recorded = episodes.filter { $0.episode.rhiOffered != nil }
        let offered = episodes.filter { $0.episode.rhiOffered == true }
        let accepted = offered.filter { $0.episode.rhiAccepted == true }
        func percent(_ part: Int, _ whole: Int) -> String {
            whole == 0 ? "–" : "\(Int((Double(part) * 100 / Double(whole)).rounded()))%"
        }
        return "In \(period.columnLabel): \(episodes.count) episodes (\(lac.count) LAC, \(cse.count) at CSE risk) "
            + "involving \(episodes.distinctCount(\.child)) children (\(lac.distinctCount(\.child)) LAC, "
            + "\(cse.distinctCount(\.child)) at CSE risk). \(percent(offered.count, recorded.count)) offered a Return "
            + "Home Interview; \(percent(accepted.count, offered.count)) of those offered accepted."
    }

    /// The trend charts of the council's report, drawn from the indicators themselves over the
    /// rolling twelve months `columns` (months before the extracts begin are left out of the line).
    /// A month also in the indicator tables (`published`) repeats their count.
    static func trendTables(context: MissingContext, columns: [ScorecardColumn], published: [ScorecardColumn])
        -> [ReportTable]
    {
        let specs: [(String, String, [(String, String)])] = [
            (
                "missing-trend-episodes", "No. of episodes",
                [("No. episodes (all)", "1.1"), ("No. episodes (LAC)", "2.1")]
            ),
            (
                "missing-trend-children", "No. of children",
                [("No. children (all)", "1.2"), ("No. children (LAC)", "2.2")]
            ),
            (
                "missing-trend-repeat", "No. children with 3+ episodes in period",
                [("3+ episodes (all)", "1.3"), ("3+ episodes (LAC)", "2.3")]
            ),
            (
                "missing-trend-rhi", "Return Home Interviews",
                [
                    ("Offered", "5.1"), ("Accepted", "5.2"), ("Completed in 3 working days", "5.3a"),
                    ("Not completed in time", "5.3b"),
                ]
            ),
        ]
        let indicators = Dictionary(uniqueKeysWithValues: groups.flatMap(\.indicators).map { ($0.id, $0) })
        // Where each indicator's row is in the indicator tables: a trend cell repeats that count, so
        // it is hidden wherever the indicator table hides it (its secondary suppression included).
        let placeOf = Dictionary(
            uniqueKeysWithValues: groups.flatMap { group in
                group.indicators.enumerated().map { row, indicator in (indicator.id, ("missing-\(group.id)", row)) }
            })
        let publishedColumn = Dictionary(uniqueKeysWithValues: published.enumerated().map { ($1.label, $0 + 2) })
        return specs.map { id, title, rows in
            let mirrored = rows.enumerated().flatMap { row, spec in
                let (table, sourceRow) = placeOf[spec.1]!
                return columns.enumerated().compactMap { column, month -> DerivedCell? in
                    publishedColumn[month.label].map { source in
                        DerivedCell(
                            position: CellPosition(row: row, column: column + 1),
                            sources: [CellPosition(row: sourceRow, column: source)], sourceTable: table)
                    }
                }
            }
            return ReportTable(
                id: id, title: title, columns: ["Measure"] + columns.map(\.label),
                rows: rows.map { label, indicatorID in
                    [.text(label)]
                        + columns.map { month in
                            guard let first = context.firstDate, first <= month.interval.end else { return .empty }
                            return .count(indicators[indicatorID]!.value(in: context, over: month.interval).count)
                        }
                },
                chart: .trend, derivedCells: mirrored)
        }
    }

    // MARK: Groups

    private static func cohortIndicators(
        _ group: String, _ label: String, filter: @escaping @Sendable (EpisodeFact) -> Bool
    ) -> [MissingIndicator] {
        [
            MissingIndicator(
                "\(group).1", "Number of missing episodes – \(label)",
                definition:
                    "Missing episodes (type Missing or blank; absent episodes are group A) starting in the period "
                    + "(\(label))."
            ) { context, interval in
                IndicatorValue(context.started(in: interval).filter(filter).count)
            },
            MissingIndicator(
                "\(group).2", "Involving: number of individual children – \(label)",
                definition: "Distinct children with such an episode starting in the period."
            ) { context, interval in
                IndicatorValue(context.started(in: interval).filter(filter).distinctCount(\.child))
            },
            MissingIndicator(
                "\(group).3", "Number of children with 3 or more episodes in the period",
                definition: "Children with three or more such episodes starting in the period."
            ) { context, interval in
                IndicatorValue(context.started(in: interval).filter(filter).keysOccurring(atLeast: 3, \.child))
            },
        ]
    }

    /// Whether `fact` is a "need to know" episode: a child on a child protection plan or looked
    /// after, missing overnight (returned on a later day than they went missing, or not returned).
    static func isNeedToKnow(_ fact: EpisodeFact) -> Bool {
        guard [.childProtection, .lookedAfter].contains(fact.episode.socialCareStatus) else { return false }
        return fact.episode.end.map { $0.date > fact.episode.start.date } ?? true
    }

    private static let needToKnow: [MissingIndicator] = [
        MissingIndicator(
            "N.1", "Need to know episodes",
            definition: "Missing episodes starting in the period of a child on a child protection plan or looked "
                + "after (status at the time) who was missing overnight: returned on a later day than they went "
                + "missing, or not returned. The council's 'need to know' alert to senior managers and the DCS."
        ) { context, interval in
            IndicatorValue(context.started(in: interval).filter(isNeedToKnow).count)
        },
        MissingIndicator(
            "N.2", "Involving: number of individual children (need to know)",
            definition: "Distinct children with a need to know episode starting in the period."
        ) { context, interval in
            IndicatorValue(context.started(in: interval).filter(isNeedToKnow).distinctCount(\.child))
        },
    ]

    private static let absentEpisodes: [MissingIndicator] = [
        MissingIndicator(
            "A.1", "Absent episodes, not counted above",
            definition: "Episodes of type Absent (not where expected, no apparent risk) starting in the period; "
                + "not in groups 1–10."
        ) { context, interval in
            IndicatorValue(context.absencesStarted(in: interval).count)
        },
        MissingIndicator(
            "A.2", "Involving: number of individual children (absent)",
            definition: "Distinct children with an absent episode starting in the period."
        ) { context, interval in
            IndicatorValue(context.absencesStarted(in: interval).distinctCount(\.child))
        },
    ]

    private static func share(
        _ id: String, _ title: String, definition: String = "", _ matches: @escaping @Sendable (EpisodeFact) -> Bool
    ) -> MissingIndicator {
        MissingIndicator(
            id, title, definition: definition.isEmpty ? "Episodes starting in the period; % of 1.1." : definition
        ) {
            context, interval in
            let episodes = context.started(in: interval)
            return IndicatorValue(episodes.filter(matches).count, of: episodes.count)
        }
    }

    /// The calendar months `interval` covers, each cut to the interval.
    static func months(of interval: DayRange) -> [DayRange] {
        var months: [DayRange] = []
        var start = interval.start
        while start <= interval.end {
            let monthEnd = ReportingPeriod.monthInterval(year: start.year, month: start.month).end
            months.append(DayRange(start: start, end: min(monthEnd, interval.end)))
            start = monthEnd.adding(days: 1)
        }
        return months
    }

    /// Episodes starting in each month of `interval` that had returned by that month's end and
    /// match `days`, summed over the months: the year to date is the sum of the months, as in the seed.
    private static func returnedCount(_ context: MissingContext, _ interval: DayRange, _ days: @escaping (Int) -> Bool)
        -> IndicatorValue
    {
        let count = months(of: interval).reduce(0) { total, month in
            total + context.started(in: month).filter { $0.hasReturned(by: month.end) && days($0.daysMissing!) }.count
        }
        return IndicatorValue(count, of: context.started(in: interval).count)
    }

    private static let daysMissing: [MissingIndicator] = {
        let labels = ["0 (same day return)", "1 day", "2 days", "3 days", "4 days", "5 days"]
        var indicators = labels.enumerated().map { index, label in
            MissingIndicator(
                "4.\(index + 1)", label,
                definition: "Returned by the end of the month it started in, after \(index) days; year to date is "
                    + "the sum of the months; % of 1.1."
            ) { context, interval in
                returnedCount(context, interval) { $0 == index }
            }
        }
        indicators.append(
            MissingIndicator(
                "4.7", "More than 5 days",
                definition: "Returned by the end of the month it started in, after 6+ days; year to date is the sum "
                    + "of the months; % of 1.1."
            ) { context, interval in
                returnedCount(context, interval) { $0 > 5 }
            })
        indicators.append(
            MissingIndicator(
                "4.8", "Still missing (as at the end of the period)",
                definition: "Episodes starting in the month and not returned by its end; % of 1.1. No year-to-date "
                    + "value (as in the seed).",
                pointInTime: true
            ) { context, interval in
                let episodes = context.started(in: interval)
                return IndicatorValue(episodes.filter { !$0.hasReturned(by: interval.end) }.count, of: episodes.count)
            })
        return indicators
    }()

    private static let returnInterviews: [MissingIndicator] = [
        MissingIndicator(
            "5.1", "RHI appropriate and offered (not inc. No & N/A)",
            definition: "Episodes with RHI offered = Yes; % of episodes with Yes or No recorded."
        ) { context, interval in
            let recorded = context.started(in: interval).filter { $0.episode.rhiOffered != nil }
            return IndicatorValue(recorded.filter { $0.episode.rhiOffered == true }.count, of: recorded.count)
        },
        MissingIndicator(
            "5.2", "RHI accepted (of those offered, not inc. N/A)",
            definition: "Offered and accepted; % of 5.1."
        ) { context, interval in
            let offered = context.started(in: interval).filter { $0.episode.rhiOffered == true }
            return IndicatorValue(offered.filter { $0.episode.rhiAccepted == true }.count, of: offered.count)
        },
        MissingIndicator(
            "5.3a", "RHI completed in 3 working days (of those accepted)",
            definition: "Completed within 3 working days of the return (weekends and England & Wales bank holidays "
                + "excluded); % of 5.2."
        ) { context, interval in
            let accepted = context.started(in: interval).filter {
                $0.episode.rhiOffered == true && $0.episode.rhiAccepted == true
            }
            return IndicatorValue(accepted.filter(context.rhiInTime).count, of: accepted.count)
        },
        MissingIndicator(
            "5.3b", "RHI not completed in 3 working days (of those accepted)",
            definition: "5.2 less 5.3a; % of 5.2."
        ) { context, interval in
            let accepted = context.started(in: interval).filter {
                $0.episode.rhiOffered == true && $0.episode.rhiAccepted == true
            }
            return IndicatorValue(accepted.filter { !context.rhiInTime($0) }.count, of: accepted.count)
        },
        MissingIndicator(
            "5.4", "RHI completed within 72 hours of return (of those accepted)",
            definition: "The statutory measure, beside the council's 5.3a: completed no later than the day 72 hours "
                + "after the return ends (the completion is recorded as a date); % of 5.2. Not in the seed."
        ) { context, interval in
            let accepted = context.started(in: interval).filter {
                $0.episode.rhiOffered == true && $0.episode.rhiAccepted == true
            }
            return IndicatorValue(accepted.filter(context.rhiWithin72Hours).count, of: accepted.count)
        },
    ]

    private static let socialCareStatus: [MissingIndicator] = [
        share("6.1", "Early Help") { $0.episode.socialCareStatus == .earlyHelp },
        share("6.2", "CIN") { $0.episode.socialCareStatus == .childInNeed },
        share("6.3", "CPP") { $0.episode.socialCareStatus == .childProtection },
        share("6.4", "LAC") { $0.episode.socialCareStatus == .lookedAfter },
        share("6.5", "Care leaver") { $0.episode.socialCareStatus == .careLeaver },
        share("6.6", "Not a client", definition: "Not a client, including other LA children; % of 1.1.") {
            [.notAClient, .otherLocalAuthority].contains($0.episode.socialCareStatus)
        },
        share("6.7", "Of those 'Not a client', other local authority") {
            $0.episode.socialCareStatus == .otherLocalAuthority
        },
    ]

    private static let gender: [MissingIndicator] = [
        share("7.1", "Female") { $0.person.gender == .female },
        share("7.2", "Male") { $0.person.gender == .male },
        share("7.3", "Other or not recorded") { ![.female, .male].contains($0.person.gender) },
    ]

    /// The ethnicity rows with the seed's references and `A1 – …` labels (seed 002, 8.1–8.15; 8.16 is
    /// Total BME), then the DfE codes the seed does not list (8.17–8.21). The seeds do not print
    /// 8.2, 8.4 or 8.13; they are taken to be A2, A4 and D3, the codes between their neighbours.
    static let ethnicityRows: [(ref: String, label: String, code: String)] = [
        ("8.1", "A1", "WBRI"), ("8.2", "A2", "WIRI"), ("8.3", "A3", "WOTH"), ("8.4", "A4", "WIRT"),
        ("8.5", "A5", "WROM"), ("8.6", "B1", "MWBC"), ("8.7", "B2", "MWBA"), ("8.8", "B3", "MWAS"),
        ("8.9", "B4", "MOTH"), ("8.10", "C2", "APKN"), ("8.11", "C4", "AOTH"), ("8.12", "D2", "BAFR"),
        ("8.13", "D3", "BOTH"), ("8.14", "E2", "OOTH"), ("8.15", "E4", "NOBT"),
        ("8.17", "C1", "AIND"), ("8.18", "C3", "ABAN"), ("8.19", "D1", "BCRB"), ("8.20", "E1", "CHNE"),
        ("8.21", "E3", "REFU"),
    ]

    private static let ethnicity: [MissingIndicator] = {
        let rows = ethnicityRows.map { row in
            guard row.code != "NOBT" else {
                return share(row.ref, "E4 - Not obtained / recorded") {
                    $0.person.ethnicity == nil || $0.person.ethnicity?.code == "NOBT"
                        || $0.person.ethnicity?.isKnown == false
                }
            }
            return share(row.ref, "\(row.label) - \(EthnicityCode.descriptions[row.code]!)") {
                $0.person.ethnicity?.code == row.code
            }
        }
        let totalBME = share("8.16", "Total BME", definition: "All but White British, refused and not obtained.") {
            $0.person.ethnicity?.isBME == true
        }
        return Array(rows.prefix(15)) + [totalBME] + rows.dropFirst(15)
    }()

    private static let ageBands: [MissingIndicator] = {
        var indicators = [share("9.1", "Under 10yrs") { ($0.age ?? 99) < 10 }]
        for (offset, age) in (10...16).enumerated() {
            indicators.append(share("9.\(offset + 2)", "\(age)yrs") { $0.age == age })
        }
        indicators.append(share("9.9", "17+yrs") { ($0.age ?? 0) >= 17 })
        indicators.append(share("9.10", "Date of birth not recorded") { $0.age == nil })
        return indicators
    }()

    private static let placementDistance: [MissingIndicator] = {
        func lacShare(_ id: String, _ title: String, _ matches: @escaping @Sendable (Double?) -> Bool)
            -> MissingIndicator
        {
            MissingIndicator(id, title, definition: "LAC episodes starting in the period; % of 2.1.") {
                context, interval in
                let lac = context.started(in: interval).filter { $0.episode.socialCareStatus == .lookedAfter }
                return IndicatorValue(lac.filter { matches($0.episode.placementDistanceMiles) }.count, of: lac.count)
            }
        }
        var indicators = [lacShare("10.1", "10 miles or under") { $0.map { $0 <= 10 } ?? false }]
        for band in 1...9 {
            let low = band * 10
            indicators.append(
                lacShare("10.\(band + 1)", "\(low + 1)-\(low + 10) miles") {
                    $0.map { $0 > Double(low) && $0 <= Double(low + 10) } ?? false
                })
        }
        indicators.append(lacShare("10.11", "101+ miles") { $0.map { $0 > 100 } ?? false })
        indicators.append(lacShare("10.12", "Not recorded") { $0 == nil })
        return indicators
    }()
}

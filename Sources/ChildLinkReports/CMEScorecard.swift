package import ChildLinkModel

/// One CME referral with what the scorecard needs about the child and family.
package struct CMEFact: Hashable, Sendable {
    /// The child.
    package let child: ChildLinkID
    /// The record key.
    package let key: RecordKey
    /// The referral.
    package let referral: CMEReferral
    /// The person fields (record's own, falling back to the child's best-known).
    package let person: PersonFields
    /// Whether the child had an earlier CME referral closed before this one opened, or the
    /// referral says it has previous episodes (a reopened case).
    package let hasPreviousEpisode: Bool

    /// The family: the FamilyID, or the child alone.
    package var family: String { referral.familyID.map { "F:\($0)" } ?? "C:\(child)" }

    /// Whether the case was open at the end of `date`.
    package func isOpen(at date: CalendarDate) -> Bool {
        referral.referralDate <= date && (referral.closedDate.map { $0 > date } ?? true)
    }

    /// Whole months the case had been open at `date`.
    package func monthsOpen(at date: CalendarDate) -> Int {
        let start = referral.referralDate
        var months = (date.year - start.year) * 12 + date.month - start.month
        if date.day < start.day { months -= 1 }
        return max(months, 0)
    }

    /// The year group at `date`: worked out from the date of birth (1 September cut-off), and as
    /// recorded (``yearGroupLabel``) only without one.
    package func yearGroup(at date: CalendarDate) -> String {
        guard let dob = person.dateOfBirth else { return yearGroupLabel }
        let year = SchoolYear.nationalCurriculumYear(dateOfBirth: dob, on: date)
        switch year {
        case ..<0: return "Below reception"
        case 0: return "Reception"
        case 1...11: return "Year \(year)"
        default: return "Year 12 or above"
        }
    }

    /// The year groups in school order: Reception, Year 1 … Year 11.
    package static let schoolOrder = ["Reception"] + (1...11).map { "Year \($0)" }

    /// The year group as recorded: `Year 7`, `Reception`, or `Not recorded`.
    package var yearGroupLabel: String {
        guard let raw = referral.yearGroup?.uppercased().filter({ !$0.isWhitespace }), !raw.isEmpty else {
            return "Not recorded"
        }
        if raw == "R" || raw == "REC" || raw == "RECEPTION" { return "Reception" }
        let digits = raw.filter(\.isNumber)
        return Int(digits).map { "Year \($0)" } ?? raw
    }
}

/// The prepared data behind the CME scorecard.
package struct CMEContext: Sendable {
    /// Every referral.
    package let referrals: [CMEFact]

    /// Prepares the referrals of a cohort.
    package init(cohort: Cohort) {
        let items = cohort.cmeReferrals
        let byChild = Dictionary(grouping: items, by: \.child)
        referrals = items.map { item in
            var person = item.record.person
            let best = cohort.person(of: item.child)
            person.dateOfBirth = person.dateOfBirth ?? best.dateOfBirth
            person.gender = person.gender ?? best.gender
            person.ethnicity = person.ethnicity ?? best.ethnicity
            person.postcode = person.postcode ?? best.postcode
            let earlier = (byChild[item.child] ?? []).contains { other in
                other.record.key != item.record.key && other.referral.referralDate < item.referral.referralDate
                    && (other.referral.closedDate.map { $0 <= item.referral.referralDate } ?? false)
            }
            return CMEFact(
                child: item.child, key: item.record.key, referral: item.referral, person: person,
                hasPreviousEpisode: earlier || (item.referral.previousEpisodes ?? 0) > 0)
        }.sorted { $0.key < $1.key }
    }

    /// Referrals opened in `interval`.
    func opened(in interval: DayRange) -> [CMEFact] {
        referrals.filter { interval.contains($0.referral.referralDate) }
    }

    /// Referrals opened in `interval`, one per child (the latest): the child's gender, locality, phase,
    /// ethnicity and need in the new-referral breakdowns, so that each breakdown's rows add up to 1a.
    func newlyReferred(in interval: DayRange) -> [CMEFact] {
        latestPerChild(opened(in: interval))
    }

    /// Referrals open at the end of `interval`, one per child (the latest).
    func current(at interval: DayRange) -> [CMEFact] {
        latestPerChild(referrals.filter { $0.isOpen(at: interval.end) })
    }

    /// Each child's latest referral of `facts` (by referral date, then record key).
    private func latestPerChild(_ facts: [CMEFact]) -> [CMEFact] {
        Dictionary(grouping: facts, by: \.child).values.map {
            $0.max { ($0.referral.referralDate, $0.key) < ($1.referral.referralDate, $1.key) }!
        }
        .sorted { $0.key < $1.key }
    }

    /// The distinct non-empty values of `label` across all referrals, sorted, with `Not recorded` last.
    /// With `order`, listed values come first in that order, the rest alphabetically after them.
    func categories(_ label: (CMEFact) -> String, order: [String] = []) -> [String] {
        let values = Set(referrals.map(label))
        let rank = { (value: String) in order.firstIndex(of: value) ?? order.count }
        return values.filter { $0 != "Not recorded" }.sorted { (rank($0), $0) < (rank($1), $1) }
            + (values.contains("Not recorded") ? ["Not recorded"] : [])
    }
}

/// The Children Missing Education quarterly scorecard.
///
/// New referrals are those opened in the quarter; current cases are those open at its end (the
/// year-to-date column is left blank for them); resolved cases are those closed in the quarter.
package enum CMEScorecard {
    typealias CMEIndicator = Indicator<CMEContext>

    /// The indicator groups; the locality, outcome, need and year-group rows come from the data, the
    /// locality rows from the council's postcode sectors when `localities` has them.
    package static func groups(_ context: CMEContext, localities: ScorecardAnnotations = .none)
        -> [IndicatorGroup<CMEContext>]
    {
        [
            IndicatorGroup("1", "New CME referrals", newReferrals),
            IndicatorGroup("2", "New referrals by gender", byGender("2", current: false)),
            localityGroup("3", "New referrals by locality", context, current: false, localities),
            breakdown("4", "New referrals by school phase", context, current: false, label: phase),
            breakdown(
                "5", "New referrals by ethnicity", context, current: false, label: ethnicity,
                order: MissingScorecard.ethnicityRows.compactMap { EthnicityCode.descriptions[$0.code] }),
            IndicatorGroup(
                "6", "Active cases at the end of the period",
                [
                    CMEIndicator(
                        "6", "Total number of active cases at the end of the period",
                        definition: "Children with a CME case open at the period end.", pointInTime: true
                    ) { context, interval in
                        IndicatorValue(context.current(at: interval).count)
                    }
                ]),
            resolved(context),
            IndicatorGroup("8", "Open cases removed from roll with the local authority's authority", removedFromRoll),
            IndicatorGroup("9", "Current cases by gender", byGender("9", current: true)),
            localityGroup("10", "Current cases by locality", context, current: true, localities),
            breakdown("11", "Current cases by school phase", context, current: true, label: phase),
            IndicatorGroup("12", "How long current cases have been open", openDuration),
            IndicatorGroup(
                "13", "Free school meals",
                [
                    CMEIndicator(
                        "13", "Current cases eligible for free school meals",
                        definition: "Children with a current case at the period end whose FSM eligibility is recorded "
                            + "as Yes; % of the current children (as the seed's CME scorecard).",
                        pointInTime: true
                    ) { context, interval in
                        let current = context.current(at: interval)
                        return IndicatorValue(
                            current.filter { $0.referral.fsmEligible == true }.distinctCount(\.child),
                            of: current.distinctCount(\.child))
                    }
                ]),
            yearGroups(context),
            IndicatorGroup("15", "Current cases by family size", familySize),
            breakdown("16", "New referrals by presenting need", context, current: false, label: need),
            IndicatorGroup("17", "New referrals open to social care or Early Help", openTo),
            breakdown(
                "18", "Current cases by ethnicity", context, current: true, label: ethnicity,
                order: MissingScorecard.ethnicityRows.compactMap { EthnicityCode.descriptions[$0.code] }),
        ]
    }

    /// Builds the scorecard for the quarter `period` (Q1 … quarter, YTD, then the two financial
    /// years before, as the seed has them), a rolling trend chart of new referrals and active
    /// cases over the last four quarters, with the council's
    /// targets, commentary and benchmarks when it gives them.
    package static func build(
        cohort: Cohort, period: ReportingPeriod, generatedAt: LocalDateTime, annotations: ScorecardAnnotations = .none
    ) -> Report {
        let context = CMEContext(cohort: cohort)
        let groups = groups(context, localities: annotations)
        let columns = ScorecardLayout.quarterlyColumns(period)
        let firstDate = context.referrals.map(\.referral.referralDate).min()
        let priorYears = ScorecardLayout.priorFinancialYears(period, dataFrom: firstDate)
        let trend = ScorecardLayout.trendTable(
            id: "cme-trend", title: "New referrals and active cases, last 12 months",
            rows: [("New referrals (children)", "1a"), ("Active cases at the quarter end", "6")], groups: groups,
            context: context, columns: ScorecardLayout.rollingQuarters(period),
            published: columns.filter { !$0.isYearToDate }, idPrefix: "cme", dataFrom: firstDate)
        return Report(
            slug: "cme-scorecard-\(period.slug)", title: "Children Missing Education — quarterly scorecard",
            periodLabel: "Reporting period \(period.columnLabel) (financial year to date)", generatedAt: generatedAt,
            sections: [
                ReportSection(
                    title: "Indicators",
                    tables: notRecorded(
                        ScorecardLayout.tables(
                            groups, context: context, columns: columns + priorYears, idPrefix: "cme",
                            directionOfTravel: true, annotations: annotations),
                        context: context, valueColumns: columns.count + priorYears.count)),
                ReportSection(title: "Trends", tables: [trend]),
                ReportSection(
                    title: "Definitions", tables: [ScorecardLayout.definitions(groups, id: "cme-definitions")]),
            ])
    }

    /// The tables with indicator 8's figures written "not recorded" when no referral in the
    /// extracts records whether the child was removed from roll (the field is optional): a count of
    /// 0 would say no child was, which nobody knows.
    static func notRecorded(_ tables: [ReportTable], context: CMEContext, valueColumns: Int) -> [ReportTable] {
        let recorded = context.referrals.contains { $0.referral.removedFromRoll != nil }
        return ScorecardLayout.notRecorded(tables, indicators: recorded ? [] : ["8"], valueColumns: valueColumns)
    }

    private static let removedFromRoll: [CMEIndicator] = [
        CMEIndicator(
            "8", "Open cases where the school was authorised by the local authority to remove the child from roll",
            definition: "Children with a CME case open at the period end whose referral records RemovedFromRoll = Yes "
                + "(an optional field: 'not recorded' when no referral in the extracts has it).",
            pointInTime: true
        ) { context, interval in
            IndicatorValue(context.current(at: interval).filter { $0.referral.removedFromRoll == true }.count)
        }
    ]

    // MARK: Labels

    static let locality: @Sendable (CMEFact) -> String = { fact in
        guard let text = fact.referral.locality, !text.isEmpty else { return "Not recorded" }
        return text
    }
    static let phase: @Sendable (CMEFact) -> String = { $0.referral.phase?.rawValue ?? "Not recorded" }
    static let ethnicity: @Sendable (CMEFact) -> String = { $0.person.ethnicity?.label ?? "Not recorded" }
    static let need: @Sendable (CMEFact) -> String = { fact in
        guard let text = fact.referral.presentingNeed, !text.isEmpty else { return "Not recorded" }
        return text.uppercased()
    }

    // MARK: Groups

    private static let newReferrals: [CMEIndicator] = [
        CMEIndicator(
            "1a", "New referrals: number of children",
            definition: "Children with a CME referral opened in the period."
        ) { context, interval in
            IndicatorValue(context.opened(in: interval).distinctCount(\.child))
        },
        CMEIndicator(
            "1a(ii)", "New referrals: number of families",
            definition: "Families (FamilyID; a child without one is a family of one) with a referral opened."
        ) { context, interval in
            IndicatorValue(context.opened(in: interval).distinctCount(\.family))
        },
        CMEIndicator(
            "1b", "New referrals who had previous CME episode(s)",
            definition: "Of 1a, children with an earlier closed CME episode (recorded or in the data); % of 1a."
        ) { context, interval in
            let opened = context.opened(in: interval)
            return IndicatorValue(
                opened.filter(\.hasPreviousEpisode).distinctCount(\.child), of: opened.distinctCount(\.child))
        },
    ]

    private static func population(_ context: CMEContext, _ interval: DayRange, current: Bool) -> [CMEFact] {
        current ? context.current(at: interval) : context.newlyReferred(in: interval)
    }

    private static func byGender(_ group: String, current: Bool) -> [CMEIndicator] {
        [("Male", [Gender.male]), ("Female", [.female]), ("Other or not recorded", [.other, .unknown])].enumerated().map
        {
            index, item in
            CMEIndicator(
                "\(group).\(index + 1)", item.0,
                definition: current ? "Current cases at the period end." : "New referrals.",
                pointInTime: current
            ) { context, interval in
                let people = population(context, interval, current: current)
                let count = people.filter { item.1.contains($0.person.gender ?? .unknown) }.distinctCount(\.child)
                return IndicatorValue(count, of: people.distinctCount(\.child))
            }
        }
    }

    private static func breakdown(
        _ group: String, _ title: String, _ context: CMEContext, current: Bool,
        label: @escaping @Sendable (CMEFact) -> String, order: [String] = []
    ) -> IndicatorGroup<CMEContext> {
        let indicators = context.categories(label, order: order).enumerated().map { index, category in
            CMEIndicator(
                "\(group).\(index + 1)", category,
                definition: (current ? "Current cases at the period end" : "New referrals in the period")
                    + " in this category.",
                pointInTime: current
            ) { context, interval in
                let people = population(context, interval, current: current)
                return IndicatorValue(
                    people.filter { label($0) == category }.distinctCount(\.child), of: people.distinctCount(\.child))
            }
        }
        return IndicatorGroup(group, title, indicators)
    }

    /// The rows of a locality group: from the council's postcode sectors when it gives them (each
    /// area's total, when ``ScorecardAnnotations/areaSubtotals``, then its sub-localities, then no
    /// locality or outside the area), else the locality recorded on the referral.
    private static func localityGroup(
        _ group: String, _ title: String, _ context: CMEContext, current: Bool, _ localities: ScorecardAnnotations
    ) -> IndicatorGroup<CMEContext> {
        guard !localities.localities.isEmpty else {
            return breakdown(group, title, context, current: current, label: locality)
        }
        let map = localities.localities
        let outside = "No locality registered / outside area"
        let label: @Sendable (CMEFact) -> String = { fact in
            fact.person.postcode.flatMap { map[$0.sector]?.label } ?? outside
        }
        let share = { (id: String, name: String, labels: Set<String>) in
            CMEIndicator(
                id, name,
                definition: (current ? "Current cases at the period end" : "New referrals in the period")
                    + " whose postcode's sector is in \(name) (the council's localities file); % of all.",
                pointInTime: current
            ) { context, interval in
                let people = population(context, interval, current: current)
                return IndicatorValue(
                    people.filter { labels.contains(label($0)) }.distinctCount(\.child),
                    of: people.distinctCount(\.child))
            }
        }
        var indicators: [CMEIndicator] = []
        var number = 0
        let areas = localities.localityOrder.map(\.area).reduce(into: [String]()) {
            if !$0.contains($1) { $0.append($1) }
        }
        for area in areas {
            let members = localities.localityOrder.filter { $0.area == area }
            if localities.areaSubtotals {
                indicators.append(share("\(group) \(area)", "\(area) (all)", Set(members.map(\.label))))
            }
            for member in members {
                number += 1
                indicators.append(share("\(group).\(number)", member.label, [member.label]))
            }
        }
        indicators.append(share("\(group).\(number + 1)", outside, [outside]))
        return IndicatorGroup(group, title, indicators)
    }

    /// Group 14: current cases by year group at the period end, in school order (Reception,
    /// Year 1 … Year 11), then anything else, then not recorded.
    private static func yearGroups(_ context: CMEContext) -> IndicatorGroup<CMEContext> {
        let recorded = Set(context.referrals.filter { $0.person.dateOfBirth == nil }.map(\.yearGroupLabel))
        let others = recorded.subtracting(CMEFact.schoolOrder + ["Not recorded"]).sorted()
        let categories =
            CMEFact.schoolOrder + ["Below reception", "Year 12 or above"] + others
            + (recorded.contains("Not recorded") ? ["Not recorded"] : [])
        let indicators = categories.enumerated().map { index, category in
            CMEIndicator(
                "14.\(index + 1)", category,
                definition: "Children with a current case at the period end in this year group, worked out from the "
                    + "date of birth at the period end (1 September cut-off; the recorded year group only without "
                    + "one); % of the current children.",
                pointInTime: true
            ) { context, interval in
                let current = context.current(at: interval)
                return IndicatorValue(
                    current.filter { $0.yearGroup(at: interval.end) == category }.distinctCount(\.child),
                    of: current.distinctCount(\.child))
            }
        }
        return IndicatorGroup("14", "Current cases by year group", indicators)
    }

    private static func resolved(_ context: CMEContext) -> IndicatorGroup<CMEContext> {
        let outcome: @Sendable (CMEFact) -> String = { fact in
            guard let text = fact.referral.closureOutcome, !text.isEmpty else { return "Not recorded" }
            return text.uppercased()
        }
        let closed = context.referrals.filter { $0.referral.closedDate != nil }
        let outcomes = Set(closed.map(outcome)).sorted()
        var indicators = [
            CMEIndicator(
                "7", "Total number of resolved cases in the period",
                definition: "Referrals closed in the period."
            ) { context, interval in
                IndicatorValue(
                    context.referrals.filter { $0.referral.closedDate.map(interval.contains) ?? false }.count)
            }
        ]
        for (index, name) in outcomes.enumerated() {
            indicators.append(
                CMEIndicator("7.\(index + 1)", name, definition: "Closed in the period with this outcome; % of 7.") {
                    context, interval in
                    let closed = context.referrals.filter { $0.referral.closedDate.map(interval.contains) ?? false }
                    return IndicatorValue(closed.filter { outcome($0) == name }.count, of: closed.count)
                })
        }
        return IndicatorGroup("7", "Resolved cases by outcome", indicators)
    }

    private static let openDuration: [CMEIndicator] = [
        ("<= 6 months", 0...6), ("Between 7 and 12 months", 7...12), ("Between 13 and 18 months", 13...18),
        ("Above 18 months", 19...Int.max),
    ].enumerated().map { index, band in
        CMEIndicator(
            "12.\(index + 1)", band.0, definition: "Current cases by whole months open at the period end.",
            pointInTime: true
        ) { context, interval in
            let current = context.current(at: interval)
            return IndicatorValue(
                current.filter { band.1.contains($0.monthsOpen(at: interval.end)) }.count, of: current.count)
        }
    }

    private static let familySize: [CMEIndicator] = {
        let bands: [(String, ClosedRange<Int>)] = [
            ("Single child", 1...1), ("Two siblings", 2...2), ("Three siblings", 3...3), ("Four siblings", 4...4),
            ("Five siblings and above", 5...Int.max),
        ]
        var indicators = bands.enumerated().map { index, band in
            CMEIndicator(
                "15.\(index + 1)", band.0, definition: "Families with this many children open at the period end.",
                pointInTime: true
            ) { context, interval in
                let sizes = Dictionary(grouping: context.current(at: interval), by: \.family).values.map(\.count)
                return IndicatorValue(sizes.filter(band.1.contains).count, of: sizes.count)
            }
        }
        indicators.append(
            CMEIndicator(
                "15.6", "Total number of families", definition: "Families with a child open at the period end.",
                pointInTime: true
            ) { context, interval in
                IndicatorValue(context.current(at: interval).distinctCount(\.family))
            })
        return indicators
    }()

    private static let openTo: [CMEIndicator] = [
        CMEIndicator(
            "17.1", "Open to Children's Social Care",
            definition: "Children newly referred whose referral is open to social care; % of the children newly "
                + "referred (1a)."
        ) {
            context, interval in
            let opened = context.opened(in: interval)
            return IndicatorValue(
                opened.filter { $0.referral.openToSocialCare == true }.distinctCount(\.child),
                of: opened.distinctCount(\.child))
        },
        CMEIndicator(
            "17.2", "Open to Early Help",
            definition: "Children newly referred whose referral is open to Early Help; % of the children newly "
                + "referred (1a)."
        ) {
            context, interval in
            let opened = context.opened(in: interval)
            return IndicatorValue(
                opened.filter { $0.referral.openToEarlyHelp == true }.distinctCount(\.child),
                of: opened.distinctCount(\.child))
        },
    ]
}

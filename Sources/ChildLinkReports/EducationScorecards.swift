package import ChildLinkModel

/// National curriculum year groups from a date of birth (the academic year starts 1 September).
package enum SchoolYear {
    /// The NC year on `date`: 0 = Reception, 1–6 primary, 7–11 secondary, 12+ post-16; negative before.
    package static func nationalCurriculumYear(dateOfBirth: CalendarDate, on date: CalendarDate) -> Int {
        ReportingPeriod.academicYearStart(of: date) - ReportingPeriod.academicYearStart(of: dateOfBirth) - 5
    }
}

/// One EHE spell with the child's person fields.
package struct EHEFact: Hashable, Sendable {
    /// The child.
    package let child: ChildLinkID
    /// The record.
    package let ehe: EHERecord
    /// Best-known person fields.
    package let person: PersonFields

    /// Whether the spell was current at the end of `date`.
    package func isCurrent(at date: CalendarDate) -> Bool {
        ehe.startDate <= date && (ehe.endDate.map { $0 > date } ?? true)
    }

    /// Whether the child is in NC year 11 or above on `date` (false when the date of birth is unknown).
    func isYear11OrAbove(at date: CalendarDate) -> Bool {
        person.dateOfBirth.map { SchoolYear.nationalCurriculumYear(dateOfBirth: $0, on: date) >= 11 } ?? false
    }

    /// Whether the spell ended in `interval` with an end reason containing any of `words`.
    func ended(in interval: DayRange, reasonContaining words: [String]) -> Bool {
        guard let end = ehe.endDate, interval.contains(end) else { return false }
        let reason = (ehe.endReason ?? "").lowercased()
        return words.contains { reason.contains($0) }
    }
}

/// The prepared data behind the EHE summary.
package struct EHEContext: Sendable {
    /// Every EHE spell (records of home education; an officer's involvement is not one).
    package let spells: [EHEFact]
    /// The EHE officer's involvements: records marked `OfficerInvolvement` or `InvolvementPending`.
    package let involvements: [EHEFact]
    /// Whether any record in the extracts has the optional `OfficerInvolvement` field.
    package let recordsInvolvements: Bool
    /// Whether any record in the extracts has the optional `InvolvementPending` field.
    package let recordsPendingInvolvements: Bool
    /// The dates of each child's CME referrals, from the linked CME records.
    package let cmeReferralDates: [ChildLinkID: [CalendarDate]]

    /// Prepares the spells of a cohort.
    package init(cohort: Cohort) {
        let records = cohort.eheRecords.map { item in
            var person = item.record.person
            let best = cohort.person(of: item.child)
            person.dateOfBirth = person.dateOfBirth ?? best.dateOfBirth
            person.gender = person.gender ?? best.gender
            return EHEFact(child: item.child, ehe: item.ehe, person: person)
        }
        spells = records.filter(\.ehe.isHomeEducation)
        involvements = records.filter { !$0.ehe.isHomeEducation }
        recordsInvolvements = records.contains { $0.ehe.officerInvolvement != nil }
        recordsPendingInvolvements = records.contains { $0.ehe.involvementPending != nil }
        cmeReferralDates = Dictionary(grouping: cohort.cmeReferrals, by: \.child).mapValues {
            $0.map(\.referral.referralDate)
        }
    }

    func current(at date: CalendarDate) -> [EHEFact] { spells.filter { $0.isCurrent(at: date) } }

    /// The children with an EHE spell open on any day of `interval`.
    func inEHE(during interval: DayRange) -> Set<ChildLinkID> {
        Set(spells.filter { interval.overlaps(from: $0.ehe.startDate, to: $0.ehe.endDate) }.map(\.child))
    }

    /// The children with a pending involvement open at the end of `interval` who were not in EHE
    /// during it.
    func pendingInvolvements(_ interval: DayRange) -> Set<ChildLinkID> {
        let pending = involvements.filter { $0.ehe.involvementPending == true && $0.isCurrent(at: interval.end) }
        return Set(pending.map(\.child)).subtracting(inEHE(during: interval))
    }

    /// The children the EHE officer supported during `interval` (an involvement open on any day of
    /// it) who were not in EHE during it and have no pending involvement at its end.
    func resolvedInvolvements(_ interval: DayRange) -> Set<ChildLinkID> {
        let supported = involvements.filter {
            $0.ehe.involvementPending != true && interval.overlaps(from: $0.ehe.startDate, to: $0.ehe.endDate)
        }
        return Set(supported.map(\.child)).subtracting(inEHE(during: interval)).subtracting(
            pendingInvolvements(interval))
    }
}

/// The Elective Home Education summary, by academic year (1 September – 31 August), as in the
/// council's annual EHE report: current at the year end, started, returned to school, referred to
/// CME, moved away, Y11 leavers, all in EHE at some time, and the current cohort by age and sex.
package enum EHEScorecard {
    typealias EHEIndicator = Indicator<EHEContext>

    /// The indicator groups.
    package static let groups: [IndicatorGroup<EHEContext>] = [
        IndicatorGroup(
            "1", "EHE through the year",
            [
                EHEIndicator(
                    "1.1", "Current EHE recorded at the end of the year (Y0–Y10)",
                    definition: "Children with an EHE spell open at the end of the period, after Y11 have left "
                        + "(NC year from the date of birth; children without one are counted).",
                    pointInTime: true
                ) { context, interval in
                    IndicatorValue(
                        context.current(at: interval.end).filter { !$0.isYear11OrAbove(at: interval.end) }
                            .distinctCount(\.child))
                },
                EHEIndicator("1.2", "Started EHE", definition: "Children whose EHE spell started in the period.") {
                    context, interval in
                    IndicatorValue(context.spells.filter { interval.contains($0.ehe.startDate) }.distinctCount(\.child))
                },
                ended(
                    "1.3", "Returned to school (or started in a school)",
                    ["return", "started school", "started in a school"]),
                ended("1.4", "Referred to CME", ["cme", "missing education"]),
                ended("1.5", "Moved to another LA or out of area", ["moved", "transfer", "other la"]),
                yearElevenLeavers("1.6", "Y11 leavers", gender: nil),
                EHEIndicator(
                    "1.7", "Total in EHE at some time during the year",
                    definition: "Children with an EHE spell open on any day of the period."
                ) { context, interval in
                    IndicatorValue(
                        context.spells.filter { interval.overlaps(from: $0.ehe.startDate, to: $0.ehe.endDate) }
                            .distinctCount(\.child))
                },
                EHEIndicator(
                    "1.8", "EHE children with a CME referral in the year (linked records)",
                    definition: "Children with an EHE spell open in the period and a CME referral opened in the "
                        + "period on or after the spell began, found by linking the two datasets."
                ) { context, interval in
                    let children = context.spells.filter { fact in
                        guard interval.overlaps(from: fact.ehe.startDate, to: fact.ehe.endDate) else { return false }
                        return (context.cmeReferralDates[fact.child] ?? []).contains {
                            interval.contains($0) && $0 >= fact.ehe.startDate
                        }
                    }
                    return IndicatorValue(children.distinctCount(\.child))
                },
            ]),
        IndicatorGroup(
            "2", "Current EHE at the end of the year by age and sex",
            [
                byAge("2.1", "Girls, primary age (Reception–Y6)", .female, 0...6),
                byAge("2.2", "Girls, secondary age (Y7–Y10)", .female, 7...10),
                byAge("2.3", "Boys, primary age (Reception–Y6)", .male, 0...6),
                byAge("2.4", "Boys, secondary age (Y7–Y10)", .male, 7...10),
                EHEIndicator(
                    "2.5", "Primary age (all)", definition: "Current at the end, NC year R–6 from the date of birth."
                ) {
                    context, interval in
                    IndicatorValue(current(context, interval, years: 0...6, gender: nil))
                },
                EHEIndicator(
                    "2.6", "Secondary age (all)", definition: "Current at the end, NC year 7–10 from the date of birth."
                ) {
                    context, interval in
                    IndicatorValue(current(context, interval, years: 7...10, gender: nil))
                },
                yearElevenLeavers("2.7", "Girls, Y11 leavers", gender: .female),
                yearElevenLeavers("2.8", "Boys, Y11 leavers", gender: .male),
            ]),
        IndicatorGroup("3", "EHE officer involvements", involvements),
    ]

    /// The EHE officer's involvements, from two optional fields: each row reads "not recorded" when
    /// no record in the extracts has its field. With 1.7 they make up the seed's "total children
    /// known to the EHE team" (each child is counted in one of the three).
    private static let involvements: [EHEIndicator] = [
        EHEIndicator(
            "3.1", "EHE officer involvements: supported, but the child has not become EHE",
            definition: "Children with a record marked OfficerInvolvement = Yes open on any day of the period, "
                + "not in EHE during it and not counted in 3.2 (an optional field: 'not recorded' when no EHE "
                + "record in the extracts has it)."
        ) { context, interval in
            IndicatorValue(context.resolvedInvolvements(interval).count)
        },
        EHEIndicator(
            "3.2", "Pending involvements to be resolved",
            definition: "Children with a record marked InvolvementPending = Yes open at the end of the period, not "
                + "in EHE during it (an optional field: 'not recorded' when no EHE record in the extracts has it).",
            pointInTime: true
        ) { context, interval in
            IndicatorValue(context.pendingInvolvements(interval).count)
        },
    ]

    /// The indicators whose optional field no record in the extracts has.
    static func notRecordedIndicators(_ context: EHEContext) -> Set<String> {
        var ids: Set<String> = []
        if !context.recordsInvolvements { ids.insert("3.1") }
        if !context.recordsPendingInvolvements { ids.insert("3.2") }
        return ids
    }

    /// Builds the summary for an academic year (`2018/19` is September 2018 – August 2019), or for
    /// the academic year to the end of a month or quarter,
    /// with the four academic years before it as trend columns; with the council's targets,
    /// commentary and benchmarks when it gives them.
    package static func build(
        cohort: Cohort, period: ReportingPeriod, generatedAt: LocalDateTime, annotations: ScorecardAnnotations = .none
    ) -> Report {
        let end: CalendarDate =
            switch period {
            case .year(let startYear): ReportingPeriod.academicYear(startYear: startYear).end
            case .month, .quarter: period.interval.end
            }
        let lastYear = ReportingPeriod.academicYearStart(of: end)
        let columns = (lastYear - 4...lastYear).map { year -> ScorecardColumn in
            let academic = ReportingPeriod.academicYear(startYear: year)
            let interval = DayRange(start: academic.start, end: min(academic.end, end))
            return ScorecardColumn(label: "\(year)/\(Text.pad((year + 1) % 100, 2))", interval: interval)
        }
        let context = EHEContext(cohort: cohort)
        var tables = ScorecardLayout.notRecorded(
            ScorecardLayout.tables(
                groups, context: context, columns: columns, idPrefix: "ehe", annotations: annotations),
            indicators: notRecordedIndicators(context), valueColumns: columns.count)
        tables[0].chart = .trend
        let trend = ScorecardLayout.trendTable(
            id: "ehe-trend", title: "Current EHE (Y0–Y10) at each month end, last 12 months",
            rows: [("Current EHE (Y0–Y10)", "1.1")], groups: groups, context: context,
            columns: ScorecardLayout.rollingMonths(.month(year: end.year, month: end.month)), published: columns,
            idPrefix: "ehe", dataFrom: context.spells.map(\.ehe.startDate).min())
        return Report(
            slug: "ehe-summary-\(ReportingPeriod.year(startYear: lastYear).slug)",
            title: "Elective Home Education — summary",
            periodLabel: "Academic years to \(end.uk)", generatedAt: generatedAt,
            sections: [
                ReportSection(title: "Elective Home Education", tables: tables),
                ReportSection(title: "Trends", tables: [trend]),
                ReportSection(
                    title: "Definitions", tables: [ScorecardLayout.definitions(groups, id: "ehe-definitions")]),
            ])
    }

    private static func ended(_ id: String, _ title: String, _ words: [String]) -> EHEIndicator {
        EHEIndicator(
            id, title,
            definition: "Spells ending in the period with an end reason mentioning: \(words.joined(separator: ", "))."
        ) {
            context, interval in
            IndicatorValue(
                context.spells.filter { $0.ended(in: interval, reasonContaining: words) }.distinctCount(\.child))
        }
    }

    private static func yearElevenLeavers(_ id: String, _ title: String, gender: Gender?) -> EHEIndicator {
        EHEIndicator(
            id, title,
            definition: "Children in NC year 11 at the period end whose EHE spell was open then or ended in the "
                + "period at the end of compulsory school age."
        ) { context, interval in
            let leavers = context.spells.filter { fact in
                guard let dob = fact.person.dateOfBirth,
                    SchoolYear.nationalCurriculumYear(dateOfBirth: dob, on: interval.end) == 11,
                    gender == nil || fact.person.gender == gender
                else { return false }
                return fact.isCurrent(at: interval.end)
                    || fact.ended(in: interval, reasonContaining: ["compulsory", "y11", "year 11"])
            }
            return IndicatorValue(leavers.distinctCount(\.child))
        }
    }

    private static func byAge(_ id: String, _ title: String, _ gender: Gender, _ years: ClosedRange<Int>)
        -> EHEIndicator
    {
        EHEIndicator(id, title, definition: "Current at the end of the period, by NC year from the date of birth.") {
            context, interval in
            IndicatorValue(current(context, interval, years: years, gender: gender))
        }
    }

    private static func current(
        _ context: EHEContext, _ interval: DayRange, years: ClosedRange<Int>, gender: Gender?
    ) -> Int {
        context.current(at: interval.end).filter { fact in
            guard let dob = fact.person.dateOfBirth else { return false }
            let year = SchoolYear.nationalCurriculumYear(dateOfBirth: dob, on: interval.end)
            return years.contains(year) && (gender == nil || fact.person.gender == gender)
        }.distinctCount(\.child)
    }
}

/// The prepared data behind the exclusions summary.
package struct ExclusionContext: Sendable {
    /// Every exclusion with its child.
    package let exclusions: [(child: ChildLinkID, exclusion: ExclusionRecord)]
    /// Each child's strand activity, for the "also known to" indicator.
    let cohort: Cohort

    /// Prepares the exclusions of a cohort.
    package init(cohort: Cohort) {
        exclusions = cohort.exclusions.map { ($0.child, $0.exclusion) }
        self.cohort = cohort
    }

    func started(in interval: DayRange, permanent: Bool) -> [(child: ChildLinkID, exclusion: ExclusionRecord)] {
        exclusions.filter {
            interval.contains($0.exclusion.startDate) && ($0.exclusion.category == .permanent) == permanent
        }
    }
}

/// Whether the exclusions summary runs by academic year (terms) or financial year (months or quarters).
package enum ExclusionYearBasis: String, Sendable, CaseIterable {
    /// 1 September – 31 August, by autumn, spring and summer term (the default, as schools count).
    case academic
    /// April – March, by month or quarter.
    case financial
}

/// An academic term as the DfE's exclusion statistics count them: autumn 1 September – 31 December,
/// spring 1 January – Easter Sunday, summer Easter Monday – 31 August.
package struct AcademicTerm: Sendable, Hashable {
    /// `Autumn 2018`.
    package let label: String
    /// The days of the term.
    package let interval: DayRange

    /// The three terms of the academic year starting in September of `startYear`.
    package static func terms(ofAcademicYear startYear: Int) -> [AcademicTerm] {
        let easter = BankHolidays.easterSunday(year: startYear + 1)
        return [
            AcademicTerm(
                label: "Autumn \(startYear)",
                interval: DayRange(
                    start: CalendarDate(year: startYear, month: 9, day: 1)!,
                    end: CalendarDate(year: startYear, month: 12, day: 31)!)),
            AcademicTerm(
                label: "Spring \(startYear + 1)",
                interval: DayRange(start: CalendarDate(year: startYear + 1, month: 1, day: 1)!, end: easter)),
            AcademicTerm(
                label: "Summer \(startYear + 1)",
                interval: DayRange(
                    start: easter.adding(days: 1), end: CalendarDate(year: startYear + 1, month: 8, day: 31)!)),
        ]
    }
}

/// School suspensions and permanent exclusions by phase, reason and sessions, per term (or month),
/// and how many of the children excluded are also known to another strand.
package enum ExclusionsScorecard {
    typealias ExclusionIndicator = Indicator<ExclusionContext>

    static let phases: [(String, [SchoolPhase?])] = [
        ("Primary", [.primary, .nursery]), ("Secondary", [.secondary]), ("Special", [.special]),
        ("Alternative provision / PRU", [.alternativeProvision]), ("Post-16", [.post16]),
        ("Not recorded", [.unknown, nil]),
    ]

    /// The indicator groups.
    package static let groups: [IndicatorGroup<ExclusionContext>] = [
        IndicatorGroup(
            "1", "Suspensions (lunchtime exclusions included)", kind("1", permanent: false, noun: "Suspensions")),
        IndicatorGroup("2", "Permanent exclusions", kind("2", permanent: true, noun: "Permanent exclusions")),
        IndicatorGroup(
            "3", "Excluded children also known to another strand",
            [
                ExclusionIndicator(
                    "3.1", "Excluded children also missing, CME or EHE in the period",
                    definition: "Children with a suspension or exclusion in the period who also had a missing episode, "
                        + "CME case or EHE spell in it; % of children excluded."
                ) { context, interval in
                    let excluded = Set(
                        context.exclusions.filter { interval.contains($0.exclusion.startDate) }.map(\.child))
                    let members = StrandMembership.members(of: context.cohort, in: interval)
                    let linked = members.filter { excluded.contains($0.child) && $0.strands.count >= 2 }.count
                    return IndicatorValue(linked, of: excluded.count)
                }
            ]),
    ]

    /// Builds the summary. By academic year (the default, as schools and the seed count): the autumn,
    /// spring and summer terms of the academic year to the period's end, the year to date, then the
    /// two academic years before it; `2018/19` is September 2018 – August 2019. By financial year:
    /// month (or quarter) columns of the financial year and the year to date. With the council's
    /// targets, commentary and benchmarks when it gives them.
    package static func build(
        cohort: Cohort, period: ReportingPeriod, generatedAt: LocalDateTime, basis: ExclusionYearBasis = .academic,
        annotations: ScorecardAnnotations = .none
    ) -> Report {
        let context = ExclusionContext(cohort: cohort)
        let groups = groups + [reasons(context), sessions]
        let (columns, label) =
            switch basis {
            case .academic: academicColumns(period)
            case .financial:
                (
                    {
                        if case .month = period { return ScorecardLayout.monthlyColumns(period) }
                        return ScorecardLayout.quarterlyColumns(period)
                    }(),
                    "Reporting period \(period.columnLabel) (financial year to date)"
                )
            }
        let tables = ScorecardLayout.tables(
            groups, context: context, columns: columns, idPrefix: "exclusions", annotations: annotations)
        let periods = Array(columns.prefix { !$0.isYearToDate && $0.label != "YTD" })
        let trend = ScorecardLayout.trendTable(
            id: "exclusions-trend", title: "Suspensions and permanent exclusions",
            rows: [
                ("Suspensions", "1.1"), ("Children suspended", "1.2"), ("Permanent exclusions", "2.1"),
                ("Children permanently excluded", "2.2"),
            ], groups: groups, context: context, columns: periods, published: periods, idPrefix: "exclusions",
            dataFrom: context.exclusions.map(\.exclusion.startDate).min())
        return Report(
            slug: "exclusions-summary-\(period.slug)", title: "School exclusions — summary", periodLabel: label,
            generatedAt: generatedAt,
            sections: [
                ReportSection(title: "Suspensions and permanent exclusions", tables: tables + [trend]),
                ReportSection(
                    title: "Definitions", tables: [ScorecardLayout.definitions(groups, id: "exclusions-definitions")]),
            ])
    }

    /// The terms of the academic year to the period's end (a year: the whole academic year), the
    /// year to date, and the two academic years before it; with the period label.
    static func academicColumns(_ period: ReportingPeriod) -> ([ScorecardColumn], String) {
        let end: CalendarDate =
            switch period {
            case .year(let startYear): ReportingPeriod.academicYear(startYear: startYear).end
            case .month, .quarter: period.interval.end
            }
        let year = ReportingPeriod.academicYearStart(of: end)
        let academic = ReportingPeriod.academicYear(startYear: year)
        let terms = AcademicTerm.terms(ofAcademicYear: year).filter { $0.interval.start <= end }.map { term in
            ScorecardColumn(
                label: term.label, interval: DayRange(start: term.interval.start, end: min(term.interval.end, end)))
        }
        let yearToDate = ScorecardColumn(label: "YTD", interval: DayRange(start: academic.start, end: end))
        let prior = (year - 2...year - 1).map { start in
            ScorecardColumn(
                label: "\(start)/\(Text.pad((start + 1) % 100, 2))",
                interval: ReportingPeriod.academicYear(startYear: start))
        }
        let label =
            "Academic year \(year)/\(Text.pad((year + 1) % 100, 2)) to \(end.uk), by term, with the two years before"
        return (terms + [yearToDate] + prior, label)
    }

    /// Exclusions by main reason (the first DfE reason code recorded), suspensions and permanent together.
    static func reasons(_ context: ExclusionContext) -> IndicatorGroup<ExclusionContext> {
        let codes = Set(context.exclusions.map { $0.exclusion.reasons.first ?? "Not recorded" })
        let ordered =
            codes.subtracting(["Not recorded"]).sorted() + (codes.contains("Not recorded") ? ["Not recorded"] : [])
        let indicators = ordered.enumerated().map { index, code in
            ExclusionIndicator(
                "4.\(index + 1)", code,
                definition: "Suspensions and permanent exclusions starting in the period whose main (first) reason is "
                    + "this DfE code; % of all of them."
            ) { context, interval in
                let all = context.exclusions.filter { interval.contains($0.exclusion.startDate) }
                return IndicatorValue(
                    all.filter { ($0.exclusion.reasons.first ?? "Not recorded") == code }.count, of: all.count)
            }
        }
        return IndicatorGroup("4", "Exclusions by main reason", indicators)
    }

    static let sessions = IndicatorGroup<ExclusionContext>(
        "5", "Sessions lost to suspension",
        [
            ExclusionIndicator(
                "5.1", "Suspensions with sessions recorded",
                definition: "Suspensions starting in the period with a number of sessions (half days); % of 1.1."
            ) { context, interval in
                let all = context.started(in: interval, permanent: false)
                return IndicatorValue(all.filter { $0.exclusion.sessions != nil }.count, of: all.count)
            },
            ExclusionIndicator(
                "5.2", "Sessions lost (half days)",
                definition:
                    "Sessions of the suspensions starting in the period, added up and rounded to whole sessions."
            ) { context, interval in
                let total = context.started(in: interval, permanent: false).compactMap(\.exclusion.sessions)
                    .reduce(0, +)
                return IndicatorValue(Int(total.rounded()))
            },
        ])

    private static func kind(_ group: String, permanent: Bool, noun: String) -> [ExclusionIndicator] {
        var indicators = [
            ExclusionIndicator(
                "\(group).1", "Number of \(noun.lowercased())", definition: "\(noun) starting in the period."
            ) {
                context, interval in
                IndicatorValue(context.started(in: interval, permanent: permanent).count)
            },
            ExclusionIndicator(
                "\(group).2", "Number of children", definition: "Distinct children with \(noun.lowercased())."
            ) {
                context, interval in
                IndicatorValue(context.started(in: interval, permanent: permanent).distinctCount(\.child))
            },
        ]
        for (index, phase) in phases.enumerated() {
            indicators.append(
                ExclusionIndicator(
                    "\(group).\(index + 3)", "\(phase.0) school",
                    definition: "\(noun) by school phase; % of \(group).1."
                ) {
                    context, interval in
                    let all = context.started(in: interval, permanent: permanent)
                    return IndicatorValue(all.filter { phase.1.contains($0.exclusion.phase) }.count, of: all.count)
                })
        }
        return indicators
    }
}

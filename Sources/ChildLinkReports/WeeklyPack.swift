package import ChildLinkModel

/// When a Return Home Interview is due in the weekly pack.
package enum RHIDeadlineRule: String, Sendable, CaseIterable {
    /// 72 hours from the return, to the minute (the statutory guidance and the council's flowchart).
    case seventyTwoHours = "72h"
    /// The end of the third working day after the return (the scorecard's 5.3a).
    case threeWorkingDays = "3wd"
}

/// The thresholds and disclosure choices of the weekly Operational Missing Group pack.
package struct WeeklyPackOptions: Sendable {
    /// The last day of the week (inclusive); the pack is as at the end of this day.
    package var weekEnding: CalendarDate
    /// Days in the window, ending on ``weekEnding`` (7).
    package var windowDays: Int
    /// A strategy meeting is triggered by an episode longer than this many hours (24).
    package var longEpisodeHours: Int
    /// … or by this many episodes (3) …
    package var repeatEpisodes: Int
    /// … within this many days (30).
    package var repeatWindowDays: Int
    /// Which clock makes an RHI overdue (72 hours from the return).
    package var rhiRule: RHIDeadlineRule
    /// Under ``RHIDeadlineRule/threeWorkingDays``, an RHI is due within this many working days of return (3).
    package var rhiWorkingDays: Int
    /// Replace names and identifiers with keyed hashes (off for the operational pack).
    package var pseudonymiser: Pseudonymiser?
    /// When the pack was produced.
    package var generatedAt: LocalDateTime
    /// The working days that RHI deadlines count (bank holidays with a council's added changes).
    package var calendar: WorkingDayCalendar
    /// The last date in the missing extract: a child still missing is counted to the end of that
    /// day when the week ends after it, since nothing later is known.
    package var dataEnd: CalendarDate?

    /// Creates options with the defaults above.
    package init(
        weekEnding: CalendarDate, windowDays: Int = 7, longEpisodeHours: Int = 24, repeatEpisodes: Int = 3,
        repeatWindowDays: Int = 30, rhiRule: RHIDeadlineRule = .seventyTwoHours, rhiWorkingDays: Int = 3,
        pseudonymiser: Pseudonymiser? = nil,
        generatedAt: LocalDateTime? = nil, calendar: WorkingDayCalendar = WorkingDayCalendar()
    ) {
        self.calendar = calendar
        self.weekEnding = weekEnding
        self.windowDays = windowDays
        self.longEpisodeHours = longEpisodeHours
        self.repeatEpisodes = repeatEpisodes
        self.repeatWindowDays = repeatWindowDays
        self.rhiRule = rhiRule
        self.rhiWorkingDays = rhiWorkingDays
        self.pseudonymiser = pseudonymiser
        self.generatedAt = generatedAt ?? LocalDateTime(date: weekEnding, hour: 23, minute: 59)!
    }

    /// The days of the week window.
    package var window: DayRange {
        DayRange(start: weekEnding.adding(days: -(windowDays - 1)), end: weekEnding)
    }

    /// The days of the repeat-episode lookback.
    package var repeatWindow: DayRange {
        DayRange(start: weekEnding.adding(days: -(repeatWindowDays - 1)), end: weekEnding)
    }
}

/// How a child or record is shown: by name and id, or by pseudonym.
struct IdentityStyle: Sendable {
    let pseudonymiser: Pseudonymiser?

    func childID(_ child: ChildLinkID) -> String {
        pseudonymiser?.pseudonym(child.description, kind: "child") ?? child.description
    }

    func recordID(_ key: RecordKey) -> String {
        pseudonymiser?.pseudonym(key.description, kind: "record") ?? key.recordID
    }

    func name(_ person: PersonFields) -> ReportCell {
        if pseudonymiser != nil { return .text("(pseudonymised)") }
        let name = [person.forename, person.surname].compactMap { $0 }.joined(separator: " ")
        return name.isEmpty ? .empty : .text(name)
    }

    func dateOfBirth(_ person: PersonFields) -> ReportCell {
        guard pseudonymiser == nil, let dob = person.dateOfBirth else { return .empty }
        return .date(dob)
    }
}

/// The name and age (and the allocated team, where an extract records teams) shown beside a child
/// wherever the pack lists one (the operational group works with names; with a pseudonymiser the
/// name is withheld, as everywhere).
struct PackPeople {
    /// What is known about a child by the week end.
    let facts: (ChildLinkID) -> ChildFacts
    /// How ids and names are shown.
    let style: IdentityStyle
    /// The day the age is worked out on (the week end).
    let asAt: CalendarDate
    /// Whether any record read carries an allocated team: only then is there a Team column.
    var showsTeam = false

    /// The headings of ``nameAndAge(_:)-(ChildLinkID)``'s cells.
    var columns: [String] { ["Name", "Age"] + (showsTeam ? ["Team"] : []) }

    /// The child's name and age cells (and team).
    func nameAndAge(_ child: ChildLinkID) -> [ReportCell] { nameAndAge(facts(child)) }

    /// The name and age cells (and team) for `fact`.
    func nameAndAge(_ fact: ChildFacts) -> [ReportCell] {
        [style.name(fact.person), fact.person.dateOfBirth.map { .count($0.age(on: asAt)) } ?? .empty]
            + (showsTeam ? [team(fact)] : [])
    }

    /// The allocated team cell, empty where none is recorded.
    func team(_ fact: ChildFacts) -> ReportCell { fact.allocatedTeam.map(ReportCell.text) ?? .empty }
}

/// One episode as the weekly pack sees it.
struct WeeklyEpisode {
    let child: ChildLinkID
    let key: RecordKey
    let episode: MissingEpisode
    let asAt: LocalDateTime

    /// Hours missing (to a tenth), to the return or to the end of the week when still missing.
    var hoursMissing: Double {
        let end = (episode.end.map { min($0, asAt) }) ?? asAt
        let minutes = end.minutesSinceEpoch - episode.start.minutesSinceEpoch
        return (Double(minutes) / 6).rounded() / 10
    }

    /// Whether the child had not returned by the end of the week.
    var isStillMissing: Bool { episode.end.map { $0 > asAt } ?? true }
}

/// Builds the weekly Operational Missing Group pack from the linked cohort.
package struct WeeklyPackBuilder: Sendable {
    /// The options.
    package let options: WeeklyPackOptions
    private var calendar: WorkingDayCalendar { options.calendar }

    /// Creates a builder.
    package init(options: WeeklyPackOptions) { self.options = options }

    /// Builds the pack.
    package func build(cohort: Cohort) -> Report {
        // "Still missing" is measured to the missing extract's own end, not to a week-ending after it.
        let asAt = LocalDateTime(
            date: min(options.weekEnding, options.dataEnd ?? options.weekEnding), hour: 23, minute: 59)!
        let everyEpisode = cohort.episodes.map {
            WeeklyEpisode(child: $0.child, key: $0.key, episode: $0.episode, asAt: asAt)
        }.filter { $0.episode.start <= asAt }
        // Missing episodes only: absences are listed apart and trigger nothing by themselves.
        let all = everyEpisode.filter { $0.episode.type == .missing }
        let absences = everyEpisode.filter {
            $0.episode.type == .absent && options.window.overlaps(from: $0.episode.start.date, to: $0.episode.end?.date)
        }
        let inWeek = all.filter { options.window.overlaps(from: $0.episode.start.date, to: $0.episode.end?.date) }
        let childIDs = Set(inWeek.map(\.child)).sorted()
        let facts = Dictionary(
            uniqueKeysWithValues: childIDs.map {
                ($0, ChildFacts(child: $0, cohort: cohort, asAt: options.weekEnding))
            })
        let style = IdentityStyle(pseudonymiser: options.pseudonymiser)
        let people = PackPeople(
            facts: { facts[$0] ?? ChildFacts(child: $0, cohort: cohort, asAt: options.weekEnding) }, style: style,
            asAt: options.weekEnding, showsTeam: cohort.episodes.contains { $0.episode.allocatedTeam != nil })
        let triggers = strategyTriggers(all: all, inWeek: inWeek)
        let overdue = overdueInterviews(all: all)
        let newlyLinked = newSecondStrand(cohort: cohort)
        let actions = WeeklyActions(options: options, asAt: asAt)
        let actionsTable = actions.table(
            actions.actions(
                inWeek: inWeek, all: all, triggers: triggers, overdue: overdue,
                workingDaysLate: { daysLate(due: $0.due.date, until: options.weekEnding) }),
            people: people)
        let tables = [
            summaryTable(
                inWeek: inWeek, children: childIDs, triggers: triggers, overdue: overdue, newly: newlyLinked,
                absences: absences),
            childrenTable(
                childIDs, inWeek: Dictionary(grouping: inWeek, by: \.child),
                all: Dictionary(grouping: all, by: \.child),
                facts: facts, triggers: triggers, people: people),
            episodesTable(inWeek, people: people),
            triggersTable(triggers, people: people),
            overdueTable(overdue, people: people),
            newlyLinkedTable(newlyLinked, people: people),
            absencesTable(absences, people: people),
        ]
        return Report(
            slug: "weekly-\(options.weekEnding.iso)",
            title: "Operational Missing Group — weekly pack",
            periodLabel: "Week \(options.window.start.uk) to \(options.window.end.uk)",
            generatedAt: options.generatedAt,
            sections: [
                ReportSection(title: "This week", tables: [tables[0]]),
                ReportSection(title: "Actions", tables: [actionsTable]),
                ReportSection(
                    title: "Children missing this week",
                    summary: "Every child with a missing episode in the week, or still missing at its end, "
                        + "with what else is known about them. Absent episodes are listed apart below.",
                    tables: [tables[1], tables[2]]),
                ReportSection(title: "Behind the actions", tables: [tables[3], tables[4]]),
                ReportSection(title: "For information", tables: [tables[5]]),
                ReportSection(
                    title: "Absent episodes this week",
                    summary: "Absent: not where expected, no apparent risk. Recorded and watched, not counted as "
                        + "missing above, and never a strategy-meeting trigger by themselves.",
                    tables: [tables[6]]),
            ] + duplicatesSection(cohort: cohort, children: Set(childIDs + absences.map(\.child)), people: people),
            disclosureNotes: options.pseudonymiser == nil
                ? ["OFFICIAL-SENSITIVE: contains personal data for the Operational Missing Group only."]
                : ["Names and identifiers are replaced by keyed pseudonyms."],
            printsLandscape: true)
    }

    // MARK: Findings

    /// The events recorded twice for the children in the pack (each counted once above).
    func duplicatesSection(cohort: Cohort, children: Set<ChildLinkID>, people: PackPeople) -> [ReportSection] {
        let duplicates = cohort.duplicates.filter { children.contains($0.child) }
        return DataQuality.duplicatesSection(duplicates, pseudonymiser: options.pseudonymiser, people: people)
            .map { [$0] } ?? []
    }

    /// A reason a child needs a strategy meeting.
    struct Trigger: Hashable {
        let child: ChildLinkID
        let reason: String
        let detail: String
    }

    func strategyTriggers(all: [WeeklyEpisode], inWeek: [WeeklyEpisode]) -> [Trigger] {
        var triggers: [Trigger] = []
        let limit = Double(options.longEpisodeHours)
        // An episode open past the stale limit is flagged for checking instead (see `recordCheck`):
        // it triggered when it first passed the limit, and is not a fresh trigger every week.
        for item in inWeek where item.hoursMissing > limit && !isLongOpen(item) {
            let state = item.isStillMissing ? "still missing" : "returned"
            triggers.append(
                Trigger(
                    child: item.child, reason: "Missing more than \(options.longEpisodeHours) hours",
                    detail: "\(Self.duration(hours: item.hoursMissing)), \(state)"))
        }
        let recent = Dictionary(
            grouping: all.filter { options.repeatWindow.contains($0.episode.start.date) }, by: \.child)
        let inWeekChildren = Set(inWeek.map(\.child))
        for (child, episodes) in recent where episodes.count >= options.repeatEpisodes && inWeekChildren.contains(child)
        {
            triggers.append(
                Trigger(
                    child: child,
                    reason: "\(options.repeatEpisodes)+ episodes in \(options.repeatWindowDays) days",
                    detail: "\(episodes.count) episodes since \(options.repeatWindow.start.uk)"))
        }
        return triggers.sorted { ($0.child, $0.reason, $0.detail) < ($1.child, $1.reason, $1.detail) }
    }

    /// `2 d 6 h` (``WeeklyActions/duration(hours:)``).
    static func duration(hours: Double) -> String { WeeklyActions.duration(hours: hours) }

    /// An RHI not completed by its due date-time.
    struct OverdueInterview {
        let item: WeeklyEpisode
        let returned: LocalDateTime
        let due: LocalDateTime
        let completed: CalendarDate?
    }

    /// When the RHI after a return at `returned` is due under the pack's rule: 72 hours later, or
    /// the end (23:59) of the last of the working days.
    func rhiDue(after returned: LocalDateTime) -> LocalDateTime {
        switch options.rhiRule {
        case .seventyTwoHours: returned.adding(minutes: 72 * 60)
        case .threeWorkingDays:
            LocalDateTime(
                date: calendar.adding(workingDays: options.rhiWorkingDays, to: returned.date), hour: 23, minute: 59)!
        }
    }

    /// Interviews past due at the week end and not completed, or completed in the week after their
    /// due day (a completion is recorded as a date, so one on the due day is in time).
    func overdueInterviews(all: [WeeklyEpisode]) -> [OverdueInterview] {
        let asAt = LocalDateTime(date: options.weekEnding, hour: 23, minute: 59)!
        return all.compactMap { item -> OverdueInterview? in
            guard let end = item.episode.end, end.date <= options.weekEnding,
                options.repeatWindow.contains(end.date), item.episode.rhiAccepted != false,
                item.episode.rhiOffered != false
            else { return nil }
            let due = rhiDue(after: end)
            if let completed = item.episode.rhiCompletedDate, completed <= options.weekEnding {
                guard completed > due.date, options.window.contains(completed) else { return nil }
                return OverdueInterview(item: item, returned: end, due: due, completed: completed)
            }
            guard due < asAt else { return nil }
            return OverdueInterview(item: item, returned: end, due: due, completed: nil)
        }
    }

    /// A child whose second strand first appeared in the week.
    struct NewlyLinked {
        let facts: ChildFacts
        let reached: CalendarDate
        let newStrand: Dataset
    }

    func newSecondStrand(cohort: Cohort) -> [NewlyLinked] {
        cohort.children.compactMap { child -> NewlyLinked? in
            var entry: [Dataset: CalendarDate] = [:]
            for record in cohort.records(of: child)
            where Dataset.strands.contains(record.dataset) && record.event.date <= options.weekEnding {
                entry[record.dataset] = min(entry[record.dataset] ?? record.event.date, record.event.date)
            }
            let entries = entry.sorted { ($0.value, $0.key) < ($1.value, $1.key) }
            guard entries.count >= 2, options.window.contains(entries[1].value) else { return nil }
            let facts = ChildFacts(child: child, cohort: cohort, asAt: options.weekEnding)
            return NewlyLinked(facts: facts, reached: entries[1].value, newStrand: entries[1].key)
        }
    }

    // MARK: Tables

    private func summaryTable(
        inWeek: [WeeklyEpisode], children: [ChildLinkID], triggers: [Trigger], overdue: [OverdueInterview],
        newly: [NewlyLinked], absences: [WeeklyEpisode]
    ) -> ReportTable {
        let rows: [(String, Int)] = [
            ("Episodes in the week", inWeek.count),
            ("Children with an episode", children.count),
            ("Children still missing at week end", Set(inWeek.filter(\.isStillMissing).map(\.child)).count),
            ("Children meeting a strategy-meeting trigger", Set(triggers.map(\.child)).count),
            ("Return Home Interviews overdue or late", overdue.count),
            ("Children newly known to a second strand", newly.count),
            ("Absent episodes (not counted above)", absences.count),
        ]
        return ReportTable(
            id: "summary", title: "Summary", columns: ["Measure", "Count"],
            rows: rows.map { [.text($0.0), .count($0.1)] }, chart: .bar)
    }

    private func childrenTable(
        _ children: [ChildLinkID], inWeek: [ChildLinkID: [WeeklyEpisode]], all: [ChildLinkID: [WeeklyEpisode]],
        facts: [ChildLinkID: ChildFacts], triggers: [Trigger], people: PackPeople
    ) -> ReportTable {
        let style = people.style
        let reasonsByChild = Dictionary(grouping: triggers, by: \.child)
        let rows = children.map { child -> [ReportCell] in
            let fact = facts[child]!
            let week = inWeek[child] ?? []
            let recent = (all[child] ?? []).filter { options.repeatWindow.contains($0.episode.start.date) }
            let reasons = Set((reasonsByChild[child] ?? []).map(\.reason)).sorted()
            return [
                .text(style.childID(child)), style.name(fact.person), style.dateOfBirth(fact.person),
                fact.person.dateOfBirth.map { .count($0.age(on: options.weekEnding)) } ?? .empty,
                fact.person.gender.map { .text($0.rawValue) } ?? .empty,
                .count(week.count), .count(recent.count),
                .text(WeeklyActions.duration(hours: week.map(\.hoursMissing).max() ?? 0)),
                .flag(week.contains(where: \.isStillMissing)),
                fact.statusLabel.map(ReportCell.text) ?? .empty,
                fact.cseRisk.map { .text($0.rawValue) } ?? .empty,
                fact.cceRisk.map { .text($0.rawValue) } ?? .empty,
                fact.cmeStatus.map(ReportCell.text) ?? .empty,
                fact.eheStatus.map(ReportCell.text) ?? .empty,
                fact.exclusionSummary.map(ReportCell.text) ?? .empty,
                .text(fact.strandsLabel),
                reasons.isEmpty ? .empty : .text(reasons.joined(separator: "; ")),
            ].inserting(people.showsTeam ? [people.team(fact)] : [], at: 4)
        }
        return ReportTable(
            id: "children", title: "Children with an episode this week",
            columns: [
                "ChildLink ID", "Name", "Date of birth", "Age", "Gender", "Episodes this week",
                "Episodes in \(options.repeatWindowDays) days", "Longest", "Still missing",
                "Social care status", "CSE risk", "CCE risk", "CME", "EHE", "Exclusions this year", "Strands",
                "Strategy meeting trigger",
            ].inserting(people.showsTeam ? ["Team"] : [], at: 4),
            rows: rows,
            note: "Durations are to the return, or for a child still missing to the end of the week (or of the "
                + "missing extract's last day, when that is earlier).")
    }

    private func episodesTable(_ episodes: [WeeklyEpisode], people: PackPeople) -> ReportTable {
        let style = people.style
        let rows = episodes.map { item -> [ReportCell] in
            let episode = item.episode
            return [.text(style.childID(item.child))] + people.nameAndAge(item.child) + [
                .text(style.recordID(item.key)), .text(episode.type.rawValue),
                .dateTime(episode.start), episode.end.map(ReportCell.dateTime) ?? .text("Still missing"),
                .text(WeeklyActions.duration(hours: item.hoursMissing)),
                episode.socialCareStatus.map { .text($0.label) } ?? .empty,
                episode.rhiOffered.map(ReportCell.flag) ?? .empty, episode.rhiAccepted.map(ReportCell.flag) ?? .empty,
                episode.rhiCompletedDate.map(ReportCell.date) ?? .empty, recordCheck(item),
            ]
        }
        return ReportTable(
            id: "episodes", title: "Episodes in the week",
            columns: ["ChildLink ID"] + people.columns + [
                "Episode", "Type", "Start", "End", "Duration", "Status", "RHI offered", "RHI accepted", "RHI completed",
                "Check",
            ],
            rows: rows,
            note: "An episode open for more than \(Self.staleOpenDays) days is more often a return that was never "
                + "recorded than a child still missing: the Check column asks for the record to be confirmed.")
    }

    /// Episodes open longer than this are flagged for the record to be confirmed.
    static let staleOpenDays = 28

    /// Whether `item` is still open after more than ``staleOpenDays`` days.
    func isLongOpen(_ item: WeeklyEpisode) -> Bool {
        item.isStillMissing && item.episode.start.date.days(until: options.weekEnding) > Self.staleOpenDays
    }

    private func recordCheck(_ item: WeeklyEpisode) -> ReportCell {
        guard isLongOpen(item) else { return .empty }
        let days = item.episode.start.date.days(until: options.weekEnding)
        return .text("Open \(days) days — confirm with the recording team")
    }

    private func triggersTable(_ triggers: [Trigger], people: PackPeople) -> ReportTable {
        ReportTable(
            id: "strategy-triggers", title: "Strategy meeting triggers",
            columns: ["ChildLink ID"] + people.columns + ["Trigger", "Detail"],
            rows: triggers.map { trigger in
                [.text(people.style.childID(trigger.child))] + people.nameAndAge(trigger.child) + [
                    .text(trigger.reason), .text(trigger.detail),
                ]
            },
            note: "Missing more than \(options.longEpisodeHours) hours, or \(options.repeatEpisodes) or more "
                + "episodes starting in the \(options.repeatWindowDays) days to the week end. An episode open more "
                + "than \(Self.staleOpenDays) days is flagged for checking in the episodes table instead.")
    }

    private func overdueTable(_ overdue: [OverdueInterview], people: PackPeople) -> ReportTable {
        let style = people.style
        return ReportTable(
            id: "rhi-overdue", title: "Return Home Interviews overdue",
            columns: ["ChildLink ID"] + people.columns + [
                "Episode", "Returned", "Due by", "Completed",
                options.rhiRule == .seventyTwoHours ? "Days late" : "Working days late",
            ],
            rows: overdue.map { entry in
                let until = entry.completed ?? options.weekEnding
                return [.text(style.childID(entry.item.child))] + people.nameAndAge(entry.item.child) + [
                    .text(style.recordID(entry.item.key)), .dateTime(entry.returned), .dateTime(entry.due),
                    entry.completed.map(ReportCell.date) ?? .text("Not completed"),
                    .count(daysLate(due: entry.due.date, until: until)),
                ]
            },
            note: overdueNote)
    }

    private var overdueNote: String {
        let rule =
            switch options.rhiRule {
            case .seventyTwoHours:
                "Due within 72 hours of the return (statutory guidance; --rhi-rule 3wd uses the scorecard's "
                    + "\(options.rhiWorkingDays) working days)."
            case .threeWorkingDays:
                "Due within \(options.rhiWorkingDays) working days of the return (weekends and England and Wales "
                    + "bank holidays excluded; the scorecard's 5.3a)."
            }
        return rule + " Returns from missing episodes in the last \(options.repeatWindowDays) days; declined or "
            + "not offered interviews are not listed."
    }

    /// Days from the due day to `until`: calendar days under the 72-hour rule, working days under the other.
    func daysLate(due: CalendarDate, until: CalendarDate) -> Int {
        switch options.rhiRule {
        case .seventyTwoHours: max(0, due.days(until: until))
        case .threeWorkingDays: workingDays(from: due, to: until)
        }
    }

    private func absencesTable(_ absences: [WeeklyEpisode], people: PackPeople) -> ReportTable {
        let style = people.style
        return ReportTable(
            id: "absences", title: "Absent episodes in the week (not counted as missing)",
            columns: ["ChildLink ID"] + people.columns + ["Episode", "Start", "End", "Hours"],
            rows: absences.map { item in
                [.text(style.childID(item.child))] + people.nameAndAge(item.child) + [
                    .text(style.recordID(item.key)), .dateTime(item.episode.start),
                    item.episode.end.map(ReportCell.dateTime) ?? .text("Not returned"), .number(item.hoursMissing),
                ]
            })
    }

    private func newlyLinkedTable(_ newly: [NewlyLinked], people: PackPeople) -> ReportTable {
        ReportTable(
            id: "new-second-strand", title: "Children newly known to a second strand",
            columns: ["ChildLink ID"] + people.columns + ["Strands", "New strand", "Date"],
            rows: newly.map { entry in
                [.text(people.style.childID(entry.facts.child))] + people.nameAndAge(entry.facts) + [
                    .text(entry.facts.strandsLabel),
                    .text(entry.newStrand.rawValue), .date(entry.reached),
                ]
            })
    }

    func workingDays(from start: CalendarDate, to end: CalendarDate) -> Int {
        guard start < end else { return 0 }
        return (1...start.days(until: end)).filter { calendar.isWorkingDay(start.adding(days: $0)) }.count
    }
}

extension Array {
    /// The array with `elements` inserted at `index`.
    func inserting(_ elements: [Element], at index: Int) -> [Element] {
        var result = self
        result.insert(contentsOf: elements, at: index)
        return result
    }
}

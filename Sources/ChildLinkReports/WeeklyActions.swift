import ChildLinkModel

/// The first thing the Operational Missing Group reads: each child who needs a decision this week,
/// once, with every reason, the most urgent first.
///
/// A child is listed when missing now, when a strategy meeting is triggered, when a Return Home
/// Interview is overdue or due by the day after the week, or when they are a need-to-know child:
/// on a child protection plan, or looked after and missing overnight. The order is by urgency:
/// still missing first, then the longest missing this week, then the RHI most overdue.
/// The findings themselves (triggers, overdue interviews) come from ``WeeklyPackBuilder``; this
/// type only gathers them per child, orders and lays them out.
struct WeeklyActions {
    /// One child's row.
    struct Action {
        let child: ChildLinkID
        var reasons: [String] = []
        var stillMissing = false
        var longestHours = 0.0
        var workingDaysLate = 0
    }

    let options: WeeklyPackOptions
    let asAt: LocalDateTime

    /// The actions from the week's findings, most urgent first.
    func actions(
        inWeek: [WeeklyEpisode], all: [WeeklyEpisode], triggers: [WeeklyPackBuilder.Trigger],
        overdue: [WeeklyPackBuilder.OverdueInterview], workingDaysLate: (WeeklyPackBuilder.OverdueInterview) -> Int
    ) -> [Action] {
        var byChild: [ChildLinkID: Action] = [:]
        func update(_ child: ChildLinkID, _ change: (inout Action) -> Void) {
            change(&byChild[child, default: Action(child: child)])
        }
        for item in inWeek {
            update(item.child) { $0.longestHours = max($0.longestHours, item.hoursMissing) }
            if item.isStillMissing {
                update(item.child) {
                    $0.stillMissing = true
                    $0.reasons.append(
                        "Missing now: since \(item.episode.start.uk) (\(Self.duration(hours: item.hoursMissing)))")
                }
            }
            if let reason = needToKnow(item) { update(item.child) { $0.reasons.append(reason) } }
        }
        for trigger in triggers {
            update(trigger.child) {
                // A child missing now already has the duration in "Missing now".
                let detail = $0.stillMissing && trigger.detail.hasSuffix("still missing") ? "" : " (\(trigger.detail))"
                $0.reasons.append("Strategy meeting: \(trigger.reason)\(detail)")
            }
        }
        for entry in overdue where entry.completed == nil {
            let late = workingDaysLate(entry)
            update(entry.item.child) {
                $0.workingDaysLate = max($0.workingDaysLate, late)
                // The same count as the RHI table: calendar days under the 72-hour rule, working days under 3wd.
                let unit = options.rhiRule == .seventyTwoHours ? "day" : "working day"
                let lateness = late == 0 ? "not done" : "\(late) \(unit)\(late == 1 ? "" : "s") late"
                $0.reasons.append("RHI overdue: returned \(entry.returned.uk), due \(entry.due.uk), \(lateness)")
            }
        }
        for (child, due) in interviewsDueSoon(all) {
            update(child) { $0.reasons.append("RHI due by \(due.uk)") }
        }
        return byChild.values.filter { !$0.reasons.isEmpty }.map { action in
            var action = action
            action.reasons = Self.unique(action.reasons)
            return action
        }.sorted(by: Self.moreUrgent)
    }

    /// Still missing first, then the longest missing this week, then the RHI most overdue; then by id.
    static func moreUrgent(_ lhs: Action, _ rhs: Action) -> Bool {
        if lhs.stillMissing != rhs.stillMissing { return lhs.stillMissing }
        if lhs.longestHours != rhs.longestHours { return lhs.longestHours > rhs.longestHours }
        if lhs.workingDaysLate != rhs.workingDaysLate { return lhs.workingDaysLate > rhs.workingDaysLate }
        return lhs.child < rhs.child
    }

    /// Why a child with an episode this week is one the group must know about, if they are.
    func needToKnow(_ item: WeeklyEpisode) -> String? {
        switch item.episode.socialCareStatus {
        case .childProtection: return "On a child protection plan"
        case .lookedAfter:
            let end = item.episode.end.map { min($0, asAt) } ?? asAt
            return end.date > item.episode.start.date ? "Looked after and missing overnight" : nil
        default: return nil
        }
    }

    /// Interviews not yet done whose deadline is the week's last day or the day after.
    func interviewsDueSoon(_ all: [WeeklyEpisode]) -> [(ChildLinkID, CalendarDate)] {
        let soon = DayRange(start: options.weekEnding, end: options.weekEnding.adding(days: 1))
        return all.compactMap { item in
            guard let end = item.episode.end, end <= asAt, item.episode.rhiOffered != false,
                item.episode.rhiAccepted != false, item.episode.rhiCompletedDate == nil
            else { return nil }
            let due = options.calendar.adding(workingDays: options.rhiWorkingDays, to: end.date)
            return soon.contains(due) ? (item.child, due) : nil
        }
    }

    /// The table: one row per child, with name, age (and team, where recorded) and every reason.
    func table(_ actions: [Action], people: PackPeople) -> ReportTable {
        ReportTable(
            id: "actions", title: "Actions: children who need a decision",
            columns: people.columns + [
                "ChildLink ID", "Social care status", "Still missing", "Longest this week", "Reasons",
            ],
            rows: actions.map { action in
                let fact = people.facts(action.child)
                return people.nameAndAge(fact) + [
                    .text(people.style.childID(action.child)), fact.statusLabel.map(ReportCell.text) ?? .empty,
                    .flag(action.stillMissing),
                    action.longestHours > 0 ? .text(Self.duration(hours: action.longestHours)) : .empty,
                    .text(action.reasons.joined(separator: "; ")),
                ]
            },
            note: "Most urgent first: still missing, then the longest missing this week, then the Return Home "
                + "Interview most overdue. Durations are to the return, or to the end of the missing extract's "
                + "last day for a child still missing.")
    }

    /// `5 d 3 h`, or `7 h` under a day (to the nearest hour).
    static func duration(hours: Double) -> String {
        let whole = Int(hours.rounded())
        return whole < 24 ? "\(whole) h" : "\(whole / 24) d \(whole % 24) h"
    }

    private static func unique(_ reasons: [String]) -> [String] {
        var seen: Set<String> = []
        return reasons.filter { seen.insert($0).inserted }
    }
}

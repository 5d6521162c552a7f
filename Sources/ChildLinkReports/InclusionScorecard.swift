package import ChildLinkModel

/// Disclosure choices for reports that leave the operational group.
package struct DisclosureOptions: Sendable {
    /// Hide counts below ``SmallNumberSuppression/defaultThreshold`` and the cells that reveal them.
    package var suppress: Bool
    /// Replace names and identifiers with keyed hashes.
    package var pseudonymiser: Pseudonymiser?

    /// Creates the options.
    package init(suppress: Bool, pseudonymiser: Pseudonymiser?) {
        self.suppress = suppress
        self.pseudonymiser = pseudonymiser
    }

    /// The notes to print on the report.
    var notes: [String] {
        var notes: [String] = []
        if suppress {
            notes.append("Counts of 1 to 4 are shown as * , with further cells hidden so that no total reveals them.")
        }
        if pseudonymiser != nil { notes.append("Names and identifiers are replaced by keyed pseudonyms.") }
        return notes
    }
}

/// Which strands a child is in during a period, and the facts shown about them.
package struct StrandMembership: Hashable, Sendable {
    /// The child.
    package let child: ChildLinkID
    /// The strands with activity in the period.
    package let strands: Set<Dataset>
    /// Facts as at the period end.
    package let facts: ChildFacts
    /// Missing episodes starting in the period.
    package let episodesInPeriod: Int

    /// The strands in fixed order, e.g. `Missing + CME`.
    package var label: String { StrandMembership.label(strands) }

    /// `Missing + CME` for a set of strands.
    package static func label(_ strands: Set<Dataset>) -> String {
        Dataset.strands.filter(strands.contains).map(\.rawValue).joined(separator: " + ")
    }

    /// The strands of every child active in `interval`: an episode starting in it, a CME case or EHE
    /// spell open during it, an exclusion starting in it.
    package static func members(of cohort: Cohort, in interval: DayRange) -> [StrandMembership] {
        cohort.children.compactMap { child -> StrandMembership? in
            var strands = Set<Dataset>()
            var episodes = 0
            for record in cohort.recordsByChild[child] ?? [] {
                switch record.event {
                case .missing(let episode) where interval.contains(episode.start.date):
                    strands.insert(.missing)
                    episodes += 1
                case .cme(let referral) where interval.overlaps(from: referral.referralDate, to: referral.closedDate):
                    strands.insert(.cme)
                case .ehe(let ehe) where interval.overlaps(from: ehe.startDate, to: ehe.endDate):
                    strands.insert(.ehe)
                case .exclusion(let exclusion) where interval.contains(exclusion.startDate):
                    strands.insert(.exclusions)
                default: break
                }
            }
            guard !strands.isEmpty else { return nil }
            return StrandMembership(
                child: child, strands: strands, facts: ChildFacts(child: child, cohort: cohort, asAt: interval.end),
                episodesInPeriod: episodes)
        }
    }

    /// The 15 non-empty combinations of the four strands: singles first, then pairs, triples, all four.
    package static let combinations: [Set<Dataset>] = {
        let all = (1..<16).map { mask in
            Set(Dataset.strands.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element))
        }
        return all.sorted { lhs, rhs in
            if lhs.count != rhs.count { return lhs.count < rhs.count }
            let order = { (set: Set<Dataset>) in Dataset.strands.map { set.contains($0) ? 0 : 1 } }
            return order(lhs).lexicographicallyPrecedes(order(rhs))
        }
    }()
}

/// The overlap statistics and the Inclusion Scorecard: children in each combination of the four
/// strands, split by LAC and by CSE/CCE risk, and the cohort in two or more strands.
package enum InclusionScorecard {
    /// The combinations table: one row per combination, then the total; with its sums for suppression.
    package static func combinationsTable(_ members: [StrandMembership], disclosure: DisclosureOptions) -> ReportTable {
        var rows = StrandMembership.combinations.map { combination -> [ReportCell] in
            countsRow(StrandMembership.label(combination), members.filter { $0.strands == combination })
        }
        rows.append(countsRow("Any strand (total)", members))
        var table = ReportTable(
            id: "overlap-combinations", title: "Children in each combination of the strands",
            columns: ["Strands", "Children", "LAC", "Not LAC", "CSE/CCE risk medium or high", "No such risk"],
            rows: rows,
            note: "A child is in a strand when they had an episode or exclusion starting in the period, or a CME case "
                + "or EHE spell open during it. LAC and risk as last recorded by the period end.",
            chart: .upset)
        if disclosure.suppress {
            let combinationRows = Array(0..<15)
            let relations =
                SmallNumberSuppression.columnSums(totalRow: 15, partRows: combinationRows, columns: Array(1...5))
                + SmallNumberSuppression.rowSums(totalColumn: 1, partColumns: [2, 3], rows: Array(0...15))
                + SmallNumberSuppression.rowSums(totalColumn: 1, partColumns: [4, 5], rows: Array(0...15))
            table = SmallNumberSuppression.apply(to: table, relations: relations)
        }
        return table
    }

    private static func countsRow(_ label: String, _ members: [StrandMembership]) -> [ReportCell] {
        let lac = members.filter(\.facts.isLookedAfter).count
        let risk = members.filter(\.facts.hasExploitationRisk).count
        return [
            .text(label), .count(members.count), .count(lac), .count(members.count - lac), .count(risk),
            .count(members.count - risk),
        ]
    }

    /// How many children are in one, two, three or all four strands.
    package static func strandCountTable(_ members: [StrandMembership], disclosure: DisclosureOptions) -> ReportTable {
        var rows = (1...4).map { count -> [ReportCell] in
            [
                .text("\(count) strand\(count == 1 ? "" : "s")"),
                .count(members.filter { $0.strands.count == count }.count),
            ]
        }
        rows.append([.text("Total"), .count(members.count)])
        var table = ReportTable(
            id: "overlap-strand-count", title: "Children by number of strands", columns: ["Strands", "Children"],
            rows: rows, chart: .bar)
        if disclosure.suppress {
            table = SmallNumberSuppression.apply(
                to: table,
                relations: SmallNumberSuppression.columnSums(totalRow: 4, partRows: [0, 1, 2, 3], columns: [1]))
        }
        return table
    }

    /// The children in two or more strands, with key facts.
    package static func cohortList(_ members: [StrandMembership], asAt: CalendarDate, disclosure: DisclosureOptions)
        -> ReportTable
    {
        let style = IdentityStyle(pseudonymiser: disclosure.pseudonymiser)
        let rows = members.filter { $0.strands.count >= 2 }
            .sorted { ($0.strands.count, $1.child) > ($1.strands.count, $0.child) }
            .map { member -> [ReportCell] in
                let facts = member.facts
                return [
                    .text(style.childID(member.child)), style.name(facts.person),
                    facts.person.dateOfBirth.map { .count($0.age(on: asAt)) } ?? .empty,
                    facts.person.gender.map { .text($0.rawValue) } ?? .empty,
                    .text(member.label), .count(member.strands.count), .flag(facts.isLookedAfter),
                    .flag(facts.hasExploitationRisk), .count(member.episodesInPeriod),
                    facts.cmeStatus.map(ReportCell.text) ?? .empty, facts.eheStatus.map(ReportCell.text) ?? .empty,
                    facts.exclusionSummary.map(ReportCell.text) ?? .empty,
                ]
            }
        return ReportTable(
            id: "inclusion-cohort", title: "Children in two or more strands",
            columns: [
                "Child", "Name", "Age", "Gender", "Strands", "Number of strands", "LAC", "CSE/CCE risk",
                "Missing episodes in period", "CME", "EHE", "Exclusions this academic year",
            ],
            rows: rows)
    }

    /// Children in one or more, two or more, and three or more strands, per month or quarter.
    package static func trendTable(cohort: Cohort, columns: [ScorecardColumn], disclosure: DisclosureOptions)
        -> ReportTable
    {
        let counts = columns.map { column in
            StrandMembership.members(of: cohort, in: column.interval).map(\.strands.count)
        }
        let rows = [(1, "In any strand"), (2, "In two or more strands"), (3, "In three or more strands")].map {
            minimum, label in
            [ReportCell.text(label)] + counts.map { ReportCell.count($0.filter { $0 >= minimum }.count) }
        }
        let table = ReportTable(
            id: "inclusion-trend", title: "Children in several strands over the year",
            columns: ["Measure"] + columns.map(\.label),
            rows: rows, chart: .trend)
        return disclosure.suppress ? SmallNumberSuppression.apply(to: table, relations: []) : table
    }

    /// The overlap report (`childlink overlap`): combinations and strand counts.
    package static func overlapReport(
        cohort: Cohort, period: ReportingPeriod, disclosure: DisclosureOptions, generatedAt: LocalDateTime
    ) -> Report {
        let members = StrandMembership.members(of: cohort, in: period.interval)
        return Report(
            slug: "overlap-\(period.slug)", title: "Overlap of the four strands",
            periodLabel: "\(period.columnLabel) (\(period.interval.start.uk) to \(period.interval.end.uk))",
            generatedAt: generatedAt,
            sections: [
                ReportSection(
                    title: "Overlap",
                    tables: [
                        combinationsTable(members, disclosure: disclosure),
                        strandCountTable(members, disclosure: disclosure),
                    ])
            ],
            disclosureNotes: disclosure.notes)
    }

    /// The Inclusion Scorecard: the overlap, its trend over the financial year, and the cohort list.
    package static func build(
        cohort: Cohort, period: ReportingPeriod, disclosure: DisclosureOptions, generatedAt: LocalDateTime
    ) -> Report {
        let members = StrandMembership.members(of: cohort, in: period.interval)
        let trendColumns: [ScorecardColumn] =
            switch period {
            case .month:
                period.financialYearMonths.map { ScorecardColumn(label: $0.columnLabel, interval: $0.interval) }
            case .quarter, .year:
                period.financialYearQuarters.map { ScorecardColumn(label: $0.columnLabel, interval: $0.interval) }
            }
        return Report(
            slug: "inclusion-scorecard-\(period.slug)", title: "Inclusion Scorecard",
            periodLabel: "\(period.columnLabel) (\(period.interval.start.uk) to \(period.interval.end.uk))",
            generatedAt: generatedAt,
            sections: [
                ReportSection(
                    title: "Overlap of the strands",
                    tables: [
                        combinationsTable(members, disclosure: disclosure),
                        strandCountTable(members, disclosure: disclosure),
                    ]),
                ReportSection(
                    title: "Trend", tables: [trendTable(cohort: cohort, columns: trendColumns, disclosure: disclosure)]),
                cohortSection(members, asAt: period.interval.end, disclosure: disclosure),
            ],
            disclosureNotes: disclosure.notes)
    }

    /// The cohort list of children in two or more strands. With suppression on it is left out: its
    /// rows could be counted, which would give back the totals that suppression hides.
    static func cohortSection(_ members: [StrandMembership], asAt: CalendarDate, disclosure: DisclosureOptions)
        -> ReportSection
    {
        guard !disclosure.suppress else {
            return ReportSection(
                title: "Cross-referenced cohort",
                summary: "The list of children is left out of suppressed output: counting its rows would reveal "
                    + "the small numbers hidden above. Run with --no-suppress for the operational list.",
                tables: [])
        }
        return ReportSection(
            title: "Cross-referenced cohort",
            summary: "Children in two or more strands in the period, with what is known about them.",
            tables: [cohortList(members, asAt: asAt, disclosure: disclosure)])
    }
}

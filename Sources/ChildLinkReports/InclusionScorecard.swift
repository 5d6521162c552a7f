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

    /// The strands of every child active in `interval`: a missing episode starting in it (an absence
    /// is not one: absent episodes are recorded and watched, not counted as missing), a CME case or
    /// EHE spell open during it, an exclusion starting in it.
    package static func members(of cohort: Cohort, in interval: DayRange) -> [StrandMembership] {
        cohort.children.compactMap { child -> StrandMembership? in
            var strands = Set<Dataset>()
            var episodes = 0
            for record in cohort.records(of: child) {
                switch record.event {
                case .missing(let episode) where episode.type == .missing && interval.contains(episode.start.date):
                    strands.insert(.missing)
                    episodes += 1
                case .cme(let referral) where interval.overlaps(from: referral.referralDate, to: referral.closedDate):
                    strands.insert(.cme)
                case .ehe(let ehe) where ehe.isHomeEducation && interval.overlaps(from: ehe.startDate, to: ehe.endDate):
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
        let table = ReportTable(
            id: "overlap-combinations", title: "Children in each combination of the strands",
            columns: ["Strands", "Children", "LAC", "Not LAC", "CSE/CCE risk medium or high", "No such risk"],
            rows: rows,
            note: "A child is in a strand when they had a missing episode (not an absence) or an exclusion starting in "
                + "the period, or a CME case "
                + "or EHE spell open during it. LAC and risk as last recorded by the period end: LAC from missing "
                + "episodes (LCS and SSDA903), CSE/CCE risk medium or high from missing episodes, or exploitation "
                + "recorded as a CIN assessment factor (11A, 24A).",
            chart: .upset)
        return table
    }

    /// The sums a reader of the combinations table can use: each column's total over the 15
    /// combinations, and LAC + not LAC and risk + no risk = children in each row.
    static func combinationRelations() -> [SumRelation<OutputCell>] {
        let id = "overlap-combinations"
        let columnTotals = (1...5).map { column in
            SumRelation(
                total: OutputCell(id, row: 15, column: column),
                parts: (0..<15).map { OutputCell(id, row: $0, column: column) })
        }
        let splits = (0...15).flatMap { row in
            [[2, 3], [4, 5]].map { pair in
                SumRelation(
                    total: OutputCell(id, row: row, column: 1), parts: pair.map { OutputCell(id, row: row, column: $0) }
                )
            }
        }
        return columnTotals + splits
    }

    /// The strand-count table against the combinations: children in k strands are the sum of the
    /// combinations of k strands, and both tables' totals are the same children.
    static func strandCountRelations() -> [SumRelation<OutputCell>] {
        let (counts, combinations) = ("overlap-strand-count", "overlap-combinations")
        let rowsBySize = StrandMembership.combinations.indices.reduce(into: [Int: [Int]]()) {
            $0[StrandMembership.combinations[$1].count, default: []].append($1)
        }
        let bySize = (1...4).map { size in
            SumRelation(
                total: OutputCell(counts, row: size - 1, column: 1),
                parts: rowsBySize[size]!.map { OutputCell(combinations, row: $0, column: 1) })
        }
        return bySize + [
            SumRelation(
                total: OutputCell(counts, row: 4, column: 1),
                parts: (0..<4).map { OutputCell(counts, row: $0, column: 1) }),
            SumRelation(
                total: OutputCell(counts, row: 4, column: 1), parts: [OutputCell(combinations, row: 15, column: 1)]),
        ]
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
        return ReportTable(
            id: "overlap-strand-count", title: "Children by number of strands", columns: ["Strands", "Children"],
            rows: rows, chart: .bar)
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

    /// Children in one or more, two or more (the cross-referenced cohort), and three or more strands,
    /// per month of `columns`; a month that ends before the first record of the extracts is left empty.
    package static func trendTable(cohort: Cohort, columns: [ScorecardColumn], disclosure: DisclosureOptions)
        -> ReportTable
    {
        let first = cohort.records.map(\.record.event.date).min()
        let counts = columns.map { column -> [Int]? in
            guard let first, first <= column.interval.end else { return nil }
            return StrandMembership.members(of: cohort, in: column.interval).map(\.strands.count)
        }
        let rows = [(1, "In any strand"), (2, "In two or more strands"), (3, "In three or more strands")].map {
            minimum, label in
            [ReportCell.text(label)]
                + counts.map { column in column.map { ReportCell.count($0.filter { $0 >= minimum }.count) } ?? .empty }
        }
        return ReportTable(
            id: "inclusion-trend", title: "Children in several strands, last 12 months",
            columns: ["Measure"] + columns.map(\.label),
            rows: rows, chart: .trend)
    }

    /// The trend's sums: in each column, children in any strand are those in one (never published)
    /// plus those in two or more, and so on; the column of the report's own period repeats the
    /// overlap tables' totals.
    static func trendRelations(columns: [ScorecardColumn], period: DayRange) -> [SumRelation<OutputCell>] {
        let (trend, counts) = ("inclusion-trend", "overlap-strand-count")
        return columns.indices.flatMap { index -> [SumRelation<OutputCell>] in
            let column = index + 1
            let cell = { (row: Int) in OutputCell(trend, row: row, column: column) }
            var relations = [
                SumRelation(total: cell(0), parts: [OutputCell("latent:one-strand", row: 0, column: column), cell(1)]),
                SumRelation(
                    total: cell(1), parts: [OutputCell("latent:two-strands", row: 0, column: column), cell(2)]),
            ]
            if columns[index].interval == period {
                relations += [
                    SumRelation(total: cell(0), parts: [OutputCell(counts, row: 4, column: 1)]),
                    SumRelation(total: cell(1), parts: (1...3).map { OutputCell(counts, row: $0, column: 1) }),
                    SumRelation(total: cell(2), parts: (2...3).map { OutputCell(counts, row: $0, column: 1) }),
                ]
            }
            return relations
        }
    }

    /// The overlap report (`childlink overlap`): combinations and strand counts.
    package static func overlapReport(
        cohort: Cohort, period: ReportingPeriod, disclosure: DisclosureOptions, generatedAt: LocalDateTime
    ) -> Report {
        let members = StrandMembership.members(of: cohort, in: period.interval)
        var tables = [
            combinationsTable(members, disclosure: disclosure), strandCountTable(members, disclosure: disclosure),
        ]
        if disclosure.suppress {
            tables = JointSuppression.apply(to: tables, relations: combinationRelations() + strandCountRelations())
        }
        return Report(
            slug: "overlap-\(period.slug)", title: "Overlap of the four strands",
            periodLabel: "\(period.columnLabel) (\(period.interval.start.uk) to \(period.interval.end.uk))",
            generatedAt: generatedAt,
            sections: [ReportSection(title: "Overlap", tables: tables)],
            disclosureNotes: disclosure.notes)
    }

    /// The overlap tables and the trend, suppressed together when asked: every relation within and
    /// across them holds for the hidden cells at once.
    static func publishedTables(
        _ members: [StrandMembership], cohort: Cohort, period: ReportingPeriod, trendColumns: [ScorecardColumn],
        disclosure: DisclosureOptions, annotations: ScorecardAnnotations = .none
    ) -> [ReportTable] {
        let previous =
            annotations.targets.isEmpty
            ? nil
            : StrandMembership.members(of: cohort, in: period.previous.interval).filter { $0.strands.count >= 2 }
                .count
        let tables = [
            combinationsTable(members, disclosure: disclosure), strandCountTable(members, disclosure: disclosure),
            trendTable(cohort: cohort, columns: trendColumns, disclosure: disclosure),
            cohortSizeTable(members, previous: previous, annotations: annotations),
        ]
        guard disclosure.suppress else { return tables }
        let relations =
            combinationRelations() + strandCountRelations()
            + trendRelations(columns: trendColumns, period: period.interval) + [cohortSizeRelation]
        var published = JointSuppression.apply(to: tables, relations: relations)
        published[3] = hidingDerivedHeadlineCells(published[3], previous: previous)
        return published
    }

    /// The reference of the headline in the council's context files (`inclusion: { cohort: … }`).
    package static let cohortReference = "cohort"

    /// The headline: how many children are in two or more strands (the cohort list's length). With
    /// the council's targets: Good is, the direction of travel from the previous period of the same
    /// kind (`previous`: its count), RAG and Target, as on every scorecard; with benchmarks, Stat.
    /// neighbours, England and Last year; with commentary, Comments.
    static func cohortSizeTable(
        _ members: [StrandMembership], previous: Int? = nil, annotations: ScorecardAnnotations = .none
    ) -> ReportTable {
        let count = members.filter { $0.strands.count >= 2 }.count
        var row: [ReportCell] = [.text("Children in two or more strands"), .count(count)]
        let hasTargets = !annotations.targets.isEmpty
        if hasTargets {
            let cells = ContextCells(target: annotations.targets[cohortReference])
            let target = cells.targetCells(IndicatorValue(count))
            let arrow = previous.map {
                cells.arrow(latest: IndicatorValue(count), previous: IndicatorValue($0), withTargets: true)
            }
            row += [target[0], arrow ?? .empty] + target.dropFirst()
        }
        let benchmarks = annotations.coversBenchmarks([cohortReference])
        if benchmarks { row += ContextCells.benchmarkCells(annotations.benchmarks[cohortReference]) }
        if annotations.hasIndicatorComments {
            row.append(annotations.comments[cohortReference].map { .text($0) } ?? .empty)
        }
        return ReportTable(
            id: "inclusion-cohort-size", title: "The cross-referenced cohort",
            columns: ["Cohort", "Children"]
                + annotations.headings(
                    direction: hasTargets, benchmarks: benchmarks, comments: annotations.hasIndicatorComments),
            rows: [row])
    }

    /// The headline's DOT and RAG hidden where they could give back a hidden count: with the
    /// headline, and (DOT) where the previous period's count, which is not published, is below the
    /// threshold.
    static func hidingDerivedHeadlineCells(_ table: ReportTable, previous: Int?) -> ReportTable {
        guard table.columns.count > 2, let dot = table.columns.firstIndex(of: "DOT"),
            let rag = table.columns.firstIndex(of: "RAG")
        else { return table }
        var table = table
        if table.rows[0][1] == .suppressed {
            table.rows[0][dot] = .suppressed
            table.rows[0][rag] = .suppressed
        } else if let previous, (1..<SmallNumberSuppression.defaultThreshold).contains(previous) {
            table.rows[0][dot] = .suppressed
        }
        return table
    }

    /// What the review list could still change in the headline: the pairs of children waiting for a
    /// reviewer's decision of which at least one is in a strand in the period, and how many children
    /// would be in two or more strands if every waiting pair were confirmed (two children in one
    /// strand each may become one child in two; two children in the cohort may become one).
    static func waitingForReviewTable(_ members: [StrandMembership], undecided: [UnorderedPair<ChildLinkID>])
        -> ReportTable
    {
        let strands = Dictionary(uniqueKeysWithValues: members.map { ($0.child, $0.strands) })
        let waiting = undecided.filter { strands[$0.a] != nil || strands[$0.b] != nil }
        let ids = Array(Set(members.map(\.child) + undecided.flatMap { [$0.a, $0.b] }))
        let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        var groups = UnionFind(count: ids.count)
        for pair in undecided {
            let (a, b) = (groups.root(index[pair.a]!), groups.root(index[pair.b]!))
            if a != b { _ = groups.union(a, b) }
        }
        var strandsOfGroup: [Int: Set<Dataset>] = [:]
        for member in members {
            strandsOfGroup[groups.root(index[member.child]!), default: []].formUnion(member.strands)
        }
        let cohortIfConfirmed = strandsOfGroup.values.filter { $0.count >= 2 }.count
        return ReportTable(
            id: "inclusion-waiting-for-review", title: "Waiting for a review decision",
            columns: ["Measure", "Number"],
            rows: [
                [.text("Pairs of children waiting for a review decision"), .count(waiting.count)],
                [
                    .text("Children in two or more strands if every waiting pair were confirmed"),
                    .count(cohortIfConfirmed),
                ],
            ],
            note: "Pairs the matcher was unsure of (the review list), at least one child of each in a strand in the "
                + "period, that no reviewer has decided yet. Confirming a pair makes the two one child: a child in "
                + "one strand may join the cohort, two children in it may become one. Decide them with "
                + "'childlink review' or the desk, then make the report again.")
    }

    /// The waiting-for-review table under suppression, beside a headline of `cohortSize` (shown): a
    /// count of 1 to 4 is hidden, and so is the cohort if confirmed where it differs from the
    /// headline by 1 to 4 (the difference would be a count of children).
    static func publishedWaitingForReview(_ table: ReportTable, cohortSize: Int) -> ReportTable {
        var table = table
        let small = 1..<SmallNumberSuppression.defaultThreshold
        for row in table.rows.indices {
            guard case .count(let value) = table.rows[row][1] else { continue }
            if small.contains(value) || (row == 1 && small.contains(abs(value - cohortSize))) {
                table.rows[row][1] = .suppressed
            }
        }
        return table
    }

    /// The headline is the strand counts of two, three and four strands added up.
    static let cohortSizeRelation = SumRelation(
        total: OutputCell("inclusion-cohort-size", row: 0, column: 1),
        parts: (1...3).map { OutputCell("overlap-strand-count", row: $0, column: 1) })

    /// The Inclusion Scorecard: the overlap, its trend over the twelve months to the period end, and
    /// the cohort list.
    /// - Parameter annotations: the council's target and commentary for the headline (`cohort`).
    package static func build(
        cohort: Cohort, period: ReportingPeriod, disclosure: DisclosureOptions, generatedAt: LocalDateTime,
        annotations: ScorecardAnnotations = .none
    ) -> Report {
        let members = StrandMembership.members(of: cohort, in: period.interval)
        let trendColumns = ScorecardLayout.rollingMonths(period)
        let tables = publishedTables(
            members, cohort: cohort, period: period, trendColumns: trendColumns, disclosure: disclosure,
            annotations: annotations)
        return Report(
            slug: "inclusion-scorecard-\(period.slug)", title: "Inclusion Scorecard",
            periodLabel: "\(period.columnLabel) (\(period.interval.start.uk) to \(period.interval.end.uk))",
            generatedAt: generatedAt,
            sections: [
                ReportSection(title: "Overlap of the strands", tables: [tables[0], tables[1]]),
                ReportSection(title: "Trend", tables: [tables[2]]),
                cohortSection(
                    members, asAt: period.interval.end, disclosure: disclosure, published: tables,
                    waiting: waitingForReviewTable(members, undecided: cohort.undecided)),
            ],
            disclosureNotes: disclosure.notes)
    }

    /// The cohort list of children in two or more strands, after its headline (`published[3]`) and
    /// what the review list could still change in it (`waiting`).
    /// With suppression on, a headline that is hidden leaves the list and `waiting` out (its rows would
    /// count it), and each row shows only what cannot give back a hidden count (``CohortListDisclosure``).
    static func cohortSection(
        _ members: [StrandMembership], asAt: CalendarDate, disclosure: DisclosureOptions, published: [ReportTable],
        waiting: ReportTable
    ) -> ReportSection {
        let headline = published[3]
        guard disclosure.suppress else {
            return ReportSection(
                title: "Cross-referenced cohort",
                summary: "Children in two or more strands in the period, with what is known about them.",
                tables: [headline, waiting, cohortList(members, asAt: asAt, disclosure: disclosure)])
        }
        guard case .count(let cohortSize) = headline.rows[0][1] else {
            return ReportSection(
                title: "Cross-referenced cohort",
                summary: "The list of children is left out: it would show how many children are in two or more "
                    + "strands, a number hidden here (fewer than 5, or one that would reveal a hidden count). "
                    + "Run with --no-suppress for the operational list.",
                tables: [headline])
        }
        let list = CohortListDisclosure(combinations: published[0], strandCounts: published[1])
            .apply(to: cohortList(members, asAt: asAt, disclosure: disclosure))
        return ReportSection(
            title: "Cross-referenced cohort",
            summary: "Children in two or more strands in the period, by keyed pseudonym where names are withheld. "
                + "A * stands for what would give back a count hidden above: a child's strands where their "
                + "combination's count is hidden (with what shows the strands: episodes, CME, EHE, exclusions), "
                + "the number of strands where that count is hidden, LAC or risk where that split is hidden.",
            tables: [headline, publishedWaitingForReview(waiting, cohortSize: cohortSize), list])
    }
}

/// What each row of the cohort list may show in suppressed output: counting the rows by any
/// column must give only figures published in the overlap tables.
struct CohortListDisclosure {
    /// The combinations table as published (suppressed).
    let combinations: ReportTable
    /// The strand-count table as published.
    let strandCounts: ReportTable

    /// Columns of ``InclusionScorecard/cohortList(_:asAt:disclosure:)``.
    static let (strands, numberOfStrands, lac, risk) = (4, 5, 6, 7)
    /// The columns that show which strands a child is in (missing episodes, CME, EHE, exclusions).
    static let strandDetail = [8, 9, 10, 11]

    /// `list` with the cells that could give back a hidden count shown as `*`.
    func apply(to list: ReportTable) -> ReportTable {
        var result = list
        for (index, row) in list.rows.enumerated() {
            guard case .text(let label) = row[Self.strands] else { continue }
            let combination = combinations.rows.first { $0[0] == .text(label) }
            let shown = { (column: Int) in combination.map { $0[column] != .suppressed } ?? false }
            var hidden: [Int] = []
            if !shown(1) { hidden += [Self.strands] + Self.strandDetail }
            if case .count(let size) = row[Self.numberOfStrands], strandCounts.rows[size - 1][1] == .suppressed {
                hidden.append(Self.numberOfStrands)
            }
            if !(shown(1) && shown(2) && shown(3)) { hidden.append(Self.lac) }
            if !(shown(1) && shown(4) && shown(5)) { hidden.append(Self.risk) }
            for column in hidden { result.rows[index][column] = .suppressed }
        }
        return result
    }
}

package import ChildLinkModel
package import ChildLinkReports

/// The scorecards `childlink scorecard` produces.
package enum ScorecardKind: String, Sendable, CaseIterable {
    /// The Missing from Home and Care monthly scorecard.
    case missing
    /// The CME quarterly scorecard.
    case cme
    /// The EHE summary by academic year.
    case ehe
    /// Suspensions and permanent exclusions.
    case exclusions
    /// The Inclusion Scorecard (overlap of the strands and the cohort in two or more).
    case inclusion

    /// The datasets the scorecard counts.
    var datasets: Set<Dataset> {
        switch self {
        case .missing: [.missing]
        case .cme: [.cme]
        case .ehe: [.ehe]
        case .exclusions: [.exclusions]
        case .inclusion: Set(Dataset.strands)
        }
    }

    /// The key the council's context files use for this scorecard.
    var contextName: ScorecardName {
        switch self {
        case .missing: .missing
        case .cme: .cme
        case .ehe: .ehe
        case .exclusions: .exclusions
        case .inclusion: .inclusion
        }
    }

    /// Whether small-number suppression and pseudonymisation are on unless turned off.
    package var disclosureControlByDefault: Bool { self == .inclusion }
}

/// Builds a scorecard for a period from the linked cohort (``ReportJob`` writes it).
package enum ScorecardJob {
    /// The scorecard as a report model, with the council's targets, commentary and benchmarks from
    /// `context` (none by default).
    package static func build(
        kind: ScorecardKind, cohort: Cohort, period: ReportingPeriod, disclosure: DisclosureOptions,
        generatedAt: LocalDateTime, calendar: WorkingDayCalendar = WorkingDayCalendar(),
        exclusionsBasis: ExclusionYearBasis = .academic, context: ScorecardContext = ScorecardContext()
    ) -> Report {
        var notes = ScorecardAnnotations(context, scorecard: kind.contextName, period: period)
        notes.areaSubtotals = !disclosure.suppress
        var report: Report =
            switch kind {
            case .missing:
                MissingScorecard.build(
                    cohort: cohort, period: period, generatedAt: generatedAt, calendar: calendar, annotations: notes)
            case .cme: CMEScorecard.build(cohort: cohort, period: period, generatedAt: generatedAt, annotations: notes)
            case .ehe: EHEScorecard.build(cohort: cohort, period: period, generatedAt: generatedAt, annotations: notes)
            case .exclusions:
                ExclusionsScorecard.build(
                    cohort: cohort, period: period, generatedAt: generatedAt, basis: exclusionsBasis,
                    annotations: notes)
            case .inclusion:
                InclusionScorecard.build(
                    cohort: cohort, period: period, disclosure: disclosure, generatedAt: generatedAt,
                    annotations: notes)
            }
        // The copies each figure left out, by record id: in outputs that carry no small-count
        // suppression, or whose ids are keyed pseudonyms.
        if !disclosure.suppress || disclosure.pseudonymiser != nil {
            let datasets = kind.datasets
            let duplicates = cohort.duplicates.filter { datasets.contains($0.kept.dataset) }
            if let section = DataQuality.duplicatesSection(duplicates, pseudonymiser: disclosure.pseudonymiser) {
                report.sections.append(section)
            }
        }
        guard kind != .inclusion, disclosure.suppress else { return report }
        // Every indicator table with counts below 5 hidden, and the cells that would reveal them.
        return SmallNumberSuppression.apply(to: report)
    }
}

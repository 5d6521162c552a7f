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

    /// Whether small-number suppression and pseudonymisation are on unless turned off.
    package var disclosureControlByDefault: Bool { self == .inclusion }
}

/// Builds a scorecard for a period from the linked cohort (``ReportJob`` writes it).
package enum ScorecardJob {
    /// The scorecard as a report model.
    package static func build(
        kind: ScorecardKind, cohort: Cohort, period: ReportingPeriod, disclosure: DisclosureOptions,
        generatedAt: LocalDateTime, calendar: WorkingDayCalendar = WorkingDayCalendar(),
        exclusionsBasis: ExclusionYearBasis = .academic
    ) -> Report {
        var report: Report =
            switch kind {
            case .missing:
                MissingScorecard.build(cohort: cohort, period: period, generatedAt: generatedAt, calendar: calendar)
            case .cme: CMEScorecard.build(cohort: cohort, period: period, generatedAt: generatedAt)
            case .ehe: EHEScorecard.build(cohort: cohort, period: period, generatedAt: generatedAt)
            case .exclusions:
                ExclusionsScorecard.build(
                    cohort: cohort, period: period, generatedAt: generatedAt, basis: exclusionsBasis)
            case .inclusion:
                InclusionScorecard.build(
                    cohort: cohort, period: period, disclosure: disclosure, generatedAt: generatedAt)
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

package import ChildLinkModel

/// What the cohort knows about one child as at a date: the facts the weekly pack and the
/// inclusion cohort list show beside each child.
package struct ChildFacts: Hashable, Sendable {
    /// The child.
    package let child: ChildLinkID
    /// Best-known person fields.
    package let person: PersonFields
    /// The strands the child appears in on or before the date.
    package let strands: Set<Dataset>
    /// The date the child first appeared in each strand.
    package let strandEntry: [Dataset: CalendarDate]
    /// Social-care status at the latest episode.
    package let latestStatus: SocialCareStatus?
    /// The CSE risk level last recorded on a missing episode by the date.
    package let cseRisk: RiskLevel?
    /// The CCE risk level last recorded on a missing episode by the date.
    package let cceRisk: RiskLevel?
    /// Whether a CIN census assessment by the date recorded child sexual or criminal exploitation
    /// as a factor (`11A` CSE, `24A` CCE): the census records the factor, not a level.
    package let exploitationFactorAssessed: Bool
    /// `Open since 2019-05-02`, `Closed 2019-06-01`, or nil when never referred.
    package let cmeStatus: String?
    /// `Current since …`, `Ended …`, or nil.
    package let eheStatus: String?
    /// `2 suspensions, 1 permanent (last 2019-06-12)` for this academic year, or nil.
    package let exclusionSummary: String?
    /// The allocated team as last recorded on a missing episode by the date, where an extract
    /// records one (the optional `AllocatedTeam` column), or nil.
    package let allocatedTeam: String?

    /// The latest social-care status in words (`Looked after`), or nil.
    package var statusLabel: String? { latestStatus.map(\.label) }

    /// Whether the child was looked after at the latest episode.
    package var isLookedAfter: Bool { latestStatus == .lookedAfter }

    /// Whether CSE or CCE risk as last recorded by the date is medium or high, or a CIN assessment
    /// found exploitation a factor: every source that carries it.
    package var hasExploitationRisk: Bool {
        exploitationFactorAssessed || [cseRisk, cceRisk].contains { ($0 ?? .none) >= .medium }
    }

    /// The CIN census assessment factors that record exploitation.
    static let exploitationFactors: Set<String> = ["11A", "24A"]

    /// The strands as `Missing + CME`, in the fixed strand order.
    package var strandsLabel: String {
        Dataset.strands.filter(strands.contains).map(\.rawValue).joined(separator: " + ")
    }

    /// Gathers the facts about `child` as at the end of `asAt`.
    package init(child: ChildLinkID, cohort: Cohort, asAt: CalendarDate) {
        self.child = child
        person = cohort.person(of: child)
        let records = cohort.records(of: child).filter { $0.event.date <= asAt }
        var entry: [Dataset: CalendarDate] = [:]
        for record in records where Dataset.strands.contains(record.dataset) {
            entry[record.dataset] = min(entry[record.dataset] ?? record.event.date, record.event.date)
        }
        strandEntry = entry
        strands = Set(entry.keys)
        let episodes = records.compactMap { record -> MissingEpisode? in
            if case .missing(let episode) = record.event { return episode }
            return nil
        }.sorted { $0.start < $1.start }
        // As last recorded by the date, from every source that carries it: LAC status from the
        // missing episodes (the LCS extract and SSDA903), risk from them and the CIN census.
        latestStatus = episodes.last(where: { $0.socialCareStatus != nil })?.socialCareStatus
        cseRisk = episodes.last(where: { $0.cseRisk != nil })?.cseRisk
        cceRisk = episodes.last(where: { $0.cceRisk != nil })?.cceRisk
        allocatedTeam = episodes.last(where: { $0.allocatedTeam != nil })?.allocatedTeam
        exploitationFactorAssessed = records.contains { record in
            guard case .socialCare(let census) = record.event else { return false }
            return census.assessmentFactors.contains { Self.exploitationFactors.contains($0.uppercased()) }
        }
        cmeStatus = Self.cmeStatus(records, asAt: asAt)
        eheStatus = Self.eheStatus(records, asAt: asAt)
        exclusionSummary = Self.exclusionSummary(records, asAt: asAt)
    }

    private static func cmeStatus(_ records: [SourceRecord], asAt: CalendarDate) -> String? {
        let referrals = records.compactMap { record -> CMEReferral? in
            if case .cme(let referral) = record.event { return referral }
            return nil
        }.sorted { $0.referralDate < $1.referralDate }
        guard let latest = referrals.last else { return nil }
        if let closed = latest.closedDate, closed <= asAt { return "Closed \(closed.uk)" }
        return "Open since \(latest.referralDate.uk)"
    }

    private static func eheStatus(_ records: [SourceRecord], asAt: CalendarDate) -> String? {
        let spells = records.compactMap { record -> EHERecord? in
            if case .ehe(let ehe) = record.event, ehe.isHomeEducation { return ehe }
            return nil
        }.sorted { $0.startDate < $1.startDate }
        guard let latest = spells.last else { return nil }
        if let end = latest.endDate, end <= asAt { return "Ended \(end.uk)" }
        return "Current since \(latest.startDate.uk)"
    }

    private static func exclusionSummary(_ records: [SourceRecord], asAt: CalendarDate) -> String? {
        let yearStart = ReportingPeriod.academicYear(startYear: ReportingPeriod.academicYearStart(of: asAt)).start
        let exclusions = records.compactMap { record -> ExclusionRecord? in
            if case .exclusion(let exclusion) = record.event, exclusion.startDate >= yearStart { return exclusion }
            return nil
        }
        guard let last = exclusions.map(\.startDate).max() else { return nil }
        let suspensions = exclusions.filter { $0.category != .permanent }.count
        let permanent = exclusions.count - suspensions
        var parts: [String] = []
        if suspensions > 0 { parts.append("\(suspensions) suspension\(suspensions == 1 ? "" : "s")") }
        if permanent > 0 { parts.append("\(permanent) permanent") }
        return parts.joined(separator: ", ") + " (last \(last.uk))"
    }
}

extension SocialCareStatus {
    /// The status in words, as the scorecard prints it.
    package var label: String {
        switch self {
        case .earlyHelp: "Early Help"
        case .childInNeed: "Child in Need"
        case .childProtection: "Child Protection Plan"
        case .lookedAfter: "Looked after (LAC)"
        case .careLeaver: "Care leaver"
        case .notAClient: "Not a client"
        case .otherLocalAuthority: "Other local authority"
        }
    }
}

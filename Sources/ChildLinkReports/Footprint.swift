package import ChildLinkModel
import Foundation

/// One child's footprint: every record about them across the datasets, on one timeline, each
/// with the link that ties it to the child and why. It holds personal data by design: it is for the
/// CME / EHE officer or missing advocate who asked, and is written readable by its owner only.
package struct Footprint: Sendable, Hashable {
    /// The child's ChildLink id.
    package let childID: ChildLinkID
    /// How the child was found, as the user asked (e.g. `--upn A123…`).
    package let query: String
    /// Whether the ids are the store's stable ids (or numbered within one run).
    package let stableIDs: Bool
    /// When it was produced.
    package let generatedAt: LocalDateTime
    /// The records, oldest first (ties: dataset, record id).
    package let entries: [FootprintEntry]

    /// Creates a footprint; the entries are put in timeline order.
    package init(
        childID: ChildLinkID, query: String, stableIDs: Bool, generatedAt: LocalDateTime, entries: [FootprintEntry]
    ) {
        self.childID = childID
        self.query = query
        self.stableIDs = stableIDs
        self.generatedAt = generatedAt
        self.entries = entries.sorted { ($0.date, $0.record) < ($1.date, $1.record) }
    }

    /// The datasets the child appears in, in ``Dataset`` order.
    package var datasets: [Dataset] { Set(entries.map(\.record.dataset)).sorted() }

    /// Each distinct value of a person field across the records (spellings, dates of birth, …), for the header.
    package var identities: [(label: String, values: [String])] {
        let labels = ["Name", "Date of birth", "UPN", "NHS number", "Postcode"]
        return labels.compactMap { label in
            var seen: [String] = []
            for entry in entries {
                if let value = entry.recorded.first(where: { $0.label == label })?.value, !seen.contains(value) {
                    seen.append(value)
                }
            }
            return seen.isEmpty ? nil : (label, seen)
        }
    }
}

/// One record on a child's timeline.
package struct FootprintEntry: Sendable, Hashable {
    /// The date the event is placed by (episode start, referral date, …).
    package let date: CalendarDate
    /// The record.
    package let record: RecordKey
    /// Where it was read from (file and line), when known.
    package let source: String?
    /// The person as this record has them (name, date of birth, identifiers), label and value.
    package let recorded: [FootprintFact]
    /// The key facts of the event, label and value.
    package let facts: [FootprintFact]
    /// The link that ties this record to the child, when the child has other records.
    package let link: FootprintLink?

    /// Creates an entry from a record, its person and event facts read from the record itself.
    package init(record: SourceRecord, link: FootprintLink?) {
        date = record.event.date
        self.record = record.key
        source = record.location?.description
        recorded = FootprintFacts.person(record.person)
        facts = FootprintFacts.event(record.event)
        self.link = link
    }
}

/// A label and a value.
package struct FootprintFact: Sendable, Hashable {
    /// E.g. `Social-care status`.
    package let label: String
    /// E.g. `LAC`.
    package let value: String

    /// Creates a fact.
    package init(_ label: String, _ value: String) {
        self.label = label
        self.value = value
    }
}

/// Why a record belongs to the child: the pair that ties it to another of the child's records,
/// with each comparison's contribution to the match weight.
package struct FootprintLink: Sendable, Hashable {
    /// What kind of tie it is.
    package enum Basis: String, Sendable, Hashable {
        /// The matcher linked the pair (probability at or above the link threshold).
        case matcherLink = "matcher link"
        /// A reviewer recorded that the two records are the same child.
        case reviewerDecision = "reviewer decision (must-link)"
        /// The pair is not linked itself; the record joined the child through other records.
        case throughOtherRecords = "joined through other records"
    }

    /// The other record of the pair.
    package let linkedTo: RecordKey
    /// Matcher link, reviewer decision, or through other records.
    package let basis: Basis
    /// The prior log2 odds.
    package let priorBits: Double
    /// Each comparison's contribution.
    package let contributions: [FootprintContribution]
    /// Whether the pair looks like twins.
    package let looksLikeTwins: Bool

    /// Creates a link.
    package init(
        linkedTo: RecordKey, basis: Basis, priorBits: Double, contributions: [FootprintContribution],
        looksLikeTwins: Bool
    ) {
        self.linkedTo = linkedTo
        self.basis = basis
        self.priorBits = priorBits
        self.contributions = contributions
        self.looksLikeTwins = looksLikeTwins
    }

    /// The total weight in bits.
    package var weightBits: Double { priorBits + contributions.reduce(0) { $0 + $1.bits } }
    /// The match probability, 0–1.
    package var probability: Double {
        let odds = exp2(weightBits)
        return odds.isInfinite ? 1 : odds / (1 + odds)
    }
}

/// What one comparison contributed to a link.
package struct FootprintContribution: Sendable, Hashable {
    /// The comparison, e.g. `Date of birth`.
    package let comparison: String
    /// The level reached, e.g. `day and month transposed`; `absent` when a side has no value.
    package let level: String
    /// This record's value.
    package let value: String
    /// The other record's value.
    package let otherValue: String
    /// The contribution in bits (log2 of the Bayes factor, with any name-frequency adjustment).
    package let bits: Double

    /// Creates a contribution.
    package init(comparison: String, level: String, value: String, otherValue: String, bits: Double) {
        self.comparison = comparison
        self.level = level
        self.value = value
        self.otherValue = otherValue
        self.bits = bits
    }
}

/// The facts a footprint shows of a person and an event.
enum FootprintFacts {
    static func person(_ person: PersonFields) -> [FootprintFact] {
        var facts: [FootprintFact] = []
        let name = [person.forename, person.middleNames, person.surname].compactMap { $0 }.joined(separator: " ")
        if !name.isEmpty { facts.append(FootprintFact("Name", name)) }
        if let preferred = person.preferredName { facts.append(FootprintFact("Preferred name", preferred)) }
        if let former = person.formerSurname { facts.append(FootprintFact("Former surname", former)) }
        if let dob = person.dateOfBirth { facts.append(FootprintFact("Date of birth", dob.uk)) }
        if let gender = person.gender { facts.append(FootprintFact("Gender", gender.rawValue)) }
        if let upn = person.upn { facts.append(FootprintFact("UPN", upn.value)) }
        if let upn = person.formerUPN { facts.append(FootprintFact("Former UPN", upn.value)) }
        if let nhs = person.nhsNumber { facts.append(FootprintFact("NHS number", nhs.formatted)) }
        if let id = person.personID { facts.append(FootprintFact("Person id", id)) }
        if let postcode = person.postcode { facts.append(FootprintFact("Postcode", postcode.value)) }
        if let address = person.addressLine1 { facts.append(FootprintFact("Address", address)) }
        return facts
    }

    static func event(_ event: RecordEvent) -> [FootprintFact] {
        switch event {
        case .missing(let episode): missing(episode)
        case .cme(let referral): cme(referral)
        case .ehe(let record): ehe(record)
        case .exclusion(let record): exclusion(record)
        case .socialCare(let record): socialCare(record)
        }
    }

    private static func missing(_ episode: MissingEpisode) -> [FootprintFact] {
        var facts = [FootprintFact("Episode", episode.type.rawValue), FootprintFact("Started", episode.start.uk)]
        if let end = episode.end {
            let hours = (end.minutesSinceEpoch - episode.start.minutesSinceEpoch) / 60
            facts.append(FootprintFact("Ended", "\(end.uk) (\(hours) h)"))
        } else {
            facts.append(FootprintFact("Ended", "not recorded (still missing?)"))
        }
        optional(&facts, "Social-care status", episode.socialCareStatus?.rawValue)
        optional(&facts, "CSE risk", episode.cseRisk?.rawValue)
        optional(&facts, "CCE risk", episode.cceRisk?.rawValue)
        optional(&facts, "Return interview offered", episode.rhiOffered.map(yesNo))
        optional(&facts, "Return interview accepted", episode.rhiAccepted.map(yesNo))
        optional(&facts, "Return interview completed", episode.rhiCompletedDate?.uk)
        optional(&facts, "Reported by", episode.reportedBy)
        optional(&facts, "Found", episode.foundLocation)
        optional(&facts, "Allocated team", episode.allocatedTeam)
        return facts
    }

    private static func cme(_ referral: CMEReferral) -> [FootprintFact] {
        var facts = [FootprintFact("Referred", referral.referralDate.uk)]
        optional(&facts, "Presenting need", referral.presentingNeed)
        optional(&facts, "Previous CME episodes", referral.previousEpisodes.map(String.init))
        optional(&facts, "Locality", referral.locality)
        optional(&facts, "Last school", referral.lastSchoolName ?? referral.lastSchoolURN)
        optional(&facts, "Year group", referral.yearGroup)
        optional(&facts, "Family", referral.familyID)
        optional(
            &facts, "Closed",
            referral.closedDate.map { [$0.uk, referral.closureOutcome].compactMap { $0 }.joined(separator: ", ") })
        if referral.closedDate == nil { facts.append(FootprintFact("Status", "open")) }
        return facts
    }

    private static func ehe(_ record: EHERecord) -> [FootprintFact] {
        var facts = [FootprintFact("Started", record.startDate.uk)]
        optional(&facts, "Reason", record.reason)
        optional(&facts, "School left", record.previousSchoolName ?? record.previousSchoolURN)
        optional(&facts, "Year group", record.yearGroup)
        optional(
            &facts, "Ended", record.endDate.map { [$0.uk, record.endReason].compactMap { $0 }.joined(separator: ", ") })
        optional(&facts, "Last visit", record.lastVisitDate?.uk)
        optional(&facts, "Visit declined", record.visitDeclined.map(yesNo))
        if record.involvementPending == true {
            facts.append(FootprintFact("Record", "EHE officer involvement, still to be resolved"))
        } else if record.officerInvolvement == true {
            facts.append(FootprintFact("Record", "EHE officer involvement (not home educated)"))
        }
        return facts
    }

    private static func exclusion(_ record: ExclusionRecord) -> [FootprintFact] {
        let category =
            switch record.category {
            case .suspension: "Suspension"
            case .permanent: "Permanent exclusion"
            case .lunchtime: "Lunchtime exclusion"
            }
        var facts = [FootprintFact("Category", category), FootprintFact("Started", record.startDate.uk)]
        optional(&facts, "School", record.schoolName ?? record.schoolURN)
        optional(&facts, "Phase", record.phase?.rawValue)
        optional(&facts, "Sessions", record.sessions.map { $0 == $0.rounded() ? String(Int($0)) : String($0) })
        if !record.reasons.isEmpty { facts.append(FootprintFact("Reasons", record.reasons.joined(separator: ", "))) }
        return facts
    }

    private static func socialCare(_ record: SocialCareRecord) -> [FootprintFact] {
        var facts: [FootprintFact] = []
        optional(
            &facts, "Referrals",
            record.referralDates.isEmpty ? nil : record.referralDates.map(\.uk).joined(separator: ", "))
        optional(
            &facts, "Closures",
            record.closureDates.isEmpty ? nil : record.closureDates.map(\.uk).joined(separator: ", "))
        optional(
            &facts, "Child protection plans",
            record.protectionPlanStarts.isEmpty ? nil : record.protectionPlanStarts.map(\.uk).joined(separator: ", "))
        optional(
            &facts, "Assessment factors",
            record.assessmentFactors.isEmpty ? nil : record.assessmentFactors.joined(separator: ", "))
        return facts
    }

    private static func optional(_ facts: inout [FootprintFact], _ label: String, _ value: String?) {
        if let value, !value.isEmpty { facts.append(FootprintFact(label, value)) }
    }

    private static func yesNo(_ value: Bool) -> String { value ? "yes" : "no" }
}

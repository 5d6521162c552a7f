import ChildLinkModel
import ChildLinkReports

/// Builds small cohorts whose indicator values are known by construction.
struct TestCohort {
    var records: [SourceRecord] = []
    var assignment: [RecordKey: ChildLinkID] = [:]

    static func date(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }
    static func time(_ text: String) -> LocalDateTime { LocalDateTime(parsing: text)! }

    static func person(
        _ child: Int, gender: Gender = .female, dob: String = "2004-03-10", ethnicity: String = "WBRI"
    ) -> PersonFields {
        PersonFields(
            forename: "Child\(child)", surname: "Test", dateOfBirth: date(dob), gender: gender,
            ethnicity: EthnicityCode(ethnicity))
    }

    mutating func add(_ child: Int, _ id: String, _ event: RecordEvent, person: PersonFields? = nil) {
        let record = SourceRecord(recordID: id, person: person ?? Self.person(child), event: event)
        records.append(record)
        assignment[record.key] = ChildLinkID(child)
    }

    mutating func episode(
        _ child: Int, _ id: String, start: String, end: String?, status: SocialCareStatus = .notAClient,
        cse: RiskLevel? = nil, distance: Double? = nil, offered: Bool? = nil, accepted: Bool? = nil,
        completed: String? = nil, person: PersonFields? = nil, type: EpisodeType = .missing
    ) {
        let episode = MissingEpisode(
            type: type, start: Self.time(start), end: end.map(Self.time), socialCareStatus: status, cseRisk: cse,
            placementDistanceMiles: distance, rhiOffered: offered, rhiAccepted: accepted,
            rhiCompletedDate: completed.map(Self.date))
        add(child, id, .missing(episode), person: person)
    }

    var cohort: Cohort { Cohort(records: records, assignment: assignment) }
}

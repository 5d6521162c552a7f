import ChildLinkMatching
package import ChildLinkModel
import ChildLinkReports
import ChildLinkStore
import Foundation
package import Logging

/// `childlink footprint`: finds one child and lays every record about them on one timeline, each
/// with the link that ties it to the child and its explanation.
///
/// Where the records come from:
/// - extracts given: the shared ``Pipeline`` runs on them (with a store, the run is recorded and
///   the ids are the stable ones);
/// - no extracts: the store's current records and children (its latest run), the links explained
///   by the model that run fitted and saved (nothing is re-linked; a store from before models were
///   kept is re-linked instead). Nothing is written but the audit entry.
///
/// Every lookup made with a store is written to its audit log: OS user, time, command, query and
/// the ChildLink ids returned. The logger never sees the query or any personal data.
package enum FootprintJob {
    /// What to look up and where.
    package struct Request: Sendable {
        /// The query.
        package var query: FootprintQuery
        /// Extract files or folders; empty to use the store's records.
        package var inputs: [String]
        /// The history store, if any.
        package var storePath: String?
        /// The production time; now when absent.
        package var generatedAt: LocalDateTime?
        /// How long to wait for another run on the same store (when extracts are linked first).
        package var storeWait: Duration
        /// A council's mapping profile for the extracts (their headers, codes and forename variants).
        package var profilePath: String?

        /// Creates a request.
        package init(
            query: FootprintQuery, inputs: [String] = [], storePath: String?, generatedAt: LocalDateTime? = nil,
            storeWait: Duration = PipelineRequest.defaultStoreWait, profilePath: String? = nil
        ) {
            self.profilePath = profilePath
            self.query = query
            self.inputs = inputs
            self.storePath = storePath
            self.generatedAt = generatedAt
            self.storeWait = storeWait
        }
    }

    /// A name match at or above this probability is a match; below it the child is not offered.
    package static let candidateProbability = 0.5
    /// The best name match is taken without asking when it is at least this probable …
    package static let acceptProbability = 0.9
    /// … and no other child comes within this many bits of it.
    package static let clearMarginBits = 4.0

    /// Finds the child and builds their footprint, logging the lookup in the store's audit log.
    ///
    /// - Throws: ``CoreError``, `ImportError`, `StoreError`.
    package static func run(_ request: Request, logger: Logger) throws -> FootprintResult {
        let universe = try FootprintUniverse.load(request, logger: logger)
        // A name search said so already, while it scored every record's person.
        if universe.birthDatesOfAll == nil {
            logger.progress("looking for the child among \(universe.records.count) records")
        }
        let result = lookup(request.query, in: universe, generatedAt: request.generatedAt ?? .now())
        logger.progressFinished()
        if let store = universe.store {
            try store.logAudit(command: "footprint", query: request.query.description, childIDs: returnedIDs(result))
        } else {
            logger.notice("this lookup is not audited: no store is in use (give --store PATH to audit lookups)")
        }
        switch result {
        case .found(let footprint):
            logger.info("footprint found", metadata: ["records": "\(footprint.entries.count)"])
        case .ambiguous(let candidates):
            logger.info("footprint ambiguous", metadata: ["candidates": "\(candidates.count)"])
        case .notFound: logger.info("footprint: no child matches")
        }
        return result
    }

    /// Finds the child in a linked universe (pure: no store, no files).
    static func lookup(_ query: FootprintQuery, in universe: FootprintUniverse, generatedAt: LocalDateTime)
        -> FootprintResult
    {
        let candidates = candidates(query, in: universe)
        guard let best = candidates.first else { return .notFound }
        switch query {
        case .name, .nameWithAge: if !isClear(candidates) { return .ambiguous(candidates) }
        default: if candidates.count > 1 { return .ambiguous(candidates) }
        }
        let child = universe.children[best.childID]!
        return .found(
            Footprint(
                childID: best.childID, query: query.description, stableIDs: universe.store != nil,
                generatedAt: generatedAt, entries: FootprintLinks(universe: universe).entries(of: child)))
    }

    /// A name match is clear when the best is probable enough and no other child is close.
    static func isClear(_ candidates: [FootprintCandidate]) -> Bool {
        guard let best = candidates.first, best.probability >= acceptProbability else { return false }
        guard candidates.count > 1 else { return true }
        return logOdds(best.probability) - logOdds(candidates[1].probability) >= clearMarginBits
    }

    /// The children the query could mean, most probable first (ties by id).
    static func candidates(_ query: FootprintQuery, in universe: FootprintUniverse) -> [FootprintCandidate] {
        var best: [ChildLinkID: (probability: Double, record: Int)] = [:]
        func offer(_ record: Int, _ probability: Double) {
            guard let id = universe.childOfRecord[record] else { return }
            if let current = best[id], current.probability >= probability { return }
            best[id] = (probability, record)
        }
        let records = universe.records
        switch query {
        case .name, .nameWithAge:
            // Every record's date of birth only for an age, when asked for.
            for (index, probability) in nameMatches(
                query, among: records, evidence: universe.evidence,
                birthDates: universe.birthDatesOfAll ?? records.compactMap(\.person.dateOfBirth))
            {
                offer(index, probability)
            }
        case .upn, .nhsNumber, .personID:
            guard let identifier = query.identifier else { break }
            for (index, record) in records.enumerated() where identifier.isHeld(by: record.person) { offer(index, 1) }
        case .childID(let id):
            let surviving = universe.survivingID(id)
            if let child = universe.children[surviving], let first = child.records.first,
                let index = universe.index(of: first)
            {
                offer(index, 1)
            }
        }
        return best.map { id, match in
            let record = records[match.record]
            return FootprintCandidate(
                childID: id, probability: match.probability, bestRecord: record.key,
                recordedAs: recordedAs(record.person), records: universe.children[id]?.records.count ?? 1)
        }
        .sorted { ($1.probability, $0.childID) < ($0.probability, $1.childID) }
    }

    /// How many records a name search scores in one piece of work on one core.
    static let nameSearchChunkSize = 2_048

    /// The records a name query (with a date of birth, or an age, or neither) matches at least at
    /// ``candidateProbability``, by index in `records`: the probe scored by the matcher's
    /// comparisons, an age's bits added (its range weighed against `birthDates`, those of every
    /// record searched). A record's score rests on its person alone, never on its event or on
    /// the other records, so a search of every record's person finds what a search of every
    /// record does; other queries match nothing here.
    static func nameMatches(
        _ query: FootprintQuery, among records: [SourceRecord], evidence: FootprintUniverse.Evidence,
        birthDates: @autoclosure () -> [CalendarDate]
    ) -> [(index: Int, probability: Double)] {
        switch query {
        case .name(let forename, let surname, let dob):
            return nameMatches(forename, surname, dateOfBirth: dob, age: nil, among: records, evidence: evidence)
        case .nameWithAge(let forename, let surname, let range, let day):
            let age = AgeEvidence(range: range, on: day, birthDates: birthDates(), model: evidence.model)
            return nameMatches(forename, surname, dateOfBirth: nil, age: age, among: records, evidence: evidence)
        default: return []
        }
    }

    /// The records a name (with a date of birth, or an age, or neither) matches at least at
    /// ``candidateProbability``: the probe scored by the matcher's comparisons, the age's bits added.
    static func nameMatches(
        _ forename: String, _ surname: String, dateOfBirth: CalendarDate?, age: AgeEvidence?,
        among records: [SourceRecord], evidence: FootprintUniverse.Evidence
    ) -> [(index: Int, probability: Double)] {
        let probe = SourceRecord(
            recordID: "query", person: PersonFields(forename: forename, surname: surname, dateOfBirth: dateOfBirth),
            event: .socialCare(SocialCareRecord()))
        // Each record is scored against the probe alone, so the records are scored in chunks on
        // every core, and the chunks' matches joined in record order.
        return ParallelChunks.compactMap(records.count, chunkSize: nameSearchChunkSize) { index in
            let record = records[index]
            let weight = evidence.explain(probe: probe, record).weight + (age?.bits(record.person) ?? 0)
            let probability = MatchModel.probability(weight: weight)
            return probability >= candidateProbability ? (index: index, probability: probability) : nil
        }
    }

    static func recordedAs(_ person: PersonFields) -> String {
        let name = [person.forename, person.surname].compactMap { $0 }.joined(separator: " ")
        return name + (person.dateOfBirth.map { ", born \($0.uk)" } ?? "")
    }

    static func logOdds(_ probability: Double) -> Double {
        MatchModel.weight(probability: min(max(probability, 1e-12), 1 - 1e-12))
    }

    static func returnedIDs(_ result: FootprintResult) -> [ChildLinkID] {
        switch result {
        case .found(let footprint): [footprint.childID]
        case .ambiguous(let candidates): candidates.map(\.childID)
        case .notFound: []
        }
    }
}

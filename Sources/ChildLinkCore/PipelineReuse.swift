import ChildLinkMatching
package import ChildLinkModel
import ChildLinkStore
import Foundation
package import Logging

extension Pipeline {
    /// The records and children the report commands need (`weekly`, `scorecard`, `overlap`).
    ///
    /// Like ``run(_:logger:)``, except that when a store is used and nothing has changed since its
    /// latest run — the same records with the same person fields and events, and no review decision
    /// recorded or revoked since — the latest run's linkage is reused instead of linking again (a re-run of
    /// an unchanged week costs the import and the store's writes, not the matcher). The run is still
    /// recorded (its import batches, every record seen again) and the ids are the same.
    ///
    /// `beforeLinking` sees the extracts as read, before anything is linked or stored: a report
    /// refuses there a week the data does not reach, leaving the store as it was. `beforeCommit` (a
    /// report's files put in place) runs inside the store's write transaction, so a run whose
    /// outputs could not be written is not recorded.
    ///
    /// - Throws: `ImportError`, ``StoreError``, and whatever `beforeLinking` or `beforeCommit` throws
    ///   (nothing is recorded then).
    package static func cohort(
        _ request: PipelineRequest, logger: Logger, beforeLinking: (Extracts) throws -> Void = { _ in },
        beforeCommit: BeforeCommit? = nil
    ) throws -> (records: [SourceRecord], children: [LinkedChild]) {
        let extracts = try importExtracts(request, logger: logger)
        try beforeLinking(extracts)
        if let store = extracts.store,
            let reused = try reuseIfUnchanged(
                extracts, store: store, request: request, logger: logger, beforeCommit: beforeCommit)
        {
            logger.info(
                "nothing changed since the store's latest run: its linkage reused",
                metadata: [
                    "records": "\(reused.records.count)", "children": "\(reused.children.count)",
                ])
            return reused
        }
        let outcome = try run(
            records: extracts.records, batches: extracts.batches, importedDatasets: extracts.datasets,
            store: extracts.store, options: try request.resolvedOptions(), note: request.note ?? request.command,
            storeWait: request.storeWait, strict: request.strict, logger: logger, runInputs: extracts.runInputs,
            beforeCommit: beforeCommit)
        return (outcome.records, outcome.children)
    }

    /// Records the run with the latest run's clusters when the records and decisions are unchanged;
    /// `nil` (nothing written) otherwise.
    static func reuseIfUnchanged(
        _ extracts: Extracts, store: ChildLinkStore, request: PipelineRequest,
        logger: Logger = ChildLinkLogging.logger(verbose: false), beforeCommit: BeforeCommit? = nil
    ) throws -> (records: [SourceRecord], children: [LinkedChild])? {
        guard let latestRun = try store.runs().last, latestRun.finishedAt != nil else { return nil }
        if let changed = try store.latestDecisionChange(), changed >= latestRun.startedAt { return nil }
        let thisRun = latestByKey(extracts.records)
        guard try store.holdsUnchanged(thisRun, of: extracts.datasets) else { return nil }
        let carried = try carriedRecords(from: store, besides: extracts.datasets)
        let records = carried.isEmpty ? thisRun : (thisRun + carried).sorted { $0.key < $1.key }
        let children = try store.currentChildren()
        guard children.reduce(0, { $0 + $1.records.count }) == records.count else { return nil }
        let undecided = try store.reviewPairs(undecidedOnly: true).map { UnorderedPair($0.recordA, $0.recordB) }
        // The model carried over read these as no identifier: its run's placeholders are this one's.
        let placeholders = try StoredModelCoding.latestPlaceholders(in: store)
        do {
            let assignment = try store.performRun(note: request.note ?? request.command) { run in
                for batch in extracts.batches { try run.recordImport(batch) }
                if let runInputs = extracts.runInputs { try run.recordInputs(runInputs) }
                let changes = try run.upsert(thisRun, datasets: extracts.datasets)
                // Another process may have written since the check: then nothing is kept.
                guard changes.needsMatching.isEmpty, changes.removed.isEmpty else { throw ReuseAbandoned() }
                try run.recordApplied(try run.decisions())
                try run.carryModelOver()
                let assignment = try run.assignChildIDs(clusters: children.map(\.records))
                let conflicts = try reviewerMadeConflicts(run, strict: request.strict, placeholders: placeholders)
                try beforeCommit?(
                    records, assignment.children,
                    ReviewOutcome(
                        reviewerMadeConflicts: conflicts, undecidedPairs: undecided,
                        placeholderIdentifiers: placeholders))
                return (assignment, conflicts)
            }
            warnReviewerMade(assignment.1, logger: logger)
            return (records, assignment.0.children)
        } catch is ReuseAbandoned {
            return nil
        }
    }
}

/// Thrown inside the run to roll it back when the store changed under the reuse check.
struct ReuseAbandoned: Error {}

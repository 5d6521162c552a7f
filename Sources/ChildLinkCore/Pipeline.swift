import ChildLinkImport
package import ChildLinkMatching
package import ChildLinkModel
package import ChildLinkStore
import Foundation
package import Logging

/// The one pipeline behind `link`, `weekly`, `scorecard`, `overlap` and `footprint`:
/// import → (store: upsert) → link → apply review decisions → (store: save review pairs, assign
/// stable ids) → the records and children the reports use.
///
/// With a store, everything the run writes (import batches with each file's SHA-256, record
/// versions, review pairs, the id assignment with its merges and splits, the fitted model) is one
/// ``ChildLinkStore/performRun(note:_:)`` transaction. The matching, which is the long part, runs
/// *before* the write transaction is opened, so another process is kept waiting only for the
/// writes; the review decisions are read again inside the transaction and applied there (a cheap
/// step), so a decision recorded while the matcher ran is still honoured.
///
/// Without a store, the children are numbered within the run (CL000001 for the child holding the
/// smallest record key, …), as before.
///
/// ```swift
/// let outcome = try Pipeline.run(PipelineRequest(inputs: ["extracts/"], storePath: "childlink.sqlite",
///                                                command: "weekly"), logger: logger)
/// let cohort = Cohort(records: outcome.records, children: outcome.children)
/// ```
package enum Pipeline {
    /// Reads the extracts, then runs ``run(records:batches:importedDatasets:store:options:note:storeWait:logger:)``.
    ///
    /// - Throws: `ImportError` for a path that does not exist or a file that cannot be read;
    ///   ``StoreError`` (e.g. a locked store); nothing is written to the store then.
    ///
    /// - Parameter beforeCommit: Work that must succeed for the run to be recorded (`link`'s
    ///   outputs put in place), given the whole linkage: see ``BeforeLinkCommit``.
    /// - Parameter beforeLinking: sees the extracts as read, before anything is linked or stored;
    ///   throwing there leaves the store as it was.
    package static func run(
        _ request: PipelineRequest, logger: Logger, beforeCommit: BeforeLinkCommit? = nil,
        beforeLinking: (Extracts) throws -> Void = { _ in }
    ) throws -> PipelineOutcome {
        let started = ContinuousClock.now
        let options = try request.resolvedOptions()
        var extracts = try importExtracts(request, logger: logger)
        try beforeLinking(extracts)
        var outcome = try run(
            records: extracts.takeRecords(), batches: extracts.batches, importedDatasets: extracts.datasets,
            store: extracts.store, options: options, note: request.note ?? request.command,
            storeWait: request.storeWait, strict: request.strict, logger: logger, runInputs: extracts.runInputs,
            linkHook: beforeCommit)
        outcome.imported = extracts.summary
        outcome.timings.importSeconds =
            seconds(since: started) - outcome.timings.linkSeconds - outcome.timings.storeSeconds
        return outcome
    }

    /// This run's extracts, read, with the store they go into.
    package struct Extracts {
        /// The records read.
        package private(set) var records: [SourceRecord]
        let batches: [ImportBatch]
        /// Where the extracts are and the run's settings, recorded with the run (with a store only).
        package let runInputs: RunInputs?
        /// The datasets of the files recognised.
        package let datasets: Set<Dataset>
        let store: ChildLinkStore?
        let summary: ImportSummary

        /// The records, handed over: the extracts keep none, so the linker's copy is the only one.
        mutating func takeRecords() -> [SourceRecord] {
            defer { records = [] }
            return records
        }
    }

    /// Reads the extracts (failing on a file that cannot be read) and opens the store.
    static func importExtracts(_ request: PipelineRequest, logger: Logger) throws -> Extracts {
        logger.progress("reading the extracts")
        let imported = try ImportJob(paths: request.inputs, profilePath: request.profilePath, logger: logger).run()
        if let failed = imported.files.first(where: { $0.error != nil }), let error = failed.error { throw error }
        logger.info(
            "extracts read",
            metadata: [
                "command": "\(request.command)", "files": "\(imported.files.count)",
                "records": "\(imported.records.count)", "rejected": "\(imported.rejects.count)",
            ])
        if !imported.rejects.isEmpty {
            logger.notice(
                "\(imported.rejects.count) records rejected; run 'childlink check' on the extracts to see why")
        }
        let files = imported.files.filter { $0.layout != nil && $0.skipped == nil }
        let store = try request.storePath.map { try ChildLinkStore(path: $0) }
        let batches = try store == nil ? [] : files.map(importBatch)
        return Extracts(
            records: imported.records, batches: batches,
            runInputs: store == nil ? nil : runInputs(request, batches: batches),
            datasets: Set(files.compactMap { $0.layout?.dataset }), store: store,
            summary: ImportSummary(
                records: imported.records.count, files: imported.files.count, rejected: imported.rejects.count))
    }

    /// Links `records` (with, when a store is given, the stored records of datasets not imported
    /// this time), applies the review decisions, and with a store records the run and assigns
    /// stable ids.
    ///
    /// - Parameters:
    ///   - records: This run's imported records.
    ///   - batches: The files they came from, recorded in the store's import log.
    ///   - importedDatasets: The datasets imported in full this run: their stored records absent now
    ///     are marked removed; the stored records of other datasets are carried over and linked too.
    ///   - store: The history store, or `nil` for ids numbered within the run.
    ///   - options: Thresholds and concurrency.
    ///   - note: The run's note in the store (e.g. `weekly`).
    ///   - storeWait: How long to wait for another run holding the store's run lock.
    /// With a store, the whole run (reading the carried-over records, linking, writing) holds the
    /// store's run lock: a second run on the same store waits for the first to finish, then works
    /// against the state it left (see ``ChildLinkStore/holdingRunLock(waitingUpTo:onWait:_:)``).
    ///
    /// - Throws: ``StoreError`` (``StoreError/runInProgress(path:seconds:)`` when another run held
    ///   the store for longer than the wait); nothing is written then.
    ///   - beforeCommit: Work that must succeed for the run to be recorded (a report's files put in
    ///     place): called with the linked records and children inside the store's write
    ///     transaction, so that when it throws nothing is recorded. Without a store, called last.
    package static func run(
        records: consuming [SourceRecord], batches: [ImportBatch] = [], importedDatasets: Set<Dataset>? = nil,
        store: ChildLinkStore?, options: LinkJob.Options = LinkJob.Options(), note: String = "pipeline",
        storeWait: Duration = PipelineRequest.defaultStoreWait, strict: Bool = false, logger: Logger,
        runInputs: RunInputs? = nil, beforeCommit: BeforeCommit? = nil
    ) throws -> PipelineOutcome {
        let hook: BeforeLinkCommit? = beforeCommit.map { report in
            { link, children, review in try report(link.records, children, review) }
        }
        return try run(
            records: records, batches: batches, importedDatasets: importedDatasets, store: store, options: options,
            note: note, storeWait: storeWait, strict: strict, logger: logger, runInputs: runInputs, linkHook: hook)
    }

    /// ``run(records:batches:importedDatasets:store:options:note:storeWait:strict:logger:beforeCommit:)``
    /// with the hook given the whole linkage.
    static func run(
        records: consuming [SourceRecord], batches: [ImportBatch], importedDatasets: Set<Dataset>?,
        store: ChildLinkStore?, options: LinkJob.Options, note: String, storeWait: Duration, strict: Bool,
        logger: Logger, runInputs: RunInputs? = nil, linkHook beforeCommit: BeforeLinkCommit?
    ) throws -> PipelineOutcome {
        guard let store else {
            let outcome = try link(
                records: records, batches: batches, importedDatasets: importedDatasets, store: nil, options: options,
                note: note, strict: strict, logger: logger, beforeCommit: nil)
            try beforeCommit?(
                outcome.link, outcome.children,
                ReviewOutcome(
                    undecidedPairs: undecidedPairs(outcome.link, clustering: outcome.clustering),
                    placeholderIdentifiers: outcome.link.summary.placeholderIdentifiers))
            return outcome
        }
        let onWait = {
            logger.notice(
                "another childlink run is using the store; waiting for it to finish",
                metadata: ["store": "\(store.path ?? "")", "up to seconds": "\(seconds(storeWait))"])
        }
        return try store.holdingRunLock(waitingUpTo: seconds(storeWait), onWait: onWait) {
            try link(
                records: records, batches: batches, importedDatasets: importedDatasets, store: store, options: options,
                note: note, strict: strict, logger: logger, runInputs: runInputs, beforeCommit: beforeCommit)
        }
    }

    /// Work a run's store transaction waits for before it commits: given the linked records, the
    /// children with their ids and what review left open; throwing rolls the run back.
    package typealias BeforeCommit = (
        _ records: [SourceRecord], _ children: [LinkedChild], _ review: ReviewOutcome
    ) throws -> Void

    /// Work a `link` run's store transaction waits for before it commits: given the whole linkage
    /// (records, pairs, model), the children with their ids and what review left open; throwing
    /// rolls the run back.
    package typealias BeforeLinkCommit = (
        _ link: LinkResult, _ children: [LinkedChild], _ review: ReviewOutcome
    ) throws -> Void

    /// Each record's child id, in the order of `link.records`: the id of the child holding it in
    /// `children` (stable with a store), else the matcher's own.
    package static func childIDs(_ link: LinkResult, _ children: [LinkedChild]) -> [ChildLinkID] {
        var ids: [RecordKey: ChildLinkID] = [:]
        for child in children { for key in child.records { ids[key] = child.id } }
        return link.records.indices.map { ids[link.records[$0].key] ?? link.children[link.childOfRecord[$0]].id }
    }

    /// ``run(records:batches:importedDatasets:store:options:note:storeWait:logger:)`` once the run lock is held.
    private static func link(
        records: [SourceRecord], batches: [ImportBatch], importedDatasets: Set<Dataset>?, store: ChildLinkStore?,
        options: LinkJob.Options, note: String, strict: Bool, logger: Logger, runInputs: RunInputs? = nil,
        beforeCommit: BeforeLinkCommit?
    ) throws -> PipelineOutcome {
        let imported = importedDatasets ?? Set(records.map(\.dataset))
        var thisRun = latestByKey(consume records)
        let carried = try store.map { try carriedRecords(from: $0, besides: imported) } ?? []
        let linkStarted = ContinuousClock.now
        let linked = carried.isEmpty ? thisRun : thisRun + carried
        if store == nil { thisRun = [] }  // kept for the store's upsert only: the linker's copy is enough
        let count = linked.count
        logger.progress("linking \(count) records")
        let result = Linker(options: options.linkOptions).link(consume linked) { stage in
            logger.progress("linking \(count) records: \(stage.stage) done")
        }
        logger.progressFinished()
        let linkSeconds = seconds(since: linkStarted)
        logger.info(
            "records linked",
            metadata: [
                "records": "\(result.records.count)", "carried over": "\(carried.count)",
                "links": "\(result.summary.linkedPairs)", "review": "\(result.summary.reviewPairs)",
                "seconds": "\(linkSeconds)",
            ])
        guard let store else {
            // No decisions to apply: the children are the matcher's, numbered in the order of their
            // smallest record key (CL000001, …).
            let clustering = ReviewConstraints.apply([], to: result)
            return PipelineOutcome(
                link: result, clustering: clustering, children: result.children, storeRun: nil,
                timings: PipelineTimings(linkSeconds: linkSeconds))
        }
        let storeStarted = ContinuousClock.now
        logger.progress("recording the run in the store: \(thisRun.count) records")
        let model = try StoredModelCoding.encode(result, options: options.linkOptions)
        let written = try store.performRun(note: note) { run in
            try run.saveModel(model)
            if let runInputs { try run.recordInputs(runInputs) }
            let written = try record(
                run, batches: batches, records: thisRun, datasets: imported, result: result, strict: strict)
            logger.progress("recording the run in the store: writing the outputs")
            try beforeCommit?(
                result, written.assignment.children,
                ReviewOutcome(
                    reviewerMadeConflicts: written.report.reviewerMadeConflicts, undecidedPairs: written.undecidedPairs,
                    placeholderIdentifiers: result.summary.placeholderIdentifiers))
            return written
        }
        logger.progressFinished()
        let storeSeconds = seconds(since: storeStarted)
        log(written, logger: logger, seconds: storeSeconds)
        return PipelineOutcome(
            link: result, clustering: written.clustering, children: written.assignment.children,
            storeRun: written.report, timings: PipelineTimings(linkSeconds: linkSeconds, storeSeconds: storeSeconds))
    }

    /// What the write transaction produced.
    private struct Written {
        let clustering: ConstrainedClustering
        let assignment: IDAssignment
        let report: StoreRunReport
        /// The saved review pairs no reviewer has decided.
        let undecidedPairs: [UnorderedPair<RecordKey>]
    }

    /// The run's writes, inside the transaction.
    private static func record(
        _ run: StoreRun, batches: [ImportBatch], records: [SourceRecord], datasets: Set<Dataset>, result: LinkResult,
        strict: Bool
    ) throws -> Written {
        for batch in batches { try run.recordImport(batch) }
        let changes = try run.upsert(records, datasets: datasets)
        let decisions = try run.decisions()
        try run.recordApplied(decisions)
        let constraints = decisions.map(PairConstraint.init)
        let clustering = ReviewConstraints.apply(constraints, to: result)
        let reviewPairs = reviewPairs(result, clustering: clustering)
        try run.saveReviewPairs(reviewPairs)
        let assignment = try run.assignChildIDs(clusters: clustering.clusters)
        let report = StoreRunReport(
            runID: run.runID, changes: changes, events: assignment.events, newIDs: assignment.newIDs,
            decisionsApplied: clustering.mergesMade.count + clustering.splitsMade.count,
            conflictingDecisions: clustering.conflicting,
            reviewerMadeConflicts: try reviewerMadeConflicts(
                run, strict: strict, placeholders: result.summary.placeholderIdentifiers))
        let decided = Set(decisions.map { UnorderedPair($0.recordA, $0.recordB) })
        let undecided = reviewPairs.map { UnorderedPair($0.recordA, $0.recordB) }.filter { !decided.contains($0) }
        return Written(clustering: clustering, assignment: assignment, report: report, undecidedPairs: undecided)
    }

    /// The matcher's review-band pairs whose records are still in different clusters, each with a
    /// one-line explanation of the comparisons (levels and bits; no names or dates).
    static func reviewPairs(_ result: LinkResult, clustering: ConstrainedClustering) -> [ReviewPair] {
        // Each pair explained on its own: in chunks on every core (196,650 pairs at 1M records).
        let pairs = reviewBandPairsApart(result, clustering: clustering)
        return ParallelChunks.compactMap(pairs.count) { index in
            let pair = pairs[index]
            let explanation = result.explain(pair.first, pair.second)
            return ReviewPair(
                result.records[pair.first].key, result.records[pair.second].key,
                probability: explanation.probability, explanation: oneLine(explanation))
        }
    }

    /// The matcher's review-band pairs whose records are still in different clusters, as record
    /// keys: what a report says is waiting for a decision when no store holds any.
    static func undecidedPairs(_ result: LinkResult, clustering: ConstrainedClustering) -> [UnorderedPair<RecordKey>] {
        reviewBandPairsApart(result, clustering: clustering).map {
            UnorderedPair(result.records[$0.first].key, result.records[$0.second].key)
        }
    }

    /// The review-band pairs of `result` whose two records `clustering` put in different clusters.
    private static func reviewBandPairsApart(_ result: LinkResult, clustering: ConstrainedClustering) -> [ScoredPair] {
        var clusterOf: [RecordKey: Int] = [:]
        for (index, cluster) in clustering.clusters.enumerated() { for key in cluster { clusterOf[key] = index } }
        return result.pairs.filter { pair in
            pair.decision == .review
                && clusterOf[result.records[pair.first].key] != clusterOf[result.records[pair.second].key]
        }
    }

    /// `forename: exact +6.1; surname: one edit +3.0; …; total +2.3 bits`: levels and bits only.
    package static func oneLine(_ explanation: PairExplanation) -> String {
        let parts = explanation.contributions.filter { $0.level != 0 }.map {
            "\($0.comparison.title.lowercased()): \($0.levelName) \(signed($0.bits))"
        }
        let guardNote =
            (explanation.looksLikeTwins ? "; looks like twins" : "")
            + (explanation.reviewReason.map { "; \($0.summary)" } ?? "")
            + (explanation.linkRule.map { "; linked on \($0.summary)" } ?? "")
        return (["prior \(signed(explanation.priorBits))"] + parts).joined(separator: "; ")
            + "; total \(signed(explanation.weight)) bits" + guardNote
    }

    static func signed(_ value: Double) -> String {
        (value >= 0 ? "+" : "") + String(format: "%.1f", value)
    }

    /// The stored records of the datasets not imported this run, linked with this run's: only
    /// those datasets are read back, in key order, dataset by dataset.
    static func carriedRecords(from store: ChildLinkStore, besides imported: Set<Dataset>) throws -> [SourceRecord] {
        try Dataset.allCases.filter { !imported.contains($0) }.flatMap { try store.currentRecords(in: $0) }
    }

    /// The records with one version per key (the last, as the store keeps it), sorted by key.
    static func latestByKey(_ records: [SourceRecord]) -> [SourceRecord] {
        if records.isStrictlySortedByKey { return records }  // as the import returns them
        var latest: [RecordKey: SourceRecord] = [:]
        for record in records { latest[record.key] = record }
        return latest.values.sorted { $0.key < $1.key }
    }

    /// What the store keeps about where a request's extracts are: absolute paths and settings.
    static func runInputs(_ request: PipelineRequest, batches: [ImportBatch]) -> RunInputs {
        let absolute = { (path: String) in URL(fileURLWithPath: path).standardizedFileURL.path }
        return RunInputs(
            command: request.command, inputs: request.inputs.map(absolute),
            files: batches.map { RunInputs.File(path: absolute($0.fileName), sha256: $0.sha256) },
            profilePath: request.profilePath.map(absolute), linkThreshold: request.options.linkThreshold,
            reviewThreshold: request.options.reviewThreshold, twinGuard: request.options.twinGuard,
            strict: request.strict)
    }

    static func importBatch(_ file: FileSummary) throws -> ImportBatch {
        ImportBatch(
            fileName: file.path, sha256: try SHA256Fingerprint.hex(ofFileAt: file.path), dataset: file.layout!.dataset,
            recordCount: file.imported, rejectCount: file.rejected)
    }

    private static func log(_ written: Written, logger: Logger, seconds: Double) {
        let changes = written.report.changes
        logger.info(
            "store run recorded",
            metadata: [
                "run": "\(written.report.runID)", "new": "\(changes.new.count)", "changed": "\(changes.changed.count)",
                "unchanged": "\(changes.unchanged.count)", "removed": "\(changes.removed.count)",
                "children": "\(written.assignment.children.count)", "new ids": "\(written.assignment.newIDs.count)",
                "merges": "\(written.assignment.mergedIDs.count)",
                "splits": "\(written.assignment.events.filter { $0.kind == .split }.count)",
                "decisions applied": "\(written.report.decisionsApplied)", "seconds": "\(seconds)",
            ])
        warnReviewerMade(written.report.reviewerMadeConflicts, logger: logger)
        for conflict in written.report.conflictingDecisions {
            logger.warning(
                "must-link \(conflict.first) \(conflict.second) not applied: a cannot-link decision forbids the join")
        }
    }

    /// The children of `run` whose conflicting identifiers a reviewer decision joined; with
    /// `strict`, the first such child fails the run (the transaction is rolled back, nothing written).
    ///
    /// - Throws: ``CoreError/reviewerMadeConflict(_:)`` with `strict`, or ``StoreError``.
    static func reviewerMadeConflicts(_ run: StoreRun, strict: Bool, placeholders: PlaceholderIdentifiers) throws
        -> [String]
    {
        let conflicts = try run.reviewerMadeConflicts(placeholders: placeholders.values)
        if strict, let first = conflicts.first { throw CoreError.reviewerMadeConflict(first) }
        return conflicts
    }

    /// One warning on standard error per reviewer-made conflict.
    static func warnReviewerMade(_ conflicts: [String], logger: Logger) {
        for conflict in conflicts { logger.warning("\(conflict) (--strict makes this an error)") }
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        seconds(start.duration(to: .now))
    }

    /// A duration in seconds.
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

extension PairConstraint {
    /// The constraint a stored review decision imposes.
    package init(_ decision: ReviewDecision) {
        self.init(decision.recordA, decision.recordB, decision.kind == .mustLink ? .mustLink : .cannotLink)
    }
}

/// What to run the pipeline on.
package struct PipelineRequest: Sendable {
    /// Extract files or folders.
    package var inputs: [String]
    /// The history store, or `nil` to number children within the run (see ``PipelineStore``).
    package var storePath: String?
    /// The command, for logs and the store's run note (`weekly`, `scorecard`, …).
    package var command: String
    /// The run's note in the store; the command when absent.
    package var note: String?
    /// Thresholds and concurrency.
    package var options: LinkJob.Options
    /// A council's mapping profile for its own extract headers (`--profile`).
    package var profilePath: String?
    /// How long to wait for another run on the same store to finish before giving up (`--store-wait`).
    package var storeWait: Duration
    /// Fail the run, writing nothing, when a reviewer decision puts two valid UPNs or NHS numbers
    /// into one child (`--strict`); otherwise each such child is a warning.
    package var strict = false
    /// The reference tables, when the caller has loaded them already (a report needs the calendar
    /// too): the profile is then not read a second time for the forename variants.
    package var referenceTables: CouncilReferenceTables?

    /// How long a run waits for another by default: 10 minutes.
    package static let defaultStoreWait = Duration.seconds(600)

    /// The options, with the forename variants the profile adds (when it names a file).
    /// - Throws: as ``CouncilReferenceTables/init(profilePath:)``.
    func resolvedOptions() throws -> LinkJob.Options {
        guard profilePath != nil else { return options }
        var options = options
        options.forenameVariants =
            try (referenceTables ?? CouncilReferenceTables(profilePath: profilePath)).forenameVariants
        return options
    }

    /// Creates a request.
    package init(
        inputs: [String], storePath: String?, command: String, note: String? = nil,
        options: LinkJob.Options = LinkJob.Options(), profilePath: String? = nil,
        storeWait: Duration = PipelineRequest.defaultStoreWait
    ) {
        self.profilePath = profilePath
        self.storeWait = storeWait
        self.inputs = inputs
        self.storePath = storePath
        self.command = command
        self.note = note
        self.options = options
    }
}

/// Which store a command uses, from its `--store PATH` / `--no-store` options.
package enum PipelineStore {
    /// `--store PATH` when given (created when absent); nothing with `--no-store`; otherwise
    /// `childlink.sqlite` in the working folder *when it exists* — so a council that keeps a store
    /// gets stable ids without typing anything, and a first run never creates one unasked.
    package static func resolve(explicit: String?, disabled: Bool, workingDirectory: String? = nil) -> String? {
        if disabled { return nil }
        if let explicit { return explicit }
        let folder = workingDirectory ?? FileManager.default.currentDirectoryPath
        let path = (folder as NSString).appendingPathComponent(ChildLinkStore.defaultFileName)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return workingDirectory == nil ? ChildLinkStore.defaultFileName : path
    }
}

/// What the run's review left open, for a report to say: the conflicts reviewer decisions made, and
/// the uncertain pairs no reviewer has decided yet.
package struct ReviewOutcome: Sendable {
    /// Children whose conflicting identifiers a reviewer decision joined, one sentence each naming
    /// the decision and how to revoke it.
    package var reviewerMadeConflicts: [String] = []
    /// The review-band pairs of records in two children with no reviewer decision yet.
    package var undecidedPairs: [UnorderedPair<RecordKey>] = []
    /// The identifiers the linkage read as placeholders (``PlaceholderIdentifiers``): a finding
    /// for the recording teams, printed with the data-quality sections.
    package var placeholderIdentifiers = PlaceholderIdentifiers()
}

/// What the store recorded in a pipeline run.
package struct StoreRunReport: Sendable, Hashable {
    /// The run number.
    package let runID: Int
    /// How this run's records differ from the previous run's.
    package let changes: RecordChangeSet
    /// Merges and splits of ChildLink ids, with reasons.
    package let events: [ChildIDEvent]
    /// Ids issued for the first time.
    package let newIDs: [ChildLinkID]
    /// Review decisions that changed the matcher's clustering.
    package let decisionsApplied: Int
    /// Must-link decisions a cannot-link decision kept from being applied.
    package let conflictingDecisions: [PairConstraint]
    /// Children whose conflicting identifiers a reviewer decision joined, one sentence each naming
    /// the decision and how to revoke it.
    package var reviewerMadeConflicts: [String] = []
}

/// What the import stage read.
package struct ImportSummary: Sendable, Hashable {
    /// Records imported.
    package var records = 0
    /// Files read.
    package var files = 0
    /// Records rejected.
    package var rejected = 0
}

/// Where a pipeline run spent its time, in seconds.
package struct PipelineTimings: Sendable, Hashable {
    /// Reading the extracts (0 when records were given).
    package var importSeconds: Double = 0
    /// Linking (blocking, scoring, model, clustering).
    package var linkSeconds: Double = 0
    /// The store's write transaction (0 without a store).
    package var storeSeconds: Double = 0
}

/// What the pipeline produced.
package struct PipelineOutcome: Sendable {
    /// The linkage: every record linked (sorted by key), the pairs, the model (for explanations).
    package let link: LinkResult
    /// The clusters after the review decisions.
    package let clustering: ConstrainedClustering
    /// The children with their ids (stable with a store; numbered within the run without), sorted by id.
    package let children: [LinkedChild]
    /// What the store recorded, when one was used.
    package let storeRun: StoreRunReport?
    /// Where the time went.
    package var timings: PipelineTimings
    /// What the import read (zeros when the records were given, not read).
    package var imported = ImportSummary()

    /// Every record linked, sorted by key (this run's, and with a store those carried over).
    package var records: [SourceRecord] { link.records }

    /// Each record's child id.
    package var childIDOfRecord: [RecordKey: ChildLinkID] {
        var ids: [RecordKey: ChildLinkID] = [:]
        for child in children { for key in child.records { ids[key] = child.id } }
        return ids
    }
}

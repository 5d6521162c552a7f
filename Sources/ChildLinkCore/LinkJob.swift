import ChildLinkFiles
import ChildLinkImport
package import ChildLinkMatching
package import ChildLinkModel
import ChildLinkStore
import Foundation
package import Logging

/// `childlink link`: links records that belong to the same child and writes `links.csv`,
/// `pairs.csv` and `summary.txt` (each written to a temporary file, then renamed; mode 0600).
package enum LinkJob {
    /// What the job needs besides the records.
    package struct Options: Sendable {
        /// Pairs at or above this probability are linked.
        package var linkThreshold: Double
        /// Pairs at or above this probability (and below the link threshold) go to review.
        package var reviewThreshold: Double
        /// Worker threads for scoring.
        package var concurrency: Int
        /// Whether twins are kept apart (turn off only for adult benchmarks such as FEBRL).
        package var twinGuard = true
        /// The forename variants that count as one name (the built-in ones and a profile's additions).
        package var forenameVariants: ForenameVariantTable = .builtIn
        /// Whether person ids were typed in by hand, so one or two slips apart is partial agreement
        /// (generic mode; see ``LinkOptions/typedPersonIDs``).
        package var typedPersonIDs = false
        /// Whether the address's parts are compared as fields of their own (generic mode; see
        /// ``LinkOptions/addressParts``).
        package var addressParts = false

        /// Creates options; the thresholds default to the matcher's.
        package init(linkThreshold: Double? = nil, reviewThreshold: Double? = nil, concurrency: Int? = nil) {
            let defaults = LinkOptions()
            self.linkThreshold = linkThreshold ?? defaults.linkThreshold
            self.reviewThreshold = reviewThreshold ?? defaults.reviewThreshold
            self.concurrency = concurrency ?? max(1, ProcessInfo.processInfo.activeProcessorCount)
        }

        /// The defaults of generic mode (`link --generic`): any person data, linked without a store
        /// or a clerical review behind it. A pair is linked when it is more likely the same person
        /// than not (probability 0.5, the equal-cost decision), and the twin guard is off: it is a
        /// rule of children's households (same birth date, surname and address, different forename),
        /// which in adult or benchmark data mostly keeps apart one person's mistyped records.
        /// Council extracts keep 0.98 and the guard, because a false link there puts one child's
        /// safeguarding history on another and the uncertain band goes to review. Person ids are
        /// taken as typed in by hand (a social security or member number): one or two slips apart
        /// is a partial agreement; and the address's parts a file gives (street number, second
        /// line, town or suburb, state or county) are each compared as a field of its own.
        package static func generic(
            linkThreshold: Double? = nil, reviewThreshold: Double? = nil, twinGuard: Bool = false
        )
            -> Options
        {
            let link = linkThreshold ?? max(genericLinkThreshold, reviewThreshold ?? 0)
            var options = Options(linkThreshold: link, reviewThreshold: reviewThreshold ?? min(link, 0.5))
            options.twinGuard = twinGuard
            options.typedPersonIDs = true
            options.addressParts = true
            return options
        }

        /// The link threshold of generic mode.
        package static let genericLinkThreshold = 0.5

        var linkOptions: LinkOptions {
            var options = LinkOptions()
            options.linkThreshold = linkThreshold
            options.reviewThreshold = reviewThreshold
            options.concurrency = concurrency
            options.twinGuard = twinGuard
            options.forenameVariants = forenameVariants
            options.typedPersonIDs = typedPersonIDs
            options.addressParts = addressParts
            return options
        }
    }

    /// What a run produced.
    package struct Outcome: Sendable {
        /// The linkage (records, children, pairs, model, summary).
        package let result: LinkResult
        /// Accuracy against the truth, when a truth file was given.
        package let evaluation: LinkEvaluation?
        /// Seconds spent linking (not reading or writing).
        package let linkSeconds: Double
        /// The files written.
        package let files: [String]
    }

    /// Links `records` and, when `outputDirectory` is given, writes the outputs there.
    ///
    /// The records are taken over (`consuming`) and handed on to the linker, which sorts them in
    /// place: a caller that passes its last reference (`consume`) does not hold a second copy of
    /// every record while they are linked.
    ///
    /// - Parameter truth: each record's true person (samples, FEBRL), to report accuracy.
    /// - Throws: ``CoreError`` when an output cannot be written.
    package static func run(
        records: consuming [SourceRecord], options: Options, outputDirectory: String?,
        truth: [RecordKey: String]? = nil
    ) throws -> Outcome {
        let start = ContinuousClock.now
        let result = Linker(options: options.linkOptions).link(consume records, truth: truth)
        let seconds = Pipeline.seconds(since: start)
        let evaluation = truth.map { LinkEvaluation(result: result, truth: $0) }
        var files: [String] = []
        if let outputDirectory {
            files = try LinkOutputWriter(directory: outputDirectory).write(result, evaluation: evaluation)
        }
        return Outcome(result: result, evaluation: evaluation, linkSeconds: seconds, files: files)
    }

    /// The `childlink link` command: reads the inputs (council extracts through the importer, or
    /// generic person CSVs), links, writes the outputs, and returns the summary for the terminal.
    ///
    /// Council extracts go through the shared ``Pipeline``: with `storePath` the run is recorded in
    /// the store, review decisions are respected and `links.csv` carries the stable ChildLink ids.
    /// Generic person CSVs (`generic`) are linked as they are, without a store.
    ///
    /// - Parameter profilePath: a mapping profile for a council's own extract headers.
    /// - Throws: `ImportError` for a missing input, bad profile or unreadable generic input; ``CoreError``
    ///   for an unreadable truth file or outputs; `StoreError` for a store that cannot be written.
    package static func runFiles(
        inputs: [String], generic: Bool, profilePath: String? = nil, outputDirectory: String, truthPath: String?,
        options: Options, storePath: String? = nil, storeWait: Duration = PipelineRequest.defaultStoreWait,
        logger: Logger
    ) throws -> String {
        guard generic else {
            let request = PipelineRequest(
                inputs: inputs, storePath: storePath, command: "link", options: options, profilePath: profilePath,
                storeWait: storeWait)
            return try runExtracts(request, outputDirectory: outputDirectory, truthPath: truthPath, logger: logger)
        }
        let profile = try profilePath.map { try MappingProfile(contentsOf: $0) }
        var contents =
            try profile.map { try GenericPersonCSV.read(paths: inputs, profile: $0) }
            ?? GenericPersonCSV.read(paths: inputs)
        var options = options
        if let profile { options.forenameVariants = try CouncilReferenceTables(profile: profile).forenameVariants }
        logger.debug("read \(contents.records.count) records from \(inputs.count) inputs")
        var truth: [RecordKey: String]? = contents.truth.isEmpty ? nil : contents.truth
        if let truthPath { truth = try readTruth(path: truthPath) }
        // Moved out, so the linker holds the only copy and sorts it in place (at a million
        // records a second copy is over half a gigabyte).
        let records = contents.records
        contents.records = []
        let outcome = try run(
            records: consume records, options: options, outputDirectory: outputDirectory, truth: truth)
        for file in outcome.files { logger.debug("wrote \(file)") }
        for timing in outcome.result.timings { logger.debug("\(timing.stage): \(format(timing.seconds, 2)) s") }
        return summaryText(outcome.result, evaluation: outcome.evaluation)
            + "link time: \(format(outcome.linkSeconds, 2)) s\n"
    }

    /// Council extracts through the pipeline; the outputs carry the pipeline's child ids.
    ///
    /// All or nothing, as the report commands: with a store, `links.csv`, `pairs.csv` and
    /// `summary.txt` are put in place inside the run's write transaction, before it commits, so a
    /// run whose outputs could not be written is not recorded. The truth file is read first.
    static func runExtracts(_ request: PipelineRequest, outputDirectory: String, truthPath: String?, logger: Logger)
        throws -> String
    {
        let truth = try truthPath.map { try readTruth(path: $0) }
        var evaluation: LinkEvaluation?
        var files: [String] = []
        let outcome = try Pipeline.run(request, logger: logger) { link, children, _ in
            evaluation = truth.map { LinkEvaluation(result: link, truth: $0) }
            files = try LinkOutputWriter(directory: outputDirectory, childIDs: Pipeline.childIDs(link, children))
                .write(link, evaluation: evaluation)
        }
        for timing in outcome.link.timings { logger.debug("\(timing.stage): \(format(timing.seconds, 2)) s") }
        for file in files { logger.debug("wrote \(file)") }
        let imported = outcome.imported
        var text =
            "imported: \(imported.records) records from \(imported.files) files (\(imported.rejected) rejected; "
            + "run 'childlink check' for details)\n"
        text += summaryText(outcome.link, evaluation: evaluation)
        text += "children after review decisions: \(outcome.children.count)\n"
        if let run = outcome.storeRun {
            text += storeSummary(run, storePath: request.storePath ?? "")
        }
        return text + "link time: \(format(outcome.timings.linkSeconds, 2)) s\n"
    }

    /// What the store recorded, one fact per line.
    static func storeSummary(_ run: StoreRunReport, storePath: String) -> String {
        let splits = run.events.filter { $0.kind == .split }.count
        return """
            store: \(storePath), run \(run.runID)
            records new: \(run.changes.new.count), changed: \(run.changes.changed.count), unchanged: \(run.changes.unchanged.count), removed: \(run.changes.removed.count)
            new ChildLink ids: \(run.newIDs.count); merges: \(run.events.count - splits); splits: \(splits)
            review decisions that changed the clustering: \(run.decisionsApplied)

            """
    }

    /// Reads a truth file: `Dataset,RecordID,TrueChildID` (as `childlink sample` writes it).
    ///
    /// - Throws: ``CoreError/unreadableTruth(path:line:cause:)`` for a missing file or a bad line.
    package static func readTruth(path: String) throws -> [RecordKey: String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CoreError.unreadableTruth(path: path, line: 0)
        }
        var truth: [RecordKey: String] = [:]
        let text = String(decoding: data, as: UTF8.self)
        for (index, line) in text.split(whereSeparator: \.isNewline).enumerated() where index > 0 {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count >= 3, let dataset = Dataset(name: fields[0]) else {
                throw CoreError.unreadableTruth(path: path, line: index + 1)
            }
            truth[RecordKey(dataset: dataset, recordID: String(fields[1]))] = String(fields[2])
        }
        return truth
    }

    /// The summary as text, one fact per line (also written to `summary.txt`).
    package static func summaryText(_ result: LinkResult, evaluation: LinkEvaluation?) -> String {
        let summary = result.summary
        var lines = [
            "records: \(summary.records)",
            "candidate pairs: \(summary.candidatePairs)",
            "links: \(summary.linkedPairs)",
            "review pairs: \(summary.reviewPairs)",
            "pairs kept apart by guards: \(summary.blockedPairs)",
            "children (clusters): \(summary.clusters)",
        ]
        for count in summary.clustersByDatasetCount.keys.sorted() {
            lines.append(
                "children in \(count) dataset\(count == 1 ? "" : "s"): \(summary.clustersByDatasetCount[count]!)")
        }
        lines.append("children with more than one record in a dataset: \(summary.clustersWithDuplicates)")
        let placeholders = summary.placeholderIdentifiers
        if !placeholders.isEmpty {
            // Counts only: the values themselves may be a real child's number.
            lines.append(
                "identifiers read as placeholders (each held by \(PlaceholderIdentifiers.minimumChildren) or more "
                    + "children of other birth dates and surnames): \(placeholders.count), on \(placeholders.records) records"
            )
        }
        lines.append("prior match probability (all pairs): \(format(result.model.globalPrior, 10))")
        // Council summaries leave out the lines of the rules only generic mode runs.
        for rule in BlockingRule.allCases where !rule.isGenericOnly || summary.pairsPerRule[rule] != nil {
            lines.append("blocking \(rule.title): \(summary.pairsPerRule[rule] ?? 0) pairs")
        }
        if let recall = summary.blockingRecall { lines.append("blocking recall: \(format(recall, 5))") }
        if let evaluation {
            lines.append("pairwise precision: \(format(evaluation.precision, 5))")
            lines.append("pairwise recall: \(format(evaluation.recall, 5))")
            lines.append("pairwise F1: \(format(evaluation.f1, 5))")
            lines.append("true pairs linked: \(evaluation.truePositives)")
            lines.append("false links (pairs): \(evaluation.falsePositives)")
            lines.append("missed (pairs): \(evaluation.falseNegatives)")
            lines.append("twins merged (pairs): \(evaluation.twinsMerged)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func format(_ value: Double, _ places: Int) -> String {
        PairExplanation.decimal(value, places)
    }
}

/// Writes `links.csv`, `pairs.csv` and `summary.txt`. The two CSV files are streamed row by row
/// into their temporary files (a million records make hundreds of megabytes of text).
struct LinkOutputWriter {
    let directory: String
    /// The id of each record's child by record index, when the pipeline assigned them (stable
    /// ids, review decisions applied); the matcher's own numbering otherwise.
    var childIDs: [ChildLinkID]? = nil

    func childID(_ result: LinkResult, _ record: Int) -> ChildLinkID {
        childIDs?[record] ?? result.children[result.childOfRecord[record]].id
    }

    /// The number of records of each record's child.
    func clusterSizes(_ result: LinkResult) -> [Int] {
        guard let childIDs else { return result.childOfRecord.map { result.children[$0].records.count } }
        var sizes: [ChildLinkID: Int] = [:]
        for id in childIDs { sizes[id, default: 0] += 1 }
        return childIDs.map { sizes[$0, default: 1] }
    }

    /// Writes the three files all or nothing (``StagingFolder``): a failure leaves the earlier
    /// `links.csv`, `pairs.csv` and `summary.txt` exactly as they were.
    ///
    /// - Throws: `FileWriteError`, naming the file where it was going.
    func write(_ result: LinkResult, evaluation: LinkEvaluation?) throws(FileWriteError) -> [String] {
        try StagingFolder.writeAll(into: directory) { (staging: String) throws(FileWriteError) -> [String] in
            func path(_ name: String) -> String { (staging as NSString).appendingPathComponent(name) }
            try writeLinks(result, to: path("links.csv"))
            try writePairs(result, to: path("pairs.csv"))
            try writeWhole(LinkJob.summaryText(result, evaluation: evaluation), to: path("summary.txt"))
            return ["links.csv", "pairs.csv", "summary.txt"]
        }
    }

    private func writeWhole(_ text: String, to path: String) throws(FileWriteError) {
        try PrivateOutputFile.write(text, to: path)
    }

    /// Runs `body` on a new streamed file at `path` and commits it.
    private func stream(to path: String, _ body: (inout PrivateOutputFile) -> Void) throws(FileWriteError) {
        var file = try PrivateOutputFile(path: path)
        body(&file)
        try file.commit()
    }

    /// `links.csv`: every record with its child's id, the child's size and, for a child of more
    /// than one record, the weakest link holding it together.
    func writeLinks(_ result: LinkResult, to path: String) throws(FileWriteError) {
        let sizes = clusterSizes(result)
        try stream(to: path) { file in
            file.append("Dataset,RecordID,ChildID,ClusterSize,MinLinkProbability\n")
            for (index, record) in result.records.enumerated() {
                file.appendCSVField(record.dataset.rawValue)
                file.append(byte: UInt8(ascii: ","))
                file.appendCSVField(record.key.recordID)
                file.append(byte: UInt8(ascii: ","))
                file.append(childID: childID(result, index))
                file.append(byte: UInt8(ascii: ","))
                file.append(integer: sizes[index])
                file.append(byte: UInt8(ascii: ","))
                if sizes[index] > 1, let minimum = result.minLinkProbability[result.childOfRecord[index]] {
                    file.appendDecimalField(minimum, places: 6)
                }
                file.append(byte: UInt8(ascii: "\n"))
            }
        }
    }

    /// `pairs.csv`: the pairs that decided something: links that joined two clusters, review pairs
    /// and pairs a guard kept apart (links between records already together are left out; explain
    /// them on demand).
    func writePairs(_ result: LinkResult, to path: String) throws(FileWriteError) {
        let comparisons = result.comparisons.map { ($0, $0.levelNames) }
        try stream(to: path) { file in
            file.append(Self.pairsHeader(result.comparisons))
            for pair in result.pairs where pair.decision != .alreadyLinked {
                appendPairRecords(pair, result, to: &file)
                file.appendDecimalField(pair.probability, places: 6)
                file.append(byte: UInt8(ascii: ","))
                file.appendDecimalField(pair.weight, places: 3)
                file.append(byte: UInt8(ascii: ","))
                file.appendCSVField(pair.decision.rawValue)
                for (comparison, levelNames) in comparisons {
                    file.append(byte: UInt8(ascii: ","))
                    file.appendCSVField(levelNames[pair.vector.level(comparison)])
                    file.append(byte: UInt8(ascii: ","))
                    file.appendDecimalField(result.model.logBayesFactor(comparison, in: pair.vector), places: 3)
                }
                file.append(byte: UInt8(ascii: "\n"))
            }
        }
    }

    /// The pair's first six columns (both records' datasets, ids and child ids), each followed by a comma.
    private func appendPairRecords(_ pair: ScoredPair, _ result: LinkResult, to file: inout PrivateOutputFile) {
        appendRecordKey(result.records[pair.first].key, to: &file)
        appendRecordKey(result.records[pair.second].key, to: &file)
        file.append(childID: childID(result, pair.first))
        file.append(byte: UInt8(ascii: ","))
        file.append(childID: childID(result, pair.second))
        file.append(byte: UInt8(ascii: ","))
    }

    /// `Dataset,RecordID,`.
    private func appendRecordKey(_ key: RecordKey, to file: inout PrivateOutputFile) {
        file.appendCSVField(key.dataset.rawValue)
        file.append(byte: UInt8(ascii: ","))
        file.appendCSVField(key.recordID)
        file.append(byte: UInt8(ascii: ","))
    }

    /// The header row of `pairs.csv` for a run that used `comparisons`.
    static func pairsHeader(_ comparisons: [Comparison]) -> String {
        var header = [
            "Dataset1", "RecordID1", "Dataset2", "RecordID2", "ChildID1", "ChildID2", "MatchProbability",
            "MatchWeight", "Decision",
        ]
        for comparison in comparisons {
            header += [comparison.columnName, comparison.columnName + "Bits"]
        }
        return header.joined(separator: ",") + "\n"
    }
}

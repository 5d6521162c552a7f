import ChildLinkMatching
import ChildLinkModel
import ChildLinkSample
import ChildLinkStore
import Foundation
import Logging
import Testing

@testable import ChildLinkCore

/// Two weeks of a synthetic borough, generated once and shared by the tests.
enum SampleWeeks {
    /// Week 1: a borough of 400 children.
    static let week1 = SamplePopulation.generate(SampleConfiguration(children: 400, seed: 11)).records
    /// Week 2: the same borough grown to 440 children (the first households are the same records,
    /// the new ones arrive), with every 40th week-1 record gone from the extract.
    static let week2: [SourceRecord] = {
        let grown = SamplePopulation.generate(SampleConfiguration(children: 440, seed: 11)).records
        let dropped = Set(week1.enumerated().filter { $0.offset % 40 == 39 }.map(\.element.key))
        return grown.filter { !dropped.contains($0.key) }
    }()

    static let logger = ChildLinkLogging.logger(verbose: false)
}

@Suite("Pipeline: store-backed runs, stable ids and review decisions")
struct PipelineTests {
    @Test("the grown sample keeps week 1's records, so week 2 is a realistic next extract")
    func weeksOverlap() {
        let week2 = Dictionary(SampleWeeks.week2.map { ($0.key, $0) }, uniquingKeysWith: { $1 })
        let kept = SampleWeeks.week1.filter { week2[$0.key] == $0 }
        #expect(kept.count >= SampleWeeks.week1.count * 9 / 10)
        #expect(SampleWeeks.week2.count > kept.count)
    }

    @Test("without a store the pipeline's children are the matcher's, numbered within the run")
    func noStore() throws {
        let outcome = try Pipeline.run(records: SampleWeeks.week1, store: nil, logger: SampleWeeks.logger)
        #expect(outcome.children == outcome.link.children)
        #expect(outcome.storeRun == nil)
    }

    @Test("two weeks into one store: ids stay with persisting records, decisions are honoured, the store is healthy")
    func twoWeeks() throws {
        let store = try ChildLinkStore.inMemory(user: "analyst")
        let first = try Pipeline.run(
            records: SampleWeeks.week1, store: store, note: "week 1", logger: SampleWeeks.logger)
        #expect(first.storeRun?.newIDs.count == first.children.count)
        #expect(try store.check().isHealthy)
        let before = try store.latestAssignment()

        // A reviewer rejects one of week 1's links and accepts one uncertain pair, between records
        // that both persist into week 2.
        let persisting = Set(SampleWeeks.week2.map(\.key))
        let linked = try #require(
            first.link.pairs.first {
                $0.decision == .linked && persisting.contains(first.link.records[$0.first].key)
                    && persisting.contains(first.link.records[$0.second].key)
            })
        let rejected = (first.link.records[linked.first].key, first.link.records[linked.second].key)
        let review = try #require(
            try store.reviewPairs().first {
                persisting.contains($0.recordA) && persisting.contains($0.recordB)
            })
        #expect(!review.explanation.isEmpty && review.explanation.contains("total"))
        try store.decide(rejected.0, rejected.1, .cannotLink)
        try store.decide(review.recordA, review.recordB, .mustLink)

        let second = try Pipeline.run(
            records: SampleWeeks.week2, store: store, note: "week 2", logger: SampleWeeks.logger)
        let after = second.childIDOfRecord
        #expect(after[rejected.0] != after[rejected.1])
        #expect(after[review.recordA] == after[review.recordB])
        #expect((second.storeRun?.decisionsApplied ?? 0) >= 1)

        // Every persisting record keeps its id unless a logged merge or split moved it.
        let moved = Set(second.storeRun!.events.flatMap(\.records))
        let changed = before.filter { key, id in persisting.contains(key) && after[key] != nil && after[key] != id }
        #expect(changed.keys.allSatisfy { moved.contains($0) || survivesAsMerge($0, before, after, second) })
        let kept = before.filter { persisting.contains($0.key) && after[$0.key] == $0.value }.count
        #expect(kept * 100 >= before.filter { persisting.contains($0.key) }.count * 95)
        #expect(second.storeRun!.changes.removed.count == SampleWeeks.week1.count / 40)
        #expect(try store.check().isHealthy)

        // A third run with no change: the same ids, and the decisions still hold.
        let third = try Pipeline.run(
            records: SampleWeeks.week2, store: store, note: "week 2 again", logger: SampleWeeks.logger)
        #expect(third.childIDOfRecord == after)
        #expect(third.storeRun!.events.isEmpty && third.storeRun!.newIDs.isEmpty)
        #expect(third.storeRun!.changes.unchanged.count == Set(SampleWeeks.week2.map(\.key)).count)
        #expect(try store.check().isHealthy)
    }

    @Test("a run of one dataset links the stored records of the others with it, and marks none of them removed")
    func storedDatasetsCarriedOver() throws {
        let store = try ChildLinkStore.inMemory(user: "analyst")
        let first = try Pipeline.run(records: SampleWeeks.week1, store: store, logger: SampleWeeks.logger)
        let missingOnly = SampleWeeks.week1.filter { $0.dataset == .missing }
        let others = SampleWeeks.week1.filter { $0.dataset != .missing }
        #expect(!missingOnly.isEmpty && Set(others.map(\.dataset)).count >= 2)

        let second = try Pipeline.run(records: missingOnly, store: store, logger: SampleWeeks.logger)
        // Every record of week 1 is linked again: the missing episodes given, the rest read back
        // from the store, each exactly once and in key order.
        let linkedKeys = second.link.records.map(\.key)
        #expect(linkedKeys == Set(SampleWeeks.week1.map(\.key)).sorted())
        #expect(second.storeRun?.changes.removed.isEmpty == true)
        #expect(second.storeRun?.changes.unchanged.count == missingOnly.count)
        // The same records, so the same children under the same ids.
        #expect(second.childIDOfRecord == first.childIDOfRecord)
    }

    /// A record whose previous id was merged into another keeps the survivor, which the merge event records.
    private func survivesAsMerge(
        _ key: RecordKey, _ before: [RecordKey: ChildLinkID], _ after: [RecordKey: ChildLinkID],
        _ outcome: PipelineOutcome
    ) -> Bool {
        outcome.storeRun!.events.contains { $0.kind == .merge && $0.otherID == before[key] && $0.childID == after[key] }
    }

    @Test("a store run of extract files records each file with its SHA-256; a re-run changes nothing")
    func filesThroughStore() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("childlink-pipeline-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let extracts = folder.appendingPathComponent("extracts").path
        try FileManager.default.createDirectory(atPath: extracts, withIntermediateDirectories: true)
        _ = try SamplePopulation.write(SampleConfiguration(children: 150, seed: 5), to: extracts)
        let storePath = folder.appendingPathComponent("childlink.sqlite").path
        let request = PipelineRequest(inputs: [extracts], storePath: storePath, command: "weekly")
        let first = try Pipeline.run(request, logger: SampleWeeks.logger)
        let second = try Pipeline.run(request, logger: SampleWeeks.logger)
        #expect(second.childIDOfRecord == first.childIDOfRecord)
        #expect(second.storeRun?.changes.new.isEmpty == true && second.storeRun?.changes.changed.isEmpty == true)
        let store = try ChildLinkStore(path: storePath)
        let batches = try store.importBatches()
        #expect(batches.count % 2 == 0 && batches.count >= 8)
        let missing = try #require(batches.first { $0.batch.fileName.hasSuffix("missing-episodes.csv") })
        #expect(missing.batch.sha256 == (try SHA256Fingerprint.hex(ofFileAt: missing.batch.fileName)))
        #expect(try store.check().isHealthy)
        #expect(try store.runs().map(\.note) == ["weekly", "weekly"])
    }

    @Test("the store option: explicit path, --no-store, or childlink.sqlite only when it exists")
    func storeResolution() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("childlink-resolve-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #expect(PipelineStore.resolve(explicit: nil, disabled: false, workingDirectory: folder.path) == nil)
        #expect(
            PipelineStore.resolve(explicit: "x.sqlite", disabled: false, workingDirectory: folder.path) == "x.sqlite")
        _ = FileManager.default.createFile(
            atPath: folder.appendingPathComponent("childlink.sqlite").path, contents: nil)
        #expect(
            PipelineStore.resolve(explicit: nil, disabled: false, workingDirectory: folder.path)?.hasSuffix(
                "/childlink.sqlite") == true)
        #expect(PipelineStore.resolve(explicit: nil, disabled: true, workingDirectory: folder.path) == nil)
    }
}

@Suite("Review decisions as clustering constraints")
struct ReviewConstraintTests {
    static let result = Linker().link(SampleWeeks.week1)

    @Test("no decisions: the matcher's clusters exactly")
    func unchanged() {
        let clustering = ReviewConstraints.apply([], to: Self.result)
        #expect(clustering.clusters == Self.result.children.map(\.records))
    }

    @Test("a cannot-link inside a cluster splits it along its weakest links; nothing else moves")
    func cannotLinkSplits() throws {
        let result = Self.result
        let child = try #require(result.children.first { $0.records.count >= 3 })
        let (a, b) = (child.records.first!, child.records.last!)
        let clustering = ReviewConstraints.apply([PairConstraint(a, b, .cannotLink)], to: result)
        let clusterOf = Dictionary(
            clustering.clusters.enumerated().flatMap { index, keys in keys.map { ($0, index) } },
            uniquingKeysWith: { $1 })
        #expect(clusterOf[a] != clusterOf[b])
        #expect(clustering.splitsMade == [PairConstraint(a, b, .cannotLink)])
        let untouched = result.children.filter { $0.id != child.id }.map(\.records)
        #expect(untouched.allSatisfy { clustering.clusters.contains($0) })
        let parts = clustering.clusters.filter { $0.contains(where: child.records.contains) }
        #expect(parts.flatMap { $0 }.sorted() == child.records)
    }

    @Test("a must-link joins two clusters; a must-link a cannot-link forbids is reported, not applied")
    func mustLinkMerges() throws {
        let result = Self.result
        let x = result.children[0].records[0]
        let y = result.children[1].records[0]
        let z = result.children[2].records[0]
        let clustering = ReviewConstraints.apply(
            [PairConstraint(x, y, .mustLink), PairConstraint(y, z, .mustLink), PairConstraint(x, z, .cannotLink)],
            to: result)
        let together = clustering.clusters.first { $0.contains(x) }!
        #expect(together.contains(y) && !together.contains(z))
        #expect(clustering.conflicting == [PairConstraint(y, z, .mustLink)])
        #expect(clustering.clusters.count == result.children.count - 1)
        #expect(Set(clustering.clusters.joined()).count == result.records.count)
    }

    @Test("decisions about records not in the run are kept for later, not applied")
    func absentRecords() {
        let ghost = RecordKey(dataset: .cme, recordID: "NOT-THERE")
        let clustering = ReviewConstraints.apply(
            [PairConstraint(ghost, Self.result.records[0].key, .mustLink)], to: Self.result)
        #expect(clustering.notInRun == 1)
        #expect(clustering.clusters == Self.result.children.map(\.records))
    }
}

@Suite("Pipeline: an unchanged week reuses the store's linkage")
struct PipelineReuseTests {
    @Test("same extracts: reused with the same ids; after a decision or a changed record: linked again")
    func reuse() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("childlink-reuse-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let extracts = folder.appendingPathComponent("extracts").path
        try FileManager.default.createDirectory(atPath: extracts, withIntermediateDirectories: true)
        _ = try SamplePopulation.write(SampleConfiguration(children: 100, seed: 8, xmlShare: 0), to: extracts)
        let storePath = folder.appendingPathComponent("childlink.sqlite").path
        let request = PipelineRequest(inputs: [extracts], storePath: storePath, command: "weekly")
        let first = try Pipeline.run(request, logger: SampleWeeks.logger)

        let unchanged = try Pipeline.importExtracts(request, logger: SampleWeeks.logger)
        let reused = try #require(try Pipeline.reuseIfUnchanged(unchanged, store: unchanged.store!, request: request))
        #expect(reused.children == first.children)
        #expect(reused.records.map(\.key) == first.records.map(\.key))
        let store = try ChildLinkStore(path: storePath)
        #expect(try store.runs().count == 2)
        #expect(try store.check().isHealthy)
        // The reused run keeps the model that explains its clusters (the first run's, unchanged):
        // without it the review list loses its evidence in words and a footprint links again.
        let model = try #require(try store.latestModel())
        #expect(model.runID == 2)

        let cohort = try Pipeline.cohort(request, logger: SampleWeeks.logger)
        #expect(cohort.children == first.children)
        #expect(try store.runs().count == 3)

        let child = try #require(first.children.first { $0.records.count >= 2 })
        try store.decide(child.records[0], child.records[1], .cannotLink)
        let afterDecision = try Pipeline.importExtracts(request, logger: SampleWeeks.logger)
        #expect(try Pipeline.reuseIfUnchanged(afterDecision, store: afterDecision.store!, request: request) == nil)
        let relinked = try Pipeline.cohort(request, logger: SampleWeeks.logger)
        let ids = Dictionary(
            relinked.children.flatMap { child in child.records.map { ($0, child.id) } }, uniquingKeysWith: { $1 })
        #expect(ids[child.records[0]] != ids[child.records[1]])

        let path = (extracts as NSString).appendingPathComponent("missing-episodes.csv")
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        lines.removeLast()
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let changed = try Pipeline.importExtracts(request, logger: SampleWeeks.logger)
        #expect(try Pipeline.reuseIfUnchanged(changed, store: changed.store!, request: request) == nil)
        #expect(try store.runs().count == 4)
    }
}

@Suite("Pipeline: the review pairs still waiting reach the report")
struct PipelineUndecidedPairsTests {
    /// Without a store, with one, after a reviewer's decision on one pair, and with the store's
    /// linkage reused: the pairs handed to the report are the matcher's review-band pairs whose
    /// records are in two children (worked out here from a plain run's pairs and children), less
    /// the decided one.
    @Test func undecidedPairsWithAndWithoutAStore() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("childlink-undecided-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let extracts = folder.appendingPathComponent("extracts").path
        try FileManager.default.createDirectory(atPath: extracts, withIntermediateDirectories: true)
        _ = try SamplePopulation.write(SampleConfiguration(children: 400, seed: 11, xmlShare: 0), to: extracts)
        var request = PipelineRequest(inputs: [extracts], storePath: nil, command: "scorecard")
        let plain = try Pipeline.run(request, logger: SampleWeeks.logger)
        let childOf = plain.childIDOfRecord
        let expected = Set(
            plain.link.pairs.filter { $0.decision == .review }
                .map { (plain.link.records[$0.first].key, plain.link.records[$0.second].key) }
                .filter { childOf[$0.0] != childOf[$0.1] }.map { UnorderedPair($0.0, $0.1) })
        #expect(!expected.isEmpty)

        var seen: [UnorderedPair<RecordKey>] = []
        let capture: Pipeline.BeforeCommit = { _, _, review in seen = review.undecidedPairs }
        _ = try Pipeline.cohort(request, logger: SampleWeeks.logger, beforeCommit: capture)
        #expect(Set(seen) == expected)

        request.storePath = folder.appendingPathComponent("childlink.sqlite").path
        _ = try Pipeline.cohort(request, logger: SampleWeeks.logger, beforeCommit: capture)
        #expect(Set(seen) == expected)

        let rejected = try #require(expected.min { ($0.a, $0.b) < ($1.a, $1.b) })
        let store = try ChildLinkStore(path: try #require(request.storePath))
        try store.decide(rejected.a, rejected.b, .cannotLink)
        _ = try Pipeline.cohort(request, logger: SampleWeeks.logger, beforeCommit: capture)
        #expect(Set(seen) == expected.subtracting([rejected]))

        seen = []
        let unchanged = try Pipeline.importExtracts(request, logger: SampleWeeks.logger)
        _ = try #require(
            try Pipeline.reuseIfUnchanged(unchanged, store: store, request: request, beforeCommit: capture))
        #expect(Set(seen) == expected.subtracting([rejected]))
    }
}

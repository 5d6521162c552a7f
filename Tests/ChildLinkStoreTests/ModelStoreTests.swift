import ChildLinkModel
import Foundation
import Testing

@testable import ChildLinkStore

@Suite("The fitted model kept with the latest run")
struct ModelStoreTests {
    typealias F = Fixture

    static func model(_ tag: String) -> StoredModelData {
        StoredModelData(
            format: "childlink-model-1", parametersJSON: "{\"tag\":\"\(tag)\"}", forenameFrequency: Data([1, 2, 3]),
            surnameFrequency: Data([4, 5]))
    }

    @Test("a run saves its model; the next run's replaces it; a run without one leaves none for the latest run")
    func latestOnly() throws {
        let store = try F.store()
        #expect(try store.latestModel() == nil)
        try store.performRun { run in try run.saveModel(Self.model("one")) }
        #expect(try store.latestModel()?.parametersJSON == "{\"tag\":\"one\"}")
        #expect(try store.latestModel()?.runID == 1)
        try store.performRun { run in try run.saveModel(Self.model("two")) }
        let latest = try #require(try store.latestModel())
        #expect(
            latest.runID == 2 && latest.forenameFrequency == Data([1, 2, 3]) && latest.surnameFrequency == Data([4, 5]))
        #expect(try store.modelRunIDs() == [2], "older runs' models are not kept")
        try store.performRun { _ in }
        #expect(try store.latestModel() == nil, "the model must be the latest run's, or none")
    }

    @Test("a store written before models were kept opens, gains the table, and has no model")
    func oldStoreOpens() throws {
        let folder = try F.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("childlink.sqlite").path
        do {
            let store = try ChildLinkStore(path: path, user: "analyst")
            _ = try StoreRunTests.runWeek(store, StoreRunTests.week1, StoreRunTests.week1Clusters)
            // Make it a v1 store, as an earlier version left it.
            try store.executeUnchecked(
                "DROP TABLE runModel; DELETE FROM grdb_migrations WHERE identifier LIKE 'v2:%'")
            #expect(try !store.appliedMigrations().contains { $0.hasPrefix("v2:") })
        }
        let reopened = try ChildLinkStore(path: path, user: "analyst")
        #expect(try reopened.appliedMigrations().contains("v2: the latest run's fitted match model"))
        #expect(try reopened.latestModel() == nil)
        #expect(try reopened.runs().count == 1)
        #expect(try reopened.check().isHealthy)
    }
}

package import Foundation
import GRDB

/// A run's fitted match model as the store keeps it: opaque to the store (it does not know the
/// matcher), written by the pipeline and read back by `footprint` to explain links without re-linking.
package struct StoredModelData: Hashable, Sendable {
    /// The run that fitted it (0 before it is saved).
    package let runID: Int
    /// The encoding, e.g. `childlink-model-1`; a reader refuses one it does not know.
    package let format: String
    /// The model's parameters (m, u, priors, thresholds) as JSON.
    package let parametersJSON: String
    /// The forename term-frequency table, packed.
    package let forenameFrequency: Data
    /// The surname term-frequency table, packed.
    package let surnameFrequency: Data

    /// Creates the stored form of a model.
    package init(
        runID: Int = 0, format: String, parametersJSON: String, forenameFrequency: Data, surnameFrequency: Data
    ) {
        self.runID = runID
        self.format = format
        self.parametersJSON = parametersJSON
        self.forenameFrequency = forenameFrequency
        self.surnameFrequency = surnameFrequency
    }
}

struct RunModelRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "runModel"
    var runID: Int64
    var format: String
    var parameters: String
    var forenameFrequency: Data
    var surnameFrequency: Data
}

extension StoreRun {
    /// Saves the model this run fitted, replacing the one an earlier run saved (only the latest
    /// run's model is kept: it is the one that explains the current children).
    ///
    /// - Throws: ``StoreError`` on a database error.
    package func saveModel(_ model: StoredModelData) throws {
        try db.execute(sql: "DELETE FROM runModel")
        try RunModelRow(
            runID: Int64(runID), format: model.format, parameters: model.parametersJSON,
            forenameFrequency: model.forenameFrequency, surnameFrequency: model.surnameFrequency
        ).insert(db)
    }
}

extension StoreRun {
    /// Makes the kept model this run's: a run that reuses the latest run's linkage (an unchanged
    /// week) has that run's clusters, so that run's model explains them. Without it the latest run
    /// would have no model: the review list and desk would lose the evidence in words, and a
    /// footprint would link every stored record again to explain one child.
    ///
    /// - Throws: ``StoreError`` on a database error.
    package func carryModelOver() throws {
        try db.execute(sql: "UPDATE runModel SET runID = ?", arguments: [runID])
    }
}

extension ChildLinkStore {
    /// The model the latest run saved, or `nil` (a store written before models were kept, or a run
    /// that saved none).
    ///
    /// - Throws: ``StoreError``.
    package func latestModel() throws -> StoredModelData? {
        try read { db in
            guard
                let row = try RunModelRow.fetchOne(
                    db,
                    sql: "SELECT * FROM runModel WHERE runID = (SELECT MAX(id) FROM run WHERE finishedAt IS NOT NULL)")
            else { return nil }
            return StoredModelData(
                runID: Int(row.runID), format: row.format, parametersJSON: row.parameters,
                forenameFrequency: row.forenameFrequency, surnameFrequency: row.surnameFrequency)
        }
    }
}

extension ChildLinkStore {
    /// The runs whose model is kept (tests check that only the latest's is).
    func modelRunIDs() throws -> [Int] {
        try read { try Int.fetchAll($0, sql: "SELECT runID FROM runModel ORDER BY runID") }
    }
}

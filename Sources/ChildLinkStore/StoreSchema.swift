import GRDB

/// The store's schema, as named, append-only migrations: never edit a shipped migration, add a new one.
enum StoreSchema {
    /// All migrations, in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: runs, batches, records, children, assignments", migrate: createCoreTables)
        migrator.registerMigration("v1: review pairs and decisions", migrate: createReviewTables)
        migrator.registerMigration("v1: append-only audit log", migrate: createAuditTable)
        migrator.registerMigration("v2: the latest run's fitted match model", migrate: createModelTable)
        migrator.registerMigration(
            "v3: review pairs and decisions keyed by dataset and record id", migrate: keyReviewTablesByColumns)
        migrator.registerMigration("v4-review-decision-history", migrate: createDecisionHistoryTables)
        migrator.registerMigration("v5-store-identity") { db in
            try StoreIdentity.migrate(db)
            try AuditChain.migrate(db)
        }
        migrator.registerMigration("v6-run-inputs") { db in
            // Where each run's extracts were and its settings (JSON of `RunInputs`): paths, never personal data.
            try db.create(table: "runInputs") { t in
                t.primaryKey("runID", .integer).references("run", onDelete: .cascade)
                t.column("json", .text).notNull()
            }
        }
        migrator.registerMigration("v7-assignment-by-record") { db in
            // Each record's latest assignment (`StoreQueries.latestAssignment`) read in one pass over
            // this covering index, not by sorting every run's rows: the table grows by a row per
            // record each run, and every review command and desk page reads it.
            try db.create(
                index: "assignment_on_record", on: "assignment", columns: ["dataset", "recordID", "runID", "childID"])
        }
        return migrator
    }

    static func createCoreTables(_ db: Database) throws {
        try db.create(table: "run") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("startedAt", .datetime).notNull()
            t.column("finishedAt", .datetime)
            t.column("note", .text)
        }
        try db.create(table: "importBatch") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("runID", .integer).notNull().references("run", onDelete: .cascade)
            t.column("fileName", .text).notNull()
            t.column("sha256", .text).notNull()
            t.column("dataset", .text).notNull()
            t.column("recordCount", .integer).notNull()
            t.column("rejectCount", .integer).notNull()
            t.column("importedAt", .datetime).notNull()
        }
        try db.create(table: "sourceRecord") { t in
            t.column("dataset", .text).notNull()
            t.column("recordID", .text).notNull()
            t.primaryKey(["dataset", "recordID"])
            addRecordColumns(t)
            t.column("firstSeenRunID", .integer).notNull().references("run")
            t.column("lastSeenRunID", .integer).notNull().references("run")
            t.column("isPresent", .boolean).notNull()
        }
        try db.create(table: "sourceRecordHistory") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("dataset", .text).notNull()
            t.column("recordID", .text).notNull()
            addRecordColumns(t)
            t.column("replacedInRunID", .integer).notNull().references("run")
        }
        try db.create(index: "sourceRecordHistory_on_key", on: "sourceRecordHistory", columns: ["dataset", "recordID"])
        try db.create(table: "child") { t in
            t.primaryKey("id", .integer)
            t.column("createdRunID", .integer).notNull().references("run")
            t.column("status", .text).notNull().check { ["active", "merged"].contains($0) }
            t.column("mergedIntoID", .integer).references("child")
            t.column("mergedRunID", .integer).references("run")
        }
        try db.create(table: "assignment") { t in
            t.column("runID", .integer).notNull().references("run", onDelete: .cascade)
            t.column("dataset", .text).notNull()
            t.column("recordID", .text).notNull()
            t.column("childID", .integer).notNull().references("child")
            t.primaryKey(["runID", "dataset", "recordID"])
        }
        try db.create(index: "assignment_on_child", on: "assignment", columns: ["runID", "childID"])
        try db.create(table: "childEvent") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("runID", .integer).notNull().references("run", onDelete: .cascade)
            t.column("kind", .text).notNull().check { ["merge", "split"].contains($0) }
            t.column("childID", .integer).notNull().references("child")
            t.column("otherID", .integer).notNull().references("child")
            t.column("records", .text).notNull()
            t.column("reason", .text).notNull()
        }
    }

    /// The person fields as columns, the event as JSON, and a content hash for change detection.
    static func addRecordColumns(_ t: TableDefinition) {
        for name in [
            "personID", "upn", "formerUPN", "upnUnknownReason", "nhsNumber", "forename", "middleNames", "surname",
            "preferredName", "formerSurname", "dateOfBirth", "gender", "ethnicity", "postcode", "addressLine1", "town",
        ] {
            t.column(name, .text)
        }
        t.column("upnIsValid", .boolean).notNull().defaults(to: false)
        t.column("nhsNumberIsValid", .boolean).notNull().defaults(to: false)
        t.column("eventJSON", .text).notNull()
        t.column("sourceFile", .text)
        t.column("sourceLine", .integer)
        t.column("contentHash", .text).notNull()
    }

    static func createReviewTables(_ db: Database) throws {
        try db.create(table: "reviewPair") { t in
            t.column("runID", .integer).notNull().references("run", onDelete: .cascade)
            t.column("recordA", .text).notNull()
            t.column("recordB", .text).notNull()
            t.column("probability", .double).notNull()
            t.column("explanation", .text).notNull()
            t.primaryKey(["runID", "recordA", "recordB"])
        }
        try db.create(table: "decision") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("recordA", .text).notNull()
            t.column("recordB", .text).notNull()
            t.column("kind", .text).notNull().check { ["must-link", "cannot-link"].contains($0) }
            t.column("decidedBy", .text).notNull()
            t.column("decidedAt", .datetime).notNull()
            t.column("note", .text).notNull()
        }
        try db.create(index: "decision_on_pair", on: "decision", columns: ["recordA", "recordB"])
    }

    /// One row per run that saved its model (in practice the latest run's only).
    static func createModelTable(_ db: Database) throws {
        try db.create(table: "runModel") { t in
            t.primaryKey("runID", .integer).references("run", onDelete: .cascade)
            t.column("format", .text).notNull()
            t.column("parameters", .text).notNull()
            t.column("forenameFrequency", .blob).notNull()
            t.column("surnameFrequency", .blob).notNull()
        }
    }

    static func createAuditTable(_ db: Database) throws {
        try db.create(table: "audit") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("at", .datetime).notNull()
            t.column("user", .text).notNull()
            t.column("command", .text).notNull()
            t.column("query", .text).notNull()
            t.column("childIDs", .text).notNull()
        }
        try db.execute(
            sql: """
                CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                """)
    }

    /// Replaces the review tables' `Dataset:RecordID` text keys with a dataset and a record id column
    /// per record, converting every existing row (a key is split at its first colon, as
    /// `RecordKey(parsing:)` reads it).
    static func keyReviewTablesByColumns(_ db: Database) throws {
        try db.create(table: "newReviewPair") { t in
            t.column("runID", .integer).notNull().references("run", onDelete: .cascade)
            addKeyColumns(t)
            t.column("probability", .double).notNull()
            t.column("explanation", .text).notNull()
            t.primaryKey(["runID", "datasetA", "recordIDA", "datasetB", "recordIDB"])
        }
        try db.execute(
            sql: """
                INSERT INTO newReviewPair (runID, datasetA, recordIDA, datasetB, recordIDB, probability, explanation)
                SELECT runID, \(splitKeys), probability, explanation FROM reviewPair
                """)
        try db.drop(table: "reviewPair")
        try db.rename(table: "newReviewPair", to: "reviewPair")

        try db.create(table: "newDecision") { t in
            t.autoIncrementedPrimaryKey("id")
            addKeyColumns(t)
            t.column("kind", .text).notNull().check { ["must-link", "cannot-link"].contains($0) }
            t.column("decidedBy", .text).notNull()
            t.column("decidedAt", .datetime).notNull()
            t.column("note", .text).notNull()
        }
        try db.execute(
            sql: """
                INSERT INTO newDecision (id, datasetA, recordIDA, datasetB, recordIDB, kind, decidedBy, decidedAt, note)
                SELECT id, \(splitKeys), kind, decidedBy, decidedAt, note FROM decision
                """)
        try db.drop(table: "decision")
        try db.rename(table: "newDecision", to: "decision")
        try db.create(
            index: "decision_on_pair", on: "decision", columns: ["datasetA", "recordIDA", "datasetB", "recordIDB"])
    }

    /// The two records of a pair, each as a dataset and a record id.
    private static func addKeyColumns(_ t: TableDefinition) {
        t.column("datasetA", .text).notNull()
        t.column("recordIDA", .text).notNull()
        t.column("datasetB", .text).notNull()
        t.column("recordIDB", .text).notNull()
    }

    /// `recordA` and `recordB` (`Dataset:RecordID`) as the four key columns, in SQL.
    private static let splitKeys = """
        substr(recordA, 1, instr(recordA, ':') - 1), substr(recordA, instr(recordA, ':') + 1),
        substr(recordB, 1, instr(recordB, ':') - 1), substr(recordB, instr(recordB, ':') + 1)
        """

    /// Gives every reviewer decision a short id and a history: `reviewDecision` is one row per
    /// decision as the reviewer made it (one `accept`, `reject` or imported line), `decision` rows
    /// (the record pairs the clustering respects) point to it, `decisionRevocation` withdraws one,
    /// and `decisionApplication` records which runs applied it. Plain rows, append-only (SQLite
    /// refuses to update or delete a decision or a revocation), so they can be copied between stores.
    ///
    /// Existing record-pair decisions are grouped into reviewer decisions by who made them, when,
    /// of which kind and with which note (a child-pair reject wrote several at one instant).
    static func createDecisionHistoryTables(_ db: Database) throws {
        try db.create(table: "reviewDecision") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("kind", .text).notNull().check { ["must-link", "cannot-link"].contains($0) }
            t.column("subjectA", .text).notNull()
            t.column("subjectB", .text).notNull()
            t.column("decidedBy", .text).notNull()
            t.column("decidedAt", .datetime).notNull()
            t.column("note", .text).notNull()
            t.column("overridden", .text).notNull().defaults(to: "")
        }
        try db.create(table: "decisionRevocation") { t in
            t.primaryKey("decisionID", .integer).references("reviewDecision")
            t.column("revokedBy", .text).notNull()
            t.column("revokedAt", .datetime).notNull()
            t.column("note", .text).notNull()
        }
        try db.create(table: "decisionApplication") { t in
            t.column("decisionID", .integer).notNull().references("reviewDecision")
            t.column("runID", .integer).notNull().references("run", onDelete: .cascade)
            t.primaryKey(["decisionID", "runID"])
        }
        try db.alter(table: "decision") { t in t.add(column: "reviewDecisionID", .integer).references("reviewDecision")
        }
        try db.execute(
            sql: """
                INSERT INTO reviewDecision (kind, subjectA, subjectB, decidedBy, decidedAt, note)
                SELECT kind, MIN(datasetA || ':' || recordIDA), MIN(datasetB || ':' || recordIDB), decidedBy, decidedAt,
                    note
                FROM decision GROUP BY kind, decidedBy, decidedAt, note ORDER BY MIN(id);
                UPDATE decision SET reviewDecisionID = (SELECT r.id FROM reviewDecision r WHERE r.kind = decision.kind
                    AND r.decidedBy = decision.decidedBy AND r.decidedAt = decision.decidedAt AND r.note = decision.note);
                """)
        for table in ["decision", "reviewDecision", "decisionRevocation"] {
            try db.execute(
                sql: """
                    CREATE TRIGGER \(table)_no_update BEFORE UPDATE ON \(table)
                    BEGIN SELECT RAISE(ABORT, 'review decisions are append-only: revoke one instead'); END;
                    CREATE TRIGGER \(table)_no_delete BEFORE DELETE ON \(table)
                    BEGIN SELECT RAISE(ABORT, 'review decisions are append-only: revoke one instead'); END;
                    """)
        }
    }
}

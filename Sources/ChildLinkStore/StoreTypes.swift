public import ChildLinkModel
public import Foundation

/// What one imported file contributed to a run, as the importer reports it.
public struct ImportBatch: Hashable, Sendable {
    /// The file name as given on the command line.
    public var fileName: String
    /// The SHA-256 of the file's bytes, as 64 hexadecimal digits (see ``SHA256Fingerprint/hex(_:)``).
    public var sha256: String
    /// The dataset the file was recognised as.
    public var dataset: Dataset
    /// Records read and kept.
    public var recordCount: Int
    /// Records rejected.
    public var rejectCount: Int

    /// Creates a batch summary.
    public init(fileName: String, sha256: String, dataset: Dataset, recordCount: Int, rejectCount: Int) {
        self.fileName = fileName
        self.sha256 = sha256
        self.dataset = dataset
        self.recordCount = recordCount
        self.rejectCount = rejectCount
    }
}

extension SHA256Fingerprint {
    /// The SHA-256 of the file at `path`, as 64 lower-case hexadecimal digits, for ``ImportBatch/sha256``.
    ///
    /// - Throws: The file system's error when the file cannot be read.
    public static func hex(ofFileAt path: String) throws -> String {
        hex(try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}

/// A stored import batch.
public struct StoredImportBatch: Hashable, Sendable {
    /// The run it was imported in.
    public let runID: Int
    /// The batch summary.
    public let batch: ImportBatch
    /// When it was recorded.
    public let importedAt: Date
}

/// How this run's records differ from the previous run's, for the datasets that were imported.
public struct RecordChangeSet: Hashable, Sendable {
    /// Records never seen before, sorted.
    public var new: [RecordKey]
    /// Records seen before whose person fields or event changed, sorted.
    public var changed: [RecordKey]
    /// Records identical to the stored version, sorted.
    public var unchanged: [RecordKey]
    /// Records present in the previous run but absent now, sorted.
    public var removed: [RecordKey]

    /// Creates a change set.
    public init(
        new: [RecordKey] = [], changed: [RecordKey] = [], unchanged: [RecordKey] = [], removed: [RecordKey] = []
    ) {
        self.new = new
        self.changed = changed
        self.unchanged = unchanged
        self.removed = removed
    }

    /// The records that need new candidate pairs: new and changed, sorted.
    public var needsMatching: [RecordKey] { (new + changed).sorted() }
}

/// An uncertain pair saved for clerical review.
public struct ReviewPair: Hashable, Sendable {
    /// The first record (the smaller key).
    public let recordA: RecordKey
    /// The second record.
    public let recordB: RecordKey
    /// The match probability, 0–1.
    public let probability: Double
    /// Why the matcher scored it so (text or JSON; no more personal data than the reviewer needs).
    public let explanation: String

    /// Creates a pair; the two keys are put in order so that a pair has one spelling.
    public init(_ first: RecordKey, _ second: RecordKey, probability: Double, explanation: String = "") {
        recordA = min(first, second)
        recordB = max(first, second)
        self.probability = probability
        self.explanation = explanation
    }
}

/// A reviewer's decision on a pair, which every later run must respect.
public struct ReviewDecision: Hashable, Sendable {
    /// The first record (the smaller key).
    public let recordA: RecordKey
    /// The second record.
    public let recordB: RecordKey
    /// Must-link or cannot-link.
    public let kind: PairVerdict
    /// Who decided (the OS user).
    public let decidedBy: String
    /// When.
    public let decidedAt: Date
    /// The reviewer's note.
    public let note: String

    /// Creates a decision; the two keys are put in order.
    public init(
        _ first: RecordKey, _ second: RecordKey, kind: PairVerdict, decidedBy: String, decidedAt: Date, note: String = ""
    ) {
        recordA = min(first, second)
        recordB = max(first, second)
        self.kind = kind
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.note = note
    }
}

/// One line of the audit log.
public struct AuditEntry: Hashable, Sendable {
    /// When.
    public let at: Date
    /// The OS user.
    public let user: String
    /// The command, e.g. `footprint`.
    public let command: String
    /// The query as the user gave it.
    public let query: String
    /// The ChildLink ids returned or exported, sorted.
    public let childIDs: [ChildLinkID]
}

/// A stored run.
public struct StoreRunSummary: Hashable, Sendable {
    /// The run number.
    public let id: Int
    /// When it started.
    public let startedAt: Date
    /// When it committed.
    public let finishedAt: Date?
    /// The caller's note, e.g. `weekly 2026-11-20`.
    public let note: String?
}

/// The verdict of `childlink store check`.
public struct StoreCheckReport: Hashable, Sendable, CustomStringConvertible {
    /// `ok` from `PRAGMA integrity_check`, or the problems it listed.
    public let integrity: [String]
    /// Violations of the tool's own invariants, one sentence each (ids only).
    public let violations: [String]

    /// Whether SQLite and the invariants are both fine.
    public var isHealthy: Bool { integrity == ["ok"] && violations.isEmpty }

    /// A verdict an analyst can read.
    public var description: String {
        var lines = ["SQLite integrity check: " + (integrity == ["ok"] ? "ok" : "FAILED")]
        lines += integrity.filter { $0 != "ok" }.map { "  \($0)" }
        lines.append("ChildLink invariants: " + (violations.isEmpty ? "ok" : "\(violations.count) FAILED"))
        lines += violations.map { "  \($0)" }
        lines.append(
            isHealthy
                ? "Verdict: the store is healthy."
                : "Verdict: the store is NOT healthy; see above. Restore with 'childlink store restore'.")
        return lines.joined(separator: "\n")
    }
}

/// Problems the store reports to its caller.
public enum StoreError: Error, LocalizedError, Equatable, CustomStringConvertible {
    /// Another process held the write lock longer than the busy timeout.
    case locked(path: String, seconds: Double)
    /// No backup file to restore from.
    case noBackup(path: String)
    /// A review or decisions CSV line could not be read.
    case badCSV(path: String, line: Int, field: String, message: String)
    /// A record key was not written `Dataset:RecordID`.
    case badRecordKey(String)
    /// The clusters given to ``StoreRun/assignChildIDs(clusters:)`` leave present records out, or
    /// name records that are not present (or name one twice).
    case clusteringMismatch(unassigned: Int, unknown: Int, examples: [String])
    /// A decision names a record the store has never seen (a typo in the id?).
    case unknownRecord(String)
    /// A SQLite error, with the database path.
    case database(path: String, message: String)
    /// Another run held the store's run lock for longer than the wait (see ``ChildLinkStore/holdingRunLock(waitingUpTo:onWait:_:)``).
    case runInProgress(path: String, seconds: Double)
    /// A ChildLink id that no record is assigned to (a typo, or a run since?).
    case unknownChild(String)
    /// Two ids given for a decision are now one child.
    case sameChild(String)

    /// What went wrong and what to do.
    public var errorDescription: String? {
        switch self {
        case .locked(let path, let seconds):
            "The ChildLink store \(path) is busy: another childlink process has been writing to it for more than "
                + "\(seconds) s. Wait for it to finish and try again."
        case .noBackup(let path): "There is no backup at \(path) to restore from."
        case .badCSV(let path, let line, let field, let message): "\(path):\(line): error: \(message) [field \(field)]"
        case .badRecordKey(let text):
            "'\(text)' is not a record key; write Dataset:RecordID, e.g. Missing:E000123."
        case .clusteringMismatch(let unassigned, let unknown, let examples):
            "The clustering does not match this run's records: \(unassigned) present record(s) left out, "
                + "\(unknown) unknown or repeated (e.g. \(examples.joined(separator: ", "))). Nothing was assigned."
        case .unknownRecord(let key):
            "\(key) is not a record in the store; check the dataset and record id (see 'childlink review list')."
        case .database(let path, let message): "The ChildLink store \(path) reported an error: \(message)"
        case .runInProgress(let path, let seconds):
            "Another childlink run has been using the store \(path) for more than \(Self.format(seconds)) s, so this "
                + "run gave up waiting and wrote nothing. Run it again when the other one has finished, or wait longer "
                + "with --store-wait SECONDS."
        case .unknownChild(let id):
            "\(id) is not a child in the store's latest run; check the id (see 'childlink review list')."
        case .sameChild(let id): "Both ids are now the same child, \(id); there is nothing to decide."
        }
    }

    /// The same text as ``errorDescription``, for command-line output.
    public var description: String { errorDescription ?? "store error" }

    /// `600` rather than `600.0`; fractions kept.
    static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() && abs(seconds) < 1e15 ? String(Int(seconds)) : String(seconds)
    }
}

extension RecordKey {
    /// Reads `Dataset:RecordID`, e.g. `Missing:E000123` (the dataset name as ``Dataset/init(name:)`` reads it).
    public init?(parsing text: some StringProtocol) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let colon = trimmed.firstIndex(of: ":"), let dataset = Dataset(name: trimmed[..<colon]) else {
            return nil
        }
        let recordID = trimmed[trimmed.index(after: colon)...]
        guard !recordID.isEmpty else { return nil }
        self.init(dataset: dataset, recordID: String(recordID))
    }
}

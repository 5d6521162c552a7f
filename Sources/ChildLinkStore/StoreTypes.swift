package import ChildLinkModel
package import Foundation

/// What one imported file contributed to a run, as the importer reports it.
package struct ImportBatch: Hashable, Sendable {
    /// The file name as given on the command line.
    package var fileName: String
    /// The SHA-256 of the file's bytes, as 64 hexadecimal digits (see ``SHA256Fingerprint/hex(_:)``).
    package var sha256: String
    /// The dataset the file was recognised as.
    package var dataset: Dataset
    /// Records read and kept.
    package var recordCount: Int
    /// Records rejected.
    package var rejectCount: Int

    /// Creates a batch summary.
    package init(fileName: String, sha256: String, dataset: Dataset, recordCount: Int, rejectCount: Int) {
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
    package static func hex(ofFileAt path: String) throws -> String {
        hex(try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}

/// A stored import batch.
package struct StoredImportBatch: Hashable, Sendable {
    /// The run it was imported in.
    package let runID: Int
    /// The batch summary.
    package let batch: ImportBatch
    /// When it was recorded.
    package let importedAt: Date
}

/// How this run's records differ from the previous run's, for the datasets that were imported.
package struct RecordChangeSet: Hashable, Sendable {
    /// Records never seen before, sorted.
    package var new: [RecordKey]
    /// Records seen before whose person fields or event changed, sorted.
    package var changed: [RecordKey]
    /// Records identical to the stored version, sorted.
    package var unchanged: [RecordKey]
    /// Records present in the previous run but absent now, sorted.
    package var removed: [RecordKey]

    /// Creates a change set.
    package init(
        new: [RecordKey] = [], changed: [RecordKey] = [], unchanged: [RecordKey] = [], removed: [RecordKey] = []
    ) {
        self.new = new
        self.changed = changed
        self.unchanged = unchanged
        self.removed = removed
    }

    /// The records that need new candidate pairs: new and changed, sorted.
    package var needsMatching: [RecordKey] { (new + changed).sorted() }
}

/// An uncertain pair saved for clerical review.
package struct ReviewPair: Hashable, Sendable {
    /// The first record (the smaller key).
    package let recordA: RecordKey
    /// The second record.
    package let recordB: RecordKey
    /// The match probability, 0–1.
    package let probability: Double
    /// Why the matcher scored it so (text or JSON; no more personal data than the reviewer needs).
    package let explanation: String

    /// Creates a pair; the two keys are put in order so that a pair has one spelling.
    package init(_ first: RecordKey, _ second: RecordKey, probability: Double, explanation: String = "") {
        recordA = min(first, second)
        recordB = max(first, second)
        self.probability = probability
        self.explanation = explanation
    }
}

/// A reviewer's decision on a pair, which every later run must respect.
package struct ReviewDecision: Hashable, Sendable {
    /// The first record (the smaller key).
    package let recordA: RecordKey
    /// The second record.
    package let recordB: RecordKey
    /// Must-link or cannot-link.
    package let kind: PairVerdict
    /// Who decided (the OS user).
    package let decidedBy: String
    /// When.
    package let decidedAt: Date
    /// The reviewer's note.
    package let note: String
    /// The reviewer decision (`review history`) this record pair belongs to, once stored.
    package let decisionID: DecisionID?

    /// Creates a decision; the two keys are put in order.
    package init(
        _ first: RecordKey, _ second: RecordKey, kind: PairVerdict, decidedBy: String, decidedAt: Date,
        note: String = "", decisionID: DecisionID? = nil
    ) {
        recordA = min(first, second)
        recordB = max(first, second)
        self.kind = kind
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.note = note
        self.decisionID = decisionID
    }
}

/// A decision as a reviewer makes it, before it is stored: what it is about as they wrote it, and
/// the record-pair decisions that carry it out.
package struct NewReviewDecision: Hashable, Sendable {
    /// Must-link (accept) or cannot-link (reject).
    package var kind: PairVerdict
    /// The first child or record, as the reviewer named it (`CL000012`, `Missing:E000123`).
    package var subjectA: String
    /// The second.
    package var subjectB: String
    /// The record pairs the clustering is to respect.
    package var pairs: [RecordPairKey]
    /// The reviewer's note.
    package var note: String
    /// The hard evidence overridden with `--force`, in words; empty when none.
    package var overridden: String

    /// Creates a decision to store.
    package init(
        kind: PairVerdict, subjectA: String, subjectB: String, pairs: [RecordPairKey], note: String,
        overridden: String = ""
    ) {
        self.kind = kind
        self.subjectA = subjectA
        self.subjectB = subjectB
        self.pairs = pairs
        self.note = note
        self.overridden = overridden
    }
}

/// Two records regardless of order.
package typealias RecordPairKey = UnorderedPair<RecordKey>

/// A reviewer decision with its history, as `review history` lists it.
package struct DecisionHistoryEntry: Hashable, Sendable {
    /// Its short id.
    package let id: DecisionID
    /// Must-link (accept) or cannot-link (reject).
    package let kind: PairVerdict
    /// The first child or record as the reviewer named it.
    package let subjectA: String
    /// The second.
    package let subjectB: String
    /// Who decided.
    package let decidedBy: String
    /// When.
    package let decidedAt: Date
    /// The reviewer's note.
    package let note: String
    /// The hard evidence overridden with `--force`, in words; empty when none.
    package let overridden: String
    /// The record pairs that carry it out, sorted.
    package let pairs: [RecordPairKey]
    /// The runs that applied it, in order.
    package let appliedInRuns: [Int]
    /// Its withdrawal, if it was revoked.
    package let revocation: Revocation?

    /// Who withdrew a decision, when and why.
    package struct Revocation: Hashable, Sendable {
        /// Who revoked it.
        package let revokedBy: String
        /// When.
        package let revokedAt: Date
        /// Why.
        package let note: String
    }

    /// Whether the decision is still in force (not revoked).
    package var isLive: Bool { revocation == nil }
}

/// One line of the audit log.
package struct AuditEntry: Hashable, Sendable {
    /// When.
    package let at: Date
    /// The OS user.
    package let user: String
    /// The command, e.g. `footprint`.
    package let command: String
    /// The query as the user gave it.
    package let query: String
    /// The ChildLink ids returned or exported, sorted.
    package let childIDs: [ChildLinkID]
}

/// A stored run.
package struct StoreRunSummary: Hashable, Sendable {
    /// The run number.
    package let id: Int
    /// When it started.
    package let startedAt: Date
    /// When it committed.
    package let finishedAt: Date?
    /// The caller's note, e.g. `weekly 2026-11-20`.
    package let note: String?
}

/// The verdict of `childlink store check`.
package struct StoreCheckReport: Hashable, Sendable, CustomStringConvertible {
    /// `ok` from `PRAGMA integrity_check`, or the problems it listed.
    package let integrity: [String]
    /// Violations of the tool's own invariants, one sentence each (ids only).
    package let violations: [String]
    /// Children whose conflicting identifiers a live reviewer decision joined, one sentence each
    /// naming the decision and how to revoke it (ids only): warnings, not damage.
    package var reviewerConflicts: [String] = []

    /// Whether SQLite and the invariants are both fine (reviewer-made conflicts aside).
    package var isHealthy: Bool { integrity == ["ok"] && violations.isEmpty }

    /// A verdict an analyst can read.
    package var description: String {
        var lines = ["SQLite integrity check: " + (integrity == ["ok"] ? "ok" : "FAILED")]
        lines += integrity.filter { $0 != "ok" }.map { "  \($0)" }
        lines.append("ChildLink invariants: " + (violations.isEmpty ? "ok" : "\(violations.count) FAILED"))
        lines += violations.map { "  \($0)" }
        if !reviewerConflicts.isEmpty {
            lines.append("Reviewer-made conflicts: \(reviewerConflicts.count) (warning)")
            lines += reviewerConflicts.map { "  \($0)" }
        }
        lines.append(verdict)
        return lines.joined(separator: "\n")
    }

    /// The last line: healthy, healthy with reviewer-made conflicts, or not healthy.
    private var verdict: String {
        if !isHealthy {
            return "Verdict: the store is NOT healthy; see above. Restore with 'childlink store restore'."
        }
        if reviewerConflicts.isEmpty { return "Verdict: the store is healthy." }
        return "Verdict: the store is healthy, but \(reviewerConflicts.count) child(ren) hold conflicting "
            + "identifiers because of a reviewer decision (see above); restoring the store would not undo it, "
            + "revoking the decision does. --strict treats this as a failure."
    }
}

extension RecordKey {
    /// Reads `Dataset:RecordID`, e.g. `Missing:E000123` (the dataset name as ``Dataset/init(name:)`` reads it).
    package init?(parsing text: some StringProtocol) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let colon = trimmed.firstIndex(of: ":"), let dataset = Dataset(name: trimmed[..<colon]) else {
            return nil
        }
        let recordID = trimmed[trimmed.index(after: colon)...]
        guard !recordID.isEmpty else { return nil }
        self.init(dataset: dataset, recordID: String(recordID))
    }
}

/// Where a run's extracts were and how they were linked: what a later run needs to repeat it
/// (`childlink serve` starts the next run from it). File paths and settings only, never personal data.
package struct RunInputs: Hashable, Sendable, Codable {
    /// One file the run read, with its fingerprint then.
    package struct File: Hashable, Sendable, Codable {
        /// The absolute path.
        package var path: String
        /// The SHA-256 of its bytes when the run read it.
        package var sha256: String

        /// Creates a file entry.
        package init(path: String, sha256: String) {
            self.path = path
            self.sha256 = sha256
        }
    }

    /// The command that made the run (`weekly`, `link`, …).
    package var command: String
    /// The extract files or folders given, as absolute paths.
    package var inputs: [String]
    /// The files read from them.
    package var files: [File]
    /// The mapping profile, as an absolute path, if one was given.
    package var profilePath: String?
    /// The link threshold.
    package var linkThreshold: Double
    /// The review threshold.
    package var reviewThreshold: Double
    /// Whether twins were kept apart.
    package var twinGuard: Bool
    /// Whether a reviewer-made identifier conflict failed the run (`--strict`).
    package var strict: Bool

    /// Creates the record of a run's inputs.
    package init(
        command: String, inputs: [String], files: [File], profilePath: String?, linkThreshold: Double,
        reviewThreshold: Double, twinGuard: Bool, strict: Bool
    ) {
        self.command = command
        self.inputs = inputs
        self.files = files
        self.profilePath = profilePath
        self.linkThreshold = linkThreshold
        self.reviewThreshold = reviewThreshold
        self.twinGuard = twinGuard
        self.strict = strict
    }
}

import ChildLinkCore
import ChildLinkModel
import ChildLinkStore
import Foundation
import Testing

/// The store-facing jobs behind `childlink review`, `childlink audit` and `childlink store`.
@Suite("Store jobs: review, audit, store check and restore")
struct StoreJobsTests {
    let folder: URL
    let path: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("childlink-jobs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("childlink.sqlite").path
    }

    static func record(_ id: String, forename: String) -> SourceRecord {
        SourceRecord(
            recordID: id,
            person: PersonFields(
                forename: forename, surname: "Horvath", dateOfBirth: CalendarDate(year: 2010, month: 3, day: 14)),
            event: .missing(MissingEpisode(start: LocalDateTime(parsing: "2026-11-02T21:00")!)))
    }

    /// A store with one run: two children and one uncertain pair between them.
    func makeStore() throws -> ChildLinkStore {
        let store = try ChildLinkStore(path: path)
        let a = RecordKey(dataset: .missing, recordID: "E000123")
        let b = RecordKey(dataset: .missing, recordID: "E000124")
        try store.performRun(note: "weekly 2026-11-20") { run in
            _ = try run.upsert([Self.record("E000123", forename: "Amelia"), Self.record("E000124", forename: "Amelie")])
            _ = try run.assignChildIDs(clusters: [[a], [b]])
            try run.saveReviewPairs([ReviewPair(a, b, probability: 0.734, explanation: "forename one edit")])
        }
        return store
    }

    @Test("review list, accept, reject, export and import through the job")
    func review() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try makeStore()
        let listing = try ReviewJob.run(.list(undecidedOnly: false), storePath: path)
        // One block per pair of children: both children, the evidence (this store holds no model, so
        // the saved explanation), and what deciding it changes (two missing episodes: no new strand).
        #expect(
            listing.hasPrefix(
                """
                CL000001 and CL000002: 73.4% likely the same child (1 record pair(s))
                  CL000001: Amelia Horvath, born 14/03/2010, postcode -, UPN -, NHS number - (Missing 1)
                  CL000002: Amelie Horvath, born 14/03/2010, postcode -, UPN -, NHS number - (Missing 1)
                  Evidence (Missing:E000123 and Missing:E000124): forename one edit
                  Deciding it: the same strands on both sides (Missing): one child fewer in their counts; the \
                cross-referenced cohort does not change.

                """))
        #expect(
            listing.hasSuffix(
                "Decide one with 'childlink review accept CL000001 CL000002' (or reject); "
                    + "give two Dataset:RecordID keys to decide one record pair."))
        let accepted = try ReviewJob.run(
            .accept(subject("Missing:E000124"), subject("Missing:E000123"), note: ""), storePath: path)
        #expect(accepted.contains("Missing:E000123 and Missing:E000124 are the same child"))
        #expect(try ReviewJob.run(.list(undecidedOnly: true), storePath: path) == "No pairs to review.")
        #expect(ReviewSubject(parsing: "E000123") == nil)
        #expect(throws: CoreError.invalidOptions(ReviewSubject.mixedPairProblem)) {
            try ReviewJob.run(.reject(subject("CL000001"), subject("Missing:E000124"), note: ""), storePath: path)
        }
        let csv = folder.appendingPathComponent("review.csv").path
        #expect(try ReviewJob.run(.export(path: csv), storePath: path).hasPrefix("Wrote 1 pair(s)"))
        let text = try String(contentsOfFile: csv, encoding: .utf8)
        try text.replacingOccurrences(of: ",accept,", with: ",reject,").write(
            toFile: csv, atomically: true, encoding: .utf8)
        #expect(try ReviewJob.run(.importDecisions(path: csv), storePath: path).contains("0 accepted, 1 rejected"))
        #expect(try ChildLinkStore(path: path).decisions().map(\.kind) == [.cannotLink])
    }

    /// Three children: Amelia and Amelie (two missing episodes, 73.4 %) and Amelia and Emilia (a
    /// missing episode and a CME referral, 61.0 %). The CME pair would put a child into the
    /// cross-referenced cohort, so the list shows it first though it is less probable; the export's
    /// rows follow the list, not the store's order by probability.
    @Test("review export writes the pairs in the review list's order")
    func exportFollowsTheList() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try makeStore()
        let amelia = RecordKey(dataset: .missing, recordID: "E000123")
        let emilia = RecordKey(dataset: .cme, recordID: "C000001")
        let referral = SourceRecord(
            recordID: "C000001",
            person: PersonFields(
                forename: "Emilia", surname: "Horvath", dateOfBirth: CalendarDate(year: 2010, month: 3, day: 14)),
            event: .cme(CMEReferral(referralDate: CalendarDate(year: 2026, month: 10, day: 5)!)))
        try store.performRun(note: "weekly 2026-11-27") { run in
            _ = try run.upsert(
                [Self.record("E000123", forename: "Amelia"), Self.record("E000124", forename: "Amelie"), referral])
            _ = try run.assignChildIDs(clusters: [
                [amelia], [RecordKey(dataset: .missing, recordID: "E000124")], [emilia],
            ])
            try run.saveReviewPairs([
                ReviewPair(
                    amelia, RecordKey(dataset: .missing, recordID: "E000124"), probability: 0.734,
                    explanation: "one edit"),
                ReviewPair(amelia, emilia, probability: 0.61, explanation: "two edits"),
            ])
        }
        let listing = try ReviewJob.run(.list(undecidedOnly: false), storePath: path)
        #expect(listing.hasPrefix("CL000001 and CL000003: 61.0% likely the same child"))
        let csv = folder.appendingPathComponent("review.csv").path
        _ = try ReviewJob.run(.export(path: csv), storePath: path)
        let rows = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\r\n")
        #expect(rows.count == 3)
        #expect(rows[1].hasPrefix("Missing:E000123,CME:C000001,0.6100,"))
        #expect(rows[2].hasPrefix("Missing:E000123,Missing:E000124,0.7340,"))
    }

    @Test("a review CSV is read by the one CSV reader: a note over two lines keeps later lines' numbers right")
    func reviewImportLineNumbers() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try makeStore()
        let csv = folder.appendingPathComponent("review.csv").path
        let text =
            "RecordA,RecordB,Decision,Note\r\nMissing:E000123,Missing:E000124,accept,\"two\r\nlines\"\r\n"
            + "Missing:E000123,Missing:E000124,perhaps,\r\n"
        try text.write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(
            throws: StoreError.badCSV(
                path: csv, line: 4, field: "Decision", message: "'perhaps' is not accept or reject")
        ) {
            try ReviewJob.run(.importDecisions(path: csv), storePath: path)
        }
    }

    @Test("review accept and reject take two ChildLink ids and decide the pair of children")
    func reviewChildPair() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try makeStore()
        let rejected = try ReviewJob.run(
            .reject(subject("cl000002"), subject("CL000001"), note: "twins"), storePath: path)
        #expect(
            rejected.contains(
                "Recorded D1: CL000001 and CL000002 are different children (cannot-link), as 1 record-pair "
                    + "decision(s). Every later run will respect it; to undo it, run 'childlink review revoke D1"))
        // Both children side by side, in the order given, before the decision is recorded.
        #expect(rejected.hasPrefix("               CL000002 (1 record)  CL000001 (1 record)\nName           Amelie"))
        let listing = try ReviewJob.run(.list(undecidedOnly: false), storePath: path)
        #expect(listing.hasPrefix("CL000001 and CL000002: 73.4% likely the same child (1 record pair(s); rejected)\n"))
        #expect(throws: StoreError.unknownChild("CL000007")) {
            try ReviewJob.run(.accept(subject("CL000001"), subject("CL000007"), note: ""), storePath: path)
        }
    }

    @Test("audit prints entries from a date")
    func audit() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try makeStore()
        try store.logAudit(command: "footprint", query: "--upn A201400019001", childIDs: [ChildLinkID(2)])
        let text = try AuditJob.run(storePath: path, since: CalendarDate(year: 2020, month: 1, day: 1))
        #expect(text.contains("  footprint  --upn A201400019001  -> CL000002"))
        let future = CalendarDate(year: 2999, month: 1, day: 1)
        #expect(try AuditJob.run(storePath: path, since: future) == "No audit entries since 01/01/2999.")
        #expect(text.firstMatch(of: #/^\d\d/\d\d/20\d\d \d\d:\d\d:\d\d UTC  /#) != nil, "a UK date and time first")
    }

    /// 1,795,424,707 s after 1 January 1970 is 23 November 2026, 09:05:07 UTC (20,780 days and
    /// 32,707 s: 9 h, 5 min, 7 s).
    @Test("moments are written in UK order, in UTC")
    func ukTimestamps() {
        let moment = Date(timeIntervalSince1970: 1_795_424_707)
        #expect(AuditJob.ukTimestamp(moment) == "23/11/2026 09:05 UTC")
        #expect(AuditJob.ukTimestamp(moment, withSeconds: true) == "23/11/2026 09:05:07 UTC")
    }

    @Test("store check says healthy, restore puts back the state before the last run")
    func checkAndRestore() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try makeStore()
        let outcome = try StoreJob.check(storePath: path)
        #expect(outcome.isHealthy)
        #expect(outcome.text.contains("Verdict: the store is healthy."))
        try store.performRun(note: "second") { _ = try $0.upsert([]) }
        #expect(try StoreJob.restore(storePath: path).contains("it now holds 1 run(s), the latest #1."))
    }

    @Test("jobs refuse to create a store where there is none")
    func noStore() {
        let missing = folder.appendingPathComponent("nowhere.sqlite").path
        #expect(throws: CoreError.noStore(path: missing)) { try StoreJob.check(storePath: missing) }
        #expect(throws: CoreError.self) { try StoreJob.check(storePath: missing) }
        #expect(CoreError.noStore(path: missing).code == .noStore)
        #expect(!FileManager.default.fileExists(atPath: missing))
    }
}

/// A review subject the test writes as text.
private func subject(_ text: String) throws -> ReviewSubject {
    try #require(ReviewSubject(parsing: text))
}

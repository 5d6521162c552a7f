import ChildLinkModel
import Foundation

/// Reads council extracts — every reference layout in CSV and XML, SSDA903 Header+Missing and the
/// CIN census XML — into `SourceRecord`s, keeping account of every record: each one read is
/// imported, counted as an exact duplicate, or rejected with its file, line and reason.
///
/// ```swift
/// let result = try ExtractReader(options: ImportOptions(dataset: .missing)).read(paths: ["extracts/"])
/// for file in result.files { print(file.path, file.imported, file.rejected) }
/// ```
/// Files of one dataset (e.g. a CSV and an XML part) are read as one: record ids must be unique
/// across them. A file that cannot be read at all gets an ``FileSummary/error`` and the run goes on.
package struct ExtractReader: Sendable {
    /// The options.
    package let options: ImportOptions

    /// Creates a reader.
    package init(options: ImportOptions = ImportOptions()) {
        self.options = options
    }

    /// Reads every file (folders expanded, sorted) and returns the records, per-file summaries,
    /// rejects and diagnostics. Several files are read at once on ``ImportOptions/concurrency``
    /// threads (unless there are SSDA903 tables to join); the result is the same as reading them in turn.
    /// - Throws: ``ImportError/noSuchPath(path:)`` when a path does not exist. Problems inside
    ///   files never throw: they are in the result.
    package func read(paths: [String]) throws -> ImportResult {
        var session = ImportSession(options: options)
        let files = try Self.expandWithOrigin(paths)
        if options.retainRecords, options.concurrency > 1, files.count > 1,
            var imports = Self.readConcurrently(files, options: options)
        {
            session.absorbByDataset(&imports)
        } else {
            for (file, fromFolder) in files { session.importFile(file, fromFolder: fromFolder) }
        }
        session.joinSSDA903()
        return session.result()
    }

    /// The number of records in a file, read through the CSV or XML reader alone (no values
    /// parsed, nothing built): what the readers cost, for `Scripts/bench-import.sh`.
    /// - Throws: ``ImportError`` when the file cannot be read.
    package static func countRecords(path: String) throws -> Int {
        var count = 0
        if ImportSession.isXML(path) {
            try XMLStreamReader(path: path).read(
                placement: { root in
                    ReferenceField.matchKey(root) == "message"
                        ? XMLRecordPlacement(depth: 2, name: "Child") : XMLRecordPlacement(depth: 1, name: nil)
                },
                body: { _ in count += 1 })
            return count
        }
        var reader = try CSVReader(path: path)
        try reader.forEachRecord { _ in count += 1 }
        return max(0, count - 1)
    }

    /// The input files `paths` name: files as given, folders expanded to their `.csv`, `.tsv`,
    /// `.txt` and `.xml` files (not hidden, not recursive) in sorted order.
    /// - Throws: ``ImportError/noSuchPath(path:)``.
    package static func expand(_ paths: [String]) throws -> [String] {
        try expandWithOrigin(paths).map(\.path)
    }

    /// ``expand(_:)``, saying of each file whether it was found in a folder (rather than named).
    static func expandWithOrigin(_ paths: [String]) throws -> [(path: String, fromFolder: Bool)] {
        var files: [(path: String, fromFolder: Bool)] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw ImportError.noSuchPath(path: path)
            }
            guard isFolder.boolValue else {
                files.append((path, false))
                continue
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            let extracts = names.filter { name in
                !name.hasPrefix(".")
                    && ["csv", "tsv", "txt", "xml"].contains((name as NSString).pathExtension.lowercased())
            }
            files += extracts.sorted().map { ((path as NSString).appendingPathComponent($0), true) }
        }
        return files
    }
}

/// The state of one import: accepted records by key, summaries, rejects, the 903 tables to join.
struct ImportSession {
    let options: ImportOptions
    var records: [SourceRecord] = []
    var indexByKey: [RecordKey: Int] = [:]
    var files: [FileSummary] = []
    var rejects: [RejectedRecord] = []
    var diagnostics: [Diagnostic] = []
    var ssda903 = SSDA903Tables()
    /// When records are not retained: a fingerprint of each key → (content fingerprint, where first seen).
    var fingerprints: [UInt64: Fingerprint] = [:]
    /// When set, rows are collected here in order instead of being accepted or rejected (a file
    /// read alone on a worker thread, see ``FileImport``).
    var deferredRows: [FileImport.Row]?

    struct Fingerprint {
        var content: UInt64
        var fileIndex: Int32
        var line: Int32
    }

    init(options: ImportOptions) { self.options = options }

    /// Reads one file. A file found in a folder whose layout is not one ChildLink knows (a
    /// `truth.csv`, a lookup table) is skipped with a note; a file named on the command line is an error.
    mutating func importFile(_ path: String, fromFolder: Bool = false) {
        files.append(FileSummary(path: path))
        let fileIndex = files.count - 1
        do {
            if Self.isXML(path) {
                try importXML(path, fileIndex: fileIndex)
            } else {
                try importCSV(path, fileIndex: fileIndex)
            }
        } catch let error as ImportError
            where error.code == .unrecognisedLayout && fromFolder && files[fileIndex].recordsRead == 0
        {
            let detail = error.detail ?? ""
            files[fileIndex].skipped = detail
            diagnostics.append(
                Diagnostic(
                    .note, "skipped: not an extract ChildLink knows: \(detail)", at: SourceLocation(file: path, line: 1)
                ))
        } catch let error as ImportError {
            fail(fileIndex, error)
        } catch {
            fail(fileIndex, .unreadableFile(path: path, cause: error))
        }
    }

    mutating func fail(_ fileIndex: Int, _ error: ImportError) {
        files[fileIndex].error = error
        diagnostics.append(Diagnostic(.error, error.errorDescription ?? "\(error)"))
    }

    /// Accepts a record unless its key was seen: an exact repeat counts as a duplicate, a
    /// different record under the same id is rejected.
    mutating func accept(_ record: consuming SourceRecord, fileIndex: Int) {
        if deferredRows != nil { return deferredRows!.append(.built(consume record)) }
        guard options.retainRecords else { return acceptFingerprint(record, fileIndex: fileIndex) }
        if let existing = indexByKey[record.key].map({ records[$0] }) {
            if existing.person == record.person, existing.event == record.event {
                files[fileIndex].duplicates += 1
            } else {
                let idField = ReferenceField.idField(of: record.dataset).rawValue
                let first = existing.location.map { " (first at \($0))" } ?? ""
                reject(
                    fileIndex, at: record.location ?? SourceLocation(file: files[fileIndex].path, line: 0),
                    RowRejection(field: idField, reason: "duplicate \(idField) with different content\(first)"),
                    recordID: record.key.recordID)
            }
            return
        }
        indexByKey[record.key] = records.count
        files[fileIndex].imported += 1
        count(record.person, recordID: record.key.recordID, location: record.location, fileIndex: fileIndex)
        records.append(consume record)
    }

    /// ``accept(_:fileIndex:)`` without keeping the record: duplicates are found by fingerprints.
    mutating func acceptFingerprint(_ record: SourceRecord, fileIndex: Int) {
        var keyHasher = Hasher()
        keyHasher.combine(record.key)
        let key = UInt64(bitPattern: Int64(keyHasher.finalize()))
        var contentHasher = Hasher()
        contentHasher.combine(record.person)
        contentHasher.combine(record.event)
        let content = UInt64(bitPattern: Int64(contentHasher.finalize()))
        if let existing = fingerprints[key] {
            if existing.content == content {
                files[fileIndex].duplicates += 1
            } else {
                let idField = ReferenceField.idField(of: record.dataset).rawValue
                let first = SourceLocation(file: files[Int(existing.fileIndex)].path, line: Int(existing.line))
                reject(
                    fileIndex, at: record.location ?? SourceLocation(file: files[fileIndex].path, line: 0),
                    RowRejection(
                        field: idField, reason: "duplicate \(idField) with different content (first at \(first))"),
                    recordID: record.key.recordID)
            }
            return
        }
        fingerprints[key] = Fingerprint(
            content: content, fileIndex: Int32(fileIndex), line: Int32(clamping: record.location?.line ?? 0))
        files[fileIndex].imported += 1
        count(record.person, recordID: record.key.recordID, location: record.location, fileIndex: fileIndex)
    }

    /// Counts identifier quality and warns about invalid identifiers and postcodes, placeholders
    /// such as `QQ1 1QQ` included (kept, not rejected; the value never shown).
    mutating func count(_ person: PersonFields, recordID: String, location: SourceLocation?, fileIndex: Int) {
        files[fileIndex].identifiers.count(person)
        var problems: [(String, IdentifierProblem)] = []
        if let problem = person.upn?.problem { problems.append(("UPN", problem)) }
        if let problem = person.formerUPN?.problem { problems.append(("FormerUPN", problem)) }
        if let problem = person.nhsNumber?.problem { problems.append(("NHSNumber", problem)) }
        var messages = problems.map { ($0.0, "\($0.0) kept but not valid: \($0.1.rawValue)") }
        if let problem = person.postcode?.problem { messages.append(("Postcode", problem)) }
        if !messages.isEmpty { files[fileIndex].warnings += 1 }
        for (field, message) in messages {
            diagnostics.append(
                Diagnostic(.warning, message, at: location, field: field, recordID: Self.shown(recordID)))
        }
    }

    /// A record id as messages may show it: only from the record-id column (the callers' promise),
    /// and not when it looks like a name, a date, an NHS number, a UPN or a postcode (a shifted row).
    static func shown(_ recordID: String?) -> String? {
        recordID.flatMap { PersonalValueKind.isShowableRecordID($0) ? $0 : nil }
    }

    mutating func reject(_ fileIndex: Int, at location: SourceLocation, _ rejection: RowRejection, recordID: String?) {
        let rejected = RejectedRecord(
            location: location, field: rejection.field, reason: rejection.reason, recordID: Self.shown(recordID))
        if deferredRows != nil { return deferredRows!.append(.rejected(rejected)) }
        files[fileIndex].rejected += 1
        rejects.append(rejected)
    }

    /// The import's result, the records sorted by key; the session gives its records up (they are
    /// sorted in place rather than copied: a million records take hundreds of megabytes).
    mutating func result() -> ImportResult {
        var sorted = records
        records = []
        indexByKey = [:]
        sorted.sortByKey()
        return ImportResult(records: sorted, files: files, rejects: rejects, diagnostics: diagnostics)
    }

    static func isXML(_ path: String) -> Bool {
        switch (path as NSString).pathExtension.lowercased() {
        case "xml": return true
        case "csv", "tsv", "txt": return false
        default:
            guard let handle = FileHandle(forReadingAtPath: path) else { return false }
            defer { try? handle.close() }
            let head = (try? handle.read(upToCount: 64)) ?? Data()
            return head.first {
                !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF)
            } == UInt8(ascii: "<")
        }
    }

    /// Checks a recognised dataset against the one the flag or profile asks for.
    func checkExpected(_ layout: ExtractLayout, path: String) throws {
        guard let expected = options.expectedDataset, expected != layout.dataset else { return }
        throw ImportError.datasetMismatch(path: path, expected: expected.title, found: layout.description)
    }
}

import ChildLinkModel
import Foundation

/// One file read on its own (on a worker thread): its summary and, in reading order, the rows the
/// shared session is to accept or reject. The session replays them file by file in the order the
/// files were given, so duplicates across files, the rejects and the warnings come out exactly as
/// when the files are read one after the other.
struct FileImport: Sendable {
    /// A row of the file, as the reader judged it before the session saw it.
    enum Row: Sendable {
        /// Built: for the session to accept (or count as a duplicate of a record already seen).
        case built(SourceRecord)
        /// Rejected by the reader.
        case rejected(RejectedRecord)
    }

    /// The file's summary (its record counts are the session's to make).
    var summary: FileSummary
    /// The rows, in reading order.
    var rows: [Row]
    /// The file's own notes and errors (encoding, a file that could not be read), which follow its rows.
    var diagnostics: [Diagnostic]

    /// Whether the file is an SSDA903 table, whose rows are joined with other files' and so must be
    /// read by the session itself.
    var needsSharedTables: Bool {
        switch summary.layout {
        case .ssda903Header, .ssda903Missing, .ssda903XML: true
        default: false
        }
    }
}

extension ImportSession {
    /// Reads `file` into a ``FileImport`` without accepting anything.
    static func readAlone(_ file: (path: String, fromFolder: Bool), options: ImportOptions) -> FileImport {
        var worker = ImportSession(options: options)
        worker.deferredRows = []
        worker.importFile(file.path, fromFolder: file.fromFolder)
        var summary = worker.files[0]
        summary.imported = 0
        summary.duplicates = 0
        summary.rejected = 0
        summary.warnings = 0
        summary.identifiers = IdentifierQuality()
        return FileImport(summary: summary, rows: worker.deferredRows ?? [], diagnostics: worker.diagnostics)
    }

    /// Makes room for `count` records, so that a million are not copied each time the array grows.
    mutating func reserveCapacity(_ count: Int) {
        records.reserveCapacity(count)
        indexByKey.reserveCapacity(count)
    }

    /// Takes in a file read alone: accepts or rejects its rows in order, then adds its notes.
    mutating func absorb(_ file: consuming FileImport) {
        files.append(file.summary)
        let fileIndex = files.count - 1
        var rows = file.rows
        file.rows = []
        rows.reverse()  // taken from the end, each row is moved out rather than copied and retained
        while let row = rows.popLast() {
            switch consume row {
            case .built(let record): accept(record, fileIndex: fileIndex)
            case .rejected(let rejected):
                files[fileIndex].rejected += 1
                rejects.append(rejected)
            }
        }
        diagnostics += file.diagnostics
    }
}

extension ExtractReader {
    /// Reads the files on up to ``ImportOptions/concurrency`` threads, largest first; `nil` when
    /// one of them is an SSDA903 table (those are read by the session in order).
    static func readConcurrently(_ files: [(path: String, fromFolder: Bool)], options: ImportOptions)
        -> [FileImport]?
    {
        XMLStreamReader.prepareForThreads()
        let order = files.indices.sorted { fileSize(files[$0].path) > fileSize(files[$1].path) }
        let slots = FileImportSlots(count: files.count)
        DispatchQueue.concurrentPerform(iterations: min(options.concurrency, files.count)) { _ in
            while let position = slots.claim(), position < order.count {
                let index = order[position]
                slots.store(ImportSession.readAlone(files[index], options: options), at: index)
            }
        }
        let imports = slots.take()
        return imports.contains(where: \.needsSharedTables) ? nil : imports
    }

    /// The file's size in bytes (0 when unknown), to start the largest files first.
    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}

/// The files' results as the worker threads finish them, and the next file to start.
private final class FileImportSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var imports: [FileImport?]
    private var next = 0

    init(count: Int) { imports = Array(repeating: nil, count: count) }

    /// The next position in the reading order, for one thread to take.
    func claim() -> Int? {
        lock.withLock {
            defer { next += 1 }
            return next
        }
    }

    func store(_ file: FileImport, at index: Int) {
        lock.withLock { imports[index] = file }
    }

    /// Every file's result, in the order the files were given.
    func take() -> [FileImport] {
        lock.withLock { imports.map { $0! } }
    }
}

import ChildLinkModel
import Foundation
import Synchronization

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

extension ImportSession {
    /// Takes in files read alone, exactly as ``absorb(_:)`` on each in turn would, with each
    /// dataset's files replayed (and its records sorted) on a thread of its own: records of
    /// different datasets never share a key, so only the order of the rejects and diagnostics
    /// joins them, and that is rebuilt file by file. Files holding records of more than one
    /// dataset are replayed in turn. `imports` is emptied.
    mutating func absorbByDataset(_ imports: inout [FileImport]) {
        guard let groups = Self.datasetGroups(imports), groups.count > 1, options.concurrency > 1 else {
            reserveCapacity(imports.reduce(0) { $0 + $1.rows.count })
            imports.reverse()
            while let file = imports.popLast() { absorb(file) }
            return
        }
        let slots = LockedSlots(groups.map { group in group.map { imports[$0] } })
        imports = []  // the slots now hold the only reference to each file's rows
        let order = groups.indices.sorted { slots.rowCount(at: $0) > slots.rowCount(at: $1) }
        let claims = LockedSlots<Int>([0])
        let parts = LockedSlots<DatasetReplay?>(Array(repeating: nil, count: groups.count))
        let options = options
        DispatchQueue.concurrentPerform(iterations: min(options.concurrency, groups.count)) { _ in
            while let position = claims.next(below: order.count) {
                let group = order[position]
                parts.put(DatasetReplay(files: slots.take(at: group), options: options), at: group)
            }
        }
        var replays = parts.takeAll().map { $0! }
        join(&replays, groups: groups)
    }

    /// The files' indices grouped by the one dataset of their records, groups in dataset order
    /// (files without records join the first group); `nil` when a file holds several datasets.
    static func datasetGroups(_ imports: [FileImport]) -> [[Int]]? {
        var byRank: [Int: [Int]] = [:]
        var empty: [Int] = []
        for (index, file) in imports.enumerated() {
            var rank: Int?
            for case .built(let record) in file.rows {
                let recordRank = record.dataset.keyOrderRank
                if rank == nil { rank = recordRank } else if rank != recordRank { return nil }
            }
            if let rank { byRank[rank, default: []].append(index) } else { empty.append(index) }
        }
        var groups = byRank.keys.sorted().map { byRank[$0]! }
        if groups.isEmpty { return [empty] }
        groups[0] = (groups[0] + empty).sorted()
        return groups
    }

    /// Adds the replayed groups' files, rejects and diagnostics in the files' order, and their
    /// records (each group sorted) one group after the other, so that the records stay sorted.
    /// `parts` are emptied: each group's records array must be its only reference, or moving
    /// the records out would copy them all first.
    mutating func join(_ parts: inout [DatasetReplay], groups: [[Int]]) {
        var place: [(group: Int, position: Int)] = Array(
            repeating: (0, 0), count: groups.reduce(0) { $0 + $1.count })
        for (group, files) in groups.enumerated() {
            for (position, file) in files.enumerated() { place[file] = (group, position) }
        }
        for (group, position) in place {
            let part = parts[group]
            files.append(part.session.files[position])
            rejects += part.session.rejects[part.rejectRanges[position]]
            diagnostics += part.session.diagnostics[part.diagnosticRanges[position]]
        }
        records.reserveCapacity(records.count + parts.reduce(0) { $0 + $1.session.records.count })
        for group in parts.indices {
            var taken = parts[group].session.records
            parts[group].session.records = []
            taken.withUnsafeMutableBufferPointer { $0.reverse() }
            while let record = taken.popLast() { records.append(record) }
        }
    }
}

/// One dataset's files replayed by a session of their own, its records sorted by key, and the
/// range of the session's rejects and diagnostics that each file added.
struct DatasetReplay {
    var session: ImportSession
    var rejectRanges: [Range<Int>] = []
    var diagnosticRanges: [Range<Int>] = []

    init(files: consuming [FileImport], options: ImportOptions) {
        session = ImportSession(options: options)
        session.reserveCapacity(files.reduce(0) { $0 + $1.rows.count })
        var files = files
        files.reverse()
        while let file = files.popLast() {
            let rejectStart = session.rejects.count
            let diagnosticStart = session.diagnostics.count
            session.absorb(file)
            rejectRanges.append(rejectStart..<session.rejects.count)
            diagnosticRanges.append(diagnosticStart..<session.diagnostics.count)
        }
        session.indexByKey = [:]
        session.records.sortByKey()
    }
}

/// Values shared by worker threads under a lock, each taken out (moved) by the one thread that claims it.
final class LockedSlots<Value: Sendable>: Sendable {
    private let values: Mutex<[Value]>

    init(_ values: [Value]) { self.values = Mutex(values) }

    /// The next claim number below `limit` (the one value is a counter), or `nil`.
    func next(below limit: Int) -> Int? where Value == Int {
        values.withLock { values in
            guard values[0] < limit else { return nil }
            defer { values[0] += 1 }
            return values[0]
        }
    }

    /// The rows in the files at `index`, to start the largest group first.
    func rowCount(at index: Int) -> Int where Value == [FileImport] {
        values.withLock { values in values[index].reduce(0) { $0 + $1.rows.count } }
    }

    /// The files at `index`, moved out (the slot is left empty).
    func take(at index: Int) -> [FileImport] where Value == [FileImport] {
        values.withLock { values in
            let taken = values[index]
            values[index] = []
            return taken
        }
    }

    func put(_ value: Value, at index: Int) {
        values.withLock { $0[index] = value }
    }

    /// Every value, moved out after the workers are done (the slots are left empty).
    func takeAll() -> [Value] {
        values.withLock { values in
            let taken = values
            values = []
            return taken
        }
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
        let slots = LockedSlots<FileImport?>(Array(repeating: nil, count: files.count))
        let claims = LockedSlots<Int>([0])
        DispatchQueue.concurrentPerform(iterations: min(options.concurrency, files.count)) { _ in
            while let position = claims.next(below: order.count) {
                let index = order[position]
                slots.put(ImportSession.readAlone(files[index], options: options), at: index)
            }
        }
        let imports = slots.takeAll().map { $0! }
        return imports.contains(where: \.needsSharedTables) ? nil : imports
    }

    /// The file's size in bytes (0 when unknown), to start the largest files first.
    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}

import ChildLinkModel

/// Field values of one CSV row, through the file's resolved column for each reference field.
struct CSVFieldValues: FieldValues {
    let record: CSVRecord
    /// Column index per reference field ordinal; -1 when the file has no such column.
    let columns: [Int]
    let windows1252: Bool

    func raw(_ field: ReferenceField) -> String? {
        let column = columns[field.ordinal]
        guard column >= 0 else { return nil }
        return record.field(column, windows1252: windows1252)
    }
}

/// The header row of a CSV file: match keys, and the lookup of columns by key.
struct CSVHeader {
    let keys: [String]
    let names: [String]
    /// The header row's bytes, to recognise the header repeated as a data row.
    let bytes: [UInt8]

    init(names: [String], bytes: [UInt8] = []) {
        self.names = names
        self.keys = names.map { ReferenceField.matchKey($0) }
        self.bytes = bytes
    }

    func column(_ key: String) -> Int? { keys.firstIndex(of: key) }

    /// The column of each field (by ordinal; -1 when none): the profile's names first, for every
    /// field, then the reference names for the fields still without one, never taking a column a
    /// profile name claimed (so `Reason1: Reason` does not also feed `Reason`).
    func columns(for fields: [ReferenceField], profile: MappingProfile?) -> [Int] {
        var columns = [Int](repeating: -1, count: ReferenceField.allCases.count)
        var claimed = Set<Int>()
        if let profile {
            for field in fields {
                guard let names = profile.fieldNames[field] else { continue }
                if let column = names.lazy.compactMap({ self.column(ReferenceField.matchKey($0)) }).first {
                    columns[field.ordinal] = column
                    claimed.insert(column)
                }
            }
        }
        for field in fields where columns[field.ordinal] < 0 {
            if let column = keys.indices.first(where: { keys[$0] == field.matchKey && !claimed.contains($0) }) {
                columns[field.ordinal] = column
            }
        }
        return columns
    }
    func has(_ key: String) -> Bool { keys.contains(key) }
}

extension CSVRecord {
    /// The field at `index` decoded as UTF-8, or as Windows-1252 when `windows1252`.
    func field(_ index: Int, windows1252: Bool) -> String? {
        guard index < fieldEnds.count else { return nil }
        let start = index == 0 ? 0 : fieldEnds[index - 1]
        let end = fieldEnds[index]
        if start == end { return "" }
        return bytes.withUnsafeBufferPointer { buffer in
            let slice = UnsafeBufferPointer(rebasing: buffer[start..<end])
            return windows1252 ? FieldDecoding.windows1252(slice) : String(decoding: slice, as: UTF8.self)
        }
    }

    /// Whether the record's bytes are valid UTF-8 (the all-ASCII case checked first, cheaply).
    var isValidUTF8: Bool { textKind != .other }

    /// What the record's bytes are: plain ASCII, UTF-8 beyond ASCII, or neither.
    enum TextKind { case ascii, utf8, other }

    /// The record's ``TextKind`` (the all-ASCII case checked first, cheaply).
    var textKind: TextKind {
        bytes.withUnsafeBufferPointer { buffer in
            var high: UInt8 = 0
            for byte in buffer { high |= byte }
            if high < 0x80 { return .ascii }
            return String(validating: buffer, as: UTF8.self) != nil ? .utf8 : .other
        }
    }

    /// Whether any field holds a NUL byte.
    var containsNUL: Bool { bytes.contains(0) }

    /// The index and byte length of the longest field.
    var longestField: (column: Int, length: Int)? {
        var best: (Int, Int)?
        var start = 0
        for (index, end) in fieldEnds.enumerated() {
            if end - start > (best?.1 ?? -1) { best = (index, end - start) }
            start = end
        }
        return best
    }
}

extension ImportSession {
    mutating func importCSV(_ path: String, fileIndex: Int) throws {
        var reader = try CSVReader(path: path)
        var state: CSVFileState?
        var encodings = CSVEncodingTally()
        var search = CSVHeaderSearch()
        try reader.forEachRecord { record in
            let windows1252 = encodings.isWindows1252(record)
            guard let fileState = state else {
                if record.containsNUL { throw ImportError.nulBytes(path: path, line: record.line) }
                let names = (0..<record.count).map { record.field($0, windows1252: windows1252) ?? "" }
                state = try csvHeaderState(names, record: record, path: path, search: &search)
                files[fileIndex].layout = state?.layout
                return
            }
            // A row of empty fields (`,,,,`, as Excel writes below the data) is a blank line, and
            // so is a line of spaces or tabs.
            if record.bytes.isEmpty || (record.count == 1 && CSVRowShape.isWhiteSpace(record)) { return }
            files[fileIndex].recordsRead += 1
            let location = SourceLocation(file: path, line: record.line)
            if let problem = CSVRowShape.problem(record, header: fileState.header) {
                let idColumn = fileState.columns[ReferenceField.idField(of: fileState.layout.dataset).ordinal]
                let id = problem.idIsReadable && idColumn >= 0 ? record.field(idColumn, windows1252: windows1252) : nil
                return reject(fileIndex, at: location, problem.rejection, recordID: id?.trimmingCharacters().nilIfEmpty)
            }
            let values = CSVFieldValues(record: record, columns: fileState.columns, windows1252: windows1252)
            switch fileState.layout {
            case .ssda903Header:
                let row = SSDA903Row(record: record, header: fileState.header, windows1252: windows1252)
                importSSDA903Header(row, location: location, fileIndex: fileIndex)
            case .ssda903Missing:
                let row = SSDA903Row(record: record, header: fileState.header, windows1252: windows1252)
                importSSDA903Missing(row, location: location, fileIndex: fileIndex)
            default:
                importReference(values, builder: fileState.builder, location: location, fileIndex: fileIndex)
            }
        }
        files[fileIndex].encoding =
            encodings.sawWindows1252 && reader.encoding == .utf8 ? .windows1252 : reader.encoding
        if let line = encodings.mixedAtLine {
            diagnostics.append(
                Diagnostic(
                    .warning,
                    "mixed encodings: this line is not UTF-8 (read as Windows-1252) but earlier lines are UTF-8; "
                        + "check its names, and save the extract as CSV UTF-8",
                    at: SourceLocation(file: path, line: line)))
        }
        if state == nil { throw search.firstError ?? ImportError.emptyFile(path: path) }
    }

    /// The file state the header row gives, or `nil` when the row is a title line above the header
    /// (a report name, a run date): up to ``CSVHeaderSearch/maximumTitleLines`` lines that are not
    /// a header are skipped, with a warning, when a header row follows them.
    /// - Throws: ``ImportError/semicolonSeparated(path:line:)``, or the first line's error once no
    ///   header row is found in reach.
    mutating func csvHeaderState(
        _ names: [String], record: CSVRecord, path: String, search: inout CSVHeaderSearch
    ) throws -> CSVFileState? {
        let header = CSVHeader(names: names, bytes: record.bytes)
        try checkSeparator(header, path: path, line: record.line)
        do {
            var state = try csvFileState(header, path: path)
            state.builder.extractDate = search.extractDate
            if let first = search.titleLines.first {
                let count = search.titleLines.count
                diagnostics.append(
                    Diagnostic(
                        .warning,
                        "the header row is on line \(record.line): the \(count) line\(count == 1 ? "" : "s") above it "
                            + "(from line \(first); a report title?) \(count == 1 ? "was" : "were") skipped",
                        at: SourceLocation(file: path, line: record.line)))
            }
            return state
        } catch let error as ImportError where CSVHeaderSearch.mayBeTitleLine(error) {
            guard search.titleLines.count < CSVHeaderSearch.maximumTitleLines else {
                throw search.firstError ?? error
            }
            if search.firstError == nil { search.firstError = error }
            search.titleLines.append(record.line)
            if search.extractDate == nil {
                search.extractDate = ExtractOwnDate.inTitle(names.joined(separator: " "), line: record.line)
            }
            return nil
        }
    }

    /// Stops a file whose one-column "header" is a header ChildLink would know split by another
    /// separator: semicolons (Excel's "CSV" where the decimal separator is a comma), or tabs below
    /// a title line (the separator is chosen from the first line, so a tab-separated file with a
    /// title above its header reads as comma separated).
    /// - Throws: ``ImportError/semicolonSeparated(path:line:)``, ``ImportError/tabSeparatedBelowTitle(path:line:)``.
    func checkSeparator(_ header: CSVHeader, path: String, line: Int) throws {
        if isSeparated(header, by: ";") { throw ImportError.semicolonSeparated(path: path, line: line) }
        if isSeparated(header, by: "\t") { throw ImportError.tabSeparatedBelowTitle(path: path, line: line) }
    }

    /// Whether a one-column header, split at `separator`, names a layout ChildLink knows.
    func isSeparated(_ header: CSVHeader, by separator: Character) -> Bool {
        guard header.names.count == 1, header.names[0].contains(separator) else { return false }
        let split = CSVHeader(
            names: header.names[0].split(separator: separator, omittingEmptySubsequences: false).map(String.init))
        let namesAnID = Dataset.strands.contains { dataset in
            let idField = ReferenceField.idField(of: dataset)
            return (options.profile?.matchKeys(for: idField) ?? [idField.matchKey]).contains { split.has($0) }
        }
        return namesAnID || (split.has("child") && split.has("dob"))
    }

    mutating func importReference(
        _ values: some FieldValues, builder: RecordBuilder, location: SourceLocation, fileIndex: Int
    ) {
        do throws(RowRejection) {
            accept(try builder.build(values, location: location), fileIndex: fileIndex)
        } catch {
            reject(fileIndex, at: location, error, recordID: builder.recordID(values))
        }
    }

    /// Recognises the layout from the header row and resolves each reference field's column.
    func csvFileState(_ header: CSVHeader, path: String) throws -> CSVFileState {
        let layout = try recogniseCSV(header, path: path)
        try checkExpected(layout, path: path)
        var columns = [Int](repeating: -1, count: ReferenceField.allCases.count)
        let dataset = layout.dataset
        if case .referenceCSV = layout {
            columns = header.columns(for: ReferenceField.fields(of: dataset), profile: options.profile)
            try checkDuplicateColumns(header, columns: columns, path: path)
            for field in ReferenceField.required(for: dataset) where field != .category && columns[field.ordinal] < 0 {
                let name =
                    options.profile?.fieldNames[field]?.first.map { "\($0) (\(field.rawValue))" } ?? field.rawValue
                throw ImportError.missingColumn(path: path, column: name, dataset: dataset.title)
            }
        }
        return CSVFileState(
            layout: layout, header: header, columns: columns,
            builder: RecordBuilder(dataset: dataset, profile: options.profile, today: options.today))
    }

    /// Refuses a header that has a field's column name more than once (`DateOfBirth` and
    /// `Date of Birth`): which column holds the value cannot be known, and taking the first
    /// silently loses the other.
    /// - Throws: ``ImportError/duplicateColumn(path:column:positions:)``.
    func checkDuplicateColumns(_ header: CSVHeader, columns: [Int], path: String) throws {
        for field in ReferenceField.allCases where columns[field.ordinal] >= 0 {
            let key = header.keys[columns[field.ordinal]]
            let positions = header.keys.indices.filter { header.keys[$0] == key }
            if positions.count > 1 {
                throw ImportError.duplicateColumn(
                    path: path, column: field.rawValue, positions: positions.map { $0 + 1 })
            }
        }
    }

    /// The layout a header row is: the reference layout whose id column it has, or an SSDA903 table.
    func recogniseCSV(_ header: CSVHeader, path: String) throws -> ExtractLayout {
        let candidates = Dataset.strands.filter { dataset in
            let idField = ReferenceField.idField(of: dataset)
            let keys = options.profile?.matchKeys(for: idField) ?? [idField.matchKey]
            return keys.contains { header.has($0) }
        }
        if candidates.count == 1 { return .referenceCSV(candidates[0]) }
        if let expected = options.expectedDataset, candidates.contains(expected) { return .referenceCSV(expected) }
        if candidates.count > 1 {
            let names = candidates.map { ReferenceField.idField(of: $0).rawValue }.joined(separator: ", ")
            throw ImportError.unrecognisedLayout(
                path: path, detail: "the header has the id columns of several datasets (\(names))")
        }
        if header.has("child"), header.has("missing"), header.has("misstart") { return .ssda903Missing }
        if header.has("child"), header.has("sex"), header.has("dob") { return .ssda903Header }
        if let expected = options.expectedDataset, expected != .socialCare { return .referenceCSV(expected) }
        let shown = header.names.prefix(6).joined(separator: ", ")
        throw ImportError.unrecognisedLayout(
            path: path,
            detail:
                "the header row (\(shown)\(header.names.count > 6 ? ", …" : "")) has none of EpisodeID, ReferralID, EHEID, ExclusionID, nor the SSDA903 CHILD columns"
        )
    }
}

/// The search for the header row among a file's first lines.
struct CSVHeaderSearch {
    /// The most lines above the header row that are skipped as a title.
    static let maximumTitleLines = 10
    /// The lines skipped so far.
    var titleLines: [Int] = []
    /// What the first line was found to be wrong with, reported if no header row follows.
    var firstError: ImportError?
    /// The extract's own date, from the first title line that names one.
    var extractDate: ExtractOwnDate?

    /// Whether a header error may mean the row is a title line rather than the header.
    static func mayBeTitleLine(_ error: ImportError) -> Bool {
        error.code == .unrecognisedLayout || error.code == .missingColumn
    }
}

/// Decides, record by record, whether a CSV record's bytes are UTF-8 or Windows-1252, so that one
/// bad byte does not turn every later name into mojibake; notes a file that mixes the two.
struct CSVEncodingTally {
    private(set) var sawWindows1252 = false
    private var sawUTF8Text = false
    /// The first line read as Windows-1252 in a file that also has UTF-8 text beyond ASCII.
    private(set) var mixedAtLine: Int?

    /// Whether `record` is to be decoded as Windows-1252 (its bytes are not valid UTF-8).
    mutating func isWindows1252(_ record: CSVRecord) -> Bool {
        switch record.textKind {
        case .ascii:
            return false
        case .utf8:
            sawUTF8Text = true
            if sawWindows1252, mixedAtLine == nil { mixedAtLine = record.line }
            return false
        case .other:
            if sawUTF8Text, mixedAtLine == nil { mixedAtLine = record.line }
            sawWindows1252 = true
            return true
        }
    }
}

/// Row-level problems that make a CSV row unsafe to read by column position.
enum CSVRowShape {
    /// Excel's limit on one cell (32,767 characters); no field of these layouts comes near it, so a
    /// longer one is damage (most often a stray quote that swallowed the lines after it).
    static let maximumFieldBytes = 32_767

    /// Why a row cannot be read safely, and whether its id column can still name it in the reject.
    struct Problem {
        var rejection: RowRejection
        var idIsReadable = true
    }

    /// Why the row cannot be read safely, or `nil`.
    static func problem(_ record: CSVRecord, header: CSVHeader) -> Problem? {
        if !header.bytes.isEmpty, record.bytes == header.bytes, record.count == header.names.count {
            let reason = "the header row is repeated here (two extracts joined into one?)"
            return Problem(rejection: RowRejection(field: nil, reason: reason), idIsReadable: false)
        }
        if record.containsNUL {
            let reason = "the row contains NUL bytes (a damaged file, or UTF-16 saved without a byte-order mark?)"
            return Problem(rejection: RowRejection(field: nil, reason: reason), idIsReadable: false)
        }
        return shapeProblem(record, header: header).map { Problem(rejection: $0) }
    }

    private static func shapeProblem(_ record: CSVRecord, header: CSVHeader) -> RowRejection? {
        if let (column, length) = record.longestField, length > maximumFieldBytes {
            let name = column < header.names.count ? header.names[column] : "column \(column + 1)"
            return RowRejection(
                field: name,
                reason:
                    "\(name) is \(length) bytes long, over the 32,767 a spreadsheet cell holds (a stray quote joining lines?)"
            )
        }
        if record.count != header.names.count, differsOnlyInEmptyTrailingColumns(record, header: header) {
            return nil
        }
        if record.count < header.names.count {
            return RowRejection(
                field: nil,
                reason:
                    "the row has \(record.count) of the header's \(header.names.count) fields (a truncated or broken line?)"
            )
        }
        if record.count > header.names.count {
            return RowRejection(
                field: nil,
                reason:
                    "the row has \(record.count) fields but the header \(header.names.count) (an unquoted comma in a value?)"
            )
        }
        return nil
    }
}

extension CSVRowShape {
    /// Whether the record's bytes are all spaces and tabs.
    static func isWhiteSpace(_ record: CSVRecord) -> Bool {
        record.bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// Whether the row is shorter than the header only by columns that have no name (a sheet's
    /// empty columns at the right of the header, which some tools leave off the data rows). A row
    /// longer than the header is never let through: its extra field, even empty, most often means
    /// an unquoted comma has shifted its values.
    static func differsOnlyInEmptyTrailingColumns(_ record: CSVRecord, header: CSVHeader) -> Bool {
        guard record.count < header.names.count else { return false }
        return header.names[record.count...].allSatisfy { $0.trimmingCharacters().isEmpty }
    }
}

/// What a CSV file's header row decided.
struct CSVFileState {
    let layout: ExtractLayout
    let header: CSVHeader
    let columns: [Int]
    var builder: RecordBuilder
}

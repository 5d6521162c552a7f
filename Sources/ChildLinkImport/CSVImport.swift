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

    init(names: [String]) {
        self.names = names
        self.keys = names.map { ReferenceField.matchKey($0) }
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
    var isValidUTF8: Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var high: UInt8 = 0
            for byte in buffer { high |= byte }
            if high < 0x80 { return true }
            return String(validating: buffer, as: UTF8.self) != nil
        }
    }
}

extension ImportSession {
    mutating func importCSV(_ path: String, fileIndex: Int) throws {
        var reader = try CSVReader(path: path)
        var state: CSVFileState?
        var windows1252 = false
        try reader.forEachRecord { record in
            if !windows1252, !record.isValidUTF8 {
                windows1252 = true
            }
            guard let fileState = state else {
                let names = (0..<record.count).map { record.field($0, windows1252: windows1252) ?? "" }
                state = try csvFileState(CSVHeader(names: names), path: path)
                files[fileIndex].layout = state?.layout
                return
            }
            files[fileIndex].recordsRead += 1
            let location = SourceLocation(file: path, line: record.line)
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
        files[fileIndex].encoding = windows1252 && reader.encoding == .utf8 ? .windows1252 : reader.encoding
        if state == nil { throw ImportError.emptyFile(path: path) }
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
            for field in ReferenceField.required(for: dataset) where field != .category && columns[field.ordinal] < 0 {
                let name =
                    options.profile?.fieldNames[field]?.first.map { "\($0) (\(field.rawValue))" } ?? field.rawValue
                throw ImportError.missingColumn(path: path, column: name, dataset: dataset.title)
            }
        }
        return CSVFileState(
            layout: layout, header: header, columns: columns,
            builder: RecordBuilder(dataset: dataset, profile: options.profile))
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

/// What a CSV file's header row decided.
struct CSVFileState {
    let layout: ExtractLayout
    let header: CSVHeader
    let columns: [Int]
    let builder: RecordBuilder
}

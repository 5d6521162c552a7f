package import ChildLinkModel

/// What `childlink profile check PROFILE FILE` shows: how a profile maps a file's headers onto
/// the reference fields, which required fields stay unmapped, and how the first rows read.
///
/// Personal fields (names, date of birth, identifiers, address) are never shown: only whether they
/// were given and, for identifiers and dates, whether they are valid.
package struct ProfileCheck: Sendable {
    /// How one reference field is mapped.
    package struct FieldMapping: Sendable, Hashable {
        /// The reference field.
        package var field: ReferenceField
        /// The names the profile gives it (empty: the reference name is used).
        package var profileNames: [String]
        /// The file's header that matched, if any.
        package var column: String?
        /// Whether the dataset requires it.
        package var isRequired: Bool
    }

    /// One field of one previewed row.
    package struct FieldPreview: Sendable, Hashable {
        /// The reference field.
        package var field: ReferenceField
        /// What ChildLink reads: the normalised value, `given`/`valid` for personal fields, or
        /// `✗ reason` when it cannot be read.
        package var shown: String
        /// Whether the value could be read.
        package var isReadable: Bool
    }

    /// One previewed row.
    package struct RowPreview: Sendable, Hashable {
        /// The line the row starts on.
        package var line: Int
        /// The mapped fields.
        package var fields: [FieldPreview]
        /// Why the row would be rejected, if it would.
        package var rejection: String?
    }

    /// What the file was recognised as with the profile.
    package var layout: ExtractLayout
    /// Every field of the dataset, mapped or not.
    package var mappings: [FieldMapping]
    /// Required fields with no column in the file.
    package var unmappedRequired: [ReferenceField]
    /// The file's headers that no field uses (ignored on import).
    package var unusedColumns: [String]
    /// The first rows, as ChildLink reads them.
    package var rows: [RowPreview]

    /// Checks `profile` against the CSV file at `path`, previewing `rowCount` rows.
    /// - Throws: ``ImportError`` when the file cannot be read or recognised.
    package static func run(profile: MappingProfile, path: String, dataset: Dataset? = nil, rowCount: Int = 3) throws
        -> ProfileCheck
    {
        let options = ImportOptions(dataset: dataset, profile: profile)
        let session = ImportSession(options: options)
        var reader = try CSVReader(path: path)
        var check: ProfileCheck?
        var columns: [Int] = []
        var windows1252 = false
        var search = CSVHeaderSearch()
        var firstUnmapped: (ProfileCheck, [Int])?
        struct Enough: Error {}
        do {
            try reader.forEachRecord { record in
                if !record.isValidUTF8 { windows1252 = true }
                guard var current = check else {
                    let names = (0..<record.count).map { record.field($0, windows1252: windows1252) ?? "" }
                    let header = CSVHeader(names: names)
                    try session.checkSeparator(header, path: path, line: record.line)
                    // A title line above the header is skipped, as on import: a line that is not
                    // a known layout, or that names none of the dataset's fields.
                    let canSkip = search.titleLines.count < CSVHeaderSearch.maximumTitleLines
                    let layout: ExtractLayout
                    do {
                        layout = try session.recogniseCSV(header, path: path)
                    } catch let error as ImportError where canSkip && CSVHeaderSearch.mayBeTitleLine(error) {
                        if search.firstError == nil { search.firstError = error }
                        search.titleLines.append(record.line)
                        return
                    }
                    try session.checkExpected(layout, path: path)
                    let found = mapping(layout: layout, header: header, profile: profile)
                    if case .referenceCSV = layout, found.1.allSatisfy({ $0 < 0 }) {
                        // Without a better header in reach, the first such line is the header, so
                        // that no data row is ever shown as column names.
                        if firstUnmapped == nil { firstUnmapped = found }
                        if canSkip {
                            search.titleLines.append(record.line)
                            return
                        }
                        (check, columns) = firstUnmapped!
                        return
                    }
                    (check, columns) = found
                    return
                }
                if record.bytes.isEmpty { return }
                let values = CSVFieldValues(record: record, columns: columns, windows1252: windows1252)
                current.rows.append(
                    preview(values, line: record.line, dataset: current.layout.dataset, profile: profile))
                check = current
                if current.rows.count >= rowCount { throw Enough() }
            }
        } catch is Enough {}
        guard let check = check ?? firstUnmapped?.0 else {
            throw search.firstError ?? ImportError.emptyFile(path: path)
        }
        return check
    }

    private static func mapping(layout: ExtractLayout, header: CSVHeader, profile: MappingProfile)
        -> (ProfileCheck, [Int])
    {
        let dataset = layout.dataset
        let columns = header.columns(for: ReferenceField.fields(of: dataset), profile: profile)
        var mappings: [FieldMapping] = []
        var used = Set<Int>()
        let required = ReferenceField.required(for: dataset)
        for field in ReferenceField.fields(of: dataset) {
            let column = columns[field.ordinal] >= 0 ? columns[field.ordinal] : nil
            if let column { used.insert(column) }
            mappings.append(
                FieldMapping(
                    field: field, profileNames: profile.fieldNames[field] ?? [],
                    column: column.map { header.names[$0] },
                    isRequired: required.contains(field)))
        }
        let unmapped = mappings.filter { $0.isRequired && $0.column == nil }.map(\.field)
        let unused = header.names.indices.filter { !used.contains($0) }.map { header.names[$0] }
        let check = ProfileCheck(
            layout: layout, mappings: mappings, unmappedRequired: unmapped, unusedColumns: unused, rows: [])
        return (check, columns)
    }

    private static func preview(_ values: CSVFieldValues, line: Int, dataset: Dataset, profile: MappingProfile)
        -> RowPreview
    {
        let builder = RecordBuilder(dataset: dataset, profile: profile)
        var rejection: String?
        do throws(RowRejection) {
            _ = try builder.build(values, location: SourceLocation(file: "", line: line))
        } catch {
            rejection = error.reason
        }
        let reader = ValueReader(values: values, profile: profile)
        var fields: [FieldPreview] = []
        for field in ReferenceField.fields(of: dataset) where values.columns[field.ordinal] >= 0 {
            do throws(RowRejection) {
                fields.append(
                    FieldPreview(field: field, shown: try FieldDisplay.shown(field, reader), isReadable: true))
            } catch {
                fields.append(FieldPreview(field: field, shown: "✗ " + error.reason, isReadable: false))
            }
        }
        return RowPreview(line: line, fields: fields, rejection: rejection)
    }
}

/// How a field's value is shown in a profile check: normalised, and never personal data.
enum FieldDisplay {
    static let dateFields: Set<ReferenceField> = [
        .rhiCompletedDate, .referralDate, .closedDate, .startDate, .endDate, .lastVisitDate,
    ]
    static let yesNoFields: Set<ReferenceField> = [
        .rhiOffered, .rhiAccepted, .fsmEligible, .openToSocialCare, .openToEarlyHelp, .visitDeclined,
        .removedFromRoll, .officerInvolvement, .involvementPending,
    ]

    static func shown<V: FieldValues>(_ field: ReferenceField, _ r: ValueReader<V>) throws(RowRejection) -> String {
        switch field {
        case .dateOfBirth: return try r.date(field) == nil ? "(empty)" : "valid date (not shown)"
        case .upn:
            guard let text = r.text(field) else { return "(empty)" }
            if let reason = UPNUnknownReason(rawValue: text.uppercased()) {
                return "UPN unknown code \(reason.rawValue)"
            }
            return UPN(text).map { $0.problem.map { "given, not valid: \($0.rawValue)" } ?? "valid (not shown)" }
                ?? "(empty)"
        case .formerUPN:
            return r.text(field).flatMap { UPN($0) }.map {
                $0.problem.map { "given, not valid: \($0.rawValue)" } ?? "valid (not shown)"
            }
                ?? "(empty)"
        case .nhsNumber:
            return r.text(field).flatMap { NHSNumber($0) }.map {
                $0.problem.map { "given, not valid: \($0.rawValue)" } ?? "valid (not shown)"
            }
                ?? "(empty)"
        case .postcode:
            return r.text(field).flatMap { Postcode($0) }.map {
                $0.isValid ? "valid (not shown)" : "given, not a UK postcode shape"
            } ?? "(empty)"
        case .gender: return try r.code(field) { Gender(code: $0) }?.rawValue ?? "(empty)"
        case .episodeType: return try r.code(field, Codes.episodeType)?.rawValue ?? "(empty)"
        case .socialCareStatus: return try r.code(field, Codes.socialCareStatus)?.rawValue ?? "(empty)"
        case .cseRisk, .cceRisk: return try r.code(field, Codes.risk)?.rawValue ?? "(empty)"
        case .phase: return try r.code(field, Codes.phase)?.rawValue ?? "(empty)"
        case .category: return try r.code(field, Codes.exclusionCategory)?.rawValue ?? "(empty)"
        case .startDateTime, .endDateTime: return try r.dateTime(field)?.iso ?? "(empty)"
        case .placementDistanceMiles, .previousEpisodes, .sessions:
            return try r.number(field).map { "\($0)" } ?? "(empty)"
        default:
            if dateFields.contains(field) { return try r.date(field)?.iso ?? "(empty)" }
            if yesNoFields.contains(field) {
                return try r.yesNo(field).map { $0 ? "Yes" : "No" } ?? (r.text(field) == nil ? "(empty)" : "N/A")
            }
            if field.isPersonal { return r.text(field) == nil ? "(empty)" : "given (not shown)" }
            return r.text(field) ?? "(empty)"
        }
    }
}

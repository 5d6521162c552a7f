import ChildLinkModel

/// SSDA903 values by their DfE names (`CHILD`, `MIS_START`, …), from a CSV row or an XML element.
protocol SSDA903Fields {
    /// The trimmed value of `column`; `nil` when absent or empty.
    subscript(_ column: String) -> String? { get }
}

/// SSDA903 values read from XML leaves (`CHILDID` stands for `CHILD`, as in the DfE's XML).
struct SSDA903XMLFields: SSDA903Fields {
    var values: [String: String]

    subscript(_ column: String) -> String? {
        let value = values[column] ?? (column == "CHILD" ? values["CHILDID"] : nil)
        return value?.trimmingCharacters().nilIfEmpty
    }
}

/// One row of an SSDA903 table, read by its (fixed, DfE) column names.
struct SSDA903Row: SSDA903Fields {
    let record: CSVRecord
    let header: CSVHeader
    let windows1252: Bool

    /// The trimmed value of `column` (`CHILD`, `MIS_START`, …); `nil` when absent or empty.
    subscript(_ column: String) -> String? {
        guard let index = header.column(ReferenceField.matchKey(column)) else { return nil }
        return record.field(index, windows1252: windows1252)?.trimmingCharacters().nilIfEmpty
    }
}

/// The SSDA903 Header and Missing tables, joined on CHILD once every file is read (they may
/// arrive in either order).
struct SSDA903Tables {
    struct HeaderEntry {
        var person: PersonFields
        var location: SourceLocation
    }
    struct MissingEntry {
        var child: String
        var type: EpisodeType
        var start: CalendarDate
        var end: CalendarDate?
        var dateOfBirth: CalendarDate?
        var location: SourceLocation
        var fileIndex: Int
    }
    var headers: [String: HeaderEntry] = [:]
    var episodes: [MissingEntry] = []
}

extension ImportSession {
    /// A Header row: the child's person details (CHILD, SEX, DOB, ETHNIC, UPN).
    mutating func importSSDA903Header(_ row: some SSDA903Fields, location: SourceLocation, fileIndex: Int) {
        let person: PersonFields
        do throws(RowRejection) {
            person = try Self.ssda903Person(row)
        } catch {
            return reject(fileIndex, at: location, error, recordID: row["CHILD"])
        }
        let child = person.personID!
        if let existing = ssda903.headers[child] {
            if existing.person == person {
                files[fileIndex].duplicates += 1
            } else {
                reject(
                    fileIndex, at: location,
                    RowRejection(
                        field: "CHILD", reason: "duplicate CHILD with different content (first at \(existing.location))"
                    ),
                    recordID: child)
            }
            return
        }
        ssda903.headers[child] = SSDA903Tables.HeaderEntry(person: person, location: location)
        files[fileIndex].imported += 1
        count(person, recordID: child, location: location, fileIndex: fileIndex)
    }

    /// The person an SSDA903 header describes, or why it cannot be read.
    static func ssda903Person(_ row: some SSDA903Fields) throws(RowRejection) -> PersonFields {
        guard let child = row["CHILD"] else { throw RowRejection(field: "CHILD", reason: "CHILD is empty (required)") }
        var person = PersonFields(personID: child)
        guard let dobText = row["DOB"] else { throw RowRejection(field: "DOB", reason: "DOB is empty (required)") }
        guard let dob = ExtractDates.date(dobText) else {
            throw RowRejection(field: "DOB", reason: "DOB is not a date (dd/MM/yyyy)")
        }
        person.dateOfBirth = dob
        if let sex = row["SEX"] {
            guard let gender = Gender(code: sex) else {
                throw .unknownCode("SEX", sex, expected: "1/2 or M/F/U")
            }
            person.gender = gender
        }
        person.ethnicity = row["ETHNIC"].flatMap { EthnicityCode($0) }
        if let upn = row["UPN"] {
            person.upn = UPN(upn)
            person.upnUnknownReason = UPNUnknownReason(rawValue: upn.uppercased())
        }
        return person
    }

    /// An SSDA903 XML `CHILD`: its `HEADER` gives the person, each `AMISSING` group one episode
    /// (counted as one record; the child itself is not). A header that cannot be read rejects
    /// every episode of the child with its reason.
    mutating func importSSDA903XMLChild(_ element: XMLRecordElement, fileIndex: Int, path: String) {
        var header: [String: String] = [:]
        var groups: [(id: Int, values: [String: String])] = []
        for (index, leaf) in element.fields.enumerated() {
            let parent = element.parents[index]
            if parent.name == "AMISSING" {
                if groups.last?.id != parent.id { groups.append((parent.id, [:])) }
                groups[groups.count - 1].values[leaf.name] = leaf.value
            } else if parent.name == "HEADER", header[leaf.name] == nil {
                header[leaf.name] = leaf.value
            }
        }
        let headerFields = SSDA903XMLFields(values: header)
        let person: PersonFields?
        var headerProblem: RowRejection?
        do throws(RowRejection) {
            person = try Self.ssda903Person(headerFields)
        } catch {
            person = nil
            headerProblem = error
        }
        if let person, let child = person.personID, ssda903.headers[child] == nil {
            ssda903.headers[child] = SSDA903Tables.HeaderEntry(
                person: person, location: SourceLocation(file: path, line: element.line, elementPath: element.path))
        }
        for (offset, group) in groups.enumerated() {
            files[fileIndex].recordsRead += 1
            let location = SourceLocation(
                file: path, line: element.line, elementPath: "\(element.path)/HEADER/AMISSING[\(offset + 1)]")
            if let headerProblem {
                reject(fileIndex, at: location, headerProblem, recordID: headerFields["CHILD"])
                continue
            }
            var values = group.values
            values["CHILD"] = headerFields["CHILD"]
            values["DOB"] = headerFields["DOB"]
            importSSDA903Missing(SSDA903XMLFields(values: values), location: location, fileIndex: fileIndex)
        }
    }

    /// A Missing row: checked now, turned into a record when joined with the Header.
    mutating func importSSDA903Missing(_ row: some SSDA903Fields, location: SourceLocation, fileIndex: Int) {
        let child = row["CHILD"]
        func rejectRow(_ field: String, _ reason: String) {
            reject(fileIndex, at: location, RowRejection(field: field, reason: reason), recordID: child)
        }
        guard let child else { return rejectRow("CHILD", "CHILD is empty (required)") }
        guard let startText = row["MIS_START"] else {
            return rejectRow("MIS_START", "MIS_START is empty (903 rule 564)")
        }
        guard let start = ExtractDates.date(startText) else {
            return rejectRow("MIS_START", "MIS_START is not a date (903 rule 1004)")
        }
        guard let code = row["MISSING"] else { return rejectRow("MISSING", "MISSING is empty (903 rule 565)") }
        guard let type = Codes.episodeType(code), code.count == 1 else {
            let rejection = RowRejection.unknownCode("MISSING", code, expected: "M or A, 903 rule 1006")
            return rejectRow("MISSING", rejection.reason)
        }
        var end: CalendarDate?
        if let endText = row["MIS_END"] {
            guard let parsed = ExtractDates.date(endText) else {
                return rejectRow("MIS_END", "MIS_END is not a date (903 rule 1005)")
            }
            guard parsed >= start else { return rejectRow("MIS_END", "MIS_END is before MIS_START (903 rule 567)") }
            end = parsed
        }
        var dob: CalendarDate?
        if let dobText = row["DOB"] {
            guard let parsed = ExtractDates.date(dobText) else {
                return rejectRow("DOB", "DOB is not a date (dd/MM/yyyy)")
            }
            dob = parsed
        }
        ssda903.episodes.append(
            SSDA903Tables.MissingEntry(
                child: child, type: type, start: start, end: end, dateOfBirth: dob, location: location,
                fileIndex: fileIndex))
    }

    /// Joins the Missing episodes with the Header on CHILD and accepts them as missing episodes
    /// with record id `903-CHILD-yyyyMMdd` (the 903 has no episode id and no times).
    mutating func joinSSDA903() {
        let episodes = ssda903.episodes
        ssda903.episodes = []
        for entry in episodes {
            let recordID =
                "903-\(entry.child)-\(entry.start.iso.replacingFirst("-", with: "").replacingFirst("-", with: ""))"
            var person = PersonFields(personID: entry.child, dateOfBirth: entry.dateOfBirth)
            if let header = ssda903.headers[entry.child] {
                person = header.person
                if let dob = entry.dateOfBirth, dob != header.person.dateOfBirth {
                    warn(
                        entry, "DOB differs from the DOB in Header (903 rule INT13); Header's is used", field: "DOB",
                        recordID: recordID)
                }
            } else if !ssda903.headers.isEmpty || entry.dateOfBirth != nil {
                warn(entry, "CHILD is not in the Header table (903 rule INT04)", field: "CHILD", recordID: recordID)
            }
            guard person.dateOfBirth != nil else {
                reject(
                    entry.fileIndex, at: entry.location,
                    RowRejection(field: "DOB", reason: "no DOB in the Missing row and CHILD is not in a Header table"),
                    recordID: recordID)
                continue
            }
            let start = LocalDateTime(date: entry.start)!
            let end = entry.end.flatMap { LocalDateTime(date: $0) }
            let episode = MissingEpisode(type: entry.type, start: start, end: end, socialCareStatus: .lookedAfter)
            let record = SourceRecord(
                recordID: recordID, person: person, event: .missing(episode), location: entry.location)
            accept(record, fileIndex: entry.fileIndex)
        }
    }

    private mutating func warn(_ entry: SSDA903Tables.MissingEntry, _ message: String, field: String, recordID: String)
    {
        diagnostics.append(Diagnostic(.warning, message, at: entry.location, field: field, recordID: recordID))
    }
}

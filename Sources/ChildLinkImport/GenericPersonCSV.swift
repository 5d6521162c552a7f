package import ChildLinkModel
import Foundation

/// Reads any CSV with person fields into records, for linking data that is not a council extract
/// (FEBRL, other benchmarks). Columns are recognised by common names: `rec_id`/`id`,
/// `given_name`/`forename`/`first_name`, `surname`/`last_name`, `date_of_birth`/`dob`
/// (`dd/MM/yyyy`, ISO or `yyyyMMdd`), `sex`/`gender`, `postcode`, `address_1`/`address`,
/// `street_number`/`house_number`, `address_2`, `suburb`/`town`/`city`, `state`/`county`/`region`,
/// `soc_sec_id`/`person_id`. The n-th file becomes the n-th dataset, so record keys stay unique.
package enum GenericPersonCSV {
    /// The records of one file, and for FEBRL-style ids (`rec-12-org`, `rec-12-dup-0`) the truth.
    package struct Contents: Sendable {
        /// The records read.
        package var records: [SourceRecord] = []
        /// Record → true person, when the ids carry it.
        package var truth: [RecordKey: String] = [:]
    }

    static let aliases: [String: [String]] = [
        "id": ["recid", "id", "recordid"],
        "forename": ["givenname", "forename", "firstname"],
        "middle": ["middlenames", "middlename"],
        "surname": ["surname", "lastname", "familyname"],
        "dob": ["dateofbirth", "dob", "birthdate"],
        "gender": ["sex", "gender"],
        "postcode": ["postcode", "zipcode", "zip"],
        "address": ["address1", "address", "addressline1"],
        "streetNumber": ["streetnumber", "housenumber"],
        "address2": ["address2", "addressline2"],
        "town": ["suburb", "town", "city"],
        "region": ["state", "county", "region"],
        "personID": ["socsecid", "personid", "ssn"],
    ]

    /// Reads the files in order, streaming each with the importers' CSV rules (see ``CSVRows``).
    ///
    /// - Throws: ``ImportError/invalidPersonCSV(path:line:reason:)`` when a file has no id column,
    ///   or a row an empty or repeated id; ``ImportError`` when a file cannot be opened or a quoted
    ///   field never closes.
    package static func read(paths: [String]) throws -> Contents {
        var contents = Contents()
        for (fileIndex, path) in paths.enumerated() {
            let dataset = fileDatasets[fileIndex % fileDatasets.count]
            var columns: [String: Int]?
            var seen = Set<String>()
            try CSVRows.forEach(path: path) { row, line in
                guard let columns else {
                    columns = columnIndices(row)
                    guard columns?["id"] != nil else {
                        throw ImportError.invalidPersonCSV(path: path, line: line, reason: noIDColumnReason(row))
                    }
                    return
                }
                let record = makeRecord(row, columns, dataset, location: SourceLocation(file: path, line: line))
                guard !record.key.recordID.isEmpty else {
                    throw ImportError.invalidPersonCSV(path: path, line: line, reason: "empty record id")
                }
                guard seen.insert(record.key.recordID).inserted else {
                    throw ImportError.invalidPersonCSV(path: path, line: line, reason: "record id repeated in the file")
                }
                contents.records.append(record)
                if let person = febrlPerson(record.key.recordID) { contents.truth[record.key] = person }
            }
        }
        return contents
    }

    /// Why a header row without an id column was rejected, and, when it is a council extract's
    /// header (its dataset's id column, `EpisodeID`, `ReferralID`, …), that such files are linked
    /// without `--generic`: council mode has the twin guard and the thresholds made for children's
    /// records. Names only the columns the header should hold, never a cell.
    static func noIDColumnReason(_ header: [String]) -> String {
        let keys = Set(header.map { ReferenceField.matchKey($0) })
        guard let dataset = Dataset.strands.first(where: { keys.contains(ReferenceField.idField(of: $0).matchKey) })
        else { return "no id column (rec_id, id)" }
        let idColumn = ReferenceField.idField(of: dataset).rawValue
        return "no id column (rec_id, id); the header is that of a \(dataset.title) extract (\(idColumn)): "
            + "link council extracts without --generic"
    }

    static func columnIndices(_ header: [String]) -> [String: Int] {
        var result: [String: Int] = [:]
        let normalised = header.map { $0.lowercased().filter { $0.isLetter || $0.isNumber } }
        for (field, names) in aliases {
            if let index = normalised.firstIndex(where: names.contains) { result[field] = index }
        }
        return result
    }

    static func makeRecord(_ row: [String], _ columns: [String: Int], _ dataset: Dataset, location: SourceLocation)
        -> SourceRecord
    {
        func value(_ field: String) -> String? {
            guard let index = columns[field], index < row.count else { return nil }
            let text = row[index].trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? nil : text
        }
        let person = PersonFields(
            personID: value("personID"), forename: value("forename"), middleNames: value("middle"),
            surname: value("surname"), dateOfBirth: value("dob").flatMap(parseDate),
            gender: value("gender").flatMap { Gender(code: $0) }, postcode: value("postcode").flatMap { Postcode($0) },
            addressLine1: value("address"), town: value("town"), streetNumber: value("streetNumber"),
            addressLine2: value("address2"), region: value("region"))
        return SourceRecord(recordID: value("id") ?? "", person: person, event: event(dataset), location: location)
    }

    static func event(_ dataset: Dataset) -> RecordEvent {
        let day = CalendarDate(daysSinceEpoch: 0)
        switch dataset {
        case .missing: return .missing(MissingEpisode(type: .missing, start: LocalDateTime(date: day)!))
        case .cme: return .cme(CMEReferral(referralDate: day))
        case .ehe: return .ehe(EHERecord(startDate: day))
        case .exclusions: return .exclusion(ExclusionRecord(category: .suspension, startDate: day, reasons: []))
        case .socialCare: return .socialCare(SocialCareRecord())
        }
    }

    /// `dd/MM/yyyy`, ISO, or `yyyyMMdd` as FEBRL writes it.
    static func parseDate(_ text: String) -> CalendarDate? {
        if let date = CalendarDate(parsing: text) { return date }
        let digits = text.compactMap(\.wholeNumberValue)
        guard digits.count == 8, digits.count == text.count else { return nil }
        let number = digits.reduce(0) { $0 * 10 + $1 }
        return CalendarDate(year: number / 10000, month: number / 100 % 100, day: number % 100)
    }

    /// `rec-123-org` / `rec-123-dup-0` → `123`.
    static func febrlPerson(_ id: String) -> String? {
        let parts = id.split(separator: "-")
        guard parts.count >= 3, parts[0] == "rec", parts[2] == "org" || parts[2] == "dup" else { return nil }
        return String(parts[1])
    }
}

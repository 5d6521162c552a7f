import ChildLinkModel
import Foundation

extension GenericPersonCSV {
    /// The person fields a generic mapping profile may point at a file's columns.
    static let profileFields: [ReferenceField] = [
        .personID, .upn, .formerUPN, .nhsNumber, .forename, .middleNames, .surname, .preferredName, .formerSurname,
        .dateOfBirth, .gender, .postcode, .addressLine1, .town,
    ]

    /// The datasets the n-th file is read into, so that record keys stay unique across files.
    static let fileDatasets: [Dataset] = [.cme, .ehe, .exclusions, .missing, .socialCare]

    /// Reads the files in order with a mapping profile: its `fields` point person fields at the
    /// files' columns, its `dateFormats` read the date of birth, its `values` map gender codes, and
    /// its `generic` section names the record id column (required), the true-person column (without
    /// one, FEBRL-style ids such as `rec-12-dup-0` still give the truth) and the address parts. One
    /// file is deduplicated; two or more are linked across and within.
    ///
    /// - Throws: ``ImportError/invalidPersonCSV(path:line:reason:)`` naming the file and the column
    ///   the profile maps that the file lacks, or the line of an empty or repeated record id;
    ///   ``ImportError`` when a file cannot be opened or a quoted field never closes.
    package static func read(paths: [String], profile: MappingProfile) throws -> Contents {
        var contents = Contents()
        for (fileIndex, path) in paths.enumerated() {
            let dataset = fileDatasets[fileIndex % fileDatasets.count]
            var columns: ProfileColumns?
            var seen = Set<String>()
            try CSVRows.forEach(path: path) { row, line in
                guard let columns else {
                    columns = try ProfileColumns(header: row, profile: profile, path: path)
                    return
                }
                let id = columns.text(row, columns.recordID) ?? ""
                guard !id.isEmpty else {
                    throw ImportError.invalidPersonCSV(path: path, line: line, reason: "empty record id")
                }
                guard seen.insert(id).inserted else {
                    throw ImportError.invalidPersonCSV(path: path, line: line, reason: "record id repeated in the file")
                }
                let record = SourceRecord(
                    recordID: id, person: columns.person(row), event: event(dataset),
                    location: SourceLocation(file: path, line: line))
                contents.records.append(record)
                if let entity = columns.trueEntity {
                    if let person = columns.text(row, entity) { contents.truth[record.key] = person }
                } else if let person = febrlPerson(id) {
                    contents.truth[record.key] = person
                }
            }
        }
        return contents
    }

}

/// Where a generic profile's fields sit in one file's header.
struct ProfileColumns {
    let profile: MappingProfile
    let recordID: Int
    let trueEntity: Int?
    let addressParts: [Int]
    let fields: [ReferenceField: Int]
    /// The street number, second address line and region: named by the profile, or found under
    /// the names recognised without one (``GenericPersonCSV/aliases``).
    let streetNumber: Int?
    let addressLine2: Int?
    let region: Int?

    /// - Throws: ``ImportError/invalidPersonCSV(path:line:reason:)`` naming the missing column.
    init(header: [String], profile: MappingProfile, path: String) throws {
        self.profile = profile
        let keys = header.map { ReferenceField.matchKey($0) }
        func column(_ name: String, _ what: String) throws -> Int {
            guard let index = keys.firstIndex(of: ReferenceField.matchKey(name)) else {
                throw ImportError.invalidPersonCSV(
                    path: path, line: 1, reason: "no column '\(name)' (the profile's \(what))")
            }
            return index
        }
        let generic = profile.generic ?? GenericProfileColumns()
        guard let recordIDName = generic.recordID else {
            throw ImportError.invalidPersonCSV(
                path: path, line: 1,
                reason: "the profile names no record id column (generic: recordID: <column>)")
        }
        recordID = try column(recordIDName, "generic.recordID")
        trueEntity = try generic.trueEntity.map { try column($0, "generic.trueEntity") }
        let parts = try generic.addressParts.map { try column($0, "generic.addressParts") }
        addressParts = parts
        let recognised = GenericPersonCSV.columnIndices(header)
        // A street number joined into the address line is not compared a second time.
        streetNumber =
            try generic.streetNumber.map { try column($0, "generic.streetNumber") }
            ?? recognised["streetNumber"].flatMap { parts.contains($0) ? nil : $0 }
        addressLine2 = try generic.addressLine2.map { try column($0, "generic.addressLine2") } ?? recognised["address2"]
        region = try generic.region.map { try column($0, "generic.region") } ?? recognised["region"]
        var fields: [ReferenceField: Int] = [:]
        for field in GenericPersonCSV.profileFields {
            if let names = profile.fieldNames[field] {
                guard let index = names.lazy.compactMap({ keys.firstIndex(of: ReferenceField.matchKey($0)) }).first
                else {
                    throw ImportError.invalidPersonCSV(
                        path: path, line: 1,
                        reason: "no column '\(names.joined(separator: "' or '"))' (the profile's \(field.rawValue))")
                }
                fields[field] = index
            } else if let index = keys.firstIndex(of: field.matchKey) {
                fields[field] = index
            }
        }
        // A suburb or city column is the town, as without a profile.
        if fields[.town] == nil, let index = recognised["town"] { fields[.town] = index }
        self.fields = fields
    }

    /// The trimmed text of column `index`, `nil` when empty.
    func text(_ row: [String], _ index: Int) -> String? {
        guard index < row.count else { return nil }
        let text = row[index].trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : text
    }

    func value(_ row: [String], _ field: ReferenceField) -> String? {
        guard let index = fields[field], let text = text(row, index) else { return nil }
        return profile.mapValue(text, of: field) ?? text
    }

    /// The date of birth, in the profile's formats first, then the built-in ones.
    func dateOfBirth(_ row: [String]) -> CalendarDate? {
        guard let text = value(row, .dateOfBirth) else { return nil }
        return profile.parseDateTime(text, field: .dateOfBirth)?.date ?? GenericPersonCSV.parseDate(text)
    }

    func person(_ row: [String]) -> PersonFields {
        var address = value(row, .addressLine1)
        if !addressParts.isEmpty {
            let parts = addressParts.compactMap { text(row, $0) }
            address = parts.isEmpty ? nil : parts.joined(separator: " ")
        }
        return PersonFields(
            personID: value(row, .personID), upn: value(row, .upn).flatMap { UPN($0) },
            formerUPN: value(row, .formerUPN).flatMap { UPN($0) },
            nhsNumber: value(row, .nhsNumber).flatMap { NHSNumber($0) },
            forename: value(row, .forename), middleNames: value(row, .middleNames), surname: value(row, .surname),
            preferredName: value(row, .preferredName), formerSurname: value(row, .formerSurname),
            dateOfBirth: dateOfBirth(row), gender: value(row, .gender).flatMap { Gender(code: $0) },
            postcode: value(row, .postcode).flatMap { Postcode($0) }, addressLine1: address, town: value(row, .town),
            streetNumber: streetNumber.flatMap { text(row, $0) }, addressLine2: addressLine2.flatMap { text(row, $0) },
            region: region.flatMap { text(row, $0) })
    }
}

import ChildLinkModel

/// Field values of one XML record element, by reference field.
struct XMLFieldValues: FieldValues {
    var values: [String?]

    func raw(_ field: ReferenceField) -> String? { values[field.ordinal] }
}

extension XMLRecordElement {
    /// Why the record is too big to import, if it is: a field over a spreadsheet cell's 32,767
    /// bytes, or more fields than any real record has.
    var sizeRejection: RowRejection? {
        if let (name, length) = oversizedField {
            return RowRejection(
                field: name,
                reason: "\(name) is \(length) bytes long, over the 32,767 a spreadsheet cell holds (a damaged extract?)"
            )
        }
        if hasTooManyFields {
            return RowRejection(
                field: nil, reason: "the record has more than \(Self.maximumFields) fields (a damaged extract?)")
        }
        return nil
    }
}

extension ImportSession {
    mutating func importXML(_ path: String, fileIndex: Int) throws {
        var layout: ExtractLayout?
        var fieldByName: [String: ReferenceField?] = [:]
        var extractDate: ExtractOwnDate?
        let reader = XMLStreamReader(path: path)
        try reader.read(
            placement: { root in
                let recognised = try recogniseXML(root: root, path: path)
                layout = recognised
                switch recognised {
                case .cinCensus: return XMLRecordPlacement(depth: 2, name: "Child", header: "Header")
                case .ssda903XML: return XMLRecordPlacement(depth: 1, name: "CHILD")
                default: return XMLRecordPlacement(depth: 1, name: nil)
                }
            },
            body: { element in
                guard let layout else { return }
                files[fileIndex].layout = layout
                if element.isHeader {
                    extractDate = Self.referenceDate(element)
                    return
                }
                files[fileIndex].recordsRead += 1
                let location = SourceLocation(file: path, line: element.line, elementPath: element.path)
                if let rejection = element.sizeRejection {
                    let idKey = ReferenceField.idField(of: layout.dataset).matchKey
                    let id = element.fields.first { ReferenceField.matchKey($0.name) == idKey }
                    return reject(
                        fileIndex, at: location, rejection, recordID: id?.value.trimmingCharacters().nilIfEmpty)
                }
                if layout == .cinCensus {
                    importCINChild(element, location: location, fileIndex: fileIndex, extractDate: extractDate)
                    return
                }
                if layout == .ssda903XML {
                    files[fileIndex].recordsRead -= 1  // its AMISSING groups are the records
                    importSSDA903XMLChild(element, fileIndex: fileIndex, path: path)
                    return
                }
                var values = [String?](repeating: nil, count: ReferenceField.allCases.count)
                let idField = ReferenceField.idField(of: layout.dataset)
                var idCount = 0
                var elementOf = [String?](repeating: nil, count: ReferenceField.allCases.count)
                var duplicate: (field: ReferenceField, first: String, second: String)?
                for (name, value) in element.fields {
                    let field: ReferenceField?
                    if let cached = fieldByName[name] {
                        field = cached
                    } else {
                        field = referenceField(forElement: name, dataset: layout.dataset)
                        fieldByName[name] = field
                    }
                    if field == idField { idCount += 1 }
                    guard let field else { continue }
                    let kept = values[field.ordinal]?.trimmingCharacters() ?? ""
                    let new = value.trimmingCharacters()
                    if kept.isEmpty {
                        values[field.ordinal] = value
                        elementOf[field.ordinal] = name
                    } else if !new.isEmpty, new != kept, duplicate == nil {
                        duplicate = (field, elementOf[field.ordinal] ?? name, name)
                    }
                }
                // Several ids in one "record": a wrapper element around the records (one level
                // deeper than the layout). Reading it as one record would keep the first and lose
                // the rest without a word, so the file stops here instead.
                if idCount > 1 {
                    files[fileIndex].recordsRead -= 1
                    throw ImportError.nestedRecords(
                        path: path, line: element.line, element: element.name, idField: idField.rawValue)
                }
                if let duplicate {
                    // Which of two different values is right cannot be known: the record is
                    // rejected, naming both elements (never the values).
                    let rejection = RowRejection(
                        field: duplicate.field.rawValue,
                        reason: "\(duplicate.field.rawValue) is given twice with different values, in "
                            + "<\(duplicate.first)> and <\(duplicate.second)> (not shown); keep one")
                    return reject(
                        fileIndex, at: location, rejection,
                        recordID: values[idField.ordinal]?.trimmingCharacters().nilIfEmpty)
                }
                var builder = RecordBuilder(dataset: layout.dataset, profile: options.profile, today: options.today)
                builder.extractDate = extractDate
                importReference(
                    XMLFieldValues(values: values), builder: builder, location: location, fileIndex: fileIndex)
            },
            cutShort: { element in
                // The document broke off inside this record: it is read, and rejected, so that
                // read = imported + duplicates + rejected still holds.
                guard let layout, layout != .ssda903XML, !element.isHeader else { return }
                files[fileIndex].recordsRead += 1
                let idKey = ReferenceField.idField(of: layout.dataset).matchKey
                let id = element.fields.first { ReferenceField.matchKey($0.name) == idKey }
                let rejection = RowRejection(
                    field: nil, reason: "the file breaks off inside this record (a truncated or damaged extract?)")
                reject(
                    fileIndex, at: SourceLocation(file: path, line: element.line, elementPath: element.path), rejection,
                    recordID: id?.value.trimmingCharacters().nilIfEmpty)
            })
        if files[fileIndex].layout == nil { files[fileIndex].layout = layout }
        files[fileIndex].encoding = nil
    }

    /// The reference field an element name stands for (through the profile, when there is one).
    func referenceField(forElement name: String, dataset: Dataset) -> ReferenceField? {
        let key = ReferenceField.matchKey(name)
        let fields = ReferenceField.fields(of: dataset)
        if let profile = options.profile,
            let field = fields.first(where: { field in
                profile.fieldNames[field]?.contains { ReferenceField.matchKey($0) == key } ?? false
            })
        {
            return field
        }
        let claimedByProfile = options.profile?.fieldNames.values.joined().contains {
            ReferenceField.matchKey($0) == key
        }
        return claimedByProfile == true ? nil : fields.first { $0.matchKey == key }
    }

    /// The layout a root element names.
    func recogniseXML(root: String, path: String) throws -> ExtractLayout {
        let layout: ExtractLayout
        switch ReferenceField.matchKey(root) {
        case "missingepisodes": layout = .referenceXML(.missing)
        case "cmereferrals": layout = .referenceXML(.cme)
        case "eherecords": layout = .referenceXML(.ehe)
        case "exclusions": layout = .referenceXML(.exclusions)
        case "message": layout = .cinCensus
        case "expssda903": layout = .ssda903XML
        default:
            if let expected = options.expectedDataset, expected != .socialCare { return .referenceXML(expected) }
            throw ImportError.unrecognisedLayout(
                path: path,
                detail:
                    "root element <\(root)> is none of MissingEpisodes, CMEReferrals, EHERecords, Exclusions, EXPSSDA903, Message (CIN census)"
            )
        }
        try checkExpected(layout, path: path)
        return layout
    }

    /// The CIN census's own date: the `ReferenceDate` in its `Header` (the end of the collection
    /// year), when it is there and a date.
    static func referenceDate(_ header: XMLRecordElement) -> ExtractOwnDate? {
        guard let text = header.fields.first(where: { $0.name == "ReferenceDate" })?.value.trimmingCharacters(),
            let date = ExtractDates.date(text)
        else { return nil }
        return ExtractOwnDate(date: date, source: "its ReferenceDate")
    }

    /// A CIN census `Child`: identifiers and characteristics, CIN referral / closure dates, CP plan
    /// starts and assessment factors. Its record id is `LAchildID`. A date after the census's
    /// `ReferenceDate` (`extractDate`), or a birth after the import day, rejects the child.
    mutating func importCINChild(
        _ element: XMLRecordElement, location: SourceLocation, fileIndex: Int, extractDate: ExtractOwnDate?
    ) {
        func first(_ name: String) -> String? {
            element.fields.first { $0.name == name }?.value.trimmingCharacters().nilIfEmpty
        }
        func all(_ name: String) -> [String] {
            element.fields.filter { $0.name == name }.compactMap { $0.value.trimmingCharacters().nilIfEmpty }
        }
        let childID = first("LAchildID")
        func rejectChild(_ field: String, _ reason: String) {
            reject(fileIndex, at: location, RowRejection(field: field, reason: reason), recordID: childID)
        }
        guard let childID else { return rejectChild("LAchildID", "LAchildID is empty (required)") }
        var person = PersonFields(personID: childID)
        guard let dobText = first("PersonBirthDate") else {
            return rejectChild("PersonBirthDate", "PersonBirthDate is empty (required; an unborn child has none)")
        }
        guard let dob = ExtractDates.date(dobText) else {
            return rejectChild("PersonBirthDate", "PersonBirthDate is not a date")
        }
        person.dateOfBirth = dob
        if let upn = first("UPN") { person.upn = UPN(upn) }
        person.formerUPN = first("FormerUPN").flatMap { UPN($0) }
        person.upnUnknownReason = first("UPNunknown").flatMap { UPNUnknownReason(rawValue: $0.uppercased()) }
        if let sex = first("Sex") ?? first("GenderCurrent") {
            guard let gender = Gender(code: sex) else {
                return rejectChild("Sex", RowRejection.unknownCode("Sex", sex, expected: "1/2 or M/F/U").reason)
            }
            person.gender = gender
        }
        person.ethnicity = first("Ethnicity").flatMap { EthnicityCode($0) }
        var record = SocialCareRecord()
        for (name, keyPath) in [
            ("CINreferralDate", \SocialCareRecord.referralDates), ("CINclosureDate", \.closureDates),
            ("CPPstartDate", \.protectionPlanStarts),
        ] {
            for text in all(name) {
                guard let date = ExtractDates.date(text) else { return rejectChild(name, "\(name) is not a date") }
                record[keyPath: keyPath].append(date)
            }
        }
        record.referralDates.sort()
        record.closureDates.sort()
        record.protectionPlanStarts.sort()
        record.assessmentFactors = Array(Set(all("AssessmentFactors").map { $0.uppercased() })).sorted()
        do {
            try DatePlausibility(today: options.today, extractDate: extractDate).check(person, .socialCare(record))
        } catch {
            return reject(fileIndex, at: location, error.renamingDateOfBirth(), recordID: childID)
        }
        accept(
            SourceRecord(recordID: childID, person: person, event: .socialCare(record), location: location),
            fileIndex: fileIndex)
    }
}

extension RowRejection {
    /// The same rejection in the CIN census's words: `PersonBirthDate` for `DateOfBirth`.
    func renamingDateOfBirth() -> RowRejection {
        guard field == "DateOfBirth", reason.hasPrefix("DateOfBirth") else { return self }
        return RowRejection(field: "PersonBirthDate", reason: "PersonBirthDate" + reason.dropFirst("DateOfBirth".count))
    }
}

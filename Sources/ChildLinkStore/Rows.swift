import ChildLinkModel
import Foundation
import GRDB

/// A record's stored form: the person as columns, the event as JSON (see ``StoreSchema``).
///
/// The columns are this type's properties: GRDB encodes them through `Codable`, they are read
/// back by name (``init(row:)``), and ``SourceRecordRow`` and ``SourceRecordHistoryRow`` add
/// theirs alongside.
struct RecordColumns: Hashable, Codable, FetchableRecord, EncodableRecord {
    var dataset: Dataset
    var recordID: String
    var personID: String?
    var upn: String?
    var formerUPN: String?
    var upnUnknownReason: String?
    var nhsNumber: String?
    var forename: String?
    var middleNames: String?
    var surname: String?
    var preferredName: String?
    var formerSurname: String?
    var dateOfBirth: String?
    var gender: String?
    var ethnicity: String?
    var postcode: String?
    var addressLine1: String?
    var town: String?
    var upnIsValid: Bool
    var nhsNumberIsValid: Bool
    var eventJSON: String
    var sourceFile: String?
    var sourceLine: Int?
    var contentHash: String

    init(_ record: SourceRecord) {
        let p = record.person
        dataset = record.key.dataset
        recordID = record.key.recordID
        personID = p.personID
        upn = p.upn?.value
        formerUPN = p.formerUPN?.value
        upnUnknownReason = p.upnUnknownReason?.rawValue
        nhsNumber = p.nhsNumber?.value
        forename = p.forename
        middleNames = p.middleNames
        surname = p.surname
        preferredName = p.preferredName
        formerSurname = p.formerSurname
        dateOfBirth = p.dateOfBirth?.iso
        gender = p.gender?.rawValue
        ethnicity = p.ethnicity?.code
        postcode = p.postcode?.value
        addressLine1 = p.addressLine1
        town = p.town
        upnIsValid = p.upn?.isValid ?? false
        nhsNumberIsValid = p.nhsNumber?.isValid ?? false
        eventJSON = EventCoding.encode(record.event)
        sourceFile = record.location?.file
        sourceLine = record.location?.line
        contentHash = ""
        contentHash = SHA256Fingerprint.hex(of: contentText)
    }

    /// Everything that makes a record's content, in a fixed order; the location is not content.
    var contentText: String {
        let fields: [String?] = [
            personID, upn, formerUPN, upnUnknownReason, nhsNumber, forename, middleNames, surname, preferredName,
            formerSurname, dateOfBirth, gender, ethnicity, postcode, addressLine1, town, eventJSON,
        ]
        var text = ""
        text.reserveCapacity(fields.reduce(fields.count * 2) { $0 + ($1?.utf8.count ?? 0) })
        for (index, field) in fields.enumerated() {
            if index > 0 { text.append("\u{1F}") }
            guard let field else {
                text.append("-")
                continue
            }
            text.append("=")
            // The separator is taken out of a value that holds it (never seen in an extract).
            text.append(field.utf8.contains(0x1F) ? field.replacingOccurrences(of: "\u{1F}", with: "") : field)
        }
        return text
    }

    /// Reads the columns from a row of `sourceRecord` or `sourceRecordHistory`, by name: the
    /// derived `Codable` decoding took twice as long, and a full read decodes every record. The
    /// subscripts cannot fail on a row of either table: the non-optional columns are `NOT NULL`,
    /// and SQLite gives any value as text or as a number.
    ///
    /// - Throws: ``StoreError/unreadableRecord(field:)`` for a dataset this version does not know.
    init(row: Row) throws {
        guard let dataset = Dataset(rawValue: row["dataset"]) else {
            throw StoreError.unreadableRecord(field: "dataset")
        }
        self.dataset = dataset
        recordID = row["recordID"]
        personID = row["personID"]
        upn = row["upn"]
        formerUPN = row["formerUPN"]
        upnUnknownReason = row["upnUnknownReason"]
        nhsNumber = row["nhsNumber"]
        forename = row["forename"]
        middleNames = row["middleNames"]
        surname = row["surname"]
        preferredName = row["preferredName"]
        formerSurname = row["formerSurname"]
        dateOfBirth = row["dateOfBirth"]
        gender = row["gender"]
        ethnicity = row["ethnicity"]
        postcode = row["postcode"]
        addressLine1 = row["addressLine1"]
        town = row["town"]
        upnIsValid = row["upnIsValid"]
        nhsNumberIsValid = row["nhsNumberIsValid"]
        eventJSON = row["eventJSON"]
        sourceFile = row["sourceFile"]
        sourceLine = row["sourceLine"]
        contentHash = row["contentHash"]
    }

    var key: RecordKey { RecordKey(dataset: dataset, recordID: recordID) }

    func sourceRecord() throws -> SourceRecord {
        let location = sourceFile.map { SourceLocation(file: $0, line: sourceLine ?? 0) }
        return SourceRecord(
            recordID: recordID, person: person, event: try EventCoding.decode(eventJSON), location: location)
    }

    /// The person the columns hold (the event is read by ``sourceRecord()``).
    var person: PersonFields {
        PersonFields(
            personID: personID, upn: upn.flatMap { UPN($0) }, formerUPN: formerUPN.flatMap { UPN($0) },
            upnUnknownReason: upnUnknownReason.flatMap(UPNUnknownReason.init(rawValue:)),
            nhsNumber: nhsNumber.flatMap { NHSNumber($0) }, forename: forename, middleNames: middleNames,
            surname: surname, preferredName: preferredName, formerSurname: formerSurname,
            dateOfBirth: dateOfBirth.flatMap { CalendarDate(parsing: $0) },
            gender: gender.flatMap(Gender.init(rawValue:)),
            ethnicity: ethnicity.flatMap { EthnicityCode($0) }, postcode: postcode.flatMap { Postcode($0) },
            addressLine1: addressLine1, town: town)
    }

    /// The columns of `sourceRecord` to select for the person alone: the event's JSON left out
    /// (read as empty), so that a read of every record's person decodes no event.
    static let personOnlySelection = """
        dataset, recordID, personID, upn, formerUPN, upnUnknownReason, nhsNumber, forename, middleNames, \
        surname, preferredName, formerSurname, dateOfBirth, gender, ethnicity, postcode, addressLine1, town, \
        upnIsValid, nhsNumberIsValid, '' AS eventJSON, sourceFile, sourceLine, contentHash
        """
}

/// The current version of each record.
struct SourceRecordRow: FetchableRecord, PersistableRecord {
    static let databaseTableName = "sourceRecord"
    var columns: RecordColumns
    var firstSeenRunID: Int64
    var lastSeenRunID: Int64
    var isPresent: Bool

    /// The columns besides the record's own.
    enum Columns {
        static let firstSeenRunID = Column("firstSeenRunID")
        static let lastSeenRunID = Column("lastSeenRunID")
        static let isPresent = Column("isPresent")
    }

    init(columns: RecordColumns, firstSeenRunID: Int64, lastSeenRunID: Int64, isPresent: Bool) {
        self.columns = columns
        self.firstSeenRunID = firstSeenRunID
        self.lastSeenRunID = lastSeenRunID
        self.isPresent = isPresent
    }

    init(row: Row) throws {
        columns = try RecordColumns(row: row)
        firstSeenRunID = row[Columns.firstSeenRunID]
        lastSeenRunID = row[Columns.lastSeenRunID]
        isPresent = row[Columns.isPresent]
    }

    func encode(to container: inout PersistenceContainer) throws {
        try columns.encode(to: &container)
        container[Columns.firstSeenRunID] = firstSeenRunID
        container[Columns.lastSeenRunID] = lastSeenRunID
        container[Columns.isPresent] = isPresent
    }
}

/// A version of a record that a later run replaced.
struct SourceRecordHistoryRow: PersistableRecord {
    static let databaseTableName = "sourceRecordHistory"
    var columns: RecordColumns
    var replacedInRunID: Int64

    /// The columns besides the record's own.
    enum Columns {
        static let replacedInRunID = Column("replacedInRunID")
    }

    func encode(to container: inout PersistenceContainer) throws {
        try columns.encode(to: &container)
        container[Columns.replacedInRunID] = replacedInRunID
    }
}

struct RunRow: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "run"
    var id: Int64?
    var startedAt: Date
    var finishedAt: Date?
    var note: String?

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct ImportBatchRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "importBatch"
    var runID: Int64
    var fileName: String
    var sha256: String
    var dataset: Dataset
    var recordCount: Int
    var rejectCount: Int
    var importedAt: Date
}

/// One record's child in one run, as read back (a run writes its rows in ``StoreRun``, in bulk).
struct AssignmentRow: Codable, FetchableRecord {
    var runID: Int64
    var dataset: Dataset
    var recordID: String
    var childID: Int64
}

struct ChildEventRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "childEvent"
    var runID: Int64
    var kind: ChildIDEvent.Kind
    var childID: Int64
    var otherID: Int64
    var records: String
    var reason: String
}

/// A record pair saved for review, its two records as typed key columns (see the v3 migration).
struct ReviewPairRow: Codable, FetchableRecord, TableRecord {
    static let databaseTableName = "reviewPair"
    var runID: Int64
    var datasetA: Dataset
    var recordIDA: String
    var datasetB: Dataset
    var recordIDB: String
    var probability: Double
    var explanation: String

    enum Columns {
        static let runID = Column(CodingKeys.runID)
    }
}

/// A reviewer's decision on a record pair, its two records as typed key columns (see the v3 migration).
struct DecisionRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "decision"
    var datasetA: Dataset
    var recordIDA: String
    var datasetB: Dataset
    var recordIDB: String
    var kind: PairVerdict
    var decidedBy: String
    var decidedAt: Date
    var note: String
    /// The reviewer decision this record pair belongs to (see the v4 migration).
    var reviewDecisionID: Int64?

    enum Columns {
        static let id = Column("id")
    }
}

/// One decision as a reviewer made it (an `accept`, a `reject`, an imported line), with its short id.
struct ReviewDecisionRow: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "reviewDecision"
    var id: Int64?
    var kind: PairVerdict
    var subjectA: String
    var subjectB: String
    var decidedBy: String
    var decidedAt: Date
    var note: String
    /// The hard evidence the reviewer overrode with `--force`, in words (empty when none).
    var overridden: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// The withdrawal of a reviewer decision (`review revoke`).
struct DecisionRevocationRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "decisionRevocation"
    var decisionID: Int64
    var revokedBy: String
    var revokedAt: Date
    var note: String
}

/// A run that applied a reviewer decision.
struct DecisionApplicationRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "decisionApplication"
    var decisionID: Int64
    var runID: Int64
}

struct AuditRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "audit"
    var at: Date
    var user: String
    var command: String
    var query: String
    var childIDs: String
}

/// Whether a child id is in use or was merged into another (the `child.status` column).
enum ChildStatus: String, Codable, DatabaseValueConvertible {
    case active
    case merged
}

// Dataset, PairVerdict and ChildIDEvent.Kind belong to Model, so a GRDB conformance here would make
// GRDB part of the store's package interface; as Codable single values, records store them as
// their raw text all the same.

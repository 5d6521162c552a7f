package import ChildLinkModel
import Foundation

/// What to read and how: the options behind `childlink check --dataset --profile`.
package struct ImportOptions: Sendable, Hashable {
    /// The dataset every file must hold (`--dataset`); `nil` recognises each file from its header
    /// row or root element. A file that is something else fails with a message saying what it is.
    package var dataset: Dataset?
    /// A council's mapping profile (`--profile`), applied to every reference-layout file.
    package var profile: MappingProfile?

    /// Whether ``ImportResult/records`` holds the records (the default). `check` turns it off:
    /// it needs only counts, rejects and identifier quality, and then memory stays flat however
    /// large the files are (duplicates are then recognised by a 64-bit fingerprint of each record).
    package var retainRecords: Bool

    /// The day of the import: a date of birth after it is rejected. Defaults to today (UTC).
    package var today: CalendarDate

    /// How many files may be read at once (threads); 1 reads them one after the other. Defaults
    /// to the number of processor cores. The result is the same either way.
    package var concurrency: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// Creates options.
    package init(
        dataset: Dataset? = nil, profile: MappingProfile? = nil, retainRecords: Bool = true, today: CalendarDate? = nil
    ) {
        self.dataset = dataset
        self.profile = profile
        self.retainRecords = retainRecords
        self.today = today ?? CalendarDate(daysSinceEpoch: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    /// The dataset expected of every file: the flag's, else the profile's.
    var expectedDataset: Dataset? { dataset ?? profile?.dataset }
}

/// What an input file was recognised as.
package enum ExtractLayout: Hashable, Sendable, CustomStringConvertible {
    /// ChildLink's reference CSV layout for a dataset (possibly through a mapping profile).
    case referenceCSV(Dataset)
    /// ChildLink's reference XML layout for a dataset.
    case referenceXML(Dataset)
    /// SSDA903 `Header` table (CHILD, SEX, DOB, ETHNIC, UPN): person details for the 903 episodes.
    case ssda903Header
    /// SSDA903 `Missing` table (CHILD, MISSING, MIS_START, MIS_END).
    case ssda903Missing
    /// SSDA903 XML (`EXPSSDA903/CHILD`, `HEADER` with `AMISSING` groups).
    case ssda903XML
    /// CIN census XML (`Message/Children/Child`).
    case cinCensus

    /// The dataset its records go to.
    package var dataset: Dataset {
        switch self {
        case .referenceCSV(let dataset), .referenceXML(let dataset): dataset
        case .ssda903Header, .ssda903Missing, .ssda903XML: .missing
        case .cinCensus: .socialCare
        }
    }

    /// E.g. `Missing from home or care (reference CSV)`.
    package var description: String {
        switch self {
        case .referenceCSV(let dataset): "\(dataset.title) (reference CSV)"
        case .referenceXML(let dataset): "\(dataset.title) (reference XML)"
        case .ssda903Header: "SSDA903 Header table (CSV)"
        case .ssda903Missing: "SSDA903 Missing table (CSV)"
        case .ssda903XML: "SSDA903 return (XML)"
        case .cinCensus: "CIN census (XML)"
        }
    }
}

/// How good the identifiers in a file's imported records are: the shares an analyst checks first.
package struct IdentifierQuality: Hashable, Sendable {
    /// Records with a UPN.
    package var upnPresent = 0
    /// Records with a `UN1`–`UN7` code in place of a UPN (counted as absent, not as invalid).
    package var upnUnknownCodes = 0
    /// Records whose UPN is valid (format, LA code, check letter).
    package var upnValid = 0
    /// Records with an NHS number.
    package var nhsPresent = 0
    /// Records whose NHS number is valid (modulus 11, not a placeholder).
    package var nhsValid = 0
    /// Records with a postcode.
    package var postcodePresent = 0
    /// Records whose postcode has a valid UK shape.
    package var postcodeValid = 0
    /// Names and address lines garbled by an encoding (mojibake: UTF-8 read as Windows-1252 or
    /// Latin-1) that matching compares as repaired (``TextRepair``); the record keeps them as given.
    package var textRepaired = 0
    /// Names holding `?` or U+FFFD (after any repair) for a letter an encoding could not hold,
    /// compared as one unknown letter.
    package var unknownCharacters = 0

    /// Creates empty counts.
    package init() {}

    mutating func count(_ person: PersonFields) {
        if let upn = person.upn {
            upnPresent += 1
            if upn.isValid { upnValid += 1 }
        } else if person.upnUnknownReason != nil {
            upnUnknownCodes += 1
        }
        if let nhs = person.nhsNumber {
            nhsPresent += 1
            if nhs.isValid { nhsValid += 1 }
        }
        if let postcode = person.postcode {
            postcodePresent += 1
            if postcode.isValid { postcodeValid += 1 }
        }
        countText(person)
    }

    /// Counts the text values matching repairs or reads with an unknown letter.
    private mutating func countText(_ person: PersonFields) {
        if let address = person.addressLine1, Self.mayNeedRepair(address), TextRepair.undoingMojibake(address) != nil {
            textRepaired += 1
        }
        countName(person.forename)
        countName(person.middleNames)
        countName(person.surname)
        countName(person.preferredName)
        countName(person.formerSurname)
    }

    /// Counts one name if it is garbled or holds an unknown letter.
    private mutating func countName(_ value: String?) {
        guard let value, Self.mayNeedRepair(value) else { return }
        let repaired = TextRepair.undoingMojibake(value)
        if repaired != nil { textRepaired += 1 }
        if TextRepair.hasUnknownCharacter(repaired ?? value) { unknownCharacters += 1 }
    }

    /// Whether `value` holds a byte outside ASCII or a `?`: one pass, so plain names cost one scan.
    private static func mayNeedRepair(_ value: String) -> Bool {
        value.utf8.contains { $0 >= 0x80 || $0 == 0x3F }
    }
}

/// What happened to one input file.
package struct FileSummary: Hashable, Sendable {
    /// The path as given (or as found in a folder).
    package var path: String
    /// What the file was recognised as; `nil` when it could not be.
    package var layout: ExtractLayout?
    /// The text encoding found (CSV only).
    package var encoding: TextEncodingName?
    /// Records in the file (data rows or record elements; blank lines not counted).
    package var recordsRead = 0
    /// Records imported.
    package var imported = 0
    /// Exact repeats of a record already imported (counted, not imported twice).
    package var duplicates = 0
    /// Records rejected (see ``ImportResult/rejects``).
    package var rejected = 0
    /// Records kept with an identifier that is not valid, or with another warning.
    package var warnings = 0
    /// Identifier quality over the imported records.
    package var identifiers = IdentifierQuality()
    /// Why the file could not be read (in full), if it could not.
    package var error: ImportError?
    /// Why a file found in a folder was passed over: its layout is none ChildLink knows (a
    /// `truth.csv`, a lookup table). Not an error; a file named on the command line would be one.
    package var skipped: String?

    /// Creates a summary for `path`.
    package init(path: String) { self.path = path }

    /// Whether every record is accounted for: read = imported + duplicates + rejected.
    package var isBalanced: Bool { recordsRead == imported + duplicates + rejected }
}

/// A record that could not be imported, with where and why. The rest of its file was imported.
package struct RejectedRecord: Hashable, Sendable, CustomStringConvertible {
    /// The file and line (CSV: the line the record starts on) or element path (XML).
    package var location: SourceLocation
    /// The field at fault, if one is.
    package var field: String?
    /// What was wrong, in words an analyst can act on; never personal data.
    package var reason: String
    /// The record's own id, when it had one.
    package var recordID: String?

    /// Creates a reject.
    package init(location: SourceLocation, field: String?, reason: String, recordID: String?) {
        self.location = location
        self.field = field
        self.reason = reason
        self.recordID = recordID
    }

    /// `file:line: rejected: reason [field F, record R]`.
    package var description: String {
        Diagnostic(.error, "rejected: " + reason, at: location, field: field, recordID: recordID).description
            .replacingFirst("error: rejected:", with: "rejected:")
    }
}

/// Everything one import produced.
package struct ImportResult: Sendable {
    /// The imported records, sorted by key (dataset, record id); empty when
    /// ``ImportOptions/retainRecords`` is off.
    package var records: [SourceRecord]
    /// One summary per input file, in reading order (folders expanded in sorted order).
    package var files: [FileSummary]
    /// The rejected records, in reading order.
    package var rejects: [RejectedRecord]
    /// File errors (severity error) and warnings (invalid identifiers, 903 join problems).
    package var diagnostics: [Diagnostic]

    /// Whether any file could not be read.
    package var hasFileErrors: Bool { files.contains { $0.error != nil } }

    /// Creates a result.
    package init(records: [SourceRecord], files: [FileSummary], rejects: [RejectedRecord], diagnostics: [Diagnostic]) {
        self.records = records
        self.files = files
        self.rejects = rejects
        self.diagnostics = diagnostics
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}

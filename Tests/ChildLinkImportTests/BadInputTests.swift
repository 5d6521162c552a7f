import ChildLinkModel
import Foundation
import Testing

@testable import ChildLinkImport

/// One bad input: the bytes of a file, and exactly what the importer must make of it.
///
/// Every case also proves that nothing else was lost: the records the importer says it read are
/// the records the file holds (up to a file-level error, which stops the file and says where), and
/// each one read was imported, counted as an exact duplicate, or rejected with its line and reason.
struct BadInputCase: Sendable, CustomTestStringConvertible {
    /// What the case exercises.
    var name: String
    /// The file name (its extension decides CSV or XML).
    var fileName = "extract.csv"
    /// The file's bytes, made at run time (big inputs are never committed).
    var bytes: @Sendable () -> [UInt8]
    /// The `--dataset` flag.
    var dataset: Dataset? = nil
    /// The records the importer must report read.
    var recordsRead: Int
    /// Of those, the records imported.
    var imported: Int
    /// Of those, the exact repeats.
    var duplicates = 0
    /// The rejects, in order: line, field, reason (`%PATH%` stands for the file's path), record id.
    var rejects: [ExpectedReject] = []
    /// The file-level error, given the file's path.
    var fileError: (@Sendable (String) -> ImportError)? = nil
    /// Substrings of the warnings expected, with their lines.
    var warnings: [ExpectedWarning] = []
    /// Further expectations on the records.
    var records: (@Sendable (ImportResult) -> Void)? = nil

    var testDescription: String { name }
}

struct ExpectedReject: Sendable {
    var line: Int
    var field: String?
    var reason: String
    var recordID: String?
}

struct ExpectedWarning: Sendable {
    var line: Int
    var contains: String
}

/// Builders for the extracts the cases are made of.
enum BadExtract {
    /// The import date the cases use.
    static let today = CalendarDate(year: 2024, month: 3, day: 1)!

    static let header = "EpisodeID,PersonID,Forename,Surname,DateOfBirth,StartDateTime,EndDateTime,UPN,NHSNumber"

    /// Personal values that must never appear in a message.
    static let personal = ["Amelia", "Horváth", "03/06/2010", "2010-06-03", "Nováková", "Štefan"]

    /// One missing-episode row.
    static func row(
        _ id: Int, forename: String = "Amelia", surname: String = "Horváth", dob: String = "03/06/2010",
        start: String = "14/02/2024 21:30", end: String = "15/02/2024 08:00"
    ) -> String {
        "E\(id),P\(id),\(forename),\(surname),\(dob),\(start),\(end),,"
    }

    /// A missing-episodes CSV: the header and the rows, each ending in a line break.
    static func csv(_ rows: [String], header: String = header) -> [UInt8] {
        Array(([header] + rows).map { $0 + "\n" }.joined().utf8)
    }

    /// The header and rows given as bytes, for rows that are not valid UTF-8.
    static func csvBytes(_ rows: [[UInt8]]) -> [UInt8] {
        ([Array(header.utf8)] + rows).flatMap { $0 + [0x0A] }
    }

    /// A missing-episodes XML document of one episode per surname (`E1`, `E2`, …).
    static func xml(surnames: [String]) -> String {
        "<MissingEpisodes>\n"
            + surnames.enumerated().map { index, surname in
                "<Episode><EpisodeID>E\(index + 1)</EpisodeID><Surname>\(surname)</Surname>"
                    + "<DateOfBirth>03/06/2010</DateOfBirth><StartDateTime>14/02/2024 21:30</StartDateTime></Episode>\n"
            }.joined() + "</MissingEpisodes>\n"
    }

    /// Row 1, the bad row (line 3), row 3: the shape of most date cases.
    static func oneBadRow(_ bad: String) -> [UInt8] { csv([row(1), bad, row(3)]) }

    /// One `<Episode>` on one line.
    static func episode(_ id: Int, dob: String = "03/06/2010", surname: String = "Horváth", extra: String = "")
        -> String
    {
        "<Episode><EpisodeID>E\(id)</EpisodeID><Forename>Amelia</Forename><Surname>\(surname)</Surname>"
            + "<DateOfBirth>\(dob)</DateOfBirth><StartDateTime>14/02/2024 21:30</StartDateTime>\(extra)</Episode>"
    }

    /// An XML extract: the declaration on line 1, the root on line 2, one record per line from line 3.
    static func xml(_ records: [String], root: String = "MissingEpisodes", prolog: String = "") -> [UInt8] {
        let head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + prolog
        return Array((head + "<\(root)>\n" + records.map { $0 + "\n" }.joined() + "</\(root)>\n").utf8)
    }
}

extension BadInputCase {
    static let csvStructure: [BadInputCase] = [
        BadInputCase(
            name: "empty file", bytes: { [] }, recordsRead: 0, imported: 0,
            fileError: { .emptyFile(path: $0) }),
        BadInputCase(name: "header only", bytes: { BadExtract.csv([]) }, recordsRead: 0, imported: 0),
        BadInputCase(
            name: "wrong dataset: the flag says CME, the file is missing episodes",
            bytes: { BadExtract.csv([BadExtract.row(1), BadExtract.row(2)]) }, dataset: .cme, recordsRead: 0,
            imported: 0,
            fileError: {
                .datasetMismatch(
                    path: $0, expected: Dataset.cme.title, found: ExtractLayout.referenceCSV(.missing).description)
            }),
        BadInputCase(
            name: "duplicated column in the header",
            bytes: {
                BadExtract.csv([BadExtract.row(1) + ",03/06/2010"], header: BadExtract.header + ",Date of Birth")
            },
            recordsRead: 0, imported: 0,
            fileError: { .duplicateColumn(path: $0, column: "DateOfBirth", positions: [5, 10]) }),
        BadInputCase(
            name: "header repeated as a data row (two extracts joined)",
            bytes: { BadExtract.csv([BadExtract.row(1), BadExtract.header, BadExtract.row(2)]) }, recordsRead: 3,
            imported: 2,
            rejects: [
                ExpectedReject(line: 3, reason: "the header row is repeated here (two extracts joined into one?)")
            ]),
        BadInputCase(
            name: "truncated last line",
            bytes: { BadExtract.csv([BadExtract.row(1), BadExtract.row(2)]) + Array("E3,P3,Ame".utf8) }, recordsRead: 3,
            imported: 2,
            rejects: [
                ExpectedReject(
                    line: 4, reason: "the row has 3 of the header's 9 fields (a truncated or broken line?)",
                    recordID: "E3")
            ]),
        BadInputCase(
            name: "unquoted comma shifts the columns",
            bytes: { BadExtract.oneBadRow(BadExtract.row(2, surname: "Horváth, Smith")) }, recordsRead: 3, imported: 2,
            rejects: [
                ExpectedReject(
                    line: 3, reason: "the row has 10 fields but the header 9 (an unquoted comma in a value?)",
                    recordID: "E2")
            ]),
        BadInputCase(
            name: "unterminated quote: the file stops there, with the line",
            bytes: {
                BadExtract.csv([
                    BadExtract.row(1), "E2,P2,\"Amelia,Horváth,03/06/2010,14/02/2024 21:30,,,", BadExtract.row(3),
                ])
            }, recordsRead: 1, imported: 1, fileError: { .unterminatedQuote(path: $0, line: 3) }),
        BadInputCase(
            name: "a 10 MB field",
            bytes: { BadExtract.oneBadRow(BadExtract.row(2, forename: String(repeating: "A", count: 10 << 20))) },
            recordsRead: 3, imported: 2,
            rejects: [
                ExpectedReject(
                    line: 3, field: "Forename",
                    reason:
                        "Forename is 10485760 bytes long, over the 32,767 a spreadsheet cell holds (a stray quote joining lines?)",
                    recordID: "E2")
            ]),
        BadInputCase(
            name: "100,000 columns",
            bytes: {
                let extra = (1...99_991).map { ",Extra\($0)" }.joined()
                let empties = String(repeating: ",", count: 99_991)
                return BadExtract.csv(
                    [BadExtract.row(1) + empties, BadExtract.row(2) + empties], header: BadExtract.header + extra)
            }, recordsRead: 2, imported: 2),
    ]

    static let endless: [BadInputCase] = [
        BadInputCase(
            name: "a line that never ends (70 MB, no line break): stopped at 64 MiB, not read into memory whole",
            bytes: { BadExtract.csv([BadExtract.row(1)]) + [UInt8](repeating: UInt8(ascii: "x"), count: 70 << 20) },
            recordsRead: 1, imported: 1,
            fileError: { .recordTooLong(path: $0, line: 3, limit: CSVReader.maximumRecordBytes) }),
        BadInputCase(
            name: "a quote that never closes in a 70 MB file: named as such before memory runs out",
            bytes: {
                BadExtract.csv([BadExtract.row(1), "E2,P2,\"Amelia"])
                    + Array(String(repeating: BadExtract.row(3) + "\n", count: 1_000_000).utf8)
            }, recordsRead: 1, imported: 1, fileError: { .unterminatedQuote(path: $0, line: 3) }),
    ]

    static let csvEncodings: [BadInputCase] = [
        BadInputCase(
            name: "invalid UTF-8 in the middle: only that row is read as Windows-1252",
            bytes: {
                BadExtract.csvBytes([
                    Array(BadExtract.row(1).utf8),
                    Array("E2,P2,Amelia,Hor".utf8) + [0xFF, 0xFE] + Array("th,03/06/2010,14/02/2024 21:30,,,".utf8),
                    Array(BadExtract.row(3).utf8),
                ])
            }, recordsRead: 3, imported: 3, warnings: [ExpectedWarning(line: 3, contains: "mixed encodings")],
            records: { result in
                #expect(result.record("E1")?.person.surname == "Horváth")
                #expect(result.record("E3")?.person.surname == "Horváth")
            }),
        BadInputCase(
            name: "mixed encodings: Windows-1252 lines in a UTF-8 file keep their names",
            bytes: {
                BadExtract.csvBytes([
                    Array(BadExtract.row(1).utf8),
                    Array("E2,P2,Zo".utf8) + [0xEB] + Array(",Nov".utf8) + [0xE1, 0x6B, 0x6F, 0x76, 0xE1]
                        + Array(",03/06/2010,14/02/2024 21:30,,,".utf8),
                    Array(BadExtract.row(3, forename: "Štefan").utf8),
                ])
            }, recordsRead: 3, imported: 3, warnings: [ExpectedWarning(line: 3, contains: "mixed encodings")],
            records: { result in
                #expect(result.record("E2")?.person.forename == "Zoë")
                #expect(result.record("E2")?.person.surname == "Nováková")
                #expect(result.record("E3")?.person.forename == "Štefan")
                #expect(result.record("E1")?.person.surname == "Horváth")
            }),
        BadInputCase(
            name: "NUL bytes in a row",
            bytes: { BadExtract.oneBadRow(BadExtract.row(2, forename: "Am\0\0\0lia")) }, recordsRead: 3, imported: 2,
            rejects: [
                ExpectedReject(
                    line: 3,
                    reason: "the row contains NUL bytes (a damaged file, or UTF-16 saved without a byte-order mark?)")
            ]),
        // Before: `the header row holds NUL bytes` for the CSV, libxml2's `Char 0x0 out of allowed
        // range` for the XML. Now recognised from the zero byte in every ASCII code unit, and read.
        utf16WithoutBOM("CSV, little-endian", fileName: "extract.csv", littleEndian: true) {
            String(
                decoding: BadExtract.csv([BadExtract.row(1), BadExtract.row(2, surname: "Nováková")]), as: UTF8.self)
        },
        utf16WithoutBOM("CSV, big-endian", fileName: "extract.csv", littleEndian: false) {
            String(
                decoding: BadExtract.csv([BadExtract.row(1), BadExtract.row(2, surname: "Nováková")]), as: UTF8.self)
        },
        utf16WithoutBOM("XML without a declaration, little-endian", fileName: "extract.xml", littleEndian: true) {
            BadExtract.xml(surnames: ["Horváth", "Nováková"])
        },
        utf16WithoutBOM("XML declared UTF-16, big-endian", fileName: "extract.xml", littleEndian: false) {
            "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n" + BadExtract.xml(surnames: ["Horváth", "Nováková"])
        },
    ]

    /// `text` written as UTF-16 without a byte-order mark: both records read, the accents intact.
    static func utf16WithoutBOM(
        _ name: String, fileName: String, littleEndian: Bool, _ text: @escaping @Sendable () -> String
    ) -> BadInputCase {
        BadInputCase(
            name: "UTF-16 without a byte-order mark (\(name)): recognised and read", fileName: fileName,
            bytes: {
                text().utf16.flatMap {
                    littleEndian ? [UInt8($0 & 0xFF), UInt8($0 >> 8)] : [UInt8($0 >> 8), UInt8($0 & 0xFF)]
                }
            }, recordsRead: 2, imported: 2,
            records: { result in
                #expect(result.record("E2")?.person.surname == "Nováková")
                if fileName.hasSuffix(".csv") {
                    #expect(result.file.encoding == (littleEndian ? .utf16LEWithoutBOM : .utf16BEWithoutBOM))
                    #expect(result.file.encoding?.rawValue.hasSuffix("without a byte-order mark") == true)
                }
            })
    }

    static let dates: [BadInputCase] = [
        dateCase(
            "date of birth 31/02/2019", row: BadExtract.row(2, dob: "31/02/2019"), field: "DateOfBirth",
            reason: "DateOfBirth is not a date (dd/MM/yyyy or yyyy-MM-dd)"),
        dateCase(
            "date of birth in 1899 (an empty Excel date)", row: BadExtract.row(2, dob: "30/12/1899"),
            field: "DateOfBirth",
            reason:
                "DateOfBirth is before 1900: a placeholder, not a real date (an empty Excel date cell reads as 30/12/1899)"
        ),
        dateCase(
            "episode start in 1899", row: BadExtract.row(2, start: "31/12/1899 00:00", end: ""),
            field: "StartDateTime",
            reason:
                "StartDateTime is before 1900: a placeholder, not a real date (an empty Excel date cell reads as 30/12/1899)"
        ),
        dateCase(
            "date of birth in the future", row: BadExtract.row(2, dob: "01/01/2030"), field: "DateOfBirth",
            reason: "DateOfBirth is in the future (after the import date)"),
        dateCase(
            "episode starting 01/01/2100", row: BadExtract.row(2, start: "01/01/2100 10:00", end: ""),
            field: "StartDateTime",
            reason: "StartDateTime is in the future (after the import date): it cannot have happened yet"),
        dateCase(
            "episode starting the day after the import date",
            row: BadExtract.row(2, start: "02/03/2024 00:30", end: ""),
            field: "StartDateTime",
            reason: "StartDateTime is in the future (after the import date): it cannot have happened yet"),
        BadInputCase(
            name: "episode starting, or ending, after the run date in the extract's title line",
            bytes: {
                Array("Missing episodes report, run date: 16/02/2024 09:14\n".utf8)
                    + BadExtract.csv([
                        BadExtract.row(1), BadExtract.row(2, start: "17/02/2024 10:00", end: ""),
                        BadExtract.row(3, end: "18/02/2024 10:00"),
                    ])
            }, recordsRead: 3, imported: 1,
            rejects: [
                ExpectedReject(
                    line: 4, field: "StartDateTime",
                    reason: "StartDateTime is after the extract's own date (the date in its title, line 1): "
                        + "it cannot have happened by then", recordID: "E2"),
                ExpectedReject(
                    line: 5, field: "EndDateTime",
                    reason: "EndDateTime is after the extract's own date (the date in its title, line 1): "
                        + "it cannot have happened by then", recordID: "E3"),
            ],
            warnings: [ExpectedWarning(line: 2, contains: "the header row is on line 2")]),
        BadInputCase(
            name: "a title line naming a period, not a run date: episodes after its end are kept",
            bytes: {
                Array("Missing episodes 01/02/2024 to 15/02/2024\n".utf8)
                    + BadExtract.csv([BadExtract.row(1, start: "17/02/2024 10:00", end: "")])
            }, recordsRead: 1, imported: 1,
            warnings: [ExpectedWarning(line: 2, contains: "the header row is on line 2")]),
        BadInputCase(
            name: "CIN census child referred, or born, after the census's ReferenceDate",
            fileName: "cin.xml",
            bytes: {
                func child(_ id: String, born: String, referred: String) -> String {
                    "<Child><ChildIdentifiers><LAchildID>\(id)</LAchildID><PersonBirthDate>\(born)</PersonBirthDate>"
                        + "</ChildIdentifiers><CINdetails><CINreferralDate>\(referred)</CINreferralDate></CINdetails>"
                        + "</Child>\n"
                }
                return Array(
                    ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Message>\n<Header><CollectionDetails>"
                        + "<Collection>CIN</Collection><ReferenceDate>2024-01-31</ReferenceDate></CollectionDetails>"
                        + "</Header>\n<Children>\n" + child("C1", born: "2010-06-03", referred: "2023-06-01")
                        + child("C2", born: "2010-06-03", referred: "2024-02-10")
                        + child("C3", born: "2024-02-05", referred: "2024-01-20") + "</Children>\n</Message>\n").utf8)
            }, recordsRead: 3, imported: 1,
            rejects: [
                ExpectedReject(
                    line: 6, field: "CINreferralDate",
                    reason: "CINreferralDate is after the extract's own date (its ReferenceDate): "
                        + "it cannot have happened by then", recordID: "C2"),
                ExpectedReject(
                    line: 7, field: "PersonBirthDate",
                    reason: "PersonBirthDate is after the extract's own date (its ReferenceDate): "
                        + "it cannot have happened by then", recordID: "C3"),
            ]),
        BadInputCase(
            name: "postcodes: placeholders, an NHS pseudo-postcode and one breaking the rules warn on their line",
            bytes: {
                BadExtract.csv(
                    [
                        "E1,03/06/2010,14/02/2024,S60 1AE", "E2,03/06/2010,14/02/2024,QQ1 1QQ",
                        "E3,03/06/2010,14/02/2024,zz99 3vz", "E4,03/06/2010,14/02/2024,S60 3CD",
                        "E5,03/06/2010,14/02/2024,GIR 0AA", "E6,03/06/2010,14/02/2024,BFPO 123",
                    ], header: "EpisodeID,DateOfBirth,StartDateTime,Postcode")
            }, recordsRead: 6, imported: 6,
            warnings: [
                ExpectedWarning(line: 3, contains: "Postcode is a placeholder, not an address (such as QQ1 1QQ)"),
                ExpectedWarning(line: 4, contains: "Postcode is an NHS pseudo-postcode (ZZ99: no fixed abode"),
                ExpectedWarning(line: 5, contains: "Postcode kept but not valid: not a UK postcode"),
            ],
            records: { result in
                #expect(result.file.identifiers.postcodePresent == 6)
                #expect(result.file.identifiers.postcodeValid == 3, "S60 1AE, GIR 0AA and BFPO 123")
                #expect(result.diagnostics.map(\.recordID) == ["E2", "E3", "E4"])
                // The examples in the reasons are not values. The location is left out: its path is
                // the test's own temporary folder, whose random name may hold `3CD` or `0AA`.
                for value in ["3VZ", "3CD", "S60", "0AA", "BFPO 123"] {
                    #expect(
                        !result.diagnostics.contains {
                            [$0.message, $0.field ?? "", $0.recordID ?? ""].joined(separator: " ").uppercased()
                                .contains(value)
                        }, "\(value)")
                }
            }),
        dateCase(
            "date of birth after the episode start", row: BadExtract.row(2, dob: "20/02/2024", end: ""),
            field: "DateOfBirth", reason: "DateOfBirth is after StartDateTime: the child was not yet born"),
        dateCase(
            "episode end before its start", row: BadExtract.row(2, end: "13/02/2024 10:00"), field: "EndDateTime",
            reason: "EndDateTime is before StartDateTime"),
        BadInputCase(
            name: "CME referral closed before it was opened",
            bytes: {
                BadExtract.csv(
                    [
                        "R1,03/06/2010,01/02/2024,", "R2,03/06/2010,01/02/2024,31/01/2024",
                        "R3,03/06/2010,01/02/2024,02/02/2024",
                    ],
                    header: "ReferralID,DateOfBirth,ReferralDate,ClosedDate")
            }, recordsRead: 3, imported: 2,
            rejects: [
                ExpectedReject(
                    line: 3, field: "ClosedDate", reason: "ClosedDate is before ReferralDate", recordID: "R2")
            ]),
        BadInputCase(
            name: "CME previous episodes 1e30 (found by fuzzing: it trapped converting to Int)",
            bytes: {
                BadExtract.csv(
                    [
                        "R1,03/06/2010,01/02/2024,2", "R2,03/06/2010,01/02/2024,1e30", "R3,03/06/2010,01/02/2024,-1",
                        "R4,03/06/2010,01/02/2024,2.5", "R5,03/06/2010,01/02/2024,3.0",
                    ],
                    header: "ReferralID,DateOfBirth,ReferralDate,PreviousEpisodes")
            }, recordsRead: 5, imported: 2,
            rejects: [3, 4, 5].map { line in
                ExpectedReject(
                    line: line, field: "PreviousEpisodes",
                    reason: "PreviousEpisodes is not a whole number from 0 to 10,000", recordID: "R\(line - 1)")
            },
            records: { result in
                guard case .cme(let referral)? = result.record("R5")?.event else {
                    Issue.record("R5 was not imported as a CME referral")
                    return
                }
                #expect(referral.previousEpisodes == 3)
            }),
        BadInputCase(
            name: "exclusion sessions and placement distance out of range",
            bytes: {
                BadExtract.csv(
                    [
                        "X1,03/06/2010,01/02/2024,SUSP,2", "X2,03/06/2010,01/02/2024,SUSP,1e300",
                        "X3,03/06/2010,01/02/2024,SUSP,-4",
                    ],
                    header: "ExclusionID,DateOfBirth,StartDate,Category,Sessions")
            }, recordsRead: 3, imported: 1,
            rejects: [3, 4].map { line in
                ExpectedReject(
                    line: line, field: "Sessions", reason: "Sessions is out of range (0 to 10000)",
                    recordID: "X\(line - 1)")
            }),
        BadInputCase(
            name: "home education ended before it started",
            bytes: {
                BadExtract.csv(
                    ["H1,03/06/2010,01/02/2024,", "H2,03/06/2010,01/02/2024,2023-12-01"],
                    header: "EHEID,DateOfBirth,StartDate,EndDate")
            }, recordsRead: 2, imported: 1,
            rejects: [ExpectedReject(line: 3, field: "EndDate", reason: "EndDate is before StartDate", recordID: "H2")]),
        BadInputCase(
            name: "duplicate record id, same content: counted once",
            bytes: { BadExtract.csv([BadExtract.row(1), BadExtract.row(2), BadExtract.row(1)]) }, recordsRead: 3,
            imported: 2, duplicates: 1),
        BadInputCase(
            name: "duplicate record id, different content: rejected, the first kept",
            bytes: { BadExtract.csv([BadExtract.row(1), BadExtract.row(2), BadExtract.row(1, forename: "Amelie")]) },
            recordsRead: 3, imported: 2,
            rejects: [
                ExpectedReject(
                    line: 4, field: "EpisodeID",
                    reason: "duplicate EpisodeID with different content (first at %PATH%:2)",
                    recordID: "E1")
            ],
            records: { result in #expect(result.record("E1")?.person.forename == "Amelia") }),
    ]

    static func dateCase(_ name: String, row: String, field: String, reason: String) -> BadInputCase {
        BadInputCase(
            name: name, bytes: { BadExtract.oneBadRow(row) }, recordsRead: 3, imported: 2,
            rejects: [ExpectedReject(line: 3, field: field, reason: reason, recordID: "E2")])
    }

    static let xml: [BadInputCase] = [
        BadInputCase(
            name: "XML with an external entity", fileName: "extract.xml",
            bytes: {
                BadExtract.xml(
                    [BadExtract.episode(1, surname: "&xxe;")],
                    prolog: "<!DOCTYPE MissingEpisodes [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n")
            }, recordsRead: 0, imported: 0, fileError: { .xmlDoctypeRefused(path: $0, line: 2) }),
        BadInputCase(
            name: "XML with a DTD", fileName: "extract.xml",
            bytes: {
                BadExtract.xml(
                    [BadExtract.episode(1)], prolog: "<!DOCTYPE MissingEpisodes [<!ELEMENT MissingEpisodes ANY>]>\n")
            }, recordsRead: 0, imported: 0, fileError: { .xmlDoctypeRefused(path: $0, line: 2) }),
        BadInputCase(
            name: "XML entity bomb (billion laughs)", fileName: "extract.xml",
            bytes: {
                var entities = "<!ENTITY l0 \"lol\">"
                for level in 1...9 {
                    entities += "<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">"
                }
                return BadExtract.xml(
                    [BadExtract.episode(1, surname: "&l9;")], prolog: "<!DOCTYPE MissingEpisodes [\(entities)]>\n")
            }, recordsRead: 0, imported: 0, fileError: { .xmlDoctypeRefused(path: $0, line: 2) }),
        BadInputCase(
            name: "XML nested 100,000 levels deep", fileName: "extract.xml",
            bytes: {
                let deep = String(repeating: "<a>", count: 100_000) + "x" + String(repeating: "</a>", count: 100_000)
                return BadExtract.xml([BadExtract.episode(1), "<Episode><EpisodeID>E2</EpisodeID>\(deep)</Episode>"])
            }, recordsRead: 2, imported: 1,
            rejects: [
                ExpectedReject(
                    line: 4, reason: "the file breaks off inside this record (a truncated or damaged extract?)",
                    recordID: "E2")
            ],
            fileError: {
                .malformedXML(
                    path: $0, line: 4, column: 802,
                    message: "Excessive depth in document: 256 use XML_PARSE_HUGE option")
            }),
        BadInputCase(
            name: "XML with the wrong root", fileName: "extract.xml",
            bytes: { BadExtract.xml(["<Pupil><ID>1</ID></Pupil>"], root: "Pupils") }, recordsRead: 0, imported: 0,
            fileError: {
                .unrecognisedLayout(
                    path: $0,
                    detail:
                        "root element <Pupils> is none of MissingEpisodes, CMEReferrals, EHERecords, Exclusions, EXPSSDA903, Message (CIN census)"
                )
            }),
        BadInputCase(
            name: "XML that says UTF-8 but holds Windows-1252: refused, no bytes of the name shown",
            fileName: "extract.xml",
            bytes: {
                var bytes = BadExtract.xml([BadExtract.episode(1), BadExtract.episode(2, surname: "Nov@kov@")])
                for index in bytes.indices where bytes[index] == UInt8(ascii: "@") { bytes[index] = 0xE1 }
                return bytes
            }, recordsRead: 0, imported: 0,
            fileError: {
                .malformedXML(
                    path: $0, line: 4, column: 74,
                    message: "the text is not UTF-8 (saved as Windows-1252?); save the extract as UTF-8")
            }),
        BadInputCase(
            name: "XML with a NUL byte", fileName: "extract.xml",
            bytes: { BadExtract.xml([BadExtract.episode(1), BadExtract.episode(2, surname: "Hor\0th")]) },
            recordsRead: 0, imported: 0,
            fileError: { .malformedXML(path: $0, line: 4, column: 74, message: "Char 0x0 out of allowed range") }),
        BadInputCase(
            name: "XML with a 1 MB field: that record rejected", fileName: "extract.xml",
            bytes: {
                BadExtract.xml([
                    BadExtract.episode(1),
                    BadExtract.episode(
                        2, extra: "<FoundLocation>\(String(repeating: "A", count: 1 << 20))</FoundLocation>"),
                    BadExtract.episode(3),
                ])
            }, recordsRead: 3, imported: 2,
            rejects: [
                ExpectedReject(
                    line: 4, field: "FoundLocation",
                    reason:
                        "FoundLocation is 1048576 bytes long, over the 32,767 a spreadsheet cell holds (a damaged extract?)",
                    recordID: "E2")
            ]),
        BadInputCase(
            name: "XML with a 10 MB field: over libxml2's own limit, the file stops there", fileName: "extract.xml",
            bytes: {
                BadExtract.xml([
                    BadExtract.episode(1),
                    BadExtract.episode(
                        2, extra: "<FoundLocation>\(String(repeating: "A", count: 10 << 20))</FoundLocation>"),
                ])
            }, recordsRead: 2, imported: 1,
            rejects: [
                ExpectedReject(
                    line: 4, reason: "the file breaks off inside this record (a truncated or damaged extract?)",
                    recordID: "E2")
            ],
            fileError: {
                .malformedXML(path: $0, line: 4, column: 10_000_660, message: "xmlSAX2Characters: huge text node")
            }),
    ]

    static let personalData: [BadInputCase] = [
        BadInputCase(
            name: "a name in a code column is not shown in the reject",
            bytes: {
                BadExtract.csv(
                    [
                        "E1,P1,Amelia,Horváth,03/06/2010,14/02/2024 21:30,LAC",
                        "E2,P2,Amelia,Horváth,03/06/2010,14/02/2024 21:30,Amelia",
                        "E3,P3,Amelia,Horváth,03/06/2010,14/02/2024 21:30,Fostered",
                    ],
                    header: "EpisodeID,PersonID,Forename,Surname,DateOfBirth,StartDateTime,SocialCareStatus")
            }, recordsRead: 3, imported: 1,
            rejects: [
                ExpectedReject(
                    line: 3, field: "SocialCareStatus",
                    reason: "SocialCareStatus holds this record's name, date of birth or an identifier, not a code "
                        + "(not shown; check which column the profile maps to it)", recordID: "E2"),
                ExpectedReject(
                    line: 4, field: "SocialCareStatus",
                    reason:
                        "SocialCareStatus has an unknown code (it looks like a name or a word; not shown); map it in a profile's values section",
                    recordID: "E3"),
            ])
    ]

    static let xmlSize: [BadInputCase] = [
        BadInputCase(
            name: "XML field of 5 CDATA sections of 1 MB each: rejected, its text not kept",
            fileName: "extract.xml",
            bytes: {
                let chunk = "<![CDATA[" + String(repeating: "A", count: 1 << 20) + "]]>"
                let field = "<FoundLocation>" + String(repeating: chunk, count: 5) + "</FoundLocation>"
                return BadExtract.xml([
                    BadExtract.episode(1), BadExtract.episode(2, extra: field), BadExtract.episode(3),
                ])
            }, recordsRead: 3, imported: 2,
            rejects: [
                ExpectedReject(
                    line: 4, field: "FoundLocation",
                    reason:
                        "FoundLocation is 5242880 bytes long, over the 32,767 a spreadsheet cell holds (a damaged extract?)",
                    recordID: "E2")
            ]),
        BadInputCase(
            name: "XML record with 200,000 fields: rejected", fileName: "extract.xml",
            bytes: {
                let fields = String(repeating: "<Note>x</Note>", count: 200_000)
                return BadExtract.xml([BadExtract.episode(1), BadExtract.episode(2, extra: fields)])
            }, recordsRead: 2, imported: 1,
            rejects: [
                ExpectedReject(
                    line: 4, reason: "the record has more than 10000 fields (a damaged extract?)", recordID: "E2")
            ]),
        BadInputCase(
            name: "XML file truncated inside its third record: the third is read and rejected",
            fileName: "extract.xml",
            bytes: {
                let whole = String(decoding: BadExtract.xml((1...3).map { BadExtract.episode($0) }), as: UTF8.self)
                let cut = whole.range(of: "<Forename>", options: .backwards)!.upperBound
                return Array(whole[..<cut].utf8) + Array("Ame".utf8)
            }, recordsRead: 3, imported: 2,
            rejects: [
                ExpectedReject(
                    line: 5, reason: "the file breaks off inside this record (a truncated or damaged extract?)",
                    recordID: "E3")
            ],
            fileError: {
                .malformedXML(path: $0, line: 5, column: 48, message: "Extra content at the end of the document")
            }),
        BadInputCase(
            name: "XML record with two different <Forename> (or <DateOfBirth>): rejected naming both elements",
            fileName: "extract.xml",
            bytes: {
                BadExtract.xml([
                    BadExtract.episode(1), BadExtract.episode(2, extra: "<Forename>Amelie</Forename>"),
                    BadExtract.episode(3, extra: "<DateOfBirth>04/06/2010</DateOfBirth>"),
                    BadExtract.episode(4, extra: "<Forename>Amelia</Forename>"),  // the same value twice: kept
                ])
            }, recordsRead: 4, imported: 2,
            rejects: [
                ExpectedReject(
                    line: 4, field: "Forename",
                    reason:
                        "Forename is given twice with different values, in <Forename> and <Forename> (not shown); keep one",
                    recordID: "E2"),
                ExpectedReject(
                    line: 5, field: "DateOfBirth",
                    reason:
                        "DateOfBirth is given twice with different values, in <DateOfBirth> and <DateOfBirth> (not shown); keep one",
                    recordID: "E3"),
            ]),
    ]

    static let all = csvStructure + endless + csvEncodings + dates + xml + xmlSize + personalData
}

@Suite("Bad input: exact errors and rejects, and nothing else lost")
struct BadInputTests {
    @Test(
        "each bad input gives its exact error or rejects, and every record is accounted for",
        arguments: BadInputCase.all)
    func badInput(_ bad: BadInputCase) throws {
        let path = try Fixture.temporary(bad.fileName, bad.bytes())
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let options = ImportOptions(dataset: bad.dataset, today: BadExtract.today)
        let result = try ExtractReader(options: options).read(paths: [path])
        let file = try #require(result.files.first)

        #expect(file.error == bad.fileError?(path))
        #expect(file.recordsRead == bad.recordsRead, "records read")
        #expect(file.imported == bad.imported, "imported")
        #expect(file.duplicates == bad.duplicates, "duplicates")
        #expect(file.isBalanced, "read = imported + duplicates + rejected")
        #expect(result.records.count == file.imported, "every imported record is returned")

        #expect(result.rejects.map(\.location.line) == bad.rejects.map(\.line))
        #expect(result.rejects.map(\.field) == bad.rejects.map(\.field))
        #expect(
            result.rejects.map(\.reason) == bad.rejects.map { $0.reason.replacingOccurrences(of: "%PATH%", with: path) }
        )
        #expect(result.rejects.map(\.recordID) == bad.rejects.map(\.recordID))
        #expect(result.rejects.allSatisfy { $0.location.file == path })

        let warnings = result.diagnostics.filter { $0.severity == .warning }
        #expect(warnings.count == bad.warnings.count)
        for (warning, expectedWarning) in zip(warnings, bad.warnings) {
            #expect(warning.location?.line == expectedWarning.line)
            #expect(warning.message.contains(expectedWarning.contains))
        }
        bad.records?(result)

        // No message, whatever went wrong, carries a name or a date of birth.
        let messages =
            result.rejects.map(\.description) + result.diagnostics.map(\.description)
            + [file.error?.errorDescription ?? ""]
        for text in messages {
            for personal in BadExtract.personal {
                #expect(!text.contains(personal), "'\(personal)' in: \(text.prefix(300))")
            }
        }
    }

    @Test("an endless input (/dev/zero) stops with an error instead of filling memory")
    func endlessDevice() throws {
        let result = try ExtractReader().read(paths: ["/dev/zero"])
        #expect(result.file.error == .recordTooLong(path: "/dev/zero", line: 1, limit: CSVReader.maximumRecordBytes))
        #expect(result.file.recordsRead == 0)
    }

    @Test("a mapping profile that is a YAML alias bomb is refused, not expanded")
    func profileAliasBomb() throws {
        var yaml = "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        for (name, previous) in zip("bcdefghij", "abcdefghi") {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
        }
        yaml += "name: bomb\nfields:\n  EpisodeID: *j\n"
        #expect(
            throws: ImportError.invalidProfile(
                path: "bomb.yaml",
                message: "line 2: YAML aliases (*name) are not allowed in a profile; write the values out")
        ) { try MappingProfile(yaml: yaml, path: "bomb.yaml") }
    }

    @Test(
        "asterisks and ampersands inside quotes, comments and words are not aliases",
        arguments: [
            "name: \"*all* councils\"\nfields: { Forename: \"First & Middle\" }  # see *note*\n",
            "name: x\nvalues:\n  RHIOffered: { 'a) Yes *': \"Yes\", b*c: \"No\" }\n",
        ])
    func notAliases(_ yaml: String) throws {
        #expect(YAMLAliasScan.firstAliasLine(in: yaml) == nil)
        _ = try MappingProfile(yaml: yaml)
    }

    @Test("the import date defaults to today, so a date of birth tomorrow is rejected")
    func todayDefault() throws {
        let tomorrow = ImportOptions().today.adding(days: 1)
        let path = try Fixture.temporary("tomorrow.csv", BadExtract.oneBadRow(BadExtract.row(2, dob: tomorrow.uk)))
        let result = try ExtractReader().read(paths: [path])
        #expect(result.rejects.map(\.reason) == ["DateOfBirth is in the future (after the import date)"])
    }
}

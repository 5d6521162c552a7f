import Foundation
import Testing

/// Shifted, short and long rows whose every field is personal data, and personal data in code
/// columns: `check --verbose` rejects them all and no value of them reaches standard output,
/// standard error or the rejects file; reasons say what kind of value was found instead.
@Suite("Personal data in rejected rows is never echoed")
struct PersonalDataRejectTests {
    static let header =
        "PersonID,UPN,FormerUPN,NHSNumber,Forename,MiddleNames,Surname,PreferredName,FormerSurname,DateOfBirth,"
        + "Gender,Ethnicity,Postcode,AddressLine1,Town,EpisodeID,EpisodeType,StartDateTime,EndDateTime,"
        + "SocialCareStatus,CSERisk,CCERisk,PlacementDistanceMiles,RHIOffered,RHIAccepted,RHICompletedDate,"
        + "ReportedBy,FoundLocation"

    /// The personal values the rows are made of (a made-up child; the NHS number and UPN are valid).
    static let personal = [
        "Kacper Lewandowski", "Kacper", "Lewandowski", "03/07/2006", "2006-07-03", "943 476 5919", "9434765919",
        "S66 9NZ", "106 Worksop Road", "G372207406022",
    ]

    /// A row of `count` fields, each a personal value, starting at `offset` in the list.
    static func personalRow(_ count: Int, offset: Int) -> String {
        (0..<count).map { personal[($0 + offset) % personal.count] }.joined(separator: ",")
    }

    /// A well-formed row for a child with `codes` in SocialCareStatus, CSERisk and CCERisk.
    static func codeRow(_ id: String, social: String = "CIN", cse: String = "Low", cce: String = "Low") -> String {
        "1204334,G372207406022,,9434765919,Kacper,,Lewandowski,,,03/07/2006,Male,WBRI,S66 9NZ,106 Worksop Road,"
            + "Rotherham,\(id),Missing,04/02/2018 06:09,04/02/2018 07:14,\(social),\(cse),\(cce),,Yes,Yes,,Police,"
    }

    @Test("shifted and short rows of personal data: every row rejected, no value in stdout, stderr or rejects.csv")
    func shiftedRowsOfPersonalData() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var lines = [Self.header]
        for offset in 0..<Self.personal.count {
            lines.append(Self.personalRow(28, offset: offset))  // right length, every field personal
            lines.append(Self.personalRow(16, offset: offset))  // "16 of the header's 28 fields"
            lines.append(Self.personalRow(29, offset: offset))  // one field too many (shifted)
        }
        lines.append(Self.codeRow("E1", social: "Kacper Lewandowski"))
        lines.append(Self.codeRow("E2", cse: "2006-07-03"))
        lines.append(Self.codeRow("E3", cce: "943 476 5919"))
        lines.append(Self.codeRow("E4", social: "Lewandowsky"))
        lines.append(Self.codeRow("E5", social: "ZZ9"))  // a short code-like value is still shown
        let input = lines.joined(separator: "\n") + "\n"
        try input.write(to: folder.appendingPathComponent("missing.csv"), atomically: true, encoding: .utf8)

        let outcome = try BuiltBinary.run(
            ["check", "missing.csv", "--verbose", "--rejects", "rejects.csv"], in: folder)
        let rejects = try String(contentsOf: folder.appendingPathComponent("rejects.csv"), encoding: .utf8)
        let rejectLines = rejects.split(separator: "\r\n").dropFirst()
        // 30 rows of personal data and 5 code rows: every one rejected, none imported.
        #expect(rejectLines.count == 35, "\(rejects)")
        let output = outcome.stdout + outcome.stderr + rejects
        for value in Self.personal + ["Lewandowsky", "Rotherham"] {
            #expect(input.contains(value), "the search is not blind: \(value) is in the input")
            #expect(!output.contains(value), "\(value) reached the output:\n\(output)")
        }
        #expect(rejects.contains("SocialCareStatus has an unknown code (it looks like a name; not shown)"))
        #expect(rejects.contains("CSERisk has an unknown code (it looks like a date; not shown)"))
        #expect(rejects.contains("CCERisk has an unknown code (it looks like an NHS number; not shown)"))
        #expect(rejects.contains("SocialCareStatus has an unknown code (it looks like a name or a word; not shown)"))
        #expect(rejects.contains("SocialCareStatus has an unknown code 'ZZ9'"))
        #expect(rejects.contains("the row has 16 of the header's 28 fields"))
        // The code rows' ids come from their EpisodeID column and are shown.
        for id in ["E1", "E2", "E3", "E4", "E5"] { #expect(rejects.contains(",\(id)\r\n"), "\(id)") }
    }
}

package import ChildLinkImport
package import ChildLinkModel
import Foundation

/// `childlink profile check PROFILE FILE`: shows how a mapping profile maps a council's extract
/// (which column feeds each reference field, which required fields stay unmapped) and how the
/// first rows read. Personal fields are shown only as given / valid.
package struct ProfileCheckJob: Sendable {
    /// The profile file.
    package var profilePath: String
    /// The extract to check it against.
    package var extractPath: String
    /// The dataset, when the profile does not say.
    package var dataset: Dataset?
    /// How many rows to preview.
    package var rowCount: Int

    /// Creates the job.
    package init(profilePath: String, extractPath: String, dataset: Dataset? = nil, rowCount: Int = 3) {
        self.profilePath = profilePath
        self.extractPath = extractPath
        self.dataset = dataset
        self.rowCount = rowCount
    }

    /// The outcome: the check and its report text.
    package struct Outcome: Sendable {
        /// The check.
        package var check: ProfileCheck
        /// The report for the terminal.
        package var report: String
        /// Whether a required field is unmapped or a previewed row would be rejected.
        package var hasProblems: Bool
    }

    /// Runs the check.
    /// - Throws: ``ImportError`` when the profile or the file cannot be read or recognised.
    package func run() throws -> Outcome {
        let profile = try MappingProfile(contentsOf: profilePath)
        let check = try ProfileCheck.run(profile: profile, path: extractPath, dataset: dataset, rowCount: rowCount)
        let problems = !check.unmappedRequired.isEmpty || check.rows.contains { $0.rejection != nil }
        return Outcome(
            check: check, report: Self.render(check, profile: profile, path: extractPath), hasProblems: problems)
    }

    static func render(_ check: ProfileCheck, profile: MappingProfile, path: String) -> String {
        var lines = ["Profile '\(profile.name)' on \(path)", "  recognised as \(check.layout)", "", "Fields:"]
        let width = (check.mappings.map { $0.field.rawValue.count }.max() ?? 10) + 2
        for mapping in check.mappings {
            let name = mapping.field.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
            let source: String
            if let column = mapping.column {
                source = "← \"\(column)\""
            } else if !mapping.profileNames.isEmpty {
                source = "✗ profile says \"\(mapping.profileNames.joined(separator: "\" or \""))\", not in the file"
            } else {
                source = mapping.isRequired ? "✗ not mapped" : "– not mapped"
            }
            lines.append("  \(mapping.isRequired ? "*" : " ") \(name)\(source)")
        }
        lines.append("  (* required)")
        if check.unmappedRequired.isEmpty {
            lines.append("All required fields are mapped.")
        } else {
            lines.append("Required fields unmapped: " + check.unmappedRequired.map(\.rawValue).joined(separator: ", "))
        }
        if !check.unusedColumns.isEmpty {
            lines.append(
                "Columns not used (ignored): " + check.unusedColumns.map { "\"\($0)\"" }.joined(separator: ", "))
        }
        for row in check.rows {
            lines.append("")
            lines.append("Line \(row.line): " + (row.rejection.map { "would be REJECTED: \($0)" } ?? "reads"))
            for field in row.fields {
                lines.append(
                    "    \(field.field.rawValue.padding(toLength: width, withPad: " ", startingAt: 0))\(field.shown)")
            }
        }
        return lines.joined(separator: "\n")
    }
}

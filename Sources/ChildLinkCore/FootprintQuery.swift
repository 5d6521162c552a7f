package import ChildLinkModel
package import ChildLinkReports
import Foundation

/// How the user asked for a child.
package enum FootprintQuery: Sendable, Hashable, CustomStringConvertible {
    /// A name (`Forename Surname`, or `Surname, Forename`) and, optionally, a date of birth: fuzzy,
    /// scored with the matcher's comparisons against every record.
    case name(forename: String, surname: String, dateOfBirth: CalendarDate?)
    /// A UPN (current or former).
    case upn(String)
    /// An NHS number.
    case nhsNumber(String)
    /// A source system's person id.
    case personID(String)
    /// A ChildLink id (followed through merges when a store is used).
    case childID(ChildLinkID)

    /// Reads `--name` (`Forename Surname` or `Surname, Forename`) with an optional `--dob`.
    ///
    /// - Throws: ``CoreError/badQuery(_:)`` when the name has one word.
    package static func name(_ text: String, dob date: CalendarDate?) throws -> FootprintQuery {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let comma = trimmed.firstIndex(of: ",") {
            let surname = trimmed[..<comma].trimmingCharacters(in: .whitespaces)
            let forename = trimmed[trimmed.index(after: comma)...].trimmingCharacters(in: .whitespaces)
            if !surname.isEmpty, !forename.isEmpty {
                return .name(forename: forename, surname: surname, dateOfBirth: date)
            }
        }
        let words = trimmed.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count >= 2 else {
            throw CoreError.badQuery(
                "--name needs a forename and a surname: \"Forename Surname\" or \"Surname, Forename\".")
        }
        return .name(
            forename: words.dropLast().joined(separator: " "), surname: String(words.last!), dateOfBirth: date)
    }

    /// The query as the user gave it, for the footprint's header and the audit log.
    package var description: String {
        switch self {
        case .name(let forename, let surname, let dob):
            "--name \"\(forename) \(surname)\"" + (dob.map { " --dob \($0.iso)" } ?? "")
        case .upn(let value): "--upn \(value)"
        case .nhsNumber(let value): "--nhs \(value)"
        case .personID(let value): "--person-id \(value)"
        case .childID(let id): "--child-id \(id)"
        }
    }
}

/// The formats a footprint is written in.
package enum FootprintFormat: String, Sendable, CaseIterable {
    /// Plain text for a terminal (the default).
    case text
    /// One self-contained HTML page.
    case html
    /// One JSON document.
    case json
}

/// A child that may be the one asked for, with how well they match.
package struct FootprintCandidate: Sendable, Hashable {
    /// The child.
    package let childID: ChildLinkID
    /// The probability that the query is this child (1 for an identifier match).
    package let probability: Double
    /// The child's record that matched best.
    package let bestRecord: RecordKey
    /// How that record has the child (name and date of birth), to help the user choose.
    package let recordedAs: String
    /// How many records the child has.
    package let records: Int
}

/// What a footprint lookup found.
package enum FootprintResult: Sendable {
    /// One child: their footprint.
    case found(Footprint)
    /// Several children match about as well: the user should refine the query.
    case ambiguous([FootprintCandidate])
    /// No child matches.
    case notFound
}

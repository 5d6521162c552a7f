package import ChildLinkModel
package import ChildLinkReports
import Foundation

/// How the user asked for a child.
package enum FootprintQuery: Sendable, Hashable, CustomStringConvertible {
    /// A name (`Forename Surname`, or `Surname, Forename`) and, optionally, a date of birth: fuzzy,
    /// scored with the matcher's comparisons against every record.
    case name(forename: String, surname: String, dateOfBirth: CalendarDate?)
    /// A name and an age in whole years (or a range of ages) on a given day, for when the date of
    /// birth is not known: the name scored as for `name`, the age weighed as evidence (``AgeEvidence``).
    case nameWithAge(forename: String, surname: String, age: AgeRange, on: CalendarDate)
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
        let (forename, surname) = try splitName(text)
        return .name(forename: forename, surname: surname, dateOfBirth: date)
    }

    /// Reads `--name` with `--age`: the child's age in whole years on `day` (today, as a rule).
    ///
    /// - Throws: ``CoreError/badQuery(_:)`` when the name has one word.
    package static func name(_ text: String, age: AgeRange, on day: CalendarDate) throws -> FootprintQuery {
        let (forename, surname) = try splitName(text)
        return .nameWithAge(forename: forename, surname: surname, age: age, on: day)
    }

    private static func splitName(_ text: String) throws -> (forename: String, surname: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let comma = trimmed.firstIndex(of: ",") {
            let surname = trimmed[..<comma].trimmingCharacters(in: .whitespaces)
            let forename = trimmed[trimmed.index(after: comma)...].trimmingCharacters(in: .whitespaces)
            if !surname.isEmpty, !forename.isEmpty { return (forename, surname) }
        }
        let words = trimmed.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count >= 2 else {
            throw CoreError.badQuery(
                "--name needs a forename and a surname: \"Forename Surname\" or \"Surname, Forename\".")
        }
        return (words.dropLast().joined(separator: " "), String(words.last!))
    }

    /// The query as the user gave it, for the footprint's header and the audit log; dates as people
    /// write them (`--dob 24/01/2002`), whichever form was typed.
    package var description: String {
        switch self {
        case .name(let forename, let surname, let dob):
            "--name \"\(forename) \(surname)\"" + (dob.map { " --dob \($0.uk)" } ?? "")
        case .nameWithAge(let forename, let surname, let age, let day):
            "--name \"\(forename) \(surname)\" --age \(age) (on \(day.uk))"
        case .upn(let value): "--upn \(value)"
        case .nhsNumber(let value): "--nhs \(value)"
        case .personID(let value): "--person-id \(value)"
        case .childID(let id): "--child-id \(id)"
        }
    }

    /// What to try when no child matches, in the command line's words (its flags): for an
    /// identifier that cannot be one (a UPN or NHS number that fails its own check), why, since no
    /// record holds it as typed.
    package var notFoundHint: String { notFoundHint(in: .commandLine) }

    /// What to try when no child matches, in the words of the place the query was typed: the
    /// command line names its flags (`--dob`), the desk its search form's fields (date of birth).
    package func notFoundHint(in place: QueryPlace) -> String {
        let byName = place == .commandLine ? "--name and --dob" : "name and date of birth"
        switch self {
        case .name, .nameWithAge:
            return place == .commandLine
                ? "Try another spelling, add or drop --dob, or use an identifier."
                : "Try another spelling, give or clear the date of birth or age, or search by an identifier."
        case .upn(let text): return Self.identifierHint(UPN(text)?.problem, kind: "UPN", byName: byName)
        case .nhsNumber(let text):
            return Self.identifierHint(NHSNumber(text)?.problem, kind: "NHS number", byName: byName)
        case .personID: return "Check the id is the one the system shows, or search by \(byName)."
        case .childID: return "Check the ChildLink id (CL followed by digits), or search by \(byName)."
        }
    }

    private static func identifierHint(_ problem: IdentifierProblem?, kind: String, byName: String) -> String {
        guard let problem else { return "Check the \(kind), or search by \(byName)." }
        return "This is not a valid \(kind) (\(problem.rawValue)): check it was copied whole, or search by "
            + "\(byName)."
    }

    /// Whether the query is a name (with a date of birth, an age or neither).
    package var isName: Bool {
        switch self {
        case .name, .nameWithAge: true
        default: false
        }
    }

    /// What a UPN, NHS number or person id query looks for, written as records hold it (a UPN in
    /// upper case without spaces or punctuation, an NHS number's digits, a person id trimmed);
    /// `nil` for a name or a ChildLink id.
    package var identifier: PersonIdentifier? {
        switch self {
        case .upn(let text): .upn(text.uppercased().filter { $0.isLetter || $0.isNumber })
        case .nhsNumber(let text): .nhsNumber(text.filter(\.isNumber))
        case .personID(let text): .personID(text.trimmingCharacters(in: .whitespaces))
        case .name, .nameWithAge, .childID: nil
        }
    }
}

/// Where a footprint query was typed, so that advice names what the user sees there.
package enum QueryPlace: Sendable {
    /// `childlink footprint`: its flags.
    case commandLine
    /// The review desk's search form: its fields.
    case desk
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
package enum FootprintResult: Sendable, Equatable {
    /// One child: their footprint.
    case found(Footprint)
    /// Several children match about as well: the user should refine the query.
    case ambiguous([FootprintCandidate])
    /// No child matches.
    case notFound
}

/// The datasets ChildLink links. The first four are the strands of the Inclusion Scorecard;
/// ``socialCare`` holds child identities from the CIN census, used to enrich matching.
package enum Dataset: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
    /// Missing from home or care episodes (Liquidlogic LCS, SSDA903 Missing).
    case missing = "Missing"
    /// Children Missing Education referrals.
    case cme = "CME"
    /// Elective Home Education records.
    case ehe = "EHE"
    /// School suspensions and permanent exclusions.
    case exclusions = "Exclusions"
    /// Children known to social care (CIN census).
    case socialCare = "SocialCare"

    /// The four strands counted in the overlap statistics.
    package static let strands: [Dataset] = [.missing, .cme, .ehe, .exclusions]

    /// A short human title, e.g. "Children Missing Education".
    package var title: String {
        switch self {
        case .missing: "Missing from home or care"
        case .cme: "Children Missing Education"
        case .ehe: "Elective Home Education"
        case .exclusions: "School exclusions"
        case .socialCare: "Known to social care (CIN census)"
        }
    }

    /// Reads the name as written in `truth.csv`, a flag or a file name (`missing`, `CME`, …).
    package init?(name: some StringProtocol) {
        let key = name.lowercased().filter { $0.isLetter }
        switch key {
        case "missing", "missingepisodes", "episodes": self = .missing
        case "cme", "childrenmissingeducation", "cmereferrals": self = .cme
        case "ehe", "electivehomeeducation", "eherecords": self = .ehe
        case "exclusions", "exclusion", "suspensions": self = .exclusions
        case "socialcare", "cin", "cincensus": self = .socialCare
        default: return nil
        }
    }

    /// Declaration order (``keyOrderRank``).
    package static func < (lhs: Dataset, rhs: Dataset) -> Bool {
        lhs.keyOrderRank < rhs.keyOrderRank
    }
}

/// Identifies one source record: its dataset and the record id the extract gave it
/// (EpisodeID, ReferralID, EHEID, ExclusionID, or the LA child id for social care).
package struct RecordKey: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// The dataset the record came from.
    package let dataset: Dataset
    /// The record id, unique within the dataset.
    package let recordID: String

    /// Creates a key.
    package init(dataset: Dataset, recordID: String) {
        self.dataset = dataset
        self.recordID = recordID
    }

    /// `Missing:E000123`.
    package var description: String { "\(dataset.rawValue):\(recordID)" }

    /// Dataset, then record id.
    package static func < (lhs: RecordKey, rhs: RecordKey) -> Bool {
        lhs.precedes(rhs)
    }
}

/// A ChildLink id (`CL000123`): stable for a child from one weekly run to the next.
package struct ChildLinkID: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// The number behind the id.
    package let number: Int

    /// Creates the id with this number.
    package init(_ number: Int) { self.number = number }

    /// Reads `CL000123` (or a bare number).
    package init?(_ text: some StringProtocol) {
        let upper = text.uppercased()
        let digits = upper.hasPrefix("CL") ? upper.dropFirst(2) : Substring(upper)
        guard let number = Int(digits), number >= 0 else { return nil }
        self.number = number
    }

    /// `CL000123`.
    package var description: String { "CL" + CalendarDate.pad(number, 6) }

    package static func < (lhs: ChildLinkID, rhs: ChildLinkID) -> Bool { lhs.number < rhs.number }
}

/// Where in an input file a record or a problem was found.
package struct SourceLocation: Hashable, Sendable, CustomStringConvertible, Codable {
    /// The file path as given on the command line.
    package let file: String
    /// The 1-based line (CSV: the line the record starts on; XML: the element's line).
    package let line: Int
    /// The XML element path, e.g. `/MissingEpisodes/Episode[12]`, when the source is XML.
    package let elementPath: String?

    /// Creates a location.
    package init(file: String, line: Int, elementPath: String? = nil) {
        self.file = file
        self.line = line
        self.elementPath = elementPath
    }

    /// `file:line`.
    package var description: String { "\(file):\(line)" }
}

/// A child's sex or gender as recorded, normalised across the codings the sources use.
package enum Gender: String, Sendable, Hashable, CaseIterable {
    /// Male.
    case male = "Male"
    /// Female.
    case female = "Female"
    /// Other.
    case other = "Other"
    /// Not known, not recorded, indeterminate.
    case unknown = "Unknown"

    /// Reads `Male`/`Female`/`Other`/`Unknown`, `M`/`F`/`U`, the DfE `1`/`2`/`0`/`9`, and labels
    /// such as `a) Male` or `1 - Male`. Returns `nil` for text that is none of these.
    package init?(code raw: some StringProtocol) {
        var text = raw.trimmingSpaces.lowercased().droppingCodePrefix
        if text.count > 3, text.dropFirst().hasPrefix(") ") { text = String(text.dropFirst(3)) }
        switch text.trimmingSpaces {
        case "male", "m", "1", "boy": self = .male
        case "female", "f", "2", "girl": self = .female
        case "other", "o", "non-binary", "nonbinary": self = .other
        case "unknown", "u", "0", "9", "not known", "not recorded", "indeterminate", "": self = .unknown
        default: return nil
        }
    }

    /// The one-letter DfE code (`M`, `F`, `U`); `Other` is written `U` as DfE returns do.
    package var dfeCode: String {
        switch self {
        case .male: "M"
        case .female: "F"
        case .other, .unknown: "U"
        }
    }
}

/// A DfE ethnicity code (`WBRI`, `WROM`, …), the main categories the scorecards count.
package struct EthnicityCode: Hashable, Sendable, CustomStringConvertible {
    /// The four-letter DfE code, e.g. `WROM`; unrecognised values are kept upper-cased.
    package let code: String

    /// The DfE's codes and their descriptions (CIN census and SSDA903 list).
    package static let descriptions: [String: String] = [
        "WBRI": "White British", "WIRI": "White Irish", "WOTH": "Any other White background",
        "WIRT": "Traveller of Irish heritage", "WROM": "Gypsy/Roma", "MWBC": "White and Black Caribbean",
        "MWBA": "White and Black African", "MWAS": "White and Asian", "MOTH": "Any other Mixed background",
        "AIND": "Indian", "APKN": "Pakistani", "ABAN": "Bangladeshi", "AOTH": "Any other Asian background",
        "BCRB": "Caribbean", "BAFR": "African", "BOTH": "Any other Black background", "CHNE": "Chinese",
        "OOTH": "Any other ethnic group", "REFU": "Refused", "NOBT": "Information not yet obtained",
    ]

    /// Labels from the Missing scorecard (`A1 - White British`) and descriptions mapped to codes.
    static let labelCodes: [String: String] = {
        var map: [String: String] = [:]
        for (code, description) in descriptions { map[description.lowercased()] = code }
        map["white - british"] = "WBRI"
        map["white british"] = "WBRI"
        map["gypsy / roma"] = "WROM"
        map["roma"] = "WROM"
        map["not obtained"] = "NOBT"
        map["information refused"] = "REFU"
        return map
    }()

    /// Reads a DfE code or a label such as `A1 - White British`. Returns `nil` for an empty field.
    package init?(_ raw: some StringProtocol) {
        let text = raw.trimmingSpaces
        guard !text.isEmpty else { return nil }
        let upper = text.uppercased()
        if Self.descriptions[upper] != nil {
            code = upper
            return
        }
        let label = text.lowercased().droppingCodePrefix
        code = Self.labelCodes[String(label.trimmingSpaces)] ?? upper
    }

    /// Whether the code is on the DfE list.
    package var isKnown: Bool { Self.descriptions[code] != nil }

    /// The DfE description, e.g. `Gypsy/Roma`, or the code itself when unknown.
    package var label: String { Self.descriptions[code] ?? code }

    /// Whether the code counts towards "total BME" in the scorecards (all but White British,
    /// refused and not obtained).
    package var isBME: Bool { isKnown && !["WBRI", "REFU", "NOBT"].contains(code) }

    package var description: String { code }
}

extension String {
    /// The label after a `code - ` prefix (`A1 - White British` → `White British`), else itself.
    var droppingCodePrefix: String {
        let parts = split(separator: " - ", maxSplits: 1, omittingEmptySubsequences: false)
        return parts.count == 2 ? String(parts[1]) : self
    }
}

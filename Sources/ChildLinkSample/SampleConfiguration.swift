package import ChildLinkModel

/// How much a record's copy of a child's identity differs from the truth.
package enum NoiseLevel: String, Sendable, Hashable, CaseIterable {
    /// Careful data entry: roughly half the default rates.
    case low
    /// What a real council's extracts look like.
    case standard = "default"
    /// Messy data: two and a half times the default rates.
    case high

    /// The factor applied to every corruption probability.
    var factor: Double {
        switch self {
        case .low: 0.4
        case .standard: 1
        case .high: 2.5
        }
    }
}

/// What to generate: the size of the borough's cohort, the seed and the shape of the extracts.
package struct SampleConfiguration: Sendable, Hashable {
    /// The number of children in the cohort (every one appears in at least one extract).
    package var children: Int
    /// When set, households are added until the four extracts hold at least this many records,
    /// and ``children`` is ignored.
    package var targetRecords: Int?
    /// The seed: the same seed and settings give byte-identical files.
    package var seed: UInt64
    /// The last day of the extracts (events fall in the 24 months up to it); never "today".
    package var endDate: CalendarDate
    /// How noisy each record's copy of the child's identity is.
    package var noise: NoiseLevel
    /// The share of records (0–1) written to the XML file of their dataset instead of the CSV.
    package var xmlShare: Double

    /// The default end date, Sunday 30 June 2019, the end of the seed reports' year.
    package static let defaultEndDate = CalendarDate(year: 2019, month: 6, day: 30)!

    /// Creates a configuration.
    package init(
        children: Int = 3000, targetRecords: Int? = nil, seed: UInt64 = 2019,
        endDate: CalendarDate = SampleConfiguration.defaultEndDate, noise: NoiseLevel = .standard,
        xmlShare: Double = 0.2
    ) {
        self.children = children
        self.targetRecords = targetRecords
        self.seed = seed
        self.endDate = endDate
        self.noise = noise
        self.xmlShare = xmlShare
    }
}

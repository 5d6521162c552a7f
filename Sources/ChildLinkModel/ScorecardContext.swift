/// The scorecards a council's context files (targets, commentary, benchmarks) speak about: the
/// top-level keys of those files.
package enum ScorecardName: String, CaseIterable, Hashable, Sendable {
    /// The Missing from Home and Care monthly scorecard.
    case missing
    /// The CME quarterly scorecard.
    case cme
    /// The EHE summary.
    case ehe
    /// The exclusions summary.
    case exclusions
    /// The Inclusion Scorecard (its one indicator: the cross-referenced cohort, `cohort`).
    case inclusion
}

/// Which way an indicator should go: the seeds' "good performance is" column.
package enum Polarity: String, CaseIterable, Hashable, Sendable {
    /// Higher is better.
    case higher
    /// Lower is better.
    case lower
    /// For information: neither direction is better, and there is no RAG.
    case info

    /// The word a scorecard prints in its "Good is" column.
    package var label: String {
        switch self {
        case .higher: "Higher"
        case .lower: "Lower"
        case .info: "Info"
        }
    }
}

/// A red, amber or green rating against a target.
package enum RAGStatus: String, CaseIterable, Hashable, Sendable {
    /// Short of the target by more than the red tolerance.
    case red = "Red"
    /// Short of the target by more than the amber tolerance, but not the red one.
    case amber = "Amber"
    /// On target, better, or short by no more than the amber tolerance.
    case green = "Green"
}

/// A council's target for one indicator, with the tolerances that set its RAG rating.
///
/// The shortfall is how far the value is on the wrong side of the target (target − value when
/// higher is better, value − target when lower is better; negative when better than the target).
/// Green when the shortfall is at most `amber`, Amber when it is at most `red`, Red beyond: a value
/// exactly on a boundary takes the better colour. Tolerances are in the indicator's own units
/// (percentage points for an indicator shown as a percentage).
package struct IndicatorTarget: Hashable, Sendable {
    /// Which way is better.
    package var polarity: Polarity
    /// The target, when one is set (never for ``Polarity/info``).
    package var target: Double?
    /// The shortfall tolerated before the rating turns Amber (0 when not given).
    package var amber: Double
    /// The shortfall tolerated before the rating turns Red (at least ``amber``).
    package var red: Double

    /// Creates a target.
    package init(polarity: Polarity, target: Double? = nil, amber: Double = 0, red: Double = 0) {
        self.polarity = polarity
        self.target = target
        self.amber = amber
        self.red = red
    }

    /// The rating of `value`, or `nil` for an information-only indicator or one without a target.
    package func status(of value: Double) -> RAGStatus? {
        guard let target else { return nil }
        let shortfall: Double
        switch polarity {
        case .higher: shortfall = target - value
        case .lower: shortfall = value - target
        case .info: return nil
        }
        if shortfall <= amber { return .green }
        return shortfall <= red ? .amber : .red
    }
}

/// Published comparators for one indicator, copied by the council from the DfE's statistics.
package struct IndicatorBenchmark: Hashable, Sendable {
    /// The statistical neighbours' average.
    package var statisticalNeighbours: Double?
    /// England.
    package var england: Double?
    /// The council's own figure for the previous year.
    package var lastYear: Double?

    /// Creates a benchmark.
    package init(statisticalNeighbours: Double? = nil, england: Double? = nil, lastYear: Double? = nil) {
        self.statisticalNeighbours = statisticalNeighbours
        self.england = england
        self.lastYear = lastYear
    }
}

/// A sub-locality of the council and the area it is in (`Central`, `Clifton`).
package struct Locality: Hashable, Sendable {
    /// The area (`North`, `South`, `Central`).
    package var area: String
    /// The sub-locality within it.
    package var name: String

    /// Creates a locality.
    package init(area: String, name: String) {
        self.area = area
        self.name = name
    }

    /// `Central – Clifton`.
    package var label: String { "\(area) – \(name)" }
}

/// What a council tells ChildLink about its scorecards beyond the extracts: targets, commentary and
/// benchmarks, each keyed by scorecard and indicator reference (`5.3a`, `1a`). Empty when the
/// council gives no files.
package struct ScorecardContext: Hashable, Sendable {
    /// Targets and polarity, per scorecard and indicator.
    package var targets: [ScorecardName: [String: IndicatorTarget]]
    /// Commentary per scorecard, period (its slug: `2019-06`, `2018Q4`, `2018-19`) and indicator
    /// reference: the Comments column.
    package var commentary: [ScorecardName: [String: [String: String]]]
    /// The "Performance analysis" narrative per scorecard, period (slug) and group reference (`14`).
    package var analysis: [ScorecardName: [String: [String: String]]]
    /// Benchmarks per scorecard and indicator.
    package var benchmarks: [ScorecardName: [String: IndicatorBenchmark]]
    /// Where the benchmarks were copied from (`source:` in the file), printed under the tables.
    package var benchmarkSource: String?
    /// The locality of each postcode sector (`S60 1`), for the CME scorecard's locality rows.
    package var localities: [String: Locality] = [:]
    /// The localities in the file's order (areas in order of first appearance).
    package var localityOrder: [Locality] = []

    /// Creates a context; every part empty by default.
    package init(
        targets: [ScorecardName: [String: IndicatorTarget]] = [:],
        commentary: [ScorecardName: [String: [String: String]]] = [:],
        analysis: [ScorecardName: [String: [String: String]]] = [:],
        benchmarks: [ScorecardName: [String: IndicatorBenchmark]] = [:], benchmarkSource: String? = nil
    ) {
        self.targets = targets
        self.commentary = commentary
        self.analysis = analysis
        self.benchmarks = benchmarks
        self.benchmarkSource = benchmarkSource
    }
}

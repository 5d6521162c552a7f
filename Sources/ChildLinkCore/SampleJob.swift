import ChildLinkFiles
package import ChildLinkModel
package import ChildLinkSample
import Foundation
package import Logging

/// `childlink sample`: generates the deterministic synthetic borough and writes its four extracts
/// and `truth.csv` into a folder.
package enum SampleJob {
    /// What to generate.
    package struct Options: Sendable {
        /// Children in the cohort; ignored when ``records`` is set.
        package var children: Int
        /// A target number of records instead of a number of children.
        package var records: Int?
        /// The seed.
        package var seed: UInt64
        /// The last day of the extracts.
        package var endDate: CalendarDate
        /// How messy the records are.
        package var noise: NoiseLevel
        /// The share of records written to the XML parts, 0–1.
        package var xmlShare: Double
        /// The folder to write into (created when missing).
        package var outputDirectory: String

        /// Creates options; the defaults are the committed sample's.
        package init(
            children: Int = 3000, records: Int? = nil, seed: UInt64 = 2019,
            endDate: CalendarDate = CalendarDate(year: 2019, month: 6, day: 30)!, noise: NoiseLevel = .standard,
            xmlShare: Double = 0.2, outputDirectory: String
        ) {
            self.children = children
            self.records = records
            self.seed = seed
            self.endDate = endDate
            self.noise = noise
            self.xmlShare = xmlShare
            self.outputDirectory = outputDirectory
        }

        /// The first thing wrong with the options, in words for the person who typed them.
        package var problem: String? {
            if !(1...5_000_000).contains(children) { return "--children must be between 1 and 5,000,000." }
            if let records, !(1...20_000_000).contains(records) {
                return "--records must be between 1 and 20,000,000."
            }
            if !(0...1).contains(xmlShare) { return "--xml-share must be between 0 and 1 (e.g. 0.2 for 20%)." }
            if outputDirectory.isEmpty { return "--out needs a folder." }
            return nil
        }

        var configuration: SampleConfiguration? {
            guard problem == nil else { return nil }
            return SampleConfiguration(
                children: children, targetRecords: records, seed: seed, endDate: endDate, noise: noise,
                xmlShare: xmlShare)
        }
    }

    /// What the run wrote.
    package struct Result: Sendable {
        /// Children in the cohort.
        package let children: Int
        /// Households.
        package let households: Int
        /// Records per dataset, in file order (`Missing`, `CME`, `EHE`, `Exclusions`).
        package let recordsPerDataset: [(dataset: String, records: Int)]
        /// The files written, as paths.
        package let files: [String]
        /// Wall-clock seconds.
        package let seconds: Double

        /// The summary printed by the command.
        package var report: String {
            var lines = ["Generated \(children) children in \(households) households:"]
            for (dataset, records) in recordsPerDataset {
                lines.append("  \(dataset.padding(toLength: 11, withPad: " ", startingAt: 0)) \(records) records")
            }
            lines.append("  total       \(recordsPerDataset.map(\.records).reduce(0, +)) records")
            lines.append("Files:")
            lines += files.map { "  \($0)" }
            lines.append("Took \(String(format: "%.2f", seconds)) s.")
            return lines.joined(separator: "\n")
        }
    }

    /// Generates the sample into `options.outputDirectory`.
    /// - Throws: ``CoreError`` for bad options or an uncreatable folder; `SampleError` when a file
    ///   cannot be written.
    package static func run(_ options: Options, logger: Logger) throws -> Result {
        guard let configuration = options.configuration else {
            throw CoreError.invalidOptions(options.problem ?? "invalid options")
        }
        do {
            try PrivateFolder.create(atPath: options.outputDirectory)
        } catch {
            throw CoreError.cannotCreateFolder(path: options.outputDirectory, cause: error)
        }
        logger.debug("sample: generating into \(options.outputDirectory), seed \(options.seed)")
        let start = ContinuousClock.now
        let summary = try SamplePopulation.write(configuration, to: options.outputDirectory)
        let seconds = Pipeline.seconds(since: start)
        logger.debug("sample: \(summary.totalRecords) records in \(seconds) s")
        let directory = options.outputDirectory.hasSuffix("/") ? options.outputDirectory : options.outputDirectory + "/"
        return Result(
            children: summary.children, households: summary.households,
            recordsPerDataset: SampleLayout.datasets.map { ($0.rawValue, summary.records[$0] ?? 0) },
            files: summary.files.map { directory + $0 }, seconds: seconds)
    }
}

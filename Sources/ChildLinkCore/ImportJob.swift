package import ChildLinkImport
package import ChildLinkModel
package import Logging

/// The import stage of every pipeline (`check`, `link`, `weekly`): reads extract files and folders
/// into `SourceRecord`s with per-file summaries, rejects and diagnostics, logging what it read
/// (files, counts and timings only; never personal data).
///
/// ```swift
/// let result = try ImportJob(paths: ["extracts/"], logger: logger).run()
/// let records = result.records  // sorted by key
/// ```
package struct ImportJob: Sendable {
    /// Files and folders to read.
    package var paths: [String]
    /// The import options (dataset, profile, whether to keep the records).
    package var options: ImportOptions
    /// Where progress is logged.
    package var logger: Logger

    /// Creates the job.
    package init(paths: [String], options: ImportOptions = ImportOptions(), logger: Logger) {
        self.paths = paths
        self.options = options
        self.logger = logger
    }

    /// Creates the job, reading the profile at `profilePath` when one is given.
    /// - Throws: `ImportError.invalidProfile` or `.unreadableFile` for the profile.
    package init(
        paths: [String], dataset: Dataset? = nil, profilePath: String? = nil, retainRecords: Bool = true,
        logger: Logger
    ) throws {
        let profile = try profilePath.map { try MappingProfile(contentsOf: $0) }
        self.init(
            paths: paths, options: ImportOptions(dataset: dataset, profile: profile, retainRecords: retainRecords),
            logger: logger)
    }

    /// Reads the files.
    /// - Throws: `ImportError.noSuchPath` when a path does not exist; problems inside files are in
    ///   the result.
    package func run() throws -> ImportResult {
        let started = ContinuousClock.now
        let result = try ExtractReader(options: options).read(paths: paths)
        for file in result.files {
            let layout = file.layout.map { "\($0)" } ?? "not recognised"
            logger.debug(
                "imported \(file.path): \(layout); read \(file.recordsRead), imported \(file.imported), duplicates \(file.duplicates), rejected \(file.rejected)"
            )
            if let error = file.error { logger.debug("\(error.errorDescription ?? "\(error)")") }
        }
        let elapsed = LinkJob.format(Pipeline.seconds(since: started), 2)
        logger.debug("import: \(result.files.count) files, \(result.rejects.count) rejects in \(elapsed) s")
        return result
    }
}

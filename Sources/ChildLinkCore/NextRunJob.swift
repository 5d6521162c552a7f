package import ChildLinkStore
import Foundation
package import Logging

/// The next run for the latest extracts, as the store recorded them: what `childlink serve` starts
/// so that the decisions made since the latest run take effect. It is `link --store` on the same
/// files with the same profile and thresholds, through the same ``Pipeline`` (the run lock, one
/// write transaction: all or nothing). It refuses, writing nothing, when the store does not know
/// where the extracts are, or a file has moved, changed, or been added since.
package enum NextRunJob {
    /// Why the next run was not started, in plain words (file paths only, never personal data).
    package enum Refusal: Error, LocalizedError, Equatable {
        /// The latest run did not record its extracts.
        case unknown
        /// A recorded path is not there any more.
        case moved(String)
        /// A file's bytes differ from those the latest run read.
        case changed(String)
        /// A file is there that the latest run did not read.
        case added(String)

        package var errorDescription: String? {
            switch self {
            case .unknown:
                "The store does not record where the latest run's extracts are (the run was made before the store "
                    + "kept them, or not from extract files). Run 'childlink link' or 'weekly' with this store once "
                    + "from the command line; after that the desk can start the next run."
            case .moved(let path):
                "Nothing was started: \(path) is not there any more. The extracts have moved since the latest run: "
                    + "run 'childlink weekly' or 'link' with this store on them where they are now."
            case .changed(let path):
                "Nothing was started: \(path) has changed since the latest run read it. New extracts are a new week: "
                    + "run 'childlink weekly' with this store on them from the command line."
            case .added(let path):
                "Nothing was started: \(path) was not part of the latest run. New extracts are a new week: run "
                    + "'childlink weekly' with this store on them from the command line."
            }
        }
    }

    /// A next run that passed the checks, ready to start.
    package struct Prepared: Sendable {
        /// The run it repeats.
        package let latestRunID: Int
        /// What that run recorded.
        package let recorded: RunInputs
        /// The pipeline request for the next run.
        let request: PipelineRequest
    }

    /// What the next run did.
    package struct Outcome: Sendable, Hashable {
        /// The run recorded.
        package let runID: Int
        /// Merges and splits made by reviewer decisions.
        package let decisionsApplied: Int
        /// The children after the run.
        package let children: Int
    }

    /// How long the next run waits for another run holding the store.
    package static let storeWait = Duration.seconds(5)

    /// What the store records about the latest run's extracts, if anything.
    ///
    /// - Throws: ``CoreError/noStore(path:)``, `StoreError`.
    package static func latest(storePath: String) throws -> (runID: Int, inputs: RunInputs)? {
        try StoreJob.openExisting(at: storePath).latestRunInputs()
    }

    /// Checks that the latest run's extracts are where it read them and unchanged.
    ///
    /// - Throws: ``Refusal``; `StoreError` when the store cannot be read.
    package static func prepare(storePath: String) throws -> Prepared {
        let store = try StoreJob.openExisting(at: storePath)
        guard let (runID, recorded) = try store.latestRunInputs() else { throw Refusal.unknown }
        for path in recorded.inputs + [recorded.profilePath].compactMap({ $0 })
        where !FileManager.default.fileExists(atPath: path) {
            throw Refusal.moved(path)
        }
        for file in recorded.files {
            guard FileManager.default.fileExists(atPath: file.path) else { throw Refusal.moved(file.path) }
            guard (try? SHA256Fingerprint.hex(ofFileAt: file.path)) == file.sha256 else {
                throw Refusal.changed(file.path)
            }
        }
        var options = LinkJob.Options(
            linkThreshold: recorded.linkThreshold, reviewThreshold: recorded.reviewThreshold)
        options.twinGuard = recorded.twinGuard
        var request = PipelineRequest(
            inputs: recorded.inputs, storePath: storePath, command: "link", note: "link (started from the desk)",
            options: options, profilePath: recorded.profilePath, storeWait: storeWait)
        request.strict = recorded.strict
        return Prepared(latestRunID: runID, recorded: recorded, request: request)
    }

    /// Runs the prepared run; `progress` hears each step (`reading the extracts`, `linking …`).
    ///
    /// - Throws: ``Refusal/added(_:)`` or ``Refusal/changed(_:)`` when the files read are not those
    ///   recorded (nothing is written then); what ``Pipeline/run(_:logger:beforeCommit:beforeLinking:)`` throws.
    package static func run(
        _ prepared: Prepared, logger: Logger, progress: @escaping @Sendable (String) -> Void
    ) throws -> Outcome {
        let tapped = Logger(label: logger.label) { _ in ProgressTap(forward: logger, progress: progress) }
        let outcome = try Pipeline.run(
            prepared.request, logger: tapped,
            beforeLinking: { extracts in
                let read = Set(extracts.runInputs?.files ?? [])
                let recorded = Set(prepared.recorded.files)
                if let added = read.subtracting(recorded).map(\.path).sorted().first {
                    throw recorded.contains { $0.path == added } ? Refusal.changed(added) : Refusal.added(added)
                }
                if let missing = recorded.subtracting(read).map(\.path).sorted().first { throw Refusal.moved(missing) }
            })
        return Outcome(
            runID: outcome.storeRun?.runID ?? 0, decisionsApplied: outcome.storeRun?.decisionsApplied ?? 0,
            children: outcome.children.count)
    }
}

/// Passes every message on to a logger and tells `progress` each progress step.
struct ProgressTap: LogHandler {
    let forward: Logger
    let progress: @Sendable (String) -> Void
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        if event.metadata?[ProgressLine.metadataKey] == "step" { progress("\(event.message)") }
        forward.log(
            level: event.level, event.message, metadata: event.metadata, source: event.source, file: event.file,
            function: event.function, line: event.line)
    }
}

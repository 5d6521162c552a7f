import ChildLinkCore
import Foundation
import Logging
import Synchronization

/// The next run started from the desk (``NextRunJob``), working on its own thread inside the
/// server process while the pages show how far it has got. One at a time; the store's run lock
/// keeps it from overlapping a run from the command line.
final class DeskRunner: Sendable {
    /// Where the desk's run is.
    enum State: Sendable, Equatable {
        /// No run started from this desk yet.
        case idle
        /// Working: since when, and the latest step.
        case running(since: Date, step: String)
        /// Recorded.
        case finished(NextRunJob.Outcome)
        /// Not recorded, and why (plain words, no personal data).
        case failed(String)
    }

    private let state = Mutex(State.idle)
    private let storePath: String
    private let logger: Logger
    private let clock: @Sendable () -> Date

    init(storePath: String, logger: Logger, clock: @escaping @Sendable () -> Date) {
        self.storePath = storePath
        self.logger = logger
        self.clock = clock
    }

    /// The state now.
    var current: State { state.withLock { $0 } }

    /// Checks the latest run's extracts and starts the next run on them; the refusal's words when
    /// it cannot (another desk run going, the extracts unknown, moved or changed): nothing starts then.
    /// The start is written to the store's audit log (`serve run`) before the run begins.
    func start() -> String? {
        if case .running = current { return Self.busy }
        let prepared: NextRunJob.Prepared
        do {
            prepared = try NextRunJob.prepare(storePath: storePath)
            try AuditJob.record(
                storePath: storePath, command: "serve run",
                query: "link --store (the extracts of run \(prepared.latestRunID))", childIDs: [])
        } catch {
            return error.localizedDescription
        }
        let began = state.withLock { state -> Bool in
            if case .running = state { return false }
            state = .running(since: clock(), step: "starting")
            return true
        }
        guard began else { return Self.busy }
        let thread = Thread { [self] in work(prepared) }
        thread.name = "childlink desk run"
        thread.start()
        return nil
    }

    private static let busy = "A run started from this desk is still going: wait for it to finish."

    private func work(_ prepared: NextRunJob.Prepared) {
        do {
            let outcome = try NextRunJob.run(prepared, logger: logger) { step in
                self.state.withLock { state in
                    if case .running(let since, _) = state { state = .running(since: since, step: step) }
                }
            }
            logger.info("desk run recorded", metadata: ["run": "\(outcome.runID)"])
            state.withLock { $0 = .finished(outcome) }
        } catch {
            logger.notice("desk run failed", metadata: ["error": "\(type(of: error))"])
            state.withLock { $0 = .failed(error.localizedDescription) }
        }
    }
}

package import Foundation
import Hummingbird
package import Logging
import NIOCore

/// `childlink serve`: the review desk and the footprint search over a history store, on a
/// loopback address only, behind a one-time link and a session cookie.
package struct DeskServer: Sendable {
    /// What to serve and where.
    package struct Configuration: Sendable {
        /// The history store (it must exist).
        package var storePath: String
        /// The loopback address to listen on.
        package var host: DeskHost
        /// The port; 0 lets the system choose a free one (the tests use that).
        package var port: Int
        /// The time, for session idle timeouts (injectable for tests).
        package var clock: @Sendable () -> Date
        /// The folder of the latest reports (`weekly … --out FOLDER`), shown read-only; `nil` for none.
        package var reportsFolder: String?

        /// Creates a configuration.
        package init(
            storePath: String, host: DeskHost = .ipv4, port: Int = 8470, reportsFolder: String? = nil,
            clock: @escaping @Sendable () -> Date = { Date() }
        ) {
            self.reportsFolder = reportsFolder
            self.storePath = storePath
            self.host = host
            self.port = port
            self.clock = clock
        }
    }

    /// The default port.
    package static let defaultPort = 8470

    let configuration: Configuration
    let logger: Logger

    /// Creates the server; nothing listens until ``run(onReady:)``.
    package init(configuration: Configuration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Listens until the task is cancelled (or, from ``runUntilInterrupted(onReady:)``, until Ctrl-C),
    /// calling `onReady` with the one-time sign-in URL once the port is open.
    ///
    /// - Throws: when the address cannot be listened on.
    package func run(onReady: @escaping @Sendable (URL) async -> Void) async throws {
        try await application(onReady: onReady).run()
    }

    /// As ``run(onReady:)``, stopping gracefully on SIGINT or SIGTERM.
    ///
    /// - Throws: when the address cannot be listened on.
    package func runUntilInterrupted(onReady: @escaping @Sendable (URL) async -> Void) async throws {
        try await application(onReady: onReady).runService()
    }

    private func application(onReady: @escaping @Sendable (URL) async -> Void)
        -> some ApplicationProtocol
    {
        let token = DeskSessions.randomToken()
        let host = configuration.host
        let sessions = DeskSessions(startToken: token, clock: configuration.clock)
        var quiet = logger
        quiet.logLevel = max(logger.logLevel, .notice)
        return Application(
            responder: DeskResponder(
                routes: DeskRoutes(storePath: configuration.storePath, logger: logger, clock: configuration.clock),
                reports: ReportPages(folder: configuration.reportsFolder, storePath: configuration.storePath),
                sessions: sessions),
            configuration: ApplicationConfiguration(
                address: .hostname(host.rawValue, port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                await sessions.listening(on: port)
                await onReady(URL(string: "http://\(host.urlHost):\(port)/start?token=\(token)")!)
            },
            logger: quiet)
    }
}

extension DeskServer {
    /// Runs `body` to the end on a new task (on a ``DeskExecutor``) and waits for it: the bridge
    /// from the synchronous command line to the asynchronous server.
    ///
    /// - Throws: what `body` throws.
    package static func blocking(_ body: @escaping @Sendable () async throws -> Void) throws {
        let outcome = BlockingOutcome()
        let done = DispatchSemaphore(value: 0)
        Task(executorPreference: DeskExecutor()) {
            do { try await body() } catch { outcome.set(error) }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw error }
    }
}

/// The error a blocking run ended with, handed from its task to the waiting thread.
private final class BlockingOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?

    /// The error kept, if any.
    var error: (any Error)? { lock.withLock { stored } }

    /// Keeps `error`.
    func set(_ error: any Error) { lock.withLock { stored = error } }
}

import ChildLinkCore
import ChildLinkModel
import ChildLinkSample
import ChildLinkServer
import Foundation
import Logging
import Synchronization

/// A store made once from the synthetic borough (600 children, seed 2019; the same generator as
/// `childlink sample`), with two extra missing episodes — a child whose forename holds a `<script>`
/// element, and another Jo Tester born three years later — linked by the same pipeline as `weekly`.
/// Each test works on its own copy.
enum DeskFixture {
    /// The child with `<script>` in their name: the extra row appended to the missing extract.
    static let scriptRow =
        "9900001,,,,Jo<script>alert(1)</script>,,Tester,,,14/03/2006,Female,WBRI,S66 9NZ,1 Test Road,Rotherham,"
        + "E9900001,Missing,25/06/2019 10:00,26/06/2019 12:00,NAC,,Low,,Yes,Yes,,Police,Home\n"
        + "9900002,,,,Jo,,Tester,,,02/11/2009,Male,WBRI,S60 1AA,2 Other Road,Rotherham,"
        + "E9900002,Missing,26/06/2019 10:00,26/06/2019 20:00,NAC,,Low,,Yes,Yes,,Police,Home\n"

    /// The folder holding the linked store (`childlink.sqlite`), made on first use.
    static let template: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("childlink-desk-\(UUID())")
        let extracts = folder.appendingPathComponent("extracts")
        try! FileManager.default.createDirectory(at: extracts, withIntermediateDirectories: true)
        _ = try! SamplePopulation.write(SampleConfiguration(children: 600, seed: 2019), to: extracts.path)
        let missing = try! FileHandle(forWritingTo: extracts.appendingPathComponent("missing-episodes.csv"))
        missing.seekToEndOfFile()
        missing.write(Data(scriptRow.utf8))
        try! missing.close()
        _ = try! Pipeline.run(
            PipelineRequest(
                inputs: [extracts.path], storePath: folder.appendingPathComponent("childlink.sqlite").path,
                command: "weekly"),
            logger: ChildLinkLogging.logger(verbose: false))
        return folder
    }()

    /// A fresh copy of the linked store (with its WAL files) in its own folder; returns the store's path.
    static func copy() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("childlink-desk-copy-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: template.path)
        where name.hasPrefix("childlink.sqlite") {
            try FileManager.default.copyItem(
                at: template.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        return folder.appendingPathComponent("childlink.sqlite").path
    }
}

/// Every line the desk logged (message and metadata), to check it holds no personal data.
final class CapturedLog: Sendable {
    let lines = Mutex<[String]>([])

    /// A logger at debug level writing here.
    var logger: Logger {
        var logger = Logger(label: "desk-test") { _ in Handler(log: self) }
        logger.logLevel = .debug
        return logger
    }

    struct Handler: LogHandler {
        let log: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .debug

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:]) { $1 }
            log.lines.withLock { $0.append("\(event.message) \(all)") }
        }
    }
}

/// A settable clock, to move a session past its idle timeout.
final class TestClock: Sendable {
    let now = Mutex(Date(timeIntervalSince1970: 1_750_000_000))

    func advance(minutes: Double) { now.withLock { $0 += minutes * 60 } }
}

/// The desk running in this process on a free loopback port, stopped by ``stop()``.
struct RunningDesk {
    let task: Task<Void, any Error>
    let url: URL
    let client: DeskClient
    let storePath: String
    let log: CapturedLog
    let clock: TestClock

    /// Starts the desk over a fresh copy of the fixture store (or over `store`, which ``stop()``
    /// removes with its folder); waits up to 120 s for it to listen.
    static func start(reportsFolder: String? = nil, store: String? = nil) async throws -> RunningDesk {
        let storePath = try store ?? DeskFixture.copy()
        let log = CapturedLog()
        let clock = TestClock()
        let ready = Mutex<URL?>(nil)
        let server = DeskServer(
            configuration: DeskServer.Configuration(
                storePath: storePath, port: 0, reportsFolder: reportsFolder, clock: { clock.now.withLock { $0 } }),
            logger: log.logger)
        // On its own executor: the rest of the test run blocks the cooperative pool with synchronous work.
        let task = Task(executorPreference: DeskExecutor()) {
            try await server.run { url in ready.withLock { $0 = url } }
        }
        let deadline = ContinuousClock.now + .seconds(120)
        while ready.withLock({ $0 }) == nil {
            guard ContinuousClock.now < deadline else {
                task.cancel()
                throw DeskClient.Failure(description: "the desk did not start listening within 120 s")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        let url = ready.withLock { $0 }!
        return RunningDesk(
            task: task, url: url, client: DeskClient(port: url.port!), storePath: storePath, log: log, clock: clock)
    }

    /// The path and query of the one-time sign-in link.
    var startPath: String { url.path + "?" + (url.query ?? "") }

    /// Signs in with the one-time link; returns the session cookie (`name=value`).
    func signIn() async throws -> String {
        let reply = try await client.get(startPath)
        guard reply.status == 303, let cookie = reply.header("Set-Cookie")?.split(separator: ";").first else {
            throw DeskClient.Failure(description: "sign-in answered \(reply.status)")
        }
        return String(cookie)
    }

    /// The CSRF token in a page's forms.
    static func csrf(in html: String) throws -> String {
        guard let range = html.range(of: "name=\"csrf\" value=\"") else {
            throw DeskClient.Failure(description: "no CSRF field on the page")
        }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    /// Stops the server (waiting at most 10 s for it to close) and removes the store copy.
    func stop() async {
        task.cancel()
        let finished = Mutex(false)
        let server = task
        Task {
            _ = await server.result
            finished.withLock { $0 = true }
        }
        let deadline = ContinuousClock.now + .seconds(10)
        while !finished.withLock({ $0 }) && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: storePath).deletingLastPathComponent().path)
    }
}

import ChildLinkCore
import ChildLinkModel
import ChildLinkSample
import ChildLinkStore
import Foundation
import Logging
import Testing

/// Starting the next run from the desk (`POST /run/start`): the decisions made take effect; moved
/// or changed extracts are refused with nothing written.
@Suite("childlink serve: the next run started from the desk, over HTTP", .serialized)
struct DeskRunTests {
    /// Polls `/run/status` until the run is no longer running (at most `seconds`); the last JSON.
    static func waitForRun(_ desk: RunningDesk, cookie: String, seconds: Int = 300) async throws -> [String: Any] {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            let reply = try await desk.client.get("/run/status", cookie: cookie)
            let json = try #require(
                try JSONSerialization.jsonObject(with: Data(reply.body.utf8)) as? [String: Any])
            if json["state"] as? String != "running" { return json }
            try await Task.sleep(for: .milliseconds(250))
        }
        throw DeskClient.Failure(description: "the desk's run did not finish within \(seconds) s")
    }

    @Test("an accept made on the desk takes effect in the run the desk starts: the two children become one")
    func decisionTakesEffect() async throws {
        let desk = try await RunningDesk.start()
        defer { Task { await desk.stop() } }
        let cookie = try await desk.signIn()
        let queue = try await desk.client.get("/review", cookie: cookie).body
        let (a, b) = (try DeskReviewTests.field("a", in: queue), try DeskReviewTests.field("b", in: queue))
        let decided = try await desk.client.post(
            "/review/decide",
            form: [
                ("csrf", try RunningDesk.csrf(in: queue)), ("a", a), ("b", b), ("verdict", "accept"),
                ("note", "same child, checked with the school"), ("force", "yes"),
            ], cookie: cookie)
        #expect(decided.status == 303)
        let store = try ChildLinkStore(path: desk.storePath)
        let childA = try #require(ChildLinkID(a))
        let childB = try #require(ChildLinkID(b))
        #expect(try store.survivingID(of: childA) != store.survivingID(of: childB))
        let runsBefore = try store.runs().count

        let page = try await desk.client.get("/run", cookie: cookie)
        #expect(page.status == 200)
        #expect(page.body.contains("Start the next run"))
        #expect(page.body.contains(DeskFixture.template.appendingPathComponent("extracts").path))
        #expect(
            try await desk.client.post("/run/start", form: [("csrf", "forged")], cookie: cookie).status == 403)
        let started = try await desk.client.post(
            "/run/start", form: [("csrf", try RunningDesk.csrf(in: page.body))], cookie: cookie)
        #expect(started.status == 303)
        #expect(started.header("Location") == "/run")
        let running = try await desk.client.get("/run", cookie: cookie).body
        #expect(running.contains("<meta http-equiv=\"refresh\" content=\"2\">") || running.contains("recorded:"))

        let status = try await Self.waitForRun(desk, cookie: cookie)
        #expect(status["state"] as? String == "finished", "\(status)")
        #expect((status["decisionsApplied"] as? Int ?? 0) >= 1)
        let runs = try store.runs()
        #expect(runs.count == runsBefore + 1)
        #expect(runs.last?.note == "link (started from the desk)")
        #expect(status["run"] as? Int == runs.last?.id)
        #expect(try store.survivingID(of: childA) == store.survivingID(of: childB))
        let audit = try store.auditLog().filter { $0.command == "serve run" }
        #expect(audit.map(\.query) == ["link --store (the extracts of run \(runsBefore))"])
        #expect(audit.first?.user == store.user)
        let done = try await desk.client.get("/run", cookie: cookie).body
        #expect(done.contains("Run \(runs.last!.id) recorded"))
        await desk.stop()
    }

    @Test("changed, added or moved extracts: the desk says which file and records no run")
    func changedOrMoved() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("childlink-desk-run-\(UUID())")
        let extracts = folder.appendingPathComponent("extracts")
        try FileManager.default.createDirectory(at: extracts, withIntermediateDirectories: true)
        _ = try SamplePopulation.write(SampleConfiguration(children: 60, seed: 7), to: extracts.path)
        let storePath = folder.appendingPathComponent("childlink.sqlite").path
        _ = try Pipeline.run(
            PipelineRequest(inputs: [extracts.path], storePath: storePath, command: "weekly"),
            logger: ChildLinkLogging.logger(verbose: false))
        let desk = try await RunningDesk.start(store: storePath)
        defer { Task { await desk.stop() } }
        let cookie = try await desk.signIn()
        let store = try ChildLinkStore(path: storePath)
        let inputs = try #require(try store.latestRunInputs()).inputs
        #expect(inputs.inputs == [extracts.standardizedFileURL.path] && inputs.command == "weekly")
        let changed = try #require(inputs.files.first).path
        let csrf = try RunningDesk.csrf(in: try await desk.client.get("/run", cookie: cookie).body)

        // A file added to the folder is found only when the run reads the folder: the run fails, nothing is recorded.
        let added = extracts.appendingPathComponent("added-" + URL(fileURLWithPath: changed).lastPathComponent)
        try FileManager.default.copyItem(atPath: changed, toPath: added.path)
        let startedWithNewFile = try await desk.client.post("/run/start", form: [("csrf", csrf)], cookie: cookie)
        #expect(startedWithNewFile.status == 303)
        let failed = try await DeskRunTests.waitForRun(desk, cookie: cookie)
        #expect(failed["state"] as? String == "failed")
        #expect(
            failed["message"] as? String
                == "Nothing was started: \(added.standardizedFileURL.path) was not part of the latest run. New "
                + "extracts are a new week: run 'childlink weekly' with this store on them from the command line.")
        try FileManager.default.removeItem(at: added)

        let handle = try #require(FileHandle(forWritingAtPath: changed))
        handle.seekToEndOfFile()
        handle.write(Data("\n".utf8))
        try handle.close()
        let refused = try await desk.client.post("/run/start", form: [("csrf", csrf)], cookie: cookie)
        #expect(refused.status == 409)
        #expect(refused.body.contains("Nothing was started: \(changed) has changed since the latest run read it."))

        let moved = folder.appendingPathComponent("moved")
        try FileManager.default.moveItem(at: extracts, to: moved)
        let gone = try await desk.client.post("/run/start", form: [("csrf", csrf)], cookie: cookie)
        #expect(gone.status == 409)
        #expect(gone.body.contains("Nothing was started: \(extracts.standardizedFileURL.path) is not there any more."))

        #expect(try store.runs().count == 1)
        #expect(try store.auditLog().filter { $0.command == "serve run" }.count == 1)
        let status = try await desk.client.get("/run/status", cookie: cookie)
        #expect(status.body.hasPrefix("{\"message\":\"Nothing was started: "))
        #expect(status.header("Content-Type") == "application/json")
        await desk.stop()
    }
}

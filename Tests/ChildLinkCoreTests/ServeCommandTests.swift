import Foundation
import Testing

/// `childlink serve` refuses, before listening, what would expose the desk or serve nothing.
@Suite("childlink serve: the command line's refusals")
struct ServeCommandTests {
    @Test("an address other than loopback is refused with what to give instead", arguments: ["0.0.0.0", "192.168.1.5"])
    func notLoopback(host: String) throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try BuiltBinary.run(["serve", "--host", host], in: folder, timeout: .seconds(60))
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("--host \(host): the desk serves personal data about children"))
        #expect(outcome.stderr.contains("127.0.0.1, ::1 or localhost"))
        #expect(outcome.stdout.isEmpty)
    }

    @Test("a store that does not exist is named, and nothing listens")
    func noStore() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try BuiltBinary.run(["serve", "--store", "absent.sqlite"], in: folder, timeout: .seconds(60))
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("absent.sqlite"))
        #expect(!outcome.stdout.contains("http://"))
    }
}

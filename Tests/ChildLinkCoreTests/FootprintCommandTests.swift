import Foundation
import Testing

/// `childlink weekly --store` then `childlink footprint` on the built binary.
@Suite("childlink footprint: the built binary")
struct FootprintCommandTests {
    @Test("weekly records a run in the store; footprint finds a child in it, audits it, and refuses bad flags")
    func footprintFromStore() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = try BuiltBinary.run(["sample", "--children", "60", "--seed", "7", "--out", "borough"], in: folder)
        #expect(sample.status == 0, "\(sample.stderr)")
        let weekly = try BuiltBinary.run(
            [
                "weekly", "borough", "--week-ending", "2019-06-30", "--out", "pack", "--format", "csv", "--store",
                "s.sqlite",
            ],
            in: folder)
        #expect(weekly.status == 0, "\(weekly.stderr)")

        let found = try BuiltBinary.run(["footprint", "--store", "s.sqlite", "--child-id", "CL000001"], in: folder)
        #expect(found.status == 0, "\(found.stderr)")
        #expect(found.stdout.hasPrefix("Footprint of CL000001\nFound by: --child-id CL000001"))
        #expect(found.stderr.isEmpty)

        let nobody = try BuiltBinary.run(["footprint", "--store", "s.sqlite", "--name", "Zebedee Quux"], in: folder)
        #expect(nobody.status == 1)
        #expect(nobody.stdout.contains("No child matches"))

        let noOut = try BuiltBinary.run(
            ["footprint", "--store", "s.sqlite", "--upn", "X", "--format", "json"], in: folder)
        #expect(noOut.status == 64)
        #expect(noOut.stderr.contains("needs --out"))
        let twoQueries = try BuiltBinary.run(["footprint", "--upn", "X", "--nhs", "Y"], in: folder)
        #expect(twoQueries.status == 64)

        let byAge = try BuiltBinary.run(
            ["footprint", "--store", "s.sqlite", "--name", "Zebedee Quux", "--age", "7-9"], in: folder)
        #expect(byAge.status == 1, "\(byAge.stderr)")
        for (flags, words) in [
            (["--upn", "X", "--age", "7"], "--age goes with --name."),
            (["--name", "A B", "--age", "seven"], "not an age"),
            (["--name", "A B", "--age", "26"], "from 0 to 25"),
            (["--name", "A B", "--age", "7", "--dob", "2010-01-01"], "Give --dob or --age, not both."),
        ] {
            let refused = try BuiltBinary.run(["footprint", "--store", "s.sqlite"] + flags, in: folder)
            #expect(refused.status == 64, "\(flags)")
            #expect(refused.stderr.contains(words), "\(flags): \(refused.stderr)")
        }

        let audit = try BuiltBinary.run(["audit", "--store", "s.sqlite"], in: folder)
        #expect(audit.stdout.contains("footprint  --child-id CL000001  -> CL000001"))
        #expect(audit.stdout.contains("footprint  --name \"Zebedee Quux\" --age 7-9 (on "))
        #expect(audit.stdout.contains("footprint  --name \"Zebedee Quux\"  -> (none)"))

        let help = try BuiltBinary.run(["footprint", "--help"], in: folder)
        #expect(help.stdout.contains("AUDITED"))
    }

    @Test("from extracts without a store: the child is found, ids are per run, and the lookup is said to be unaudited")
    func fromExtracts() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = try BuiltBinary.run(["sample", "--children", "30", "--seed", "2", "--out", "borough"], in: folder)
        #expect(sample.status == 0)
        let outcome = try BuiltBinary.run(["footprint", "borough", "--no-store", "--child-id", "CL000002"], in: folder)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("Footprint of CL000002 (id numbered within this run)"))
        #expect(outcome.stderr.contains("not audited"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("childlink.sqlite").path))
    }

    @Test("without a store and without extracts there is nothing to search, and the message says what to give")
    func nothingToSearch() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try BuiltBinary.run(["footprint", "--upn", "A123"], in: folder)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("nothing to search"))
    }
}

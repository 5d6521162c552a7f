import Foundation
import Testing

/// A new user's first hour, on the built binary: the pseudonym key made on first use, `--profile`
/// on every command that reads extracts, and the errors and warnings about the data's dates.
@Suite("childlink's first hour: the built binary")
struct FirstHourTests {
    let folder: URL

    init() throws {
        folder = try BuiltBinary.temporaryFolder()
    }

    /// The repository's `SampleData` folder, beside the test sources.
    static let sampleData = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("SampleData")

    /// The council-headed missing extract and its profile (3 episodes: 03/06, 10/06 and 12/06/2019).
    static let councilExtract = sampleData.appendingPathComponent("examples/council/lcs-missing-example.csv").path
    static let councilProfile = sampleData.appendingPathComponent("profiles/example-lcs-missing.yaml").path

    func makeSample() throws -> String {
        let outcome = try BuiltBinary.run(
            ["sample", "--children", "80", "--seed", "7", "--out", "borough"], in: folder)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return folder.appendingPathComponent("borough").path
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    // MARK: The pseudonym key

    @Test("first run without a key: the key is made (256 bits, 0600, never printed) and reused, so pseudonyms stay")
    func pseudonymKeyMadeOnFirstUse() throws {
        let borough = try makeSample()
        let noKey: [String: String?] = ["CHILDLINK_PSEUDONYM_KEY": nil]
        let first = try BuiltBinary.run(
            ["scorecard", "inclusion", "--period", "2018/19", borough, "--out", "one", "--format", "csv"], in: folder,
            environment: noKey)
        #expect(first.status == 0, "\(first.stderr)")
        let keyPath = folder.appendingPathComponent("childlink-pseudonym.key").path
        let key = try String(contentsOfFile: keyPath, encoding: .utf8).trimmingCharacters(in: .newlines)
        #expect(key.count == 64 && key.allSatisfy(\.isHexDigit), "a 256-bit key is 64 hex digits")
        #expect(try BuiltBinary.permissions(keyPath) == 0o600)
        #expect(first.stderr.contains("A new pseudonym key was made and kept in"))
        #expect(!first.stdout.contains(key) && !first.stderr.contains(key))

        // Inclusion outputs hold no pseudonym to compare; the weekly pack, pseudonymised, lists each child by one.
        let weekly = { (out: String, extra: [String]) in
            try BuiltBinary.run(
                [
                    "weekly", borough, "--week-ending", "2019-06-30", "--pseudonymise", "--out", out, "--format", "csv",
                ] + extra, in: folder, environment: noKey)
        }
        let second = try weekly("two", [])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(!second.stderr.contains("new pseudonym key"), "the second run reuses the key")
        let third = try weekly("three", ["--pseudonym-key", key])
        #expect(third.status == 0, "\(third.stderr)")
        let children = try read("two/weekly-2019-06-30-children.csv")
        #expect(children.contains("P-"), "the pack lists children by pseudonym")
        #expect(children == (try read("three/weekly-2019-06-30-children.csv")), "the key file's key is the one used")
        #expect(!children.contains(key))
    }

    @Test("with a store, the key is kept beside it; overlap runs as the README tour has it")
    func pseudonymKeyBesideTheStore() throws {
        let borough = try makeSample()
        let outcome = try BuiltBinary.run(
            ["overlap", "--period", "2018/19", borough, "--out", "overlap", "--store", "history.sqlite"], in: folder,
            environment: ["CHILDLINK_PSEUDONYM_KEY": nil])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let keyPath = folder.appendingPathComponent("history.sqlite.pseudonym-key").path
        #expect(try BuiltBinary.permissions(keyPath) == 0o600)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("childlink-pseudonym.key").path))
    }

    @Test("a key file that holds no key is an error naming the file and what to do, and nothing is written")
    func badKeyFile() throws {
        let borough = try makeSample()
        try "short\n".write(
            to: folder.appendingPathComponent("childlink-pseudonym.key"), atomically: true, encoding: .utf8)
        let outcome = try BuiltBinary.run(
            ["overlap", "--period", "2018/19", borough, "--out", "overlap"], in: folder,
            environment: ["CHILDLINK_PSEUDONYM_KEY": nil])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("childlink-pseudonym.key does not hold a key"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("--pseudonym-key"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("overlap").path))
    }

    // MARK: --profile

    @Test("weekly --profile reads a council-headed extract; without the profile it is refused")
    func weeklyWithProfile() throws {
        let arguments = [
            "weekly", Self.councilExtract, "--week-ending", "2019-06-16", "--out", "pack", "--no-store",
            "--format", "csv",
        ]
        let without = try BuiltBinary.run(arguments, in: folder)
        #expect(without.status == 1)
        #expect(without.stderr.contains("use --dataset or a mapping profile"))
        let with = try BuiltBinary.run(arguments + ["--profile", Self.councilProfile], in: folder)
        #expect(with.status == 0, "\(with.stderr)")
        // The week 10–16/06/2019 holds MIS-1002 (Amy, 10/06) and MIS-1003 (Petra, 12/06); Štefan's
        // episode of 03–04/06 is the week before.
        let children = try read("pack/weekly-2019-06-16-children.csv")
        #expect(children.contains("Amy Smith") && children.contains("Petra Horváthová"))
        #expect(!children.contains("Štefan"))
    }

    @Test(
        "scorecard, overlap and footprint take --profile too",
        arguments: [
            ["scorecard", "missing", "--period", "2019-06", "--out", "report", "--no-store"],
            ["overlap", "--period", "2019-06", "--out", "report", "--no-store", "--pseudonym-key", "k3y-for-tests"],
            ["footprint", "--upn", "A372201900102", "--no-store"],
        ])
    func otherCommandsWithProfile(arguments: [String]) throws {
        let outcome = try BuiltBinary.run(
            arguments + [Self.councilExtract, "--profile", Self.councilProfile], in: folder)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        if arguments[0] == "footprint" {
            #expect(outcome.stdout.contains("MIS-1003"), "Petra's one episode is on her timeline")
        } else {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("report").path))
        }
    }
}

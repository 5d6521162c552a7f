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
        // The week 10–16/06/2019 holds MIS-1002 (Amy, 10/06, recorded Absent: listed among the
        // absences, not as a missing child) and MIS-1003 (Petra, 12/06, Missing); Štefan's episode of
        // 03–04/06 is the week before.
        let children = try read("pack/weekly-2019-06-16-children.csv")
        #expect(children.contains("Petra Horváthová"))
        #expect(!children.contains("Amy Smith") && !children.contains("Štefan"))
        #expect(try read("pack/weekly-2019-06-16-absences.csv").contains("MIS-1002"))
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

    // MARK: Data coverage

    @Test(
        "no extract file is an error saying what to give, and writes nothing",
        arguments: [["empty-folder"], [String]()])
    func noInputFiles(inputs: [String]) throws {
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("empty-folder"), withIntermediateDirectories: true)
        let outcome = try BuiltBinary.run(
            ["weekly"] + inputs + ["--week-ending", "2019-06-16", "--out", "pack", "--no-store"], in: folder)
        #expect(outcome.status == 1)
        #expect(
            outcome.stderr.contains(
                inputs.isEmpty ? "No extract files or folders were given" : "No extract file was found in empty-folder"),
            "\(outcome.stderr)")
        #expect(outcome.stderr.contains("Give the folder or files holding the extracts"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("pack").path))
    }

    @Test(
        "a week or period outside every dataset's dates is an error naming the data's range in UK dates",
        arguments: [
            (
                ["weekly", "extracts", "--week-ending", "2020-01-05"],
                "The week 30/12/2019 to 05/01/2020 is outside the extracts' dates: the extracts run from "
                    + "01/06/2019 to 16/06/2019. Give a --week-ending within them"
            ),
            (
                ["scorecard", "missing", "extracts", "--period", "2019-05"],
                "The period 2019-05 (01/05/2019 to 31/05/2019) is outside the extracts' dates: the extracts run "
                    + "from 01/06/2019 to 16/06/2019. Give a --period within them"
            ),
        ])
    func outsideTheData(arguments: [String], message: String) throws {
        _ = try HandMadeWeek.write(in: folder)
        let outcome = try BuiltBinary.run(arguments + ["--out", "report", "--store", "h.sqlite"], in: folder)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("report").path))
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("h.sqlite").path) {
            let check = try BuiltBinary.run(["store", "check", "--store", "h.sqlite"], in: folder)
            #expect(check.stdout.contains("Runs: 0"), "no run is recorded: \(check.stdout)")
        }
    }

    @Test("a week partly after the data: a warning and a banner; still missing is counted to the extract's end")
    func weekPartlyAfterTheData() throws {
        _ = try HandMadeWeek.write(in: folder, ehe: true)
        let outcome = try BuiltBinary.run(
            ["weekly", "extracts", "--week-ending", "2019-06-20", "--out", "pack", "--no-store"], in: folder)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let warning =
            "The week 14/06/2019 to 20/06/2019 ends after the extracts' data (the extracts run from 01/09/2017 to "
            + "16/06/2019): nothing after 16/06/2019 is known."
        #expect(outcome.stderr.contains(warning), "\(outcome.stderr)")
        #expect(!outcome.stderr.contains(" notice "), "notices read as sentences, not log lines")
        let html = try read("pack/weekly-2019-06-20.html")
        #expect(html.contains("<p class=\"notice warning\">\(warning.replacingOccurrences(of: "'", with: "&#39;"))"))
        // Ava, missing since 14/06 20:00, counted to 16/06 23:59 (the missing extract's last date):
        // 51 h 59 min = "2 d 4 h" to the nearest hour, not the 147 h 59 min ("6 d 4 h") to 20/06 23:59.
        let children = try read("pack/weekly-2019-06-20-children.csv")
        let ava = try #require(children.split(whereSeparator: \.isNewline).first { $0.contains("Ava Stone") })
        #expect(ava.contains(",2 d 4 h,"), "\(ava)")
        // Each dataset's dates as read; EHE's one record (01/09/2017) has nothing for this week.
        let coverage = try read("pack/weekly-2019-06-20-data-coverage.csv")
        #expect(coverage.contains("Missing from home or care,2019-06-01,2019-06-16,Yes"))
        #expect(coverage.contains("Elective Home Education,2017-09-01,2017-09-01,No data for this period"))
        #expect(coverage.contains("Children Missing Education,,,No records read"))
    }

    @Test("a period starting before and ending after the data: both warnings, and the report is written")
    func periodAroundTheData() throws {
        _ = try HandMadeWeek.write(in: folder)
        let outcome = try BuiltBinary.run(
            ["scorecard", "missing", "extracts", "--period", "2019/20", "--out", "report", "--no-store"], in: folder)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("starts before the extracts' data"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("nothing before 01/06/2019 is counted"))
        #expect(outcome.stderr.contains("nothing after 16/06/2019 is known"))
    }

    // MARK: A command line that helps

    @Test(
        "a misspelt command gets 'did you mean', exit 64, and nothing runs",
        arguments: [
            (
                ["weakly", "x", "--week-ending", "2019-06-30"],
                "'weakly' is not a command of childlink. Did you mean 'weekly'?"
            ),
            (["reveiw", "list"], "'reveiw' is not a command of childlink. Did you mean 'review'?"),
            (["review", "lsit"], "'lsit' is not a command of childlink review. Did you mean 'list'?"),
            (["frobnicate"], "'frobnicate' is not a command of childlink. Run 'childlink --help' to see its commands."),
        ])
    func didYouMean(arguments: [String], message: String) throws {
        let outcome = try BuiltBinary.run(arguments, in: folder)
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
    }

    @Test("--out naming a file says it is a file, and leaves it alone")
    func outIsAFile() throws {
        _ = try HandMadeWeek.write(in: folder)
        try "mine".write(to: folder.appendingPathComponent("pack"), atomically: true, encoding: .utf8)
        let outcome = try BuiltBinary.run(
            ["weekly", "extracts", "--week-ending", "2019-06-16", "--out", "pack", "--no-store"], in: folder)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("pack: cannot create the folder: it is a file."), "\(outcome.stderr)")
        #expect(try read("pack") == "mine")
    }

    @Test("weekly --help says what the pack holds and which files it writes")
    func weeklyHelp() throws {
        let outcome = try BuiltBinary.run(["weekly", "--help"], in: folder)
        #expect(outcome.status == 0)
        for text in [
            "weekly-DATE.html", "weekly-DATE.xlsx", "weekly-DATE.json", "weekly-DATE-TABLE.csv", "actions", "Actions",
        ] {
            #expect(outcome.stdout.contains(text), "\(text)")
        }
    }
}

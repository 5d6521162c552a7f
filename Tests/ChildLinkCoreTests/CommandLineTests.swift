import Foundation
import Testing

/// The analyst's path through the tool, run on the built binary: make a borough, check it,
/// produce the weekly pack. Checks exit codes, what is printed, and the files' permissions.
@Suite("childlink sample / check / weekly: the built binary")
struct CommandLineTests {
    let folder: URL

    init() throws {
        folder = try BuiltBinary.temporaryFolder()
    }

    func makeSample(children: Int = 60) throws -> String {
        let outcome = try BuiltBinary.run(
            ["sample", "--children", String(children), "--seed", "7", "--out", "borough"], in: folder)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return folder.appendingPathComponent("borough").path
    }

    @Test("--help names every command an analyst needs")
    func help() throws {
        let outcome = try BuiltBinary.run(["--help"], in: folder)
        #expect(outcome.status == 0)
        for command in [
            "sample", "check", "link", "weekly", "scorecard", "overlap", "footprint", "review", "profile", "store",
            "audit",
        ] {
            #expect(outcome.stdout.contains("  \(command)"), "missing \(command)")
        }
    }

    @Test("sample writes the four extracts and the truth file, owner-only")
    func sample() throws {
        let borough = try makeSample()
        for name in ["missing-episodes.csv", "cme-referrals.csv", "ehe-records.csv", "exclusions.csv", "truth.csv"] {
            let path = (borough as NSString).appendingPathComponent(name)
            #expect(FileManager.default.fileExists(atPath: path), "\(name)")
            #expect(try BuiltBinary.permissions(path) == 0o600, "\(name)")
        }
    }

    @Test("check on a clean borough reads every record and exits 0; the truth file is skipped")
    func checkClean() throws {
        let borough = try makeSample()
        let outcome = try BuiltBinary.run(["check", borough], in: folder)
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.stdout.contains("0 rejected"))
        #expect(outcome.stdout.contains("Missing from home or care (reference CSV)"))
        #expect(!outcome.stdout.contains("could not be read"))
    }

    @Test("a row with an impossible date is rejected, written to the rejects file, and fails only with --strict")
    func checkRejects() throws {
        let path = folder.appendingPathComponent("cme.csv").path
        try """
        ReferralID,Forename,Surname,DateOfBirth,ReferralDate
        CME1,Test,Child,01/02/2010,03/06/2019
        CME2,Test,Child,31/02/2010,03/06/2019

        """.write(toFile: path, atomically: true, encoding: .utf8)

        let lenient = try BuiltBinary.run(["check", path, "--rejects", "rejects.csv"], in: folder)
        #expect(lenient.status == 0, "\(lenient.stdout)\(lenient.stderr)")
        #expect(lenient.stdout.contains("2 read, 1 imported"))
        let rejectsPath = folder.appendingPathComponent("rejects.csv").path
        let rejects = try String(contentsOfFile: rejectsPath, encoding: .utf8)
        #expect(rejects.contains("CME2"))
        #expect(rejects.contains(",3,"))  // the line the rejected record is on
        #expect(try BuiltBinary.permissions(rejectsPath) == 0o600)

        let strict = try BuiltBinary.run(["check", path, "--strict", "--rejects", "rejects.csv"], in: folder)
        #expect(strict.status == 1)
    }

    @Test("a bad --dataset value is a usage error naming the choices")
    func badDataset() throws {
        let outcome = try BuiltBinary.run(["check", "--dataset", "bogus", "."], in: folder)
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("'bogus' is invalid for '--dataset <dataset>'"))
        #expect(outcome.stderr.contains("'missing', 'cme', 'ehe', 'exclusions' or 'cin'"))
    }

    @Test(
        "a value that cannot be read is a usage error naming the option and what it expects",
        arguments: [
            (
                ["weekly", ".", "--week-ending", "2019-13-01", "--out", "p"],
                "'--week-ending <week-ending>': not a date"
            ),
            (["scorecard", "cme", "--period", "2019-x", ".", "--out", "p"], "'--period <period>': not a month"),
            (["overlap", "--period", "2019-06", "--format", "html,pdf", "--out", "p"], "'pdf' is not one of html"),
            (["scorecard", "bogus", "--period", "2019-06", "--out", "p"], "'missing', 'cme', 'ehe', 'exclusions' or"),
            (["footprint", "--name", "A B", "--dob", "31/02/2010"], "'--dob <date>': not a date"),
            (["footprint", "--child-id", "child 7"], "'--child-id <child-id>': not a ChildLink id"),
            (
                ["link", ".", "--out", "p", "--store-wait", "soon"],
                "'--store-wait <seconds>': give a number of seconds"
            ),
            (["audit", "--since", "yesterday"], "'--since <since>': not a date"),
            (["sample", "--out", "p", "--noise", "loud"], "'low', 'default' or 'high'"),
        ])
    func badValues(arguments: [String], expected: String) throws {
        let outcome = try BuiltBinary.run(arguments, in: folder)
        #expect(outcome.status == 64, "\(outcome.stderr)")
        #expect(outcome.stderr.contains(expected), "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("p").path))
    }

    @Test("weekly produces the pack in every format, owner-only, and names the files it wrote")
    func weekly() throws {
        let borough = try makeSample()
        let outcome = try BuiltBinary.run(
            ["weekly", borough, "--week-ending", "2019-06-30", "--out", "pack"], in: folder)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let pack = folder.appendingPathComponent("pack")
        let files = try FileManager.default.contentsOfDirectory(atPath: pack.path).sorted()
        for suffix in [".html", ".json", ".xlsx", "-children.csv"] {
            #expect(files.contains("weekly-2019-06-30\(suffix)"), "\(suffix) in \(files)")
        }
        for file in files {
            #expect(try BuiltBinary.permissions(pack.appendingPathComponent(file).path) == 0o600, "\(file)")
        }
        let html = try String(contentsOf: pack.appendingPathComponent("weekly-2019-06-30.html"), encoding: .utf8)
        #expect(html.contains("Operational Missing Group"))
        #expect(outcome.stdout.contains("weekly-2019-06-30.html"))
    }

    @Test("a missing input folder is a clear error and a non-zero exit, and writes nothing")
    func missingInput() throws {
        let outcome = try BuiltBinary.run(
            ["weekly", "no-such-folder", "--week-ending", "2019-06-30", "--out", "pack"], in: folder)
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("no-such-folder"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("pack").path))
    }
}

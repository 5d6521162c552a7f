import ChildLinkModel
import ChildLinkStore
import Foundation
import Testing

/// Issue #14 end to end: the built binary on the bundled sample borough (`SampleData/`), each run
/// with a timeout. A reviewer's decision is shown before it is recorded, refused when it contradicts
/// hard evidence or is off the review list, kept with an id, and revoked without a trace in the pack.
@Suite("Review decisions that cannot corrupt a child's record: the built binary on SampleData")
struct ReviewSafetyTests {
    let folder: URL

    init() throws { folder = try BuiltBinary.temporaryFolder() }

    /// The repository's `SampleData/` folder.
    static var sampleData: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("SampleData").path
    }

    static var readme: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md").path
    }

    var storePath: String { folder.appendingPathComponent(ChildLinkStore.defaultFileName).path }

    func run(_ arguments: [String]) throws -> BuiltBinary.Outcome {
        try BuiltBinary.run(arguments, in: folder, timeout: .seconds(300))
    }

    /// `weekly` on SampleData into `out`, with a fixed production time so two packs can be compared byte for byte.
    func weekly(_ out: String, strict: Bool = false) throws -> BuiltBinary.Outcome {
        let outcome = try run(
            [
                "weekly", Self.sampleData, "--week-ending", "2019-06-30", "--out", out, "--store", storePath,
                "--generated-at", "2019-07-01T09:00",
            ] + (strict ? ["--strict"] : []))
        #expect(strict || outcome.status == 0, "\(outcome.stderr)")
        return outcome
    }

    /// Every file of a pack folder, by name.
    func pack(_ name: String) throws -> [String: Data] {
        let url = folder.appendingPathComponent(name)
        var files: [String: Data] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: url.path) {
            files[file] = try Data(contentsOf: url.appendingPathComponent(file))
        }
        return files
    }

    /// The review list's first pair of children whose records carry different valid permanent UPNs,
    /// one of them in the weekly pack `inPack` (so joining them changes the pack).
    func pairWithDifferentUPNs(inPack: String) throws -> ReviewChildPair {
        let children = try String(
            contentsOf: folder.appendingPathComponent(inPack).appendingPathComponent("weekly-2019-06-30-children.csv"),
            encoding: .utf8)
        let store = try ChildLinkStore(path: storePath)
        let records = Dictionary(try store.currentRecords().map { ($0.key, $0) }, uniquingKeysWith: { $1 })
        let assignment = try store.latestAssignment()
        func upns(_ child: ChildLinkID) -> Set<String> {
            Set(
                assignment.filter { $0.value == child }.keys.compactMap { records[$0]?.person.upn }
                    .filter { $0.isValid && !$0.isTemporary }.map(\.value))
        }
        return try #require(
            try store.reviewChildPairs().first { pair in
                let (a, b) = (upns(pair.childA), upns(pair.childB))
                let inPack = children.contains(pair.childA.description) || children.contains(pair.childB.description)
                return inPack && !a.isEmpty && !b.isEmpty && a.isDisjoint(with: b)
            })
    }

    /// The arguments of the README's `childlink review accept A B` line, from `review` on.
    static func readmeAcceptArguments() throws -> [String] {
        let text = try String(contentsOfFile: Self.readme, encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.contains("childlink review accept ") })
        let command = line.split(separator: "#")[0].split(separator: " ").map(String.init)
        return Array(command.drop { $0 != "review" })
    }

    @Test("the README's accept example is a real review pair that is recorded with an id, shown side by side first")
    func readmeExample() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try weekly("pack")
        let arguments = try Self.readmeAcceptArguments()
        #expect(arguments.count == 4, "README line: \(arguments)")
        let accepted = try run(arguments)
        #expect(accepted.status == 0, "\(accepted.stderr)")
        // Both sides side by side: the two records' rows, then the model's evidence in words.
        for row in ["Name ", "Date of birth ", "Sex ", "Postcode ", "UPN ", "NHS number ", "Person ids ", "Datasets "] {
            #expect(accepted.stdout.contains("\n" + row), "row \(row)")
        }
        #expect(accepted.stdout.contains("On the review list: \(arguments[2]) and \(arguments[3])"))
        #expect(accepted.stdout.contains("  for: ") && accepted.stdout.contains("  against: "))
        #expect(!accepted.stdout.contains("bits") && !accepted.stdout.contains("prior"))
        #expect(accepted.stdout.contains("Recorded D1: \(arguments[2]) and \(arguments[3]) are the same child"))
        let history = try run(["review", "history"])
        #expect(history.status == 0)
        #expect(history.stdout.contains("D1  accept \(arguments[2]) \(arguments[3])  by "))
        #expect(history.stdout.contains("applied in runs: none yet"))
    }

    @Test("a decision on a pair the matcher never compared, or on children off the review list, needs --force")
    func offTheList() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try weekly("pack")
        let store = try ChildLinkStore(path: storePath)
        let listed = Set(try store.reviewChildPairs().map { [$0.childA, $0.childB] })
        let children = try store.currentChildren()
        let (a, b) = (
            children[0], try #require(children.dropFirst().first { !listed.contains([children[0].id, $0.id]) })
        )
        let refused = try run(["review", "reject", a.id.description, b.id.description])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("\(a.id) and \(b.id) are not a pair on the review list"))
        #expect(refused.stderr.contains("--force --note"))
        #expect(refused.stdout.contains("Date of birth"), "both children are shown before the refusal")
        let records = (a.records[0], b.records[0])
        let neverCompared = try run(["review", "reject", records.0.description, records.1.description])
        #expect(neverCompared.status == 1)
        #expect(neverCompared.stderr.contains("(the matcher never compared them)"))
        #expect(try store.decisionHistory().isEmpty, "nothing recorded")
        let forced = try run(["review", "reject", a.id.description, b.id.description, "--force", "--note", "checked"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try store.decisionHistory().map(\.note) == ["checked"])
    }

    @Test(
        "an accept of two children with different valid UPNs is refused; forced, it is flagged by store check; revoked, the next pack is byte-identical to one that never had it"
    )
    func conflictForcedThenRevoked() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try weekly("before")
        let pair = try pairWithDifferentUPNs(inPack: "before")
        let (a, b) = (pair.childA.description, pair.childB.description)
        let refused = try run(["review", "accept", a, b])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("accepting \(a) and \(b) would put into one child two different valid UPNs ("))
        #expect(refused.stderr.contains("run the same command again with --force --note \"why\""))
        #expect(!refused.stderr.contains("Name") && refused.stdout.contains("\nUPN "))
        #expect(try run(["review", "accept", a, b, "--force"]).status == 64, "--force needs a note")
        #expect(try ChildLinkStore(path: storePath).decisionHistory().isEmpty)

        let forced = try run(["review", "accept", a, b, "--force", "--note", "school says one girl"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stdout.contains("Recorded D1: \(a) and \(b) are the same child"))
        #expect(forced.stdout.contains("Recorded with --force over two different valid UPNs"))
        let joined = try weekly("joined")
        // A notice on standard error, as a sentence, and the same words in the pack's data-quality section.
        let joinedPack = try String(
            contentsOf: folder.appendingPathComponent("joined/weekly-2019-06-30-reviewer-made-conflicts.csv"),
            encoding: .utf8)
        #expect(joinedPack.contains("\(a) has 2 different valid UPNs in run 2: made by reviewer decision D1"))
        #expect(joined.stderr.contains("Child \(a) has 2 different valid UPNs in run 2: made by reviewer decision D1"))
        let strict = try weekly("strict", strict: true)
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("The run stopped (--strict) and wrote nothing: child \(a) has 2 different"))
        let written = try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("strict").path)
        #expect(written?.isEmpty ?? true, "no pack written")

        let check = try run(["store", "check", "--store", storePath])
        #expect(check.status == 0, "a reviewer-made conflict is a warning")
        #expect(check.stdout.contains("child \(a) has 2 different valid UPNs in run 2: made by reviewer decision D1"))
        #expect(check.stdout.contains("run 'childlink review revoke D1 --note \"why\"'"))
        #expect(!check.stdout.contains("store restore"))
        #expect(try run(["store", "check", "--store", storePath, "--strict"]).status == 1)

        let revoked = try run(["review", "revoke", "D1", "--note", "twins after all"])
        #expect(revoked.status == 0, "\(revoked.stderr)")
        #expect(try run(["review", "revoke", "D1", "--note", "again"]).status == 1)
        _ = try weekly("after")
        #expect(try pack("after") == pack("before"), "the pack is as if the decision had never been made")
        #expect(try pack("joined") != pack("before"))
        let history = try run(["review", "history"])
        #expect(history.stdout.contains("D1  accept \(a) \(b)  by "))
        #expect(history.stdout.contains("REVOKED"))
        #expect(history.stdout.contains("applied in runs: #2\n"))
        #expect(history.stdout.contains(": \"twins after all\""))
        let healthy = try run(["store", "check", "--store", storePath, "--strict"])
        #expect(healthy.status == 0, "\(healthy.stdout)")
        let audit = try run(["audit"])
        #expect(audit.stdout.contains("review revoke  revoke D1  -> \(a)"))
    }

    /// The lines of a CSV text (a CRLF is one `Character` in Swift, so split on any newline).
    static func lines(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
    }

    /// `text` with the Decision cell of the row for `a`,`b` set to `word` (lines end in CRLF; columns
    /// RecordA,RecordB,Probability,Decision,…, as `review export` writes them).
    static func deciding(_ text: String, _ a: RecordKey, _ b: RecordKey, _ word: String) throws -> String {
        var lines = Self.lines(text)
        let index = try #require(lines.firstIndex { $0.hasPrefix("\(a),\(b),") })
        var fields = lines[index].split(separator: ",", maxSplits: 4, omittingEmptySubsequences: false).map(String.init)
        fields[3] = word
        lines[index] = fields.joined(separator: ",")
        return lines.joined(separator: "\r\n")
    }

    @Test(
        "export, fill in, import: the decisions are recorded; a file with one bad row, or an accept against hard evidence, records nothing and names the line"
    )
    func exportImport() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try weekly("pack")
        // No store handle stays open in this process while the command line writes.
        let pairs = try ChildLinkStore(path: storePath).reviewPairs()
        #expect(try run(["review", "export", "review.csv"]).status == 0)
        let csv = folder.appendingPathComponent("review.csv").path
        let exported = try String(contentsOfFile: csv, encoding: .utf8)
        // The review list's columns ride along for a reviewer working in Excel; import reads four of them.
        #expect(
            exported.hasPrefix(
                "RecordA,RecordB,Probability,Decision,Note,ChildA,ChildB,AboutA,AboutB,EvidenceFor,EvidenceAgainst,"
                    + "DecidingIt,Explanation\r\n"))
        // The README's pair: Kacper and Michał Krawczyk, born 22/07/2011 at one address, no identifier
        // on the exclusion (twins: the tour accepts them, then revokes the decision "by mistake").
        let readmePair = try Self.readmeAcceptArguments()
        let same = try (#require(RecordKey(parsing: readmePair[2])), #require(RecordKey(parsing: readmePair[3])))
        let readmeRow = try #require(Self.lines(exported).first { $0.hasPrefix("\(same.0),\(same.1),") })
        #expect(readmeRow.contains(",\"same date of birth, same surname, same address and postcode\","))
        #expect(readmeRow.contains(",\"looks like twins, different forename\","))
        let other = try #require(pairs.first { $0.recordA != same.0 })
        let conflicting = try pairWithDifferentUPNs(inPack: "pack").strongest

        // One bad word on line 3 (the header is line 1): nothing is recorded.
        var bad = try Self.deciding(exported, same.0, same.1, "accept")
        bad = try Self.deciding(bad, other.recordA, other.recordB, "perhaps")
        try bad.write(toFile: csv, atomically: true, encoding: .utf8)
        let badLine = try #require(Self.lines(bad).firstIndex { $0.contains(",perhaps,") }) + 1
        let refused = try run(["review", "import", "review.csv"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("review.csv:\(badLine): error: 'perhaps' is not accept or reject"))
        #expect(try run(["review", "history"]).stdout == "No review decisions yet.\n")

        // An accept that would join two valid UPNs: refused as a row, naming the line.
        var forced = try Self.deciding(exported, same.0, same.1, "accept")
        forced = try Self.deciding(forced, conflicting.recordA, conflicting.recordB, "accept")
        try forced.write(toFile: csv, atomically: true, encoding: .utf8)
        let conflictLine =
            try #require(
                Self.lines(forced).firstIndex {
                    $0.hasPrefix("\(conflicting.recordA),\(conflicting.recordB),")
                }) + 1
        let conflict = try run(["review", "import", "review.csv"])
        #expect(conflict.status == 1)
        #expect(conflict.stderr.contains("review.csv:\(conflictLine): error: accepting"))
        #expect(conflict.stderr.contains("two different valid UPNs"))
        #expect(try run(["review", "history"]).stdout == "No review decisions yet.\n")

        // A good file: both rows recorded, each with its own id.
        var good = try Self.deciding(exported, same.0, same.1, "accept")
        good = try Self.deciding(good, other.recordA, other.recordB, "reject")
        try good.write(toFile: csv, atomically: true, encoding: .utf8)
        let imported = try run(["review", "import", "review.csv"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("Recorded 2 decision(s) from review.csv: 1 accepted, 1 rejected."))
        let history = try run(["review", "history"]).stdout
        #expect(history.contains("D1  ") && history.contains("D2  ") && !history.contains("D3  "), "\(history)")
    }
}

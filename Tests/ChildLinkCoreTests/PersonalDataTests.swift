import ChildLinkCore
import ChildLinkImport
import ChildLinkMatching
import ChildLinkModel
import ChildLinkStore
import Foundation
import Testing

/// Runs every command available on a synthetic borough with `--verbose` and proves that no
/// forename, surname, date of birth, UPN or NHS number of the input reaches standard output,
/// standard error or an error message; and that every file written is readable by its owner only.
@Suite("Personal data stays out of logs and messages; outputs are 0600", .serialized)
struct PersonalDataTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("childlink-pd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// What every command printed, labelled by command.
    struct Transcript {
        var entries: [(command: String, text: String)] = []

        mutating func add(_ arguments: [String], _ outcome: BuiltBinary.Outcome) {
            entries.append((arguments.joined(separator: " "), outcome.stdout + "\n" + outcome.stderr))
        }
    }

    @Test(
        "sample → check → link → weekly, scorecard, overlap → store, review, audit: no personal value in any output stream"
    )
    func wholePipeline() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var transcript = Transcript()
        // `review accept` and `reject` show the reviewer both children on standard output on purpose
        // (issue #14): for them only standard error must stay free of personal data.
        func run(_ arguments: [String], expecting status: Int32 = 0, showsChildren: Bool = false) throws {
            let outcome = try BuiltBinary.run(arguments, in: folder)
            #expect(outcome.status == status, "\(arguments.joined(separator: " ")): \(outcome.stderr)")
            transcript.add(
                arguments,
                showsChildren
                    ? BuiltBinary.Outcome(status: outcome.status, stdout: "", stderr: outcome.stderr) : outcome)
        }

        try run(["sample", "--children", "150", "--seed", "11", "--out", "extracts", "--verbose"])
        let extracts = folder.appendingPathComponent("extracts").path
        // The truth file is no extract: keep it beside the folder, as an analyst would.
        try FileManager.default.moveItem(
            atPath: extracts + "/truth.csv", toPath: folder.appendingPathComponent("truth.csv").path)
        try damagedCopy(of: extracts)
        try run(["check", "extracts", "--verbose", "--rejects", "rejects.csv"])
        try run(["check", "extracts/missing-episodes.csv", "--dataset", "cme", "--verbose"], expecting: 1)

        let records = try ExtractReader().read(paths: [extracts]).records
        #expect(records.count > 300)
        try writeGenericCSV(records, to: folder.appendingPathComponent("people.csv").path)
        try run(["link", "--generic", "people.csv", "--out", "linked", "--verbose"])
        try run(["weekly", "extracts", "--week-ending", "2019-06-30", "--out", "weekly", "--verbose"])
        try run(["scorecard", "missing", "--period", "2019-06", "extracts", "--out", "scorecards", "--verbose"])
        let key = ["--pseudonym-key", "a-test-key-not-a-secret"]
        try run(
            ["scorecard", "inclusion", "--period", "2018/19", "extracts", "--out", "scorecards", "--verbose"] + key)
        try run(["overlap", "--period", "2018/19", "extracts", "--out", "overlap", "--verbose"] + key)

        try makeStore(records)
        // The review list shows the reviewer both children of each pair on purpose (issue #14).
        try run(["review", "--verbose"], showsChildren: true)
        try run(["review", "list", "--undecided", "--verbose"], showsChildren: true)
        for arguments in [
            ["review", "export", "review.csv", "--verbose"], ["audit", "--verbose"], ["store", "check", "--verbose"],
            ["store", "restore", "--verbose"],
        ] {
            try run(arguments)
        }
        let pair = try #require(try ChildLinkStore(path: storePath).reviewPairs(undecidedOnly: false).first)
        try run(
            [
                "review", "accept", pair.recordA.description, pair.recordB.description, "--note", "same child",
                "--verbose",
            ], showsChildren: true)
        try run(["review", "reject", "Missing:NOPE", pair.recordB.description, "--verbose"], expecting: 1)
        let children = try #require(try ChildLinkStore(path: storePath).reviewChildPairs().last)
        try run(
            ["review", "reject", children.childA.description, children.childB.description, "--verbose"],
            showsChildren: true)
        try run(["review", "history", "--verbose"])

        let personal = Self.personalValues(records)
        #expect(personal.count > 500)
        // The detector finds personal data where it is the product: in the extracts themselves.
        let extract = try String(contentsOfFile: extracts + "/missing-episodes.csv", encoding: .utf8)
        #expect(Self.leaks(in: extract, of: personal).count > 100)
        // The damaged rows were rejected, the name in a code column among them, without its value.
        let rejects = try String(contentsOfFile: folder.appendingPathComponent("rejects.csv").path, encoding: .utf8)
        #expect(rejects.contains("holds this record's name, date of birth or an identifier"))
        #expect(rejects.contains("DateOfBirth is before 1900"))
        for (command, text) in transcript.entries {
            let leaked = Self.leaks(in: text, of: personal)
            #expect(leaked.isEmpty, "\(command) printed personal data: \(leaked.sorted().prefix(10))")
        }
        try expectPrivateModes(under: folder)
    }

    var storePath: String { folder.appendingPathComponent(ChildLinkStore.defaultFileName).path }

    /// A second copy of the missing extract with rows the importer rejects (bad dates, a name in a
    /// code column), so the rejects and the --verbose listing are exercised.
    func damagedCopy(of extracts: String) throws {
        let source = try String(contentsOfFile: extracts + "/missing-episodes.csv", encoding: .utf8)
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        let dob = try #require(header.firstIndex(of: "DateOfBirth"))
        let status = try #require(header.firstIndex(of: "SocialCareStatus"))
        let forename = try #require(header.firstIndex(of: "Forename"))
        for index in 1..<min(lines.count - 1, 40) {
            var fields = lines[index].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == header.count else { continue }
            fields[0] += "X"  // a new PersonID, so these do not clash with the originals
            if let id = header.firstIndex(of: "EpisodeID") { fields[id] += "-damaged" }
            switch index % 3 {
            case 0: fields[dob] = "31/02/" + fields[dob].suffix(4)
            case 1: fields[status] = fields[forename]
            default: fields[dob] = "30/12/1899"
            }
            lines[index] = fields.joined(separator: ",")
        }
        try lines.prefix(40).joined(separator: "\n").write(
            toFile: extracts + "/missing-episodes-damaged.csv", atomically: false, encoding: .utf8)
    }

    /// The records as a generic person CSV for `link --generic`.
    func writeGenericCSV(_ records: [SourceRecord], to path: String) throws {
        var text = "rec_id,given_name,surname,date_of_birth,sex,postcode,soc_sec_id\n"
        for record in records {
            let person = record.person
            let fields = [
                "\(record.dataset.rawValue)-\(record.key.recordID)", person.forename ?? "", person.surname ?? "",
                person.dateOfBirth?.uk ?? "", person.gender.map { "\($0)" } ?? "", person.postcode?.value ?? "",
                person.personID ?? "",
            ]
            text += fields.map { $0.contains(",") ? "\"\($0)\"" : $0 }.joined(separator: ",") + "\n"
        }
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    /// A store with two runs made from the matcher's own result: its clusters and review pairs,
    /// each pair explained by the levels its comparisons reached.
    func makeStore(_ records: [SourceRecord]) throws {
        let result = try LinkJob.run(records: records, options: LinkJob.Options(concurrency: 1), outputDirectory: nil)
            .result
        let clusters = result.children.map(\.records)
        let review = result.pairs.filter { $0.decision == .review }.map { pair in
            let explanation = result.explain(pair.first, pair.second).contributions
                .map { "\($0.comparison.columnName): \($0.levelName)" }.joined(separator: "; ")
            return ReviewPair(
                result.records[pair.first].key, result.records[pair.second].key, probability: pair.probability,
                explanation: explanation)
        }
        #expect(!review.isEmpty)
        let store = try ChildLinkStore(path: storePath)
        for note in ["weekly 1", "weekly 2"] {
            try store.performRun(note: note) { run in
                _ = try run.upsert(records)
                _ = try run.assignChildIDs(clusters: clusters)
                try run.saveReviewPairs(review)
            }
        }
        try store.logAudit(command: "footprint", query: "--child CL000001", childIDs: [ChildLinkID(1)])
    }

    /// Every forename, middle name, surname, preferred and former surname (three letters or more),
    /// date of birth (as extracts write it and in ISO), UPN and NHS number (as digits and as written).
    static func personalValues(_ records: [SourceRecord]) -> Set<String> {
        var values: Set<String> = []
        for person in records.map(\.person) {
            for name in [
                person.forename, person.middleNames, person.surname, person.preferredName, person.formerSurname,
            ] {
                for part in (name ?? "").split(whereSeparator: { $0 == " " || $0 == "-" }) where part.count >= 3 {
                    values.insert(String(part))
                }
            }
            if let dob = person.dateOfBirth { values.formUnion([dob.uk, dob.iso]) }
            for upn in [person.upn, person.formerUPN].compactMap({ $0 }) { values.insert(upn.value) }
            if let nhs = person.nhsNumber {
                values.insert(nhs.value)
                values.insert(nhs.formatted)
            }
        }
        return values
    }

    /// The personal values that occur in `text`: names as whole words, dates and identifiers anywhere.
    static func leaks(in text: String, of personal: Set<String>) -> Set<String> {
        let words = Set(text.split { !($0.isLetter || $0 == "'") }.map(String.init))
        return personal.filter { value in
            value.first?.isLetter == true && value.allSatisfy({ $0.isLetter || $0 == "'" })
                ? words.contains(value) : text.contains(value)
        }
    }

    /// Every file under `root` (outputs, rejects, store, its backup and companions) is mode 0600.
    func expectPrivateModes(under root: URL) throws {
        let enumerator = try #require(FileManager.default.enumerator(atPath: root.path))
        var checked = 0
        while let relative = enumerator.nextObject() as? String {
            let path = root.appendingPathComponent(relative).path
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            guard attributes[.type] as? FileAttributeType == .typeRegular else { continue }
            // The inputs this test wrote itself stand for files a council provides.
            if ["people.csv", "extracts/missing-episodes-damaged.csv"].contains(relative) { continue }
            let mode = (attributes[.posixPermissions] as? Int ?? 0) & 0o777
            #expect(mode == 0o600, "\(relative) has mode \(String(mode, radix: 8))")
            checked += 1
        }
        #expect(checked >= 15)
    }
}

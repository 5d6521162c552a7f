import ChildLinkModel
import Foundation
import Testing

@testable import ChildLinkSample

/// A small, fast borough for the tests.
private let small = SampleConfiguration(children: 400, seed: 7)

@Suite("Sample files")
struct SampleFileTests {
    @Test("the same seed writes byte-identical files")
    func sameSeedSameBytes() throws {
        let first = try TemporaryFolder()
        let second = try TemporaryFolder()
        let summary = try SamplePopulation.write(small, to: first.path)
        _ = try SamplePopulation.write(small, to: second.path)
        #expect(summary.files.count == 9)
        for name in summary.files {
            let a = try Data(contentsOf: URL(fileURLWithPath: first.path + "/" + name))
            let b = try Data(contentsOf: URL(fileURLWithPath: second.path + "/" + name))
            #expect(a == b, "\(name) differs between two runs with the same seed")
            #expect(!a.isEmpty)
        }
    }

    @Test("a different seed writes different records")
    func differentSeedDiffers() throws {
        let first = try TemporaryFolder()
        let second = try TemporaryFolder()
        _ = try SamplePopulation.write(small, to: first.path)
        var other = small
        other.seed = 8
        _ = try SamplePopulation.write(other, to: second.path)
        let a = try String(contentsOfFile: first.path + "/missing-episodes.csv", encoding: .utf8)
        let b = try String(contentsOfFile: second.path + "/missing-episodes.csv", encoding: .utf8)
        #expect(a != b)
    }

    @Test("files are private to their owner (0600)")
    func permissions() throws {
        let folder = try TemporaryFolder()
        let summary = try SamplePopulation.write(small, to: folder.path)
        for name in summary.files {
            let attributes = try FileManager.default.attributesOfItem(atPath: folder.path + "/" + name)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600, "\(name)")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test("every CSV row has as many fields as the header, and the header is the reference layout")
    func csvColumnCounts() throws {
        let folder = try TemporaryFolder()
        _ = try SamplePopulation.write(small, to: folder.path)
        var quotedFields = 0
        for dataset in SampleLayout.datasets {
            let text = try String(
                contentsOfFile: folder.path + "/\(SampleLayout.fileStem(dataset)).csv", encoding: .utf8)
            let rows = CSVTestParser.parse(text)
            #expect(rows.first == SampleLayout.columns(dataset))
            for (index, row) in rows.enumerated() {
                #expect(row.count == SampleLayout.columns(dataset).count, "\(dataset) row \(index + 1)")
            }
            quotedFields += text.components(separatedBy: ",\"").count - 1
        }
        #expect(quotedFields > 0, "some fields hold commas and must have been quoted")
        #expect(CSVTestParser.parse("a,\"b, \"\"c\"\"\",d\n") == [["a", "b, \"c\"", "d"]])
    }

    @Test("truth.csv names every record of the CSV and XML parts exactly once")
    func truthCoversEveryRecordOnce() throws {
        let folder = try TemporaryFolder()
        let summary = try SamplePopulation.write(small, to: folder.path)
        let truthRows = CSVTestParser.parse(try String(contentsOfFile: folder.path + "/truth.csv", encoding: .utf8))
        #expect(truthRows.first == ["Dataset", "RecordID", "TrueChildID"])
        let keys = truthRows.dropFirst().map { $0[0] + ":" + $0[1] }
        #expect(Set(keys).count == keys.count)
        var fileKeys: [String] = []
        for dataset in SampleLayout.datasets {
            let stem = folder.path + "/" + SampleLayout.fileStem(dataset)
            let csv = CSVTestParser.parse(try String(contentsOfFile: stem + ".csv", encoding: .utf8)).dropFirst()
            let idColumn = SampleLayout.personColumns.count
            fileKeys += csv.map { dataset.rawValue + ":" + $0[idColumn] }
            let xml = try String(contentsOfFile: stem + ".xml", encoding: .utf8)
            let idElement = SampleLayout.eventColumns(dataset)[0]
            fileKeys += xml.components(separatedBy: "<\(idElement)>").dropFirst().map {
                dataset.rawValue + ":" + $0.prefix { $0 != "<" }
            }
        }
        #expect(fileKeys.sorted() == keys.sorted())
        #expect(keys.count == summary.totalRecords)
        let children = Set(truthRows.dropFirst().map { $0[2] })
        #expect(children.count == small.children, "every child appears in at least one extract")
    }

    @Test("XML parts are well formed: balanced records, escaped text")
    func xmlWellFormed() throws {
        let folder = try TemporaryFolder()
        var configuration = small
        configuration.xmlShare = 0.5
        _ = try SamplePopulation.write(configuration, to: folder.path)
        for dataset in SampleLayout.datasets {
            let xml = try String(
                contentsOfFile: folder.path + "/\(SampleLayout.fileStem(dataset)).xml", encoding: .utf8)
            let elements = SampleLayout.xmlElements(dataset)
            #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<\(elements.root)>\n"))
            #expect(xml.hasSuffix("</\(elements.root)>\n"))
            let opened = xml.components(separatedBy: "<\(elements.record)>").count - 1
            #expect(opened > 0)
            #expect(opened == xml.components(separatedBy: "</\(elements.record)>").count - 1)
            for piece in xml.components(separatedBy: "&").dropFirst() {
                #expect(["amp;", "lt;", "gt;", "quot;", "apos;"].contains { piece.hasPrefix($0) })
            }
        }
        #expect(
            XMLText.escaped("Tom & Jerry <3> \"x\" 'y'", apostrophe: .named)
                == "Tom &amp; Jerry &lt;3&gt; &quot;x&quot; &apos;y&apos;")
        #expect(XMLText.escaped("Horváthová", apostrophe: .named) == "Horváthová")
    }
}

@Suite("Sample population")
struct SamplePopulationTests {
    @Test("the in-memory records are the files' records, each with its true child")
    func inMemoryMatchesFiles() throws {
        let (records, truth) = SamplePopulation.generate(small)
        #expect(records.count == truth.count)
        #expect(Set(records.map(\.key)).count == records.count)
        let folder = try TemporaryFolder()
        let summary = try SamplePopulation.write(small, to: folder.path)
        #expect(records.count == summary.totalRecords)
        let rows = CSVTestParser.parse(try String(contentsOfFile: folder.path + "/exclusions.csv", encoding: .utf8))
        let firstRow = try #require(rows.dropFirst().first)
        let id = firstRow[SampleLayout.personColumns.count]
        let record = try #require(records.first { $0.key == RecordKey(dataset: .exclusions, recordID: id) })
        #expect(record.person.forename == (firstRow[4].isEmpty ? nil : firstRow[4]))
        #expect(record.person.dateOfBirth == CalendarDate(parsing: firstRow[9]))
        #expect(record.location?.file == "exclusions.csv")
        #expect(record.location?.line == 2)
    }

    @Test("twins exist: same household and date of birth, different forenames")
    func twins() throws {
        let children = SamplePopulation.children(SampleConfiguration(children: 3000, seed: 2019))
        #expect(children.count == 3000)
        let twins = children.filter(\.isTwin)
        let share = Double(twins.count) / Double(children.count)
        #expect(share > 0.01 && share < 0.05, "twins are \(share * 100)% of children")
        let pairs = Dictionary(grouping: twins) { "\($0.household)/\($0.dateOfBirth)" }
        #expect(!pairs.isEmpty)
        for (_, group) in pairs {
            #expect(group.count == 2)
            #expect(Set(group.map(\.forename)).count == group.count)
            #expect(Set(group.map(\.surname)).count == 1 || group.map(\.gender) != [group[0].gender, group[0].gender])
        }
    }

    @Test("every true UPN and NHS number is valid, and nearly every written one")
    func identifiersValidate() {
        let children = SamplePopulation.children(small)
        for child in children {
            if let upn = child.upn { #expect(UPN(upn)?.isValid == true, "UPN of child \(child.id)") }
            if let temporary = child.temporaryUPN {
                let parsed = UPN(temporary)
                #expect(parsed?.isValid == true && parsed?.isTemporary == true, "temporary UPN of child \(child.id)")
            }
            if let nhs = child.nhsNumber { #expect(NHSNumber(nhs)?.isValid == true, "NHS number of child \(child.id)") }
        }
        #expect(Set(children.compactMap(\.upn)).count == children.compactMap(\.upn).count)
        #expect(Set(children.compactMap(\.nhsNumber)).count == children.compactMap(\.nhsNumber).count)
        let (records, _) = SamplePopulation.generate(small)
        let upns = records.compactMap(\.person.upn)
        let nhs = records.compactMap(\.person.nhsNumber)
        #expect(Double(upns.filter(\.isValid).count) / Double(upns.count) > 0.98)
        #expect(Double(nhs.filter(\.isValid).count) / Double(nhs.count) > 0.97)
        #expect(upns.contains { $0.isTemporary })
        #expect(records.contains { $0.person.upnUnknownReason != nil })
    }

    @Test("names carry diacritics, feminine surnames and their plain variants")
    func namesAndNoise() {
        let (records, _) = SamplePopulation.generate(SampleConfiguration(children: 3000, seed: 2019))
        let surnames = Set(records.compactMap(\.person.surname))
        #expect(surnames.contains { $0.hasSuffix("ová") })
        #expect(surnames.contains { NameVariants.hasDiacritics($0) })
        #expect(surnames.contains { $0.contains("-") })
        #expect(NameVariants.withoutDiacritics("Horváthová Štefan Ionuț Łukasz") == "Horvathova Stefan Ionut Lukasz")
        #expect(NameVariants.withoutFeminineEnding("Horváthová") == "Horváth")
    }

    @Test("events fall in the 24 months to the end date, with missing episodes in its final week")
    func eventDates() {
        let configuration = SampleConfiguration(children: 3000, seed: 2019)
        let (records, _) = SamplePopulation.generate(configuration)
        let end = configuration.endDate
        for record in records {
            #expect(record.event.date <= end && record.event.date >= end.adding(days: -731), "\(record.key)")
        }
        let finalWeek = records.filter { record in
            if case .missing(let episode) = record.event { return episode.start.date > end.adding(days: -7) }
            return false
        }
        #expect(finalWeek.count >= 10)
        let open = records.filter { if case .missing(let e) = $0.event { return e.end == nil } else { return false } }
        #expect(!open.isEmpty)
        #expect(Set(records.map(\.dataset)) == Set(Dataset.strands))
    }

    @Test("a target number of records is reached")
    func targetRecords() {
        let (records, _) = SamplePopulation.generate(SampleConfiguration(targetRecords: 500, seed: 3))
        #expect(records.count >= 500 && records.count < 560)
    }
}

/// A folder under the system temporary directory, removed when the value goes away.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "childlink-sample-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// A minimal RFC 4180 reader for checking the writer's output.
enum CSVTestParser {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if inQuotes {
                if character == "\"" {
                    if characters.first == "\"" {
                        field.append("\"")
                        characters.removeFirst()
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                inQuotes = true
            } else if character == "," {
                row.append(field)
                field = ""
            } else if character == "\n" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.append(character)
            }
        }
        if !field.isEmpty || !row.isEmpty { rows.append(row + [field]) }
        return rows
    }
}

@Suite("Sample noise")
struct SampleNoiseTests {
    /// The share of records whose forename, surname or date of birth differs from the true child's.
    private func changedShare(_ noise: NoiseLevel) -> Double {
        let configuration = SampleConfiguration(children: 1500, seed: 11, noise: noise)
        let children = Dictionary(
            uniqueKeysWithValues: SamplePopulation.children(configuration).map { ($0.id, $0) })
        let (records, truth) = SamplePopulation.generate(configuration)
        let changed = records.filter { record in
            let child = children[truth[record.key]!]!
            return record.person.forename != child.forename || record.person.dateOfBirth != child.dateOfBirth
                || (record.person.surname != child.surname && record.person.surname != child.otherSurname)
        }
        return Double(changed.count) / Double(records.count)
    }

    @Test("higher noise levels change more records")
    func noiseLevelsOrder() {
        let low = changedShare(.low)
        let standard = changedShare(.standard)
        let high = changedShare(.high)
        #expect(low < standard && standard < high, "low \(low), default \(standard), high \(high)")
        #expect(standard > 0.03 && standard < 0.35, "default noise should look like a real council's data")
    }

    @Test("some children are registered twice in one system, under a second person id")
    func withinDatasetDuplicates() {
        let (records, truth) = SamplePopulation.generate(SampleConfiguration(children: 3000, seed: 2019))
        var personIDs: [String: Set<String>] = [:]
        for record in records {
            let system = record.dataset == .missing ? "LCS" : "Education"
            personIDs["\(truth[record.key]!)/\(system)", default: []].insert(record.person.personID ?? "")
        }
        #expect(personIDs.values.contains { $0.count > 1 })
    }

    @Test("some twins have similar forenames (Jayden and Jaden)")
    func similarTwinNames() {
        let twins = SamplePopulation.children(SampleConfiguration(children: 8000, seed: 5)).filter(\.isTwin)
        let pairs = Dictionary(grouping: twins) { "\($0.household)/\($0.dateOfBirth)" }.values
        let similar = pairs.filter { pair in
            NameData.similarTwinNames.contains { entry in
                Set(pair.map(\.forename)) == [entry.0, entry.1]
            }
        }
        #expect(!similar.isEmpty)
    }

    @Test(
        "name variants",
        arguments: [
            ("Horváthová", "Horvathova"), ("Štefan", "Stefan"), ("Ionuț", "Ionut"), ("Łukasz", "Lukasz"),
            ("Wiśniewska", "Wisniewska"), ("Smith", "Smith"),
        ])
    func diacritics(written: String, plain: String) {
        #expect(NameVariants.withoutDiacritics(written) == plain)
    }

    @Test("a typo keeps the first letter and changes the name by one edit")
    func typo() {
        var random = SampleRandom(seed: 1)
        for _ in 0..<200 {
            let slipped = NameVariants.typo("Katherine", random: &random)
            #expect(slipped.first == "K")
            #expect(abs(slipped.count - 9) <= 1)
        }
    }

    @Test("the random generator is reproducible and spreads its values")
    func randomReproducible() {
        var first = SampleRandom(seed: 42)
        var second = SampleRandom(seed: 42)
        let a = (0..<100).map { _ in first.below(10) }
        let b = (0..<100).map { _ in second.below(10) }
        #expect(a == b)
        #expect(Set(a).count == 10)
    }
}

@Suite("Sample correlations")
struct SampleCorrelationTests {
    @Test("Roma children are over-represented in CME, and CME children more often home educated or excluded")
    func strandsCorrelate() {
        let configuration = SampleConfiguration(children: 4000, seed: 2019)
        let children = Dictionary(
            uniqueKeysWithValues: SamplePopulation.children(configuration).map { ($0.id, $0) })
        let (records, truth) = SamplePopulation.generate(configuration)
        var strands: [Int: Set<Dataset>] = [:]
        for record in records { strands[truth[record.key]!, default: []].insert(record.dataset) }
        func share(_ members: [Int], where predicate: (Int) -> Bool) -> Double {
            Double(members.filter(predicate).count) / Double(max(1, members.count))
        }
        let all = Array(strands.keys)
        let cme = all.filter { strands[$0]!.contains(.cme) }
        let notCME = all.filter { !strands[$0]!.contains(.cme) }
        let isRoma = { (id: Int) in children[id]!.ethnicity == "WROM" }
        #expect(share(cme, where: isRoma) > 2 * share(all, where: isRoma))
        let isEHE = { (id: Int) in strands[id]!.contains(.ehe) }
        #expect(share(cme, where: isEHE) > share(notCME, where: isEHE))
        let sharedFamilies = records.compactMap { record -> String? in
            if case .cme(let referral) = record.event { return referral.familyID }
            return nil
        }
        #expect(Dictionary(grouping: sharedFamilies) { $0 }.values.contains { $0.count > 1 })
    }
}

import ChildLinkModel
import Foundation
import Testing

@testable import ChildLinkImport

/// The council's targets, commentary and benchmarks files: read into typed values, and every bad
/// entry refused with the file, the line and the field.
@Suite("Scorecard context files")
struct ScorecardContextReaderTests {
    /// A small catalogue: the Missing scorecard has indicators 1.1, 5.3a and group 5; CME has 1a
    /// and group 1. Periods are four-digit year, dash, month.
    static let catalogue = ScorecardCatalogue(
        indicators: [.missing: ["1.1", "5.3a"], .cme: ["1a"], .inclusion: ["cohort"]],
        groups: [.missing: ["1", "5"], .cme: ["1"]],
        periodKey: { text in
            let parts = text.split(separator: "-")
            return parts.count == 2 && parts[0].count == 4 && Int(parts[1]).map((1...12).contains) == true ? text : nil
        })

    static func read(targets: String? = nil, commentary: String? = nil, benchmarks: String? = nil) throws
        -> ScorecardContext
    {
        let files = ScorecardContextFiles(
            targets: try targets.map { try Fixture.temporary("targets.yaml", text: $0) },
            commentary: try commentary.map { try Fixture.temporary("commentary.yaml", text: $0) },
            benchmarks: try benchmarks.map { try Fixture.temporary("benchmarks.yaml", text: $0) })
        return try ScorecardContextReader.read(files, catalogue: catalogue)
    }

    @Test func readsTargets() throws {
        let context = try Self.read(
            targets: """
                missing:
                  "5.3a": { polarity: higher, target: 80, amber: 5, red: 10 }
                  "1.1": { polarity: info }
                cme:
                  1a: { polarity: lower, target: "40%", amber: 2.5 }
                inclusion:
                  cohort: { polarity: lower, target: 40, amber: 5, red: 15 }
                """)
        #expect(
            context.targets[.inclusion]?["cohort"] == IndicatorTarget(polarity: .lower, target: 40, amber: 5, red: 15))
        #expect(context.targets[.missing]?["5.3a"] == IndicatorTarget(polarity: .higher, target: 80, amber: 5, red: 10))
        #expect(context.targets[.missing]?["1.1"] == IndicatorTarget(polarity: .info))
        // Red defaults to the amber tolerance.
        #expect(context.targets[.cme]?["1a"] == IndicatorTarget(polarity: .lower, target: 40, amber: 2.5, red: 2.5))
    }

    @Test func readsCommentaryByPeriod() throws {
        let context = try Self.read(
            commentary: """
                missing:
                  2019-06:
                    "5.3a": "Cover arranged."
                    analysis:
                      "5": "Timeliness is the focus."
                  2019-05:
                    "1.1": Seasonal.
                """)
        #expect(context.commentary[.missing]?["2019-06"] == ["5.3a": "Cover arranged."])
        #expect(context.commentary[.missing]?["2019-05"] == ["1.1": "Seasonal."])
        #expect(context.analysis[.missing]?["2019-06"] == ["5": "Timeliness is the focus."])
    }

    @Test func readsBenchmarks() throws {
        let context = try Self.read(
            benchmarks: """
                source: DfE 2019
                missing:
                  "5.3a": { neighbours: 72.5, england: 69 }
                """)
        #expect(context.benchmarks[.missing]?["5.3a"] == IndicatorBenchmark(statisticalNeighbours: 72.5, england: 69))
        #expect(context.benchmarkSource == "DfE 2019")
    }

    /// Each bad entry: the file, the line, the field and what is wrong.
    @Test(arguments: [
        ("targets", "missing:\n  \"9.9\": { polarity: higher, target: 1 }\n", 2, "'missing.9.9'", "no indicator"),
        (
            "targets", "missing:\n  \"1.1\": { polarity: higher, target: eighty }\n", 2, "'missing.1.1.target'",
            "'eighty' is not a number"
        ),
        (
            "targets",
            "missing:\n  \"1.1\": { polarity: info }\n  \"5.3a\": { polarity: info }\n  \"1.1\": { polarity: higher, target: 2 }\n",
            4, "'1.1'", "duplicate key"
        ),
        (
            "targets", "missing:\n  \"1.1\": { polarity: upwards }\n", 2, "'missing.1.1.polarity'",
            "not higher, lower or info"
        ),
        ("targets", "missing:\n  \"1.1\": { polarity: higher }\n", 2, "'missing.1.1'", "needs a target"),
        (
            "targets", "missing:\n  \"1.1\": { polarity: higher, target: 5, amber: 4, red: 2 }\n", 2, "'missing.1.1'",
            "amber ≤ red"
        ),
        (
            "targets", "missing:\n  \"1.1\": { polarity: higher, target: 5, goal: 4 }\n", 2, "'missing.1.1.goal'",
            "unknown key"
        ),
        ("targets", "weekly:\n  \"1.1\": { polarity: info }\n", 1, "'weekly'", "not a scorecard"),
        (
            "targets", "inclusion:\n  \"1.1\": { polarity: info }\n", 2, "'inclusion.1.1'",
            "no indicator on the inclusion scorecard"
        ),
        ("benchmarks", "missing:\n  \"5.3a\": { england: 7O }\n", 2, "'missing.5.3a.england'", "'7O' is not a number"),
        ("benchmarks", "cme:\n  \"5.3a\": { england: 70 }\n", 2, "'cme.5.3a'", "no indicator"),
        ("commentary", "missing:\n  June 2019:\n    \"1.1\": x\n", 2, "'missing.June 2019'", "not a period"),
        ("commentary", "missing:\n  2019-06:\n    \"1.2\": x\n", 3, "'missing.2019-06.1.2'", "no indicator"),
        (
            "commentary", "missing:\n  2019-06:\n    analysis:\n      \"7\": x\n", 4, "'missing.2019-06.analysis.7'",
            "no group"
        ),
        ("commentary", "missing:\n  2019-06:\n    \"1.1\": x\n    \"1.1\": y\n", 4, "'1.1'", "duplicate key"),
        ("targets", "missing:\n  \"1.1\": &a { polarity: info }\n  \"5.3a\": *a\n", 3, "", "aliases"),
        ("targets", "missing: [\n", 2, "", "not YAML"),
    ])
    func badEntry(file: String, yaml: String, line: Int, field: String, problem: String) throws {
        let error = try #require(throws: ImportError.self) {
            _ = try Self.read(
                targets: file == "targets" ? yaml : nil, commentary: file == "commentary" ? yaml : nil,
                benchmarks: file == "benchmarks" ? yaml : nil)
        }
        #expect(error.code == .invalidCouncilFile)
        #expect(error.path.hasSuffix("\(file).yaml"))
        #expect(error.line == line, "\(error.message)")
        #expect(error.message.hasPrefix("\(error.path):\(line): \(field)"), "\(error.message)")
        #expect(error.message.contains(problem), "\(error.message)")
    }

    @Test func missingFileIsNamed() {
        let files = ScorecardContextFiles(targets: "/nonexistent/targets.yaml")
        let error = #expect(throws: ImportError.self) {
            try ScorecardContextReader.read(files, catalogue: Self.catalogue)
        }
        #expect(error?.code == .unreadableFile)
        #expect(error?.message.contains("/nonexistent/targets.yaml") == true)
    }

    @Test func readsLocalitiesInAreaOrder() throws {
        let path = try Fixture.temporary(
            "localities.yaml",
            text: """
                sectors:
                  "S65 3": { area: North, locality: Dalton }
                  "s60 1": { area: Central, locality: Oakwood }
                  "S63 6": { area: North, locality: Wath }
                  "S65 4": { area: North, locality: Dalton }
                """)
        let context = try ScorecardContextReader.read(
            ScorecardContextFiles(localities: path), catalogue: Self.catalogue)
        #expect(context.localities["S60 1"] == Locality(area: "Central", name: "Oakwood"))
        #expect(context.localities.count == 4)
        #expect(
            context.localityOrder.map(\.label) == ["North – Dalton", "North – Wath", "Central – Oakwood"])
    }

    @Test(arguments: [
        ("sectors:\n  \"S60\": { area: A, locality: B }\n", 2, "'sectors.S60'", "not a postcode sector"),
        ("sectors:\n  \"S60 1\": { area: A }\n", 2, "'sectors.S60 1'", "no locality given"),
        ("sectors:\n  \"S60 1\": { area: A, locality: B, ward: C }\n", 2, "'sectors.S60 1.ward'", "unknown key"),
        (
            "sectors:\n  \"S60 1\": { area: A, locality: B }\n  \"S60 1\": { area: A, locality: C }\n", 3, "'S60 1'",
            "duplicate key"
        ),
        ("areas:\n  North: []\n", 1, "'areas'", "unknown key"),
    ])
    func badLocalities(yaml: String, line: Int, field: String, problem: String) throws {
        let path = try Fixture.temporary("localities.yaml", text: yaml)
        let error = try #require(throws: ImportError.self) {
            _ = try ScorecardContextReader.read(ScorecardContextFiles(localities: path), catalogue: Self.catalogue)
        }
        #expect(error.line == line, "\(error.message)")
        #expect(error.message.hasPrefix("\(path):\(line): \(field)"), "\(error.message)")
        #expect(error.message.contains(problem), "\(error.message)")
    }

    /// The optional CME field RemovedFromRoll (Yes/No) is read when the extract has it, and is
    /// nil (not recorded) when it does not.
    @Test func removedFromRollIsOptional() throws {
        let header = "ReferralID,PersonID,Forename,Surname,DateOfBirth,ReferralDate"
        let with = try Fixture.temporary(
            "cme-with.csv",
            text: "\(header),RemovedFromRoll\nR1,P1,Ann,Lee,01/02/2010,04/09/2019,Yes\n"
                + "R2,P2,Bob,Lee,01/02/2011,05/09/2019,No\nR3,P3,Cy,Lee,01/02/2012,06/09/2019,\n")
        let without = try Fixture.temporary("cme-without.csv", text: "\(header)\nR4,P4,Di,Lee,01/02/2010,04/09/2019\n")
        let result = try ExtractReader(options: ImportOptions()).read(paths: [with, without])
        let removed = result.records.map { record -> Bool?? in
            guard case .cme(let referral) = record.event else { return nil }
            return .some(referral.removedFromRoll)
        }
        #expect(removed == [true, false, .some(nil), .some(nil)])
    }

    /// The optional EHE fields OfficerInvolvement and InvolvementPending (Yes/No) are read when the
    /// extract has them, each on its own, and are nil (not recorded) when it does not.
    @Test func eheInvolvementFieldsAreOptional() throws {
        let header = "EHEID,PersonID,Forename,Surname,DateOfBirth,StartDate"
        let with = try Fixture.temporary(
            "ehe-with.csv",
            text: "\(header),OfficerInvolvement,InvolvementPending\nH1,P1,Ann,Lee,01/02/2010,04/09/2019,Yes,No\n"
                + "H2,P2,Bob,Lee,01/02/2011,05/09/2019,No,Yes\nH3,P3,Cy,Lee,01/02/2012,06/09/2019,,\n")
        let without = try Fixture.temporary("ehe-without.csv", text: "\(header)\nH4,P4,Di,Lee,01/02/2010,04/09/2019\n")
        let result = try ExtractReader(options: ImportOptions()).read(paths: [with, without])
        let fields = result.records.compactMap { record -> [Bool?]? in
            guard case .ehe(let ehe) = record.event else { return nil }
            return [ehe.officerInvolvement, ehe.involvementPending]
        }
        #expect(fields == [[true, false], [false, true], [nil, nil], [nil, nil]])
    }

    /// A value that is not Yes or No is a rejected record naming the field, never the value.
    @Test func eheInvolvementBadValueIsRejected() throws {
        let path = try Fixture.temporary(
            "ehe-bad.csv",
            text: "EHEID,PersonID,Forename,Surname,DateOfBirth,StartDate,InvolvementPending\n"
                + "H1,P1,Ann,Lee,01/02/2010,04/09/2019,Maybe\n")
        let result = try ExtractReader(options: ImportOptions()).read(paths: [path])
        #expect(result.records.isEmpty)
        let reject = try #require(result.rejects.first)
        #expect(reject.location.line == 2)
        #expect(reject.field == "InvolvementPending")
        #expect(!reject.reason.contains("Maybe"))
    }
}

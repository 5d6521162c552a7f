import ChildLinkModel
import Testing

@testable import ChildLinkMatching

/// A UPN or NHS number typed in with one slip (it fails its check) against the right one.
@Suite("Identifier slips")
struct IdentifierSlipTests {
    /// 943 476 5919 is the NHS's own example of a valid number (weights 10…2, sum 299, 299 mod 11
    /// = 2, 11 − 2 = 9). Each slip below fails the check (worked with the same weights).
    private static let nhs = "9434765919"

    private func record(
        _ id: String, _ forename: String, nhs: String? = nil, upn: String? = nil, dob: String = "14/05/2013",
        _ dataset: Dataset = .cme
    ) -> SourceRecord {
        Make.record(
            id, dataset, forename: forename, surname: "Taylor", dob: dob, postcode: "S61 2AB", upn: upn, nhs: nhs)
    }

    private func compared(_ a: SourceRecord, _ b: SourceRecord) -> (ComparisonVector, TwinReason?) {
        let comparer = PairComparer(table: RecordTable([a, b]))
        let vector = comparer.compare(0, 1)
        return (vector, comparer.twinReason(0, 1, vector))
    }

    @Test(
        "An NHS number one digit or one transposition out, failing its check, is a slip of the right one",
        arguments: ["9434756919", "9434765819", "4934765919"])
    func nhsSlip(slipped: String) throws {
        #expect(try #require(NHSNumber(slipped)).isValid == false)
        let (vector, _) = compared(record("1", "Jake", nhs: Self.nhs), record("2", "Jake", nhs: slipped, .ehe))
        #expect(vector.nhsNumber == .oneSlip)
        #expect(!vector.sharesIdentifier)
    }

    @Test("Two slips, or two valid numbers, are not a slip")
    func notSlips() {
        // Two digits changed (9434765919 → 9434766819): fails its check, two slips away.
        let (two, _) = compared(record("1", "Jake", nhs: Self.nhs), record("2", "Jake", nhs: "9434766819", .ehe))
        #expect(two.nhsNumber == .absent)
        // 401 023 2137 is valid (sum 92, 92 mod 11 = 4, 11 − 4 = 7): two numbers, two children.
        let (valid, _) = compared(record("1", "Jake", nhs: Self.nhs), record("2", "Jake", nhs: "4010232137", .ehe))
        #expect(valid.nhsNumber == .disagree)
    }

    @Test("A UPN with one digit changed or two swapped, failing its check letter, is a slip of the right one")
    func upnSlip() throws {
        let upn = Make.upn(57)
        var characters = Array(upn)
        characters.swapAt(11, 12)  // serial 057 → 075
        let swapped = String(characters)
        characters = Array(upn)
        characters[5] = characters[5] == "9" ? "8" : "9"
        let changed = String(characters)
        for slipped in [swapped, changed] {
            #expect(try #require(UPN(slipped)).isValid == false)
            let (vector, _) = compared(record("1", "Jake", upn: upn), record("2", "Jake", upn: slipped, .ehe))
            #expect(vector.upn == .oneSlip)
        }
    }

    @Test("A slip does not make twins one child")
    func twinsStayTwins() {
        let (vector, reason) = compared(
            record("1", "Jake", nhs: Self.nhs), record("2", "Kyle", nhs: "9434756919", .ehe))
        #expect(vector.nhsNumber == .oneSlip)
        #expect(reason == .differentForenames)
    }

    @Test("A forename slip, a birth date a digit out, a move and a UPN typed with a slip link through the linker")
    func linksThroughTheLinker() {
        let upn = Make.upn(731)
        var characters = Array(upn)
        characters[9] = characters[9] == "1" ? "2" : "1"
        var records = LinkerTests.population.records
        records += [
            Make.record(
                "U1", .missing, forename: "Ellie", surname: "Marsden", dob: "12/02/2011", gender: .female,
                postcode: "S62 6BT", upn: upn),
            Make.record(
                "U2", .exclusions, forename: "Elie", surname: "Marsden", dob: "17/02/2011", gender: .female,
                postcode: "S65 2QQ", upn: String(characters)),
            Make.record(
                "U3", .ehe, forename: "Ruby", surname: "Marsden", dob: "12/02/2011", gender: .female,
                postcode: "S62 6BT", upn: String(characters)),
        ]
        let result = Linker().link(records)
        func child(_ result: LinkResult, _ id: String, _ dataset: Dataset) -> Int {
            result.childOfRecord[result.index(of: RecordKey(dataset: dataset, recordID: id))!]
        }
        #expect(child(result, "U1", .missing) == child(result, "U2", .exclusions))
        #expect(child(result, "U3", .ehe) != child(result, "U1", .missing))
        // The control: without the slipped UPN the same pair is left to review, not linked.
        records[records.count - 2].person.upn = nil
        let control = Linker().link(records)
        #expect(child(control, "U1", .missing) != child(control, "U2", .exclusions))
    }
}

import ChildLinkModel
import Testing

@testable import ChildLinkMatching

/// The twin guard on alike forenames: kept apart on evidence of two children (two person ids in
/// one system, both spellings held in one dataset at overlapping times), not on two spellings alone.
@Suite("Twin guard: evidence of two children")
struct TwinEvidenceTests {
    private static let dob = "14/05/2013"

    /// A record of `dataset` whose event is on `date` (a missing episode lasting a day).
    private func record(
        _ id: String, _ dataset: Dataset, _ forename: String, surname: String = "Walker", dob: String = Self.dob,
        personID: String? = nil, on date: String = "06/01/2025"
    ) -> SourceRecord {
        var made = Make.record(
            id, dataset, forename: forename, surname: surname, dob: dob, postcode: "S61 2AB", personID: personID)
        made.event = Self.event(dataset, on: CalendarDate(parsing: date)!)
        return made
    }

    private static func event(_ dataset: Dataset, on date: CalendarDate) -> RecordEvent {
        switch dataset {
        case .missing:
            let start = LocalDateTime(date: date)!
            return .missing(
                MissingEpisode(type: .missing, start: start, end: LocalDateTime(date: date.adding(days: 1))))
        case .ehe: return .ehe(EHERecord(startDate: date))
        case .exclusions: return .exclusion(ExclusionRecord(category: .suspension, startDate: date, reasons: []))
        default: return .cme(CMEReferral(referralDate: date))
        }
    }

    /// Other children holding `names`, two each in other families: each a name in its own right.
    private func attested(_ names: [String]) -> [SourceRecord] {
        names.enumerated().flatMap { n, name in
            (1...2).map { k in
                Make.record("A\(n)-\(k)", .exclusions, forename: name, surname: "Other\(k)", dob: "0\(k)/02/2011")
            }
        }
    }

    @Test("Two person ids in one system holding the two spellings are two children")
    func twoPersonIDsInOneSystem() {
        // Jaxon in social care and Jaxen in CME: two spellings, no evidence of two children.
        let jaxon = record("1", .missing, "Jaxon", personID: "1400007")
        let jaxen = record("2", .cme, "Jaxen")
        #expect(twinReason([jaxon, jaxen]) == nil)
        // Social care also holds a Jaxen under another person id: there are two children.
        let otherJaxen = record("3", .missing, "Jaxen", personID: "1400014", on: "20/09/2025")
        #expect(twinReason([jaxon, jaxen, otherJaxen]) == .heldApartInOneDataset)
        // The same person id for both spellings is one child typed two ways.
        let sameJaxen = record("3", .missing, "Jaxen", personID: "1400007", on: "20/09/2025")
        #expect(twinReason([jaxon, jaxen, sameJaxen]) == nil)
    }

    @Test("Both spellings followed side by side in one dataset, with no person id, are two children")
    func followedSideBySide() {
        let gabriela = record("1", .cme, "Gabriela", surname: "Balogova", on: "03/03/2025")
        let gabruela = record("2", .cme, "Gabruela", surname: "Balogova", on: "03/03/2025")
        let gabrielaAgain = record("3", .cme, "Gabriela", surname: "Balogova", on: "20/10/2025")
        let gabruelaAgain = record("4", .cme, "Gabruela", surname: "Balogova", on: "12/09/2025")
        // Each spelling on two referrals, March to October and March to September: two children.
        #expect(twinReason([gabriela, gabruela, gabrielaAgain, gabruelaAgain]) == .heldApartInOneDataset)
        // One referral each, even on one day: the same referral keyed twice, once with a slip.
        #expect(twinReason([gabriela, gabruela]) == nil)
        // One spelling until April, the other from September: one child retyped by a new team.
        let april = record("3", .cme, "Gabriela", surname: "Balogova", on: "10/04/2025")
        let october = record("4", .cme, "Gabruela", surname: "Balogova", on: "20/10/2025")
        let retyped = [gabriela, record("2", .cme, "Gabruela", surname: "Balogova", on: "12/09/2025"), april, october]
        #expect(twinReason(retyped) == nil)
        // Side by side in two different datasets is no evidence: each dataset is one view of the child.
        let episodes = [
            record("5", .missing, "Gabruela", surname: "Balogova", on: "02/03/2025"),
            record("6", .missing, "Gabruela", surname: "Balogova", on: "20/10/2025"),
        ]
        #expect(twinReason([gabriela, episodes[0], gabrielaAgain] + episodes.dropFirst()) == nil)
    }

    @Test("Two slips of one name at the same birth date are one child, not a twin's name mistyped")
    func twoSlipsOfOneName() {
        let others = attested(["Gabriela"])
        let first = record("1", .missing, "Gabreiela", surname: "Balogova")
        let second = record("2", .exclusions, "Gabruela", surname: "Balogova")
        #expect(twinReason([first, second] + others) == nil)
        // A slip of a name held by other children, beside a twin with another well-attested name,
        // still says twins (Harvry is Harvey mistyped, not Harley).
        let harvry = record("1", .missing, "Harvry", surname: "Taylor")
        let harley = record("2", .exclusions, "Harley", surname: "Taylor")
        #expect(twinReason([harvry, harley] + attested(["Harvey", "Harley"])) == .slipOfAnotherName)
    }

    @Test("A neighbour swap of a common name is a slip of the keys, not a name in its own right")
    func neighbourSwap() {
        // Eav is typed for Eva by several hands: held by two children, but not a twin's name.
        let others = attested(["Eva", "Eav", "Lily", "Lilly"])
        #expect(twinReason([record("1", .missing, "Eva"), record("2", .cme, "Eav")] + others) == nil)
        // Lily and Lilly are both names parents give: still twins by the look of them.
        #expect(
            twinReason([record("1", .missing, "Lily"), record("2", .cme, "Lilly")] + others)
                == .alikeNamesInTheirOwnRight)
        #expect(PairComparer.neighboursSwapped(Array("eav".utf8)[...], Array("eva".utf8)[...]))
        #expect(!PairComparer.neighboursSwapped(Array("lily".utf8)[...], Array("lilly".utf8)[...]))
        #expect(!PairComparer.neighboursSwapped(Array("abcd".utf8)[...], Array("badc".utf8)[...]))
    }
}

/// The initial-fits-both-twins guard gives way to an identifier the two records share.
@Suite("Twin guard: initials and identifiers")
struct InitialIdentifierTests {
    @Test("A record with only an initial and the full-named record's UPN is linked to it")
    func sharedUPNSaysWhichTwin() {
        let upn = Make.upn(41)
        var records = TwinClusteringTests.population.records
        for n in 0..<3 {
            records.append(
                Make.record(
                    "JA\(n)", Dataset.strands[n], forename: "Jack", surname: "Balog", dob: "11/07/2010", gender: .male,
                    postcode: "S60 4HB", upn: n == 0 ? upn : nil))
            records.append(
                Make.record(
                    "JO\(n)", Dataset.strands[n], forename: "Jordan", surname: "Balog", dob: "11/07/2010",
                    gender: .male, postcode: "S60 4HB"))
        }
        records.append(
            Make.record(
                "J", .exclusions, forename: "J", surname: "Balog", dob: "11/07/2010", gender: .male,
                postcode: "S60 4HB", upn: upn))
        let result = Linker().link(records)
        let childOf = { (id: String, dataset: Dataset) in
            result.childOfRecord[result.index(of: RecordKey(dataset: dataset, recordID: id))!]
        }
        #expect(childOf("J", .exclusions) == childOf("JA0", .missing))
        #expect(childOf("J", .exclusions) != childOf("JO0", .missing))
        let explanation = result.explain(
            result.index(of: RecordKey(dataset: .exclusions, recordID: "J"))!,
            result.index(of: RecordKey(dataset: .missing, recordID: "JA0"))!)
        #expect(explanation.twinReason == nil)
    }
}

/// Slips made by many hands on a common name are not names in their own right.
@Suite("Twin guard: slips of a common name")
struct CommonNameSlipTests {
    private func record(_ id: String, _ dataset: Dataset, _ forename: String) -> SourceRecord {
        Make.record(id, dataset, forename: forename, surname: "Walker", dob: "14/05/2013", postcode: "S61 2AB")
    }

    /// Why a missing episode for `first` and a CME referral for `second` (one birth date, surname
    /// and postcode) look like twins among `others`, or `nil`.
    private func twinReason(_ first: String, beside second: String, among others: [SourceRecord]) -> TwinReason? {
        ChildLinkMatchingTests.twinReason([record("1", .missing, first), record("2", .cme, second)] + others)
    }

    /// `count` other children holding `name`, each born on another day.
    private func holders(_ name: String, _ count: Int) -> [SourceRecord] {
        (0..<count).map { k in
            Make.record(
                "\(name)-\(k)", .exclusions, forename: name, surname: "Other", dob: "\(k % 28 + 1)/\(k / 28 + 1)/2011")
        }
    }

    @Test("Two slips of one far commoner name are that name mistyped twice")
    func twoSlipsOfACommonerName() {
        // Lil and Liily, each held by 3 children (2 others and the record's own), are both one
        // slip from Lily, held by 40 (more than ten times 3): Lily typed two ways, one child.
        let others = holders("Lil", 2) + holders("Liily", 2) + holders("Lily", 40)
        #expect(twinReason("Lil", beside: "Liily", among: others) == nil)
        // With Lily held by only 5 children, Lil and Liily stay names in their own right.
        let fewer = holders("Lil", 2) + holders("Liily", 2) + holders("Lily", 5)
        #expect(twinReason("Lil", beside: "Liily", among: fewer) == .alikeNamesInTheirOwnRight)
    }

    @Test("A twin's name mistyped beside the other twin's alike name still says twins")
    func twinNameMistypedBesideAlikeName() {
        // Aiedn (Aiden mistyped) and Ayden are both one slip from Aiden, but Ayden (9 children)
        // is no slip of Aiden (15): the pair is still two alike names.
        let others = holders("Aiedn", 2) + holders("Ayden", 8) + holders("Aiden", 15)
        #expect(twinReason("Aiedn", beside: "Ayden", among: others) == .alikeNamesInTheirOwnRight)
        // Twins' alike names are each other's neighbour, not two slips of a third.
        let lily = holders("Lily", 30) + holders("Lilly", 8)
        #expect(twinReason("Lily", beside: "Lilly", among: lily) == .alikeNamesInTheirOwnRight)
    }

    /// How a missing episode for `first` and a CME referral for `second` compare on the forename among `others`.
    private func forenameLevel(_ first: String, _ second: String, among others: [SourceRecord]) -> ForenameLevel {
        let table = RecordTable([record("1", .missing, first), record("2", .cme, second)] + others)
        return PairComparer(table: table).compare(0, 1).forename
    }

    @Test("Two slips of one far commoner name, and of no other, compare as a close spelling")
    func twoSlipsOfOneNameCompareClose() {
        // Arcihe and Acrhie (one child each) are both Archie (30 children) with two letters
        // swapped: Archie typed two ways, as alike as one slip of it beside the name.
        #expect(forenameLevel("Arcihe", "Acrhie", among: holders("Archie", 30)) == .close)
        // With Archie held by 3 children, they are two spellings alike, no more.
        #expect(forenameLevel("Arcihe", "Acrhie", among: holders("Archie", 3)) == .similar)
        // Jadyen is Jaden with a letter added and Jayden with two letters swapped; JJaden is Jaden
        // with the capital struck twice. Where both names are common, twins Jayden and Jaden
        // mistyped once each look just so.
        #expect(forenameLevel("Jadyen", "JJaden", among: holders("Jaden", 30)) == .close)
        #expect(forenameLevel("Jadyen", "JJaden", among: holders("Jaden", 30) + holders("Jayden", 30)) == .similar)
    }

    @Test("Two slips of one commoner name are not another child's name mistyped")
    func twoSlipsNotAnotherName() {
        // Joah is one slip from Noah as well as from Jonah; Jonanh is one slip from Jonah. Both
        // are Jonah (30 children) mistyped, not Noah beside a twin Jonah.
        let others = holders("Noah", 30) + holders("Jonah", 30)
        #expect(twinReason("Joah", beside: "Jonanh", among: others) == nil)
        // With Jonah rare, Joah still reads as Noah mistyped beside another child.
        let rareJonah = holders("Noah", 30) + holders("Jonah", 2)
        #expect(twinReason("Joah", beside: "Jonanh", among: rareJonah) == .slipOfAnotherName)
    }

    @Test("A far commoner name with two neighbouring letters swapped is that name mistyped")
    func transpositionOfACommonerName() {
        // Olivai (3 children with this record) is Olivia (40, more than ten times 3) with two
        // neighbouring letters swapped: Olivia mistyped beside her short form Liv, not a twin.
        let others = holders("Olivai", 2) + holders("Liv", 10) + holders("Olivia", 40)
        #expect(twinReason("Liv", beside: "Olivai", among: others) == nil)
        // With Olivia held by only 20 children, Olivai stays a spelling in its own right.
        let fewer = holders("Olivai", 2) + holders("Liv", 10) + holders("Olivia", 20)
        #expect(twinReason("Liv", beside: "Olivai", among: fewer) == .alikeNamesInTheirOwnRight)
    }

    @Test("A slip that hides a short form of the other forename does not make the names a twin's")
    func slipOfAShortForm() {
        // Aflie is Alfie (30 children, more than ten times Aflie's 1) with two letters swapped, and
        // Alfie is a short form of Alfred: the names differ only through the slip.
        // The pair compares as two forms of one name, as Alfie and Alfred would.
        let pair = [record("1", .missing, "Alfred"), record("2", .cme, "Aflie")]
        let comparer = PairComparer(table: RecordTable(pair + holders("Alfie", 30)))
        #expect(comparer.compare(0, 1).forename == .variant)
        #expect(twinReason("Alfred", beside: "Aflie", among: holders("Alfie", 30)) == nil)
        // With Alfie rare, Aflie proves nothing: two clearly different forenames, twins.
        #expect(PairComparer(table: RecordTable(pair + holders("Alfie", 5))).compare(0, 1).forename == .different)
        #expect(twinReason("Alfred", beside: "Aflie", among: holders("Alfie", 5)) == .differentForenames)
        // A slip of a name that is no form of the other's (Oscar) leaves the twin rule standing.
        #expect(twinReason("Alfred", beside: "Oscra", among: holders("Oscar", 30)) == .differentForenames)
    }

    @Test("A slip of a short form of the other forename is that child's name mistyped")
    func slipOfTheOthersShortForm() {
        // Olile is one slip from Ollie, Oliver's short form, and from Lile, which three other
        // children carry: beside Oliver it is Ollie mistyped, not another child's name.
        let others = holders("Ollie", 20) + holders("Lile", 3)
        #expect(twinReason("Oliver", beside: "Olile", among: others) == nil)
        // Hsnna is one slip from Hanna, which the table holds as a form of Hannah but which is an
        // alike spelling (a twin's own name, beside her sister Hannah), and from Henna: still a
        // slip of another child's name.
        let hanna = holders("Hanna", 10) + holders("Henna", 5)
        #expect(
            twinReason("Hannah", beside: "Hsnna", among: hanna) == .slipOfAnotherName)
    }

    @Test("A recurring slip of a far commoner name beside that name's short form is no twin's name")
    func recurringSlipBesideShortForm() {
        // Olliver (4 children) beside Ollie (41): each held by enough children to pass for names
        // in their own right, but Olliver is Oliver (60, more than ten times as many) with a
        // letter struck twice, and Ollie is Oliver's short form.
        let named = holders("Olliver", 3) + holders("Ollie", 40)
        #expect(twinReason("Olliver", beside: "Ollie", among: named + holders("Oliver", 60)) == nil)
        // With Oliver no commoner than Olliver's slip allows, the two stay alike names in their own right.
        #expect(
            twinReason("Olliver", beside: "Ollie", among: named + holders("Oliver", 30)) == .alikeNamesInTheirOwnRight)
    }

    @Test("A capital struck twice is a slip, however many children carry it")
    func firstLetterStruckTwice() {
        // AAli beside Ali: 3 other children carry the bounce (a twentieth of Ali's 40 would make
        // it a name in its own right); parents do not name a twin Ali's first letter doubled.
        let others = holders("Ali", 40) + holders("AAli", 3)
        #expect(twinReason("Ali", beside: "AAli", among: others) == nil)
        #expect(PairComparer.firstLetterStruckTwice(Array("oowen".utf8)[...], Array("owen".utf8)[...]))
        #expect(!PairComparer.firstLetterStruckTwice(Array("owen".utf8)[...], Array("oowen".utf8)[...]))
        // A letter doubled inside the name is another spelling (Lily, Lilly): twins can carry both.
        #expect(!PairComparer.firstLetterStruckTwice(Array("lilly".utf8)[...], Array("lily".utf8)[...]))
    }

    @Test("A letter struck twice beside a name more than ten times as common is a slip")
    func letterStruckTwice() {
        // Avva beside Ava: the commonest slip of the keys, made by many hands on a common name, so
        // Avva is held by 3 children beside Ava's 40. Parents do not name a twin Ava with a key
        // struck twice.
        let others = holders("Ava", 40) + holders("Avva", 3)
        #expect(twinReason("Ava", beside: "Avva", among: others) == nil)
        // Lilly beside Lily at a quarter as common is a name in its own right: twins can carry both.
        let lily = holders("Lily", 30) + holders("Lilly", 8)
        #expect(twinReason("Lily", beside: "Lilly", among: lily) == .alikeNamesInTheirOwnRight)
        #expect(PairComparer.letterStruckTwice(Array("avva".utf8)[...], Array("ava".utf8)[...]))
        #expect(PairComparer.letterStruckTwice(Array("lilly".utf8)[...], Array("lily".utf8)[...]))
        #expect(PairComparer.letterStruckTwice(Array("annaa".utf8)[...], Array("anna".utf8)[...]))
        // Another letter added is not a key struck twice.
        #expect(!PairComparer.letterStruckTwice(Array("avia".utf8)[...], Array("ava".utf8)[...]))
        #expect(!PairComparer.letterStruckTwice(Array("ava".utf8)[...], Array("avva".utf8)[...]))
    }

    @Test("A letter left out of a name more than ten times as common is a slip, unless a commoner name fits")
    func letterLeftOut() {
        // Lo beside Leo: 3 other children carry the dropped e beside Leo's 50, a spelling made by
        // many hands on a common name, not the name of Leo's twin.
        let leo = holders("Leo", 50) + holders("Lo", 3)
        #expect(twinReason("Leo", beside: "Lo", among: leo) == nil)
        // Jaden beside Jayden, at a third as common, is a spelling parents give: twins can carry both.
        let jayden = holders("Jayden", 30) + holders("Jaden", 10)
        #expect(twinReason("Jayden", beside: "Jaden", among: jayden) == .alikeNamesInTheirOwnRight)
        // Harvy is Harvey with the e left out, and Harry with a letter changed; Harry is the
        // commoner name, so Harvy may be Harvey's twin Harry mistyped.
        let harvey = holders("Harvey", 50) + holders("Harvy", 3) + holders("Harry", 80)
        #expect(twinReason("Harvey", beside: "Harvy", among: harvey) == .alikeNamesInTheirOwnRight)
        #expect(PairComparer.letterLeftOut(Array("naalia".utf8)[...], of: Array("natalia".utf8)[...]))
        #expect(PairComparer.letterLeftOut(Array("lo".utf8)[...], of: Array("leo".utf8)[...]))
        #expect(!PairComparer.letterLeftOut(Array("leo".utf8)[...], of: Array("lo".utf8)[...]))
        #expect(!PairComparer.letterLeftOut(Array("lea".utf8)[...], of: Array("leon".utf8)[...]))
    }

    @Test("A letter struck three times is a slip, however many children carry it")
    func tripledLetter() {
        let others = holders("Harry", 40) + holders("Harrry", 3)
        #expect(twinReason("Harry", beside: "Harrry", among: others) == nil)
        #expect(PairComparer.hasTripledLetter(Array("popppy".utf8)[...]))
        #expect(!PairComparer.hasTripledLetter(Array("lilly".utf8)[...]))
        #expect(!PairComparer.hasTripledLetter(Array("aa".utf8)[...]))
    }
}

import ChildLinkModel
import Testing

@testable import ChildLinkMatching

@Suite("Normalisation")
struct NormalisationTests {
    @Test(arguments: [
        ("Štefan", ["stefan"]), ("Horváthová-Smith", ["horvathova", "smith"]), ("O'Neill", ["oneill"]),
        ("O’Brien-Kelly", ["obrien", "kelly"]), ("D`Arcy", ["darcy"]),
        ("ŁUKASZ", ["lukasz"]), ("Dvořák", ["dvorak"]), ("Ștefănescu", ["stefanescu"]),
    ])
    func foldsDiacriticsAndSplitsWords(raw: String, expected: [String]) {
        #expect(TextFolding.words(raw).map { String(decoding: $0, as: UTF8.self) } == expected)
    }

    @Test("Combining accents (decomposed text) fold like precomposed ones")
    func foldsDecomposedText() {
        #expect(TextFolding.words("S\u{30C}tefan") == TextFolding.words("Štefan"))
    }

    @Test(arguments: [
        ("Horváthová", "Horváth"), ("Nováková", "Novák"), ("Kowalska", "Kowalski"), ("Černá", "Černý"),
    ])
    func feminineEndingsShareTheStem(feminine: String, masculine: String) {
        let table = RecordTable([
            Make.record("1", forename: "A", surname: feminine, dob: nil),
            Make.record("2", forename: "A", surname: masculine, dob: nil),
        ])
        #expect(table.slice(table.surnameStem[0]) == table.slice(table.surnameStem[1]))
    }

    @Test("Jaro–Winkler and Damerau–Levenshtein give the textbook values")
    func similarityValues() {
        func jw(_ a: String, _ b: String) -> Double {
            Array(a.utf8).withUnsafeBufferPointer { x in
                Array(b.utf8).withUnsafeBufferPointer { y in StringSimilarity.jaroWinkler(x, y) }
            }
        }
        func dl(_ a: String, _ b: String) -> Int {
            Array(a.utf8).withUnsafeBufferPointer { x in
                Array(b.utf8).withUnsafeBufferPointer { y in StringSimilarity.damerauLevenshtein(x, y) }
            }
        }
        #expect(abs(jw("martha", "marhta") - 0.9611) < 0.001)
        #expect(abs(jw("dwayne", "duane") - 0.84) < 0.001)
        #expect(jw("abc", "xyz") == 0)
        #expect(dl("horvath", "hovrath") == 1)
        #expect(dl("kitten", "sitting") == 3)
    }

    @Test("Jaro–Winkler with a floor is exact at or above the floor and below it otherwise")
    func boundedSimilarity() {
        let names = [
            "oliver", "olivia", "amelia", "amelie", "jayden", "jaden", "zain", "zayn", "mohammed", "muhammad",
            "horvath", "hovrath", "smith", "smyth", "o", "ab", "ba", "katherine", "catherine", "kowalski",
            "novak", "marhta", "martha", "dwayne", "duane", "aaaaaaaa", "a", "abcdefghijklmnopqrstuvwxyz0123456789x",
        ]
        for first in names {
            for second in names {
                Array(first.utf8).withUnsafeBufferPointer { x in
                    Array(second.utf8).withUnsafeBufferPointer { y in
                        let exact = StringSimilarity.jaroWinkler(x, y)
                        for floor in [0.5, 0.8, 0.92] {
                            let bounded = StringSimilarity.jaroWinkler(x, y, floor: floor)
                            #expect(exact >= floor ? bounded == exact : bounded < floor, "\(first) \(second)")
                        }
                    }
                }
            }
        }
    }

    @Test("Phonetic codes agree on sound-alike spellings and differ otherwise")
    func phoneticCodes() {
        func code(_ s: String) -> UInt32 { StringSimilarity.phoneticCode(Array(s.utf8)) }
        #expect(code("jozef") == code("josef"))
        #expect(code("katherine") == code("catherine"))
        #expect(code("smith") == code("smyth"))
        #expect(code("smith") != code("jones"))
    }
}

@Suite("Comparison levels")
struct ComparisonLevelTests {
    private func vector(_ a: SourceRecord, _ b: SourceRecord) -> ComparisonVector {
        PairComparer(table: RecordTable([a, b])).compare(0, 1)
    }

    /// The vector of two records that give only names and one birth date.
    private func vector(_ forename: String, _ surname: String, beside other: (String, String), dob: String)
        -> ComparisonVector
    {
        vector(
            Make.record("1", forename: forename, surname: surname, dob: dob),
            Make.record("2", forename: other.0, surname: other.1, dob: dob))
    }

    private func forenameLevel(_ a: String, _ b: String) -> String {
        let v = vector(
            Make.record("1", forename: a, surname: "X", dob: nil), Make.record("2", forename: b, surname: "X", dob: nil)
        )
        return Comparison.forename.levelNames[v.level(.forename)]
    }

    @Test(arguments: [
        ("Jozef", "Joe"), ("Josef", "Jozef"), ("Aleksandra", "Alex"), ("Štefan", "Steven"), ("William", "Bill"),
        ("Liam", "Will"), ("Katherine", "Katie"), ("Kate", "Catherine"), ("Max", "Maxwell"), ("Maks", "Maximilian"),
        ("Rosie", "Rose"), ("Toby", "Tobias"),
    ])
    func nicknamesAreVariants(a: String, b: String) {
        #expect(forenameLevel(a, b) == "variant or nickname")
    }

    @Test(arguments: [("Alexander", "Alexandra"), ("Jan", "Jana"), ("Daniel", "Daniela"), ("Oliver", "Olivia")])
    func differentKnownNamesAreDifferent(a: String, b: String) {
        #expect(forenameLevel(a, b) == "different")
    }

    @Test func forenameLevels() {
        #expect(forenameLevel("Stefan", "Štefan") == "exact")
        #expect(forenameLevel("Jessika", "Jesika") == "close spelling")
        #expect(forenameLevel("J", "Jessika") == "initial only")
        #expect(forenameLevel("Tyrone", "Brandon") == "different")
    }

    @Test("A forename typed as the middle name of the other record is a level of its own, not a nickname")
    func middleNameAsForename() {
        let v = vector(
            Make.record("1", forename: "Marie", surname: "Oláh", dob: nil, middle: "Anna"),
            Make.record("2", forename: "Anna", surname: "Olah", dob: nil))
        #expect(v.forename == .otherGivenName)
        #expect(Comparison.forename.levelNames[v.level(.forename)] == "another of the given names")
        #expect(v.level(.surname) == 1)
    }

    @Test("First and middle names swapped on both records are the same given names, a level of their own")
    func firstAndMiddleSwapped() {
        let matilda = Make.record("1", .missing, forename: "Matilda", surname: "Evans", dob: nil, middle: "Alice")
        let alice = Make.record("2", .cme, forename: "Alice", surname: "Evans", dob: nil, middle: "Matilda")
        let v = vector(matilda, alice)
        #expect(v.forename == .reordered)
        #expect(Comparison.forename.levelNames[v.level(.forename)] == "first and middle names swapped")
        // A slip in one of the names still reads as the same names in another order.
        let slip = Make.record("3", .cme, forename: "Alice", surname: "Evans", dob: nil, middle: "Matlida")
        #expect(vector(matilda, slip).forename == .reordered)
        // Only one way round (Alice's middle name is another) is not the same given names.
        let grace = Make.record("4", .cme, forename: "Alice", surname: "Evans", dob: nil, middle: "Grace")
        #expect(vector(matilda, grace).forename != .reordered)
        #expect(vector(matilda, grace).forename != .variant)
        // Not a level at which forename and surname are looked at crosswise.
        #expect(!ForenameLevel.reordered.isSimilarOrWorse)
    }

    @Test("First and middle names swapped with a slip on a three-letter name that is no name in its own right")
    func firstAndMiddleSwappedWithShortSlip() {
        let ivy = Make.record("1", .missing, forename: "Ivy", surname: "Thompson", dob: "09/03/2007", middle: "Ava")
        let slip = Make.record("2", .exclusions, forename: "Avz", surname: "Thompson", dob: "09/03/2007", middle: "Ivy")
        #expect(vector(ivy, slip).forename == .reordered)
        // Eva is a name in its own right (other children hold it, and Ava as a forename no more
        // often): `Eva Ivy` may be Ivy Ava's twin, named after her.
        let eva = Make.record("3", .exclusions, forename: "Eva", surname: "Thompson", dob: "09/03/2007", middle: "Ivy")
        let evas = (1...3).map { k in
            Make.record("E\(k)", .cme, forename: "Eva", surname: "Other\(k)", dob: "0\(k)/01/2010")
        }
        let table = RecordTable([ivy, eva] + evas)
        #expect(PairComparer(table: table).compare(0, 1).forename != .reordered)
    }

    @Test("First and middle names swapped, the new first cut to an initial, are the given names reordered")
    func reorderedWithAnInitial() {
        func johnson(_ forename: String, _ middle: String) -> SourceRecord {
            Make.record(forename + middle, forename: forename, surname: "Johnson", dob: "06/11/2012", middle: middle)
        }
        // `G Isla Johnson` beside `Isla Grace Johnson`: Grace's initial first, Isla moved to the middle.
        #expect(vector(johnson("G", "Isla"), johnson("Isla", "Grace")).forename == .reordered)
        // The initial is not of the other's middle name: her sister Megan Isla, no reordering.
        #expect(vector(johnson("M", "Isla"), johnson("Isla", "Grace")).forename == .different)
    }

    @Test("An initial whose middle name is the other record's forename is another of the given names")
    func initialKnownByMiddleName() {
        func priestley(_ forename: String, _ middle: String?) -> SourceRecord {
            Make.record(
                forename + (middle ?? ""), forename: forename, surname: "Priestley", dob: "21/12/2017",
                middle: middle)
        }
        // `I Kayleigh Priestley` beside `Kayleigh Priestley`: she goes by Kayleigh, one register cut
        // her first name to its initial.
        #expect(vector(priestley("I", "Kayleigh"), priestley("Kayleigh", nil)).forename == .otherGivenName)
        #expect(vector(priestley("Kayleigh", nil), priestley("I", "Kayleigh")).forename == .otherGivenName)
        // With middle names on both the swap must be mutual (her sister Kayleigh Rose), and a
        // middle name that is not the other's forename is no other given name of hers.
        #expect(vector(priestley("I", "Kayleigh"), priestley("Kayleigh", "Rose")).forename == .different)
        #expect(vector(priestley("I", "Rose"), priestley("Kayleigh", nil)).forename == .different)
    }

    @Test("An initial of the full form of the other record's forename agrees on the initial")
    func initialOfTheFullForm() {
        func horvath(_ forename: String) -> SourceRecord {
            Make.record(forename, forename: forename, surname: "Horváth", dob: "01/12/2014")
        }
        // `E Horvath` beside `Teddy Horváth`: Edward's initial, the name Teddy is a form of (and
        // Theodore's); `A` beside Sasha, Alexander's or Alexandra's.
        #expect(vector(horvath("E"), horvath("Teddy")).forename == .initial)
        #expect(vector(horvath("Teddy"), horvath("T")).forename == .initial)
        #expect(vector(horvath("A"), horvath("Sasha")).forename == .initial)
        // Another letter, or that of another short form (`B`, Bill's, beside William), is not
        // the initial a register gives.
        #expect(vector(horvath("B"), horvath("Teddy")).forename == .different)
        #expect(vector(horvath("B"), horvath("William")).forename == .different)
    }

    @Test("Forename and surname swapped is its own level, not two disagreements")
    func swappedNames() {
        let v = vector(
            Make.record("1", forename: "Lakatos", surname: "Roman", dob: "01/02/2012"),
            Make.record("2", forename: "Roman", surname: "Lakatos", dob: "01/02/2012"))
        #expect(v.level(.forename) == 6)
        #expect(v.level(.surname) == 5)
    }

    @Test(
        "A swap whose other side is an initial or a variant of the name is still a swap",
        arguments: [
            ("Evans", "M", "Matilda", "Evans"), ("Butt", "Harry", "Henry", "Butt"),
            ("Kowalski", "Jan", "John", "Kowalski"), ("M", "Nowak", "Nowak", "Maria"),
            // One team typed the surname first, and both had only the initial.
            ("Moore", "L", "L", "Moore"),
        ])
    func swapWithInitialOrVariant(forename1: String, surname1: String, forename2: String, surname2: String) {
        let v = vector(
            Make.record("1", forename: forename1, surname: surname1, dob: "01/02/2012"),
            Make.record("2", forename: forename2, surname: surname2, dob: "01/02/2012"))
        #expect(v.level(.forename) == 6)
        #expect(v.level(.surname) == 5)
    }

    @Test("Initials in both records that differ are two children's, not a swap")
    func swapWithAnotherInitial() {
        // `Moore L` beside `L Moore` is a swap (above); beside `K Moore` the initial is another child's.
        let other = vector("Moore", "L", beside: ("K", "Moore"), dob: "29/06/2017")
        #expect(other.forename != .swapped)
    }

    @Test("A swap whose short name has two neighbouring letters swapped or a letter left out is still a swap")
    func swapWithTransposedForename() {
        // `ALI Eav` beside `Eva Ali`: Jaro–Winkler finds only one of three letters of Eav in place,
        // but two neighbours swapped is the commonest slip of the keys.
        let v = vector("ALI", "Eav", beside: ("Eva", "Ali"), dob: "07/03/2015")
        #expect(v.forename == .swapped)
        #expect(v.surname == .swapped)
        // Another letter changed is another name: `Ali Ava` beside `Eva Ali` stays two forenames.
        let twins = vector("Ali", "Ava", beside: ("Eva", "Ali"), dob: "07/03/2015")
        #expect(twins.forename != .swapped)
        // `Chandelr Ay` beside `Amy Chandler`: a slip in each name, the m of Amy left out.
        let leftOut = vector("Chandelr", "Ay", beside: ("Amy", "Chandler"), dob: "15/07/2010")
        #expect(leftOut.forename == .swapped)
        #expect(leftOut.surname == .swapped)
    }

    @Test("A surname with a letter struck twice and another slip is a close spelling")
    func surnameWithDoubledLetterAndSlip() {
        // `NNawaz` (the N struck twice) beside `Nawza` (the last two letters swapped): two slips
        // between the records, one in each, so one edit does not reach; reading the double once does.
        let v = vector("Aisha", "NNawaz", beside: ("Aisha", "Nawza"), dob: "13/08/2011")
        #expect(v.surname == .close)
        // Two slips neither of which is a double stay similar, no closer.
        let twoSlips = vector("Aisha", "Nawaz", beside: ("Aisha", "Nazwa"), dob: "13/08/2011")
        #expect(twoSlips.surname == .similar)
    }

    @Test("A swap that gives the middle name the child is known by is still a swap")
    func swapWithMiddleName() {
        // `Wright Ava` beside `Isla Ava Wright`: the surname typed first, then the name the child
        // goes by, her middle name. Wright agrees crosswise; Ava is her middle name, written the same.
        let v = vector(
            Make.record("1", forename: "Wright", surname: "Ava", dob: "20/08/2007"),
            Make.record("2", forename: "Isla", surname: "Wright", dob: "20/08/2007", middle: "Ava"))
        #expect(v.forename == .swapped)
        #expect(v.surname == .swapped)
        // A variant of the middle name (Amelia for Mia) beside a different forename is a third
        // departure, as likely a sister's name: not read as a swap.
        let sister = vector(
            Make.record("1", forename: "Akhtar", surname: "Amelia", dob: "21/03/2004"),
            Make.record("2", forename: "Freya", surname: "Akhtar", dob: "21/03/2004", middle: "Mia"))
        #expect(sister.forename != .swapped)
    }

    @Test(
        "Three names rotated, the surname typed first, are a swap",
        arguments: [
            ("Green", "Lucas", "Declan", "Lucas", "Declan", "Green"),
            ("Sqaw", "Noah", "Tyler", "Noah", "Tyler", "Shaw"),  // and a slip in the moved surname
            ("Green", "Evie", "Liv", "Evie", "Olivia", "Green"),  // and the middle name's short form
        ])
    func rotatedNames(
        forename1: String, middle1: String, surname1: String, forename2: String, middle2: String, surname2: String
    ) {
        let v = vector(
            Make.record("1", forename: forename1, surname: surname1, dob: "06/10/2006", middle: middle1),
            Make.record("2", forename: forename2, surname: surname2, dob: "06/10/2006", middle: middle2))
        #expect(v.forename == .swapped)
        #expect(v.surname == .swapped)
    }

    @Test("A brother who shares a middle name is no rotation")
    func brotherIsNoRotation() {
        // `Green Lucas Declan` (Lucas Declan Green rotated) beside his brother Noah Lucas Green:
        // Lucas is a middle name on both, but Noah is not among the other's given names.
        let v = vector(
            Make.record("1", forename: "Green", surname: "Declan", dob: "06/10/2006", middle: "Lucas"),
            Make.record("2", forename: "Noah", surname: "Green", dob: "06/10/2006", middle: "Lucas"))
        #expect(v.forename != .swapped)
    }

    @Test("Names swapped are a swap though both records carry the same former surname")
    func swapBesideSharedFormerSurname() {
        // The shared former surname makes the surnames agree on a part (`sharedPart`); the names written
        // crosswise still say the forename and surname were swapped, not two children's forenames.
        let v = vector(
            Make.record("1", forename: "Khan", surname: "Ayaan", dob: "10/01/2007", formerSurname: "Hughes"),
            Make.record("2", forename: "Ayaan", surname: "Khan", dob: "10/01/2007", formerSurname: "Hughes"))
        #expect(v.forename == .swapped)
        #expect(v.surname == .swapped)
        // Two brothers of that family are not a swap: their forenames are not each other's surname.
        let brothers = vector(
            Make.record("1", forename: "Jack", surname: "Khan", dob: "10/01/2007", formerSurname: "Hughes"),
            Make.record("2", forename: "Ayaan", surname: "Khan-Hughes", dob: "10/01/2007"))
        #expect(brothers.forename == .different)
        #expect(brothers.surname == .sharedPart)
    }

    @Test("A part in common is a family's surname; the whole surname a slip apart beside it is one child's")
    func surnamePartsAndSlips() {
        func surname(_ a: String, _ b: String, formerSurname: String? = nil) -> SurnameLevel {
            vector(
                Make.record("1", forename: "Evie", surname: a, dob: "15/08/2006", formerSurname: formerSurname),
                Make.record("2", forename: "Evie", surname: b, dob: "15/08/2006", formerSurname: formerSurname)
            ).surname
        }
        // A hyphenated surname with a letter struck twice in one part: a slip, though a part is common.
        #expect(surname("Smith-Jones", "Smith-Jonnes") == .close)
        // Both records formerly Rafiq, the current surname a letter struck twice: a slip.
        #expect(surname("Woood", "Wood", formerSurname: "Rafiq") == .close)
        // A brother known by one of the family's two names, or a sister by the former one: a part only.
        #expect(surname("Khan-Hughes", "Khan") == .sharedPart)
        #expect(surname("Smith-Jones", "Smith-Brown") == .sharedPart)
        #expect(surname("Ward", "Hall", formerSurname: "Rafiq") == .sharedPart)
        // Feminine and masculine forms of one name are the same stem, not a slip (one letter apart).
        #expect(surname("Balážová", "Balaz") == .stem)
        #expect(surname("Kowalska", "Kowalski") == .stem)
        // The level is the family's name as far as the twin guard goes, and no sign against a swap.
        #expect(SurnameLevel.sharedPart.isSameOrSlip && !SurnameLevel.sharedPart.isSimilarOrWorse)
    }

    @Test("Initials on both sides, or a variant without a close side, is no swap")
    func weakSwapsAreNotSwaps() {
        let initials = vector(
            Make.record("1", forename: "E", surname: "M", dob: "01/02/2012"),
            Make.record("2", forename: "Matilda", surname: "Evans", dob: "01/02/2012"))
        #expect(initials.level(.forename) != 6)
        let variantOnly = vector(
            Make.record("1", forename: "Butcher", surname: "Harry", dob: "01/02/2012"),
            Make.record("2", forename: "Henry", surname: "Baxter", dob: "01/02/2012"))
        #expect(variantOnly.level(.forename) != 6)
    }

    @Test("Hyphenated and double surnames agree on a shared part")
    func surnameParts() {
        let v = vector(
            Make.record("1", forename: "A", surname: "Smith-Horváthová", dob: nil),
            Make.record("2", forename: "A", surname: "Horvath", dob: nil))
        #expect(v.surname == .sharedPart)
        let former = vector(
            Make.record("1", forename: "A", surname: "Walker", dob: nil, formerSurname: "Kováč"),
            Make.record("2", forename: "A", surname: "Kovac", dob: nil))
        #expect(former.surname == .sharedPart)
    }

    @Test(arguments: [
        ("03/07/2012", "03/07/2012", "exact"), ("03/07/2012", "07/03/2012", "day and month transposed"),
        ("03/07/2012", "04/07/2012", "one day out"), ("31/07/2012", "01/08/2012", "one day out"),
        ("13/07/2012", "18/07/2012", "one digit out"), ("13/07/2012", "13/09/2012", "one digit out"),
        ("13/07/2012", "13/07/2013", "one year out"), ("13/07/2012", "13/07/2002", "one digit out"),
        ("03/07/2012", "28/07/2012", "within a month"), ("29/10/2004", "08/11/2004", "within a month"),
        ("03/07/2012", "05/08/2012", "different"), ("03/07/2012", "03/07/2011", "one year out"),
        ("03/07/2012", "15/09/2014", "different"),
    ])
    func dateOfBirthLevels(a: String, b: String, expected: String) {
        let v = vector(
            Make.record("1", forename: "A", surname: "B", dob: a), Make.record("2", forename: "A", surname: "B", dob: b)
        )
        #expect(Comparison.dateOfBirth.levelNames[v.level(.dateOfBirth)] == expected)
    }

    @Test(arguments: [
        ("S60 1AE", "S601AE", 2), ("S60 1AE", "S60 1ZZ", 3), ("S60 1AE", "S60 4AA", 4), ("S60 1AE", "S65 1AE", 5),
        // A placeholder says the address is not known: two of them agree on nothing (level 0, missing).
        ("ZZ99 3VZ", "ZZ99 3VZ", 0), ("QQ1 1QQ", "QQ1 1QQ", 0),
    ])
    func postcodeLevels(a: String, b: String, level: Int) {
        let v = vector(
            Make.record("1", forename: "A", surname: "B", dob: nil, postcode: a),
            Make.record("2", forename: "A", surname: "B", dob: nil, postcode: b))
        #expect(v.level(.address) == level)
    }

    @Test(
        "A temporary UPN replaced by a permanent one agrees through FormerUPN; a differing temporary one is its own level"
    )
    func upnLevels() {
        let temporary = Make.upn(5, temporary: true)
        let permanent = Make.upn(5)
        #expect(UPN(temporary)!.isValid && UPN(temporary)!.isTemporary)
        let agree = vector(
            Make.record("1", forename: "A", surname: "B", dob: nil, upn: temporary),
            Make.record("2", forename: "A", surname: "B", dob: nil, upn: permanent, formerUPN: temporary))
        #expect(agree.level(.upn) == 1)
        let temporaryVsPermanent = vector(
            Make.record("1", forename: "A", surname: "B", dob: nil, upn: Make.upn(9, temporary: true)),
            Make.record("2", forename: "A", surname: "B", dob: nil, upn: permanent))
        #expect(temporaryVsPermanent.level(.upn) == 3)
        let conflict = vector(
            Make.record("1", forename: "A", surname: "B", dob: nil, upn: Make.upn(7)),
            Make.record("2", forename: "A", surname: "B", dob: nil, upn: permanent))
        #expect(conflict.level(.upn) == 2)
        let invalid = vector(
            Make.record("1", forename: "A", surname: "B", dob: nil, upn: "A123"),
            Make.record("2", forename: "A", surname: "B", dob: nil, upn: "UN2"))
        #expect(invalid.level(.upn) == 0)
    }

    @Test("Person ids only compare within the system that issued them")
    func personIDScope() {
        let sameSystem = vector(
            Make.record("1", .cme, forename: "A", surname: "B", dob: nil, personID: "77"),
            Make.record("2", .ehe, forename: "A", surname: "B", dob: nil, personID: "77"))
        #expect(sameSystem.level(.personID) == 1)
        let otherSystem = vector(
            Make.record("1", .missing, forename: "A", surname: "B", dob: nil, personID: "77"),
            Make.record("2", .ehe, forename: "A", surname: "B", dob: nil, personID: "77"))
        #expect(otherSystem.level(.personID) == 0)
    }
}

@Suite("One-edit check")
struct OneEditTests {
    @Test(arguments: [
        ("horvath", "horvath"), ("horvath", "hovrath"), ("horvath", "horvat"), ("horvath", "horvathe"),
        ("horvath", "horvxth"), ("jan", "ajn"), ("kitten", "sitting"), ("abc", "cba"), ("ab", "ba"), ("a", ""),
        ("maria", "marai"), ("smith", "smyht"),
    ])
    func agreesWithDamerauLevenshtein(a: String, b: String) {
        Array(a.utf8).withUnsafeBufferPointer { x in
            Array(b.utf8).withUnsafeBufferPointer { y in
                #expect(StringSimilarity.isWithinOneEdit(x, y) == (StringSimilarity.damerauLevenshtein(x, y) <= 1))
            }
        }
    }

    @Test(
        "A letter struck twice and one slip more",
        arguments: [
            ("nnawaz", "nawza", true), ("rroberts", "robrts", true), ("ssmith", "smih", true),
            ("atkinson", "aatkinsn", true),
            ("nawaz", "nawza", false),  // nothing doubled: one edit is asked elsewhere
            ("nnawaz", "nazwa", false),  // a doubled letter and two slips more
            ("hussain", "hossein", false),  // the doubles read once, still two letters changed
        ])
    func oneEditBesideDoubles(a: String, b: String, expected: Bool) {
        Array(a.utf8).withUnsafeBufferPointer { x in
            Array(b.utf8).withUnsafeBufferPointer { y in
                #expect(StringSimilarity.isWithinOneEditBesideDoubles(x, y) == expected)
                #expect(StringSimilarity.isWithinOneEditBesideDoubles(y, x) == expected)
            }
        }
    }
}

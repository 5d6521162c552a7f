import ChildLinkModel

@testable import ChildLinkMatching

/// Builds records by hand for the matching tests.
enum Make {
    static func record(
        _ id: String, _ dataset: Dataset = .cme, forename: String?, surname: String?, dob: String?,
        gender: Gender? = nil, postcode: String? = nil, upn: String? = nil, formerUPN: String? = nil,
        nhs: String? = nil, personID: String? = nil, middle: String? = nil, preferred: String? = nil,
        formerSurname: String? = nil
    ) -> SourceRecord {
        let person = PersonFields(
            personID: personID, upn: upn.flatMap { UPN($0) }, formerUPN: formerUPN.flatMap { UPN($0) },
            nhsNumber: nhs.flatMap { NHSNumber($0) }, forename: forename, middleNames: middle, surname: surname,
            preferredName: preferred, formerSurname: formerSurname,
            dateOfBirth: dob.flatMap { CalendarDate(parsing: $0) }, gender: gender,
            postcode: postcode.flatMap { Postcode($0) })
        return SourceRecord(recordID: id, person: person, event: event(dataset))
    }

    static func event(_ dataset: Dataset) -> RecordEvent {
        let date = CalendarDate(year: 2025, month: 1, day: 6)!
        switch dataset {
        case .missing:
            return .missing(MissingEpisode(type: .missing, start: LocalDateTime(date: date)!))
        case .cme: return .cme(CMEReferral(referralDate: date))
        case .ehe: return .ehe(EHERecord(startDate: date))
        case .exclusions: return .exclusion(ExclusionRecord(category: .suspension, startDate: date, reasons: []))
        case .socialCare: return .socialCare(SocialCareRecord())
        }
    }

    /// A valid UPN for serial `n` (LA 372), with its check letter.
    static func upn(_ n: Int, temporary: Bool = false) -> String {
        var serial = String(n % 1000)
        while serial.count < 3 { serial = "0" + serial }
        var body = "372" + "4001" + "15" + serial
        if temporary { body = String(body.dropLast()) + "A" }
        return String(UPN.checkLetter(forBody: body)!) + body
    }

    /// A valid NHS number built from `n`.
    static func nhs(_ n: Int) -> String {
        var seed = 400_000_000 + n * 7
        while true {
            let digits = String(seed).compactMap(\.wholeNumberValue)
            if let check = NHSNumber.checkDigit(forFirstNine: digits) { return String(seed) + String(check) }
            seed += 1
        }
    }
}

/// A small deterministic borough: families with siblings and twins, each child recorded one to
/// three times across the datasets with realistic noise. `truth` maps each record to its child.
struct TestPopulation {
    var records: [SourceRecord] = []
    var truth: [RecordKey: String] = [:]

    static let boys = [
        "Jozef", "William", "Stefan", "Jakub", "Oliver", "Daniel", "Tomas", "Harry", "Mohammed",
        "Peter", "Marek", "Lukas", "George", "Jack", "Adam", "Filip", "Samuel", "Noah", "Leo", "Roman",
    ]
    static let girls = [
        "Katherine", "Aleksandra", "Zuzana", "Amelia", "Olivia", "Maria", "Jessica", "Sophie",
        "Emily", "Natalia", "Lucia", "Chloe", "Grace", "Isabella", "Anna", "Eva", "Veronika", "Ruby", "Mia", "Lily",
    ]
    static let nicknames = [
        "Jozef": "Joe", "William": "Bill", "Stefan": "Steven", "Katherine": "Kate",
        "Aleksandra": "Alex", "Jakub": "Kuba", "Daniel": "Danny", "Tomas": "Tom", "Samuel": "Sam",
        "Isabella": "Bella", "Jessica": "Jess", "Natalia": "Natasha",
    ]
    static let surnames = [
        "Horváth", "Smith", "Kováč", "Novák", "Jones", "Taylor", "Brown", "Balogh", "Lakatos",
        "Wilson", "Popescu", "Kowalski", "Dvořák", "Khan", "Ahmed", "Walker", "Wright", "Oláh", "Hughes", "Green",
        "Šimko", "Rostás", "Clarke", "Patel",
    ]

    init(families: Int, seed: UInt64 = 7) {
        var random = Random(seed: seed)
        var childNumber = 0
        var recordNumber = 0
        for family in 0..<families {
            let surname = Self.surnames[random.int(Self.surnames.count)]
            let postcode = "S6\(random.int(6)) \(random.int(9) + 1)\(["AB", "CD", "EF", "GH", "JK"][random.int(5)])"
            let children = 1 + random.int(3)
            let twins = random.int(8) == 0
            var usedForenames: Set<String> = []
            var lastBirth = CalendarDate(
                year: 2008 + random.int(6), month: 1 + random.int(12), day: 1 + random.int(28))!
            for sibling in 0..<children {
                let isGirl = random.int(2) == 0
                let pool = isGirl ? Self.girls : Self.boys
                var forename = pool[random.int(pool.count)]
                while usedForenames.contains(forename) { forename = pool[random.int(pool.count)] }
                usedForenames.insert(forename)
                if sibling > 0 && !(twins && sibling == 1) {
                    lastBirth = lastBirth.adding(days: 400 + random.int(900))
                }
                childNumber += 1
                let child = Child(
                    id: "P\(childNumber)", forename: forename, surname: surname, dob: lastBirth,
                    gender: isGirl ? .female : .male, postcode: postcode,
                    upn: random.int(3) > 0 ? Make.upn(childNumber) : nil,
                    nhs: random.int(3) == 0 ? Make.nhs(childNumber) : nil, family: family)
                let copies = 1 + random.int(3)
                for _ in 0..<copies {
                    recordNumber += 1
                    let record = child.record(id: "R\(recordNumber)", random: &random)
                    records.append(record)
                    truth[record.key] = child.id
                }
            }
        }
    }

    struct Child {
        var id: String
        var forename: String
        var surname: String
        var dob: CalendarDate
        var gender: Gender
        var postcode: String
        var upn: String?
        var nhs: String?
        var family: Int

        func record(id recordID: String, random: inout Random) -> SourceRecord {
            let dataset = Dataset.strands[random.int(4)]
            var forename = self.forename
            var surname = self.surname
            var dob = self.dob
            var postcode: String? = self.postcode
            switch random.int(12) {
            case 0: forename = TestPopulation.nicknames[forename] ?? forename
            case 1: surname = surname.asciiFolded
            case 2:
                // A slip of the keyboard: one letter (not the first) replaced by a random one.
                var letters = Array(forename)
                let position = 1 + random.int(letters.count - 1)
                letters[position] = Array("abcdefghijklmnopqrstuvwxyz")[random.int(26)]
                forename = String(letters)
            case 3: if dob.day <= 12 { dob = CalendarDate(year: dob.year, month: dob.day, day: dob.month)! }
            case 4: postcode = nil
            case 5: surname = gender == .female && !surname.hasSuffix("á") ? surname + "ová" : surname
            case 6: dob = dob.adding(days: 1)
            default: break
            }
            return Make.record(
                recordID, dataset, forename: forename, surname: surname, dob: dob.uk, gender: gender,
                postcode: postcode, upn: random.int(2) == 0 ? upn : nil, nhs: random.int(2) == 0 ? nhs : nil)
        }
    }
}

/// Reproducible test data (``SplitMix64``).
struct Random: RandomNumberGenerator {
    private var generator: SplitMix64
    init(seed: UInt64) { generator = SplitMix64(seed: seed) }
    mutating func next() -> UInt64 { generator.next() }
    mutating func int(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

extension String {
    var asciiFolded: String {
        let table: [Character: Character] = [
            "á": "a", "č": "c", "ď": "d", "é": "e", "í": "i", "ň": "n", "ó": "o",
            "ř": "r", "š": "s", "ť": "t", "ú": "u", "ý": "y", "ž": "z", "Š": "S", "Č": "C", "Ž": "Z", "ö": "o",
        ]
        return String(self.map { table[$0] ?? $0 })
    }
}

/// Clusters hand-made links for the clustering guards' tests.
enum ClusterDecisions {
    /// The decision on each of `links`, each well above the threshold, strongest first in the
    /// order given, clustered over `table` (built from `records`).
    static func of(
        _ records: [SourceRecord], links: [(Int, Int)], table: RecordTable, linkThreshold: Double, twinGuard: Bool
    ) -> [PairDecision] {
        let comparer = PairComparer(table: table)
        let pairs = links.enumerated().map { index, link in
            ScoredPair(
                first: link.0, second: link.1, vector: comparer.compare(link.0, link.1),
                weight: 40 - Double(index), decision: .review)
        }
        let clustering = GuardedClusterer(
            table: table, keys: records.map(\.key), comparer: comparer, linkThreshold: linkThreshold,
            twinGuard: twinGuard
        ).cluster(pairs)
        return links.map { link in clustering.pairs.first { $0.first == link.0 && $0.second == link.1 }!.decision }
    }
}

/// Why records 0 and 1 of `records` look like twins, or `nil`: the twin guard on that pair, with
/// every record in the table as its evidence.
func twinReason(_ records: [SourceRecord]) -> TwinReason? {
    let comparer = PairComparer(table: RecordTable(records))
    return comparer.twinReason(0, 1, comparer.compare(0, 1))
}

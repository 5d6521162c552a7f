import ChildLinkModel
import Testing

@testable import ChildLinkMatching

/// Names garbled by encodings (mojibake, `?` for a lost letter) compare as the names they were, and
/// twins written that way are still twins.
@Suite("Text repair in matching")
struct TextRepairMatchingTests {
    private static let dob = "14/05/2013"

    private func record(
        _ id: String, _ forename: String, _ surname: String, dob: String = Self.dob, _ dataset: Dataset = .cme
    ) -> SourceRecord {
        Make.record(
            id, dataset, forename: forename, surname: surname, dob: dob, gender: .male, postcode: "S61 2AB")
    }

    private func compared(_ a: SourceRecord, _ b: SourceRecord) -> (ComparisonVector, TwinReason?) {
        let comparer = PairComparer(table: RecordTable([a, b]))
        let vector = comparer.compare(0, 1)
        return (vector, comparer.twinReason(0, 1, vector))
    }

    @Test("Mojibake is undone before comparing: KoÄ?iÅ¡ is Kočiš with one unknown letter, ZdenÄ›k is Zdeněk")
    func mojibakeCompares() {
        let (surname, surnameTwin) = compared(record("1", "Jozef", "KoÄ?iÅ¡"), record("2", "Jozef", "Kočiš", .ehe))
        #expect(surname.surname == .close)
        #expect(surname.forename == .exact)
        #expect(surnameTwin == nil)
        let (forename, _) = compared(record("1", "ZdenÄ›k", "Kočiš"), record("2", "Zdeněk", "Kočiš", .ehe))
        #expect(forename.forename == .exact)
        // Garbled (read as Latin-1, so the byte 0x8D kept as a control character) and swapped with
        // the surname as well.
        let (swapped, _) = compared(
            record("1", "Ko\u{C4}\u{8D}iÅ¡", "ZdenÄ›k"), record("2", "Zdeněk", "Kočiš", .ehe))
        #expect(swapped.forename == .swapped)
    }

    @Test("Twins written in mojibake are still twins")
    func mojibakeTwins() {
        let (_, reason) = compared(record("1", "TomÃ¡Å¡", "KoÄ?iÅ¡"), record("2", "Matej", "Kočiš", .ehe))
        #expect(reason == .differentForenames)
    }

    @Test("A ? for a lost letter is one unknown letter: ?erve?ák is Červeňák, a day out still compares")
    func unknownLetters() {
        let (vector, reason) = compared(
            record("1", "Denisa", "?erve?ák", dob: "15/05/2013"), record("2", "Denisa", "Červeňák", .ehe))
        #expect(vector.surname == .close)
        #expect(vector.dateOfBirth == .oneDayOut)
        #expect(reason == nil)
        let (forename, _) = compared(record("1", "Ma?ej", "Horváth"), record("2", "Matej", "Horváth", .ehe))
        #expect(forename.forename == .close)
        // U+FFFD, the replacement character a decoder writes, is the same as `?`.
        let (replacement, _) = compared(record("1", "Ma\u{FFFD}ej", "Horváth"), record("2", "Matej", "Horváth", .ehe))
        #expect(replacement.forename == .close)
    }

    @Test("An unknown letter does not make twins one child, nor a mostly unknown name agree")
    func unknownLettersKeepTwinsApart() {
        let (_, reason) = compared(record("1", "Denisa", "?erve?ák"), record("2", "Nikola", "Červeňák", .ehe))
        #expect(reason == .differentForenames)
        let (twins, twinReason) = compared(record("1", "Ma?ej", "Horváth"), record("2", "Matúš", "Horváth", .ehe))
        #expect(twins.forename != .close)
        #expect(twinReason != nil)
        // Two letters of three unknown say nothing.
        let (short, _) = compared(record("1", "J??", "Horváth"), record("2", "Jan", "Horváth", .ehe))
        #expect(short.forename != .close)
    }

    @Test("A spelling with ? held by many children (one system lost ř for all) is no name in its own right")
    func unknownLetterIsNotAttested() {
        // The education system wrote every Ondřej as Ond?ej; the social-care system kept Ondřej.
        let others = (0..<3).flatMap { n in
            [
                record("O\(n)", "Ond?ej", "Novák\(n)", dob: "0\(n + 1)/01/2010"),
                record("P\(n)", "Ondřej", "Novák\(n)", dob: "0\(n + 1)/01/2010", .missing),
            ]
        }
        let records = [record("1", "Ondřej", "Lewandowski", .missing), record("2", "Ond?ej", "Lewandowski")] + others
        let comparer = PairComparer(table: RecordTable(records))
        let vector = comparer.compare(0, 1)
        #expect(vector.forename == .close)
        #expect(comparer.twinReason(0, 1, vector) == nil)
        // A slip beside the lost letter (On?dej) is no slip of another child's name either.
        let slipped = [record("1", "Ondřej", "Lewandowski", .missing), record("2", "On?dej", "Lewandowski")] + others
        let slipComparer = PairComparer(table: RecordTable(slipped))
        #expect(slipComparer.twinReason(0, 1, slipComparer.compare(0, 1)) == nil)
        // Twins with clearly different names are still twins.
        let twins = [record("1", "Ondřej", "Lewandowski", .missing), record("2", "Mat?j", "Lewandowski")] + others
        let twinComparer = PairComparer(table: RecordTable(twins))
        #expect(twinComparer.twinReason(0, 1, twinComparer.compare(0, 1)) == .differentForenames)
    }

    @Test("Garbled records of one child link; the garbled twin stays apart")
    func linksThroughTheLinker() {
        var records = LinkerTests.population.records
        records += [
            Make.record(
                "G1", .missing, forename: "Zdeněk", surname: "Kočiš", dob: "03/11/2011", gender: .male,
                postcode: "S65 1QQ"),
            Make.record(
                "G2", .cme, forename: "ZdenÄ›k", surname: "KoÄ?iÅ¡", dob: "03/11/2011", gender: .male,
                postcode: "S65 1QQ"),
            Make.record(
                "G3", .ehe, forename: "TomÃ¡Å¡", surname: "KoÄ?iÅ¡", dob: "03/11/2011", gender: .male,
                postcode: "S65 1QQ"),
            Make.record(
                "Q1", .missing, forename: "Denisa", surname: "Červeňák", dob: "21/06/2012", gender: .female,
                postcode: "S60 2DE"),
            Make.record(
                "Q2", .cme, forename: "Denisa", surname: "?erve?ák", dob: "21/06/2012", gender: .female,
                postcode: "S60 2DE"),
        ]
        let result = Linker().link(records)
        func child(_ id: String, _ dataset: Dataset) -> Int {
            result.childOfRecord[result.index(of: RecordKey(dataset: dataset, recordID: id))!]
        }
        #expect(child("G1", .missing) == child("G2", .cme))
        #expect(child("G3", .ehe) != child("G1", .missing))
        #expect(child("Q1", .missing) == child("Q2", .cme))
    }
}

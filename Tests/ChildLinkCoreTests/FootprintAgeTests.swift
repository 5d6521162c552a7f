import ChildLinkMatching
import ChildLinkModel
import ChildLinkReports
import Foundation
import Testing

@testable import ChildLinkCore

/// A name with an age instead of a date of birth (`footprint --name … --age 7-9`, the desk's age box).
@Suite("footprint by name and age")
struct FootprintAgeTests {
    @Test("an age is whole years or a range from 0 to 25; anything else is refused")
    func parsing() {
        #expect(AgeRange(parsing: "7").map { [$0.youngest, $0.oldest] } == [7, 7])
        #expect(AgeRange(parsing: " 7-9 ").map { [$0.youngest, $0.oldest] } == [7, 9])
        #expect(AgeRange(parsing: "7–9").map { [$0.youngest, $0.oldest] } == [7, 9])
        #expect(AgeRange(parsing: "7 to 9").map { [$0.youngest, $0.oldest] } == [7, 9])
        #expect(AgeRange(parsing: "7-9")?.description == "7-9")
        #expect(AgeRange(parsing: "0")?.description == "0")
        for bad in ["", "seven", "9-7", "26", "-1", "7-", "7-9-11", "٧", "7.5"] {
            #expect(AgeRange(parsing: bad) == nil, "\(bad) was read as an age")
        }
    }

    @Test("age in whole years: one less until the birthday; 29 February counts from 1 March in a common year")
    func wholeYears() throws {
        let born = try #require(CalendarDate(year: 2006, month: 3, day: 14))
        #expect(born.age(on: try #require(CalendarDate(year: 2025, month: 3, day: 13))) == 18)
        #expect(born.age(on: try #require(CalendarDate(year: 2025, month: 3, day: 14))) == 19)
        #expect(born.age(on: try #require(CalendarDate(year: 2025, month: 6, day: 15))) == 19)
        let leap = try #require(CalendarDate(year: 2008, month: 2, day: 29))
        #expect(leap.age(on: try #require(CalendarDate(year: 2025, month: 2, day: 28))) == 16)
        #expect(leap.age(on: try #require(CalendarDate(year: 2025, month: 3, day: 1))) == 17)
    }

    @Test("the age's weight is log2(m/u) in the range and log2((1-m)/(1-u)) outside it")
    func bits() {
        // Worked by hand: m = 0.95, u = 0.1 → log2(9.5) = 3.2479; log2(0.05 / 0.9) = log2(0.0556) = -4.1699.
        let (inRange, outOfRange) = AgeEvidence.bits(sameChildInRange: 0.95, othersInRange: 0.1)
        #expect(abs(inRange - 3.2479) < 0.0001)
        #expect(abs(outOfRange - -4.1699) < 0.0001)
        // Every record in the range says nothing for or against (log2(0.95 / 1) ≈ -0.074, the floor).
        #expect(abs(AgeEvidence.bits(sameChildInRange: 0.95, othersInRange: 1).inRange - log2(0.95)) < 0.0001)
    }

    @Test("two Jack Smiths: with the age of one of them on the day, that one is found; the other age finds the other")
    func jackSmithByAge() throws {
        let universe = FootprintFixture.universe
        // On 1 July 2019 the Jack born 17/01/2009 is 10 and the Jack born 02/09/2013 is 5.
        let day = try #require(CalendarDate(year: 2019, month: 7, day: 1))
        for (age, wanted, other) in [
            ("10", FootprintFixture.jackOlder, FootprintFixture.jackYounger),
            ("4-6", FootprintFixture.jackYounger, FootprintFixture.jackOlder),
        ] {
            let range = try #require(AgeRange(parsing: age))
            let query = try FootprintQuery.name("Jack Smith", age: range, on: day)
            let result = FootprintJob.lookup(query, in: universe, generatedAt: FootprintFixture.at)
            guard case .found(let footprint) = result else {
                Issue.record("age \(age): expected one child, got \(result)")
                continue
            }
            #expect(footprint.entries.map(\.record).contains(wanted.key))
            #expect(!footprint.entries.map(\.record).contains(other.key))
        }
        let range = try #require(AgeRange(parsing: "4-6"))
        let query = try FootprintQuery.name("Jack Smith", age: range, on: day)
        #expect(query.description == "--name \"Jack Smith\" --age 4-6 (on 01/07/2019)")
    }

    @Test("the age adds log2(m/u) to the name's weight, u counted independently from the records' dates of birth")
    func weightOfTheAge() throws {
        let universe = FootprintFixture.universe
        let day = try #require(CalendarDate(year: 2019, month: 7, day: 1))
        // u: the share of dated records whose holder is 10 on 1 July 2019, counted with Foundation's calendar.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        let onDay = try #require(calendar.date(from: DateComponents(year: 2019, month: 7, day: 1)))
        let dated = universe.records.compactMap(\.person.dateOfBirth)
        let tens = dated.count { dob in
            let born = calendar.date(from: DateComponents(year: dob.year, month: dob.month, day: dob.day))!
            return calendar.dateComponents([.year], from: born, to: onDay).year == 10
        }
        let u = Double(tens) / Double(dated.count)
        let levels = universe.model.m[Comparison.dateOfBirth.rawValue]
        let m = 1 - levels[6] / levels.dropFirst().reduce(0, +)

        let nameOnly = try #require(
            FootprintJob.candidates(try .name("Jack Smith", dob: nil), in: universe).first {
                $0.bestRecord == FootprintFixture.jackOlder.key
            })
        let ten = try #require(AgeRange(parsing: "10"))
        let withAge = try #require(
            FootprintJob.candidates(try .name("Jack Smith", age: ten, on: day), in: universe).first)
        #expect(withAge.bestRecord == FootprintFixture.jackOlder.key)
        let logOdds = { (p: Double) in log2(p / (1 - p)) }
        #expect(abs(logOdds(withAge.probability) - logOdds(nameOnly.probability) - log2(m / u)) < 1e-6)
    }
}

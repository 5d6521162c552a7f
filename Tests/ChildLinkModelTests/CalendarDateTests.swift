import ChildLinkModel
import Testing

@Suite("Dates: UK and ISO, never US order")
struct CalendarDateTests {
    @Test(
        "UK and ISO dates parse to the same day",
        arguments: [
            "03/06/2019", "3/6/2019", "2019-06-03", "03/06/2019 14:05", "2019-06-03T14:05:00",
            "2019-06-03 14:05:00.000",
        ]
    )
    func parses(text: String) throws {
        let date = try #require(CalendarDate(parsing: text))
        #expect(date == CalendarDate(year: 2019, month: 6, day: 3))
    }

    @Test(
        "impossible, US-order and malformed dates are refused",
        arguments: [
            "31/02/2019", "06/13/2019", "2019-13-01", "2019-02-29", "03-06-2019", "3/6/19", "", "yesterday",
            "2019-06-03 25:00",
        ]
    )
    func refuses(text: String) {
        #expect(CalendarDate(parsing: text) == nil)
    }

    @Test("29 February only in leap years")
    func leapYears() {
        #expect(CalendarDate(year: 2020, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 1900, month: 2, day: 29) == nil)
    }

    @Test("day arithmetic round-trips across years", arguments: [-800_000, -1, 0, 1, 17_000, 18_000, 2_000_000])
    func roundTrip(days: Int) {
        #expect(CalendarDate(daysSinceEpoch: days).daysSinceEpoch == days)
    }

    @Test("known days of the week")
    func weekdays() throws {
        #expect(try #require(CalendarDate(parsing: "30/06/2019")).isoWeekday == 7)  // a Sunday
        #expect(try #require(CalendarDate(parsing: "01/01/1970")).isoWeekday == 4)  // a Thursday
        #expect(try #require(CalendarDate(parsing: "25/12/2023")).isoWeekday == 1)  // a Monday
    }

    @Test("ages in whole years")
    func age() throws {
        let dob = try #require(CalendarDate(parsing: "15/09/2008"))
        #expect(dob.age(on: try #require(CalendarDate(parsing: "14/09/2019"))) == 10)
        #expect(dob.age(on: try #require(CalendarDate(parsing: "15/09/2019"))) == 11)
    }

    @Test("date-times keep the minute and order correctly")
    func dateTimes() throws {
        let start = try #require(LocalDateTime(parsing: "30/06/2019 23:30"))
        let end = try #require(LocalDateTime(parsing: "2019-07-01T00:15"))
        #expect(end.minutesSinceEpoch - start.minutesSinceEpoch == 45)
        #expect(start < end)
        #expect(start.uk == "30/06/2019 23:30")
    }

    @Test("ChildLink ids print and parse")
    func childLinkID() {
        #expect(ChildLinkID(42).description == "CL000042")
        #expect(ChildLinkID("CL000042") == ChildLinkID(42))
        #expect(ChildLinkID("cl7") == ChildLinkID(7))
    }
}

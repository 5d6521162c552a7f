import ChildLinkModel
import Testing

@testable import ChildLinkCore

/// An accept is refused when the two children's sex and date of birth both disagree beyond one
/// slip; a slip is read as the matcher reads it, so a date the matcher weighs as one child's
/// typed again is never the reason for a refusal.
@Suite("Review: the sex-and-birth clash reads a slip as the matcher does")
struct ReviewClashTests {
    private func child(_ gender: Gender, born: String) -> [SourceRecord] {
        let person = PersonFields(
            forename: "Alex", surname: "Novak", dateOfBirth: CalendarDate(parsing: born), gender: gender)
        let event = RecordEvent.cme(CMEReferral(referralDate: CalendarDate(parsing: "01/03/2019")!))
        return [SourceRecord(recordID: "R1", person: person, event: event)]
    }

    @Test(
        "Dates one slip apart are no clash, whatever the sex",
        arguments: [
            "12/03/2010",  // the same date
            "13/03/2010",  // a day out
            "12/08/2010",  // one digit out
            "21/03/2010",  // neighbouring digits swapped (12 typed 21)
            "03/12/2010",  // day and month transposed
            "12/03/2011",  // a year out
        ])
    func slipIsNoClash(other: String) {
        #expect(ReviewCase.sexAndBirthClash(child(.male, born: "12/03/2010"), child(.female, born: other)) == nil)
    }

    @Test("Dates further apart with the other sex are a clash; with the same sex they are not")
    func furtherApart() {
        // 12/03/2010 and 25/03/2010: two digits changed, not neighbours, 13 days apart.
        let boy = child(.male, born: "12/03/2010")
        #expect(ReviewCase.sexAndBirthClash(boy, child(.female, born: "25/03/2010")) != nil)
        #expect(ReviewCase.sexAndBirthClash(boy, child(.male, born: "25/03/2010")) == nil)
    }
}

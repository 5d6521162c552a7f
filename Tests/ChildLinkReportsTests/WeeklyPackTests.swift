import ChildLinkModel
import Testing

@testable import ChildLinkReports

@Suite("Weekly Operational Missing Group pack")
struct WeeklyPackTests {
    /// Week ending Sunday 2019-04-28; Easter Monday was 22 April 2019.
    static func fixture() -> TestCohort {
        var cohort = TestCohort()
        // Child 1: three episodes in 30 days, the last in the week; RHI completed in time.
        cohort.episode(
            1, "E1", start: "2019-04-02 20:00", end: "2019-04-03 08:00", offered: true, accepted: true,
            completed: "2019-04-04")
        cohort.episode(
            1, "E2", start: "2019-04-15 20:00", end: "2019-04-16 01:00", offered: true, accepted: true,
            completed: "2019-04-17")
        cohort.episode(
            1, "E3", start: "2019-04-23 21:00", end: "2019-04-24 02:00", status: .lookedAfter, cse: .high,
            offered: true, accepted: true, completed: "2019-04-25")
        // Child 2: still missing since Friday evening (over 24 h at week end).
        cohort.episode(2, "E4", start: "2019-04-26 18:00", end: nil, status: .childInNeed)
        // Child 3: returned Thursday 18 April; Good Friday and Easter Monday make the RHI due Wednesday 24th.
        cohort.episode(3, "E5", start: "2019-04-17 22:00", end: "2019-04-18 09:00", offered: true, accepted: true)
        // Child 4: short episode in the week, also in CME (opened in the week) — newly in a second strand.
        cohort.episode(4, "E6", start: "2019-03-01 10:00", end: "2019-03-01 12:00")
        cohort.add(4, "R1", .cme(CMEReferral(referralDate: TestCohort.date("2019-04-25"))))
        cohort.episode(4, "E7", start: "2019-04-27 10:00", end: "2019-04-27 15:00")
        return cohort
    }

    static let options = WeeklyPackOptions(weekEnding: TestCohort.date("2019-04-28"))

    @Test func listsChildrenWithAnEpisodeInTheWeekOrStillMissing() throws {
        let report = WeeklyPackBuilder(options: Self.options).build(cohort: Self.fixture().cohort)
        let children = try #require(report.tables.first { $0.id == "children" })
        #expect(children.rows.map { $0[0] } == [.text("CL000001"), .text("CL000002"), .text("CL000004")])
        let stillMissing = children.columns.firstIndex(of: "Still missing")!
        #expect(children.rows.map { $0[stillMissing] } == [.flag(false), .flag(true), .flag(false)])
        let cme = children.columns.firstIndex(of: "CME")!
        #expect(children.rows[2][cme] == .text("Open since 25/04/2019"))
        let episodes = try #require(report.tables.first { $0.id == "episodes" })
        #expect(episodes.rows.count == 3)
    }

    @Test func strategyTriggersUseBothThresholds() throws {
        let report = WeeklyPackBuilder(options: Self.options).build(cohort: Self.fixture().cohort)
        let triggers = try #require(report.tables.first { $0.id == "strategy-triggers" })
        let reasons = triggers.rows.map { [$0[0], $0[2]] }
        #expect(
            reasons == [
                [.text("CL000001"), .text("3+ episodes in 30 days")],
                [.text("CL000002"), .text("Missing more than 24 hours")],
            ])
        #expect(triggers.rows[1][3] == .text("2 d 6 h, still missing"))  // Fri 18:00 to Sun 23:59.
    }

    @Test func thresholdsAreOptions() throws {
        var options = Self.options
        options.repeatEpisodes = 4
        options.longEpisodeHours = 72
        let report = WeeklyPackBuilder(options: options).build(cohort: Self.fixture().cohort)
        #expect(report.tables.first { $0.id == "strategy-triggers" }?.rows.isEmpty == true)
    }

    @Test func overdueInterviewSkipsBankHolidays() throws {
        let report = WeeklyPackBuilder(options: Self.options).build(cohort: Self.fixture().cohort)
        let overdue = try #require(report.tables.first { $0.id == "rhi-overdue" })
        // Returned Thu 18 Apr; Fri 19 (Good Friday) and Mon 22 (Easter Monday) are not working days,
        // so the 3 working days are Tue 23, Wed 24 and Thu 25.
        #expect(overdue.rows.count == 1)
        #expect(overdue.rows[0][1] == .text("E5"))
        #expect(overdue.rows[0][3] == .date(TestCohort.date("2019-04-25")))
        #expect(overdue.rows[0][5] == .count(1))  // Fri 26 is the one working day past due by Sun 28.
    }

    @Test func childNewlyInASecondStrand() throws {
        let report = WeeklyPackBuilder(options: Self.options).build(cohort: Self.fixture().cohort)
        let newly = try #require(report.tables.first { $0.id == "new-second-strand" })
        #expect(newly.rows.count == 1)
        #expect(newly.rows[0][2] == .text("Missing + CME"))
        #expect(newly.rows[0][3] == .text("CME"))
    }

    @Test func pseudonymisedPackHasNoNames() throws {
        var options = Self.options
        options.pseudonymiser = Pseudonymiser(key: "test-key")
        let report = WeeklyPackBuilder(options: options).build(cohort: Self.fixture().cohort)
        let html = HTMLRenderer.render(report)
        #expect(!html.contains("Child1"))
        #expect(!html.contains("CL000001"))
        #expect(html.contains(Pseudonymiser(key: "test-key").pseudonym("CL000001", kind: "child")))
    }

    @Test func durationsAreGivenInDaysAndHours() {
        #expect(WeeklyPackBuilder.duration(hours: 7.4) == "7 h")
        #expect(WeeklyPackBuilder.duration(hours: 54) == "2 d 6 h")  // 48 + 6
        #expect(WeeklyPackBuilder.duration(hours: 138.6) == "5 d 19 h")  // 139 to the hour = 120 + 19
        #expect(WeeklyPackBuilder.duration(hours: 16516.4) == "688 d 4 h")  // 16516 = 688 × 24 + 4
    }

    @Test func longOpenEpisodeIsFlaggedForChecking() throws {
        var cohort = Self.fixture()
        cohort.episode(5, "E8", start: "2019-01-02 10:00", end: nil)
        let report = WeeklyPackBuilder(options: Self.options).build(cohort: cohort.cohort)
        let episodes = try #require(report.tables.first { $0.id == "episodes" })
        let check = episodes.columns.firstIndex(of: "Check")!
        #expect(episodes.rows.map { $0[1] } == [.text("E8"), .text("E3"), .text("E4"), .text("E7")])
        #expect(
            episodes.rows.map { $0[check] } == [
                .text("Open 116 days: confirm the child has not returned"), .empty, .empty, .empty,
            ])
    }
}

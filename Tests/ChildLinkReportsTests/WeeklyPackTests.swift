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
        let reasons = triggers.rows.map { [$0[0], $0[3]] }
        #expect(
            reasons == [
                [.text("CL000001"), .text("3+ episodes in 30 days")],
                [.text("CL000002"), .text("Missing more than 24 hours")],
            ])
        #expect(triggers.rows[1][4] == .text("2 d 6 h, still missing"))  // Fri 18:00 to Sun 23:59.
    }

    @Test func thresholdsAreOptions() throws {
        var options = Self.options
        options.repeatEpisodes = 4
        options.longEpisodeHours = 72
        let report = WeeklyPackBuilder(options: options).build(cohort: Self.fixture().cohort)
        #expect(report.tables.first { $0.id == "strategy-triggers" }?.rows.isEmpty == true)
    }

    @Test func overdueInterviewSkipsBankHolidaysUnderTheWorkingDayRule() throws {
        var options = Self.options
        options.rhiRule = .threeWorkingDays
        let report = WeeklyPackBuilder(options: options).build(cohort: Self.fixture().cohort)
        let overdue = try #require(report.tables.first { $0.id == "rhi-overdue" })
        // Returned Thu 18 Apr; Fri 19 (Good Friday) and Mon 22 (Easter Monday) are not working days,
        // so the 3 working days are Tue 23, Wed 24 and Thu 25.
        #expect(overdue.rows.count == 1)
        #expect(overdue.rows[0][3] == .text("E5"))
        #expect(overdue.rows[0][5] == .dateTime(TestCohort.time("2019-04-25 23:59")))
        #expect(overdue.columns[7] == "Working days late")
        #expect(overdue.rows[0][7] == .count(1))  // Fri 26 is the one working day past due by Sun 28.
    }

    /// The default clock is 72 hours from the return, to the minute.
    /// - E5 returned Thu 18 Apr 09:00: due Sun 21 Apr 09:00, not completed: 7 days late by Sun 28.
    /// - E8 (child 8) returned Good Friday 19 Apr 10:00: due Mon 22 Apr 10:00, completed Wed 24 (in
    ///   the week): 2 days late. Under 3 working days it was due Thu 25 (Tue 23, Wed 24, Thu 25), in time.
    /// - E9 (child 9) returned Sun 28 Apr 01:00, not completed: due Wed 1 May, not yet overdue.
    @Test func overdueInterviewDefaultsToSeventyTwoHoursWithTheDueTime() throws {
        var cohort = Self.fixture()
        cohort.episode(
            8, "E8", start: "2019-04-18 22:00", end: "2019-04-19 10:00", offered: true, accepted: true,
            completed: "2019-04-24")
        cohort.episode(9, "E9", start: "2019-04-27 22:00", end: "2019-04-28 01:00", offered: true, accepted: true)
        let report = WeeklyPackBuilder(options: Self.options).build(cohort: cohort.cohort)
        let overdue = try #require(report.tables.first { $0.id == "rhi-overdue" })
        #expect(overdue.columns[7] == "Days late")
        #expect(
            overdue.rows.map { [$0[3], $0[5], $0[6], $0[7]] } == [
                [.text("E5"), .dateTime(TestCohort.time("2019-04-21 09:00")), .text("Not completed"), .count(7)],
                [
                    .text("E8"), .dateTime(TestCohort.time("2019-04-22 10:00")), .date(TestCohort.date("2019-04-24")),
                    .count(2),
                ],
            ])
        var workingDays = Self.options
        workingDays.rhiRule = .threeWorkingDays
        let other = WeeklyPackBuilder(options: workingDays).build(cohort: cohort.cohort)
        #expect(other.tables.first { $0.id == "rhi-overdue" }?.rows.map { $0[3] } == [.text("E5")])
    }

    /// #13: the operational group works with names — every table of the pack that lists a child
    /// shows the name and the age at the week end (born 10/03/2004: 15 on 28/04/2019). Child 3 is
    /// in the overdue RHI table only, child 7's absence in the absences table only.
    @Test func everyTableListingAChildShowsNameAndAge() throws {
        var cohort = Self.fixture()
        cohort.episode(7, "A2", start: "2019-04-24 13:00", end: "2019-04-24 18:00", type: .absent)
        cohort.episode(2, "E4B", start: "2019-04-26 18:00", end: nil, status: .childInNeed)
        let report = WeeklyPackBuilder(options: Self.options).build(cohort: cohort.cohort)
        let listing = report.tables.filter { $0.columns.contains("ChildLink ID") }
        #expect(
            Set(listing.map(\.id)) == [
                "actions", "children", "episodes", "strategy-triggers", "rhi-overdue", "new-second-strand", "absences",
                "duplicate-events",
            ])
        for table in listing {
            let name = try #require(table.columns.firstIndex(of: "Name"), "\(table.id) has no Name column")
            let age = try #require(table.columns.firstIndex(of: "Age"), "\(table.id) has no Age column")
            let id = table.columns.firstIndex(of: "ChildLink ID")!
            for row in table.rows {
                guard case .text(let child) = row[id] else { continue }
                let number = Int(child.dropFirst(2))!
                #expect(row[name] == .text("Child\(number) Test"), "\(table.id)")
                #expect(row[age] == .count(15), "\(table.id)")
            }
        }
        let overdue = try #require(report.tables.first { $0.id == "rhi-overdue" })
        #expect(
            overdue.rows.map { Array($0[0...3]) } == [
                [.text("CL000003"), .text("Child3 Test"), .count(15), .text("E5")]
            ])
        // No extract here records a team: no Team column anywhere.
        #expect(!report.tables.contains { $0.columns.contains("Team") })
    }

    /// #13: the allocated team where recorded. Child 1's latest episode (E3, 23 April) records
    /// "North CIN", an earlier one (E1) "South"; no other child has a team. Every table that lists
    /// a child gets a Team column after the age, with child 1's last recorded team and blank for the rest.
    @Test func allocatedTeamIsShownWhereRecorded() throws {
        var cohort = Self.fixture()
        for index in cohort.records.indices {
            guard case .missing(var episode) = cohort.records[index].event else { continue }
            switch cohort.records[index].key.recordID {
            case "E1": episode.allocatedTeam = "South"
            case "E3": episode.allocatedTeam = "North CIN"
            default: continue
            }
            cohort.records[index].event = .missing(episode)
        }
        let report = WeeklyPackBuilder(options: Self.options).build(cohort: cohort.cohort)
        let listing = report.tables.filter { $0.columns.contains("ChildLink ID") }
        #expect(listing.count >= 6)
        for table in listing {
            let team = try #require(table.columns.firstIndex(of: "Team"), "\(table.id) has no Team column")
            #expect(table.columns[team - 1] == "Age", "\(table.id)")
            let id = table.columns.firstIndex(of: "ChildLink ID")!
            for row in table.rows {
                #expect(row[team] == (row[id] == .text("CL000001") ? .text("North CIN") : .empty), "\(table.id)")
            }
        }
        let children = try #require(report.tables.first { $0.id == "children" })
        #expect(children.rows[0][children.columns.firstIndex(of: "Team")!] == .text("North CIN"))
    }

    @Test func childNewlyInASecondStrand() throws {
        let report = WeeklyPackBuilder(options: Self.options).build(cohort: Self.fixture().cohort)
        let newly = try #require(report.tables.first { $0.id == "new-second-strand" })
        #expect(newly.rows.count == 1)
        #expect(newly.rows[0][3] == .text("Missing + CME"))
        #expect(newly.rows[0][4] == .text("CME"))
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

    /// Child 6's absent episode has been open since August 2018 and child 7 has an absent afternoon
    /// in the week: neither is a child missing this week, neither triggers a strategy meeting; both
    /// are listed among the absences (2) and counted in the summary's own row.
    @Test func absentEpisodesAreListedApartAndTriggerNothing() throws {
        var cohort = Self.fixture()
        cohort.episode(6, "A1", start: "2018-08-01 10:00", end: nil, type: .absent)
        cohort.episode(7, "A2", start: "2019-04-24 13:00", end: "2019-04-24 18:00", type: .absent)
        let report = WeeklyPackBuilder(options: Self.options).build(cohort: cohort.cohort)
        let children = try #require(report.tables.first { $0.id == "children" })
        #expect(children.rows.map { $0[0] } == [.text("CL000001"), .text("CL000002"), .text("CL000004")])
        let triggers = try #require(report.tables.first { $0.id == "strategy-triggers" })
        #expect(triggers.rows.map { $0[0] } == [.text("CL000001"), .text("CL000002")])
        let absences = try #require(report.tables.first { $0.id == "absences" })
        #expect(absences.rows.map { $0[3] } == [.text("A1"), .text("A2")])
        let summary = try #require(report.tables.first { $0.id == "summary" })
        #expect(summary.rows.first { $0[0] == .text("Episodes in the week") }?[1] == .count(3))
        #expect(summary.rows.last == [.text("Absent episodes (not counted above)"), .count(2)])
    }

    @Test func durationsAreGivenInDaysAndHours() {
        #expect(WeeklyPackBuilder.duration(hours: 7.4) == "7 h")
        #expect(WeeklyPackBuilder.duration(hours: 54) == "2 d 6 h")  // 48 + 6
        #expect(WeeklyPackBuilder.duration(hours: 138.6) == "5 d 19 h")  // 139 to the hour = 120 + 19
        #expect(WeeklyPackBuilder.duration(hours: 16516.4) == "688 d 4 h")  // 16516 = 688 × 24 + 4
    }

    /// E8 opened Wed 2 Jan 2019: 116 days to Sun 28 Apr, past 28, so it is flagged and is not a
    /// "missing more than 24 hours" trigger. E9 opened Sat 30 Mar: 29 days, flagged too. E10 opened
    /// Mon 1 Apr: 27 days, still a trigger (it is a child missing for four weeks, not a stale record).
    @Test func longOpenEpisodeIsFlaggedForCheckingNotTriggered() throws {
        var cohort = Self.fixture()
        cohort.episode(5, "E8", start: "2019-01-02 10:00", end: nil)
        cohort.episode(6, "E9", start: "2019-03-30 10:00", end: nil)
        cohort.episode(7, "E10", start: "2019-04-01 10:00", end: nil)
        let report = WeeklyPackBuilder(options: Self.options).build(cohort: cohort.cohort)
        let episodes = try #require(report.tables.first { $0.id == "episodes" })
        let check = episodes.columns.firstIndex(of: "Check")!
        #expect(
            episodes.rows.map { [$0[3], $0[check]] } == [
                [.text("E8"), .text("Open 116 days — confirm with the recording team")],
                [.text("E9"), .text("Open 29 days — confirm with the recording team")],
                [.text("E10"), .empty], [.text("E3"), .empty], [.text("E4"), .empty], [.text("E7"), .empty],
            ])
        let triggers = try #require(report.tables.first { $0.id == "strategy-triggers" })
        #expect(
            triggers.rows.map { [$0[0], $0[3]] } == [
                [.text("CL000001"), .text("3+ episodes in 30 days")],
                [.text("CL000002"), .text("Missing more than 24 hours")],
                [.text("CL000007"), .text("Missing more than 24 hours")],
            ])
    }
}

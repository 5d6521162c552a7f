import ChildLinkModel

/// One event of one child before its record is written: the dataset, the date that decides the
/// address in use, and the event columns after the record id.
struct EventDraft {
    let childIndex: Int
    let dataset: Dataset
    let date: CalendarDate
    let fields: [String]
}

/// Decides which of the four datasets each child of a household appears in (correlated: CME
/// families, LAC children who go missing, excluded children who are later home educated) and
/// generates their events in the 24 months up to the end date.
struct EventGenerator {
    let endDate: CalendarDate

    private var windowStart: CalendarDate { endDate.adding(days: -730) }
    /// The extract was taken at the end of the end date.
    private var extractMinute: Int { endDate.daysSinceEpoch * 1440 + 1439 }

    /// Every event of the household's children, child by child, dataset by dataset.
    func events(for children: [SampleChild], random: inout SampleRandom, ids: inout IdentifierFactory)
        -> [EventDraft]
    {
        let culture = children[0].culture
        let familyCMEChance: Double =
            switch culture {
            case .romaSlovak, .romaCzech: 0.42
            case .romanian: 0.32
            case .irishTraveller: 0.3
            case .polish: 0.14
            default: 0.07
            }
        var drafts: [EventDraft] = []
        var inCME = Set<Int>()
        if random.chance(familyCMEChance) {
            let referralCount = random.chance(0.18) ? 2 : 1
            let dates = (0..<referralCount).map { _ in referralDate(random: &random) }.sorted()
            var previous = random.weighted(culture.isRecentArrival ? [30, 30, 20, 20] : [60, 25, 10, 5])
            var lastClosure: CalendarDate?
            for date in dates {
                if let closed = lastClosure, closed < date { previous += 1 }
                let familyID = ids.familyID()
                let closure = closure(after: date, culture: culture, random: &random)
                lastClosure = closure?.date
                let family = FamilyReferral(
                    date: date, familyID: familyID, previous: previous, closure: closure,
                    locality: locality(children[0].address(on: date), random: &random))
                for (index, child) in children.enumerated() where (5...16).contains(child.dateOfBirth.age(on: date)) {
                    inCME.insert(index)
                    drafts.append(cmeDraft(child, index: index, referral: family, random: &random))
                }
            }
        }
        for (index, child) in children.enumerated() {
            drafts += childEvents(child, index: index, inFamilyCME: inCME.contains(index), random: &random, ids: &ids)
        }
        return drafts
    }

    // MARK: - Membership

    private func childEvents(
        _ child: SampleChild, index: Int, inFamilyCME: Bool, random: inout SampleRandom, ids: inout IdentifierFactory
    ) -> [EventDraft] {
        let age = child.dateOfBirth.age(on: endDate)
        let status = child.socialCareStatus
        var inCME = inFamilyCME
        var drafts: [EventDraft] = []
        if !inCME, age >= 6, random.chance(0.07) {
            inCME = true
            drafts += individualCME(child, index: index, random: &random, ids: &ids)
        }
        let inEHE = age >= 6 && random.chance(inCME ? 0.2 : 0.06)
        var exclusionChance = age >= 6 ? 0.4 : 0
        exclusionChance *= age >= 11 ? 1.3 : 0.55
        if [.childInNeed, .childProtection, .lookedAfter].contains(status) { exclusionChance *= 1.4 }
        if inCME { exclusionChance *= 1.25 }
        if inEHE { exclusionChance *= 1.2 }
        let excluded = random.chance(min(0.9, exclusionChance))
        var missingChance = 0.065
        switch status {
        case .lookedAfter: missingChance *= 3.5
        case .childProtection, .careLeaver: missingChance *= 2
        case .childInNeed: missingChance *= 1.6
        default: break
        }
        missingChance *= age >= 12 ? 1.8 : 0.3
        if excluded { missingChance *= 1.5 }
        if inCME { missingChance *= 1.3 }
        var goesMissing = random.chance(min(0.9, missingChance))
        var isExcluded = excluded
        var isEHE = inEHE
        if !inCME, !isEHE, !isExcluded, !goesMissing {
            switch random.weighted(age >= 6 ? [60, 26, 8, 6] : [0, 70, 30, 0]) {
            case 0: isExcluded = true
            case 1: goesMissing = true
            case 2: drafts += individualCME(child, index: index, random: &random, ids: &ids)
            default: isEHE = true
            }
        }
        if goesMissing { drafts += missingEpisodes(child, index: index, random: &random) }
        if isEHE {
            let ehe = eheRecords(child, index: index, random: &random)
            drafts += ehe
            // Home education that broke down is referred to the CME team.
            if let referred = ehe.last(where: { $0.fields[6] == "Referred to CME" }),
                let ended = CalendarDate(parsing: referred.fields[5])
            {
                drafts += individualCME(
                    child, index: index, on: min(endDate, ended.adding(days: random.below(15))), random: &random,
                    ids: &ids)
            }
        }
        if isExcluded { drafts += exclusions(child, index: index, random: &random) }
        if drafts.isEmpty, !inFamilyCME { drafts += missingEpisodes(child, index: index, random: &random) }
        return drafts
    }

    // MARK: - Missing episodes

    private func missingEpisodes(_ child: SampleChild, index: Int, random: inout SampleRandom) -> [EventDraft] {
        let lacFactor = child.socialCareStatus == .lookedAfter ? 1 : 0
        let bucket = random.weighted(lacFactor == 1 ? [34, 22, 25, 15, 4] : [55, 21, 17, 6, 1])
        let count: Int =
            switch bucket {
            case 0: 1
            case 1: 2
            case 2: 3 + random.below(3)
            case 3: 6 + random.below(10)
            default: 16 + random.below(20)
            }
        var starts: [Int] = []
        let windowDays = windowStart.days(until: endDate)
        let burstCentre = windowStart.daysSinceEpoch + random.below(windowDays + 1)
        for _ in 0..<count {
            let day: Int
            if count >= 6, random.chance(0.7) {
                day = min(endDate.daysSinceEpoch, max(windowStart.daysSinceEpoch, burstCentre + random.below(181) - 90))
            } else {
                day = windowStart.daysSinceEpoch + random.below(windowDays + 1)
            }
            starts.append(day * 1440 + startMinuteOfDay(random: &random))
        }
        if random.chance(0.07) {
            let day = endDate.daysSinceEpoch - random.below(7)
            starts.append(day * 1440 + startMinuteOfDay(random: &random))
        }
        starts.sort()
        var drafts: [EventDraft] = []
        var earliestNext = Int.min
        for proposed in starts {
            let start = max(proposed, earliestNext)
            guard start < extractMinute - 30 else { break }
            var end: Int? = start + durationMinutes(random: &random)
            if end! > extractMinute || random.chance(0.003) { end = nil }
            earliestNext = (end ?? extractMinute) + 60 + random.below(2000)
            drafts.append(missingDraft(child, index: index, start: start, end: end, random: &random))
            if end == nil { break }
        }
        return drafts
    }

    private func startMinuteOfDay(random: inout SampleRandom) -> Int {
        random.chance(0.6) ? 16 * 60 + random.below(8 * 60) : random.below(16 * 60)
    }

    private func durationMinutes(random: inout SampleRandom) -> Int {
        switch random.weighted([35, 38, 18, 6, 3]) {
        case 0: 30 + random.below(330)
        case 1: 360 + random.below(1080)
        case 2: 1440 + random.below(2880)
        case 3: 4320 + random.below(5760)
        default: 10080 + random.below(33120)
        }
    }

    private func missingDraft(_ child: SampleChild, index: Int, start: Int, end: Int?, random: inout SampleRandom)
        -> EventDraft
    {
        let startDate = CalendarDate(daysSinceEpoch: start / 1440)
        var status = child.socialCareStatus
        if random.chance(0.1) { status = random.pick([.earlyHelp, .childInNeed, .notAClient, .childProtection]) }
        if status == .careLeaver, child.dateOfBirth.age(on: startDate) < 16 { status = .lookedAfter }
        let isLAC = status == .lookedAfter
        let type = random.chance(isLAC ? 0.25 : 0.05) ? EpisodeType.absent : .missing
        var offered = ""
        var accepted = ""
        var completed = ""
        if let end {
            let wasOffered = random.chance(0.9)
            offered = FieldFormat.yesNo(wasOffered)
            let wasAccepted = wasOffered && random.chance(0.72)
            accepted = wasOffered ? FieldFormat.yesNo(wasAccepted) : "N/A"
            if wasAccepted {
                let delay = random.weighted([70, 25, 5]) == 0 ? random.below(3) : 3 + random.below(12)
                let date = CalendarDate(daysSinceEpoch: end / 1440).adding(days: delay)
                if date <= endDate { completed = FieldFormat.date(date) }
            }
        }
        let distance = isLAC ? FieldFormat.tenths(child.placementDistanceTenths) : ""
        let found = end == nil ? "" : random.pick(BoroughData.foundLocations)
        return EventDraft(
            childIndex: index, dataset: .missing, date: startDate,
            fields: [
                type.rawValue, FieldFormat.dateTime(minutes: start),
                end.map { FieldFormat.dateTime(minutes: $0) } ?? "",
                status.rawValue, risk(child.cseRisk, random: &random), risk(child.cceRisk, random: &random), distance,
                offered, accepted, completed, random.pick(BoroughData.reportedBy), found,
            ])
    }

    private func risk(_ level: RiskLevel, random: inout SampleRandom) -> String {
        if random.chance(0.04) { return "" }
        guard random.chance(0.1) else { return level.rawValue }
        let all = RiskLevel.allCases
        let position = all.firstIndex(of: level)!
        return all[min(all.count - 1, max(0, position + (random.chance(0.5) ? 1 : -1)))].rawValue
    }

    // MARK: - CME

    private func referralDate(random: inout SampleRandom) -> CalendarDate {
        schoolDay(windowStart.adding(days: random.below(windowStart.days(until: endDate) + 1)))
    }

    private func closure(after date: CalendarDate, culture: Culture, random: inout SampleRandom)
        -> (date: CalendarDate, outcome: String)?
    {
        guard random.chance(0.82) else { return nil }
        let days = random.chance(0.6) ? 7 + random.below(90) : 90 + random.below(400)
        let closed = date.adding(days: days)
        guard closed <= endDate else { return nil }
        var weights = BoroughData.closureOutcomes.map(\.1)
        if culture.isRecentArrival {
            weights[0] *= 1.5
            weights[2] *= 2.5
        }
        return (closed, BoroughData.closureOutcomes[random.weighted(weights)].0)
    }

    private func individualCME(
        _ child: SampleChild, index: Int, on fixedDate: CalendarDate? = nil, random: inout SampleRandom,
        ids: inout IdentifierFactory
    ) -> [EventDraft] {
        var date = fixedDate ?? referralDate(random: &random)
        if fixedDate == nil, !(5...16).contains(child.dateOfBirth.age(on: date)) {
            date = endDate.adding(days: -random.below(200))
        }
        let referral = FamilyReferral(
            date: schoolDay(date), familyID: ids.familyID(), previous: random.weighted([60, 25, 10, 5]),
            closure: closure(after: date, culture: child.culture, random: &random),
            locality: locality(child.address(on: date), random: &random))
        return [cmeDraft(child, index: index, referral: referral, random: &random)]
    }

    /// What the children referred together share.
    private struct FamilyReferral {
        let date: CalendarDate
        let familyID: String
        let previous: Int
        let closure: (date: CalendarDate, outcome: String)?
        let locality: String
    }

    private func locality(_ address: SampleAddress, random: inout SampleRandom) -> String {
        random.chance(0.08)
            ? BoroughData.outsideLocality : random.pick(BoroughData.districts[address.district].localities)
    }

    private func cmeDraft(_ child: SampleChild, index: Int, referral: FamilyReferral, random: inout SampleRandom)
        -> EventDraft
    {
        let date = referral.date
        let year = child.yearGroup(on: date)
        let school = child.school(on: date)
        let knownSchool = random.chance(0.85)
        let phase = knownSchool ? (school.phase == "AP" ? "Unknown" : school.phase) : "Unknown"
        let status = child.socialCareStatus
        return EventDraft(
            childIndex: index, dataset: .cme, date: date,
            fields: [
                FieldFormat.date(date), referral.familyID, String(referral.previous),
                BoroughData.presentingNeeds[random.weighted(BoroughData.presentingNeeds.map(\.1))].0,
                referral.locality,
                knownSchool ? school.urn : "", knownSchool ? school.name : "", phase,
                FieldFormat.yearGroup(min(11, max(0, year))), FieldFormat.yesNo(child.fsmEligible),
                FieldFormat.yesNo([.childInNeed, .childProtection, .lookedAfter].contains(status)),
                FieldFormat.yesNo(status == .earlyHelp), referral.closure.map { FieldFormat.date($0.date) } ?? "",
                referral.closure?.outcome ?? "",
            ])
    }

    // MARK: - EHE

    private func eheRecords(_ child: SampleChild, index: Int, random: inout SampleRandom) -> [EventDraft] {
        let count = random.chance(0.05) ? 2 : 1
        var drafts: [EventDraft] = []
        var earliest = windowStart
        for _ in 0..<count {
            let span = earliest.days(until: endDate)
            guard span > 30 else { break }
            let start = schoolDay(earliest.adding(days: random.below(span)))
            let school = child.school(on: start)
            var endDateText = ""
            var endReason = ""
            if random.chance(0.4) {
                let end = start.adding(days: 30 + random.below(400))
                if end <= endDate {
                    endDateText = FieldFormat.date(end)
                    endReason = random.pick(BoroughData.eheEndReasons)
                    earliest = end.adding(days: 30)
                }
            }
            var visit = ""
            if random.chance(0.75) {
                let date = start.adding(days: 14 + random.below(120))
                if date <= endDate { visit = FieldFormat.date(date) }
            }
            drafts.append(
                EventDraft(
                    childIndex: index, dataset: .ehe, date: start,
                    fields: [
                        FieldFormat.date(start), random.pick(BoroughData.eheReasons), school.urn, school.name,
                        FieldFormat.yearGroup(min(11, max(0, child.yearGroup(on: start)))), endDateText, endReason,
                        visit, visit.isEmpty ? "" : FieldFormat.yesNo(random.chance(0.15)),
                    ]))
            if endDateText.isEmpty { break }
        }
        return drafts
    }

    // MARK: - Exclusions

    private func exclusions(_ child: SampleChild, index: Int, random: inout SampleRandom) -> [EventDraft] {
        let count: Int =
            switch random.weighted([50, 22, 20, 8]) {
            case 0: 1
            case 1: 2
            case 2: 3 + random.below(3)
            default: 6 + random.below(7)
            }
        var dates: [CalendarDate] = []
        let span = windowStart.days(until: endDate)
        for _ in 0..<count {
            let date = schoolDay(windowStart.adding(days: random.below(span + 1)))
            if child.yearGroup(on: date) >= 1, child.yearGroup(on: date) <= 11 { dates.append(date) }
        }
        dates.sort()
        let permanent = random.chance(0.04)
        var schools = dates.map { child.school(on: $0) }
        if permanent, let last = dates.last, random.chance(0.4) {
            // After a permanent exclusion the pupil goes to the referral unit, and is sometimes suspended there.
            let later = schoolDay(last.adding(days: 30 + random.below(170)))
            if later > last {
                dates.append(later)
                schools.append(BoroughData.referralUnit)
            }
        }
        let permanentIndex = permanent ? (schools.last?.phase == "AP" ? dates.count - 2 : dates.count - 1) : -1
        var drafts: [EventDraft] = []
        for (position, date) in dates.enumerated() {
            let category: ExclusionCategory =
                position == permanentIndex ? .permanent : random.chance(0.04) ? .lunchtime : .suspension
            let school = schools[position]
            let sessions: String =
                switch category {
                case .permanent: ""
                case .lunchtime: "1"
                case .suspension: String([1, 2, 2, 2, 3, 4, 4, 6, 8, 10][random.below(10)])
                }
            drafts.append(
                EventDraft(
                    childIndex: index, dataset: .exclusions, date: date,
                    fields: [
                        school.urn, school.name, school.phase, category.rawValue, FieldFormat.date(date), sessions,
                    ]
                        + exclusionReasons(random: &random)))
        }
        return drafts
    }

    /// One to three distinct DfE reason codes, padded to the three reason columns.
    private func exclusionReasons(random: inout SampleRandom) -> [String] {
        let count = 1 + random.weighted([82, 15, 3])
        var reasons: [String] = []
        while reasons.count < count {
            let reason = BoroughData.exclusionReasons[random.weighted(BoroughData.exclusionReasons.map(\.1))].0
            if !reasons.contains(reason) { reasons.append(reason) }
        }
        return reasons + Array(repeating: "", count: 3 - count)
    }

    // MARK: - Calendar

    /// The same day on a weekday in term time: weekends move to Monday, August to September.
    private func schoolDay(_ date: CalendarDate) -> CalendarDate {
        var day = date
        if day.month == 8 { day = CalendarDate(year: day.year, month: 9, day: min(day.day, 28) + 2)! }
        switch day.isoWeekday {
        case 6: day = day.adding(days: 2)
        case 7: day = day.adding(days: 1)
        default: break
        }
        while day > endDate { day = day.adding(days: -7) }
        return day
    }
}

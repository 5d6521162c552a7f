import ChildLinkModel

/// Builds one household: its culture, address history, surname(s) and children (siblings, twins,
/// step-siblings), with their identifiers and social-care circumstances.
struct HouseholdBuilder {
    let endDate: CalendarDate

    /// The family's shared choices.
    private struct Family {
        let culture: Culture
        let surnamePair: (String, String)
        let stepSurnamePair: (String, String)?
        let addresses: [SampleAddress]
        let primary: BoroughData.School
        let secondary: BoroughData.School
        let isVulnerable: Bool
    }

    /// Builds the children of household `household`, numbering them from `firstChildID`.
    func build(
        household: Int, firstChildID: Int, random: inout SampleRandom, ids: inout IdentifierFactory
    ) -> [SampleChild] {
        let family = makeFamily(random: &random)
        let births = birthDates(culture: family.culture, random: &random)
        var children: [SampleChild] = []
        var usedForenames: Set<String> = []
        // In a step-family the younger children carry the step-parent's surname; twins share one.
        let stepFrom = births[random.below(births.count)].date
        let planned = plannedTwinNames(births, culture: family.culture, random: &random)
        for (offset, birth) in births.enumerated() {
            let gender: Gender = planned[offset]?.gender ?? (random.chance(0.51) ? .male : .female)
            let forename =
                planned[offset]?.name
                ?? pickForename(family.culture, gender, avoiding: usedForenames, random: &random)
            usedForenames.insert(forename)
            let child = makeChild(
                id: firstChildID + offset, household: household, family: family, forename: forename,
                gender: gender, dateOfBirth: birth.date, usesStepSurname: birth.date >= stepFrom,
                isTwin: birth.twinOf != nil
                    || births.contains {
                        $0.twinOf == offset
                    }, random: &random, ids: &ids)
            children.append(child)
        }
        return children
    }

    // MARK: - Family

    private func makeFamily(random: inout SampleRandom) -> Family {
        let culture = Culture.allCases[random.weighted(Culture.allCases.map(\.householdWeight))]
        var surnamePair = random.pick(culture.surnames)
        if culture == .whiteBritish || culture == .mixed, random.chance(0.05) {
            let second = random.pick(Culture.whiteBritish.surnames).0
            if second != surnamePair.0 { surnamePair = (surnamePair.0 + "-" + second, surnamePair.1 + "-" + second) }
        }
        let stepChance: Double = culture == .whiteBritish || culture == .mixed ? 0.18 : 0.04
        let stepPair = random.chance(stepChance) ? random.pick(culture.surnames) : nil
        let addresses = addressHistory(culture: culture, random: &random)
        let district = addresses.last!.district
        return Family(
            culture: culture, surnamePair: surnamePair,
            stepSurnamePair: stepPair.flatMap { $0.0 == surnamePair.0 ? nil : $0 }, addresses: addresses,
            primary: school(near: district, in: BoroughData.primarySchools, random: &random),
            secondary: random.chance(0.03)
                ? BoroughData.secondarySchools[16 + random.below(2)]
                : school(near: district, in: Array(BoroughData.secondarySchools.prefix(16)), random: &random),
            isVulnerable: random.chance(0.3))
    }

    private func school(near district: Int, in schools: [BoroughData.School], random: inout SampleRandom)
        -> BoroughData.School
    {
        // Nearby schools: a window of the list keyed by district, with some choosing further afield.
        if random.chance(0.2) { return random.pick(schools) }
        let start = (district * schools.count) / BoroughData.districts.count
        return schools[(start + random.below(3)) % schools.count]
    }

    private func addressHistory(culture: Culture, random: inout SampleRandom) -> [SampleAddress] {
        let transientChance = culture.isRecentArrival ? 0.55 : culture == .irishTraveller ? 0.6 : 0.1
        let moves = random.chance(transientChance) ? 1 + random.below(3) : 0
        var addresses: [SampleAddress] = []
        let weights = BoroughData.districts.map {
            culture.isRecentArrival || culture == .pakistani ? $0.arrivalWeight : $0.weight
        }
        var moveDate = endDate.adding(days: -(700 + random.below(400)))
        for index in 0...moves {
            let district = random.weighted(weights)
            addresses.append(
                makeAddress(district: district, since: index == 0 ? nil : moveDate, random: &random))
            moveDate = moveDate.adding(days: 60 + random.below(700 / (moves + 1)))
            if moveDate > endDate { break }
        }
        return addresses
    }

    private func makeAddress(district: Int, since: CalendarDate?, random: inout SampleRandom) -> SampleAddress {
        let info = BoroughData.districts[district]
        let inward =
            String(1 + random.below(9)) + String(random.pick(BoroughData.inwardLetters))
            + String(random.pick(BoroughData.inwardLetters))
        let street = random.pick(BoroughData.streets)
        let number = String(1 + random.below(180))
        let line = random.chance(0.12) ? "Flat \(1 + random.below(12)), \(number) \(street)" : "\(number) \(street)"
        return SampleAddress(
            postcode: info.outward + " " + inward, line1: line, town: info.town, district: district, since: since)
    }

    // MARK: - Births

    private struct Birth {
        let date: CalendarDate
        let twinOf: Int?
    }

    private func birthDates(culture: Culture, random: inout SampleRandom) -> [Birth] {
        let sizeWeights: [Double] =
            culture.isRecentArrival || culture == .irishTraveller || culture == .pakistani
            ? [30, 28, 20, 13, 9] : [46, 29, 15, 7, 3]
        let count = 1 + random.weighted(sizeWeights)
        let youngest = endDate.adding(days: -(4 * 365 + 1))
        let oldest = endDate.adding(days: -(18 * 365 - 5))
        var births: [Birth] = []
        var date = oldest.adding(days: random.below(oldest.days(until: youngest) + 1))
        if count > 1 { date = oldest.adding(days: random.below(max(1, oldest.days(until: youngest) / 2))) }
        while births.count < count, date <= youngest {
            births.append(Birth(date: date, twinOf: nil))
            if births.count < count, random.chance(0.014) {
                births.append(Birth(date: date, twinOf: births.count - 1))
            }
            date = date.adding(days: 330 + random.below(1100))
        }
        return births
    }

    // MARK: - Names

    private func pickForename(
        _ culture: Culture, _ gender: Gender, avoiding used: Set<String>, random: inout SampleRandom
    ) -> String {
        let pool = nameCulture(culture, random: &random)
        let names = gender == .male ? pool.boys : pool.girls
        var name = random.pick(names)
        var attempts = 0
        while used.contains(name), attempts < 8 {
            name = random.pick(names)
            attempts += 1
        }
        return name
    }

    /// Mixed-heritage children mostly carry names from the White British pool.
    private func nameCulture(_ culture: Culture, random: inout SampleRandom) -> Culture {
        culture == .mixed && random.chance(0.6) ? .whiteBritish : culture
    }

    /// Some parents give twins similar names (Jayden and Jaden): the pair's names and sex, by birth.
    private func plannedTwinNames(_ births: [Birth], culture: Culture, random: inout SampleRandom)
        -> [Int: (name: String, gender: Gender)]
    {
        var planned: [Int: (name: String, gender: Gender)] = [:]
        for (offset, birth) in births.enumerated() where birth.twinOf != nil && random.chance(0.35) {
            let gender: Gender = random.chance(0.5) ? .male : .female
            let names = culture == .mixed ? [culture, .whiteBritish] : [culture]
            let pool = names.flatMap { gender == .male ? $0.boys : $0.girls }
            let candidates = NameData.similarTwinNames.filter { $0.2 == (gender == .male) && pool.contains($0.0) }
            guard !candidates.isEmpty else { continue }
            let pair = random.pick(candidates)
            planned[offset - 1] = (pair.0, gender)
            planned[offset] = (pair.1, gender)
        }
        return planned
    }

    private func middleNames(_ culture: Culture, _ gender: Gender, forename: String, random: inout SampleRandom)
        -> String
    {
        let chance: Double =
            switch culture {
            case .whiteBritish, .mixed: 0.55
            case .pakistani: 0.45
            case .romanian: 0.3
            case .polish: 0.2
            case .romaSlovak, .romaCzech: 0.06
            default: 0.25
            }
        guard random.chance(chance) else { return "" }
        let pool = nameCulture(culture, random: &random)
        var middle = random.pick(gender == .male ? pool.boys : pool.girls)
        if middle == forename { middle = random.pick(gender == .male ? pool.boys : pool.girls) }
        if middle != forename, random.chance(0.12) {
            let second = random.pick(gender == .male ? pool.boys : pool.girls)
            if second != middle, second != forename { middle += " " + second }
        }
        return middle == forename ? "" : middle
    }

    // MARK: - Child

    private func makeChild(
        id: Int, household: Int, family: Family, forename: String, gender: Gender, dateOfBirth: CalendarDate,
        usesStepSurname: Bool, isTwin: Bool, random: inout SampleRandom, ids: inout IdentifierFactory
    ) -> SampleChild {
        let culture = family.culture
        var surname = gender == .female ? family.surnamePair.1 : family.surnamePair.0
        var otherSurname: String?
        if let step = family.stepSurnamePair, usesStepSurname {
            otherSurname = surname
            surname = gender == .female ? step.1 : step.0
        }
        let ethnicity = culture.ethnicities[random.weighted(culture.ethnicities.map(\.1))].0
        let middle = middleNames(culture, gender, forename: forename, random: &random)
        let identifiers = pupilIdentifiers(culture, dateOfBirth, family: family, random: &random, ids: &ids)
        let status = socialCareStatus(dateOfBirth, vulnerable: family.isVulnerable, random: &random)
        let age = dateOfBirth.age(on: endDate)
        let riskWeights: [Double] = age >= 12 ? [62, 18, 13, 7] : [92, 5, 2, 1]
        return SampleChild(
            id: id, household: household, forename: forename, middleNames: middle, surname: surname,
            otherSurname: otherSurname, dateOfBirth: dateOfBirth, gender: gender, ethnicity: ethnicity,
            isTwin: isTwin, upn: identifiers.upn, temporaryUPN: identifiers.temporary,
            nhsNumber: random.chance(culture.isRecentArrival ? 0.8 : 0.97) ? ids.nhsNumber() : nil,
            culture: culture, addresses: family.addresses, lcsID: ids.lcsID(random: &random),
            educationID: ids.educationID(random: &random), primarySchool: family.primary,
            secondarySchool: family.secondary, socialCareStatus: status,
            cseRisk: RiskLevel.allCases[random.weighted(gender == .female ? riskWeights : [80, 12, 6, 2])],
            cceRisk: RiskLevel.allCases[random.weighted(gender == .male ? riskWeights : [88, 8, 3, 1])],
            placementDistanceTenths: placementDistance(random: &random),
            fsmEligible: random.chance(culture.isRecentArrival || family.isVulnerable ? 0.45 : 0.2))
    }

    private func pupilIdentifiers(
        _ culture: Culture, _ dateOfBirth: CalendarDate, family: Family, random: inout SampleRandom,
        ids: inout IdentifierFactory
    ) -> (upn: String?, temporary: String?) {
        let entryYear = dateOfBirth.year + (dateOfBirth.month >= 9 ? 5 : 4)
        let arrival = culture.isRecentArrival
        guard !random.chance(arrival ? 0.08 : 0.02) else { return (nil, nil) }
        let establishment = family.primary.establishment
        if arrival, random.chance(0.4) {
            let arrivalYear = min(endDate.year, max(entryYear, endDate.year - random.below(4)))
            let temporary = ids.temporaryUPN(establishment: establishment, year: arrivalYear, random: &random)
            if random.chance(0.3) { return (nil, temporary) }
            return (ids.upn(establishment: establishment, year: arrivalYear, random: &random), temporary)
        }
        return (ids.upn(establishment: establishment, year: min(entryYear, endDate.year), random: &random), nil)
    }

    private func socialCareStatus(_ dateOfBirth: CalendarDate, vulnerable: Bool, random: inout SampleRandom)
        -> SocialCareStatus
    {
        let weights: [Double] = vulnerable ? [30, 14, 20, 12, 16, 2, 4] : [62, 14, 10, 4, 5, 1, 4]
        let order: [SocialCareStatus] = [
            .notAClient, .earlyHelp, .childInNeed, .childProtection, .lookedAfter, .careLeaver, .otherLocalAuthority,
        ]
        let status = order[random.weighted(weights)]
        if status == .careLeaver, dateOfBirth.age(on: endDate) < 16 { return .lookedAfter }
        return status
    }

    private func placementDistance(random: inout SampleRandom) -> Int {
        switch random.weighted([60, 25, 15]) {
        case 0: 5 + random.below(75)
        case 1: 80 + random.below(120)
        default: 200 + random.below(600)
        }
    }
}

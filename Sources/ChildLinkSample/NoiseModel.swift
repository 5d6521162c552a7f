import ChildLinkModel

/// Makes one record's copy of a child's identity, with the slips, omissions and variant forms that
/// a real council's extracts show. Each record is corrupted independently.
struct NoiseModel {
    let factor: Double

    /// Scales a default-level probability to the configured noise level.
    private func rate(_ probability: Double) -> Double { min(0.95, probability * factor) }

    /// The person fields (``SampleLayout/personColumns`` order) for one record dated `date`.
    func personFields(
        _ child: SampleChild, dataset: Dataset, personID: String, date: CalendarDate, random: inout SampleRandom
    ) -> [String] {
        var names = nameFields(child, random: &random)
        if dataset == .missing, names.preferred.isEmpty, random.chance(0.02),
            let short = NameVariants.forenameForms[child.forename]?.first
        {
            names.preferred = short
        }
        let identifiers = pupilNumbers(child, dataset: dataset, random: &random)
        let address = addressFields(child, date: date, random: &random)
        return [
            personID, identifiers.upn, identifiers.former, nhsNumber(child, dataset: dataset, random: &random),
            names.forename, names.middle, names.surname, names.preferred, names.formerSurname,
            dateOfBirth(child.dateOfBirth, random: &random).uk, gender(child.gender, dataset, random: &random),
            ethnicity(child, random: &random), address.postcode, address.line1, address.town,
        ]
    }

    // MARK: - Names

    private struct Names {
        var forename: String
        var middle: String
        var surname: String
        var preferred = ""
        var formerSurname = ""
    }

    private func nameFields(_ child: SampleChild, random: inout SampleRandom) -> Names {
        var names = Names(forename: child.forename, middle: child.middleNames, surname: child.surname)
        if let other = child.otherSurname, random.chance(0.3) {
            names.surname = other
            if random.chance(0.25) { names.formerSurname = child.surname }
        } else if child.otherSurname != nil, random.chance(0.15) {
            names.formerSurname = child.otherSurname!
        }
        let plainForename = NameVariants.withoutDiacritics(names.forename)
        if let forms = NameVariants.forenameForms[names.forename]?.filter({ $0 != plainForename }), !forms.isEmpty {
            let usesVariant = random.chance(rate(child.culture == .whiteBritish ? 0.04 : 0.1))
            if usesVariant {
                names.forename = random.pick(forms)
            } else if random.chance(0.03) {
                names.preferred = random.pick(forms)
            }
        }
        if !names.middle.isEmpty, random.chance(0.2) { names.middle = "" }
        names.surname = surnameVariant(names.surname, random: &random)
        if random.chance(child.culture == .whiteBritish ? 0.1 : min(0.85, 0.45 * factor.squareRoot())) {
            names.forename = NameVariants.withoutDiacritics(names.forename)
            names.middle = NameVariants.withoutDiacritics(names.middle)
            names.surname = NameVariants.withoutDiacritics(names.surname)
        }
        if random.chance(rate(0.015)) { names.forename = NameVariants.typo(names.forename, random: &random) }
        if random.chance(rate(0.012)) { names.surname = NameVariants.typo(names.surname, random: &random) }
        if !names.middle.isEmpty, !names.middle.contains(" "), random.chance(rate(0.015)) {
            swap(&names.forename, &names.middle)
        } else if random.chance(rate(0.005)) {
            swap(&names.forename, &names.surname)
        }
        return names
    }

    private func surnameVariant(_ surname: String, random: inout SampleRandom) -> String {
        if let masculine = NameVariants.withoutFeminineEnding(surname), random.chance(rate(0.1)) {
            return masculine
        }
        if surname.contains("-"), random.chance(rate(0.3)) {
            let parts = surname.split(separator: "-")
            return String(random.chance(0.7) ? parts[0] : parts[parts.count - 1])
        }
        if surname.contains("-"), random.chance(rate(0.05)) {
            return surname.replacingHyphenWithSpace
        }
        return surname
    }

    // MARK: - Identifiers

    private func pupilNumbers(_ child: SampleChild, dataset: Dataset, random: inout SampleRandom)
        -> (upn: String, former: String)
    {
        let presence = dataset == .missing ? 0.55 : 0.94
        guard child.upn != nil || child.temporaryUPN != nil else {
            if random.chance(dataset == .missing ? 0.3 : 0.15) { return (random.pick(["UN2", "UN3", "UN5"]), "") }
            return ("", "")
        }
        guard random.chance(presence) else {
            if dataset == .missing, random.chance(0.1) { return (random.pick(["UN1", "UN4", "UN5"]), "") }
            return ("", "")
        }
        var upn = child.upn ?? child.temporaryUPN!
        var former = ""
        if let temporary = child.temporaryUPN, child.upn != nil {
            if random.chance(0.15) {
                upn = temporary
            } else if random.chance(0.4) {
                former = temporary
            }
        }
        if random.chance(rate(0.004)) { upn = Self.swappedDigits(upn, random: &random) }
        return (upn, former)
    }

    private func nhsNumber(_ child: SampleChild, dataset: Dataset, random: inout SampleRandom) -> String {
        guard let nhs = child.nhsNumber else { return "" }
        let presence: Double =
            switch dataset {
            case .missing: 0.88
            case .cme: 0.1
            case .ehe: 0.08
            default: 0.03
            }
        guard random.chance(presence) else { return "" }
        let written = random.chance(rate(0.008)) ? Self.swappedDigits(nhs, random: &random) : nhs
        guard dataset == .missing, random.chance(0.4) else { return written }
        let digits = Array(written)
        return String(digits[0..<3]) + " " + String(digits[3..<6]) + " " + String(digits[6...])
    }

    /// Two adjacent digits swapped (or one digit changed when they are the same).
    static func swappedDigits(_ value: String, random: inout SampleRandom) -> String {
        var characters = Array(value)
        let digitPositions = characters.indices.filter { characters[$0].isNumber && $0 + 1 < characters.count }
            .filter { characters[$0 + 1].isNumber }
        guard let position = digitPositions.isEmpty ? nil : random.pick(digitPositions) else { return value }
        if characters[position] == characters[position + 1] {
            let digit = characters[position].wholeNumberValue!
            characters[position] = Character(String((digit + 1 + random.below(8)) % 10))
        } else {
            characters.swapAt(position, position + 1)
        }
        return String(characters)
    }

    // MARK: - Date of birth, gender, ethnicity, address

    private func dateOfBirth(_ date: CalendarDate, random: inout SampleRandom) -> CalendarDate {
        let roll = random.unit()
        if roll < rate(0.004), date.day <= 12, date.day != date.month,
            let transposed = CalendarDate(year: date.year, month: date.day, day: date.month)
        {
            return transposed
        }
        if roll < rate(0.009) { return date.adding(days: random.chance(0.5) ? 1 : -1) }
        if roll < rate(0.012) {
            let year = date.year + (random.chance(0.5) ? 1 : -1)
            return CalendarDate(year: year, month: date.month, day: date.day) ?? date.adding(days: 365)
        }
        return date
    }

    private func gender(_ gender: Gender, _ dataset: Dataset, random: inout SampleRandom) -> String {
        if random.chance(rate(0.005)) { return random.chance(0.5) ? "" : "Unknown" }
        switch dataset {
        case .ehe, .exclusions: return gender.dfeCode
        default: return gender.rawValue
        }
    }

    private func ethnicity(_ child: SampleChild, random: inout SampleRandom) -> String {
        let roll = random.unit()
        if roll < rate(0.03) { return "" }
        if roll < rate(0.05) { return "NOBT" }
        if roll < rate(0.055) { return "REFU" }
        if child.ethnicity == "WROM", random.chance(0.2) { return "WOTH" }
        if child.ethnicity == "WOTH", child.culture != .polish, child.culture.isRecentArrival, random.chance(0.1) {
            return "WROM"
        }
        return child.ethnicity
    }

    private func addressFields(_ child: SampleChild, date: CalendarDate, random: inout SampleRandom)
        -> (postcode: String, line1: String, town: String)
    {
        var address = child.address(on: date)
        if child.addresses.count > 1, random.chance(0.15) {
            // Systems lag behind a move, or pick it up early.
            address = random.pick(child.addresses)
        }
        var postcode = address.postcode
        if random.chance(rate(0.02)) {
            postcode = ""
        } else if random.chance(0.08) {
            postcode = postcode.replacingSpace
        } else if random.chance(rate(0.004)) {
            postcode = String(postcode.dropLast(2)) + String(postcode.suffix(2).reversed())
        }
        let line = random.chance(rate(0.03)) ? "" : address.line1
        let town = random.chance(0.2) ? "" : address.town
        return (postcode, line, town)
    }
}

extension String {
    var replacingHyphenWithSpace: String { String(map { $0 == "-" ? " " : $0 }) }
    var replacingSpace: String { String(filter { $0 != " " }) }
}

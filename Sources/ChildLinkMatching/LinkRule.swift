/// A rule that links a pair below the link threshold, from its own probability, unless a guard
/// keeps it apart: the pair shares an identifier, or differs only in the form its forename is
/// written in.
///
/// **An identifier in common.** A UPN, an NHS number or a person id one system issued is one
/// child's: two records that carry the same one, with none apart, are that child however
/// differently the names were typed (`Chlooe Kin` and `C Kng`, one UPN). Such a pair scores below
/// the threshold only when its names or birth date disagree; in the review band it is linked. With
/// the birth date the same or one slip of it as well, it is linked however low it scores: the
/// names swapped into each other's columns with one of them replaced or cut short (`Evans Lily`
/// beside `Daisy Evans`, one UPN; `STAN Mia` beside `Anna Stan`, one NHS number) weigh as two
/// different names, yet no other child holds that identifier and that birth date. Only where a
/// system issued the identifier: a person id typed by hand (generic mode) says nothing of the kind.
///
/// **A form of the forename**, with the surname (but for a slip beside an initial, a nickname or
/// a middle name), the birth date and the sex exactly the same and no UPN, NHS number or person
/// id apart. The model learns each forename level's weight over every candidate pair. An initial
/// there mostly meets a sibling (the same surname, another birth date) and a nickname or variant a
/// namesake or a twin with a form of the same name, so both weigh less than one child written
/// two ways deserves when everything else is the same. With the surname, the birth date and the
/// sex all the same, the rivals are a twin, whom the guards look for (the twin's own records,
/// another middle name, two person ids at once), and another child of that surname born that day
/// with that initial or that form of the name: a coincidence that grows with the number of
/// records, and that the model's prior (lower for more records) already puts below each form's
/// link probability (docs/accuracy.md, "A forename initial, the rest the same" and "Forms of the
/// forename, and slips beside them").
package enum LinkRule: Sendable, Hashable {
    /// The records share a UPN, NHS number or person id, and hold none that differs.
    case sharedIdentifier
    /// The records share a UPN, an NHS number or a person id a system issued, hold none that
    /// differs, and give the same birth date or one slip of it (a day, a digit or the year out, day
    /// and month transposed): one child, whatever became of the names.
    case sharedIdentifierAndBirthDate
    /// One record gives the forename as its initial (`J Kowalski` beside `Julia Kowalski`): how a
    /// hurried report writes a child it has not yet confirmed.
    case initial
    /// One record gives the forename as its initial and the surnames are close spellings (`A Wood`
    /// beside `Amelia Wtod`): the hurried report's initial, and a typing slip in either record.
    case initialWithSurnameSlip
    /// One record gives another form of the forename, a nickname or variant the variant table
    /// holds (`Jan` beside `John Holub`, `Dawid` beside `David Nowak`, `Reg` beside `Reggie`): how
    /// a child is called at home, at school and by a service that anglicised the name.
    case otherForm
    /// Another form of the forename and the surnames close spellings (`Will Willias` beside
    /// `William Williams`, `Muhammad Khan` beside `Mohammed Khaan`): the name the child is called
    /// by, and a typing slip in either record.
    case otherFormWithSurnameSlip
    /// One record's forename is the other's first middle name (`Isaac Roberts` beside `Harry Isaac
    /// Roberts`): a child known by their middle name, as many are at school and at home, and
    /// registered with all their names by another service.
    case firstMiddleName
    /// The first middle name, and the surnames close spellings (`Kacper Wright` beside `Noah Kacper
    /// Wrighht`): the name the child goes by, and a typing slip in either record.
    case firstMiddleNameWithSurnameSlip

    /// The rule the pair qualifies for: an identifier in common, or a form of the forename; `nil`
    /// when an identifier differs, or more than the forename's form (and, with an initial, a
    /// nickname or a middle name, a slip in the surname) differs. `firstMiddleName` says whether
    /// one record's forename is the other's first middle name (see
    /// ``PairComparer/knownByFirstMiddleName(_:_:)``); it is asked only of another given name.
    /// `typedPersonIDs` says the person ids were typed in by hand (generic mode), not issued.
    package init?(_ vector: ComparisonVector, typedPersonIDs: Bool, firstMiddleName: @autoclosure () -> Bool) {
        guard !vector.holdsIdentifierApart else { return nil }
        if vector.sharesIdentifier {
            self =
                Self.sharesIssuedIdentifierAndBirthDate(vector, typedPersonIDs: typedPersonIDs)
                ? .sharedIdentifierAndBirthDate : .sharedIdentifier
            return
        }
        guard vector.dateOfBirth == .exact, vector.gender == .agree else { return nil }
        switch (vector.forename, vector.surname) {
        case (.initial, .exact): self = .initial
        case (.initial, .close): self = .initialWithSurnameSlip
        case (.variant, .exact): self = .otherForm
        case (.variant, .close): self = .otherFormWithSurnameSlip
        case (.otherGivenName, .exact), (.otherGivenName, .close):
            guard firstMiddleName() else { return nil }
            self = vector.surname == .exact ? .firstMiddleName : .firstMiddleNameWithSurnameSlip
        default: return nil
        }
    }

    /// Whether a pair compared as `vector` is linked by a rule whatever it weighs: it shares an
    /// issued identifier and the birth date (``sharedIdentifierAndBirthDate``) and holds no
    /// identifier apart. Such pairs are kept below the review threshold.
    static func linksAtAnyWeight(_ vector: ComparisonVector, typedPersonIDs: Bool) -> Bool {
        !vector.holdsIdentifierApart && sharesIssuedIdentifierAndBirthDate(vector, typedPersonIDs: typedPersonIDs)
    }

    /// Whether the pair shares a UPN, an NHS number or (unless `typedPersonIDs`) a person id, and
    /// gives the same birth date or one slip of it: see ``sharedIdentifierAndBirthDate``.
    static func sharesIssuedIdentifierAndBirthDate(_ vector: ComparisonVector, typedPersonIDs: Bool) -> Bool {
        let issued =
            vector.upn == .agree || vector.nhsNumber == .agree || (vector.personID == .agree && !typedPersonIDs)
        return issued && vector.dateOfBirth.isSameOrOneSlip
    }

    /// The probability from which such a pair is linked. An identifier in common: any pair in the
    /// review band (at 20,000 and 3,000 other-hands children every such pair there is one child;
    /// the sample boroughs and the 1M samples hold none); with the birth date or a slip of it, any
    /// pair at all (every such pair below the review band is one child at four 20,000-child
    /// other-hands seeds and at 3,000, and the sample boroughs and the 1M sample hold none:
    /// docs/accuracy.md, "An identifier and the birth date in common"). An initial: about two bits
    /// below the link threshold of 0.98; at a million records the coincidences (another child of the surname,
    /// born the same day, whose forename has the initial) score 0.84–0.93, one child so written
    /// 0.93–0.97 at 20,000 children. An initial with a surname slip costs the slip's weight as
    /// well: one child so written scores about 0.86 at 20,000 children, and the twins among such
    /// pairs are the initial guard's to find, across the clusters as well as in the pair. Another
    /// form: at a million records twins whose names are two forms of one name (`Mia` and
    /// `Millie`, both Amelia) score from 0.93, and from 0.95 nothing is merged that is not one
    /// child; one child so written scores 0.95–0.98 at 20,000; with a slip in the surname as well
    /// 0.8–0.93 (59 of 62 one child at 20,000 other-hands children; the other three are twins
    /// and namesakes born the same day, each also held by the education system under two person
    /// ids, which ``asksAfterTwins`` finds). A first middle name: at a million
    /// records another child of the surname born that day and called by this child's middle name
    /// scores 0.8–0.9, one child so written 0.9–0.97 at 20,000; with a slip in the surname as
    /// well, 0.7–0.8 and above (the slip's weight less), where at a million records such pairs
    /// score below 0.7.
    package var probability: Double {
        switch self {
        case .sharedIdentifier: 0.5
        case .sharedIdentifierAndBirthDate: 0
        case .initial: 0.93
        case .initialWithSurnameSlip: 0.8
        case .otherForm: 0.95
        case .otherFormWithSurnameSlip: 0.8
        case .firstMiddleName: 0.9
        case .firstMiddleNameWithSurnameSlip: 0.7
        }
    }

    /// Whether the data must hold no twin of either record for the form to link (see
    /// ``PairComparer/besideTwin(_:_:)``): another form of the name with a surname slip. The
    /// variant table joins names that twins and triplets are given (Harry and Henry), the twin
    /// guard does not read two forms of one name as twins, and the surname slip costs the pair
    /// little more than a sibling's other name does: such a pair from a household of triplets
    /// scores as high as one child written two ways.
    var asksAfterTwins: Bool { self == .otherFormWithSurnameSlip }

    /// ``probability`` as a match weight in bits.
    var weight: Double { MatchModel.weight(probability: probability) }

    /// Why such a pair is linked below the threshold, in words for the explanation.
    package var reason: String {
        switch self {
        case .sharedIdentifier: "a UPN, NHS number or person id in common, none apart"
        case .sharedIdentifierAndBirthDate:
            "a UPN, NHS number or person id in common, none apart, and the birth date or a slip of it"
        case .initial: "only the forename differs, cut to its initial: same surname, birth date and sex"
        case .initialWithSurnameSlip:
            "the forename cut to its initial and a slip in the surname: same birth date and sex"
        case .otherForm: "only the forename differs, in another form of the name: same surname, birth date and sex"
        case .otherFormWithSurnameSlip:
            "the forename in another form of the name and a slip in the surname: same birth date and sex"
        case .firstMiddleName:
            "one record's forename is the other's first middle name: same surname, birth date and sex"
        case .firstMiddleNameWithSurnameSlip:
            "one record's forename is the other's first middle name, and a slip in the surname: same birth date and sex"
        }
    }

    /// The same, in a few words for a one-line summary.
    package var summary: String {
        switch self {
        case .sharedIdentifier: "an identifier in common"
        case .sharedIdentifierAndBirthDate: "an identifier and the birth date in common"
        case .initial: "a forename initial, the rest the same"
        case .initialWithSurnameSlip: "a forename initial and a surname slip, the rest the same"
        case .otherForm: "another form of the forename, the rest the same"
        case .otherFormWithSurnameSlip: "another form of the forename and a surname slip, the rest the same"
        case .firstMiddleName: "the first middle name, the rest the same"
        case .firstMiddleNameWithSurnameSlip: "the first middle name and a surname slip, the rest the same"
        }
    }
}

extension PairComparer {
    /// The rule records `i` and `j`, compared as `vector` and weighing `weight` bits, are linked
    /// by below the threshold, if any: none when `weight` is under the rule's own, nor for a form
    /// that asks after twins (``LinkRule/asksAfterTwins``) beside a twin (see
    /// ``besideTwin(_:_:)``, asked last: it reads the records born that day).
    func linkRule(_ i: Int, _ j: Int, _ vector: ComparisonVector, weight: Double = .infinity) -> LinkRule? {
        guard
            let rule = LinkRule(
                vector, typedPersonIDs: table.typedPersonIDs, firstMiddleName: knownByFirstMiddleName(i, j)),
            weight >= rule.weight
        else { return nil }
        return rule.asksAfterTwins && besideTwin(i, j) ? nil : rule
    }

    /// Whether the data holds a twin of record `i` or `j`: another child of that record's surname
    /// (the same or a slip apart) born on its birth date, besides the other record of the pair —
    /// a record under another person id of the same system, or one that looks like its twin
    /// (Harvey Thompson beside Henry Thomson, both in the education system). A form of a name
    /// (Harry for Henry) is no evidence of which of two such children a record is.
    func besideTwin(_ i: Int, _ j: Int) -> Bool {
        hasTwin(i, besides: j) || hasTwin(j, besides: i)
    }

    private func hasTwin(_ record: Int, besides other: Int) -> Bool {
        recordsBorn(like: record).contains { candidate in
            guard candidate != record, candidate != other else { return false }
            let (low, high) = (min(record, candidate), max(record, candidate))
            let vector = compare(low, high)
            guard vector.surname.isSameOrSlip, !vector.sharesIdentifier else { return false }
            return twoPersonIDsInOneSystem(record, candidate) || looksLikeTwins(low, high, vector)
        }
    }
}

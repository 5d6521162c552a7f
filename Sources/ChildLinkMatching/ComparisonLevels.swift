package import ChildLinkModel

/// The graded levels of one ``Comparison``. The raw value is the level's number: it is what
/// ``ComparisonVector`` packs, what pairs.csv and a stored model's `[comparison][level]` tables
/// index by, so a case's raw value never changes. Cases are declared in raw-value order from 0
/// (`absent`) without gaps, so `allCases[level]` is the level numbered `level`.
package protocol ComparisonLevel: RawRepresentable, CaseIterable, Hashable, Sendable
where RawValue == UInt8, AllCases == [Self] {
    /// The level's name, e.g. `day and month transposed`.
    var name: String { get }
}

extension ComparisonLevel {
    /// Every level's name, index = level number.
    package static var names: [String] { allCases.map(\.name) }
}

/// How two forenames compare.
package enum ForenameLevel: UInt8, ComparisonLevel {
    /// One side has no forename.
    case absent = 0
    /// The same forename.
    case exact = 1
    /// A variant or nickname of each other (the variant table's groups).
    case variant = 2
    /// A close spelling (Jaro–Winkler 0.92 or one typing slip).
    case close = 3
    /// A similar spelling or the same sound.
    case similar = 4
    /// One is an initial that agrees with the other.
    case initial = 5
    /// Forename and surname are written the other way round in one record.
    case swapped = 6
    /// Different forenames.
    case different = 7
    /// Both records give middle names, and each one's forename is among the other's: the same
    /// given names in another order (`Matilda Alice` and `Alice Matilda`), a child registered
    /// with both names and known by the second to one team.
    case reordered = 8
    /// One record's forename is among the other's middle or preferred names (or a variant or slip
    /// of one), and the other record's forename is not among the first's: known by a middle name
    /// to one team. A level of its own, since a twin's forename is often the other's middle name.
    case otherGivenName = 9
    /// The same forename, and both records give the same first middle (or preferred) name (`Zain
    /// Muhammad` and `Zain Muhammad`): two given names agree, far rarer between two children than
    /// one. EM weighs it, held to the exact level's weight and five bits more.
    case exactWithMiddleName = 10

    /// The level's name in pairs.csv and explanations.
    package var name: String {
        switch self {
        case .absent: "absent"
        case .exact: "exact"
        case .variant: "variant or nickname"
        case .close: "close spelling"
        case .similar: "similar"
        case .initial: "initial only"
        case .swapped: "swapped with surname"
        case .different: "different"
        case .reordered: "first and middle names swapped"
        case .otherGivenName: "another of the given names"
        case .exactWithMiddleName: "exact, with a middle name"
        }
    }

    /// Whether the forenames agree no better than `similar` (similar, initial, swapped or different):
    /// the levels at which a swap of forename and surname is looked for.
    @inline(__always) var isSimilarOrWorse: Bool {
        switch self {
        case .similar, .initial, .swapped, .different: true
        case .absent, .exact, .variant, .close, .reordered, .otherGivenName, .exactWithMiddleName: false
        }
    }

    /// Whether the forenames are the same (with or without a middle name in common): the levels
    /// a forename's frequency adjusts, and the guards read as the same forename.
    @inline(__always) package var isExact: Bool { self == .exact || self == .exactWithMiddleName }

    /// Whether a first middle name in common adds to the forename's evidence at this level: a form,
    /// a slip or an initial of the other forename (`Flo Demi` beside `Florence Demi`, `L Zuzana`
    /// beside `Lilly Zuzana`). A child's middle name is typed apart from the forename, so it
    /// agrees whichever way the forename was written; an exact forename has its own level for it
    /// (``exactWithMiddleName``), and another given name or a reordering already reads it.
    @inline(__always) package var weighsMiddleNameInCommon: Bool {
        switch self {
        case .variant, .close, .similar, .initial: true
        case .absent, .exact, .swapped, .different, .reordered, .otherGivenName, .exactWithMiddleName: false
        }
    }

    /// Whether one record's forename is another of the other record's given names: a variant or
    /// middle name, or both records' given names in another order. Twins are often named after
    /// each other, so the twin guard reads both levels alike.
    @inline(__always) var isOtherGivenName: Bool { self == .variant || self == .reordered || self == .otherGivenName }
}

/// How two surnames compare.
package enum SurnameLevel: UInt8, ComparisonLevel {
    /// One side has no surname.
    case absent = 0
    /// The same surname.
    case exact = 1
    /// The same stem: Slovak, Czech or Polish feminine and masculine forms of one name (`Balážová`
    /// and `Balaz`, `Kowalska` and `Kowalski`), one girl's name anglicised or a brother's and sister's.
    case stem = 2
    /// A close spelling (Jaro–Winkler 0.92 or one typing slip).
    case close = 3
    /// A similar spelling or the same sound.
    case similar = 4
    /// Forename and surname are written the other way round in one record.
    case swapped = 5
    /// Different surnames.
    case different = 6
    /// A part in common and no closer: a part of a hyphenated surname, or a former surname one or
    /// both records give (`Khan-Hughes` beside `Khan`): a family's name, not always one child's.
    case sharedPart = 7

    /// Whether the surnames are the same, share a stem or a part, or are one typing slip apart: one
    /// family's name as far as the twin guard and the clusters' cross-check go.
    var isSameOrSlip: Bool { self == .exact || self == .stem || self == .sharedPart || self == .close }

    /// Whether the surnames agree on a stem or a part only: the family's name, not a swap's sign.
    var isStemOrPart: Bool { self == .stem || self == .sharedPart }

    /// The level's name in pairs.csv and explanations.
    package var name: String {
        switch self {
        case .absent: "absent"
        case .exact: "exact"
        case .stem: "same stem"
        case .close: "close spelling"
        case .similar: "similar"
        case .swapped: "swapped with forename"
        case .different: "different"
        case .sharedPart: "a part in common"
        }
    }

    /// Whether the surnames agree no better than `similar` (similar, swapped or different).
    @inline(__always) var isSimilarOrWorse: Bool { self == .similar || self == .swapped || self == .different }
}

/// How two dates of birth compare.
package enum DateOfBirthLevel: UInt8, ComparisonLevel {
    /// One side has no date of birth.
    case absent = 0
    /// The same date.
    case exact = 1
    /// Day and month transposed, same year.
    case transposed = 2
    /// One day apart: a birth written either side of midnight, a day miscounted.
    case oneDayOut = 3
    /// Within a month of each other (31 days) but no slip apart, in the same calendar month or
    /// across a month's end (`29/10` and `08/11`): a date remembered or worked out roughly. Judged
    /// by the days between, as Splink's date comparison does, so the month's end does not turn
    /// two close dates into different ones.
    case withinAMonth = 4
    /// Same day and month, one year apart.
    case oneYearOut = 5
    /// Different dates.
    case different = 6
    /// One digit of `ddMMyyyy` different, or two neighbouring digits swapped (`12` typed `21`,
    /// `2012` typed `2021`): one typing slip. Apart from a day out because a slip reaches about
    /// twenty other dates where a day out reaches two, so two children's dates are ten times as
    /// often a slip apart as a day apart, and the level says less (its own m and u, by EM).
    case oneDigitOut = 7

    /// The level's name in pairs.csv and explanations.
    package var name: String {
        switch self {
        case .absent: "absent"
        case .exact: "exact"
        case .transposed: "day and month transposed"
        case .oneDayOut: "one day out"
        case .withinAMonth: "within a month"
        case .oneYearOut: "one year out"
        case .different: "different"
        case .oneDigitOut: "one digit out"
        }
    }

    /// Whether the dates are the same or one typing slip apart that keeps the year (exact,
    /// transposed, one day or one digit out).
    var isSameOrSlip: Bool {
        self == .exact || self == .transposed || self == .oneDayOut || self == .oneDigitOut
    }

    /// Whether the dates are one typing slip apart (day and month transposed, a day, a digit or a
    /// year out): a child's birth date typed again by another hand.
    package var isOneSlip: Bool {
        self == .transposed || self == .oneDayOut || self == .oneDigitOut || self == .oneYearOut
    }

    /// Whether the dates are the same or any one typing slip apart (``isOneSlip``, a year out
    /// among them): how one child's birth date reads when two hands typed it, and how twins' do.
    package var isSameOrOneSlip: Bool { self == .exact || isOneSlip }

    /// Whether the dates say plainly that these are two people (within a month, one year out or
    /// different: none is a usual slip of the same date).
    var isPlainlyDifferent: Bool { self == .withinAMonth || self == .oneYearOut || self == .different }
}

/// A birth date as the comparison reads it: its day number and its written parts.
struct ComparedDate {
    /// Days since 1 January 1970.
    var days: Int
    var year: Int
    var month: UInt8
    var day: UInt8

    /// The date written `ddMMyyyy`, as a number.
    var written: Int { Int(day) * 1_000_000 + Int(month) * 10_000 + year }
}

extension DateOfBirthLevel {
    /// How two birth dates compare: the one reading of a slip, for the matcher and for anyone
    /// who asks whether two dates are one child's (the review desk's clash check).
    package init(_ a: CalendarDate, _ b: CalendarDate) {
        self.init(
            ComparedDate(days: a.daysSinceEpoch, year: a.year, month: UInt8(a.month), day: UInt8(a.day)),
            ComparedDate(days: b.daysSinceEpoch, year: b.year, month: UInt8(b.month), day: UInt8(b.day)))
    }

    @inline(__always) init(_ a: ComparedDate, _ b: ComparedDate) {
        let apart = abs(a.days - b.days)
        self =
            if apart == 0 {
                .exact
            } else if a.year == b.year, a.month == b.day, a.day == b.month {
                .transposed
            } else if a.month == b.month, a.day == b.day, abs(a.year - b.year) == 1 {
                .oneYearOut
            } else if apart <= 1 {
                .oneDayOut
            } else if Self.oneDigitSlip(a.written, b.written) {
                .oneDigitOut
            } else if apart <= 31 {
                .withinAMonth
            } else {
                .different
            }
    }

    /// Whether two dates written `ddMMyyyy` are one typing slip apart: one digit different, or
    /// two neighbouring digits swapped (`12` typed `21`, `01` and `10`, `2012` and `2021`).
    private static func oneDigitSlip(_ writtenA: Int, _ writtenB: Int) -> Bool {
        var (x, y) = (writtenA, writtenB)
        var differing = 0
        var first = (position: 0, digitA: 0, digitB: 0)
        var second = first
        for position in 0..<8 {
            let (digitA, digitB) = (x % 10, y % 10)
            if digitA != digitB {
                differing += 1
                if differing > 2 { return false }
                if differing == 1 { first = (position, digitA, digitB) } else { second = (position, digitA, digitB) }
            }
            x /= 10
            y /= 10
        }
        return differing == 1
            || (second.position == first.position + 1 && first.digitA == second.digitB
                && first.digitB == second.digitA)
    }
}

/// How two postcodes and addresses compare, as one comparison.
package enum AddressLevel: UInt8, ComparisonLevel {
    /// Neither a postcode on both sides nor the same address.
    case absent = 0
    /// The same address and postcode.
    case sameAddressAndPostcode = 1
    /// The same postcode or the same address.
    case samePostcodeOrAddress = 2
    /// The same postcode sector.
    case sameSector = 3
    /// The same postcode district.
    case sameDistrict = 4
    /// Different.
    case different = 5

    /// The level's name in pairs.csv and explanations.
    package var name: String {
        switch self {
        case .absent: "absent"
        case .sameAddressAndPostcode: "same address and postcode"
        case .samePostcodeOrAddress: "same postcode or address"
        case .sameSector: "same sector"
        case .sameDistrict: "same district"
        case .different: "different"
        }
    }
}

/// How two UPNs compare (valid ones only, former UPNs included).
package enum UPNLevel: UInt8, ComparisonLevel {
    /// One side has no valid UPN.
    case absent = 0
    /// A UPN in common.
    case agree = 1
    /// Different permanent UPNs.
    case disagree = 2
    /// Different UPNs, one of them temporary (weaker evidence: it is replaced by a permanent one).
    case temporaryDiffers = 3
    /// One record's UPN fails its check letter and is the other's with one character changed or
    /// two neighbours swapped: typed in by hand with a slip.
    case oneSlip = 4

    /// The level's name in pairs.csv and explanations.
    package var name: String {
        switch self {
        case .absent: "absent"
        case .agree: "agree"
        case .disagree: "disagree"
        case .temporaryDiffers: "differ (a temporary UPN)"
        case .oneSlip: "one slip apart (one fails its check)"
        }
    }
}

/// How two NHS numbers compare (valid ones, and an invalid one against a valid one).
package enum NHSNumberLevel: UInt8, ComparisonLevel {
    /// One side has no valid NHS number (and no slip of the other's).
    case absent = 0
    /// The same number.
    case agree = 1
    /// Different valid numbers.
    case disagree = 2
    /// One record's number fails its modulus-11 check and is the other's with one digit changed
    /// or two neighbouring digits swapped (the errors the check exists to catch).
    case oneSlip = 3

    /// The level's name in pairs.csv and explanations.
    package var name: String {
        switch self {
        case .absent: "absent"
        case .agree: "agree"
        case .disagree: "disagree"
        case .oneSlip: "one slip apart (one fails its check)"
        }
    }
}

/// How two person ids compare. Ids a system issues (council extracts) either agree or not; ids
/// typed in by hand (generic mode: a social security number, a member number) are also one or two
/// slips apart, as Damerau–Levenshtein counts them (a character changed, dropped, added, or two
/// neighbours swapped), and EM learns what each level is worth.
package enum PersonIDLevel: UInt8, ComparisonLevel {
    /// One side has no id, or the records come from different systems.
    case absent = 0
    /// The same id.
    case agree = 1
    /// Different ids (more than two slips apart when ids are typed).
    case disagree = 2
    /// Typed ids one slip apart.
    case oneSlip = 3
    /// Typed ids two slips apart.
    case twoSlips = 4

    /// The level's name in pairs.csv and explanations.
    package var name: String {
        switch self {
        case .absent: "absent"
        case .agree: "agree"
        case .disagree: "disagree"
        case .oneSlip: "one slip apart"
        case .twoSlips: "two slips apart"
        }
    }
}

/// How two parts of an address written as text compare: a second address line, a town or suburb.
package enum TextLevel: UInt8, ComparisonLevel {
    /// One side has no value.
    case absent = 0
    /// The same (folded) text.
    case exact = 1
    /// One typing slip apart, a space dropped or added, or a close spelling (Jaro–Winkler 0.92).
    case close = 2
    /// Different.
    case different = 3

    /// The level's name in pairs.csv and explanations.
    package var name: String {
        switch self {
        case .absent: "absent"
        case .exact: "exact"
        case .close: "close spelling"
        case .different: "different"
        }
    }
}

/// How two values that either agree or not compare: gender, street number, region.
package enum AgreementLevel: UInt8, ComparisonLevel {
    /// One side has no value.
    case absent = 0
    /// The same value.
    case agree = 1
    /// Different values.
    case disagree = 2

    /// The level's name in pairs.csv and explanations.
    package var name: String {
        switch self {
        case .absent: "absent"
        case .agree: "agree"
        case .disagree: "disagree"
        }
    }
}

extension Comparison {
    /// The type of this comparison's levels.
    package var levelType: any ComparisonLevel.Type {
        switch self {
        case .forename: ForenameLevel.self
        case .surname: SurnameLevel.self
        case .dateOfBirth: DateOfBirthLevel.self
        case .address: AddressLevel.self
        case .upn: UPNLevel.self
        case .nhsNumber: NHSNumberLevel.self
        case .gender, .streetNumber, .region: AgreementLevel.self
        case .personID: PersonIDLevel.self
        case .addressLine2, .town: TextLevel.self
        }
    }

    /// The names of the levels, index = level number (0 = absent).
    package var levelNames: [String] { levelType.names }

    /// The number of levels including "absent".
    package var levelCount: Int { levelType.allCases.count }
}

extension ComparisonVector {
    /// The packed level of `comparison` as its typed level.
    @inline(__always) private func typed<Level: ComparisonLevel>(_ comparison: Comparison) -> Level {
        // A packed vector is only ever built from typed levels, so the number is always a case.
        Level(rawValue: UInt8(truncatingIfNeeded: level(comparison)))!
    }

    /// The forename level.
    package var forename: ForenameLevel { typed(.forename) }
    /// The surname level.
    package var surname: SurnameLevel { typed(.surname) }
    /// The date-of-birth level.
    package var dateOfBirth: DateOfBirthLevel { typed(.dateOfBirth) }
    /// The postcode / address level.
    package var address: AddressLevel { typed(.address) }
    /// The gender level.
    package var gender: AgreementLevel { typed(.gender) }
    /// The UPN level.
    package var upn: UPNLevel { typed(.upn) }
    /// The NHS number level.
    package var nhsNumber: NHSNumberLevel { typed(.nhsNumber) }
    /// The person id level.
    package var personID: PersonIDLevel { typed(.personID) }
    /// The street number level.
    package var streetNumber: AgreementLevel { typed(.streetNumber) }
    /// The second address line level.
    package var addressLine2: TextLevel { typed(.addressLine2) }
    /// The town level.
    package var town: TextLevel { typed(.town) }
    /// The region level.
    package var region: AgreementLevel { typed(.region) }

    /// The vector of these levels, packed at each comparison's ``Comparison/bitOffset``.
    @inline(__always) init(
        forename: ForenameLevel, surname: SurnameLevel, dateOfBirth: DateOfBirthLevel, address: AddressLevel,
        gender: AgreementLevel, upn: UPNLevel, nhsNumber: NHSNumberLevel, personID: PersonIDLevel,
        streetNumber: AgreementLevel = .absent, addressLine2: TextLevel = .absent, town: TextLevel = .absent,
        region: AgreementLevel = .absent
    ) {
        var packed = UInt32(forename.rawValue) << Comparison.forename.bitOffset
        packed |= UInt32(surname.rawValue) << Comparison.surname.bitOffset
        packed |= UInt32(dateOfBirth.rawValue) << Comparison.dateOfBirth.bitOffset
        packed |= UInt32(address.rawValue) << Comparison.address.bitOffset
        packed |= UInt32(gender.rawValue) << Comparison.gender.bitOffset
        packed |= UInt32(upn.rawValue) << Comparison.upn.bitOffset
        packed |= UInt32(nhsNumber.rawValue) << Comparison.nhsNumber.bitOffset
        packed |= UInt32(personID.rawValue) << Comparison.personID.bitOffset
        packed |= UInt32(streetNumber.rawValue) << Comparison.streetNumber.bitOffset
        packed |= UInt32(addressLine2.rawValue) << Comparison.addressLine2.bitOffset
        packed |= UInt32(town.rawValue) << Comparison.town.bitOffset
        packed |= UInt32(region.rawValue) << Comparison.region.bitOffset
        self.init(packed: packed)
    }
}

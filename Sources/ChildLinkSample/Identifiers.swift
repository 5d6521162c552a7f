import ChildLinkModel

/// Hands out the run's identifiers in order: UPNs (unique per establishment, year and serial),
/// temporary UPNs, NHS numbers from the 999 test range, and each system's person ids.
struct IdentifierFactory {
    /// The borough's DfE local authority code.
    static let laCode = "372"

    private var nextSerial: [Int: Int] = [:]
    private var nextTemporarySerial: [Int: Int] = [:]
    private var nhsCounter = 0
    private var lcsCounter = 1_204_310
    private var educationCounter = 300_512
    private var familyCounter = 4_100

    /// A permanent UPN allocated by `establishment` in `year` (two digits used).
    mutating func upn(establishment: Int, year: Int, random: inout SampleRandom) -> String {
        var school = establishment
        while true {
            let bucket = school * 100 + year % 100
            let serial = nextSerial[bucket, default: random.below(40)]
            if serial < 1000 {
                nextSerial[bucket] = serial + 1 + random.below(3)
                let body = Self.laCode + Self.digits(school, 4) + Self.digits(year % 100, 2) + Self.digits(serial, 3)
                return Self.withCheckLetter(body)
            }
            school = school % 9999 + 1
        }
    }

    /// A temporary UPN: serial of two digits followed by a letter, with its check letter.
    mutating func temporaryUPN(establishment: Int, year: Int, random: inout SampleRandom) -> String {
        var school = establishment
        while true {
            let bucket = school * 100 + year % 100
            let serial = nextTemporarySerial[bucket, default: random.below(200)]
            if serial < 100 * 23 {
                nextTemporarySerial[bucket] = serial + 1
                let letter = Character(Unicode.Scalar(UPN.alphabetForSample[serial % 23]))
                let body =
                    Self.laCode + Self.digits(school, 4) + Self.digits(year % 100, 2) + Self.digits(serial / 23, 2)
                    + String(letter)
                return Self.withCheckLetter(body)
            }
            school = school % 9999 + 1
        }
    }

    /// A valid NHS number, unique in the run: the 999 test range first, then the 4xx range.
    mutating func nhsNumber() -> String {
        while true {
            let index = nhsCounter
            nhsCounter += 1
            let body: Int
            if index < 1_000_000 {
                body = 999_000_000 + (index &* 387_433) % 1_000_000
            } else {
                body = 400_000_000 + ((index - 1_000_000) &* 7_368_787) % 100_000_000
            }
            let digits = Self.digits(body, 9)
            let values = digits.utf8.map { Int($0) - 48 }
            if let check = NHSNumber.checkDigit(forFirstNine: values), Set(values).count > 1 {
                return digits + String(check)
            }
        }
    }

    /// The next Liquidlogic LCS person id.
    mutating func lcsID(random: inout SampleRandom) -> String {
        lcsCounter += 1 + random.below(6)
        return String(lcsCounter)
    }

    /// The next education-system person id.
    mutating func educationID(random: inout SampleRandom) -> String {
        educationCounter += 1 + random.below(4)
        return "P" + String(educationCounter)
    }

    /// The next CME family id.
    mutating func familyID() -> String {
        familyCounter += 1
        return "FAM" + String(familyCounter)
    }

    static func withCheckLetter(_ body: String) -> String {
        String(UPN.checkLetter(forBody: body)!) + body
    }

    /// `value` as decimal digits, zero-padded to `width`.
    static func digits(_ value: Int, _ width: Int) -> String {
        var text = String(value)
        while text.utf8.count < width { text = "0" + text }
        return text
    }
}

extension UPN {
    /// The 23 letters of the UPN check alphabet, for building temporary serials.
    static let alphabetForSample: [UInt8] = Array("ABCDEFGHJKLMNPQRTUVWXYZ".utf8)
}

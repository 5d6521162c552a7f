/// Fast paths for reading identifiers from extract fields, used by the importers on every row.
///
/// Each one handles only the clean shape that almost every field has (ASCII, no spaces, upper
/// case) with byte arithmetic and otherwise falls back to the general initialiser, so the result is
/// always exactly what the general initialiser gives (the import tests check this).

extension NHSNumber {
    /// The same as ``init(_:)``, faster for a field of exactly ten ASCII digits.
    package init?(field raw: String) {
        let utf8 = raw.utf8
        guard utf8.count == 10,
            let digits = utf8.withContiguousStorageIfAvailable({ bytes -> [Int]? in
                guard bytes.allSatisfy(\.isASCIIDigit) else { return nil }
                return bytes.map { Int($0 - 48) }
            }) ?? nil
        else {
            self.init(raw)
            return
        }
        let problem: IdentifierProblem?
        if NHSNumber.checkDigit(forFirstNine: Array(digits[0..<9])) != digits[9] {
            problem = .badCheckDigit
        } else if digits.allSatisfy({ $0 == digits[0] }) {
            problem = .placeholder
        } else {
            problem = nil
        }
        self.init(checkedValue: raw, problem: problem)
    }

    private init(checkedValue: String, problem: IdentifierProblem?) {
        self.value = checkedValue
        self.problem = problem
    }
}

extension UPN {
    /// The same as ``init(_:)``, faster for a field of thirteen upper-case ASCII letters and digits.
    package init?(field raw: String) {
        let bytes = Array(raw.utf8)
        let isClean =
            bytes.count == 13
            && bytes.allSatisfy { $0.isASCIIDigit || $0.isASCIIUppercase }
            && !(bytes[0] == UInt8(ascii: "U") && bytes[1] == UInt8(ascii: "N"))
        guard isClean else {
            self.init(raw)
            return
        }
        self.init(checkedValue: raw, isTemporary: UPN.alphabet.contains(bytes[12]), problem: UPN.problem(bytes))
    }

    private init(checkedValue: String, isTemporary: Bool, problem: IdentifierProblem?) {
        self.value = checkedValue
        self.isTemporary = isTemporary
        self.problem = problem
    }
}

extension Postcode {
    /// The same as ``init(_:)``, faster for an upper-case ASCII postcode already written with one
    /// space before the inward code (`S60 1AE`).
    package init?(field raw: String) {
        let bytes = Array(raw.utf8)
        guard (6...8).contains(bytes.count), bytes[bytes.count - 4] == 0x20,
            bytes.allSatisfy({ $0.isASCIIDigit || $0.isASCIIUppercase || $0 == 0x20 }),
            bytes.filter({ $0 == 0x20 }).count == 1
        else {
            self.init(raw)
            return
        }
        let compact = bytes.filter { $0 != 0x20 }
        guard Self.hasShape(compact), Self.followsRules(compact),
            Self.placeholder(String(decoding: compact, as: UTF8.self), bytes: compact) == nil
        else {
            self.init(raw)
            return
        }
        self.init(validValue: raw)
    }
}

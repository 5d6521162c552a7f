import ChildLinkModel
import Testing

@Suite("UPN check letter, format and temporary UPNs")
struct UPNTests {
    @Test(
        "published valid UPNs pass",
        arguments: [
            "B801200005001",  // DfE worked example: sum 93, 93 mod 23 = 1 → B
            "N20123452601K",  // temporary UPN: sum 311, mod 23 = 12 → N
            "P207000016049",  // the vendor example with its arithmetic corrected (sum 266 → P)
        ]
    )
    func validUPNs(raw: String) throws {
        let upn = try #require(UPN(raw))
        #expect(upn.isValid)
        #expect(upn.problem == nil)
    }

    @Test("a wrong check letter is kept but flagged")
    func wrongCheckLetter() throws {
        let upn = try #require(UPN("A801200005001"))
        #expect(!upn.isValid)
        #expect(upn.problem == .badCheckDigit)
        #expect(upn.value == "A801200005001")
    }

    @Test("the vendor's published 'corrected' letter Q is wrong")
    func vendorExampleIsWrong() throws {
        #expect(try #require(UPN("Q207000016049")).problem == .badCheckDigit)
    }

    @Test(
        "malformed UPNs name what is wrong",
        arguments: [
            ("B80120000500", IdentifierProblem.wrongLength),
            ("I801200005001", .badFormat),  // I is never a check letter
            ("B8012000O5001", .badFormat),
            ("B80120000500I", .badFormat),  // I is not a serial letter
            ("B999200005001", .unknownAuthority),
        ]
    )
    func malformed(raw: String, problem: IdentifierProblem) throws {
        #expect(try #require(UPN(raw)).problem == problem)
    }

    @Test("temporary UPNs are recognised, permanent ones are not")
    func temporary() throws {
        #expect(try #require(UPN("N20123452601K")).isTemporary)
        #expect(try !#require(UPN("B801200005001")).isTemporary)
    }

    @Test("lower case and spaces are normalised")
    func normalised() throws {
        let upn = try #require(UPN(" b8012 0000 5001 "))
        #expect(upn.value == "B801200005001")
        #expect(upn.isValid)
    }

    @Test("UN codes and empty fields are absence, not identifiers", arguments: ["", "  ", "UN1", "un5", "UN7"])
    func absence(raw: String) {
        #expect(UPN(raw) == nil)
    }

    @Test("the check letter is computed from the body")
    func computedCheckLetter() {
        #expect(UPN.checkLetter(forBody: "801200005001") == "B")
        #expect(UPN.checkLetter(forBody: "20123452601K") == "N")
        #expect(UPN.checkLetter(forBody: "2012345260") == nil)
    }
}

@Suite("NHS number modulus 11")
struct NHSNumberTests {
    @Test("published valid numbers pass", arguments: ["9434765919", "943 476 5919", "4010232137", "999-000-0018"])
    func valid(raw: String) throws {
        #expect(try #require(NHSNumber(raw)).isValid)
    }

    @Test(
        "invalid numbers are kept and flagged",
        arguments: [
            ("9434765918", IdentifierProblem.badCheckDigit),
            ("943476591", .wrongLength),
            ("94347659190", .wrongLength),
            ("94347A5919", .badFormat),
            ("0000000000", .placeholder),
        ]
    )
    func invalid(raw: String, problem: IdentifierProblem) throws {
        let number = try #require(NHSNumber(raw))
        #expect(number.problem == problem)
    }

    @Test("a remainder of 10 has no valid check digit")
    func remainderTen() {
        // 1,0,0,0,0,0,0,0,1: sum 10+2 = 12, 12 mod 11 = 1, check 10 → invalid.
        #expect(NHSNumber.checkDigit(forFirstNine: [1, 0, 0, 0, 0, 0, 0, 0, 1]) == nil)
    }

    @Test("the display form is 3-3-4")
    func formatted() throws {
        #expect(try #require(NHSNumber("9434765919")).formatted == "943 476 5919")
    }
}

@Suite("UK postcodes")
struct PostcodeTests {
    @Test(
        "postcodes are normalised to one space before the inward code",
        arguments: [
            ("s601ae", "S60 1AE"), ("S60  1AE", "S60 1AE"), (" s60 1ae ", "S60 1AE"),
            ("M11AA", "M1 1AA"), ("EC1A1BB", "EC1A 1BB"), ("W1A 0AX", "W1A 0AX"), ("DN22 7XX", "DN22 7XX"),
        ]
    )
    func normalised(raw: String, expected: String) throws {
        let postcode = try #require(Postcode(raw))
        #expect(postcode.isValid)
        #expect(postcode.value == expected)
    }

    @Test("district and sector")
    func parts() throws {
        let postcode = try #require(Postcode("S60 1AE"))
        #expect(postcode.district == "S60")
        #expect(postcode.sector == "S60 1")
        #expect(postcode.area == "S")
    }

    @Test("invalid shapes are kept but flagged", arguments: ["S60", "S60 1A", "60 1AE", "S60 AAE", "NFA", "ZZ99 9ZZZ"])
    func invalid(raw: String) throws {
        #expect(try !#require(Postcode(raw)).isValid)
    }

    @Test("an empty field is absent")
    func empty() { #expect(Postcode("  ") == nil) }

    @Test(
        "the special cases are valid: Girobank, BFPO and the overseas territories",
        arguments: [
            ("gir0aa", "GIR 0AA"), ("BFPO 123", "BFPO 123"), ("bfpo1", "BFPO 1"), ("STHL1ZZ", "STHL 1ZZ"),
            ("GX11 1AA", "GX11 1AA"), ("FIQQ 1ZZ", "FIQQ 1ZZ"), ("SS1 1SS", "SS1 1SS"), ("S65 1QQ", "S65 1QQ"),
        ])
    func specialCases(raw: String, expected: String) throws {
        let postcode = try #require(Postcode(raw))
        #expect(postcode.isValid && postcode.placeholder == nil && postcode.problem == nil)
        #expect(postcode.value == expected)
        #expect(Postcode(field: expected) == postcode, "the fast path agrees")
    }

    @Test(
        "the shape is not enough: the Royal Mail's letter rules for each position",
        arguments: [
            "VA1 1AB",  // V is never a first letter (nor Q, X)
            "XW1 1AB",  // nor X
            "AI1 1AB",  // I is never a second letter (nor J, Z)
            "W1L 1AB",  // A9A: L is not a third letter
            "EC1C 1AB",  // AA9A: C is not a fourth letter
            "S60 3CD",  // C is never in the inward code (nor I, K, M, O, V)
            "S60 1AV",
        ])
    func breaksTheRules(raw: String) throws {
        let postcode = try #require(Postcode(raw))
        #expect(!postcode.isValid)
        #expect(postcode.placeholder == nil)
        #expect(postcode.hasPostcodeShape, "still a value that may locate a child")
        #expect(
            postcode.problem
                == "Postcode kept but not valid: not a UK postcode (its outward or inward code breaks the Royal Mail "
                + "rules); not shown")
        #expect(Postcode(field: postcode.value) == postcode, "the fast path agrees")
    }

    @Test(
        "placeholders are flagged, not valid: QQ1 1QQ and its kind, one letter repeated, NHS ZZ99 pseudo-postcodes",
        arguments: [
            ("QQ1 1QQ", Postcode.Placeholder.madeUp), ("qq11qq", .madeUp), ("ZZ1 1ZZ", .madeUp), ("AA9 9AA", .madeUp),
            ("SAN TA1", .madeUp), ("ZZ99 3VZ", .nhsPseudo), ("zz993wz", .nhsPseudo), ("ZZ99 3CZ", .nhsPseudo),
        ])
    func placeholders(raw: String, kind: Postcode.Placeholder) throws {
        let postcode = try #require(Postcode(raw))
        #expect(!postcode.isValid)
        #expect(postcode.placeholder == kind)
        #expect(postcode.problem == "Postcode is \(kind.rawValue); not shown")
        #expect(Postcode(field: postcode.value) == postcode, "the fast path agrees")
    }
}

@Suite("Gender and ethnicity codes")
struct CodeTests {
    @Test(
        "every source's coding of sex reads the same",
        arguments: [
            ("Male", Gender.male), ("M", .male), ("1", .male), ("a) Male", .male), ("1 - Male", .male),
            ("Female", .female), ("f", .female), ("2", .female), ("U", .unknown), ("0", .unknown), ("9", .unknown),
            ("Other", .other),
        ]
    )
    func gender(raw: String, expected: Gender) {
        #expect(Gender(code: raw) == expected)
    }

    @Test("unknown gender text is refused")
    func unknownGender() { #expect(Gender(code: "X7") == nil) }

    @Test("DfE codes and scorecard labels map to one code")
    func ethnicity() throws {
        #expect(try #require(EthnicityCode("WROM")).label == "Gypsy/Roma")
        #expect(try #require(EthnicityCode("A1 - White British")).code == "WBRI")
        #expect(try #require(EthnicityCode("apkn")).isBME)
        #expect(try !#require(EthnicityCode("WBRI")).isBME)
        #expect(try !#require(EthnicityCode("XYZW")).isKnown)
    }
}

@Suite("Output CSV fields")
struct CSVFieldTests {
    @Test(
        "fields are quoted when needed and formulas are defused",
        arguments: [
            ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""), ("+44 114", "'+44 114"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("-3.25", "-3.25"), ("+7", "+7"), ("-", "'-"), ("Hughes-Wragg", "Hughes-Wragg"), ("", ""),
        ]
    )
    func encode(field: String, expected: String) {
        #expect(CSVField.encode(field) == expected)
    }
}

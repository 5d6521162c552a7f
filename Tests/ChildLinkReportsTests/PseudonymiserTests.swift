import Testing

@testable import ChildLinkReports

@Suite("Keyed pseudonyms")
struct PseudonymiserTests {
    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    @Test func sha256MatchesFIPSExamples() {
        #expect(
            Self.hex(SHA256.hash(Array("abc".utf8)))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Self.hex(SHA256.hash([])) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let twoBlocks = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(Self.hex(SHA256.hash(twoBlocks)) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func hmacMatchesRFC4231TestCase2() {
        let mac = SHA256.hmac(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
        #expect(Self.hex(mac) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func pseudonymsAreStablePerKeyAndDifferAcrossKeysAndKinds() {
        let one = Pseudonymiser(key: "one")
        #expect(one.pseudonym("CL000001", kind: "child") == one.pseudonym("CL000001", kind: "child"))
        #expect(
            one.pseudonym("CL000001", kind: "child") != Pseudonymiser(key: "two").pseudonym("CL000001", kind: "child"))
        #expect(one.pseudonym("CL000001", kind: "child") != one.pseudonym("CL000001", kind: "record"))
        #expect(one.pseudonym("CL000001", kind: "child").count == 12)
    }
}

import Testing

@testable import ChildLinkReports

@Suite("Keyed pseudonyms")
struct PseudonymiserTests {
    @Test("a pseudonym is the first 10 hex digits of HMAC-SHA-256(key, kind:value)")
    func knownAnswer() {
        // python3: hmac.new(b"Jefe", b"child:CL000001", hashlib.sha256).hexdigest()[:10]
        #expect(Pseudonymiser(key: "Jefe").pseudonym("CL000001", kind: "child") == "P-bbe4d35296")
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

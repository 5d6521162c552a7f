import ChildLinkStore
import Foundation
import Testing

@Suite("SHA-256 fingerprints")
struct SHA256FingerprintTests {
    @Test("text and bytes hash to the FIPS 180-4 example digests")
    func vectors() {
        #expect(SHA256Fingerprint.hex(of: "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256Fingerprint.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}

@Suite("SHA-256 of an import file")
struct SHA256FingerprintFileTests {
    @Test("hashing a file gives the digest of its bytes")
    func file() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("missing.csv").path
        try "abc".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(
            try SHA256Fingerprint.hex(ofFileAt: path)
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}

internal import Crypto

/// SHA-256 fingerprints of import files and record contents, through swift-crypto.
///
/// The store uses them for change detection (has a record changed since last week?) and to tell
/// analysts which file a batch came from.
package enum SHA256Fingerprint {
    /// The 32-byte digest of `bytes`.
    package static func digest(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        Array(Crypto.SHA256.hash(data: Array(bytes)))
    }

    /// The digest of `bytes` as 64 lower-case hexadecimal digits.
    package static func hex(_ bytes: some Sequence<UInt8>) -> String {
        hexDigits(Crypto.SHA256.hash(data: Array(bytes)))
    }

    /// The digest of the UTF-8 bytes of `text` as 64 lower-case hexadecimal digits.
    package static func hex(of text: String) -> String { hex(Array(text.utf8)) }

    static func hexDigits(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

internal import Crypto

/// Replaces names and identifiers with keyed hashes (HMAC-SHA-256), so that a report can be shared
/// without personal data while the same child keeps the same pseudonym under the same key.
package struct Pseudonymiser: Sendable {
    private let key: [UInt8]

    /// Creates a pseudonymiser with a secret key (from `--pseudonym-key` or the environment).
    package init(key: String) {
        self.key = Array(key.utf8)
    }

    /// A pseudonym for `value` in the namespace `kind` (`child`, `record`, `name`): `P-` and
    /// 10 hex digits of HMAC-SHA-256(key, kind:value).
    package func pseudonym(_ value: String, kind: String) -> String {
        let digest = HMAC<SHA256>.authenticationCode(
            for: Array("\(kind):\(value)".utf8), using: SymmetricKey(data: key))
        return "P-"
            + digest.prefix(5).map { byte in
                let hex = Array("0123456789abcdef")
                return String([hex[Int(byte >> 4)], hex[Int(byte & 0x0f)]])
            }.joined()
    }
}

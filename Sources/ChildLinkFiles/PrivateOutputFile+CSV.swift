package import ChildLinkModel

extension PrivateOutputFile {
    /// Appends `field` as ``ChildLinkModel/CSVField/encode(_:)`` writes it; a field that needs
    /// neither quotes nor formula defusing (almost all of them) is copied as it is, without building
    /// a new string.
    package mutating func appendCSVField(_ field: String) {
        var field = field
        let plain = field.withUTF8 { bytes in
            guard !Self.needsEncoding(bytes) else { return false }
            append(bytes: bytes)
            return true
        }
        if !plain { append(CSVField.encode(field)) }
    }

    /// Whether ``ChildLinkModel/CSVField/encode(_:)`` might change these bytes: they start with a
    /// character a spreadsheet could run as a formula, or hold a comma, quote or line break.
    private static func needsEncoding(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if let first = bytes.first, first == 0x3D || first == 0x2B || first == 0x2D || first == 0x40 || first == 0x09 {
            return true
        }
        return bytes.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
    }

    /// Appends a non-negative integer in decimal, zero-padded to at least `width` digits (at most 20).
    package mutating func append(integer value: Int, width: Int = 1) {
        precondition(value >= 0 && width <= 20)
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 24 digits, without allocating
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { room in
            repeat {
                room[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0 || count < width
            for index in stride(from: count - 1, through: 0, by: -1) { append(byte: room[index]) }
        }
    }

    /// Appends `value` with `places` decimals, as a CSV field, exactly as
    /// `CSVField.encode(PairExplanation.decimal(value, places))` writes it.
    package mutating func appendDecimalField(_ value: Double, places: Int) {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 1e15 else { return appendCSVField(value < 0 ? "-inf" : "inf") }
        if value < 0 && scaled > 0 { append(byte: UInt8(ascii: "-")) }
        append(integer: Int(scaled) / Int(scale))
        guard places > 0 else { return }
        append(byte: UInt8(ascii: "."))
        append(integer: Int(scaled) % Int(scale), width: places)
    }

    /// Appends a ChildLink id (`CL000123`).
    package mutating func append(childID: ChildLinkID) {
        guard childID.number >= 0 else { return append(childID.description) }
        append(byte: UInt8(ascii: "C"))
        append(byte: UInt8(ascii: "L"))
        append(integer: childID.number, width: 6)
    }
}

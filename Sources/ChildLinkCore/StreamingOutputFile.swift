import ChildLinkModel
import ChildLinkReports
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An output file written as it is built, for outputs too large to hold as one `String`
/// (`links.csv` and `pairs.csv` of a million records): bytes go through a buffer into a
/// `PrivateOutputFile` (a 0600 temporary file beside the target); ``commit()`` flushes it and puts
/// it in place, as ``AtomicFile`` does for a whole file. A file never committed is
/// removed, so a reader never sees half a file and earlier output at the path is left intact.
///
/// ```swift
/// var file = try StreamingOutputFile(path: "out/links.csv")
/// file.append("Dataset,RecordID\n")
/// try file.commit()
/// ```
struct StreamingOutputFile: ~Copyable {
    /// Where the file goes once committed.
    let path: String
    private var file: PrivateOutputFile
    private var buffer: [UInt8] = []
    private static let bufferSize = 1 << 20

    /// Creates the temporary file (mode 0600) beside `path`.
    ///
    /// - Throws: ``OutputError/cannotWrite(path:reason:)`` when it cannot be created.
    init(path: String) throws {
        self.path = path
        file = try OutputError.converting { try PrivateOutputFile(path: path) }
        buffer.reserveCapacity(Self.bufferSize)
    }

    /// Appends `text` as UTF-8.
    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append(bytes: $0) }
    }

    /// Appends one byte (an ASCII separator such as `,` or a line break).
    mutating func append(byte: UInt8) {
        buffer.append(byte)
        if buffer.count >= Self.bufferSize { flush() }
    }

    /// Appends raw bytes.
    mutating func append(bytes: UnsafeBufferPointer<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferSize { flush() }
    }

    /// Appends `field` as ``CSV/escape(_:)`` writes it; a field that needs neither quotes nor
    /// formula defusing (almost all of them) is copied as it is, without building a new string.
    mutating func appendCSVField(_ field: String) {
        var field = field
        let plain = field.withUTF8 { bytes in
            guard !Self.needsEncoding(bytes) else { return false }
            append(bytes: bytes)
            return true
        }
        if !plain { append(CSV.escape(field)) }
    }

    /// Whether ``CSVField/encode(_:)`` might change these bytes: they start with a character a
    /// spreadsheet could run as a formula, or hold a comma, quote or line break.
    private static func needsEncoding(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if let first = bytes.first, first == 0x3D || first == 0x2B || first == 0x2D || first == 0x40 || first == 0x09 {
            return true
        }
        return bytes.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
    }

    /// Appends a non-negative integer in decimal, zero-padded to at least `width` digits (at most 20).
    mutating func append(integer value: Int, width: Int = 1) {
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
    /// `CSV.escape(PairExplanation.decimal(value, places))` writes it.
    mutating func appendDecimalField(_ value: Double, places: Int) {
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
    mutating func append(childID: ChildLinkID) {
        guard childID.number >= 0 else { return append(childID.description) }
        append(byte: UInt8(ascii: "C"))
        append(byte: UInt8(ascii: "L"))
        append(integer: childID.number, width: 6)
    }

    /// Writes out what the buffer holds; a failure is remembered and reported by ``commit()``.
    private mutating func flush() {
        buffer.withUnsafeBytes { file.write($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, syncs and closes the file and renames it to ``path``.
    ///
    /// - Throws: ``OutputError/cannotWrite(path:reason:)``; the temporary file is removed then.
    consuming func commit() throws {
        flush()
        do {
            try file.commit()
        } catch ReportWriteError.cannotWrite(let path, let reason) {
            throw OutputError.cannotWrite(path: path, reason: reason)
        }
    }
}

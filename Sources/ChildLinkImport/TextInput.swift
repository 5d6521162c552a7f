import Foundation

/// The text encoding an input file was found to be in.
package enum TextEncodingName: String, Sendable, Hashable {
    /// UTF-8 without a byte-order mark.
    case utf8 = "UTF-8"
    /// UTF-8 with a byte-order mark (as Excel writes "CSV UTF-8").
    case utf8BOM = "UTF-8 with BOM"
    /// Windows-1252 (detected from bytes that are not valid UTF-8).
    case windows1252 = "Windows-1252"
    /// UTF-16 little-endian with a byte-order mark.
    case utf16LE = "UTF-16LE"
    /// UTF-16 big-endian with a byte-order mark.
    case utf16BE = "UTF-16BE"
    /// UTF-16 little-endian without a byte-order mark, recognised from its bytes (``UTF16Detection``).
    case utf16LEWithoutBOM = "UTF-16LE without a byte-order mark"
    /// UTF-16 big-endian without a byte-order mark, recognised from its bytes.
    case utf16BEWithoutBOM = "UTF-16BE without a byte-order mark"
}

/// Recognises UTF-16 written without a byte-order mark (some export tools, and Excel's "Unicode
/// text" copied without its first two bytes) from the head of a file: the header row or XML
/// declaration is ASCII, so every other byte is zero — the second of each pair in little-endian,
/// the first in big-endian. UTF-8 and Windows-1252 text never has those zeros.
enum UTF16Detection {
    /// How many bytes of the head are looked at.
    static let headBytes = 64

    /// `true` for little-endian, `false` for big-endian, `nil` when the head is not UTF-16 (at
    /// least 4 code units, 90% of them ASCII with the zero byte on the same side).
    static func littleEndian(head bytes: some Collection<UInt8>) -> Bool? {
        let head = Array(bytes.prefix(headBytes))
        let pairs = head.count / 2
        guard pairs >= 4 else { return nil }
        var little = 0
        var big = 0
        for index in 0..<pairs {
            let (first, second) = (head[2 * index], head[2 * index + 1])
            if first != 0, first < 0x80, second == 0 { little += 1 }
            if first == 0, second != 0, second < 0x80 { big += 1 }
        }
        if little * 10 >= pairs * 9 { return true }
        if big * 10 >= pairs * 9 { return false }
        return nil
    }
}

/// Reads a file in fixed-size chunks and hands out UTF-8 bytes: strips a UTF-8 BOM and transcodes
/// UTF-16 (with BOM) on the fly, so memory stays bounded by the chunk size whatever the file size.
struct ChunkedTextInput {
    /// The chunk size: large enough to amortise system calls, small enough to stay in cache.
    static let chunkSize = 1 << 20

    private let handle: FileHandle
    private let chunkSize: Int
    private(set) var encoding: TextEncodingName = .utf8
    private var isFirstChunk = true
    private var utf16Carry: [UInt8] = []
    private var pendingHighSurrogate: UInt16?

    /// Opens `path` for reading, `chunkSize` bytes at a time.
    init(path: String, chunkSize: Int = ChunkedTextInput.chunkSize) throws {
        self.chunkSize = chunkSize
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportError.unreadableFile(path: path)
        }
        self.handle = handle
    }

    /// The next chunk of UTF-8 bytes, or `nil` at the end of the file.
    mutating func nextChunk() throws -> [UInt8]? {
        guard let data = try handle.read(upToCount: chunkSize), !data.isEmpty else {
            try? handle.close()
            return nil
        }
        var bytes = [UInt8](data)
        if isFirstChunk {
            // A BOM, and the head UTF-16 without one is recognised from, must be seen whole,
            // whatever the chunk size.
            let head = UTF16Detection.headBytes
            while bytes.count < head, let more = try handle.read(upToCount: head - bytes.count), !more.isEmpty {
                bytes += more
            }
            isFirstChunk = false
            bytes = detectEncoding(bytes)
        }
        switch encoding {
        case .utf16LE, .utf16BE, .utf16LEWithoutBOM, .utf16BEWithoutBOM:
            return transcodeUTF16(bytes, littleEndian: encoding == .utf16LE || encoding == .utf16LEWithoutBOM)
        default: return bytes
        }
    }

    private mutating func detectEncoding(_ bytes: [UInt8]) -> [UInt8] {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            encoding = .utf8BOM
            return Array(bytes.dropFirst(3))
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            encoding = .utf16LE
            return Array(bytes.dropFirst(2))
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            encoding = .utf16BE
            return Array(bytes.dropFirst(2))
        }
        if let littleEndian = UTF16Detection.littleEndian(head: bytes) {
            encoding = littleEndian ? .utf16LEWithoutBOM : .utf16BEWithoutBOM
        }
        return bytes
    }

    /// Transcodes UTF-16 code units to UTF-8, carrying an odd trailing byte or an unpaired high
    /// surrogate over to the next chunk.
    private mutating func transcodeUTF16(_ chunk: [UInt8], littleEndian: Bool) -> [UInt8] {
        let bytes = utf16Carry + chunk
        let evenCount = bytes.count & ~1
        utf16Carry = Array(bytes[evenCount...])
        var output: [UInt8] = []
        output.reserveCapacity(evenCount)
        var index = 0
        while index < evenCount {
            let unit =
                littleEndian
                ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8
                : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
            index += 2
            appendUTF16Unit(unit, to: &output)
        }
        return output
    }

    private mutating func appendUTF16Unit(_ unit: UInt16, to output: inout [UInt8]) {
        if let high = pendingHighSurrogate {
            pendingHighSurrogate = nil
            if (0xDC00...0xDFFF).contains(unit) {
                let scalar = 0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(unit) - 0xDC00)
                appendScalar(Unicode.Scalar(scalar)!, to: &output)
                return
            }
            appendScalar("\u{FFFD}", to: &output)
        }
        if (0xD800...0xDBFF).contains(unit) {
            pendingHighSurrogate = unit
        } else if let scalar = Unicode.Scalar(UInt32(unit)) {
            appendScalar(scalar, to: &output)
        } else {
            appendScalar("\u{FFFD}", to: &output)
        }
    }

    private func appendScalar(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        if scalar.value < 0x80 {
            output.append(UInt8(scalar.value))
        } else {
            output.append(contentsOf: UTF8.encode(scalar)!)
        }
    }
}

/// Turns field bytes into a `String`: UTF-8 when valid, otherwise Windows-1252 (Excel's "CSV" on
/// a UK Windows machine), so that `Horváth` and `Štefan` survive either way.
enum FieldDecoding {
    /// Decodes Windows-1252 bytes.
    static func windows1252(_ bytes: some Sequence<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if byte < 0x80 || byte >= 0xA0 {
                scalars.append(Unicode.Scalar(byte))
            } else {
                scalars.append(Unicode.Scalar(windows1252High[Int(byte - 0x80)]) ?? "\u{FFFD}")
            }
        }
        return String(scalars)
    }

    /// Code points of Windows-1252 bytes 0x80–0x9F (undefined bytes map to U+FFFD).
    static let windows1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
        0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
        0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]
}

import Foundation

/// Looks for a `<!DOCTYPE` in an XML document's prolog before libxml2 sees the file, so that a
/// document declaring a DTD or entities is refused with the same clear error whatever its internal
/// subset holds (libxml2 parses the internal subset, and reports its own errors, before the reader
/// hands over the DOCTYPE node).
enum XMLPrologScan {
    /// How much of the file is examined: a prolog longer than this is itself suspicious, and the
    /// reader's own DOCTYPE check still stands behind this one.
    static let limit = 64 * 1024

    /// Whether the file is UTF-16 without a byte-order mark: `true` little-endian, `false`
    /// big-endian, `nil` when it is not (``UTF16Detection``).
    static func utf16WithoutBOM(path: String) -> Bool? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: UTF16Detection.headBytes) else { return nil }
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return nil }
        return UTF16Detection.littleEndian(head: bytes)
    }

    /// The 1-based line of a `<!DOCTYPE` in the prolog, or `nil` when there is none.
    static func doctypeLine(path: String) -> Int? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: limit) else { return nil }
        return doctypeLine(in: prologText([UInt8](data)))
    }

    /// The text of the head of the file: UTF-16 with a BOM, or recognised without one, decoded,
    /// otherwise bytes as Latin-1
    /// (the markup that matters is ASCII).
    static func prologText(_ bytes: [UInt8]) -> [UInt8] {
        let hasBOM = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        let withoutBOM = hasBOM ? nil : UTF16Detection.littleEndian(head: bytes)
        if hasBOM || withoutBOM != nil {
            let littleEndian = withoutBOM ?? (bytes[0] == 0xFF)
            var out: [UInt8] = []
            var index = withoutBOM == nil ? 2 : 0
            while index + 1 < bytes.count {
                let unit =
                    littleEndian
                    ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8
                    : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
                out.append(unit < 0x80 ? UInt8(unit) : UInt8(ascii: "?"))
                index += 2
            }
            return out
        }
        return bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    }

    /// Walks whitespace, the XML declaration, processing instructions and comments; returns the
    /// line of a DOCTYPE met before the root element.
    static func doctypeLine(in text: [UInt8]) -> Int? {
        var index = 0
        var line = 1
        func startsWith(_ literal: String) -> Bool {
            let bytes = Array(literal.utf8)
            guard index + bytes.count <= text.count else { return false }
            return zip(text[index..<(index + bytes.count)], bytes).allSatisfy { a, b in
                a == b || (b >= 65 && b <= 90 && a == b + 32)
            }
        }
        func skip(past terminator: String) {
            let bytes = Array(terminator.utf8)
            while index < text.count {
                if text[index] == UInt8(ascii: "\n") { line += 1 }
                if text[index] == bytes[0], index + bytes.count <= text.count,
                    Array(text[index..<(index + bytes.count)]) == bytes
                {
                    index += bytes.count
                    return
                }
                index += 1
            }
        }
        while index < text.count {
            let byte = text[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                index += 1
            } else if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                index += 1
            } else if startsWith("<?") {
                skip(past: "?>")
            } else if startsWith("<!--") {
                skip(past: "-->")
            } else if startsWith("<!DOCTYPE") {
                return line
            } else {
                return nil
            }
        }
        return nil
    }
}

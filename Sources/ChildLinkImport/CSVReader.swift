/// One CSV record: its fields' unescaped bytes, stored back to back, and the line it starts on.
///
/// The reader reuses one record's storage for every row, so reading allocates nothing per row;
/// fields become `String`s only when an importer asks for them.
struct CSVRecord {
    /// The 1-based line of the file on which the record starts.
    var line = 0
    /// The unescaped bytes of every field, concatenated.
    var bytes: [UInt8] = []
    /// The end offset in ``bytes`` of each field.
    var fieldEnds: [Int] = []

    /// The number of fields.
    var count: Int { fieldEnds.count }

    /// Whether the record is a blank line (one empty field).
    var isBlank: Bool { fieldEnds.count == 1 && fieldEnds[0] == 0 }

    mutating func reset(line: Int) {
        self.line = line
        bytes.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
    }
}

/// A streaming RFC 4180 reader that works on bytes: quoted fields may hold commas, doubled quotes
/// and line breaks; records end at CRLF, LF or CR; blank lines are skipped. Input is read in
/// chunks (see ``ChunkedTextInput``), so memory does not grow with the file.
///
/// The separator is a comma, or a tab when the header line has tabs and no commas (Excel's
/// "Unicode Text" export).
struct CSVReader {
    private var input: ChunkedTextInput
    private let path: String

    /// Opens `path`.
    /// - Throws: ``ImportError/unreadableFile(path:)``.
    init(path: String, chunkSize: Int = ChunkedTextInput.chunkSize) throws {
        self.path = path
        self.input = try ChunkedTextInput(path: path, chunkSize: chunkSize)
    }

    /// The encoding detected so far (Windows-1252 is only known once a non-UTF-8 field was read).
    var encoding: TextEncodingName { input.encoding }

    private enum State {
        case fieldStart, unquoted, quoted, quoteInQuoted
    }

    /// Calls `body` with each record in order, the header row included.
    /// - Throws: ``ImportError/unterminatedQuote(path:line:)`` when a quoted field never closes, or
    ///   what `body` throws.
    mutating func forEachRecord(_ body: (inout CSVRecord) throws -> Void) throws {
        var record = CSVRecord()
        var state = State.fieldStart
        var line = 1
        var separator: UInt8? = nil
        var skipLineFeed = false
        record.reset(line: 1)
        let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

        while let chunk = try input.nextChunk() {
            let sep = separator ?? Self.guessSeparator(chunk)
            separator = sep
            try chunk.withUnsafeBufferPointer { buffer in
                var segmentStart = 0
                var index = 0
                let count = buffer.count
                @inline(__always) func flush(_ end: Int) {
                    if end > segmentStart {
                        record.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[segmentStart..<end]))
                    }
                }
                @inline(__always) func endField() { record.fieldEnds.append(record.bytes.count) }
                func endRecord() throws {
                    endField()
                    if !record.isBlank { try body(&record) }
                    record.reset(line: line)
                }
                while index < count {
                    let byte = buffer[index]
                    if skipLineFeed {
                        skipLineFeed = false
                        if byte == lf {
                            index += 1
                            record.line = line
                            continue
                        }
                    }
                    switch state {
                    case .fieldStart:
                        if byte == quote {
                            state = .quoted
                            segmentStart = index + 1
                        } else if byte == sep {
                            endField()
                        } else if byte == lf || byte == cr {
                            line += 1
                            skipLineFeed = byte == cr
                            try endRecord()
                        } else {
                            state = .unquoted
                            segmentStart = index
                        }
                    case .unquoted:
                        // The hot loop: scan to the next separator or line end.
                        var end = index
                        while end < count, buffer[end] != sep, buffer[end] != lf, buffer[end] != cr { end += 1 }
                        index = end
                        guard end < count else { continue }
                        flush(end)
                        let stop = buffer[end]
                        state = .fieldStart
                        if stop == sep {
                            endField()
                        } else {
                            line += 1
                            skipLineFeed = stop == cr
                            try endRecord()
                        }
                    case .quoted:
                        var end = index
                        while end < count, buffer[end] != quote {
                            if buffer[end] == lf { line += 1 }
                            end += 1
                        }
                        index = end
                        guard end < count else { continue }
                        flush(end)
                        state = .quoteInQuoted
                    case .quoteInQuoted:
                        if byte == quote {
                            state = .quoted
                            segmentStart = index  // keep one quote of the doubled pair
                        } else if byte == sep {
                            state = .fieldStart
                            endField()
                        } else if byte == lf || byte == cr {
                            state = .fieldStart
                            line += 1
                            skipLineFeed = byte == cr
                            try endRecord()
                        } else {
                            // Text after a closing quote: keep it, as spreadsheet programs do.
                            state = .unquoted
                            segmentStart = index
                        }
                    }
                    index += 1
                }
                if state == .unquoted || state == .quoted { flush(count) }
            }
            if record.bytes.count > Self.maximumRecordBytes {
                // A quote that has run this far never closes; otherwise the "line" has no end
                // (a binary file, /dev/zero): stop before memory runs out.
                if state == .quoted { throw ImportError.unterminatedQuote(path: path, line: record.line) }
                throw ImportError.recordTooLong(path: path, line: record.line, limit: Self.maximumRecordBytes)
            }
        }
        switch state {
        case .quoted:
            throw ImportError.unterminatedQuote(path: path, line: record.line)
        case .unquoted, .quoteInQuoted:
            record.fieldEnds.append(record.bytes.count)
            try body(&record)
        case .fieldStart:
            if !record.fieldEnds.isEmpty {
                record.fieldEnds.append(record.bytes.count)
                try body(&record)
            }
        }
    }

    /// The most bytes one record may hold: far beyond any real row (a spreadsheet row of 16,384
    /// full cells is 512 MiB only in theory; real extracts' rows are under a kilobyte), small
    /// enough that a file with no line breaks cannot exhaust memory.
    static let maximumRecordBytes = 64 << 20

    /// A tab when the first line has tabs and no commas, else a comma.
    private static func guessSeparator(_ chunk: [UInt8]) -> UInt8 {
        let firstLine = chunk.prefix { $0 != UInt8(ascii: "\n") }
        let hasTab = firstLine.contains(UInt8(ascii: "\t"))
        let hasComma = firstLine.contains(UInt8(ascii: ","))
        return hasTab && !hasComma ? UInt8(ascii: "\t") : UInt8(ascii: ",")
    }
}

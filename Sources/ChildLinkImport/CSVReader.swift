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
    /// - Throws: ``ImportError/unreadableFile(path:cause:)``.
    init(path: String, chunkSize: Int = ChunkedTextInput.chunkSize) throws {
        self.path = path
        self.input = try ChunkedTextInput(path: path, chunkSize: chunkSize)
    }

    /// The encoding detected so far (Windows-1252 is only known once a non-UTF-8 field was read).
    var encoding: TextEncodingName { input.encoding }

    /// Calls `body` with each record in order, the header row included.
    /// - Throws: ``ImportError/unterminatedQuote(path:line:)`` when a quoted field never closes, or
    ///   what `body` throws.
    mutating func forEachRecord(_ body: (inout CSVRecord) throws -> Void) throws {
        var parser: CSVParser?
        while let chunk = try input.nextChunk() {
            if parser == nil { parser = CSVParser(separator: Self.guessSeparator(chunk)) }
            try chunk.withUnsafeBufferPointer { buffer in try parser!.consume(buffer, body) }
            try parser!.checkSize(path: path, limit: Self.maximumRecordBytes)
        }
        try parser?.finish(path: path, body)
    }

    /// The most bytes one record may hold: far beyond any real row (real extracts' rows are under
    /// a kilobyte), small enough that a file with no line breaks cannot exhaust memory.
    static let maximumRecordBytes = 64 << 20

    /// A tab when the first line has tabs and no commas, else a comma.
    private static func guessSeparator(_ chunk: [UInt8]) -> UInt8 {
        let firstLine = chunk.prefix { $0 != UInt8(ascii: "\n") }
        let hasTab = firstLine.contains(UInt8(ascii: "\t"))
        let hasComma = firstLine.contains(UInt8(ascii: ","))
        return hasTab && !hasComma ? UInt8(ascii: "\t") : UInt8(ascii: ",")
    }
}

/// The RFC 4180 state machine. Its state lives in the struct (not in variables captured by a
/// closure), so the per-byte loop runs without dynamic exclusivity checks.
private struct CSVParser {
    private enum State {
        case fieldStart, unquoted, quoted, quoteInQuoted
    }

    let separator: UInt8
    private var record = CSVRecord()
    private var state = State.fieldStart
    private var line = 1
    private var skipLineFeed = false
    private static let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    init(separator: UInt8) {
        self.separator = separator
        record.reset(line: 1)
    }

    /// Feeds one chunk, calling `body` for each record it completes.
    mutating func consume(_ buffer: UnsafeBufferPointer<UInt8>, _ body: (inout CSVRecord) throws -> Void) throws {
        let sep = separator
        let quote = Self.quote
        let lf = Self.lf
        let cr = Self.cr
        let count = buffer.count
        var segmentStart = 0
        var index = 0
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
                    try endRecord(body)
                } else {
                    state = .unquoted
                    segmentStart = index
                }
            case .unquoted:
                // The hot loop: scan to the next separator or line end.
                var end = index
                while end < count {
                    let next = buffer[end]
                    if next == sep || next == lf || next == cr { break }
                    end += 1
                }
                index = end
                guard end < count else { continue }
                append(buffer, segmentStart, end)
                let stop = buffer[end]
                state = .fieldStart
                if stop == sep {
                    endField()
                } else {
                    line += 1
                    skipLineFeed = stop == cr
                    try endRecord(body)
                }
            case .quoted:
                var end = index
                while end < count, buffer[end] != quote {
                    if buffer[end] == lf { line += 1 }
                    end += 1
                }
                index = end
                guard end < count else { continue }
                append(buffer, segmentStart, end)
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
                    try endRecord(body)
                } else {
                    // Text after a closing quote: keep it, as spreadsheet programs do.
                    state = .unquoted
                    segmentStart = index
                }
            }
            index += 1
        }
        if state == .unquoted || state == .quoted { append(buffer, segmentStart, count) }
    }

    /// Ends the input: the last record needs no line break; an open quote is an error.
    /// Stops a record that has grown past `limit` bytes: a quote that has run this far never
    /// closes; otherwise the "line" has no end (a binary file, /dev/zero).
    /// - Throws: ``ImportError/unterminatedQuote(path:line:)`` or ``ImportError/recordTooLong(path:line:limit:)``.
    func checkSize(path: String, limit: Int) throws {
        guard record.bytes.count > limit else { return }
        if state == .quoted { throw ImportError.unterminatedQuote(path: path, line: record.line) }
        throw ImportError.recordTooLong(path: path, line: record.line, limit: limit)
    }

    mutating func finish(path: String, _ body: (inout CSVRecord) throws -> Void) throws {
        switch state {
        case .quoted:
            throw ImportError.unterminatedQuote(path: path, line: record.line)
        case .unquoted, .quoteInQuoted:
            endField()
            try body(&record)
        case .fieldStart:
            if !record.fieldEnds.isEmpty {
                endField()
                try body(&record)
            }
        }
    }

    @inline(__always)
    private mutating func append(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        if end > start { record.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<end])) }
    }

    @inline(__always)
    private mutating func endField() { record.fieldEnds.append(record.bytes.count) }

    private mutating func endRecord(_ body: (inout CSVRecord) throws -> Void) throws {
        endField()
        if !record.isBlank { try body(&record) }
        record.reset(line: line)
    }
}

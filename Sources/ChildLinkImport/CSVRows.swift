/// Reads any CSV file row by row, as strings, with the same rules as the extract importers: RFC 4180
/// quoting, read in chunks (memory does not grow with the file), a UTF-8 BOM dropped, UTF-16 with a
/// BOM decoded, and a row whose bytes are not UTF-8 decoded as Windows-1252 (an Excel export).
///
/// For CSVs that are not council extracts, such as the generic mode's person files (FEBRL and other
/// benchmarks), which have their own columns.
package enum CSVRows {
    /// Calls `body` with each row's fields and the line the row starts on, the header row included;
    /// blank lines are skipped.
    ///
    /// - Throws: ``ImportError/unreadableFile(path:cause:)`` when the file cannot be opened,
    ///   ``ImportError/unterminatedQuote(path:line:)`` when a quoted field never closes, or what
    ///   `body` throws.
    package static func forEach(path: String, _ body: (_ fields: [String], _ line: Int) throws -> Void) throws {
        var reader = try CSVReader(path: path)
        var encodings = CSVEncodingTally()
        var fields: [String] = []
        try reader.forEachRecord { record in
            guard !record.isBlank else { return }
            let windows1252 = encodings.isWindows1252(record)
            fields.removeAll(keepingCapacity: true)
            for index in 0..<record.count { fields.append(record.field(index, windows1252: windows1252) ?? "") }
            try body(fields, record.line)
        }
    }
}

import ChildLinkModel
import Foundation
import Testing

@testable import ChildLinkImport

/// Paths of the checked-in fixtures and scratch files for tests.
enum Fixture {
    /// The path of a fixture in `Fixtures/`.
    static func path(_ name: String) -> String {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent(name).path
    }

    /// Imports fixtures by name.
    static func read(_ names: String..., options: ImportOptions = ImportOptions()) throws -> ImportResult {
        try ExtractReader(options: options).read(paths: names.map(path))
    }

    /// Writes `bytes` to a new temporary file named `name` and returns its path.
    static func temporary(_ name: String, _ bytes: [UInt8]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "childlink-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Writes UTF-8 `text` to a new temporary file.
    static func temporary(_ name: String, text: String) throws -> String {
        try temporary(name, Array(text.utf8))
    }

    /// Every record of a CSV file as decoded fields with the line it starts on.
    static func csvRows(_ path: String, chunkSize: Int = ChunkedTextInput.chunkSize) throws -> [(
        line: Int, fields: [String]
    )] {
        var reader = try CSVReader(path: path, chunkSize: chunkSize)
        var rows: [(Int, [String])] = []
        var windows1252 = false
        try reader.forEachRecord { record in
            if !record.isValidUTF8 { windows1252 = true }
            rows.append((record.line, (0..<record.count).map { record.field($0, windows1252: windows1252) ?? "" }))
        }
        return rows
    }
}

extension ImportResult {
    /// The record with this id.
    func record(_ id: String) -> SourceRecord? { records.first { $0.key.recordID == id } }

    /// The only file's summary.
    var file: FileSummary { files[0] }
}

extension SourceRecord {
    var missingEpisode: MissingEpisode? {
        if case .missing(let episode) = event { return episode }
        return nil
    }
}

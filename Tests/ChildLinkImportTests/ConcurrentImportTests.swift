import ChildLinkModel
import Foundation
import Testing

@testable import ChildLinkImport

/// Reading several files at once must give exactly what reading them in turn gives: the same
/// records, summaries, rejects (duplicates across files included) and diagnostics, in the same order.
@Suite("Concurrent import")
struct ConcurrentImportTests {
    static func read(_ names: [String], concurrency: Int) throws -> ImportResult {
        var options = ImportOptions(today: CalendarDate(year: 2026, month: 1, day: 1))
        options.concurrency = concurrency
        return try ExtractReader(options: options).read(paths: names.map(Fixture.path))
    }

    @Test(
        "two threads read what one thread reads",
        arguments: [
            [
                "missing-episodes.csv", "missing-episodes.xml", "cme-referrals.csv", "cme-referrals.xml",
                "ehe-records.csv", "ehe-records.xml", "exclusions.csv", "exclusions.xml",
            ],
            [
                "missing-episodes-rejects.csv", "missing-episodes-cp1252.csv", "xml-rejects.xml",
                "missing-episodes.csv", "xml-malformed.xml", "missing-episodes-unterminated-quote.csv",
                "cin-census.xml", "missing-episodes-missing-column.csv",
            ],
            ["ssda903-header.csv", "ssda903-missing.csv", "missing-episodes.csv"],
            [
                "exclusions.csv", "missing-episodes.csv", "missing-episodes-rejects.csv", "exclusions.csv",
                "missing-episodes.xml", "missing-episodes.csv", "cme-referrals.csv",
            ],
        ])
    func sameAsOneThread(_ names: [String]) throws {
        let alone = try Self.read(names, concurrency: 1)
        let together = try Self.read(names, concurrency: 2)
        #expect(!alone.records.isEmpty)
        #expect(together.records == alone.records)
        #expect(together.files == alone.files)
        #expect(together.rejects == alone.rejects)
        #expect(together.diagnostics == alone.diagnostics)
    }

    @Test("a record repeated in a second file of its dataset is counted there as a duplicate")
    func duplicateAcrossFiles() throws {
        let result = try Self.read(["missing-episodes.csv", "missing-episodes.csv"], concurrency: 2)
        #expect(result.files[1].imported == 0)
        #expect(result.files[1].duplicates == result.files[0].imported)
        #expect(result.records.count == result.files[0].imported)
    }

    @Test("files of several datasets, each replayed on its own thread, read as in turn")
    func datasetsReplayedApart() throws {
        let names = ["exclusions.csv", "missing-episodes.csv", "exclusions.xml", "missing-episodes.csv"]
        let result = try Self.read(names, concurrency: 2)
        #expect(result.files.map(\.path) == names.map(Fixture.path))
        #expect(result.files[3].imported == 0)
        #expect(result.files[3].duplicates == result.files[1].imported)
        #expect(result.records.count == result.files.reduce(0) { $0 + $1.imported })
        #expect(result.records.isStrictlySortedByKey)
    }

    @Test("the records come out sorted by key, each key once")
    func sortedRecords() throws {
        let result = try Self.read(["missing-episodes.xml", "exclusions.csv", "missing-episodes.csv"], concurrency: 2)
        #expect(result.records.isStrictlySortedByKey)
        #expect(zip(result.records, result.records.dropFirst()).allSatisfy { $0.key < $1.key })
    }
}

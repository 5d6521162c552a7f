package import ChildLinkModel

/// What a run of the generator produced.
package struct SampleSummary: Sendable, Hashable {
    /// Children in the cohort.
    package let children: Int
    /// Households they belong to.
    package let households: Int
    /// Records per dataset.
    package let records: [Dataset: Int]
    /// The files written (names within the output directory), empty for in-memory runs.
    package let files: [String]

    /// Records in all four datasets.
    package var totalRecords: Int { records.values.reduce(0, +) }
}

/// The synthetic borough: its records in memory, or written to files.
package enum SamplePopulation {
    /// Generates the records exactly as the files would hold them (parsed as an importer reads
    /// the reference layout), with the true child of each record.
    package static func generate(_ configuration: SampleConfiguration) -> (
        records: [SourceRecord], truth: [RecordKey: Int]
    ) {
        var sink = MemorySink()
        // The memory sink never throws.
        _ = try? SampleGenerator(configuration: configuration).run(into: &sink)
        return (sink.records, sink.truth)
    }

    /// Writes the four datasets (CSV and XML parts) and `truth.csv` into `directory`, which must
    /// exist. Each file is written to a temporary name with permissions 0600 and renamed into place.
    /// - Throws: ``SampleError`` when a file cannot be written.
    package static func write(_ configuration: SampleConfiguration, to directory: String) throws -> SampleSummary {
        var writer = try SampleFileWriter(directory: directory)
        let totals = try SampleGenerator(configuration: configuration).run(into: &writer)
        try writer.commit()
        return SampleSummary(
            children: totals.children, households: totals.households, records: totals.records,
            files: writer.fileNames)
    }

    /// The true identities of the cohort's children (for tests and for judging a matcher).
    package static func children(_ configuration: SampleConfiguration) -> [SampleChild] {
        var sink = ChildCollector()
        _ = try? SampleGenerator(configuration: configuration).run(into: &sink)
        return sink.children
    }
}

/// Collects the true children; used by ``SamplePopulation/children(_:)``.
private struct ChildCollector: SampleSink {
    var children: [SampleChild] = []

    mutating func accept(_ row: SampleRow) throws {}

    mutating func accept(household: [SampleChild]) { children += household }
}

/// The in-memory sink: each row becomes the ``SourceRecord`` an importer would read from it.
struct MemorySink: SampleSink {
    var records: [SourceRecord] = []
    var truth: [RecordKey: Int] = [:]
    private var csvLines: [Dataset: Int] = [:]
    private var xmlLines: [Dataset: Int] = [:]
    private var xmlIndex: [Dataset: Int] = [:]

    mutating func accept(_ row: SampleRow) throws {
        let location = nextLocation(row)
        let record = SampleRecordReader.record(from: row, location: location)
        truth[record.key] = row.trueChildID
        records.append(record)
    }

    private mutating func nextLocation(_ row: SampleRow) -> SourceLocation {
        let stem = SampleLayout.fileStem(row.dataset)
        guard row.inXML else {
            let line = csvLines[row.dataset, default: 1] + 1
            csvLines[row.dataset] = line
            return SourceLocation(file: stem + ".csv", line: line)
        }
        let line = xmlLines[row.dataset, default: 3]
        let index = xmlIndex[row.dataset, default: 0] + 1
        xmlIndex[row.dataset] = index
        xmlLines[row.dataset] = line + 2 + row.fields.filter { !$0.isEmpty }.count
        let elements = SampleLayout.xmlElements(row.dataset)
        return SourceLocation(
            file: stem + ".xml", line: line, elementPath: "/\(elements.root)/\(elements.record)[\(index)]")
    }
}

import ChildLinkModel

/// The sink that writes the files: per dataset a CSV and an XML part, and `truth.csv`.
struct SampleFileWriter: SampleSink {
    private var csvFiles: [OutputFile] = []
    private var xmlFiles: [OutputFile] = []
    private var xmlRecordElements: [String] = []
    private var truth: [[(String, Int)]] = [[], [], [], []]
    private let directory: String

    /// The file names written, in order.
    var fileNames: [String] {
        SampleLayout.datasets.flatMap { [SampleLayout.fileStem($0) + ".csv", SampleLayout.fileStem($0) + ".xml"] }
            + [SampleLayout.truthFile]
    }

    /// Opens the temporary files in `directory` and writes the headers.
    /// - Throws: ``SampleError/cannotWrite(path:reason:)``.
    init(directory: String) throws {
        self.directory = directory
        for dataset in SampleLayout.datasets {
            let stem = directory + "/" + SampleLayout.fileStem(dataset)
            let csv = try OutputFile(path: stem + ".csv")
            try csv.write(SampleLayout.columns(dataset).joined(separator: ",") + "\n")
            let xml = try OutputFile(path: stem + ".xml")
            let elements = SampleLayout.xmlElements(dataset)
            try xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<\(elements.root)>\n")
            csvFiles.append(csv)
            xmlFiles.append(xml)
            xmlRecordElements.append(elements.record)
        }
    }

    mutating func accept(_ row: SampleRow) throws {
        let slot = SampleLayout.datasets.firstIndex(of: row.dataset)!
        truth[slot].append((row.recordID, row.trueChildID))
        if row.inXML {
            try Self.writeXML(row, element: xmlRecordElements[slot], to: xmlFiles[slot])
        } else {
            try Self.writeCSV(row.fields, to: csvFiles[slot])
        }
    }

    /// Closes the XML roots, writes `truth.csv` and renames every file into place.
    /// - Throws: ``SampleError/cannotWrite(path:reason:)``.
    func commit() throws {
        for (slot, dataset) in SampleLayout.datasets.enumerated() {
            try xmlFiles[slot].write("</\(SampleLayout.xmlElements(dataset).root)>\n")
        }
        let truthFile = try OutputFile(path: directory + "/" + SampleLayout.truthFile)
        try truthFile.write("Dataset,RecordID,TrueChildID\n")
        for (slot, dataset) in SampleLayout.datasets.enumerated() {
            for (recordID, child) in truth[slot] {
                try truthFile.write(dataset.rawValue + "," + recordID + "," + String(child) + "\n")
            }
        }
        for file in csvFiles + xmlFiles + [truthFile] { try file.commit() }
    }

    // MARK: - Encoding

    static func writeCSV(_ fields: [String], to file: OutputFile) throws {
        for (index, field) in fields.enumerated() {
            if index > 0 { file.write(byte: UInt8(ascii: ",")) }
            if needsQuoting(field) {
                try file.write(
                    "\"" + field.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"")
                        + "\"")
            } else {
                try file.write(field)
            }
        }
        try file.write("\n")
    }

    static func writeXML(_ row: SampleRow, element: String, to file: OutputFile) throws {
        let columns = SampleLayout.columns(row.dataset)
        try file.write("  <" + element + ">\n")
        for (column, value) in zip(columns, row.fields) where !value.isEmpty {
            try file.write("    <" + column + ">" + xmlEscaped(value) + "</" + column + ">\n")
        }
        try file.write("  </" + element + ">\n")
    }

    /// Whether a CSV field must be quoted (RFC 4180): it holds a comma, a quote or a line break.
    static func needsQuoting(_ field: String) -> Bool {
        field.utf8.contains { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }
    }

    /// Text with `&`, `<`, `>`, `"` and `'` replaced by XML entities.
    static func xmlEscaped(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }) else {
            return text
        }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.append(character)
            }
        }
        return result
    }
}

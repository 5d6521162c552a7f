import ChildLinkModel

/// The sink that writes the files: per dataset a CSV and an XML part, and `truth.csv`.
struct SampleFileWriter: SampleSink {
    private var csvFiles: [SampleOutputFile] = []
    private var xmlFiles: [SampleOutputFile] = []
    private var xmlRecordElements: [String] = []
    private var truth: [[(String, Int)]] = [[], [], [], []]
    private let directory: String

    /// The file names written, in order.
    var fileNames: [String] {
        SampleLayout.datasets.flatMap { [SampleLayout.fileStem($0) + ".csv", SampleLayout.fileStem($0) + ".xml"] }
            + [SampleLayout.truthFile]
    }

    /// Opens the temporary files in `directory` and writes the headers.
    /// - Throws: ``SampleError``.
    init(directory: String) throws {
        self.directory = directory
        for dataset in SampleLayout.datasets {
            let stem = directory + "/" + SampleLayout.fileStem(dataset)
            let csv = try SampleOutputFile(path: stem + ".csv")
            csv.write(SampleLayout.columns(dataset).joined(separator: ",") + "\n")
            let xml = try SampleOutputFile(path: stem + ".xml")
            let elements = SampleLayout.xmlElements(dataset)
            xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<\(elements.root)>\n")
            csvFiles.append(csv)
            xmlFiles.append(xml)
            xmlRecordElements.append(elements.record)
        }
    }

    mutating func accept(_ row: SampleRow) throws {
        let slot = SampleLayout.datasets.firstIndex(of: row.dataset)!
        truth[slot].append((row.recordID, row.trueChildID))
        if row.inXML {
            Self.writeXML(row, element: xmlRecordElements[slot], to: xmlFiles[slot])
        } else {
            Self.writeCSV(row.fields, to: csvFiles[slot])
        }
    }

    /// Closes the XML roots, writes `truth.csv` and renames every file into place.
    /// - Throws: ``SampleError``.
    func commit() throws {
        for (slot, dataset) in SampleLayout.datasets.enumerated() {
            xmlFiles[slot].write("</\(SampleLayout.xmlElements(dataset).root)>\n")
        }
        let truthFile = try SampleOutputFile(path: directory + "/" + SampleLayout.truthFile)
        truthFile.write("Dataset,RecordID,TrueChildID\n")
        for (slot, dataset) in SampleLayout.datasets.enumerated() {
            for (recordID, child) in truth[slot] {
                truthFile.write(dataset.rawValue + "," + recordID + "," + String(child) + "\n")
            }
        }
        for file in csvFiles + xmlFiles + [truthFile] { try file.commit() }
    }

    // MARK: - Encoding

    static func writeCSV(_ fields: [String], to file: SampleOutputFile) {
        for (index, field) in fields.enumerated() {
            if index > 0 { file.write(byte: UInt8(ascii: ",")) }
            file.write(CSVField.quoted(field))
        }
        file.write(byte: UInt8(ascii: "\n"))
    }

    static func writeXML(_ row: SampleRow, element: String, to file: SampleOutputFile) {
        let columns = SampleLayout.columns(row.dataset)
        file.write("  <" + element + ">\n")
        for (column, value) in zip(columns, row.fields) where !value.isEmpty {
            file.write("    <" + column + ">" + XMLText.escaped(value, apostrophe: .named) + "</" + column + ">\n")
        }
        file.write("  </" + element + ">\n")
    }
}

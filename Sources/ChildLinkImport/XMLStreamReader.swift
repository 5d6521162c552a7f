internal import CLibXML2

/// One record element read from an XML extract: its leaf elements' names and text, in order.
struct XMLRecordElement {
    /// The record element's name, e.g. `Episode`.
    var name: String
    /// The 1-based position among the file's records (for `/Root/Episode[12]` paths).
    var index: Int
    /// The line on which the element starts.
    var line: Int
    /// The element path, e.g. `/MissingEpisodes/Episode[12]`.
    var path: String
    /// Leaf elements (elements with no child elements) as (local name, text), document order.
    var fields: [(name: String, value: String)]
    /// For each of ``fields``, its parent element: the name and a number unique within the record
    /// (so that repeated groups such as SSDA903 `AMISSING` can be told apart).
    var parents: [(name: String, id: Int)] = []
    /// A field whose text ran past ``XMLRecordElement/maximumFieldBytes`` (its text not kept), with its length.
    var oversizedField: (name: String, length: Int)? = nil
    /// Whether the record had more than ``XMLRecordElement/maximumFields`` fields (the rest not kept).
    var hasTooManyFields = false
    /// Whether this is the document's header element (``XMLRecordPlacement/header``), not a record.
    var isHeader = false

    /// The most text kept for one field: Excel's cell limit; longer text is only measured.
    static let maximumFieldBytes = 32_767
    /// The most fields kept for one record; a real record has a few dozen.
    static let maximumFields = 10_000
}

/// Where a document's records sit, decided from its root element.
struct XMLRecordPlacement {
    /// Depth of the record elements (root = 0).
    var depth: Int
    /// The record elements' local name, or `nil` for any element at that depth.
    var name: String?
    /// A header element directly under the root that is delivered like a record, before the
    /// records, with ``XMLRecordElement/isHeader`` set (the CIN census's `Header`, which carries
    /// the collection's `ReferenceDate`); `nil` for none.
    var header: String? = nil
}

/// A streaming, constant-memory XML reader on libxml2's `xmlTextReader`. The only file that sees
/// libxml2.
///
/// Safety: the parser never touches the network (`XML_PARSE_NONET`), never substitutes entities,
/// never loads or validates a DTD; any document that has a `<!DOCTYPE>` (and so any entity
/// declaration: external entities, "billion laughs") is refused before its root element is read.
/// Errors go to a per-reader structured handler, so libxml2 never writes to standard error, and
/// carry the line and column.
struct XMLStreamReader {
    let path: String

    /// Initialises libxml2 once, as it asks to be before readers run on several threads.
    static func prepareForThreads() {
        xmlInitParser()
    }

    /// Reads the file: `placement` is asked once with the root element's local name and
    /// `body` is called with each record element.
    /// - Throws: ``ImportError/xmlDoctypeRefused(path:line:)``, ``ImportError/malformedXML(path:line:column:message:)``,
    ///   ``ImportError/unreadableFile(path:cause:)``, or what the closures throw.
    ///   - cutShort: Called with the record the parser was inside when the document broke off (a
    ///     truncated file), before the error is thrown, so that it can be counted and rejected.
    func read(
        placement: (_ rootName: String) throws -> XMLRecordPlacement,
        body: (XMLRecordElement) throws -> Void,
        cutShort: (XMLRecordElement) -> Void = { _ in }
    ) throws {
        if let line = XMLPrologScan.doctypeLine(path: path) {
            throw ImportError.xmlDoctypeRefused(path: path, line: line)
        }
        xmlInitParser()
        let options = Int32(XML_PARSE_NONET.rawValue)
        // UTF-16 without a byte-order mark (nor, often, a declaration) is named to libxml2, which
        // would otherwise read its zero bytes as characters ("Char 0x0 out of allowed range").
        let encoding = XMLPrologScan.utf16WithoutBOM(path: path).map { $0 ? "UTF-16LE" : "UTF-16BE" }
        guard let reader = xmlReaderForFile(path, encoding, options) else {
            throw ImportError.unreadableFile(path: path)
        }
        defer { xmlFreeTextReader(reader) }
        let sink = XMLErrorSink()
        let context = Unmanaged.passUnretained(sink).toOpaque()
        xmlTextReaderSetStructuredErrorHandler(
            reader,
            { userData, error in
                guard let userData, let error else { return }
                Unmanaged<XMLErrorSink>.fromOpaque(userData).takeUnretainedValue().record(error.pointee)
            }, context)
        try withExtendedLifetime(sink) {
            var walker = XMLRecordWalker(path: path)
            while true {
                let status = xmlTextReaderRead(reader)
                if status == 0 { break }
                guard status == 1 else {
                    if let record = walker.current { cutShort(record) }
                    throw malformed(sink, reader: reader)
                }
                try walker.handle(reader, placement: placement, body: body)
            }
            if let error = sink.firstError {
                if let record = walker.current { cutShort(record) }
                throw ImportError.malformedXML(
                    path: path, line: error.line, column: error.column, message: error.message)
            }
        }
    }

    private func malformed(_ sink: XMLErrorSink, reader: xmlTextReaderPtr) -> ImportError {
        if let error = sink.firstError {
            return .malformedXML(path: path, line: error.line, column: error.column, message: error.message)
        }
        let line = Int(xmlTextReaderGetParserLineNumber(reader))
        let column = Int(xmlTextReaderGetParserColumnNumber(reader))
        return .malformedXML(path: path, line: line, column: column, message: "the parser stopped")
    }
}

/// Collects the first error libxml2 reports for one reader (warnings are ignored).
private final class XMLErrorSink {
    struct Report {
        var message: String
        var line: Int
        var column: Int
    }
    var firstError: Report?

    func record(_ error: xmlError) {
        guard error.level.rawValue >= XML_ERR_ERROR.rawValue, firstError == nil else { return }
        let message = error.message.map { String(cString: $0) } ?? "error \(error.code)"
        firstError = Report(message: Self.plain(message), line: Int(error.line), column: Int(error.int2))
    }

    /// libxml2's message made safe to show: its first line only (an encoding error goes on to list
    /// the offending bytes, which are a piece of a name), and the encoding error in plain words.
    static func plain(_ message: String) -> String {
        let firstLine = message.split(whereSeparator: \.isNewline).first.map(String.init) ?? message
        if firstLine.contains("not proper UTF-8") {
            return "the text is not UTF-8 (saved as Windows-1252?); save the extract as UTF-8"
        }
        return firstLine.trimmingCharacters()
    }
}

/// Walks reader nodes and assembles record elements.
private struct XMLRecordWalker {
    let path: String
    var placement: XMLRecordPlacement?
    var rootName = ""
    var recordCount = 0
    var current: XMLRecordElement?
    /// Open elements inside the current record: name and whether it has had a child element.
    var stack: [(name: String, hasChild: Bool, id: Int)] = []
    var elementCount = 0
    var text = ""
    /// The UTF-8 length of the current field's text, counted even past what is kept.
    var textLength = 0

    init(path: String) { self.path = path }

    mutating func handle(
        _ reader: xmlTextReaderPtr, placement decide: (String) throws -> XMLRecordPlacement,
        body: (XMLRecordElement) throws -> Void
    ) throws {
        let type = xmlTextReaderNodeType(reader)
        let depth = Int(xmlTextReaderDepth(reader))
        switch type {
        case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue), Int32(XML_READER_TYPE_ENTITY.rawValue),
            Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
            throw ImportError.xmlDoctypeRefused(path: path, line: Self.nodeLine(reader))
        case Int32(XML_READER_TYPE_ELEMENT.rawValue):
            let name = Self.localName(reader)
            let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
            if depth == 0 {
                rootName = name
                placement = try decide(name)
                return
            }
            try startElement(name, depth: depth, reader: reader)
            if isEmpty { try endElement(depth: depth, body: body) }
        case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
            if depth > 0 { try endElement(depth: depth, body: body) }
        case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
            Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
            if current != nil, let value = xmlTextReaderConstValue(reader) {
                // Adjacent text and CDATA nodes add up: keep at most one field's worth in memory.
                textLength += Int(xmlStrlen(value))
                if textLength <= XMLRecordElement.maximumFieldBytes { text += String(cString: value) }
            }
        default:
            break
        }
    }

    private mutating func startElement(_ name: String, depth: Int, reader: xmlTextReaderPtr) throws {
        guard let placement else { return }
        if current == nil {
            if depth == 1, name == placement.header {
                current = XMLRecordElement(
                    name: name, index: 0, line: Self.nodeLine(reader), path: "/\(rootName)/\(name)", fields: [],
                    isHeader: true)
                stack = [(name, false, 0)]
                elementCount = 0
                text = ""
                textLength = 0
                return
            }
            guard depth == placement.depth, placement.name == nil || placement.name == name else { return }
            recordCount += 1
            let line = Self.nodeLine(reader)
            let parents = parentPath(depth: depth)
            current = XMLRecordElement(
                name: name, index: recordCount, line: line, path: "\(parents)/\(name)[\(recordCount)]", fields: [])
            stack = [(name, false, 0)]
            elementCount = 0
            text = ""
            textLength = 0
            keepAttributes(reader, recordName: name)
            return
        }
        stack[stack.count - 1].hasChild = true
        elementCount += 1
        stack.append((name, false, elementCount))
        text = ""
        textLength = 0
    }

    private mutating func endElement(depth: Int, body: (XMLRecordElement) throws -> Void) throws {
        guard current != nil, let top = stack.popLast() else { return }
        if stack.isEmpty {
            let record = current!
            current = nil
            try body(record)
            return
        }
        if !top.hasChild { keepField(top.name, parent: stack[stack.count - 1]) }
        text = ""
        textLength = 0
    }

    /// Adds the record element's own attributes as fields, before its child elements (SQL Server's
    /// `FOR XML RAW` writes a record as `<Record EHEID="…" StartDate="…"/>`). Namespace
    /// declarations and `xsi:` attributes are not fields.
    private mutating func keepAttributes(_ reader: xmlTextReaderPtr, recordName: String) {
        guard xmlTextReaderHasAttributes(reader) == 1 else { return }
        defer { xmlTextReaderMoveToElement(reader) }
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            if xmlTextReaderIsNamespaceDecl(reader) == 1 { continue }
            if let uri = xmlTextReaderConstNamespaceUri(reader),
                String(cString: uri) == "http://www.w3.org/2001/XMLSchema-instance"
            {
                continue
            }
            let value = xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
            text = value
            textLength = value.utf8.count
            keepField(Self.localName(reader), parent: (recordName, false, 0))
        }
        text = ""
        textLength = 0
    }

    /// Adds the finished leaf to the record, unless it or the record is over its limit.
    private mutating func keepField(_ name: String, parent: (name: String, hasChild: Bool, id: Int)) {
        if textLength > XMLRecordElement.maximumFieldBytes {
            if current!.oversizedField == nil { current!.oversizedField = (name, textLength) }
        } else if current!.fields.count >= XMLRecordElement.maximumFields {
            current!.hasTooManyFields = true
        } else {
            current!.fields.append((name, text))
            current!.parents.append((parent.name, parent.id))
        }
    }

    private func parentPath(depth: Int) -> String {
        // Records sit directly under the root, or (CIN census) under /Message/Children.
        if depth == 1 { return "/\(rootName)" }
        return "/\(rootName)" + String(repeating: "/…", count: depth - 2) + "/\(placementParentName)"
    }

    private var placementParentName: String { rootName == "Message" ? "Children" : "…" }

    /// The line the current node starts on (the parser's own line runs ahead, as it reads in blocks).
    static func nodeLine(_ reader: xmlTextReaderPtr) -> Int {
        if let node = xmlTextReaderCurrentNode(reader) {
            let line = Int(xmlGetLineNo(node))
            if line > 0 { return line }
        }
        return Int(xmlTextReaderGetParserLineNumber(reader))
    }

    private static func localName(_ reader: xmlTextReaderPtr) -> String {
        guard let name = xmlTextReaderConstLocalName(reader) else { return "" }
        return String(cString: name)
    }
}

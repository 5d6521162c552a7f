/// The cell formats of a ChildLink workbook, by their index in `styles.xml`'s `cellXfs`.
enum XLSXStyle: Int, CaseIterable {
    /// Plain text.
    case plain = 0
    /// A column heading: bold on a tinted fill with a rule beneath, wrapped.
    case header
    /// A date, `dd/mm/yyyy`.
    case date
    /// A date and time, `dd/mm/yyyy hh:mm`.
    case dateTime
    /// A percentage, `0%`.
    case percent
    /// The report's title.
    case title
    /// A group's heading row inside a table.
    case bold
    /// A hidden count, `*`, right-aligned as the numbers around it.
    case suppressed
    /// Long text, wrapped, top-aligned.
    case wrapped
    /// A whole count, `#,##0`.
    case count
    /// A decimal, `#,##0.0`.
    case decimal
    /// A note under the table: italic, wrapped.
    case note
    /// The protective marking: bold, dark red.
    case marking
    /// The sheet's heading.
    case heading

    /// The `s` attribute for a cell in this style (none for the default).
    var attribute: String { self == .plain ? "" : " s=\"\(rawValue)\"" }

    /// The `xf` element: number format, font, fill, border and alignment.
    private var format: String {
        let (numberFormat, font, fill, border): (Int, Int, Int, Int) =
            switch self {
            case .plain, .wrapped: (0, 0, 0, 0)
            case .header: (0, 1, 2, 1)
            case .date: (164, 0, 0, 0)
            case .dateTime: (165, 0, 0, 0)
            case .percent: (9, 0, 0, 0)
            case .title: (0, 2, 0, 0)
            case .bold: (0, 1, 0, 0)
            case .suppressed: (0, 0, 0, 0)
            case .count: (3, 0, 0, 0)
            case .decimal: (166, 0, 0, 0)
            case .note: (0, 3, 0, 0)
            case .marking: (0, 4, 0, 0)
            case .heading: (0, 5, 0, 0)
            }
        var xml =
            "<xf numFmtId=\"\(numberFormat)\" fontId=\"\(font)\" fillId=\"\(fill)\" borderId=\"\(border)\" xfId=\"0\""
        xml += numberFormat == 0 ? "" : " applyNumberFormat=\"1\""
        xml += font == 0 ? "" : " applyFont=\"1\""
        xml += fill == 0 ? "" : " applyFill=\"1\""
        xml += border == 0 ? "" : " applyBorder=\"1\""
        guard let alignment else { return xml + "/>" }
        return xml + " applyAlignment=\"1\"><alignment \(alignment)/></xf>"
    }

    private var alignment: String? {
        switch self {
        case .header: "vertical=\"bottom\" wrapText=\"1\""
        case .suppressed: "horizontal=\"right\" vertical=\"top\""
        case .wrapped, .note: "vertical=\"top\" wrapText=\"1\""
        case .plain, .date, .dateTime, .percent, .count, .decimal: "vertical=\"top\""
        case .title, .bold, .marking, .heading: nil
        }
    }

    /// `xl/styles.xml`.
    static let stylesheet: String =
        XLSXPackage.declaration + "<styleSheet xmlns=\"\(XLSXPackage.mainNamespace)\">"
        + "<numFmts count=\"3\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/>"
        + "<numFmt numFmtId=\"165\" formatCode=\"dd/mm/yyyy hh:mm\"/><numFmt numFmtId=\"166\" formatCode=\"#,##0.0\"/>"
        + "</numFmts><fonts count=\"6\">"
        + "<font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
        + "<font><b/><sz val=\"14\"/><color rgb=\"FF0B3D5C\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
        + "<font><i/><sz val=\"10\"/><color rgb=\"FF555555\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
        + "<font><b/><sz val=\"11\"/><color rgb=\"FF8A1C1C\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
        + "<font><b/><sz val=\"12\"/><color rgb=\"FF0B3D5C\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
        + "</fonts><fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill>"
        + "<fill><patternFill patternType=\"gray125\"/></fill>"
        + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFE8EEF3\"/><bgColor indexed=\"64\"/></patternFill></fill>"
        + "</fills><borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
        + "<border><left/><right/><top/><bottom style=\"thin\"><color rgb=\"FF0B3D5C\"/></bottom><diagonal/></border>"
        + "</borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"\(allCases.count)\">" + allCases.map(\.format).joined() + "</cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"
}

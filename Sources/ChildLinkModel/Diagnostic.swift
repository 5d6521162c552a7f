/// A problem found in an input, reported as `path:line: severity: message` and collected while the
/// run goes on. Messages never carry a child's personal data: at most the record's own id.
package struct Diagnostic: Hashable, Sendable, CustomStringConvertible, Codable {
    /// How serious a problem is.
    package enum Severity: String, Sendable, Hashable, Codable, Comparable {
        /// Informational.
        case note
        /// The record was kept but something is off (e.g. an invalid UPN check letter).
        case warning
        /// The record or file could not be used.
        case error

        package static func < (lhs: Severity, rhs: Severity) -> Bool {
            let order: [Severity] = [.note, .warning, .error]
            return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
        }
    }

    /// How serious it is.
    package let severity: Severity
    /// Where it was found.
    package let location: SourceLocation?
    /// The field (column or element) concerned, if any.
    package let field: String?
    /// The record id concerned, if known.
    package let recordID: String?
    /// What was wrong, in words an analyst can act on.
    package let message: String

    /// Creates a diagnostic.
    package init(
        _ severity: Severity, _ message: String, at location: SourceLocation? = nil,
        field: String? = nil, recordID: String? = nil
    ) {
        self.severity = severity
        self.message = message
        self.location = location
        self.field = field
        self.recordID = recordID
    }

    /// `file:line: error: message [field F, record R]`.
    package var description: String {
        var text = location.map { "\($0): " } ?? ""
        text += "\(severity.rawValue): \(message)"
        var details: [String] = []
        if let field { details.append("field \(field)") }
        if let recordID { details.append("record \(recordID)") }
        if !details.isEmpty { text += " [" + details.joined(separator: ", ") + "]" }
        return text
    }
}

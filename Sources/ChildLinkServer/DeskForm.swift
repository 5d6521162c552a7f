import Foundation

/// The fields of a URL-encoded form or query string (`a=1&b=two+words`).
struct DeskForm: Sendable {
    /// Each field's first value.
    let fields: [String: String]

    /// Reads `text`; a field that is not valid percent-encoding is left out.
    init(_ text: String?) {
        var fields: [String: String] = [:]
        for part in (text ?? "").split(separator: "&") {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = Self.decode(pieces[0]), fields[key] == nil else { continue }
            fields[key] = pieces.count > 1 ? Self.decode(pieces[1]) : ""
        }
        self.fields = fields
    }

    /// The field's value with surrounding spaces trimmed; `nil` when absent or empty.
    subscript(_ name: String) -> String? {
        guard let value = fields[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}

import Foundation

/// How ChildLink names the temporary file it writes beside an output: `NAME.tmp-PID`, with `PID`
/// the writing process, so a later run can tell a killed run's leftover from a file being written.
///
/// Versions before 2026 also wrote the store's review exports as `.NAME.PID.tmp`;
/// ``writerPID(of:)`` still recognises that pattern so their leftovers are swept too.
package enum TemporaryFileName {
    /// The temporary file's path for an output at `path`, written by process `writer`.
    package static func path(for path: String, writer: Int32) -> String {
        path + ".tmp-\(writer)"
    }

    /// The PID in a name of ChildLink's temporary-file patterns (``path(for:writer:)`` and the
    /// older `.NAME.PID.tmp`), or `nil` for any other name.
    package static func writerPID(of name: String) -> Int32? {
        if let marker = name.range(of: ".tmp-", options: .backwards), marker.lowerBound > name.startIndex {
            return pid(name[marker.upperBound...])
        }
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return nil }
        let stem = name.dropFirst().dropLast(4)
        guard let dot = stem.lastIndex(of: "."), dot > stem.startIndex else { return nil }
        return pid(stem[stem.index(after: dot)...])
    }

    private static func pid(_ digits: Substring) -> Int32? {
        guard !digits.isEmpty, digits.count <= 10, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
            let value = Int32(digits), value > 0
        else { return nil }
        return value
    }
}

import ChildLinkFiles
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The pseudonym key ChildLink keeps for itself when none is given, so that `overlap` and
/// `scorecard inclusion` work on the first run and a child keeps the same pseudonym on every later one.
///
/// The key is 256 random bits, written once as 64 hex digits to a file readable by its owner only
/// (0600): beside the store (`childlink.sqlite.pseudonym-key`), or without a store
/// `childlink-pseudonym.key` in the working folder. It is never printed or logged. Two first runs
/// at the same time agree on one key: the file is put in place with `link(2)`, which fails when
/// another run got there first, and then that run's key is read.
package enum PseudonymKeyFile {
    /// The key file's name without a store.
    package static let defaultFileName = "childlink-pseudonym.key"

    /// Where the key is kept: beside the store at `storePath`, or in `workingDirectory` without one.
    package static func path(storePath: String?, workingDirectory: String? = nil) -> String {
        if let storePath { return storePath + ".pseudonym-key" }
        let folder = workingDirectory ?? FileManager.default.currentDirectoryPath
        return (folder as NSString).appendingPathComponent(defaultFileName)
    }

    /// The key in the file at `path`, created (and its creation reported through `created`) when absent.
    ///
    /// - Throws: ``CoreError`` with code ``CoreError/Code/badPseudonymKeyFile`` when the file
    ///   cannot be read or written, or does not hold a key.
    package static func loadOrCreate(at path: String, created: (String) -> Void = { _ in }) throws -> String {
        if let key = try read(path) { return key }
        let staging = path + ".new-\(getpid())"
        do {
            try PrivateOutputFile.write(newKey() + "\n", to: staging)
        } catch {
            throw CoreError.badPseudonymKeyFile(path: path, problem: "cannot be written (\(error.message))")
        }
        defer { unlink(staging) }
        if link(staging, path) == 0 {
            created(path)
        } else if errno != EEXIST {
            throw CoreError.badPseudonymKeyFile(
                path: path, problem: "cannot be created (\(String(cString: strerror(errno))))")
        }
        guard let key = try read(path) else {
            throw CoreError.badPseudonymKeyFile(path: path, problem: "disappeared while it was being created")
        }
        return key
    }

    /// 256 random bits from the system's cryptographic generator, as 64 hex digits.
    static func newKey() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }
            .joined()
    }

    /// The key in the file at `path`, or `nil` when there is no file.
    private static func read(_ path: String) throws -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CoreError.badPseudonymKeyFile(path: path, problem: "cannot be read")
        }
        let key = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard key.count >= 32, !key.contains(where: \.isWhitespace) else {
            throw CoreError.badPseudonymKeyFile(
                path: path, problem: "does not hold a key (32 or more characters on one line)")
        }
        return key
    }
}

import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The staging folder a set of output files (a report's, or `link`'s `links.csv`, `pairs.csv` and
/// `summary.txt`) is written into before the files are moved into place together.
///
/// Every file is written and synced into `OUT/.childlink-staging-PID/` (0700) first; only when all
/// are there are they renamed into `OUT`, one rename each. A failure while writing leaves every
/// earlier file of the set exactly as it was; a run killed while writing leaves only its staging
/// folder, which ``removeAbandoned(in:)`` removes on the next write.
package enum StagingFolder {
    /// The name every staging folder starts with.
    package static let prefix = ".childlink-staging-"

    /// `directory/.childlink-staging-PID` for this process.
    package static func path(in directory: String) -> String {
        (directory as NSString).appendingPathComponent(prefix + String(getpid()))
    }

    /// Creates this process's staging folder in `directory` (0700), after removing abandoned ones.
    ///
    /// - Returns: Its path.
    /// - Throws: ``FileWriteError`` naming `directory` (the folder the user gave, not the staging
    ///   folder inside it) when it cannot be created there.
    package static func create(in directory: String) throws(FileWriteError) -> String {
        removeAbandoned(in: directory)
        let folder = path(in: directory)
        do {
            try PrivateFolder.create(atPath: folder)
        } catch {
            throw FileWriteError(
                code: error.code, path: directory, message: "cannot write files into the folder", cause: error.cause)
        }
        return folder
    }

    /// Renames each staged file into `directory`; returns the paths.
    ///
    /// - Throws: ``FileWriteError`` when a rename fails (the files not yet moved stay staged).
    package static func moveAll(_ names: [String], from folder: String, into directory: String) throws(FileWriteError)
        -> [String]
    {
        try names.map { (name: String) throws(FileWriteError) -> String in
            let target = (directory as NSString).appendingPathComponent(name)
            guard rename((folder as NSString).appendingPathComponent(name), target) == 0 else {
                throw FileWriteError(code: .cannotRename, path: target, message: "cannot write (rename failed)")
            }
            return target
        }
    }

    /// Removes a staging folder and the files in it.
    package static func remove(_ folder: String) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            unlink((folder as NSString).appendingPathComponent(name))
        }
        rmdir(folder)
    }

    /// Removes the staging folders of ChildLink processes that have ended (killed mid-write).
    package static func removeAbandoned(in directory: String) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            remove((directory as NSString).appendingPathComponent(name))
        }
    }

    /// Writes a set of files into `directory` all or nothing: creates the folder (0700) and a fresh
    /// staging folder in it, runs `body` with the staging folder's path (it writes each file there
    /// through ``PrivateOutputFile`` and returns their names), then moves them all into place.
    ///
    /// - Returns: The paths of the files in `directory`, in the order `body` named them.
    /// - Throws: ``FileWriteError`` from the folder, a file or a rename, named by where the file
    ///   was going (not the staging folder); the staging folder is removed then, and the earlier
    ///   files in `directory` are unchanged.
    package static func writeAll(into directory: String, _ body: (String) throws(FileWriteError) -> [String])
        throws(FileWriteError) -> [String]
    {
        try PrivateFolder.create(atPath: directory)
        let folder = try create(in: directory)
        do {
            let files = try moveAll(try body(folder), from: folder, into: directory)
            remove(folder)
            return files
        } catch {
            remove(folder)
            throw error.placed(from: folder, into: directory)
        }
    }
}

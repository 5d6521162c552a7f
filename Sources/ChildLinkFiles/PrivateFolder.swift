import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Output folders: created, with any missing parents, readable by their owner only (0700).
package enum PrivateFolder {
    /// Creates the folder at `path` and its missing parents with mode 0700 whatever the umask
    /// (each folder is created, then set to 0700); an existing folder is left as it is.
    ///
    /// - Throws: ``FileWriteError`` with code ``FileWriteError/Code/cannotCreateFolder`` (a file is
    ///   in the way, or the parent cannot be written).
    package static func create(atPath path: String) throws(FileWriteError) {
        guard !path.isEmpty else { return }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            if isFolder.boolValue { return }
            throw FileWriteError(
                code: .cannotCreateFolder, path: path,
                message: "cannot create the folder: it is a file. Give a folder (it is created when absent), "
                    + "or move the file")
        }
        if let parent = parent(of: path) { try create(atPath: parent) }
        if mkdir(path, 0o700) == 0 {
            chmod(path, 0o700)  // the umask may have narrowed nothing, but never widened: set it exactly
            return
        }
        guard errno == EEXIST else {
            throw .lastSystemError(.cannotCreateFolder, path: path, message: "cannot create the folder")
        }
        // Another process made it meanwhile, or a file is in the way.
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            throw FileWriteError(
                code: .cannotCreateFolder, path: path, message: "cannot create the folder (a file is in the way)")
        }
    }

    /// The folder `path` is in, or `nil` for a single name or the root (`a/b/` → `a`, `a` → nil).
    /// Not `NSString.deletingLastPathComponent`, which traps on a one-letter name on Linux.
    package static func parent(of path: String) -> String? {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return nil }
        if slash == trimmed.startIndex { return trimmed == "/" ? nil : "/" }
        return String(trimmed[..<slash])
    }
}

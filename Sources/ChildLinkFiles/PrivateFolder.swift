import Foundation

/// Output folders: created, with any missing parents, readable by their owner only (0700).
package enum PrivateFolder {
    /// Creates the folder at `path` and its missing parents with mode 0700; an existing folder is
    /// left as it is.
    ///
    /// - Throws: ``FileWriteError`` with code ``FileWriteError/Code/cannotCreateFolder`` (a file is
    ///   in the way, or the parent cannot be written).
    package static func create(atPath path: String) throws(FileWriteError) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
            throw FileWriteError(
                code: .cannotCreateFolder, path: path,
                message: "cannot create the folder: it is a file. Give a folder (it is created when absent), "
                    + "or move the file")
        }
        do {
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw FileWriteError(
                code: .cannotCreateFolder, path: path, message: "cannot create the folder", cause: error)
        }
    }
}

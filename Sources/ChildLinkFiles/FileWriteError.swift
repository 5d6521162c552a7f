import Foundation

/// Why a private output file (``PrivateOutputFile``) or folder (``PrivateFolder``) could not be
/// written, in the shape of swift-nio's `FileSystemError`: what kind of failure (``code``), a message
/// for the user, the path and the underlying cause (usually a `POSIXError`).
///
/// The message never holds file contents, so it never holds a child's personal data.
package struct FileWriteError: Error, LocalizedError, CustomStringConvertible {
    /// The kind of failure.
    package struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String, Hashable, Sendable {
            case cannotCreateFolder, cannotCreateFile, cannotWrite, cannotSync, cannotRename
        }
        private let value: Value

        /// The folder could not be created.
        package static let cannotCreateFolder = Code(value: .cannotCreateFolder)
        /// The temporary file beside the target could not be created.
        package static let cannotCreateFile = Code(value: .cannotCreateFile)
        /// Writing the bytes failed (a full disk, for example).
        package static let cannotWrite = Code(value: .cannotWrite)
        /// The written bytes could not be synced to disk.
        package static let cannotSync = Code(value: .cannotSync)
        /// The finished file could not be renamed over the target.
        package static let cannotRename = Code(value: .cannotRename)

        /// The code's name, such as `cannotWrite`.
        package var description: String { value.rawValue }
    }

    /// The kind of failure.
    package let code: Code
    /// The file or folder that could not be written.
    package let path: String
    /// What went wrong, for the user (without the path).
    package let message: String
    /// The underlying error, usually a `POSIXError` with the system's `errno`.
    package let cause: (any Error)?

    /// Creates the error.
    package init(code: Code, path: String, message: String, cause: (any Error)? = nil) {
        self.code = code
        self.path = path
        self.message = message
        self.cause = cause
    }

    /// The message shown to the user: the path, what failed and why (a full disk said as such,
    /// with the space left); for a file, that any earlier file at the path is left as it was.
    package var description: String {
        var reason = (cause as? POSIXError).map { ": " + String(cString: strerror($0.code.rawValue)) } ?? ""
        if DiskSpace.isFull((cause as? POSIXError)?.code) { reason = ": " + DiskSpace.fullSentence(for: path) }
        switch code {
        case .cannotCreateFolder: return "\(path): \(message)\(reason)"
        default: return "\(path): \(message)\(reason) (any earlier file there is unchanged)"
        }
    }

    /// The same as ``description``.
    package var errorDescription: String? { description }

    /// The same error for the file's final place: a file written in `staging` named by its path in
    /// `folder`, so the user reads where the file was going, not where it was staged.
    package func placed(from staging: String, into folder: String) -> FileWriteError {
        guard path.hasPrefix(staging + "/") else { return self }
        return FileWriteError(
            code: code, path: folder + path.dropFirst(staging.count), message: message, cause: cause)
    }

    /// The error for a failed system call, with `errno` as the cause.
    static func lastSystemError(_ code: Code, path: String, message: String) -> FileWriteError {
        FileWriteError(
            code: code, path: path, message: message, cause: POSIXErrorCode(rawValue: errno).map { POSIXError($0) })
    }
}

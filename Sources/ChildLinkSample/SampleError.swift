import ChildLinkFiles

/// Why the sample could not be written, in the shape of swift-nio's `FileSystemError`: what kind of
/// failure (``code``), a message for the user and the underlying cause.
package struct SampleError: Error, CustomStringConvertible {
    /// The kind of failure.
    package enum Code: String, Hashable, Sendable {
        /// A file could not be created, written or renamed into place (the cause is a
        /// `FileWriteError`).
        case cannotWrite
    }

    /// The kind of failure.
    package let code: Code
    /// What went wrong and where, for the user.
    package let message: String
    /// The underlying error.
    package let cause: (any Error)?

    /// A file that could not be written; the message is the file error's.
    init(_ fileError: FileWriteError) {
        code = .cannotWrite
        message = fileError.description
        cause = fileError
    }

    /// The message shown to the user.
    package var description: String { message }
}

/// One of the sample's output files, open until ``commit()``: a ``ChildLinkFiles/PrivateOutputFile``
/// that the sink can keep in an array.
final class SampleOutputFile {
    private var file: PrivateOutputFile?

    /// Creates the file's temporary file beside `path`.
    /// - Throws: ``SampleError``.
    init(path: String) throws(SampleError) {
        do {
            file = try PrivateOutputFile(path: path)
        } catch {
            throw SampleError(error)
        }
    }

    /// Appends text.
    func write(_ text: String) {
        file?.append(text)
    }

    /// Appends one byte.
    func write(byte: UInt8) {
        file?.append(byte: byte)
    }

    /// Flushes, syncs and renames the file into place.
    /// - Throws: ``SampleError``.
    func commit() throws(SampleError) {
        guard let file = file.take() else { return }
        do {
            try file.commit()
        } catch {
            throw SampleError(error)
        }
    }
}

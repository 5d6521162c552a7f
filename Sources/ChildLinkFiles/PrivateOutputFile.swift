package import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one way ChildLink puts an output file in place, since its outputs hold children's data.
///
/// The bytes go through a buffer to a temporary file beside the target (named by
/// ``TemporaryFileName``), created readable by its owner only (0600); ``commit()`` flushes and
/// syncs it, then renames it over the target. A reader never sees half a file, and a failed or
/// abandoned write leaves any earlier file at the path as it was (the temporary file is removed).
/// Opening one first sweeps the temporary files killed runs left in that folder
/// (``StaleTemporaryFiles``).
///
/// Whole files go through ``write(_:to:)-(Data,_)``; large ones (`links.csv`, `pairs.csv`, the
/// sample's extracts) are streamed:
///
/// ```swift
/// var file = try PrivateOutputFile(path: "out/links.csv")
/// file.append("Dataset,RecordID\n")
/// try file.commit()
/// ```
package struct PrivateOutputFile: ~Copyable {
    /// Where the file goes once committed.
    package let path: String
    private let temporary: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private var failure: FileWriteError?
    private static let bufferSize = 1 << 20

    /// Creates the temporary file (mode 0600) beside `path`, after sweeping the folder's stale ones.
    ///
    /// - Throws: ``FileWriteError`` with code ``FileWriteError/Code/cannotCreateFile`` when the
    ///   temporary file cannot be created.
    package init(path: String) throws(FileWriteError) {
        self.path = path
        StaleTemporaryFiles.remove(besides: path)
        temporary = TemporaryFileName.path(for: path, writer: getpid())
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw .lastSystemError(.cannotCreateFile, path: path, message: "cannot write (no temporary file)")
        }
        fchmod(descriptor, 0o600)
        buffer.reserveCapacity(Self.bufferSize)
    }

    deinit {
        if descriptor >= 0 {
            close(descriptor)
            unlink(temporary)
        }
    }

    /// Writes `data` to `path` as one private file.
    ///
    /// - Throws: ``FileWriteError``; any earlier file at `path` is left as it was then.
    package static func write(_ data: Data, to path: String) throws(FileWriteError) {
        var file = try PrivateOutputFile(path: path)
        data.withUnsafeBytes { file.writeDirectly($0) }
        try file.commit()
    }

    /// Writes `text` as UTF-8 to `path` as one private file.
    ///
    /// - Throws: ``FileWriteError``; any earlier file at `path` is left as it was then.
    package static func write(_ text: String, to path: String) throws(FileWriteError) {
        var file = try PrivateOutputFile(path: path)
        file.append(text)
        try file.commit()
    }

    /// Appends `text` as UTF-8.
    package mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append(bytes: $0) }
    }

    /// Appends one byte (an ASCII separator such as `,` or a line break).
    package mutating func append(byte: UInt8) {
        buffer.append(byte)
        if buffer.count >= Self.bufferSize { flush() }
    }

    /// Appends raw bytes.
    package mutating func append(bytes: UnsafeBufferPointer<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferSize { flush() }
    }

    /// Flushes, syncs and closes the file and renames it to ``path``.
    ///
    /// - Throws: ``FileWriteError`` when a write, the sync or the rename failed; the temporary
    ///   file is removed then and any earlier file at ``path`` is left as it was.
    package consuming func commit() throws(FileWriteError) {
        flush()
        if failure == nil, fsync(descriptor) != 0 {
            failure = .lastSystemError(.cannotSync, path: path, message: "cannot write (sync failed)")
        }
        close(descriptor)
        descriptor = -1
        if failure == nil, rename(temporary, path) != 0 {
            failure = .lastSystemError(.cannotRename, path: path, message: "cannot write (rename failed)")
        }
        if let failure {
            unlink(temporary)
            throw failure
        }
    }

    /// Writes out what the buffer holds; a failure is remembered and reported by ``commit()``.
    private mutating func flush() {
        buffer.withUnsafeBytes { writeDirectly($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes `bytes` in full, past the buffer; the first failure is remembered.
    private mutating func writeDirectly(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while failure == nil, offset < bytes.count {
            let result = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if result < 0, errno == EINTR { continue }
            if result <= 0 {
                failure = .lastSystemError(.cannotWrite, path: path, message: "cannot write")
            }
            offset += max(result, 0)
        }
    }
}

/// `write(2)`, named apart from the Foundation and Swift functions of the same name.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.write(descriptor, bytes, count)
    #else
        Darwin.write(descriptor, bytes, count)
    #endif
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one way ChildLink puts an output file in place, since it holds children's data: written to a
/// temporary file beside the target, created readable by its owner only (0600), synced, then
/// renamed over the target. A reader never sees half a file, and a failed or abandoned write leaves
/// any earlier file at the path as it was (the temporary file is removed). Opening one first sweeps
/// the temporary files killed runs left in that folder (``StaleTemporaryFiles``).
///
/// ``ReportWriter/writeAtomically(_:to:)`` writes a whole file through it; the link job streams
/// `links.csv` and `pairs.csv` through it.
public struct PrivateOutputFile: ~Copyable {
    /// Where the file goes once committed.
    public let path: String
    private let temporary: String
    private var descriptor: Int32
    private var failed = false

    /// Creates the temporary file beside `path`.
    ///
    /// - Throws: ``ReportWriteError/cannotWrite(path:reason:)`` when it cannot be created.
    public init(path: String) throws {
        self.path = path
        StaleTemporaryFiles.remove(besides: path)
        temporary = path + ".tmp-\(getpid())"
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { throw ReportWriteError.cannotWrite(path: path, reason: "cannot create file") }
    }

    deinit {
        if descriptor >= 0 {
            close(descriptor)
            unlink(temporary)
        }
    }

    /// Writes `bytes` in full; a failure is remembered and reported by ``commit()``.
    public mutating func write(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while !failed, offset < bytes.count {
            let result = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if result <= 0 { failed = true }
            offset += max(result, 0)
        }
    }

    /// Syncs and closes the file and renames it to ``path``.
    ///
    /// - Throws: ``ReportWriteError/cannotWrite(path:reason:)`` when a write, the sync or the
    ///   rename failed; the temporary file is removed then.
    public consuming func commit() throws {
        let synced = fsync(descriptor) == 0
        close(descriptor)
        descriptor = -1
        guard !failed, synced, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw ReportWriteError.cannotWrite(path: path, reason: "write failed")
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

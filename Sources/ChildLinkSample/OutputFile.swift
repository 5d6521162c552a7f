#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why the sample could not be written.
public enum SampleError: Error, CustomStringConvertible {
    /// A file could not be created, written or renamed into place.
    case cannotWrite(path: String, reason: String)

    /// What went wrong and where.
    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        }
    }
}

/// A file written through a large buffer to a temporary name with permissions 0600, then renamed
/// into place by ``commit()``: readers never see half a file.
final class OutputFile {
    let path: String
    private let temporaryPath: String
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var isOpen = true
    private static let flushThreshold = 1 << 20

    /// Creates `path`'s temporary file.
    /// - Throws: ``SampleError/cannotWrite(path:reason:)``.
    init(path: String) throws {
        self.path = path
        temporaryPath = path + ".tmp-" + String(getpid())
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { throw SampleError.cannotWrite(path: path, reason: Self.lastError()) }
        fchmod(descriptor, 0o600)
        buffer.reserveCapacity(Self.flushThreshold + 65536)
    }

    deinit {
        if isOpen {
            close(descriptor)
            unlink(temporaryPath)
        }
    }

    /// Appends text.
    /// - Throws: ``SampleError/cannotWrite(path:reason:)``.
    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    /// Appends one byte.
    func write(byte: UInt8) {
        buffer.append(byte)
    }

    /// Flushes, closes and renames the file into place.
    /// - Throws: ``SampleError/cannotWrite(path:reason:)``.
    func commit() throws {
        try flush()
        isOpen = false
        guard close(descriptor) == 0 else { throw SampleError.cannotWrite(path: path, reason: Self.lastError()) }
        guard rename(temporaryPath, path) == 0 else {
            let reason = Self.lastError()
            unlink(temporaryPath)
            throw SampleError.cannotWrite(path: path, reason: reason)
        }
    }

    private func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { bytes in
                systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            }
            guard written > 0 else { throw SampleError.cannotWrite(path: path, reason: Self.lastError()) }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private static func lastError() -> String {
        String(cString: strerror(errno))
    }
}

/// The C library's `write`, which the method name `write` hides inside ``OutputFile``.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.write(descriptor, bytes, count)
    #else
        Darwin.write(descriptor, bytes, count)
    #endif
}

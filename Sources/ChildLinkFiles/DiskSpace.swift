package import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Free space on the disk holding a path, for messages that say a disk is full as such.
package enum DiskSpace {
    /// Below this many free bytes a failed write is taken to be a full disk (1 MB).
    package static let nearlyFull: UInt64 = 1_000_000

    /// The bytes an unprivileged user may still write on the file system holding `path` (or the
    /// folder it would be in), or `nil` when that cannot be read.
    package static func freeBytes(near path: String) -> UInt64? {
        var candidate = path
        while true {
            var status = statvfs()
            if statvfs(candidate, &status) == 0 { return UInt64(status.f_bavail) * UInt64(status.f_frsize) }
            guard let parent = PrivateFolder.parent(of: candidate) else {
                return statvfs(".", &status) == 0 ? UInt64(status.f_bavail) * UInt64(status.f_frsize) : nil
            }
            candidate = parent
        }
    }

    /// `the disk holding out is full (0 MB free)`: the folder of `path`, and what is left on it.
    package static func fullSentence(for path: String) -> String {
        let folder = PrivateFolder.parent(of: path) ?? "."
        let free = freeBytes(near: path).map { " (\($0 / 1_000_000) MB free)" } ?? ""
        return "the disk holding \(folder) is full\(free)"
    }

    /// Whether `errno`-style `code` means the disk (or the user's quota) is full.
    package static func isFull(_ code: POSIXErrorCode?) -> Bool {
        code == .ENOSPC || code == .EDQUOT
    }
}

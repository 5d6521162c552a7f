import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Removes the temporary files a killed ChildLink run left beside its outputs.
///
/// ChildLink writes every output to a temporary file in the same folder, then renames it
/// (``PrivateOutputFile``); a run killed in between leaves the temporary file, which may hold
/// children's data. A file is removed only when all of these hold, so nothing but ChildLink's own
/// leftovers is ever touched:
/// - its name follows one of ChildLink's patterns (``TemporaryFileName/writerPID(of:)``);
/// - no process with that PID is alive (and it is not this process);
/// - it is a regular file (not a link or folder), owned by this user, readable by the owner only
///   (mode 0600 or narrower), as ChildLink creates them.
package enum StaleTemporaryFiles {
    /// Removes ChildLink's stale temporary files in the folder `path` is in (before a write to `path`).
    @discardableResult
    package static func remove(besides path: String) -> [String] {
        // Not NSString.deletingLastPathComponent: it traps on a one-letter name on Linux.
        return remove(in: PrivateFolder.parent(of: path) ?? ".")
    }

    /// Removes ChildLink's stale temporary files in `folder`; returns the names removed, sorted.
    /// Problems (an unreadable folder, a file that vanished) are ignored: the sweep never fails a write.
    @discardableResult
    package static func remove(in folder: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        var removed: [String] = []
        for name in names.sorted() {
            guard let pid = TemporaryFileName.writerPID(of: name), !isAlive(pid) else { continue }
            let path = (folder as NSString).appendingPathComponent(name)
            if isOwnPrivateRegularFile(path), unlink(path) == 0 { removed.append(name) }
        }
        return removed
    }

    /// Whether a process with `pid` exists (one owned by another user counts as alive).
    static func isAlive(_ pid: Int32) -> Bool {
        if pid == getpid() { return true }
        return kill(pid, 0) == 0 || errno != ESRCH
    }

    private static func isOwnPrivateRegularFile(_ path: String) -> Bool {
        var status = stat()
        guard lstat(path, &status) == 0 else { return false }
        return (status.st_mode & S_IFMT) == S_IFREG && status.st_uid == geteuid() && (status.st_mode & 0o077) == 0
    }
}

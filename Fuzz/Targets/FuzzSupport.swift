// Shared by every ChildLink fuzz target: compiled into each target's binary (see Scripts/fuzz.sh).
import ChildLinkImport
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where one fuzz process writes each input before the importer reads it (the readers take paths).
/// One file per process, rewritten for every input; under /dev/shm when it exists, so no disk I/O.
enum FuzzScratch {
    static func path(extension fileExtension: String) -> String {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        return "\(base)/childlink-fuzz-\(getpid()).\(fileExtension)"
    }

    /// Writes the fuzzer's bytes to `path`, replacing what was there.
    static func write(_ data: UnsafePointer<UInt8>, _ size: Int, to path: String) {
        let descriptor = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0o600)
        precondition(descriptor >= 0, "cannot create \(path)")
        var written = 0
        while written < size {
            let count = Glibc.write(descriptor, data + written, size - written)
            precondition(count > 0, "cannot write \(path)")
            written += count
        }
        close(descriptor)
    }
}

/// Invariants every import must keep, whatever the input; a violation aborts, so libFuzzer saves
/// the input as a crash.
enum ImportInvariants {
    static func check(_ path: String) {
        let full = read(path, retain: true)
        let lean = read(path, retain: false)
        guard let full, let lean else { return }
        for file in full.files {
            if !file.isBalanced {
                fatalError(
                    "records read \(file.recordsRead) != imported \(file.imported) + duplicates \(file.duplicates) + rejected \(file.rejected)"
                )
            }
            // SSDA903 Header rows are person details joined into the Missing table's episodes:
            // they are counted as imported but become no record of their own.
            if file.layout != .ssda903Header, file.imported != full.records.count {
                fatalError("imported \(file.imported) but \(full.records.count) records returned")
            }
        }
        if full.files != lean.files || full.rejects != lean.rejects {
            fatalError("retaining records changed the counts or rejects")
        }
        for reject in full.rejects where reject.reason.isEmpty {
            fatalError("a reject without a reason")
        }
    }

    private static func read(_ path: String, retain: Bool) -> ImportResult? {
        try? ExtractReader(options: ImportOptions(retainRecords: retain)).read(paths: [path])
    }
}

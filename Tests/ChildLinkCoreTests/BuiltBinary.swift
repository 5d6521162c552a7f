import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the built `childlink` binary, as an analyst would, and captures what it printed.
///
/// Standard output and error go to temporary files rather than pipes, so a chatty `--verbose` run
/// can never fill a pipe buffer and deadlock the test.
enum BuiltBinary {
    /// What one run printed and how it ended.
    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The `childlink` binary beside the test bundle (`.build/debug/childlink`).
    static var url: URL {
        var folder = Bundle.main.bundleURL
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("childlink").path),
            folder.pathComponents.count > 1
        {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("childlink")
    }

    /// The longest a run of the binary may take before it is killed (a debug build on the shared
    /// 2-core machine takes under 30 s for the largest run the tests make).
    static let timeout: Duration = .seconds(300)

    /// A run that did not finish within ``timeout``: it was killed.
    struct TimedOut: Error, CustomStringConvertible {
        let arguments: [String]
        var description: String {
            "childlink \(arguments.joined(separator: " ")) ran past \(BuiltBinary.timeout); killed"
        }
    }

    /// Waits for `process` to end, killing it after `timeout`.
    ///
    /// - Throws: ``TimedOut`` when it had to be killed.
    static func wait(for process: Process, arguments: [String], timeout: Duration = BuiltBinary.timeout) throws {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now > deadline {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                throw TimedOut(arguments: arguments)
            }
            usleep(10_000)
        }
        process.waitUntilExit()
    }

    /// Runs `childlink arguments…` in `folder` and waits for it to finish (killing it after
    /// ``timeout``); `environment` sets (or, with `nil`, removes) variables of the test's own
    /// environment for this run.
    ///
    /// - Throws: ``TimedOut`` when the run did not finish in time.
    static func run(
        _ arguments: [String], in folder: URL, environment: [String: String?] = [:],
        timeout: Duration = BuiltBinary.timeout
    ) throws -> Outcome {
        let capture = FileManager.default.temporaryDirectory
            .appendingPathComponent("childlink-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: capture, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: capture) }
        let outURL = capture.appendingPathComponent("stdout")
        let errURL = capture.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)

        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = folder
        if !environment.isEmpty {
            var merged = ProcessInfo.processInfo.environment
            for (name, value) in environment { merged[name] = value }
            process.environment = merged
        }
        process.standardOutput = out
        process.standardError = err
        try process.run()
        defer {
            try? out.close()
            try? err.close()
        }
        try wait(for: process, arguments: arguments, timeout: timeout)
        try out.close()
        try err.close()
        return Outcome(
            status: process.terminationStatus,
            stdout: try String(contentsOf: outURL, encoding: .utf8),
            stderr: try String(contentsOf: errURL, encoding: .utf8))
    }

    /// A new empty temporary folder.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("childlink-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The permission bits of the file at `path`.
    static func permissions(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }
}

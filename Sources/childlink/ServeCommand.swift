#if Desk
    import ArgumentParser
    import ChildLinkCore
    import ChildLinkServer
    import Foundation

    extension ChildLink {
        /// `childlink serve`.
        struct Serve: LoggingCommand {
            static let configuration = CommandConfiguration(
                commandName: "serve",
                abstract: "Open the review desk and the footprint search in a browser on this computer.",
                discussion: """
                    Starts a web server over the store on 127.0.0.1 (or ::1) only and prints a one-time link: \
                    open it in a browser on this computer. The link signs you in once; the session ends after \
                    30 minutes without use (restart 'childlink serve' for a new link). Ctrl-C stops the desk.

                    The desk shows the review queue in the order 'review list' prints it, records decisions \
                    exactly as 'review accept' and 'review reject' do (the same guards; Force needs a note), \
                    lists the decision history with Revoke, and finds a child's footprint as 'footprint' does. \
                    Decisions take effect on the next run. Every child page viewed and every decision is \
                    written to the store's audit log with your user name.
                    """
            )

            @OptionGroup var global: GlobalOptions
            @OptionGroup var storeOptions: StoreOptions

            @Option(help: "The port to listen on (0 lets the system choose).")
            var port: Int = DeskServer.defaultPort

            @Option(
                help: ArgumentHelp(
                    "The loopback address to listen on: 127.0.0.1, ::1 or localhost.", valueName: "address"),
                transform: ArgumentValues.deskHost)
            var host: DeskHost = .ipv4

            @Option(
                help: ArgumentHelp(
                    "The folder of the latest reports (the one given to weekly or scorecard --out), shown read-only.",
                    valueName: "folder"))
            var reports: String?

            func validate() throws {
                guard (0...65535).contains(port) else { throw ValidationError("--port is a number from 0 to 65535.") }
                var isFolder: ObjCBool = false
                if let reports,
                    !FileManager.default.fileExists(atPath: reports, isDirectory: &isFolder) || !isFolder.boolValue
                {
                    throw ValidationError(
                        "--reports \(reports) is not a folder: give the folder a run wrote its reports to.")
                }
            }

            func run() throws {
                _ = try StoreJob.openExisting(at: storeOptions.store)
                let server = DeskServer(
                    configuration: DeskServer.Configuration(
                        storePath: storeOptions.store, host: host, port: port, reportsFolder: reports),
                    logger: logger)
                try DeskServer.blocking {
                    try await server.runUntilInterrupted { url in
                        TerminalOutput.print(
                            "The ChildLink desk is open for \(storeOptions.store). Open this link in a browser on this "
                                + "computer (it works once; keep it private):\n  \(url.absoluteString)\nCtrl-C stops the desk."
                        )
                        fflush(nil)  // the link must reach a pipe at once, not when the buffer fills
                    }
                }
            }
        }
    }
#endif

import ChildLinkCore
import Foundation

/// What the command line takes from the environment. It is read here and nowhere else: the jobs
/// are handed the values.
enum CommandEnvironment {
    /// `CHILDLINK_STORE_WAIT`, seconds: the default of `--store-wait` (10 minutes when unset or not a number).
    static var storeWait: Duration {
        variable("CHILDLINK_STORE_WAIT").flatMap { try? ArgumentValues.seconds($0) }
            ?? PipelineRequest.defaultStoreWait
    }

    /// `CHILDLINK_PSEUDONYM_KEY`: the key for pseudonymisation when `--pseudonym-key` is not given.
    static var pseudonymKey: String? { variable("CHILDLINK_PSEUDONYM_KEY") }

    private static func variable(_ name: String) -> String? { ProcessInfo.processInfo.environment[name] }
}

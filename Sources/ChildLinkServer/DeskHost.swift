/// The addresses the desk may listen on: the loopback ones only, so that nothing off this computer
/// can reach it.
package enum DeskHost: String, Sendable, CaseIterable {
    /// IPv4 loopback.
    case ipv4 = "127.0.0.1"
    /// IPv6 loopback.
    case ipv6 = "::1"

    /// Reads `127.0.0.1`, `::1`, `[::1]` or `localhost` (taken as 127.0.0.1); `nil` for any other address.
    package init?(parsing text: String) {
        switch text.lowercased() {
        case "127.0.0.1", "localhost": self = .ipv4
        case "::1", "[::1]": self = .ipv6
        default: return nil
        }
    }

    /// Why another address is refused, and what to give instead.
    package static let refusal =
        "the desk serves personal data about children, so it listens on this computer only: give --host "
        + "127.0.0.1, ::1 or localhost (the default is 127.0.0.1)."

    /// The host as written in a URL (`[::1]` for IPv6).
    package var urlHost: String { self == .ipv6 ? "[::1]" : rawValue }
}

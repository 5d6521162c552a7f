import Foundation

/// The desk's one-time start token and its sessions: the token printed at start is exchanged once
/// for a session (a cookie) with its own CSRF token; a session ends after 30 minutes without a request.
actor DeskSessions {
    /// A signed-in browser.
    struct Session {
        /// The token every form must carry back.
        let csrf: String
        /// The last request's time.
        var lastSeen: Date
    }

    /// How long a session lasts without a request.
    static let idleTimeout: TimeInterval = 30 * 60

    /// The `Host` values a browser on this computer sends once the port is known (empty before).
    private(set) var authorities: Set<String> = []
    private var startToken: String?
    private var sessions: [String: Session] = [:]
    private let clock: @Sendable () -> Date

    /// Creates the store of sessions with the one-time `startToken`.
    init(startToken: String, clock: @escaping @Sendable () -> Date) {
        self.startToken = startToken
        self.clock = clock
    }

    /// Records the port the server listens on: the desk answers to `127.0.0.1`, `localhost` and
    /// `[::1]` with that port, and to nothing else (a DNS-rebinding page sends its own host name).
    func listening(on port: Int) {
        authorities = ["127.0.0.1:\(port)", "localhost:\(port)", "[::1]:\(port)"]
    }

    /// Exchanges the start token for a new session (id and CSRF token); `nil` when the token is wrong
    /// or was used already.
    func redeem(_ token: String) -> (id: String, csrf: String)? {
        guard let expected = startToken, Self.equalInConstantTime(token, expected) else { return nil }
        startToken = nil
        let id = Self.randomToken()
        let csrf = Self.randomToken()
        sessions[id] = Session(csrf: csrf, lastSeen: clock())
        return (id, csrf)
    }

    /// The session's CSRF token when `id` is a live session (its idle clock restarts); `nil` otherwise.
    func touch(_ id: String) -> String? {
        guard var session = sessions[id] else { return nil }
        let now = clock()
        guard now.timeIntervalSince(session.lastSeen) < Self.idleTimeout else {
            sessions[id] = nil
            return nil
        }
        session.lastSeen = now
        sessions[id] = session
        return session.csrf
    }

    /// 256 random bits from the system's secure generator, as 64 hexadecimal digits.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    /// Compares two tokens without stopping at the first difference.
    static func equalInConstantTime(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

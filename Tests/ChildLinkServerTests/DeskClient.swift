import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A raw HTTP/1.1 client over a loopback socket, so a test controls every header (Host, Origin,
/// Cookie) and never follows a redirect. Every request has a 10-second send and receive timeout.
struct DeskClient {
    /// One response.
    struct Reply {
        let status: Int
        let headers: [(String, String)]
        let body: String

        /// The first header named `name` (any case).
        func header(_ name: String) -> String? {
            headers.first { $0.0.lowercased() == name.lowercased() }?.1
        }
    }

    /// A request that could not be sent or answered in time.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let port: Int

    /// `GET path`, with the session cookie when given and the Host a browser sends.
    func get(_ path: String, cookie: String? = nil, host: String? = nil) async throws -> Reply {
        try await send("GET", path, headers: headers(cookie: cookie, host: host), body: "")
    }

    /// `POST path` with a URL-encoded form.
    func post(
        _ path: String, form: [(String, String)], cookie: String?, origin: String? = "default", host: String? = nil
    ) async throws -> Reply {
        let body = form.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        var fields = headers(cookie: cookie, host: host)
        fields.append(("Content-Type", "application/x-www-form-urlencoded"))
        if let origin { fields.append(("Origin", origin == "default" ? "http://127.0.0.1:\(port)" : origin)) }
        return try await send("POST", path, headers: fields, body: body)
    }

    private func headers(cookie: String?, host: String?) -> [(String, String)] {
        var fields = [("Host", host ?? "127.0.0.1:\(port)"), ("Connection", "close")]
        if let cookie { fields.append(("Cookie", cookie)) }
        return fields
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// Sends one request on a thread of its own (the blocking socket never holds a thread of the
    /// concurrency pool that the server in this process needs) and reads the whole response.
    func send(_ method: String, _ path: String, headers: [(String, String)], body: String) async throws -> Reply {
        let request = UncheckedRequest(headers: headers)
        return try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(
                    with: Result { try self.sendBlocking(method, path, headers: request.headers, body: body) })
            }
        }
    }

    /// The headers handed to the sending thread.
    private struct UncheckedRequest: @unchecked Sendable {
        let headers: [(String, String)]
    }

    /// Sends one request and reads the whole response (the server closes the connection).
    private func sendBlocking(_ method: String, _ path: String, headers: [(String, String)], body: String) throws
        -> Reply
    {
        let socket = try connect()
        defer { close(socket) }
        var request = "\(method) \(path) HTTP/1.1\r\n"
        for (name, value) in headers + [("Content-Length", "\(body.utf8.count)")] { request += "\(name): \(value)\r\n" }
        request += "\r\n" + body
        let bytes = Array(request.utf8)
        guard Glibc.send(socket, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count else {
            throw Failure(description: "could not send \(method) \(path)")
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count == 0 { break }
            guard count > 0 else { throw Failure(description: "no answer to \(method) \(path) within 10 s") }
            received += buffer[0..<count]
        }
        return try Self.parse(String(decoding: received, as: UTF8.self))
    }

    private func connect() throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "no socket") }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(socket)
            throw Failure(description: "cannot connect to 127.0.0.1:\(port)")
        }
        return socket
    }

    static func parse(_ text: String) throws -> Reply {
        guard let split = text.range(of: "\r\n\r\n") else { throw Failure(description: "no HTTP header in reply") }
        let lines = text[..<split.lowerBound].components(separatedBy: "\r\n")
        let statusWords = lines[0].split(separator: " ")
        guard statusWords.count >= 2, let status = Int(statusWords[1]) else {
            throw Failure(description: "bad status line")
        }
        let headers = lines.dropFirst().compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        return Reply(status: status, headers: headers, body: String(text[split.upperBound...]))
    }
}

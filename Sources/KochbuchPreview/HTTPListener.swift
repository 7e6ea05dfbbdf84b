import Foundation
import KochbuchModel
#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 server for the preview: GET and HEAD, one request per connection, each
/// connection on a thread of its own. Written here rather than taken from a web framework because
/// those bring Foundation's networking, and with it libcurl and some thirty libraries that every
/// `kochbuch` command would load at start, about 4 ms each time.
///
/// What it accepts: at most `maximumConnections` at once (more get 503 at once); a request head
/// of at most 16 KiB (else 431) that arrives within 10 s; a `Host` header that is `localhost` or
/// an IP address, with the port it listens on (else 421: a web page that rebinds its own domain
/// name to 127.0.0.1 cannot read the preview); a client that stops reading the answer for 10 s is dropped.
final class HTTPListener: @unchecked Sendable {
    /// An answer to a request.
    struct Response: Sendable {
        var status: Int
        var contentType: String
        var body: Data
    }

    typealias Handler = @Sendable (_ path: String) async -> Response

    /// The port it listens on (the one the system picked when asked for 0).
    let port: UInt16
    private let descriptor: Int32
    private let handler: Handler
    private let lock = NSLock()
    private var stopped = false
    private var openConnections = 0

    /// Connections served at once; a stalled client holds one thread and its answer.
    static let maximumConnections = 32
    /// How long a request head may take to arrive, and a client may stop reading.
    static let timeout = 10
    static let maximumHeadSize = 16 * 1024

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Listens on `host` (an IPv4 address) and `port`; answers from `handler` once `start` is called.
    init(host: String, port: UInt16, handler: @escaping Handler) throws {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else { throw Failure(description: Phrase(de: "'\(host)' ist keine IPv4-Adresse", en: "'\(host)' is not an IPv4 address").text(in: .current)) }
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: String(cString: strerror(errno))) }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 64) == 0 else {
            let message = String(cString: strerror(errno))
            close(descriptor)
            throw Failure(description: message)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        self.descriptor = descriptor
        self.port = UInt16(bigEndian: actual.sin_port)
        self.handler = handler
    }

    /// Accepts connections on a thread of its own until `stop`.
    func start() {
        Thread.detachNewThread { [self] in
            while true {
                let connection = accept(descriptor, nil, nil)
                if connection < 0 {
                    if errno == EINTR || errno == ECONNABORTED { continue }
                    break
                }
                _ = fcntl(connection, F_SETFD, FD_CLOEXEC)
                var timeout = timeval(tv_sec: Self.timeout, tv_usec: 0)
                setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                setsockopt(connection, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                let admitted = lock.withLock {
                    guard openConnections < Self.maximumConnections else { return false }
                    openConnections += 1
                    return true
                }
                guard admitted else {
                    // Turned away without waiting: what has arrived is read away, so the answer is not lost to a reset.
                    var buffer = [UInt8](repeating: 0, count: 16384)
                    while buffer.withUnsafeMutableBytes({ recv(connection, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }) > 0 {}
                    send(Self.plain(503, "Zu viele gleichzeitige Verbindungen; bitte gleich noch einmal laden.\n"), to: connection, body: true)
                    shutdown(connection, Int32(SHUT_WR))
                    close(connection)
                    continue
                }
                Thread.detachNewThread { [self] in
                    serve(connection)
                    lock.withLock { openConnections -= 1 }
                }
            }
        }
    }

    /// Stops accepting; requests already being answered finish.
    func stop() {
        let first = lock.withLock {
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        shutdown(descriptor, Int32(SHUT_RDWR))
        close(descriptor)
    }

    private static func plain(_ status: Int, _ text: String) -> Response {
        Response(status: status, contentType: "text/plain; charset=utf-8", body: Data(text.utf8))
    }

    private func serve(_ connection: Int32) {
        defer { closeAfterAnswer(connection) }
        let head: Head
        switch readHead(connection) {
        case .complete(let complete): head = complete
        case .tooLarge: return send(Self.plain(431, "Request Header Fields Too Large\n"), to: connection, body: true)
        case .incomplete: return
        }
        let parts = head.requestLine.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1.") else {
            return send(Self.plain(400, "Bad Request\n"), to: connection, body: true)
        }
        let method = String(parts[0])
        guard method == "GET" || method == "HEAD" else {
            return send(Self.plain(405, "Method Not Allowed\n"), to: connection, body: true)
        }
        let hosts = head.fields["host"] ?? []
        guard hosts.count == 1, accepts(host: hosts[0]) else {
            return send(Self.plain(421, "Diese Vorschau antwortet nur unter localhost:\(port) oder einer IP-Adresse mit diesem Port, nicht unter einem anderen Namen.\n"),
                        to: connection, body: true)
        }
        let target = String(parts[1])
        let path = String(target.prefix { $0 != "?" && $0 != "#" })
        let answer = Answer()
        let done = DispatchSemaphore(value: 0)
        let handler = handler
        Task {
            answer.response = await handler(path)
            done.signal()
        }
        done.wait()
        send(answer.response!, to: connection, body: method == "GET")
    }

    /// Ends the connection so that the answer arrives: writing is shut first, then what the client
    /// still sends (an oversized head) is read away for at most a second, and only then is the socket
    /// closed; closing with unread input would reset the connection and lose the answer.
    private func closeAfterAnswer(_ connection: Int32) {
        shutdown(connection, Int32(SHUT_WR))
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 16384)
        var drained = 0
        let deadline = Date().addingTimeInterval(1)
        while drained < 1 << 20, Date() < deadline {
            let count = buffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            drained += count
        }
        close(connection)
    }

    /// Whether a `Host` header names this server by `localhost` or an IP address and its port.
    /// A domain name is refused: that is how DNS rebinding reaches a server on 127.0.0.1.
    func accepts(host value: String) -> Bool {
        let value = value.lowercased()
        let suffix = ":\(port)"
        let name: Substring
        if value.hasSuffix(suffix) {
            name = value.dropLast(suffix.count)
        } else if port == 80 {
            name = Substring(value)
        } else {
            return false
        }
        if name == "localhost" { return true }
        if name.hasPrefix("["), name.hasSuffix("]") {
            var address = in6_addr()
            return inet_pton(AF_INET6, String(name.dropFirst().dropLast()), &address) == 1
        }
        var address = in_addr()
        return inet_pton(AF_INET, String(name), &address) == 1
    }

    /// A request head: its first line and its fields (names lowercased, values trimmed).
    private struct Head {
        var requestLine: Substring
        var fields: [String: [String]]
    }

    private enum HeadResult {
        case complete(Head)
        case tooLarge
        case incomplete
    }

    /// The request head, once it has arrived whole: within `maximumHeadSize` bytes and `timeout`
    /// seconds in all (a client sending a byte now and then does not hold the connection longer).
    private func readHead(_ connection: Int32) -> HeadResult {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let deadline = Date().addingTimeInterval(TimeInterval(Self.timeout))
        while Date() < deadline {
            let count = buffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return .incomplete }
            received += buffer[0..<count]
            if let end = Self.endOfHead(received) {
                guard end <= Self.maximumHeadSize else { return .tooLarge }
                let text = String(decoding: received[..<end], as: UTF8.self)
                let lines = text.split(separator: "\r\n", omittingEmptySubsequences: false)
                var fields: [String: [String]] = [:]
                for line in lines.dropFirst() {
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    let name = line[..<colon].lowercased()
                    fields[name, default: []].append(line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
                }
                return .complete(Head(requestLine: lines.first ?? "", fields: fields))
            }
            if received.count > Self.maximumHeadSize { return .tooLarge }
        }
        return .incomplete
    }

    /// Where the blank line that ends a request head begins, if the bytes hold it.
    private static func endOfHead(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4)
        where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index
        }
        return nil
    }

    private func send(_ response: Response, to connection: Int32, body: Bool) {
        let reason = [200: "OK", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed", 421: "Misdirected Request",
                      431: "Request Header Fields Too Large", 500: "Internal Server Error", 503: "Service Unavailable"][response.status] ?? "Status"
        var bytes = Data("""
            HTTP/1.1 \(response.status) \(reason)\r
            Content-Type: \(response.contentType)\r
            Content-Length: \(response.body.count)\r
            Cache-Control: no-store\r
            X-Content-Type-Options: nosniff\r
            Connection: close\r
            \r\n
            """.utf8)
        if body { bytes += response.body }
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let sent = Glibc.send(connection, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if sent <= 0 { return }
                offset += sent
            }
        }
    }

    private final class Answer: @unchecked Sendable {
        var response: Response?
    }
}

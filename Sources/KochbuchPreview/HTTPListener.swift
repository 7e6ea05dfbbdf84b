import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 server for the preview: GET and HEAD, one request per connection, each
/// connection on a thread of its own. Written here rather than taken from a web framework because
/// those bring Foundation's networking, and with it libcurl and some thirty libraries that every
/// `kochbuch` command would load at start, about 4 ms each time.
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

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Listens on `host` (an IPv4 address) and `port`; answers from `handler` once `start` is called.
    init(host: String, port: UInt16, handler: @escaping Handler) throws {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else { throw Failure(description: "'\(host)' is not an IPv4 address") }
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
                Thread.detachNewThread { [self] in serve(connection) }
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

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard let head = readHead(connection) else { return }
        let parts = head.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1.") else {
            return send(Response(status: 400, contentType: "text/plain; charset=utf-8", body: Data("Bad Request\n".utf8)), to: connection, body: true)
        }
        let method = String(parts[0])
        guard method == "GET" || method == "HEAD" else {
            return send(Response(status: 405, contentType: "text/plain; charset=utf-8", body: Data("Method Not Allowed\n".utf8)), to: connection, body: true)
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

    /// The request line, once the whole head has arrived (at most 16 KiB); nil when it does not.
    private func readHead(_ connection: Int32) -> Substring? {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while received.count < 16 * 1024 {
            let count = buffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return nil }
            received += buffer[0..<count]
            if Self.containsEnd(received) {
                let text = String(decoding: received, as: UTF8.self)
                return text.split(separator: "\r\n", maxSplits: 1, omittingEmptySubsequences: false).first
            }
        }
        return nil
    }

    /// Whether the bytes hold the blank line that ends a request head.
    private static func containsEnd(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 4 else { return false }
        for index in 0...(bytes.count - 4)
        where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return true
        }
        return false
    }

    private func send(_ response: Response, to connection: Int32, body: Bool) {
        let reason = [200: "OK", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed", 500: "Internal Server Error"][response.status] ?? "Status"
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

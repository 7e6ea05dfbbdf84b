import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import KochbuchLinking
import KochbuchModel

/// Checks the book's external links (http and https) with HEAD, falling back to GET, with a timeout
/// and a limit on parallel requests. Without a network it says so instead of hanging.
public struct ExternalLinkChecker: Sendable {
    /// A link and where the book uses it.
    public struct Link: Sendable, Hashable {
        public var url: String
        public var locations: [SourceLocation]
    }

    /// What happened to one link.
    public enum Outcome: Sendable, Equatable {
        case ok(status: Int)
        case dead(status: Int)
        case failed(String)
        /// The network itself could not be used (no route, no name resolution).
        case unreachable(String)
    }

    public struct Report: Sendable {
        public var results: [(link: Link, outcome: Outcome)]
        /// Every request failed for network reasons: the check could not run.
        public var offline: Bool {
            !results.isEmpty && results.allSatisfy { if case .unreachable = $0.outcome { true } else { false } }
        }
        public var dead: [(link: Link, outcome: Outcome)] {
            results.filter {
                switch $0.outcome {
                case .dead, .failed: true
                case .ok, .unreachable: false
                }
            }
        }
    }

    public var timeout: TimeInterval
    public var concurrency: Int

    public init(timeout: TimeInterval = 10, concurrency: Int = 8) {
        self.timeout = timeout
        self.concurrency = max(1, concurrency)
    }

    /// The external http(s) links of a book, each with the places that use it, sorted by URL.
    public static func links(in book: Book) -> [Link] {
        var places: [String: [SourceLocation]] = [:]
        let graph = LinkGraph(book: book)
        for entry in graph.externalLinks { places[entry.link.href, default: []].append(entry.link.location) }
        for recipe in book.recipes {
            for source in recipe.sources { if let href = source.href { places[href, default: []].append(recipe.location) } }
            for example in recipe.examples { if let href = example.href { places[href, default: []].append(recipe.location) } }
        }
        if let manifest = book.manifest, let href = manifest.licenceURL { places[href, default: []].append(manifest.location) }
        return places.filter { $0.key.hasPrefix("http://") || $0.key.hasPrefix("https://") }
            .map { Link(url: $0.key, locations: Array(Set($0.value)).sorted()) }.sorted { $0.url < $1.url }
    }

    public func check(_ links: [Link]) async -> Report {
        // Name resolution first, with a deadline: without a network it fails or hangs for every host,
        // and the links on hosts that cannot be resolved are not requested at all.
        let hosts = Set(links.compactMap { URL(string: $0.url)?.host })
        let resolvable = HostResolver.resolvable(hosts, within: min(timeout, 5))
        let reachable = links.filter { link in URL(string: link.url)?.host.map(resolvable.contains) ?? false }
        let unresolved = links.filter { link in !(URL(string: link.url)?.host.map(resolvable.contains) ?? false) }
        var report = await request(reachable)
        report.results += unresolved.map { ($0, .unreachable("the host name cannot be resolved from here")) }
        report.results.sort { $0.link.url < $1.link.url }
        return report
    }

    private func request(_ links: [Link]) async -> Report {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout * 2
        configuration.httpAdditionalHeaders = ["User-Agent": "kochbuch check-links"]
        let session = URLSession(configuration: configuration)
        var results: [(Link, Outcome)] = []
        var index = 0
        while index < links.count {
            let batch = links[index..<min(index + concurrency, links.count)]
            index += batch.count
            let outcomes = await withTaskGroup(of: (Int, Outcome).self) { group in
                for (offset, link) in batch.enumerated() {
                    group.addTask { (offset, await Self.probe(link.url, session: session)) }
                }
                var collected: [(Int, Outcome)] = []
                for await result in group { collected.append(result) }
                return collected.sorted { $0.0 < $1.0 }.map(\.1)
            }
            results += zip(batch, outcomes).map { ($0, $1) }
        }
        session.invalidateAndCancel()
        return Report(results: results)
    }

    static func probe(_ address: String, session: URLSession) async -> Outcome {
        guard let url = URL(string: address) else { return .failed("not a valid address") }
        var outcome = await request(url, method: "HEAD", session: session)
        if case .dead(let status) = outcome, [403, 405, 501].contains(status) {
            outcome = await request(url, method: "GET", session: session)
        }
        return outcome
    }

    private static func request(_ url: URL, method: String, session: URLSession) async -> Outcome {
        var request = URLRequest(url: url)
        request.httpMethod = method
        if method == "GET" { request.setValue("bytes=0-0", forHTTPHeaderField: "Range") }
        do {
            let (_, response) = try await session.data(for: request)
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            return status < 400 ? .ok(status: status) : .dead(status: status)
        } catch let error as URLError {
            switch error.code {
            case .notConnectedToInternet, .cannotFindHost, .dnsLookupFailed, .networkConnectionLost, .internationalRoamingOff, .dataNotAllowed:
                return .unreachable(error.localizedDescription)
            case .timedOut:
                return .failed("no answer within the timeout")
            default:
                return .failed(error.localizedDescription)
            }
        } catch {
            return .failed("\(error)")
        }
    }
}

/// Resolves host names in parallel with a deadline (getaddrinfo itself may hang without a network).
enum HostResolver {
    private final class Found: @unchecked Sendable {
        let lock = NSLock()
        var hosts: Set<String> = []
        func insert(_ host: String) {
            lock.lock()
            hosts.insert(host)
            lock.unlock()
        }
        var snapshot: Set<String> {
            lock.lock()
            defer { lock.unlock() }
            return hosts
        }
    }

    static func resolvable(_ hosts: Set<String>, within seconds: TimeInterval) -> Set<String> {
        let found = Found()
        let group = DispatchGroup()
        for host in hosts {
            if isIPLiteral(host) {
                found.insert(host)
                continue
            }
            group.enter()
            Thread.detachNewThread {
                var hints = addrinfo()
                hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
                var result: UnsafeMutablePointer<addrinfo>?
                if getaddrinfo(host, nil, &hints, &result) == 0 {
                    found.insert(host)
                    freeaddrinfo(result)
                }
                group.leave()
            }
        }
        _ = group.wait(timeout: .now() + seconds)
        return found.snapshot
    }

    static func isIPLiteral(_ host: String) -> Bool {
        var ipv4 = in_addr()
        var ipv6 = in6_addr()
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return inet_pton(AF_INET, bare, &ipv4) == 1 || inet_pton(AF_INET6, bare, &ipv6) == 1
    }
}

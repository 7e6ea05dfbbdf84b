import CCurl
import Foundation
import KochbuchLinking
import KochbuchModel

/// Checks the book's external links (http and https) with HEAD, falling back to GET, with a timeout
/// and a limit on parallel requests, through libcurl. Without a network it says so instead of hanging.
public struct ExternalLinkChecker: Sendable {
    /// A link and where the book uses it.
    public struct Link: Sendable, Hashable {
        public var url: String
        public var locations: [SourceLocation]
    }

    /// What happened to one link; a reason is worded in the user's language (`Language.current`),
    /// except libcurl's own messages.
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
        report.results += unresolved.map { ($0, .unreachable(LinkReason.unresolvable.text(in: .current))) }
        report.results.sort { $0.link.url < $1.link.url }
        return report
    }

    private func request(_ links: [Link]) async -> Report {
        guard !links.isEmpty else { return Report(results: []) }
        guard let client = HTTPProbe.shared else {
            return Report(results: links.map {
                ($0, .failed(LinkReason.noCurl.text(in: .current)))
            })
        }
        let timeout = timeout
        let outcomes = await withCheckedContinuation { continuation in
            HTTPProbe.run(links.count, threads: concurrency) { index in
                client.probe(links[index].url, timeout: timeout)
            } done: { continuation.resume(returning: $0) }
        }
        return Report(results: Array(zip(links, outcomes)))
    }
}

/// Why a link could not be checked, in both languages.
enum LinkReason {
    static let unresolvable = Phrase(de: "der Hostname lässt sich von hier aus nicht auflösen",
                                     en: "the host name cannot be resolved from here")
    static let noNetwork = Phrase(de: "das Netz ist von hier aus nicht erreichbar",
                                  en: "the network cannot be reached from here")
    static let timedOut = Phrase(de: "keine Antwort innerhalb der Wartezeit",
                                 en: "no answer within the timeout")
    static let invalidAddress = Phrase(de: "keine gültige Adresse",
                                       en: "not a valid address")
    static let noCurl = Phrase(de: "libcurl lässt sich nicht laden; installieren Sie das Debian-Paket libcurl4, um externe Links zu prüfen",
                               en: "cannot load libcurl; install the Debian package libcurl4 to check external links")
}

/// HTTP requests through libcurl, which is loaded the first time it is needed.
final class HTTPProbe: @unchecked Sendable {
    private var api = kb_curl()

    /// The probe, or nil when libcurl cannot be loaded.
    static let shared: HTTPProbe? = {
        let probe = HTTPProbe()
        return kb_curl_open(&probe.api) == 0 ? probe : nil
    }()

    /// HEAD, then GET of the first byte when the server refuses HEAD.
    func probe(_ address: String, timeout: TimeInterval) -> ExternalLinkChecker.Outcome {
        guard let url = URL(string: address), url.host != nil else { return .failed(LinkReason.invalidAddress.text(in: .current)) }
        var outcome = request(address, head: true, timeout: timeout)
        if case .dead(let status) = outcome, [403, 405, 501].contains(status) {
            outcome = request(address, head: false, timeout: timeout)
        }
        return outcome
    }

    private func request(_ address: String, head: Bool, timeout: TimeInterval) -> ExternalLinkChecker.Outcome {
        var status = 0
        var systemError = 0
        let code = withUnsafePointer(to: api) { api in
            kb_curl_request(api, address, head ? 1 : 0, Int(timeout * 1000), "kochbuch check-links", &status, &systemError)
        }
        switch code {
        case 0:
            return status < 400 ? .ok(status: status) : .dead(status: status)
        case Int32(KB_CURLE_OPERATION_TIMEDOUT):
            return .failed(LinkReason.timedOut.text(in: .current))
        case Int32(KB_CURLE_COULDNT_RESOLVE_HOST):
            return .unreachable(LinkReason.unresolvable.text(in: .current))
        case Int32(KB_CURLE_COULDNT_CONNECT) where [ENETUNREACH, EHOSTUNREACH, ENETDOWN].contains(Int32(systemError)):
            return .unreachable(LinkReason.noNetwork.text(in: .current))
        default:
            return .failed(withUnsafePointer(to: api) { String(cString: kb_curl_error($0, code)) })
        }
    }

    /// Runs `work` for 0..<count on `threads` threads of their own (the requests block), then
    /// calls `done` with the results in order.
    static func run<Result: Sendable>(_ count: Int, threads: Int, _ work: @escaping @Sendable (Int) -> Result,
                                      done: @escaping @Sendable ([Result]) -> Void) {
        let results = Results<Result>(count: count)
        let group = DispatchGroup()
        for _ in 0..<min(max(threads, 1), count) {
            group.enter()
            Thread.detachNewThread {
                while let index = results.next() { results.store(work(index), at: index) }
                group.leave()
            }
        }
        group.notify(queue: .global()) { done(results.all) }
    }

    private final class Results<Result>: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Result?]
        private var taken = 0

        init(count: Int) { values = Array(repeating: nil, count: count) }

        func next() -> Int? {
            lock.withLock {
                guard taken < values.count else { return nil }
                defer { taken += 1 }
                return taken
            }
        }

        func store(_ value: Result, at index: Int) { lock.withLock { values[index] = value } }

        var all: [Result] { lock.withLock { values.map { $0! } } }
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

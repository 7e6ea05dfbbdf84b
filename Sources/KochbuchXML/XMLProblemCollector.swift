import CLibXML2

/// Collects libxml2's structured errors for the duration of one synchronous call.
///
/// libxml2's structured error handler is thread-local global state. The collector installs
/// itself, runs the body with no suspension point in between, and restores the default.
final class XMLProblemCollector {
    private(set) var problems: [XMLProblem] = []
    /// The node each problem concerns, valid while its document lives.
    private(set) var nodes: [xmlNodePtr?] = []

    func add(_ error: xmlError) {
        let level: XMLProblem.Level = switch error.level {
        case XML_ERR_WARNING: .warning
        case XML_ERR_FATAL: .fatal
        default: .error
        }
        let message = error.message.map { String(cString: $0) } ?? "unknown libxml2 error"
        var nodeName: String?
        let node = error.node?.assumingMemoryBound(to: xmlNode.self)
        if let node, let name = node.pointee.name {
            nodeName = String(cString: name)
        }
        nodes.append(node)
        problems.append(XMLProblem(
            level: level,
            line: Int(error.line),
            column: Int(error.int2),
            message: message.trimmingCharacters(in: .whitespacesAndNewlines),
            nodeName: nodeName,
            code: Int(error.code)
        ))
    }

    /// Runs `body` with this collector as the thread's structured error handler.
    func collecting<T>(_ body: () -> T) -> T {
        let context = Unmanaged.passUnretained(self).toOpaque()
        xmlSetStructuredErrorFunc(context, xmlProblemHandler)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        return body()
    }

    /// A handler for APIs that take their own structured error callback (schema contexts).
    var handler: xmlStructuredErrorFunc { xmlProblemHandler }
    var context: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}

let xmlProblemHandler: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    Unmanaged<XMLProblemCollector>.fromOpaque(context).takeUnretainedValue().add(error.pointee)
}

import Foundation

import CLibXML2
import Foundation

/// The process-wide rule for what libxml2 may load besides the bytes it is given:
/// files inside explicitly allowed directories (the schema folder), nothing else.
/// No network, no `file://` elsewhere, no external entities or DTDs.
public enum ExternalResourcePolicy {
    private static let state = State()

    private final class State: @unchecked Sendable {
        let lock = NSLock()
        var directories: Set<String> = []
        var installed = false
    }

    /// Permits loading files inside `directory` (used for schema includes and imports).
    public static func allow(directory: String) {
        installIfNeeded()
        let normalized = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath().path
        state.lock.lock()
        state.directories.insert(normalized.hasSuffix("/") ? normalized : normalized + "/")
        state.lock.unlock()
    }

    /// Whether libxml2 may open this URL or path.
    public static func permits(_ resource: String) -> Bool {
        var path = resource
        if path.hasPrefix("file://") { path = String(path.dropFirst("file://".count)) }
        guard path.hasPrefix("/"), !path.contains("://") else { return false }
        let normalized = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        state.lock.lock()
        defer { state.lock.unlock() }
        return state.directories.contains { normalized.hasPrefix($0) }
    }

    static func installIfNeeded() {
        state.lock.lock()
        defer { state.lock.unlock() }
        guard !state.installed else { return }
        state.installed = true
        xmlInitParser()
        xmlSetExternalEntityLoader { url, _, context in
            guard let url else { return nil }
            let resource = String(cString: url)
            guard ExternalResourcePolicy.permits(resource) else { return nil }
            return xmlNewInputFromFile(context, resource.hasPrefix("file://") ? String(resource.dropFirst(7)) : resource)
        }
    }
}

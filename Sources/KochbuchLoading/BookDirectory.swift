import Foundation

/// The files of a book folder, relative to it, sorted; hidden files and folders skipped.
/// Symbolic links that lead outside the folder are listed as problems, never followed.
struct BookDirectory {
    private(set) var files: [String] = []
    private(set) var problems: [String] = []

    init(root: URL) {
        let rootPath = root.resolvingSymlinksInPath().path
        let prefix = rootPath.hasSuffix("/") ? rootPath : rootPath + "/"
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey, .isDirectoryKey],
            options: [.skipsHiddenFiles]) else { return }
        for case let url as URL in enumerator {
            let relative = Self.relativePath(of: url, under: root)
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey, .isDirectoryKey])
            if values?.isSymbolicLink == true {
                let target = url.resolvingSymlinksInPath().path
                if !target.hasPrefix(prefix) {
                    problems.append(relative)
                    continue
                }
                var isDirectory: ObjCBool = false
                if manager.fileExists(atPath: target, isDirectory: &isDirectory), !isDirectory.boolValue {
                    files.append(relative)
                }
                continue
            }
            if values?.isRegularFile == true { files.append(relative) }
        }
        files.sort()
        problems.sort()
    }

    static func relativePath(of url: URL, under root: URL) -> String {
        let rootComponents = root.standardizedFileURL.pathComponents
        let components = url.standardizedFileURL.pathComponents
        return components.dropFirst(rootComponents.count).joined(separator: "/")
    }
}

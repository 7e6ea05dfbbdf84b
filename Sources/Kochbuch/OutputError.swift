import Foundation

/// A build that could not write its output, in a sentence that names the path and what to do.
public struct OutputError: Error, CustomStringConvertible {
    public let description: String

    init(_ error: NSError, output: URL) {
        let path = (error.userInfo[NSFilePathErrorKey] as? String) ?? (error.userInfo[NSURLErrorKey] as? URL)?.path ?? output.path
        let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError
        let code = Int32(underlying?.domain == NSPOSIXErrorDomain ? underlying!.code : (error.domain == NSPOSIXErrorDomain ? error.code : 0))
        let folder = (path as NSString).deletingLastPathComponent
        let unchanged = "the published editions are unchanged"
        switch code {
        case EACCES, EPERM:
            description = "cannot write into \(folder): permission denied; choose an --out folder you may write to, or change its permissions (\(unchanged))"
        case EROFS:
            description = "cannot write into \(folder): the file system is read-only; choose another --out (\(unchanged))"
        case ENOSPC, EDQUOT:
            description = "cannot write \(path): no space left on the device; free some space and build again (\(unchanged))"
        case EEXIST, ENOTDIR:
            description = "cannot write \(path): a file is in the way where a folder belongs; move it away or choose another --out (\(unchanged))"
        case 0:
            description = "cannot write \(path): \(error.localizedDescription) (\(unchanged))"
        default:
            description = "cannot write \(path): \(String(cString: strerror(code))) (\(unchanged))"
        }
    }
}

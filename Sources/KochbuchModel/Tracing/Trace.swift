import Foundation

/// Phase times for profiling a build from outside: with `KOCHBUCH_TRACE` set (to anything), each
/// mark prints the seconds since the first mark and the phase just finished on standard error.
/// Without it a mark costs one check.
public enum Trace {
    private static let enabled = ProcessInfo.processInfo.environment["KOCHBUCH_TRACE"] != nil
    private static let start = Date()

    /// Prints `name` with the time since the first mark, when tracing is on.
    public static func mark(_ name: @autoclosure () -> String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data(String(format: "%7.3f s  %@\n", Date().timeIntervalSince(start), name()).utf8))
    }
}

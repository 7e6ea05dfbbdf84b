import Foundation

enum Terminal {
    /// Colour only on a terminal, and never when NO_COLOR is set.
    static var isColourCapable: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }
}

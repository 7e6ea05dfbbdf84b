import Foundation

/// One whole-process run of a command: wall time, peak resident memory, exit status.
public struct Measurement: Sendable, Codable {
    public var seconds: Double
    public var peakRSSMegabytes: Double
    public var status: Int32

    /// Runs a command to its end, its output discarded, and measures it with `wait4`.
    public static func run(_ executable: String, _ arguments: [String]) throws -> Measurement {
        var pid: pid_t = 0
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let start = DispatchTime.now().uptimeNanoseconds
        let spawned = posix_spawnp(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw CocoaError(.executableNotLoadable, userInfo: [NSFilePathErrorKey: executable]) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Measurement(seconds: seconds, peakRSSMegabytes: Double(usage.ru_maxrss) / 1024, status: exit)
    }
}

/// Several runs of one thing: median, spread, peak memory.
public struct Series: Sendable, Codable {
    public var name: String
    public var runs: [Double]
    public var peakRSSMegabytes: Double
    public var target: String?
    public var met: Bool?

    public var median: Double { Self.percentile(runs, 0.5) }
    public var minimum: Double { runs.min() ?? 0 }
    public var maximum: Double { runs.max() ?? 0 }

    public static func percentile(_ values: [Double], _ fraction: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let position = fraction * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down)), upper = Int(position.rounded(.up))
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
    }
}

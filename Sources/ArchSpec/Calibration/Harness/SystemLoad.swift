#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A reading of whole-machine CPU time (Linux /proc/stat) and this process's own CPU time, used to detect
/// other work and hypervisor steal during a timed window.
public struct SystemLoadSample: Hashable, Sendable {
    /// Busy time of all CPUs (user + nice + system + irq + softirq), seconds.
    public var busy: Double
    /// Time stolen by the hypervisor, all CPUs, seconds.
    public var steal: Double
    /// All accounted CPU time, seconds.
    public var total: Double
    /// This process's user + system time, seconds.
    public var own: Double
    /// Whether /proc/stat could be read (false on macOS: interference is then not detected).
    public var available: Bool

    /// Parses the aggregate `cpu` line of /proc/stat (clock ticks at `ticksPerSecond`).
    public static func parse(stat: String, own: Double, ticksPerSecond: Double = 100) -> SystemLoadSample {
        guard let line = stat.split(separator: "\n").first(where: { $0.hasPrefix("cpu ") }) else {
            return SystemLoadSample(busy: 0, steal: 0, total: 0, own: own, available: false)
        }
        let v = line.split(separator: " ").dropFirst().compactMap { Double($0) }.map { $0 / ticksPerSecond }
        func at(_ i: Int) -> Double { i < v.count ? v[i] : 0 }
        let busy = at(0) + at(1) + at(2) + at(5) + at(6)
        return SystemLoadSample(busy: busy, steal: at(7), total: v.prefix(8).reduce(0, +), own: own, available: true)
    }

    public static func now() -> SystemLoadSample {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        let own = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        guard let stat = SystemFiles.read("/proc/stat", limit: 4096) else {
            return SystemLoadSample(busy: 0, steal: 0, total: 0, own: own, available: false)
        }
        return parse(stat: stat, own: own)
    }
}

/// What else ran during a timed window.
public struct Interference: Hashable, Codable, Sendable {
    /// CPU time used by other processes, in cores (0.5 = half of one core busy on average).
    public var otherCores: Double
    /// Fraction of all CPU time stolen by the hypervisor.
    public var stealFraction: Double

    public init(otherCores: Double, stealFraction: Double) {
        self.otherCores = otherCores
        self.stealFraction = stealFraction
    }

    /// The interference between two readings `wall` seconds apart.
    public init(from start: SystemLoadSample, to end: SystemLoadSample, wall: Double) {
        guard start.available, end.available, wall > 0 else {
            self.init(otherCores: 0, stealFraction: 0)
            return
        }
        let others = (end.busy - start.busy) - (end.own - start.own)
        let total = end.total - start.total
        self.init(otherCores: max(0, others / wall), stealFraction: total > 0 ? (end.steal - start.steal) / total : 0)
    }

    /// True when other work used more than 5% of a core or steal exceeded 2% (the research note's thresholds).
    public var isContaminated: Bool { otherCores > 0.05 || stealFraction > 0.02 }
}

/// The samples of one measured window and the rates derived from them.
public struct Timing: Hashable, Codable, Sendable {
    /// Every timed sample, seconds, in the order measured.
    public var seconds: [Double]
    /// Work per sample (bytes or FLOPs).
    public var work: Double
    public var interference: Interference

    /// Median sample time, seconds.
    public var median: Double { Self.median(seconds) }
    /// Fastest sample, seconds.
    public var fastest: Double { seconds.min() ?? 0 }
    /// Sustained rate: work per median sample, units per second.
    public var sustainedRate: Double { median > 0 ? work / median : 0 }
    /// Best rate: work per fastest sample, units per second.
    public var bestRate: Double { fastest > 0 ? work / fastest : 0 }
    /// Spread of the samples: (slowest - fastest) / median.
    public var spread: Double {
        guard let lo = seconds.min(), let hi = seconds.max(), median > 0 else { return 0 }
        return (hi - lo) / median
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let s = values.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}

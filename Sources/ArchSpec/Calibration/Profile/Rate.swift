/// One measured rate: sustained (median sample) and best (fastest sample), with the samples behind them.
public struct Rate: Hashable, Codable, Sendable {
    /// Work per median sample, units per second (bytes/s or FLOP/s): the figure predictions use.
    public var sustained: Double
    /// Work per fastest sample, units per second (the STREAM/ERT-style ceiling).
    public var best: Double
    /// (slowest - fastest) / median sample time.
    public var spread: Double
    /// Every timed sample of the kept window, seconds.
    public var samples: [Double]
    /// Other processes' CPU use during the window, in cores.
    public var otherCores: Double
    /// Hypervisor steal during the window, fraction of all CPU time.
    public var steal: Double

    public init(_ timing: Timing) {
        sustained = timing.sustainedRate
        best = timing.bestRate
        spread = timing.spread
        samples = timing.seconds.map { ($0 * 1e7).rounded() / 1e7 }
        otherCores = (timing.interference.otherCores * 1000).rounded() / 1000
        steal = (timing.interference.stealFraction * 1000).rounded() / 1000
    }

    enum CodingKeys: String, CodingKey {
        case sustained, best, spread, samples = "samples_s", otherCores = "other_cores", steal
    }

    /// Median sample time, seconds.
    public var medianSeconds: Double { Timing.median(samples) }
}

/// Timing protocol for every calibration benchmark (STREAM/ERT style): one warm-up run thrown away, then
/// timed samples until both a sample count and a minimum time are reached, every sample kept; the window
/// is repeated when other work or steal is detected, keeping the cleanest window.
public struct BenchmarkProtocol: Hashable, Codable, Sendable {
    /// Timed samples per window, at least.
    public var samples: Int
    /// Seconds of timed work per window, at least.
    public var minimumSeconds: Double
    /// Extra windows allowed when interference is detected.
    public var retries: Int

    public init(samples: Int, minimumSeconds: Double, retries: Int) {
        self.samples = samples
        self.minimumSeconds = minimumSeconds
        self.retries = retries
    }

    /// Used by `calibrate` without `--quick`: 7 samples, at least 0.1 s, up to 2 repeated windows.
    public static let full = BenchmarkProtocol(samples: 7, minimumSeconds: 0.1, retries: 2)
    /// Used by `calibrate --quick`: 3 samples, at least 0.03 s, one repeated window at most.
    public static let quick = BenchmarkProtocol(samples: 3, minimumSeconds: 0.03, retries: 1)
    /// For tests: one sample, no minimum time.
    public static let smoke = BenchmarkProtocol(samples: 1, minimumSeconds: 0, retries: 0)
}

/// Escapes a value so the optimiser cannot drop the work that produced it.
@inline(never)
public func consume<T>(_ value: T) {
    withUnsafePointer(to: value) { _ = $0 }
}

/// Runs `body` under `protocol` and returns the timing of the cleanest window.
///
/// - Parameters:
///   - work: Units of work one call of `body` does (bytes or FLOPs), carried into the result.
///   - body: The measured work; its return value is consumed.
/// - Returns: Every sample of the kept window, with the interference seen during it.
public func measure<R>(
    work: Double, protocol proto: BenchmarkProtocol, _ body: () -> R
) -> Timing {
    consume(body())  // warm-up, thrown away
    var best: Timing?
    for _ in 0...max(0, proto.retries) {
        var samples: [Double] = []
        let start = SystemLoadSample.now()
        let clock = ContinuousClock()
        let windowStart = clock.now
        var elapsed = 0.0
        while samples.count < max(1, proto.samples) || elapsed < proto.minimumSeconds {
            let t0 = clock.now
            consume(body())
            samples.append(seconds(clock.now - t0))
            elapsed = seconds(clock.now - windowStart)
            if samples.count >= 1000 { break }
        }
        let interference = Interference(from: start, to: .now(), wall: elapsed)
        let timing = Timing(seconds: samples, work: work, interference: interference)
        if best == nil || interference.otherCores + 10 * interference.stealFraction
            < best!.interference.otherCores + 10 * best!.interference.stealFraction {
            best = timing
        }
        if !interference.isContaminated { break }
    }
    return best!
}

/// True in builds without optimisation, where calibration figures measure the compiler, not the machine.
public var isDebugBuild: Bool {
    _isDebugAssertConfiguration()
}

/// A replica (or pool) in steady state at one request rate: its concurrency, step times and latencies.
public struct OperatingPoint: Hashable, Codable, Sendable {
    /// Requests per second this replica receives.
    public var requestRate: Double
    /// Sequences decoding at once, on average (Little's law: rate x E[output] x step time).
    public var concurrency: Double
    /// Mean step time, seconds: the mean gap between two tokens of one sequence.
    public var stepSeconds: Double
    /// A step with decodes only, and one with a full prefill chunk beside the decodes, seconds.
    public var decodeStepSeconds: Double
    public var chunkStepSeconds: Double
    /// Share of steps that carry a prefill chunk.
    public var chunkShare: Double
    /// Prefill server utilisation (share of time spent on prompts), rho.
    public var prefillUtilisation: Double
    /// Time to first token and time per output token, seconds (0 where the pool does not produce it).
    public var ttftP50: Double
    public var ttftP90: Double
    public var tpotP50: Double
    public var tpotP90: Double
    /// KV-transfer time of a median prompt to a decode replica, seconds (disaggregated prefill only).
    public var kvTransferSeconds: Double = 0
    /// The prefill queue, for goodput (absent for a decode pool).
    var queue: MG1Queue?
    /// Standard deviation of one request's TPOT, seconds.
    var tpotSD: Double = 0

    enum CodingKeys: String, CodingKey {
        case requestRate, concurrency, stepSeconds, decodeStepSeconds, chunkStepSeconds, chunkShare
        case prefillUtilisation, ttftP50, ttftP90, tpotP50, tpotP90, kvTransferSeconds
    }
}

/// The latency targets held against an operating point.
extension ServingTargets {
    /// The first target `point` misses, as `TTFT p90 1.4 s > 1 s`; `nil` when it meets them all. `checkTTFT` and
    /// `checkTPOT` pick the targets a pool answers for (a decode pool has no TTFT of its own).
    func violation(_ point: OperatingPoint, checkTTFT: Bool = true, checkTPOT: Bool = true) -> String? {
        var checks: [(String, Double, Double?)] = []
        if checkTTFT { checks += [("TTFT p50", point.ttftP50, ttftP50), ("TTFT p90", point.ttftP90, ttftP90)] }
        if checkTPOT { checks += [("TPOT p50", point.tpotP50, tpotP50), ("TPOT p90", point.tpotP90, tpotP90)] }
        for (name, value, target) in checks {
            if let target, !(value <= target) {
                return "\(name) \(HumanUnits.seconds(value)) > \(HumanUnits.seconds(target))"
            }
        }
        return nil
    }
}

/// Why an operating point is not reached or misses a target (`prefill saturated: ...`, `TTFT p90 1.4 s > 1 s`).
struct Shortfall: Error, Hashable, Sendable {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}

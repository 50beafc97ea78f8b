/// One saturated operating point: a configuration at a decoding concurrency, with the throughput per device
/// and the decode speed each user sees.
public struct ParetoPoint: Hashable, Codable, Sendable {
    public var config: ReplicaConfig
    /// Sequences decoding at once on one replica.
    public var concurrency: Int
    /// Output tokens per second one user sees (1 / mean step).
    public var tokensPerSecondPerUser: Double
    /// Output tokens per second per device.
    public var tokensPerSecondPerDevice: Double
}

public enum Pareto {
    /// The points no other point beats on both axes (higher per-user speed and higher per-device throughput),
    /// ordered by per-user speed, fastest first. Ties on both axes keep the first point given.
    public static func frontier(_ points: [ParetoPoint]) -> [ParetoPoint] {
        let ordered = points.enumerated().sorted { a, b in
            if a.element.tokensPerSecondPerUser != b.element.tokensPerSecondPerUser {
                return a.element.tokensPerSecondPerUser > b.element.tokensPerSecondPerUser
            }
            if a.element.tokensPerSecondPerDevice != b.element.tokensPerSecondPerDevice {
                return a.element.tokensPerSecondPerDevice > b.element.tokensPerSecondPerDevice
            }
            return a.offset < b.offset
        }
        var result: [ParetoPoint] = []
        var best = -Double.infinity
        for (_, point) in ordered where point.tokensPerSecondPerDevice > best {
            result.append(point)
            best = point.tokensPerSecondPerDevice
        }
        return result
    }

    /// Concurrencies a configuration is sampled at: powers of two below its capacity, and the capacity.
    static func concurrencies(upTo capacity: Int) -> [Int] {
        guard capacity >= 1 else { return [] }
        var result: [Int] = []
        var n = 1
        while n < capacity {
            result.append(n)
            if n > capacity / 2 { break }
            n *= 2
        }
        result.append(capacity)
        return result
    }

    /// A replica's saturated points: at concurrency n every step carries n E[prompt'] / E[output] prompt tokens
    /// (Little's law with rate = n / (E[output] T)), so T(n) = T0 + (n E[prompt'] / (C E[output])) (TC - T0);
    /// points whose prompt tokens per step exceed the chunk are left out.
    static func points(_ state: SteadyState) -> [ParetoPoint] {
        let replica = state.replica, devices = Double(replica.config.devices)
        var result: [ParetoPoint] = []
        for n in concurrencies(upTo: replica.maxConcurrency) {
            let share = Double(n) * state.computed / (state.chunk * state.workload.output.mean)
            guard share <= 1 else { break }
            let (t0, tc) = state.steps(Double(n))
            let step = t0 + share * (tc - t0)
            guard step > 0, step.isFinite else { continue }
            result.append(ParetoPoint(config: replica.config, concurrency: n, tokensPerSecondPerUser: 1 / step,
                                      tokensPerSecondPerDevice: Double(n) / step / devices))
        }
        return result
    }
}

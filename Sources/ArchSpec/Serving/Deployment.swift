/// A deployment that meets the targets: one pool of replicas (aggregated) or a prefill and a decode pool.
public struct Deployment: Hashable, Codable, Sendable {
    public var mode: ServingMode
    public var pools: [Pool]
    /// Output tokens per second the deployment serves (request rate x E[output]).
    public var outputTokensPerSecond: Double
    /// Requests per second, and output tokens per second, of requests that meet every target (see
    /// docs/serving.md, "Goodput").
    public var goodputRequestsPerSecond: Double
    public var goodputTokensPerSecond: Double
    /// Dollars per million output tokens at the given $/device-hour, when a price was given for every pool.
    public var dollarsPerMillionTokens: Double?

    /// Devices in total.
    public var devices: Int { pools.reduce(0) { $0 + $1.devices } }
    /// Output tokens per second per device.
    public var tokensPerSecondPerDevice: Double { devices > 0 ? outputTokensPerSecond / Double(devices) : 0 }
    /// TTFT and TPOT the deployment gives, from the pool that produces each.
    public var ttftP50: Double { pools.first { $0.role != .decode }?.point.ttftP50 ?? 0 }
    public var ttftP90: Double { pools.first { $0.role != .decode }?.point.ttftP90 ?? 0 }
    public var tpotP50: Double { pools.first { $0.role != .prefill }?.point.tpotP50 ?? 0 }
    public var tpotP90: Double { pools.first { $0.role != .prefill }?.point.tpotP90 ?? 0 }
}

/// Replicas of one configuration and the operating point each runs at.
public struct Pool: Hashable, Codable, Sendable {
    public enum Role: String, Hashable, Codable, Sendable {
        /// Prefill and decode together (aggregated).
        case both
        case prefill
        case decode
    }
    public var role: Role
    public var config: ReplicaConfig
    public var replicas: Int
    /// Sequences the KV cache of one replica holds at the mean live context.
    public var maxConcurrency: Int
    public var point: OperatingPoint

    public var devices: Int { config.devices * replicas }
}

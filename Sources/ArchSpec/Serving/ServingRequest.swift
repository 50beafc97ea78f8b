/// What the planner searches: hardware candidates, storage formats, layouts, chunk sizes and the budget.
public struct ServingRequest: Hashable, Sendable {
    /// Device kinds to try (catalog ids or profiles), in order.
    public var candidates: [HardwareProfile]
    /// Weight dtypes to try; empty: the spec's dtype.
    public var weightDTypes: [DType]
    /// KV-cache dtype; `nil`: sizing's default for each weight dtype.
    public var kvDType: DType?
    /// Tensor- and pipeline-parallel degrees to try per replica.
    public var tp: [Int]
    public var pp: [Int]
    /// Expert-parallel degrees to try (each a divisor of the tp it pairs with; models with routed experts only).
    public var ep: [Int] = ServingRequest.defaultEP
    /// Attention data-parallel degrees to try (models with routed experts only): each dp > 1 pairs with every
    /// tp and pp as a wide expert-parallel layout, ep = dp x tp. Bounded: the lists are the user's, and a layout
    /// wider than the budget is rejected before it is sized.
    public var dp: [Int] = ServingRequest.defaultDP
    /// Whether pp may be widened (2, 4, ...) for a device kind and dtype on which no layout of `tp` x `pp` holds
    /// the weights (the CLI sets it when --pp is not given; an explicit list is never widened).
    public var widenPP = false
    /// Whether dp may be widened likewise (models with routed experts; the CLI sets it when --dp is not given).
    public var widenDP = false
    /// Chunked-prefill sizes to try, tokens per step.
    public var chunks: [Int]
    /// The most devices a deployment may use, all replicas together.
    public var gpuBudget: Int
    /// Aggregated (prefill and decode on the same replicas), disaggregated, or both.
    public var modes: [ServingMode]
    /// Bytes per second one device sends KV over to a decode replica (disaggregated); `nil`: 50 GB/s.
    public var kvTransferBandwidth: Double?
    /// Dollars per device-hour by hardware id (`*` for every id).
    public var pricePerDeviceHour: [String: Double]
    /// How steps are timed: the kernel-by-kernel step model (default, as `size`) or the roofline.
    public var timing: TimingModel
    /// The all-reduce on NVLink (`nil`: each profile's, custom by default).
    public var allReduce: AllReduceImplementation? = nil

    /// KV-transfer bandwidth per device when none is given: 400 Gb/s (one InfiniBand NDR port per GPU).
    public static let defaultKVTransferBandwidth = 50e9
    /// Chunk sizes tried when none are given, tokens.
    public static let defaultChunks = [512, 1024, 2048, 4096, 8192]
    /// Degrees tried when none are given.
    public static let defaultTP = [1, 2, 4, 8]
    public static let defaultPP = [1]
    public static let defaultEP = [1]
    public static let defaultDP = [1]
    /// The largest budget accepted (no search enumerates it: replica counts are bisected).
    public static let maxBudget = 1 << 40

    public init(
        candidates: [HardwareProfile], weightDTypes: [DType] = [], kvDType: DType? = nil,
        tp: [Int] = ServingRequest.defaultTP, pp: [Int] = ServingRequest.defaultPP,
        chunks: [Int] = ServingRequest.defaultChunks, gpuBudget: Int = 1024, modes: [ServingMode] = [.aggregated],
        kvTransferBandwidth: Double? = nil, pricePerDeviceHour: [String: Double] = [:], timing: TimingModel = .step,
        ep: [Int] = ServingRequest.defaultEP, allReduce: AllReduceImplementation? = nil,
        dp: [Int] = ServingRequest.defaultDP, widenPP: Bool = false, widenDP: Bool = false
    ) {
        self.dp = dp
        self.widenPP = widenPP
        self.widenDP = widenDP
        self.allReduce = allReduce
        self.ep = ep
        self.timing = timing
        self.candidates = candidates
        self.weightDTypes = weightDTypes
        self.kvDType = kvDType
        self.tp = tp
        self.pp = pp
        self.chunks = chunks
        self.gpuBudget = gpuBudget
        self.modes = modes
        self.kvTransferBandwidth = kvTransferBandwidth
        self.pricePerDeviceHour = pricePerDeviceHour
    }

    /// Dollars per device-hour for `id`, if given.
    public func price(for id: String) -> Double? { pricePerDeviceHour[id] ?? pricePerDeviceHour["*"] }

    var transferBandwidth: Double { kvTransferBandwidth ?? Self.defaultKVTransferBandwidth }

    func validate() throws(ServingError) {
        if candidates.isEmpty { throw .invalidOption("no hardware candidates: give --hardware at least once") }
        if candidates.count > 64 { throw .invalidOption("at most 64 hardware candidates, got \(candidates.count)") }
        for (name, values, limit) in [("tp", tp, 1024), ("pp", pp, 1024), ("ep", ep, 1024),
                                     ("prefill chunk", chunks, 1 << 24)] {
            if values.isEmpty { throw .invalidOption("\(name): give at least one value") }
            if values.count > 64 { throw .invalidOption("\(name): at most 64 values, got \(values.count)") }
            if let bad = values.first(where: { $0 < 1 || $0 > limit }) {
                throw .invalidOption("\(name) \(bad) is outside 1...\(limit)")
            }
        }
        if gpuBudget < 1 || gpuBudget > Self.maxBudget {
            throw .invalidOption("GPU budget must be in 1...\(Self.maxBudget), got \(gpuBudget)")
        }
        if modes.isEmpty { throw .invalidOption("give at least one mode") }
        if let bandwidth = kvTransferBandwidth, !(bandwidth.isFinite && bandwidth > 0) {
            throw .invalidOption("KV-transfer bandwidth must be above 0")
        }
        for (id, price) in pricePerDeviceHour where !(price.isFinite && price >= 0 && price < 1e6) {
            throw .invalidOption("price for \(Escaping.short(id)) must be in 0..<1000000 $/hour, got \(price)")
        }
    }
}

/// Where prefill runs.
public enum ServingMode: String, Hashable, Codable, Sendable, CaseIterable {
    /// Prefill chunks and decodes share each replica's steps (continuous batching with chunked prefill).
    case aggregated
    /// Prefill replicas and decode replicas, KV sent from one to the other.
    case disaggregated
}

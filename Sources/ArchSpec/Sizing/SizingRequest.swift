/// What to size: workload, parallelism, storage formats and modelling knobs. Every field has a default.
public struct SizingRequest: Hashable, Codable, Sendable {
    /// Tokens per sequence (prompt for prefill, cached tokens for decode). `nil`: the spec's context_length.
    public var context: Int?
    /// Sequences served together.
    public var batch: Int
    /// Devices in total. `nil`: the smallest count that fits (with `tp`/`pp` when given).
    public var devices: Int?
    /// Tensor-parallel degree. `nil`: chosen.
    public var tp: Int?
    /// Pipeline-parallel degree. `nil`: chosen.
    public var pp: Int?
    /// Expert-parallel degree (a divisor of tp, or of dp x tp with `dp`; routed experts only). `nil`: chosen (1 for dense models).
    public var ep: Int? = nil
    /// Attention data-parallel replicas per stage (SGLang `--enable-dp-attention --dp`, vLLM
    /// `--data-parallel-size` with `--enable-expert-parallel`): devices = dp x tp x pp, routed experts over
    /// ep = dp x tp ranks unless `ep` is given (a divisor of dp x tp). `nil`: 1 (no search over it).
    public var dp: Int? = nil
    /// The all-reduce the engine runs on NVLink, over the profile's `step_time.allreduce`. `nil`: the profile's
    /// (custom by default).
    public var allReduce: AllReduceImplementation? = nil
    /// Weight storage. `nil`: the spec's dtype, no scales.
    public var weights: WeightQuantization?
    /// KV-cache storage. `nil`: the weight dtype when 16 bits or wider, else the spec's 16-bit dtype.
    public var kv: KVQuantization?
    /// Dtype the matmuls run in. `nil`: fp8 for fp8 weights on devices with fp8, else the wide dtype.
    public var computeDType: DType?
    /// Most tokens one prefill step processes (chunked prefill); bounds the activation workspace.
    public var prefillChunk: Int
    /// A flat runtime reserve. `nil`: the runtime parts (`RuntimeOverhead`: the engine's with an engine
    /// `kvAccounting`, else the engine-neutral ones), or the profile's `reserve` when it sets one (`ReserveBasis`).
    public var reserve: Reserve?
    /// Device counts tried when searching: powers of two (default) or every integer.
    public var anyDeviceCount: Bool
    /// The most devices a search tries.
    public var maxDevices: Int
    /// How prefill and decode times are computed: the kernel-by-kernel step model (default) or the flat-factor
    /// roofline.
    public var timing: TimingModel
    /// How the KV cache is allocated: exactly (`ideal`) or as an engine allocates it. An engine also selects
    /// its runtime parts in place of the engine-neutral ones (unless `reserve` is given).
    public var kvAccounting: KVAccounting = .ideal

    /// The default prefill chunk, tokens (vLLM's default `max_num_batched_tokens` with chunked prefill).
    public static let defaultPrefillChunk = 8192

    public init(
        context: Int? = nil, batch: Int = 1, devices: Int? = nil, tp: Int? = nil, pp: Int? = nil,
        weights: WeightQuantization? = nil, kv: KVQuantization? = nil, computeDType: DType? = nil,
        prefillChunk: Int = SizingRequest.defaultPrefillChunk, reserve: Reserve? = nil,
        anyDeviceCount: Bool = false, maxDevices: Int = 1024, timing: TimingModel = .step,
        kvAccounting: KVAccounting = .ideal, ep: Int? = nil, allReduce: AllReduceImplementation? = nil, dp: Int? = nil
    ) {
        self.dp = dp
        self.allReduce = allReduce
        self.context = context
        self.batch = batch
        self.devices = devices
        self.tp = tp
        self.pp = pp
        self.weights = weights
        self.kv = kv
        self.computeDType = computeDType
        self.prefillChunk = prefillChunk
        self.reserve = reserve
        self.anyDeviceCount = anyDeviceCount
        self.maxDevices = maxDevices
        self.timing = timing
        self.kvAccounting = kvAccounting
        self.ep = ep
    }
}

/// Memory held back per device for the runtime (CUDA context, allocator fragmentation, OS share).
public enum Reserve: Hashable, Codable, Sendable, CustomStringConvertible {
    /// A fraction of device memory (0.1 is 10%).
    case fraction(Double)
    /// A fixed number of bytes.
    case bytes(Int128)

    /// Parses `10%`, `0.1`, `2GiB`, `512 MB`.
    public static func parse(_ text: String) -> Reserve? {
        if text.hasSuffix("%") || (Double(text).map { $0 < 1 } ?? false) {
            guard let value = QuantityParser.parse(text, as: Fraction.self), value >= 0, value < 1 else { return nil }
            return .fraction(value)
        }
        guard let bytes = QuantityParser.parse(text, as: Bytes.self), bytes >= 0, bytes < 1e30 else { return nil }
        return .bytes(Int128(bytes.rounded()))
    }

    public var description: String {
        switch self {
        case .fraction(let value): "\(HumanUnits.significant(value * 100))%"
        case .bytes(let value): HumanUnits.bytes(value)
        }
    }
}

/// How `size` times prefill and decode.
public enum TimingModel: String, Hashable, Codable, Sendable, CaseIterable {
    /// The step-time model: kernel by kernel, with efficiency curves and fixed costs (`StepTime/`).
    case step
    /// One roofline per phase with the profile's flat efficiency factors (0.70 compute, 0.80 memory by default).
    case roofline
}

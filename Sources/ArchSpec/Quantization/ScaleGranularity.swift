/// How many scales a quantised tensor carries.
///
/// Weights: one per matrix (`perTensor`, also called per-layer), one per output row (`perChannel`), or one per
/// `size` consecutive input elements of each row (`perGroup`). KV cache: one per layer (`perTensor`), one per
/// layer and KV head (`perHead`), one per token, layer and KV head (`perToken`), or one per `size` elements of
/// each head vector of each token (`perGroup`).
public enum ScaleGranularity: Hashable, Codable, Sendable, CustomStringConvertible {
    case perTensor
    case perChannel
    case perHead
    case perToken
    case perGroup(Int)

    public var description: String {
        switch self {
        case .perTensor: "per-tensor"
        case .perChannel: "per-channel"
        case .perHead: "per-head"
        case .perToken: "per-token"
        case .perGroup(let size): "per-group \(size)"
        }
    }

    /// Parses `per-tensor`, `per-layer` (same), `per-channel`, `per-head`, `per-token`, `per-group-64`, `g64`.
    public static func parse(_ text: String) -> ScaleGranularity? {
        let lower = text.lowercased()
        switch lower {
        case "per-tensor", "per-layer", "tensor", "layer": return .perTensor
        case "per-channel", "channel": return .perChannel
        case "per-head", "head": return .perHead
        case "per-token", "token": return .perToken
        default: break
        }
        for prefix in ["per-group-", "group-", "g"] where lower.hasPrefix(prefix) {
            if let size = Int(lower.dropFirst(prefix.count)), size >= 1 { return .perGroup(size) }
        }
        return nil
    }
}

/// How the weights are stored: dtype, scale granularity and scale/zero-point formats.
///
/// Only dtypes under 16 bits carry scales. By default only the linear layers inside the blocks are quantised;
/// the embedding, lm_head, norms and biases stay in the spec's 16-bit dtype (what GPTQ, AWQ and FP8 checkpoints
/// ship). `quantizeEmbeddings` quantises the embedding and lm_head too (as llama.cpp does).
public struct WeightQuantization: Hashable, Codable, Sendable {
    public var dtype: DType
    /// Scale granularity; `nil`: the dtype's default (`defaultGranularity`).
    public var granularity: ScaleGranularity?
    /// Storage of one scale (fp16 by default: 2 bytes).
    public var scaleDType: DType
    /// Whether each scale has a zero point (asymmetric integer quantisation), stored at the weight dtype's width.
    public var zeroPoint: Bool?
    public var quantizeEmbeddings: Bool

    public init(
        dtype: DType, granularity: ScaleGranularity? = nil, scaleDType: DType = .fp16, zeroPoint: Bool? = nil,
        quantizeEmbeddings: Bool = false
    ) {
        self.dtype = dtype
        self.granularity = granularity
        self.scaleDType = scaleDType
        self.zeroPoint = zeroPoint
        self.quantizeEmbeddings = quantizeEmbeddings
    }

    /// Whether the dtype is below 16 bits, so scales exist.
    public var isQuantized: Bool { dtype.bits < 16 }

    /// int4: groups of 128 (GPTQ/AWQ default); int8: per channel; fp8: per tensor.
    public var effectiveGranularity: ScaleGranularity {
        if let granularity { return granularity }
        switch dtype {
        case .int4: return .perGroup(128)
        case .int8: return .perChannel
        default: return .perTensor
        }
    }

    /// Integers carry zero points by default (asymmetric), floats do not.
    public var hasZeroPoint: Bool { zeroPoint ?? (dtype == .int4 || dtype == .int8) }

    /// Bits of scale and zero-point metadata per scale (fp16 scale + int4 zero point: 20 bits).
    public var bitsPerScale: Int { scaleDType.bits + (hasZeroPoint ? dtype.bits : 0) }

    /// Short description: `int4, per-group 128, fp16 scales + zero points`.
    public var summary: String {
        guard isQuantized else { return dtype.rawValue }
        let zeros = hasZeroPoint ? " + zero points" : ""
        let scope = quantizeEmbeddings ? ", embeddings too" : ""
        return "\(dtype.rawValue), \(effectiveGranularity), \(scaleDType.rawValue) scales\(zeros)\(scope)"
    }
}

/// How the KV cache is stored: dtype and scale granularity.
public struct KVQuantization: Hashable, Codable, Sendable {
    public var dtype: DType
    /// `nil`: per-tensor (static per-layer scales, vLLM's FP8 KV default).
    public var granularity: ScaleGranularity?
    public var scaleDType: DType

    public init(dtype: DType, granularity: ScaleGranularity? = nil, scaleDType: DType = .fp32) {
        self.dtype = dtype
        self.granularity = granularity
        self.scaleDType = scaleDType
    }

    public var isQuantized: Bool { dtype.bits < 16 }
    public var effectiveGranularity: ScaleGranularity { granularity ?? .perTensor }
    /// Bytes of one scale; KV scales carry no zero point in this model.
    public var bytesPerScale: Int128 { Int128((scaleDType.bits + 7) / 8) }

    /// Short description: `fp8, per-tensor, fp32 scales`.
    public var summary: String {
        isQuantized ? "\(dtype.rawValue), \(effectiveGranularity), \(scaleDType.rawValue) scales" : dtype.rawValue
    }
}

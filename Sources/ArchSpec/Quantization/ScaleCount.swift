/// Scale counts for quantised tensors: exact integers, overflow-checked.
public enum ScaleCount {
    /// Scales of one `rows x columns` weight matrix (`rows` output features, `columns` input features).
    public static func weightScales(
        rows: Int128, columns: Int128, granularity: ScaleGranularity
    ) throws(QuantizationError) -> Int128 {
        switch granularity {
        case .perTensor: return 1
        case .perChannel, .perHead, .perToken: return rows
        case .perGroup(let size):
            let groups = (columns + Int128(size) - 1) / Int128(size)
            return try mul(rows, groups)
        }
    }

    /// KV scales that do not grow with tokens (per-tensor, per-head), for `layers` layers each caching
    /// `vectors` head vectors per token (2 x kv_heads for K and V; 1 latent for MLA).
    public static func kvStaticScales(
        layers: Int128, vectors: Int128, granularity: ScaleGranularity
    ) throws(QuantizationError) -> Int128 {
        switch granularity {
        case .perTensor: return try mul(min(vectors, 2), layers)
        case .perHead, .perChannel: return try mul(vectors, layers)
        case .perToken, .perGroup: return 0
        }
    }

    /// KV scales per cached token in one layer (per-token, per-group): one per head vector of `length` elements,
    /// or one per `size` elements of it.
    public static func kvScalesPerLayerToken(
        vectors: Int128, length: Int128, granularity: ScaleGranularity
    ) throws(QuantizationError) -> Int128 {
        switch granularity {
        case .perTensor, .perHead, .perChannel: return 0
        case .perToken: return vectors
        case .perGroup(let size): return try mul(vectors, (length + Int128(size) - 1) / Int128(size))
        }
    }

    static func mul(_ values: Int128...) throws(QuantizationError) -> Int128 {
        var result: Int128 = 1
        for value in values {
            let (product, overflow) = result.multipliedReportingOverflow(by: value)
            if overflow { throw .tooLarge }
            result = product
        }
        return result
    }
}

/// Why a quantisation layout cannot be counted.
public enum QuantizationError: Error, Hashable, Sendable, CustomStringConvertible {
    case tooLarge
    case invalidGroupSize(Int)

    public var description: String {
        switch self {
        case .tooLarge: "scale count is too large to count exactly; check the spec's sizes"
        case .invalidGroupSize(let size): "group size must be at least 1, got \(size)"
        }
    }
}

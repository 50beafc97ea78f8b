/// Bytes of the weights in one dtype.
public struct WeightsMemory: Hashable, Codable, Sendable {
    public var dtype: DType
    /// All parameters at `dtype`, rounded up to whole bytes, scales excluded.
    public var bytes: Int128
}

/// Bytes of the KV cache.
public struct KVCacheMemory: Hashable, Codable, Sendable {
    public var dtype: DType
    /// K and V of one token, all layers, one sequence.
    public var bytesPerToken: Int128
    /// `bytesPerToken` x context x batch.
    public var bytes: Int128
}

enum MemoryCount {
    /// KV elements per token: K and V, kv_heads x head_dim each, in every layer.
    static func kvElementsPerToken(_ spec: ArchitectureSpec) throws(CostError) -> Int128 {
        try Checked.mul(
            2, Int128(size: spec.layers), Int128(size: spec.attention.kvHeads), Int128(size: spec.attention.headDim),
            term: "KV cache")
    }

    static func kvCache(
        _ spec: ArchitectureSpec, dtype: DType, context: Int, batch: Int
    ) throws(CostError) -> KVCacheMemory {
        let elements = try kvElementsPerToken(spec)
        let perToken = dtype.bytes(for: elements)
        let total = try Checked.mul(perToken, Int128(size: context), Int128(size: batch), term: "KV cache")
        return KVCacheMemory(dtype: dtype, bytesPerToken: perToken, bytes: total)
    }

    static func weights(_ parameters: ParameterBreakdown, dtype: DType) throws(CostError) -> WeightsMemory {
        _ = try Checked.mul(parameters.total, Int128(dtype.bits), term: "weights bytes")
        return WeightsMemory(dtype: dtype, bytes: dtype.bytes(for: parameters.total))
    }
}

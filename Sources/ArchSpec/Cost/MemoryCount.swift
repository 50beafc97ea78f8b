/// Bytes of the weights in one dtype.
public struct WeightsMemory: Hashable, Codable, Sendable {
    public var dtype: DType
    /// All parameters at `dtype` (every expert of an MoE model), rounded up to whole bytes, scales excluded.
    public var bytes: Int128
}

/// Bytes of the KV cache.
public struct KVCacheMemory: Hashable, Codable, Sendable {
    public var dtype: DType
    /// K and V of one token, all layers, one sequence (MLA: the latent plus the rope key); windowed layers
    /// included, so this is the cost of a token while the context is within the window.
    public var bytesPerToken: Int128
    /// All cached tokens x batch, windowed layers holding at most `window` tokens.
    public var bytes: Int128
    /// Layers whose cache is capped by a sliding window.
    public var windowedLayers: Int = 0
    /// The sliding window, tokens, when any layer is windowed.
    public var window: Int? = nil
    /// Whether the cache holds MLA's compressed latent and rope key instead of per-head K and V.
    public var latent: Bool = false
}

enum MemoryCount {
    /// KV elements one token adds to one layer: K and V, kv_heads x head_dim each; MLA: kv_lora_rank + qk_rope_head_dim.
    static func kvElementsPerLayer(_ spec: ArchitectureSpec) throws(CostError) -> Int128 {
        if let mla = spec.attention.mla {
            return Int128(size: mla.kvLoraRank) + Int128(size: mla.qkRopeHeadDim)
        }
        let a = spec.attention
        return try Checked.mul(Int128(size: a.kvHeads),
                               Int128(size: a.headDim) + Int128(size: a.valueHeadDim), term: "KV cache")
    }

    /// KV elements per token, all layers.
    static func kvElementsPerToken(_ spec: ArchitectureSpec) throws(CostError) -> Int128 {
        try Checked.mul(Int128(size: spec.layers), try kvElementsPerLayer(spec), term: "KV cache")
    }

    static func kvCache(
        _ spec: ArchitectureSpec, dtype: DType, context: Int, batch: Int
    ) throws(CostError) -> KVCacheMemory {
        let perLayer = try kvElementsPerLayer(spec)
        let perTokenElements = try Checked.mul(Int128(size: spec.layers), perLayer, term: "KV cache")
        _ = try Checked.mul(perTokenElements, Int128(dtype.bits), term: "KV cache")
        let perToken = dtype.bytes(for: perTokenElements)
        let layerTokens = try AttentionLayout(spec).cachedTokens(Int128(size: context))
        let elements = try Checked.mul(perLayer, layerTokens, Int128(dtype.bits), term: "KV cache") / Int128(dtype.bits)
        let total = try Checked.mul(dtype.bytes(for: elements), Int128(size: batch), term: "KV cache")
        var memory = KVCacheMemory(dtype: dtype, bytesPerToken: perToken, bytes: total)
        memory.windowedLayers = spec.attention.slidingLayerCount(layers: spec.layers)
        memory.window = memory.windowedLayers > 0 ? spec.attention.slidingWindow?.window : nil
        memory.latent = spec.attention.mla != nil
        return memory
    }

    static func weights(_ parameters: ParameterBreakdown, dtype: DType) throws(CostError) -> WeightsMemory {
        _ = try Checked.mul(parameters.total, Int128(dtype.bits), term: "weights bytes")
        return WeightsMemory(dtype: dtype, bytes: dtype.bytes(for: parameters.total))
    }
}

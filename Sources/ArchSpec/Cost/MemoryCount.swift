/// Bytes of the weights in one dtype.
public struct WeightsMemory: Hashable, Codable, Sendable {
    public var dtype: DType
    /// All parameters at `dtype` (every expert of an MoE model), rounded up to whole bytes, scales excluded.
    public var bytes: Int128
}

/// Bytes of the KV cache and of the constant per-sequence state.
public struct KVCacheMemory: Hashable, Codable, Sendable {
    public var dtype: DType
    /// K and V of one token, summed over the layers that cache (MLA: the latent plus the rope key; a layer that
    /// reads another layer's cache adds nothing); windowed and chunked layers included, so this is the cost of a
    /// token while the context is within every window.
    public var bytesPerToken: Int128
    /// All cached tokens x batch, windowed layers holding at most `window` tokens and chunked layers at most one
    /// chunk, plus `stateBytes`.
    public var bytes: Int128
    /// Layers whose cache is capped by a sliding window.
    public var windowedLayers: Int = 0
    /// The sliding window, tokens, when any layer is windowed (the largest, when layers differ).
    public var window: Int? = nil
    /// Whether the cache holds MLA's compressed latent and rope key instead of per-head K and V.
    public var latent: Bool = false
    /// Layers capped by attention chunks, and the chunk size.
    public var chunkedLayers: Int = 0
    public var chunk: Int? = nil
    /// Layers that keep a KV cache of their own.
    public var cachingLayers: Int = 0
    /// The dtype of the recurrent and convolution state (the KV dtype unless the spec sets `state_dtype`).
    public var stateDType: DType
    /// Recurrent and convolution state of one sequence (linear-attention and state-space layers): constant in the
    /// context.
    public var stateBytesPerSequence: Int128 = 0
    /// `stateBytesPerSequence` x batch (included in `bytes`).
    public var stateBytes: Int128 = 0
}

enum MemoryCount {
    static func kvCache(
        _ layers: PlanCosts, dtype: DType, context: Int, batch: Int, windowCache: WindowCacheConvention = .window
    ) throws(CostError) -> KVCacheMemory {
        let tokens = Int128(size: context), sequences = Int128(size: batch)
        let perTokenElements = try layers.sum("KV cache") { $0.kvElementsPerToken }
        _ = try Checked.mul(perTokenElements, Int128(dtype.bits), term: "KV cache")
        let elements = try layers.sum("KV cache") { (cost: LayerCost) throws(CostError) -> Int128 in
            guard cost.kvElementsPerToken > 0, let a = cost.attention else { return 0 }
            let cached = a.span.cachedTokens(tokens, beforeStep: windowCache == .windowMinusOne)
            return try Checked.mul(cost.kvElementsPerToken, cached, term: "KV cache")
        }
        _ = try Checked.mul(elements, Int128(dtype.bits), term: "KV cache")
        let kv = try Checked.mul(dtype.bytes(for: elements), sequences, term: "KV cache")
        let stateDType = layers.spec.stateDType ?? dtype
        let stateElements = try layers.sum("state") { $0.stateElements }
        _ = try Checked.mul(stateElements, Int128(stateDType.bits), term: "state")
        let statePerSequence = stateDType.bytes(for: stateElements)
        let state = try Checked.mul(statePerSequence, sequences, term: "state")
        var memory = KVCacheMemory(
            dtype: dtype, bytesPerToken: dtype.bytes(for: perTokenElements),
            bytes: try Checked.add(kv, state, term: "KV cache"), stateDType: stateDType)
        memory.stateBytesPerSequence = statePerSequence
        memory.stateBytes = state
        for group in layers.groups {
            guard let a = group.layer.mixer.attention, group.cost.kvElementsPerToken > 0 else { continue }
            let count = Int(group.count)
            memory.cachingLayers += count
            if case .latent = a.form { memory.latent = true }
            switch a.span {
            case .full: break
            case .sliding(let window):
                memory.windowedLayers += count
                memory.window = max(memory.window ?? 0, window)
            case .chunked(let size):
                memory.chunkedLayers += count
                memory.chunk = max(memory.chunk ?? 0, size)
            }
        }
        return memory
    }

    static func weights(_ parameters: ParameterBreakdown, dtype: DType) throws(CostError) -> WeightsMemory {
        _ = try Checked.mul(parameters.total, Int128(dtype.bits), term: "weights bytes")
        return WeightsMemory(dtype: dtype, bytes: dtype.bytes(for: parameters.total))
    }
}

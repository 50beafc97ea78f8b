/// What one sequence holds in one stage under a `KVAccounting`: tokens per plan kind, layers per kind (vLLM
/// pads layer groups), state bytes per layer, state copies and the state's width.
struct EngineCache: Hashable, Sendable {
    /// Per plan kind: layers charged (vLLM's group padding can add layers).
    var layers: [Int128]
    /// Per plan kind: cache tokens one sequence is allocated.
    var tokens: [Int128]
    /// Per plan kind: state bytes per layer per sequence, or `nil` for the state's own size at `stateBits`.
    var statePageBytes: [Int128?]
    /// Copies of each sequence's state (SGLang keeps 3 slots per running request).
    var stateCopies: Int128
    /// Width of recurrent state elements (llama.cpp: fp32).
    var stateBits: Int

    /// The allocation for `context` tokens per sequence on the stage whose kind counts are `counts`.
    static func plan(
        _ accounting: KVAccounting, cache: [ShardedModel.KindCache], counts: [Int], context: Int128, kvBits: Int,
        stateBits: Int
    ) -> EngineCache {
        let ideal = cache.map { $0.span.cachedTokens(context) }
        var result = EngineCache(
            layers: counts.map { Int128($0) }, tokens: ideal, statePageBytes: cache.map { _ in nil }, stateCopies: 1,
            stateBits: stateBits)
        switch accounting {
        case .ideal:
            break
        case .vllm:
            result.vllm(cache: cache, counts: counts, context: context, kvBits: kvBits)
        case .sglang:
            result.sglang(cache: cache, counts: counts, context: context)
        case .llamacpp:
            let pad = Int128(EngineConstants.llamacppPadCells), ubatch = Int128(EngineConstants.llamacppMicroBatch)
            let base = roundUp(context, pad)
            result.tokens = cache.map { c in
                switch c.span {
                case .full: base
                case .sliding(let window), .chunked(let window): min(base, roundUp(Int128(window) + ubatch, pad))
                }
            }
            result.stateBits = 32
        }
        return result
    }

    /// vLLM v1 (vllm/v1/kv_cache_interface.py, vllm/v1/core/kv_cache_utils.py): full layers take whole
    /// blocks; sliding layers (`SlidingWindowSpec`, hybrid allocator on) keep the window's blocks plus one;
    /// chunked-local layers are allocated as full attention (the hybrid allocator is off for them by
    /// default); a Mamba layer takes one page, padded to the attention page whose block grows to hold it; each
    /// kind of layer is padded to a multiple of the group size (the fewest layers of any kind, or the most
    /// when every count is within 1.5x).
    mutating func vllm(cache: [ShardedModel.KindCache], counts: [Int], context: Int128, kvBits: Int) {
        var attentionTokenBytes: Int128 = 0, mambaPage: Int128 = 0
        for (kind, c) in cache.enumerated() where counts[kind] > 0 {
            if c.elements > 0 { attentionTokenBytes = max(attentionTokenBytes, bytes(c.elements, bits: kvBits)) }
            if c.state > 0 { mambaPage = max(mambaPage, bytes(c.state, bits: stateBits)) }
        }
        var block = Int128(EngineConstants.vllmBlockTokens)
        if attentionTokenBytes > 0, mambaPage > saturating(block, attentionTokenBytes) {
            let align = Int128(EngineConstants.vllmBlockAlignment)
            block = saturating(align, ceilDiv(mambaPage, saturating(align, attentionTokenBytes)))
        }
        for (kind, c) in cache.enumerated() {
            if c.elements > 0 {
                switch c.span {
                case .full, .chunked:
                    tokens[kind] = roundUp(context, block)
                case .sliding(let window):
                    let w = Int128(window)
                    tokens[kind] = w >= context ? roundUp(context, block)
                        : min(roundUp(context, block), saturating(ceilDiv(w, block) + 1, block))
                }
            }
            if c.state > 0, mambaPage > 0 {
                statePageBytes[kind] = attentionTokenBytes > 0 ? saturating(block, attentionTokenBytes) : mambaPage
            }
        }
        layers = Self.paddedGroups(cache: cache, counts: counts)
    }

    /// vLLM's grouping of layers with a uniform page size: kinds with the same cache shape form one type; the
    /// group size is the fewest layers of any type (the most, when the largest is under 1.5x the fewest);
    /// each type is padded up to a multiple of it. The padding layers are charged to the type's first kind.
    static func paddedGroups(cache: [ShardedModel.KindCache], counts: [Int]) -> [Int128] {
        var layers = counts.map { Int128($0) }
        var types: [(key: String, kinds: [Int], count: Int128)] = []
        for (kind, c) in cache.enumerated() where counts[kind] > 0 && (c.elements > 0 || c.state > 0) {
            let key = c.elements > 0 ? "attention \(c.elements) \(c.span)" : "state \(c.state)"
            if let index = types.firstIndex(where: { $0.key == key }) {
                types[index].kinds.append(kind)
                types[index].count += Int128(counts[kind])
            } else {
                types.append((key, [kind], Int128(counts[kind])))
            }
        }
        guard types.count > 1, let fewest = types.map(\.count).min(), let most = types.map(\.count).max(), fewest > 0
        else { return layers }
        let group = 2 * most < 3 * fewest ? most : fewest
        for type in types {
            let padding = roundUp(type.count, group) - type.count
            if padding > 0 { layers[type.kinds[0]] += padding }
        }
        return layers
    }

    /// SGLang (model_runner_kv_cache_mixin.py): page size 1, so full layers hold exactly the context. A model
    /// with both full and sliding layers gets two pools whose sizes keep swa = 0.8 x full; a sequence needs
    /// its context in the full pool and its window in the window pool, so it is charged
    /// T = max(context, window / 0.8) full tokens and 0.8 T window tokens. With no full layers the window pool
    /// is the only one. Chunked-local layers are full (`hybrid_kvcache_ratio` is unset by default). Each
    /// running request holds 3 Mamba state slots.
    mutating func sglang(cache: [ShardedModel.KindCache], counts: [Int], context: Int128) {
        let num = Int128(EngineConstants.sglangSWARatioNumerator), den = Int128(EngineConstants.sglangSWARatioDenominator)
        let live = cache.indices.filter { counts[$0] > 0 && cache[$0].elements > 0 }
        let hasFull = live.contains { if case .sliding = cache[$0].span { false } else { true } }
        let windows = live.compactMap { if case .sliding(let w) = cache[$0].span { Int128(w) } else { nil } }
        let windowNeed = min(context, windows.max() ?? 0)
        let full = hasFull && !windows.isEmpty ? max(context, ceilDiv(windowNeed * den, num)) : context
        for kind in cache.indices where cache[kind].elements > 0 {
            switch cache[kind].span {
            case .full, .chunked: tokens[kind] = full
            case .sliding(let window):
                tokens[kind] = hasFull ? ceilDiv(full * num, den) : min(context, Int128(window))
            }
        }
        stateCopies = Int128(EngineConstants.sglangMambaSlotsPerRequest)
    }

}

/// `a x b`, or the largest Int128 when it overflows (the caller's checked arithmetic then reports the size).
private func saturating(_ a: Int128, _ b: Int128) -> Int128 {
    let (product, overflow) = a.multipliedReportingOverflow(by: b)
    return overflow ? .max : product
}

/// Bytes of `count` elements of `bits` each, rounded up, saturating.
private func bytes(_ count: Int128, bits: Int) -> Int128 {
    let total = saturating(count, Int128(bits))
    return total == .max ? .max : (total + 7) / 8
}

/// `value` rounded up to a multiple of `step`.
private func roundUp(_ value: Int128, _ step: Int128) -> Int128 { saturating(ceilDiv(value, step), step) }
/// `value / step` rounded up (`value` itself for a step below 1).
private func ceilDiv(_ value: Int128, _ step: Int128) -> Int128 {
    guard step > 0 else { return value }
    return value / step + (value % step == 0 ? 0 : 1)
}

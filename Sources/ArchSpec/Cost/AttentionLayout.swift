/// The attention shape of a whole model: FLOPs per query-key pair and how many pairs each phase scores,
/// with windowed layers capped at their window.
struct AttentionLayout {
    let spec: ArchitectureSpec
    /// Layers that attend to the full context and layers capped by the window.
    let fullLayers: Int128
    let slidingLayers: Int128
    let window: Int128?

    init(_ spec: ArchitectureSpec) {
        self.spec = spec
        let sliding = spec.attention.slidingLayerCount(layers: spec.layers)
        slidingLayers = Int128(size: sliding)
        fullLayers = Int128(size: spec.layers) - slidingLayers
        window = spec.attention.slidingWindow.map { Int128(size: $0.window) }
    }

    var heads: Int128 { Int128(size: spec.attention.heads) }

    /// Score plus value FLOPs for one query-key pair in one layer, all heads: 2 x heads x (qk width + v width).
    /// MLA prefill computes with expanded heads (qk_nope + qk_rope and v_head_dim).
    var prefillFlopsPerPair: Int128 {
        2 * heads * (Int128(size: spec.attention.headDim) + Int128(size: spec.attention.valueHeadDim))
    }

    /// As `prefillFlopsPerPair`, except that MLA's absorbed form scores and sums against the latent:
    /// 2 x heads x ((kv_lora_rank + qk_rope_head_dim) + kv_lora_rank).
    func decodeFlopsPerPair(_ form: MLADecodeForm) -> Int128 {
        guard let mla = spec.attention.mla, form == .absorbed else { return prefillFlopsPerPair }
        return 2 * heads * (2 * Int128(size: mla.kvLoraRank) + Int128(size: mla.qkRopeHeadDim))
    }

    /// Query-key pairs summed over the layers for one prefilled sequence of `tokens` tokens.
    func prefillPairs(tokens: Int128, convention: AttentionFlopsConvention) throws(CostError) -> Int128 {
        let all = fullLayers + slidingLayers
        switch convention {
        case .full:
            // The whole S x S matrix in every layer, masked afterwards (windows save nothing).
            return try Checked.mul(all, tokens, tokens, term: "attention pairs")
        case .causal:
            let causal = try Checked.mul(tokens, tokens + 1, term: "attention pairs") / 2
            var pairs = try Checked.mul(fullLayers, causal, term: "attention pairs")
            if let window, slidingLayers > 0 {
                // Position i (1-based) attends to min(i, window) keys.
                let capped = tokens <= window ? causal
                    : try Checked.add(try Checked.mul(window, window + 1, term: "attention pairs") / 2,
                                      try Checked.mul(tokens - window, window, term: "attention pairs"),
                                      term: "attention pairs")
                pairs = try Checked.add(pairs, try Checked.mul(slidingLayers, capped, term: "attention pairs"),
                                        term: "attention pairs")
            }
            return pairs
        }
    }

    /// Keys one decoded token attends to, summed over the layers: context + 1, or at most the window.
    func decodePairs(context: Int128) throws(CostError) -> Int128 {
        try cachedTokens(context + 1)
    }

    /// `tokens` in full layers plus min(tokens, window) in windowed layers.
    func cachedTokens(_ tokens: Int128) throws(CostError) -> Int128 {
        let capped = window.map { min(tokens, $0) } ?? tokens
        return try Checked.add(try Checked.mul(fullLayers, tokens, term: "attention pairs"),
                               try Checked.mul(slidingLayers, capped, term: "attention pairs"), term: "attention pairs")
    }

    /// MLA's naive decode: re-expanding every cached latent through kv_b_proj,
    /// 2 x cached tokens x kv_lora_rank x heads x (qk_nope + v_head_dim); `nil` for standard attention.
    func naiveReexpansionFlops(context: Int128) throws(CostError) -> Int128? {
        guard let mla = spec.attention.mla else { return nil }
        let perToken = try Checked.mul(
            2, Int128(size: mla.kvLoraRank), heads, Int128(size: mla.qkNopeHeadDim + mla.vHeadDim), term: "mla expansion")
        return try Checked.mul(perToken, try cachedTokens(context), term: "mla expansion")
    }
}

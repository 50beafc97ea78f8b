/// FLOPs of one phase, matrix multiplies only, 2 FLOPs per multiply-add.
public struct FlopBreakdown: Hashable, Codable, Sendable {
    /// Weight matmuls: q, k, v, o, MLP and the lm_head.
    public var linear: Int128
    /// Score (Q K^T) and value (A V) matmuls.
    public var attention: Int128
    /// `linear + attention`.
    public var total: Int128
}

/// FLOPs for prefilling `batch` sequences and for one decode step of `batch` sequences.
public struct FlopsEstimate: Hashable, Codable, Sendable {
    /// `batch` sequences of `context` tokens from an empty cache.
    public var prefill: FlopBreakdown
    /// One new token for each of `batch` sequences with `context` tokens already cached.
    public var decode: FlopBreakdown
}

enum FlopCount {
    /// Query-key pairs one sequence of `tokens` tokens scores in prefill, per head and layer.
    static func prefillKeyPairs(tokens: Int128, convention: AttentionFlopsConvention) throws(CostError) -> Int128 {
        switch convention {
        case .full: try Checked.mul(tokens, tokens, term: "attention pairs")
        case .causal: try Checked.mul(tokens, tokens + 1, term: "attention pairs") / 2
        }
    }

    /// FLOPs of Q K^T plus A V for `pairs` query-key pairs in every head of every layer.
    static func attentionFlops(_ spec: ArchitectureSpec, pairs: Int128) throws(CostError) -> Int128 {
        // QK^T: head_dim multiply-adds per pair; AV: head_dim multiply-adds per pair; 2 FLOPs each.
        try Checked.mul(
            4, Int128(size: spec.attention.heads), Int128(size: spec.attention.headDim), pairs,
            Int128(size: spec.layers), term: "attention FLOPs")
    }

    static func estimate(
        _ spec: ArchitectureSpec, context: Int, batch: Int, options: CostOptions
    ) throws(CostError) -> FlopsEstimate {
        let weights = try ParameterCount.matmulWeights(spec)
        let tokens = Int128(size: context)
        let sequences = Int128(size: batch)
        let layerWeights = try Checked.mul(
            weights.layers, try Checked.add(weights.attentionPerLayer, weights.mlpPerLayer, term: "layer weights"),
            term: "layer weights")

        // Prefill: every token goes through the layers; logits for the last position or all of them.
        let logitPositions: Int128 = options.logits == .all ? tokens : 1
        let prefillLinearOne = try Checked.add(
            try Checked.mul(2, tokens, layerWeights, term: "prefill FLOPs"),
            try Checked.mul(2, logitPositions, weights.lmHead, term: "prefill FLOPs"), term: "prefill FLOPs")
        let pairs = try prefillKeyPairs(tokens: tokens, convention: options.attentionFlops)
        let prefillAttentionOne = try attentionFlops(spec, pairs: pairs)
        let prefillLinear = try Checked.mul(sequences, prefillLinearOne, term: "prefill FLOPs")
        let prefillAttention = try Checked.mul(sequences, prefillAttentionOne, term: "prefill FLOPs")

        // Decode: one token through the layers and the lm_head, attending to context + 1 keys.
        let decodeLinearOne = try Checked.mul(
            2, try Checked.add(layerWeights, weights.lmHead, term: "decode FLOPs"), term: "decode FLOPs")
        let decodeAttentionOne = try attentionFlops(spec, pairs: tokens + 1)
        let decodeLinear = try Checked.mul(sequences, decodeLinearOne, term: "decode FLOPs")
        let decodeAttention = try Checked.mul(sequences, decodeAttentionOne, term: "decode FLOPs")

        return FlopsEstimate(
            prefill: FlopBreakdown(
                linear: prefillLinear, attention: prefillAttention,
                total: try Checked.add(prefillLinear, prefillAttention, term: "prefill FLOPs")),
            decode: FlopBreakdown(
                linear: decodeLinear, attention: decodeAttention,
                total: try Checked.add(decodeLinear, decodeAttention, term: "decode FLOPs")))
    }
}

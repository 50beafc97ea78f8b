/// FLOPs of one phase, matrix multiplies only, 2 FLOPs per multiply-add.
public struct FlopBreakdown: Hashable, Codable, Sendable {
    /// Weight matmuls: attention projections, MLP (active experts and router for MoE) and the lm_head.
    public var linear: Int128
    /// Score (Q K^T) and value (A V) matmuls, plus MLA's cache re-expansion in the naive decode form.
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
    static func estimate(
        _ spec: ArchitectureSpec, context: Int, batch: Int, options: CostOptions
    ) throws(CostError) -> FlopsEstimate {
        let weights = try LayerWeights(spec)
        let tokens = Int128(size: context)
        let sequences = Int128(size: batch)
        let layerMatrices = try weights.layerMatricesPerToken
        let layout = AttentionLayout(spec)

        // Prefill: every token goes through the layers; logits for the last position or all of them.
        let logitPositions: Int128 = options.logits == .all ? tokens : 1
        let prefillLinearOne = try Checked.add(
            try Checked.mul(2, tokens, layerMatrices, term: "prefill FLOPs"),
            try Checked.mul(2, logitPositions, weights.lmHeadMatrices, term: "prefill FLOPs"), term: "prefill FLOPs")
        let prefillPairs = try layout.prefillPairs(tokens: tokens, convention: options.attentionFlops)
        let prefillAttentionOne = try Checked.mul(
            layout.prefillFlopsPerPair, prefillPairs, term: "prefill attention FLOPs")

        // Decode: one token through the layers and the lm_head, attending to context + 1 keys (fewer in windows).
        let decodeLinearOne = try Checked.mul(
            2, try Checked.add(layerMatrices, weights.lmHeadMatrices, term: "decode FLOPs"), term: "decode FLOPs")
        let decodePairs = try layout.decodePairs(context: tokens)
        var decodeAttentionOne = try Checked.mul(
            layout.decodeFlopsPerPair(options.mlaDecode), decodePairs, term: "decode attention FLOPs")
        if options.mlaDecode == .naive, let expansion = try layout.naiveReexpansionFlops(context: tokens) {
            decodeAttentionOne = try Checked.add(decodeAttentionOne, expansion, term: "decode attention FLOPs")
        }

        let prefill = try phase(linear: prefillLinearOne, attention: prefillAttentionOne, sequences: sequences,
                                term: "prefill FLOPs")
        let decode = try phase(linear: decodeLinearOne, attention: decodeAttentionOne, sequences: sequences,
                               term: "decode FLOPs")
        return FlopsEstimate(prefill: prefill, decode: decode)
    }

    static func phase(linear: Int128, attention: Int128, sequences: Int128, term: String) throws(CostError)
        -> FlopBreakdown {
        let linear = try Checked.mul(sequences, linear, term: term)
        let attention = try Checked.mul(sequences, attention, term: term)
        return FlopBreakdown(linear: linear, attention: attention, total: try Checked.add(linear, attention, term: term))
    }
}

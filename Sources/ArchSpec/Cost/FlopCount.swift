/// FLOPs of one phase, matrix multiplies only, 2 FLOPs per multiply-add.
public struct FlopBreakdown: Hashable, Codable, Sendable {
    /// Weight matmuls: attention projections, MLP (active experts and router for MoE) and the lm_head.
    public var linear: Int128
    /// Score (Q K^T) and value (A V) matmuls, plus MLA's cache re-expansion in the naive decode form and
    /// DeepSeek sparse attention's indexer scores.
    public var attention: Int128
    /// `linear + attention + recurrent`.
    public var total: Int128
    /// Recurrent mixers' state update and readout and their causal convolutions (linear attention, Mamba),
    /// in the recurrent form, per token.
    public var recurrent: Int128 = 0
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
        _ layers: PlanCosts, context: Int, batch: Int, options: CostOptions
    ) throws(CostError) -> FlopsEstimate {
        let tokens = Int128(size: context)
        let sequences = Int128(size: batch)
        let layerMatrices = try layers.sum("layer weights") { $0.matricesPerToken }
        let lmHead = try layers.lmHeadMatrices
        let recurrentPerToken = try layers.sum("recurrent FLOPs") { $0.recurrentFlopsPerToken }

        // Prefill: every token goes through the layers; logits for the last position or all of them.
        let logitPositions: Int128 = options.logits == .all ? tokens : 1
        let prefillLinearOne = try Checked.add(
            try Checked.mul(2, tokens, layerMatrices, term: "prefill FLOPs"),
            try Checked.mul(2, logitPositions, lmHead, term: "prefill FLOPs"), term: "prefill FLOPs")
        let prefillAttentionOne = try layers.sumAttention("prefill attention FLOPs") { a, _ throws(CostError) in
            try AttentionFlops(a).prefill(tokens: tokens, convention: options.attentionFlops)
        }

        // Decode: one token through the layers and the lm_head, attending to context + 1 keys (fewer in windows).
        let decodeLinearOne = try Checked.mul(2, try Checked.add(layerMatrices, lmHead, term: "decode FLOPs"),
                                              term: "decode FLOPs")
        let decodeAttentionOne = try layers.sumAttention("decode attention FLOPs") { a, _ throws(CostError) in
            try AttentionFlops(a).decode(context: tokens, form: options.mlaDecode)
        }

        var prefill = try phase(linear: prefillLinearOne, attention: prefillAttentionOne, sequences: sequences,
                                term: "prefill FLOPs")
        var decode = try phase(linear: decodeLinearOne, attention: decodeAttentionOne, sequences: sequences,
                               term: "decode FLOPs")
        if recurrentPerToken > 0 {
            prefill.recurrent = try Checked.mul(sequences, tokens, recurrentPerToken, term: "prefill FLOPs")
            prefill.total = try Checked.add(prefill.total, prefill.recurrent, term: "prefill FLOPs")
            decode.recurrent = try Checked.mul(sequences, recurrentPerToken, term: "decode FLOPs")
            decode.total = try Checked.add(decode.total, decode.recurrent, term: "decode FLOPs")
        }
        return FlopsEstimate(prefill: prefill, decode: decode)
    }

    static func phase(linear: Int128, attention: Int128, sequences: Int128, term: String) throws(CostError)
        -> FlopBreakdown {
        let linear = try Checked.mul(sequences, linear, term: term)
        let attention = try Checked.mul(sequences, attention, term: term)
        return FlopBreakdown(linear: linear, attention: attention, total: try Checked.add(linear, attention, term: term))
    }
}

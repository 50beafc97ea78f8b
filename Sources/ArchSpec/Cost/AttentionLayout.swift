/// Attention FLOPs of one attention layer: FLOPs per query-key pair times the pairs each phase scores, with
/// windowed, chunked and top-k (sparse) layers capped.
struct AttentionFlops {
    let attention: AttentionMixer

    init(_ attention: AttentionMixer) { self.attention = attention }

    var heads: Int128 { Int128(size: attention.heads) }

    /// Score plus value FLOPs for one query-key pair, all heads: 2 x heads x (qk width + v width).
    /// MLA prefill computes with expanded heads (qk_nope + qk_rope and v_head_dim).
    var prefillFlopsPerPair: Int128 {
        2 * heads * (Int128(size: attention.headDim) + Int128(size: attention.valueHeadDim))
    }

    /// As `prefillFlopsPerPair`, except that MLA's absorbed form scores and sums against the latent:
    /// 2 x heads x ((kv_lora_rank + qk_rope_head_dim) + kv_lora_rank).
    func decodeFlopsPerPair(_ form: MLADecodeForm) -> Int128 {
        guard case .latent(let mla) = attention.form, form == .absorbed else { return prefillFlopsPerPair }
        return 2 * heads * (2 * Int128(size: mla.kvLoraRank) + Int128(size: mla.qkRopeHeadDim))
    }

    /// The indexer's score FLOPs per query-key pair: 2 x indexer heads x indexer head_dim.
    var indexerFlopsPerPair: Int128 {
        guard let indexer = attention.indexer else { return 0 }
        return 2 * Int128(size: indexer.heads) * Int128(size: indexer.headDim)
    }

    /// The keys the main attention scores per query are capped by the span and, with an indexer, by top_k.
    var cap: Int128? {
        let span: Int128? = switch attention.span {
        case .full: nil
        case .sliding(let window): Int128(size: window)
        case .chunked: nil
        }
        guard let topK = attention.indexer.map({ Int128(size: $0.topK) }) else { return span }
        return span.map { min($0, topK) } ?? topK
    }

    func prefill(tokens: Int128, convention: AttentionFlopsConvention) throws(CostError) -> Int128 {
        let pairs = try prefillPairs(tokens: tokens, convention: convention)
        var flops = try Checked.mul(prefillFlopsPerPair, pairs, term: "prefill attention FLOPs")
        if attention.indexer != nil {
            let all = try Self.causalPairs(tokens, convention: convention)
            flops = try Checked.add(flops, try Checked.mul(indexerFlopsPerPair, all, term: "indexer FLOPs"),
                                    term: "prefill attention FLOPs")
        }
        return flops
    }

    static func causalPairs(_ tokens: Int128, convention: AttentionFlopsConvention) throws(CostError) -> Int128 {
        switch convention {
        case .full: try Checked.mul(tokens, tokens, term: "attention pairs")
        case .causal: try Checked.mul(tokens, tokens + 1, term: "attention pairs") / 2
        }
    }

    /// Query-key pairs for one prefilled sequence of `tokens` tokens.
    func prefillPairs(tokens: Int128, convention: AttentionFlopsConvention) throws(CostError) -> Int128 {
        // The whole S x S matrix, masked afterwards (windows save nothing).
        if convention == .full { return try Self.causalPairs(tokens, convention: .full) }
        if case .chunked(let size) = attention.span, size > 0 {
            // Full chunks of c tokens score c(c+1)/2 pairs each; the last partial chunk r(r+1)/2.
            let c = Int128(size: size), chunks = tokens / c, rest = tokens % c
            return try Checked.add(try Checked.mul(chunks, c * (c + 1) / 2, term: "attention pairs"),
                                   rest * (rest + 1) / 2, term: "attention pairs")
        }
        let causal = try Self.causalPairs(tokens, convention: .causal)
        guard let window = cap, tokens > window else { return causal }
        // Position i (1-based) attends to min(i, window) keys.
        return try Checked.add(try Checked.mul(window, window + 1, term: "attention pairs") / 2,
                               try Checked.mul(tokens - window, window, term: "attention pairs"), term: "attention pairs")
    }

    /// Keys one decoded token attends to at `context` cached tokens: context + 1, capped.
    func decodeKeys(context: Int128) -> Int128 {
        if case .chunked(let size) = attention.span, size > 0 { return context % Int128(size: size) + 1 }
        return cap.map { min(context + 1, $0) } ?? context + 1
    }

    func decode(context: Int128, form: MLADecodeForm) throws(CostError) -> Int128 {
        var flops = try Checked.mul(decodeFlopsPerPair(form), decodeKeys(context: context), term: "decode attention FLOPs")
        if attention.indexer != nil {
            flops = try Checked.add(flops, try Checked.mul(indexerFlopsPerPair, context + 1, term: "indexer FLOPs"),
                                    term: "decode attention FLOPs")
        }
        if form == .naive, case .latent(let mla) = attention.form {
            // Re-expanding every cached latent through kv_b_proj: 2 x cached x kv_lora_rank x heads x (nope + v).
            let perToken = try Checked.mul(
                2, Int128(size: mla.kvLoraRank), heads, Int128(size: mla.qkNopeHeadDim + mla.vHeadDim), term: "mla expansion")
            let cached = attention.span.cachedTokens(context)
            flops = try Checked.add(flops, try Checked.mul(perToken, cached, term: "mla expansion"),
                                    term: "decode attention FLOPs")
        }
        return flops
    }
}

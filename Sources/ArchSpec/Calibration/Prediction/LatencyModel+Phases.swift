extension LatencyModel {
    /// Predicted prefill of `tokens` tokens from an empty cache (logits of the last position only).
    public mutating func prefill(_ spec: ArchitectureSpec, tokens: Int) -> PhasePrediction {
        var parts: [String: Double] = [:]
        for linear in SpecShapes.linears(spec) {
            if linear.name == "lm_head" {
                parts["lm_head"] = gemvSeconds(n: linear.n, k: linear.k)
            } else {
                parts["linear:\(linear.name)"] = Double(linear.count) * gemmSeconds(m: tokens, n: linear.n, k: linear.k)
            }
        }
        parts["attention"] = Double(spec.layers) * prefillAttentionSeconds(SpecShapes.attention(spec), tokens: tokens)
        parts["elementwise"] = Double(spec.layers) * streamSeconds(elementwiseBytes(spec, rows: tokens))
        return PhasePrediction(seconds: parts.values.reduce(0, +), breakdown: parts)
    }

    /// Predicted decode step of one token with `context` tokens already cached.
    public mutating func decodeStep(_ spec: ArchitectureSpec, context: Int) -> PhasePrediction {
        var parts: [String: Double] = [:]
        for linear in SpecShapes.linears(spec) {
            let key = linear.name == "lm_head" ? "lm_head" : "linear:\(linear.name)"
            parts[key] = Double(linear.count) * gemvSeconds(n: linear.n, k: linear.k)
        }
        parts["attention"] = Double(spec.layers) * decodeAttentionSeconds(SpecShapes.attention(spec), context: context + 1)
        parts["elementwise"] = Double(spec.layers) * streamSeconds(elementwiseBytes(spec, rows: 1))
        return PhasePrediction(seconds: parts.values.reduce(0, +), breakdown: parts)
    }

    /// Bytes one layer's norms, residual adds, rope, cache writes and activation read and write for `rows` rows.
    func elementwiseBytes(_ spec: ArchitectureSpec, rows: Int) -> Double {
        let a = spec.attention, h = Double(spec.hiddenSize)
        let qkv = Double((a.heads + 2 * a.kvHeads) * a.headDim)
        let up = Double(spec.mlp.kind == .gated ? 2 * spec.mlp.intermediateSize : spec.mlp.intermediateSize)
        // 2 norms (read + write), 2 residual adds (2 reads + write), q/k/v copies and rope (read + write), activation.
        return 4 * Double(rows) * (2 * 2 * h + 2 * 3 * h + 2 * 2 * qkv + 2 * up)
    }
}

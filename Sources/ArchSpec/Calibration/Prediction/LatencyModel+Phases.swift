extension LatencyModel {
    /// Predicted prefill of `tokens` tokens from an empty cache (logits of the last position only).
    public mutating func prefill(_ spec: ArchitectureSpec, tokens: Int) -> PhasePrediction {
        var parts: [String: Double] = [:]
        for linear in SpecShapes.linears(spec) {
            if linear.name == "lm_head" {
                parts["lm_head"] = gemvSeconds(n: linear.n, k: linear.k)
            } else if linear.routed, let moe = spec.moe {
                // Expected uniform routing: every expert gets tokens·top_k/experts rows (some one more).
                let share = SpecShapes.expertRows(spec, tokens: tokens)
                let perLayer = Double(moe.experts - share.extra) * linearSeconds(rows: share.rows, linear)
                    + Double(share.extra) * linearSeconds(rows: share.rows + 1, linear)
                parts["linear:\(linear.name)"] = Double(linear.count) * perLayer
            } else {
                parts["linear:\(linear.name)"] = Double(linear.count) * gemmSeconds(m: tokens, n: linear.n, k: linear.k)
            }
        }
        parts["attention"] = Double(spec.layers) * prefillAttentionSeconds(SpecShapes.attention(spec), tokens: tokens)
        parts["elementwise"] = elementwiseSeconds(spec, rows: tokens)
        if spec.moe != nil { parts["moe:combine"] = combineSeconds(spec, rows: tokens) }
        return PhasePrediction(seconds: parts.values.reduce(0, +), breakdown: parts)
    }

    /// Predicted decode step of one token with `context` tokens already cached.
    public mutating func decodeStep(_ spec: ArchitectureSpec, context: Int) -> PhasePrediction {
        var parts: [String: Double] = [:]
        for linear in SpecShapes.linears(spec) {
            let key = linear.name == "lm_head" ? "lm_head" : "linear:\(linear.name)"
            let perToken = linear.routed ? Double(min(max(0, spec.moe?.topK ?? 0), spec.moe?.experts ?? 0)) : 1
            parts[key] = Double(linear.count) * perToken * gemvSeconds(n: linear.n, k: linear.k)
        }
        parts["attention"] = Double(spec.layers) * decodeAttentionSeconds(SpecShapes.attention(spec), context: context + 1)
        parts["elementwise"] = elementwiseSeconds(spec, rows: 1)
        if spec.moe != nil { parts["moe:combine"] = combineSeconds(spec, rows: 1) }
        return PhasePrediction(seconds: parts.values.reduce(0, +), breakdown: parts)
    }

    /// Seconds of every layer's norms, residual adds, rope, cache writes and MLP activations for `rows` rows.
    func elementwiseSeconds(_ spec: ArchitectureSpec, rows: Int) -> Double {
        let denseUp = spec.mlp.kind == .gated ? 2 * spec.mlp.intermediateSize : spec.mlp.intermediateSize
        guard let moe = spec.moe else { return Double(spec.layers) * streamSeconds(elementwiseBytes(spec, rows: rows, up: Double(denseUp))) }
        let moeLayers = moe.moeLayerCount(layers: spec.layers), gated = spec.mlp.kind == .gated ? 2.0 : 1.0
        // An MoE layer activates top_k expert widths and every shared expert's width per row.
        let moeUp = gated * (Double(min(moe.topK, moe.experts)) * Double(moe.expertIntermediateSize)
            + Double(moe.sharedExperts) * Double(moe.sharedExpertIntermediateSize))
        return Double(spec.layers - moeLayers) * streamSeconds(elementwiseBytes(spec, rows: rows, up: Double(denseUp)))
            + Double(moeLayers) * streamSeconds(elementwiseBytes(spec, rows: rows, up: moeUp))
    }

    /// Seconds of every MoE layer's routing (softmax and top-k over the router logits), gathering each routed
    /// row and adding the weighted expert outputs (and shared experts' outputs) back, at the triad bandwidth.
    func combineSeconds(_ spec: ArchitectureSpec, rows: Int) -> Double {
        guard let moe = spec.moe else { return 0 }
        let h = Double(spec.hiddenSize), k = Double(min(moe.topK, moe.experts))
        // Logits read + probabilities write; per routed row a gather (read + write) and a scaled add (2 reads +
        // write); per shared expert a scaled add.
        let bytes = 4 * Double(rows) * (2 * Double(moe.experts) + k * (2 * h + 3 * h) + Double(moe.sharedExperts) * 3 * h)
        return Double(moe.moeLayerCount(layers: spec.layers)) * streamSeconds(bytes)
    }

    /// Seconds of one routed-expert linear over `rows` rows: nothing for none, the GEMV for one, else the GEMM.
    mutating func linearSeconds(rows: Int, _ linear: SpecShapes.Linear) -> Double {
        switch rows {
        case ..<1: 0
        case 1: gemvSeconds(n: linear.n, k: linear.k)
        default: gemmSeconds(m: rows, n: linear.n, k: linear.k)
        }
    }

    /// Bytes one layer's norms, residual adds, rope, cache writes and activation read and write for `rows` rows
    /// (`up`: activation columns per row, the fused gate+up width of a gated MLP).
    func elementwiseBytes(_ spec: ArchitectureSpec, rows: Int, up: Double) -> Double {
        let a = spec.attention, h = Double(spec.hiddenSize)
        let qkv = Double((a.heads + 2 * a.kvHeads) * a.headDim)
        // 2 norms (read + write), 2 residual adds (2 reads + write), q/k/v copies and rope (read + write), activation.
        return 4 * Double(rows) * (2 * 2 * h + 2 * 3 * h + 2 * 2 * qkv + 2 * up)
    }
}

/// The matrix products one transformer layer (and the lm_head) of a spec performs, as the forward pass runs
/// them: fused QKV, output projection, fused gate+up (or up), down, lm_head.
public enum SpecShapes {
    /// A named linear layer: y[M, n] = x[M, k] · Wᵀ.
    public struct Linear: Hashable, Sendable {
        public var name: String
        public var n: Int
        public var k: Int
        /// How many times it runs per forward pass (layers, or 1 for the lm_head); for a routed expert's
        /// linear, per MoE layer it runs once per expert that receives tokens, over those tokens only.
        public var count: Int
        /// A routed expert's linear: `experts` copies per MoE layer, each over the tokens routed to it.
        public var routed: Bool = false
    }

    /// The linear layers of one forward pass: the dense MLP's in dense layers; in MoE layers the router,
    /// the routed experts' (`expert_*`, `routed`), the shared experts' (`shared_*`) and the shared-expert gate.
    public static func linears(_ spec: ArchitectureSpec) -> [Linear] {
        let a = spec.attention, h = spec.hiddenSize, l = spec.layers
        let moeLayers = spec.moe?.moeLayerCount(layers: l) ?? 0
        func mlp(_ prefix: String, width: Int, count: Int, routed: Bool = false) -> [Linear] {
            let gated = spec.mlp.kind == .gated
            return [
                Linear(name: prefix + (gated ? "gate_up" : "up"), n: gated ? 2 * width : width, k: h, count: count, routed: routed),
                Linear(name: prefix + "down", n: h, k: width, count: count, routed: routed),
            ]
        }
        var all = [
            Linear(name: "qkv", n: (a.heads + 2 * a.kvHeads) * a.headDim, k: h, count: l),
            Linear(name: "attn_out", n: h, k: a.heads * a.headDim, count: l),
        ]
        all += mlp("", width: spec.mlp.intermediateSize, count: l - moeLayers)
        if let moe = spec.moe, moeLayers > 0 {
            all.append(Linear(name: "router", n: moe.experts, k: h, count: moeLayers))
            all += mlp("expert_", width: moe.expertIntermediateSize, count: moeLayers, routed: true)
            let shared = moeLayers.multipliedReportingOverflow(by: max(0, moe.sharedExperts))
            all += mlp("shared_", width: moe.sharedExpertIntermediateSize, count: shared.overflow ? Int.max : shared.partialValue)
            if moe.sharedExpertGate, moe.sharedExperts > 0 { all.append(Linear(name: "shared_gate", n: 1, k: h, count: moeLayers)) }
        }
        all.append(Linear(name: "lm_head", n: spec.vocabSize, k: h, count: 1))
        return all.filter { $0.count > 0 }
    }

    /// GEMM shapes of the spec's linears at each row count (the lm_head is left out: a forward pass computes
    /// logits of the last position only, through the GEMV kernel). A routed expert's rows are the expected
    /// share of them, rows · top_k / experts (at least 1).
    public static func gemm(_ spec: ArchitectureSpec, rows: [Int]) -> [GEMMShape] {
        let layers = linears(spec).filter { $0.name != "lm_head" }
        return Array(Set(layers.flatMap { l in
            rows.map { GEMMShape(m: l.routed ? max(1, expertRows(spec, tokens: $0).rows) : $0, n: l.n, k: l.k) }
        })).sorted()
    }

    /// Rows each routed expert runs over when `tokens` tokens spread uniformly: `tokens · top_k / experts`
    /// rounded down, and `extra` experts that take one row more (so the rows add up to tokens · top_k).
    public static func expertRows(_ spec: ArchitectureSpec, tokens: Int) -> (rows: Int, extra: Int) {
        guard let moe = spec.moe, moe.experts > 0 else { return (0, 0) }
        let total = tokens.multipliedReportingOverflow(by: min(max(0, moe.topK), moe.experts))
        let assigned = total.overflow ? Int.max : total.partialValue
        return (assigned / moe.experts, assigned % moe.experts)
    }

    /// The (N, K) weight shapes of the spec's linears, for the rotating GEMV probe.
    public static func gemv(_ spec: ArchitectureSpec) -> [GEMVShape] {
        Array(Set(linears(spec).map { GEMVShape(n: $0.n, k: $0.k) }))
    }

    public static func attention(_ spec: ArchitectureSpec) -> AttentionHeads {
        AttentionHeads(heads: spec.attention.heads, kvHeads: spec.attention.kvHeads, headDim: spec.attention.headDim)
    }
}

/// A weight matrix shape for the GEMV probe: N rows (outputs) of K inputs.
public struct GEMVShape: Hashable, Codable, Sendable {
    public var n: Int
    public var k: Int

    public init(n: Int, k: Int) {
        self.n = n
        self.k = k
    }
}

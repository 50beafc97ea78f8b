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

    /// The linear layers of one forward pass, read from the layer plan: each attention layer's fused qkv and
    /// output projection, each dense MLP's, and in MoE layers the router, the routed experts' (`expert_*`,
    /// `routed`), the shared experts' (`shared_*`) and the shared-expert gate; equal linears of different layer
    /// kinds are merged with their counts added. (The forward pass runs only the kinds `ForwardPass` supports.)
    public static func linears(_ spec: ArchitectureSpec) -> [Linear] {
        let h = spec.hiddenSize
        guard let plan = try? spec.plan else { return [] }
        var all: [Linear] = []
        func add(_ linear: Linear) {
            guard linear.count > 0 else { return }
            if let at = all.firstIndex(where: { $0.name == linear.name && $0.n == linear.n && $0.k == linear.k && $0.routed == linear.routed }) {
                let sum = all[at].count.addingReportingOverflow(linear.count)
                all[at].count = sum.overflow ? Int.max : sum.partialValue
            } else {
                all.append(linear)
            }
        }
        func mlp(_ prefix: String, _ ff: FeedForward, count: Int, routed: Bool = false) {
            add(Linear(name: prefix + (ff.gated ? "gate_up" : "up"), n: ff.gated ? 2 * ff.width : ff.width, k: h,
                       count: count, routed: routed))
            add(Linear(name: prefix + "down", n: h, k: ff.width, count: count, routed: routed))
        }
        for (layer, count) in plan.groups where count > 0 {
            if let a = layer.mixer.attention {
                add(Linear(name: "qkv", n: (a.heads + 2 * a.kvHeads) * a.headDim, k: h, count: count))
                add(Linear(name: "attn_out", n: h, k: a.heads * a.headDim, count: count))
            }
            switch layer.channel {
            case .dense(let ff):
                mlp("", ff, count: count)
            case .moe(let moe):
                add(Linear(name: "router", n: moe.experts, k: h, count: count))
                mlp("expert_", moe.expert, count: count, routed: true)
                let shared = count.multipliedReportingOverflow(by: max(0, moe.sharedExperts))
                mlp("shared_", moe.shared, count: shared.overflow ? Int.max : shared.partialValue)
                if moe.sharedGate, moe.sharedExperts > 0 { add(Linear(name: "shared_gate", n: 1, k: h, count: count)) }
            case .none:
                break
            }
        }
        add(Linear(name: "lm_head", n: spec.vocabSize, k: h, count: 1))
        return all
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

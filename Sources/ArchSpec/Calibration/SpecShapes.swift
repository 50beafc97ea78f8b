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
        /// Runs in prefill only (MLA's kv_b expansion), decode only (its absorbed form), or both (nil).
        public var only: Phase? = nil
        /// Rows it runs over per forward pass are the cached tokens, not the new ones (MLA's kv_b expansion).
        public var overCache: Bool = false
    }

    /// A forward phase.
    public enum Phase: Hashable, Sendable { case prefill, decode }

    /// The linear layers of one forward pass, read from the layer plan and named as the forward pass times
    /// them: attention's fused projection (`qkv`; MLA's `qkv_a`, `q_b`, `kv_b` in prefill and
    /// `kv_b_absorbed` in decode) and `attn_out`; recurrent mixers' `in_proj`, `ba` / `out_gate` / `x_proj` and
    /// `dt_proj`, `out_proj`; each dense MLP's; in MoE layers the router, the routed experts' (`expert_*`,
    /// `routed`), the shared experts' (`shared_*`) and the shared-expert gate; equal linears of different layer
    /// kinds are merged with their counts added.
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
                let dims = ForwardAttentionWeights.Dims(a)
                if case .latent(let mla) = a.form {
                    add(Linear(name: "qkv_a", n: dims.projection, k: h, count: count))
                    if let rank = mla.qLoraRank { add(Linear(name: "q_b", n: dims.queryWidth, k: rank, count: count)) }
                    let expand = a.heads * (mla.qkNopeHeadDim + mla.vHeadDim)
                    add(Linear(name: "kv_b", n: expand, k: mla.kvLoraRank, count: count, only: .prefill, overCache: true))
                    add(Linear(name: "kv_b_absorbed", n: expand, k: mla.kvLoraRank, count: count, only: .decode))
                } else {
                    add(Linear(name: "qkv", n: dims.projection, k: h, count: count))
                }
                add(Linear(name: "attn_out", n: h, k: a.heads * a.valueHeadDim, count: count))
            }
            if let sizes = ForwardRecurrentWeights.Sizes(layer.mixer, hidden: h) {
                add(Linear(name: "in_proj", n: sizes.projection, k: h, count: count))
                switch layer.mixer {
                case .linearAttention(let l):
                    add(Linear(name: l.kind == .gatedDeltaNet ? "ba" : "out_gate", n: sizes.auxiliary, k: h, count: count))
                case .mamba(let s):
                    add(Linear(name: "x_proj", n: sizes.auxiliary, k: s.innerSize, count: count))
                    add(Linear(name: "dt_proj", n: s.innerSize, k: s.dtRank, count: count))
                default: break
                }
                add(Linear(name: "out_proj", n: h, k: sizes.inner, count: count))
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
        let layers = linears(spec).filter { $0.name != "lm_head" && $0.only != .decode }
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
        attentionLayouts(spec).first ?? AttentionHeads(heads: spec.attention.heads, kvHeads: spec.attention.kvHeads,
                                                       headDim: spec.attention.headDim)
    }

    /// The distinct head layouts of the spec's attention layers, most common first (MLA: every head reads the
    /// cached latent and rotary key, as the absorbed decode does).
    public static func attentionLayouts(_ spec: ArchitectureSpec) -> [AttentionHeads] {
        guard let plan = try? spec.plan else { return [] }
        var counts: [AttentionHeads: Int] = [:]
        for (layer, count) in plan.groups { if let a = layer.mixer.attention { counts[heads(a), default: 0] += count } }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.heads < $1.key.heads }.map(\.key)
    }

    /// The head layout one attention layer runs.
    static func heads(_ a: AttentionMixer) -> AttentionHeads {
        if case .latent(let mla) = a.form {
            return AttentionHeads(heads: a.heads, kvHeads: 1, headDim: mla.kvLoraRank + mla.qkRopeHeadDim)
        }
        return AttentionHeads(heads: a.heads, kvHeads: a.kvHeads, headDim: a.headDim)
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

/// The matrix products one transformer layer (and the lm_head) of a spec performs, as the forward pass runs
/// them: fused QKV, output projection, fused gate+up (or up), down, lm_head.
public enum SpecShapes {
    /// A named linear layer: y[M, n] = x[M, k] · Wᵀ.
    public struct Linear: Hashable, Sendable {
        public var name: String
        public var n: Int
        public var k: Int
        /// How many times it runs per forward pass (layers, or 1 for the lm_head).
        public var count: Int
    }

    /// The linear layers of one forward pass.
    public static func linears(_ spec: ArchitectureSpec) -> [Linear] {
        let a = spec.attention, h = spec.hiddenSize, l = spec.layers
        let up = spec.mlp.kind == .gated ? 2 * spec.mlp.intermediateSize : spec.mlp.intermediateSize
        return [
            Linear(name: "qkv", n: (a.heads + 2 * a.kvHeads) * a.headDim, k: h, count: l),
            Linear(name: "attn_out", n: h, k: a.heads * a.headDim, count: l),
            Linear(name: spec.mlp.kind == .gated ? "gate_up" : "up", n: up, k: h, count: l),
            Linear(name: "down", n: h, k: spec.mlp.intermediateSize, count: l),
            Linear(name: "lm_head", n: spec.vocabSize, k: h, count: 1),
        ]
    }

    /// GEMM shapes of the spec's linears at each row count.
    public static func gemm(_ spec: ArchitectureSpec, rows: [Int]) -> [GEMMShape] {
        Array(Set(linears(spec).flatMap { l in rows.map { GEMMShape(m: $0, n: l.n, k: l.k) } })).sorted()
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

/// One feed-forward block (a dense MLP, a routed expert or a shared expert) of `width` hidden units.
final class ForwardMLPWeights: @unchecked Sendable {
    let gated: Bool, width: Int
    /// Fused [gate; up] (gated MLP) or up projection, (2·)width x hidden.
    let up: FloatBuffer, upBias: FloatBuffer?
    let down: FloatBuffer, downBias: FloatBuffer?

    /// Draws its four buffers from seeds `seed`, `seed + 1`, `seed + 2`, `seed + 3`.
    init(_ ff: FeedForward, hidden h: Int, seed: UInt64) {
        gated = ff.gated
        width = ff.width
        let upRows = ff.gated ? 2 * ff.width : ff.width
        up = Self.matrix(upRows, h, seed: seed)
        upBias = Self.bias(ff.bias, upRows, seed: seed &+ 1)
        down = Self.matrix(h, ff.width, seed: seed &+ 2)
        downBias = Self.bias(ff.bias, h, seed: seed &+ 3)
    }

    /// An n x k matrix, uniform in ±1/√k (activations keep their scale through it).
    static func matrix(_ n: Int, _ k: Int, seed: UInt64) -> FloatBuffer {
        FloatBuffer(random: n * k, scale: 1 / Float(max(1, k)).squareRoot(), seed: seed)
    }

    static func bias(_ present: Bool, _ n: Int, seed: UInt64) -> FloatBuffer? {
        present ? FloatBuffer(random: n, scale: 0.02, seed: seed) : nil
    }
}

/// All weights of a spec with random values, its KV caches and recurrent states, one `ForwardLayerWeights`
/// per layer of the layer plan.
final class ForwardWeights: @unchecked Sendable {
    let embedding: FloatBuffer
    /// Learned position table, context x hidden, when the spec has one.
    let positions: FloatBuffer?
    let layers: [ForwardLayerWeights]
    let finalNorm: FloatBuffer, finalNormBias: FloatBuffer?
    /// nil when tied to `embedding`.
    let lmHead: FloatBuffer?
    /// The lm_head bias, one value per token id, when the spec has one.
    let lmHeadBias: FloatBuffer?
    let capacity: Int
    /// Widths that rope rotates (head_dim, or MLA's rope head dim).
    let ropeWidths: Set<Int>

    /// - Parameter only: The layers to build instead of the plan's (a probe's one-layer pass); nil: the plan's.
    init(_ spec: ArchitectureSpec, capacity: Int, seed: UInt64 = 42, only: [Layer]? = nil) {
        let h = spec.hiddenSize
        embedding = FloatBuffer(random: spec.vocabSize * h, scale: 1, seed: seed)
        positions = spec.position.kind == .learned ? FloatBuffer(random: capacity * h, scale: 0.1, seed: seed &+ 1) : nil
        let plan = (try? spec.plan)
        layers = (0..<(only?.count ?? spec.layers)).map { index in
            let layer = only?[index] ?? plan?.layer(at: index) ?? Layer(mixer: .none, channel: .none, norms: 2)
            return ForwardLayerWeights(spec, layer: layer, capacity: capacity, seed: seed &+ 100 &* UInt64(index + 1))
        }
        finalNorm = FloatBuffer(repeating: 1, count: h)
        finalNormBias = spec.norm.kind == .layernorm && spec.norm.bias ? FloatBuffer(h) : nil
        lmHead = spec.tieEmbeddings ? nil : FloatBuffer(random: spec.vocabSize * h, scale: 1 / Float(h).squareRoot(),
                                                        seed: seed &+ 2)
        lmHeadBias = ForwardMLPWeights.bias(spec.lmHeadBias, spec.vocabSize, seed: seed &+ 3)
        self.capacity = capacity
        var widths = Set<Int>()
        for kind in plan?.kinds ?? [] {
            guard let a = kind.mixer.attention else { continue }
            if case .latent(let mla) = a.form { widths.insert(mla.qkRopeHeadDim) } else { widths.insert(a.headDim) }
        }
        ropeWidths = widths
    }

    /// Bytes the weights, caches, states and activations will take, for the refuse-if-it-will-not-fit check
    /// (every routed expert counts: all of them are allocated). Nil when the spec's costs cannot be counted.
    static func bytesNeeded(_ spec: ArchitectureSpec, capacity: Int, prefill: Int) -> Int128? {
        guard let parameters = try? ParameterCount.breakdown(spec).total,
              let plan = try? spec.plan else { return nil }
        let h = Int128(spec.hiddenSize), rows = Int128(prefill), cap = Int128(capacity)
        var caches: Int128 = 0, widest: Int128 = 0
        for (layer, count) in plan.groups {
            let (cache, width) = ForwardLayerWeights.footprint(layer, hidden: spec.hiddenSize, capacity: capacity)
            caches += Int128(count) * cache
            widest = max(widest, width)
        }
        // Learned positions, the tied or untied lm_head (counted in parameters), activations: residual, normed,
        // projected and each scratch role of the widest layer; scores over the cache.
        let positions = spec.position.kind == .learned ? cap * h : 0
        let activations = rows * (3 * h + 6 * widest) + 4 * cap * 128 + Int128(spec.vocabSize)
        return 4 * (parameters + positions + caches + activations)
    }
}

/// One layer's fp32 weights and per-sequence state, shaped by its `Layer` in the plan; matrices are stored
/// out-features major (N x K), as the kernels expect.
final class ForwardLayerWeights: @unchecked Sendable {
    let layer: Layer
    let norm1: FloatBuffer, norm1Bias: FloatBuffer?
    let norm2: FloatBuffer, norm2Bias: FloatBuffer?
    /// Softmax attention (standard or latent), with its KV cache.
    let attention: ForwardAttentionWeights?
    /// A linear-attention, Mamba, Mamba-2 or short-convolution mixer, with its recurrent state.
    let recurrent: ForwardRecurrentWeights?
    /// The dense MLP (nil in an MoE layer or one without a channel mixer).
    let dense: ForwardMLPWeights?
    /// The router and experts (nil unless an MoE layer).
    let moe: ForwardMoEWeights?

    init(_ spec: ArchitectureSpec, layer: Layer, capacity: Int, seed: UInt64) {
        self.layer = layer
        let h = spec.hiddenSize
        let layerNormBias = spec.norm.kind == .layernorm && spec.norm.bias
        norm1 = FloatBuffer(repeating: 1, count: h)
        norm1Bias = ForwardMLPWeights.bias(layerNormBias, h, seed: seed &+ 1)
        norm2 = FloatBuffer(repeating: 1, count: h)
        norm2Bias = ForwardMLPWeights.bias(layerNormBias, h, seed: seed &+ 6)
        attention = layer.mixer.attention.map { ForwardAttentionWeights($0, hidden: h, capacity: capacity, seed: seed &+ 2) }
        recurrent = ForwardRecurrentWeights(layer.mixer, hidden: h, seed: seed &+ 20)
        switch layer.channel {
        case .dense(let ff):
            dense = ForwardMLPWeights(ff, hidden: h, seed: seed &+ 7)
            moe = nil
        case .moe(let block):
            dense = nil
            moe = ForwardMoEWeights(block, hidden: h, seed: seed)
        case .none:
            dense = nil
            moe = nil
        }
    }

    /// fp32 elements of one layer's cache and state at `capacity` tokens, and the widest per-row activation.
    static func footprint(_ layer: Layer, hidden h: Int, capacity: Int) -> (cache: Int128, width: Int128) {
        var cache: Int128 = 0, width = Int128(h)
        if let a = layer.mixer.attention {
            let dims = ForwardAttentionWeights.Dims(a)
            cache += Int128(capacity) * Int128(dims.cacheWidth)
            // Naive MLA decode expands every cached token's keys and values.
            if case .latent = a.form { cache += Int128(capacity) * Int128(a.heads) * Int128(a.headDim + a.valueHeadDim) }
            cache += Int128(max(128, a.heads)) * Int128(capacity)
            width = max(width, Int128(dims.projection), Int128(dims.queryWidth))
        }
        if let sizes = ForwardRecurrentWeights.Sizes(layer.mixer, hidden: h) {
            cache += Int128(sizes.stateElements + sizes.convChannels * sizes.convKernel)
            width = max(width, Int128(sizes.projection), Int128(sizes.auxiliary))
        }
        switch layer.channel {
        case .dense(let ff): width = max(width, Int128(ff.gated ? 2 : 1) * Int128(ff.width))
        case .moe(let block):
            width = max(width, Int128(block.expert.gated ? 2 : 1) * Int128(max(block.expert.width, block.shared.width)),
                        Int128(block.experts))
        case .none: break
        }
        return (cache, width)
    }
}

/// A softmax attention layer's projections and KV cache.
final class ForwardAttentionWeights: @unchecked Sendable {
    let mixer: AttentionMixer
    let dims: Dims
    /// Standard: fused [q (and its gate); k; v] projection. MLA: q_proj (or q_a_proj) then kv_a_proj fused.
    let projection: FloatBuffer, projectionBias: FloatBuffer?
    /// MLA with q_lora_rank: q_b_proj, heads·qk x rank; and the q_a / kv_a norm weights.
    let queryUp: FloatBuffer?, queryNorm: FloatBuffer?, latentNorm: FloatBuffer?
    /// MLA: kv_b_proj, heads·(nope + v) x kv_lora_rank.
    let latentUp: FloatBuffer?
    let out: FloatBuffer, outBias: FloatBuffer?
    /// q/k norm weights: head_dim each (per-head) or the whole q / k widths (full).
    let queryKeyNorm: (q: FloatBuffer, k: FloatBuffer)?
    /// A learned sink logit per head.
    let sinks: FloatBuffer?
    /// Standard: [kvHeads][capacity][headDim] keys and [kvHeads][capacity][valueHeadDim] values.
    /// MLA: [capacity][kvLoraRank + ropeDim] (normed latent, then the roped shared key) in `keys`.
    let keys: FloatBuffer, values: FloatBuffer
    let capacity: Int

    /// Widths of one row at each stage.
    struct Dims {
        /// Output columns of `projection`.
        var projection: Int
        /// Query columns (and gate columns after them, when gated) in the projection output.
        var queryWidth: Int
        /// Cached floats per token per layer (both caches).
        var cacheWidth: Int

        init(_ a: AttentionMixer) {
            switch a.form {
            case .standard(let kv, let d, let dv):
                queryWidth = a.heads * d * (a.outputGate ? 2 : 1)
                projection = queryWidth + kv * (d + dv)
                cacheWidth = kv * (d + dv)
            case .latent(let mla):
                queryWidth = a.heads * mla.qkHeadDim
                projection = (mla.qLoraRank ?? queryWidth) + mla.kvLoraRank + mla.qkRopeHeadDim
                cacheWidth = mla.kvLoraRank + mla.qkRopeHeadDim
            }
        }
    }

    init(_ a: AttentionMixer, hidden h: Int, capacity: Int, seed: UInt64) {
        mixer = a
        dims = Dims(a)
        self.capacity = capacity
        projection = ForwardMLPWeights.matrix(dims.projection, h, seed: seed)
        projectionBias = ForwardMLPWeights.bias(a.qkvBias, dims.projection, seed: seed &+ 1)
        let valueWidth = a.heads * a.valueHeadDim
        out = ForwardMLPWeights.matrix(h, valueWidth, seed: seed &+ 2)
        outBias = ForwardMLPWeights.bias(a.outBias, h, seed: seed &+ 3)
        sinks = a.sinks ? FloatBuffer(random: a.heads, scale: 1, seed: seed &+ 4) : nil
        switch a.qkNorm {
        case .none: queryKeyNorm = nil
        case .head: queryKeyNorm = (FloatBuffer(repeating: 1, count: a.headDim), FloatBuffer(repeating: 1, count: a.headDim))
        case .full:
            queryKeyNorm = (FloatBuffer(repeating: 1, count: a.heads * a.headDim),
                            FloatBuffer(repeating: 1, count: a.kvHeads * a.headDim))
        }
        if case .latent(let mla) = a.form {
            let queryWidth = dims.queryWidth
            queryUp = mla.qLoraRank.map { ForwardMLPWeights.matrix(queryWidth, $0, seed: seed &+ 5) }
            queryNorm = mla.qLoraRank.map { FloatBuffer(repeating: 1, count: $0) }
            latentNorm = FloatBuffer(repeating: 1, count: mla.kvLoraRank)
            latentUp = ForwardMLPWeights.matrix(a.heads * (mla.qkNopeHeadDim + mla.vHeadDim), mla.kvLoraRank, seed: seed &+ 6)
            keys = FloatBuffer(repeating: 0, count: capacity * Dims(a).cacheWidth)
            values = FloatBuffer(1)
        } else {
            queryUp = nil
            queryNorm = nil
            latentNorm = nil
            latentUp = nil
            // Written through (not left to the mapping's lazy zero pages): a decode step timed at a context
            // the cache was never filled to (the step surface) would otherwise read the one shared zero page.
            keys = FloatBuffer(repeating: 0, count: capacity * a.kvHeads * a.headDim)
            values = FloatBuffer(repeating: 0, count: capacity * a.kvHeads * a.valueHeadDim)
        }
    }
}

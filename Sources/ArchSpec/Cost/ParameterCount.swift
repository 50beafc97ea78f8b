/// Parameters by component, counted as unique tensors (a tied lm_head counts once, in `embedding`).
public struct ParameterBreakdown: Hashable, Codable, Sendable {
    /// Token embedding matrix: vocab_size x hidden_size.
    public var embedding: Int128
    /// Learned position table: (context_length + offset) x hidden_size (0 for rope, alibi and none).
    public var position: Int128
    /// Attention projections with their biases, all layers.
    public var attention: Int128
    /// Feed-forward parameters, all layers: dense MLPs, and in MoE layers every routed expert, the shared
    /// experts, their gate and the router.
    public var mlp: Int128
    /// Norm weights and biases: `norm.per_layer` per layer, the final norm, q/k norms and MLA's latent norms.
    public var norm: Int128
    /// Output projection: vocab_size x hidden_size (0 when tied to the embedding), plus its bias.
    public var lmHead: Int128
    /// Sum of the components.
    public var total: Int128
    /// Parameters used per token: `total` minus the routed experts a token skips (equal to `total` for dense models).
    public var active: Int128
    /// Routed-expert parameters, all MoE layers (part of `mlp`; 0 for dense models).
    public var routedExperts: Int128 = 0
}

enum ParameterCount {
    static func breakdown(_ spec: ArchitectureSpec) throws(CostError) -> ParameterBreakdown {
        let w = try LayerWeights(spec)
        let hidden = Int128(size: spec.hiddenSize)

        let attention = try Checked.mul(w.layers, w.attentionParameters, term: "attention parameters")
        let mlp = try Checked.add(
            try Checked.mul(w.denseLayers, w.denseMLPParameters, term: "mlp parameters"),
            try Checked.mul(w.moeLayers, try w.moeLayerParameters, term: "mlp parameters"), term: "mlp parameters")
        let routed = try Checked.mul(w.moeLayers, w.experts, w.expertParameters, term: "expert parameters")
        let skipped = try Checked.mul(w.moeLayers, w.experts - w.topK, w.expertParameters, term: "expert parameters")

        let norms = try normParameters(spec)
        let positionRows = Int128(size: spec.contextLength) + Int128(size: spec.position.offset)
        let position: Int128 = spec.position.kind == .learned
            ? try Checked.mul(positionRows, hidden, term: "position table") : 0
        let lmHeadBias: Int128 = spec.lmHeadBias ? Int128(size: spec.vocabSize) : 0
        let lmHead = (spec.tieEmbeddings ? 0 : w.lmHeadMatrices) + lmHeadBias
        let embedding = w.lmHeadMatrices  // the embedding has the lm_head's shape: vocab_size x hidden_size
        let total = try Checked.add(embedding, position, attention, mlp, norms, lmHead, term: "parameters")
        var breakdown = ParameterBreakdown(
            embedding: embedding, position: position, attention: attention, mlp: mlp, norm: norms,
            lmHead: lmHead, total: total, active: total - skipped)
        breakdown.routedExperts = routed
        return breakdown
    }

    /// Block norms, the final norm, q/k norms and MLA's latent norms.
    static func normParameters(_ spec: ArchitectureSpec) throws(CostError) -> Int128 {
        let layers = Int128(size: spec.layers)
        let vectors = Int128(spec.norm.vectorsPerNorm)
        let blockNorms = try Checked.add(
            try Checked.mul(layers, Int128(size: spec.norm.perLayer), term: "norms"), spec.norm.final ? 1 : 0,
            term: "norms")
        var total = try Checked.mul(blockNorms, vectors, Int128(size: spec.hiddenSize), term: "norm parameters")
        let a = spec.attention
        let headDim = Int128(size: a.headDim)
        let qkWidth: Int128 = switch a.qkNorm {
        case .none: 0
        case .head: 2 * headDim
        case .full: try Checked.mul(Int128(size: a.heads) + Int128(size: a.kvHeads), headDim, term: "qk norms")
        }
        total = try Checked.add(total, try Checked.mul(layers, qkWidth, vectors, term: "qk norms"), term: "norm parameters")
        if let mla = a.mla {
            // q_a_layernorm (q_lora_rank) and kv_a_layernorm (kv_lora_rank): RMSNorm weights.
            let latent = Int128(size: mla.qLoraRank ?? 0) + Int128(size: mla.kvLoraRank)
            total = try Checked.add(total, try Checked.mul(layers, latent, term: "mla norms"), term: "norm parameters")
        }
        return total
    }
}

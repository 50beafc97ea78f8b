/// Parameters by component, counted as unique tensors (a tied lm_head counts once, in `embedding`).
public struct ParameterBreakdown: Hashable, Codable, Sendable {
    /// Token embedding matrix: vocab_size x hidden_size.
    public var embedding: Int128
    /// Learned position table: (context_length + offset) x hidden_size (0 for rope, alibi and none).
    public var position: Int128
    /// Attention projections with their biases (and gpt-oss sinks, DeepSeek-V3.2's indexer), all layers.
    public var attention: Int128
    /// Feed-forward parameters, all layers: dense MLPs, and in MoE layers every routed expert, the shared
    /// experts, their gate and the router.
    public var mlp: Int128
    /// Norm weights and biases: each layer's norms, the final norm, q/k norms and MLA's latent norms.
    public var norm: Int128
    /// Output projection: vocab_size x hidden_size (0 when tied to the embedding), plus its bias.
    public var lmHead: Int128
    /// Sum of the components.
    public var total: Int128
    /// Parameters used per token: `total` minus the routed experts a token skips (equal to `total` for dense models).
    public var active: Int128
    /// Routed-expert parameters, all MoE layers (part of `mlp`; 0 for dense models).
    public var routedExperts: Int128 = 0
    /// State-space and linear-attention mixers (Mamba, Mamba-2, gated DeltaNet, lightning attention), all layers.
    public var ssm: Int128 = 0
    /// Multi-token-prediction layers: not part of `total` (counted apart, as transformers leaves them out).
    public var mtp: Int128 = 0
    /// A multimodal wrapper's vision tower and projector (from the spec's `vision_parameters`): not part of `total`.
    public var vision: Int128 = 0
}

enum ParameterCount {
    static func breakdown(_ spec: ArchitectureSpec) throws(CostError) -> ParameterBreakdown {
        try breakdown(PlanCosts(spec))
    }

    static func breakdown(_ layers: PlanCosts) throws(CostError) -> ParameterBreakdown {
        let spec = layers.spec
        let hidden = Int128(size: spec.hiddenSize)
        let attention = try layers.sum("attention parameters") { $0.attentionParameters }
        let ssm = try layers.sum("ssm parameters") { $0.ssmParameters }
        let mlp = try layers.sum("mlp parameters") { $0.mlpParameters }
        let routed = try layers.sum("expert parameters") { $0.routedParameters }
        let skipped = try layers.sum("expert parameters") { $0.skippedParameters }
        let finalNorm: Int128 = spec.norm.final ? Int128(spec.norm.vectorsPerNorm) * hidden : 0
        let norms = try Checked.add(try layers.sum("norm parameters") { $0.normParameters }, finalNorm,
                                    term: "norm parameters")
        let positionRows = Int128(size: spec.contextLength) + Int128(size: spec.position.offset)
        let position: Int128 = spec.position.kind == .learned
            ? try Checked.mul(positionRows, hidden, term: "position table") : 0
        let lmHeadBias: Int128 = spec.lmHeadBias ? Int128(size: spec.vocabSize) : 0
        let embedding = try layers.lmHeadMatrices  // the embedding has the lm_head's shape: vocab_size x hidden_size
        let lmHead = (spec.tieEmbeddings ? 0 : embedding) + lmHeadBias
        let total = try Checked.add(embedding, position, attention, ssm, mlp, norms, lmHead, term: "parameters")
        var breakdown = ParameterBreakdown(
            embedding: embedding, position: position, attention: attention, mlp: mlp, norm: norms,
            lmHead: lmHead, total: total, active: total - skipped)
        breakdown.routedExperts = routed
        breakdown.ssm = ssm
        breakdown.vision = Int128(size: spec.visionParameters)
        if let mtp = layers.mtp {
            // Each prediction layer: a decoder layer, eh_proj (2·hidden x hidden), enorm, hnorm and its head norm.
            let extra = try Checked.add(try Checked.mul(2, hidden, hidden, term: "mtp"),
                                        3 * Int128(spec.norm.vectorsPerNorm) * hidden, term: "mtp")
            breakdown.mtp = try Checked.mul(mtp.count, try Checked.add(try mtp.cost.parameters, extra, term: "mtp"),
                                            term: "mtp")
        }
        return breakdown
    }
}

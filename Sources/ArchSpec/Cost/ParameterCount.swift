/// Parameters by component, counted as unique tensors (a tied lm_head counts once, in `embedding`).
public struct ParameterBreakdown: Hashable, Codable, Sendable {
    /// Token embedding matrix: vocab_size x hidden_size.
    public var embedding: Int128
    /// Learned position table: positions x hidden_size (0 for rope, alibi and none).
    public var position: Int128
    /// q, k, v and o projections with their biases, all layers.
    public var attention: Int128
    /// Feed-forward projections with their biases, all layers.
    public var mlp: Int128
    /// Norm weights and biases: two per layer plus the final norm.
    public var norm: Int128
    /// Output projection: vocab_size x hidden_size, 0 when tied to the embedding.
    public var lmHead: Int128
    /// Sum of the components.
    public var total: Int128
    /// Parameters used per token: equal to `total` for dense models.
    public var active: Int128
}

/// Matrix elements each token multiplies through, used by the FLOP count (biases and norms excluded).
struct MatmulWeights: Hashable, Sendable {
    /// q, k, v, o weight elements in one layer.
    var attentionPerLayer: Int128
    /// Feed-forward weight elements in one layer.
    var mlpPerLayer: Int128
    /// lm_head weight elements (vocab x hidden), tied or not: the matmul runs either way.
    var lmHead: Int128
    var layers: Int128
}

enum ParameterCount {
    static func matmulWeights(_ spec: ArchitectureSpec) throws(CostError) -> MatmulWeights {
        let hidden = Int128(size: spec.hiddenSize)
        let attention = spec.attention
        let qWidth = try Checked.mul(Int128(size: attention.heads), Int128(size: attention.headDim), term: "attention width")
        let kvWidth = try Checked.mul(Int128(size: attention.kvHeads), Int128(size: attention.headDim), term: "kv width")
        // q and o: hidden x (heads * head_dim) each; k and v: hidden x (kv_heads * head_dim) each.
        let qkvoWidth = try Checked.add(qWidth, qWidth, kvWidth, kvWidth, term: "attention width")
        let attentionWeights = try Checked.mul(hidden, qkvoWidth, term: "attention parameters")
        let mlpWeights = try Checked.mul(
            Int128(spec.mlp.kind.matrices), hidden, Int128(size: spec.mlp.intermediateSize), term: "mlp parameters")
        let lmHead = try Checked.mul(Int128(size: spec.vocabSize), hidden, term: "lm_head parameters")
        return MatmulWeights(
            attentionPerLayer: attentionWeights, mlpPerLayer: mlpWeights, lmHead: lmHead,
            layers: Int128(size: spec.layers))
    }

    static func breakdown(_ spec: ArchitectureSpec) throws(CostError) -> ParameterBreakdown {
        let weights = try matmulWeights(spec)
        let hidden = Int128(size: spec.hiddenSize)
        let layers = Int128(size: spec.layers)
        let attention = spec.attention

        var attentionBias: Int128 = 0
        if attention.qkvBias {
            attentionBias += try Checked.mul(
                Int128(size: attention.heads) + 2 * Int128(size: attention.kvHeads), Int128(size: attention.headDim),
                term: "attention bias")
        }
        if attention.outBias { attentionBias += hidden }
        let attentionPerLayer = try Checked.add(weights.attentionPerLayer, attentionBias, term: "attention parameters")

        var mlpBias: Int128 = 0
        if spec.mlp.bias {
            // Gated: gate and up biases (intermediate each) + down bias (hidden). Plain: up + down.
            let upBiases = Int128(spec.mlp.kind.matrices - 1) * Int128(size: spec.mlp.intermediateSize)
            mlpBias = try Checked.add(upBiases, hidden, term: "mlp bias")
        }
        let mlpPerLayer = try Checked.add(weights.mlpPerLayer, mlpBias, term: "mlp parameters")

        let normVector = try Checked.mul(Int128(spec.norm.vectorsPerNorm), hidden, term: "norm parameters")
        let norms = try Checked.mul(Checked.add(try Checked.mul(2, layers, term: "norms"), 1, term: "norms"),
                                    normVector, term: "norm parameters")
        let position: Int128 = spec.position.kind == .learned
            ? try Checked.mul(Int128(size: spec.contextLength), hidden, term: "position table") : 0
        let lmHead: Int128 = spec.tieEmbeddings ? 0 : weights.lmHead

        let attentionTotal = try Checked.mul(attentionPerLayer, layers, term: "attention parameters")
        let mlpTotal = try Checked.mul(mlpPerLayer, layers, term: "mlp parameters")
        let embedding = weights.lmHead  // the embedding has the lm_head's shape: vocab_size x hidden_size
        let total = try Checked.add(embedding, position, attentionTotal, mlpTotal, norms, lmHead, term: "parameters")
        return ParameterBreakdown(
            embedding: embedding, position: position, attention: attentionTotal, mlp: mlpTotal, norm: norms,
            lmHead: lmHead, total: total, active: total)
    }
}

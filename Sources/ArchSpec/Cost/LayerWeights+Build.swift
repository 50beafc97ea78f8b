extension LayerWeights {
    /// Shapes every block of `spec` into weight counts.
    init(_ spec: ArchitectureSpec) throws(CostError) {
        let hidden = Int128(size: spec.hiddenSize)
        let (attentionMatrices, attentionBiases) = try Self.attention(spec)
        self.attentionMatrices = attentionMatrices
        self.attentionParameters = try Checked.add(attentionMatrices, attentionBiases, term: "attention parameters")
        (denseMLPMatrices, denseMLPParameters) = try Self.mlp(spec, width: spec.mlp.intermediateSize)
        lmHeadMatrices = try Checked.mul(Int128(size: spec.vocabSize), hidden, term: "lm_head parameters")
        layers = Int128(size: spec.layers)
        guard let moe = spec.moe else {
            (expertMatrices, expertParameters, sharedMatrices, sharedParameters) = (0, 0, 0, 0)
            (routerMatrices, routerParameters, experts, topK, moeLayers) = (0, 0, 0, 0, 0)
            return
        }
        (expertMatrices, expertParameters) = try Self.mlp(spec, width: moe.expertIntermediateSize)
        let (oneShared, oneSharedParameters) = try Self.mlp(spec, width: moe.sharedExpertIntermediateSize)
        let gate: Int128 = moe.sharedExpertGate ? hidden : 0
        sharedMatrices = try Checked.add(
            try Checked.mul(Int128(size: moe.sharedExperts), oneShared, term: "shared experts"), gate, term: "shared experts")
        sharedParameters = try Checked.add(
            try Checked.mul(Int128(size: moe.sharedExperts), oneSharedParameters, term: "shared experts"), gate,
            term: "shared experts")
        experts = Int128(size: moe.experts)
        topK = Int128(size: moe.topK)
        routerMatrices = try Checked.mul(hidden, experts, term: "router parameters")
        routerParameters = routerMatrices + (moe.routerBias ? experts : 0)
        moeLayers = Int128(size: moe.moeLayerCount(layers: spec.layers))
    }

    /// Matrix elements and bias elements of one attention block.
    static func attention(_ spec: ArchitectureSpec) throws(CostError) -> (Int128, Int128) {
        let hidden = Int128(size: spec.hiddenSize)
        let a = spec.attention
        let heads = Int128(size: a.heads)
        let outBias: Int128 = a.outBias ? hidden : 0
        if let mla = a.mla {
            let qk = Int128(size: mla.qkHeadDim), kvRank = Int128(size: mla.kvLoraRank)
            let rope = Int128(size: mla.qkRopeHeadDim)
            let qOut = try Checked.mul(heads, qk, term: "mla q width")
            let q: Int128, qBias: Int128
            if let rank = mla.qLoraRank.map(Int128.init(size:)) {
                q = try Checked.add(try Checked.mul(hidden, rank, term: "mla q_a_proj"),
                                    try Checked.mul(rank, qOut, term: "mla q_b_proj"), term: "mla q")
                qBias = rank
            } else {
                q = try Checked.mul(hidden, qOut, term: "mla q_proj")
                qBias = qOut
            }
            let kvA = try Checked.mul(hidden, kvRank + rope, term: "mla kv_a_proj")
            let kvB = try Checked.mul(kvRank, heads, Int128(size: mla.qkNopeHeadDim + mla.vHeadDim), term: "mla kv_b_proj")
            let o = try Checked.mul(heads, Int128(size: mla.vHeadDim), hidden, term: "mla o_proj")
            let biases = (a.qkvBias ? qBias + kvRank + rope : 0) + outBias
            return (try Checked.add(q, kvA, kvB, o, term: "attention parameters"), biases)
        }
        let qWidth = try Checked.mul(heads, Int128(size: a.headDim), term: "attention width")
        let kvWidth = try Checked.mul(Int128(size: a.kvHeads), Int128(size: a.headDim), term: "kv width")
        // q and o: hidden x (heads * head_dim) each; k and v: hidden x (kv_heads * head_dim) each.
        let matrices = try Checked.mul(hidden, try Checked.add(qWidth, qWidth, kvWidth, kvWidth, term: "attention width"),
                                       term: "attention parameters")
        let biases = try Checked.add(a.qkvBias ? try Checked.add(qWidth, kvWidth, kvWidth, term: "attention bias") : 0,
                                     outBias, term: "attention bias")
        return (matrices, biases)
    }

    /// Matrix elements and parameters (with biases) of one feed-forward block of `width` hidden units.
    static func mlp(_ spec: ArchitectureSpec, width: Int) throws(CostError) -> (Int128, Int128) {
        let hidden = Int128(size: spec.hiddenSize), inner = Int128(size: width)
        let matrices = try Checked.mul(Int128(spec.mlp.kind.matrices), hidden, inner, term: "mlp parameters")
        // Gated: gate and up biases (width each) + down bias (hidden). Plain: up + down.
        let biases: Int128 = spec.mlp.bias ? Int128(spec.mlp.kind.matrices - 1) * inner + hidden : 0
        return (matrices, try Checked.add(matrices, biases, term: "mlp parameters"))
    }
}

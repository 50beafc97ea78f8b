/// The costs of one plan layer, computed once per distinct layer and multiplied by its count.
///
/// `*Parameters` are parameter elements (matrices and biases); `matricesPerToken` is the matrix elements one
/// token multiplies through (half the linear FLOPs per token); KV and state are elements for one sequence.
struct LayerCost: Hashable, Sendable {
    var attentionParameters: Int128 = 0
    /// State-space and linear-attention mixers.
    var ssmParameters: Int128 = 0
    var mlpParameters: Int128 = 0
    var normParameters: Int128 = 0
    /// Routed-expert parameters of the layer, and the part a token skips.
    var routedParameters: Int128 = 0
    var skippedParameters: Int128 = 0
    var matricesPerToken: Int128 = 0
    /// KV elements one token adds to this layer's own cache (0 when it reads another layer's).
    var kvElementsPerToken: Int128 = 0
    /// Constant per-sequence state: recurrent state and convolution inputs.
    var stateElements: Int128 = 0
    /// Non-matmul-weight FLOPs one token costs in a recurrent mixer: state update and readout, convolution.
    var recurrentFlopsPerToken: Int128 = 0
    var attention: AttentionMixer? = nil

    var parameters: Int128 {
        get throws(CostError) {
            try Checked.add(attentionParameters, ssmParameters, mlpParameters, normParameters, term: "layer parameters")
        }
    }

    init(_ layer: Layer, hidden: Int, norm: NormSpec) throws(CostError) {
        let h = Int128(size: hidden), vectors = Int128(norm.vectorsPerNorm)
        normParameters = try Checked.mul(Int128(size: layer.norms), vectors, h, term: "norm parameters")
        switch layer.mixer {
        case .attention(let a):
            try addAttention(a, hidden: h, vectors: vectors)
        case .linearAttention(let l):
            try addLinearAttention(l, hidden: h)
        case .mamba(let s):
            try addMamba(s, hidden: h)
        case .mamba2(let s):
            try addMamba2(s, hidden: h)
        case .attentionMamba2(let a, let s):
            try addAttention(a, hidden: h, vectors: vectors)
            try addMamba2(s, hidden: h)
        case .shortConv(let c):
            try addShortConv(c, hidden: h)
        case .none:
            break
        }
        switch layer.channel {
        case .dense(let ff):
            let (matrices, parameters) = try Self.feedForward(ff, hidden: h)
            mlpParameters = parameters
            matricesPerToken = try Checked.add(matricesPerToken, matrices, term: "layer weights")
        case .moe(let moe):
            try addExperts(moe, hidden: h)
        case .none:
            break
        }
    }

    /// Matrix elements and parameters (with biases) of one feed-forward block.
    static func feedForward(_ ff: FeedForward, hidden: Int128) throws(CostError) -> (Int128, Int128) {
        let inner = Int128(size: ff.width)
        let matrices = try Checked.mul(Int128(ff.matrices), hidden, inner, term: "mlp parameters")
        // Gated: gate and up biases (width each) + down bias (hidden). Plain: up + down.
        let biases: Int128 = ff.bias ? Int128(ff.matrices - 1) * inner + hidden : 0
        return (matrices, try Checked.add(matrices, biases, Int128(size: ff.activationParameters), term: "mlp parameters"))
    }

    mutating func addExperts(_ moe: ExpertsBlock, hidden h: Int128) throws(CostError) {
        let (expertMatrices, expertParameters) = try Self.feedForward(moe.expert, hidden: h)
        let (sharedOne, sharedOneParameters) = try Self.feedForward(moe.shared, hidden: h)
        let shared = Int128(size: moe.sharedExperts), gate: Int128 = moe.sharedGate ? h : 0
        let experts = Int128(size: moe.experts), topK = Int128(size: moe.topK)
        let router = try Checked.mul(h, experts, term: "router parameters")
        let sharedMatrices = try Checked.add(try Checked.mul(shared, sharedOne, term: "shared experts"), gate, term: "shared experts")
        let sharedParameters = try Checked.add(
            try Checked.mul(shared, sharedOneParameters, term: "shared experts"), gate, term: "shared experts")
        routedParameters = try Checked.mul(experts, expertParameters, term: "expert parameters")
        skippedParameters = try Checked.mul(experts - topK, expertParameters, term: "expert parameters")
        mlpParameters = try Checked.add(routedParameters, sharedParameters, router, moe.routerBias ? experts : 0,
                                        term: "moe parameters")
        matricesPerToken = try Checked.add(
            matricesPerToken, try Checked.mul(topK, expertMatrices, term: "expert FLOPs"), sharedMatrices, router,
            term: "moe FLOPs")
    }

    mutating func addAttention(_ a: AttentionMixer, hidden h: Int128, vectors: Int128) throws(CostError) {
        attention = a
        let heads = Int128(size: a.heads), outBias: Int128 = a.outBias ? h : 0
        var matrices: Int128, biases: Int128
        switch a.form {
        case .latent(let mla):
            let qk = Int128(size: mla.qkHeadDim), kvRank = Int128(size: mla.kvLoraRank)
            let rope = Int128(size: mla.qkRopeHeadDim)
            let qOut = try Checked.mul(heads, qk, term: "mla q width")
            let q: Int128, qBias: Int128
            if let rank = mla.qLoraRank.map(Int128.init(size:)) {
                q = try Checked.add(try Checked.mul(h, rank, term: "mla q_a_proj"),
                                    try Checked.mul(rank, qOut, term: "mla q_b_proj"), term: "mla q")
                qBias = rank
            } else {
                q = try Checked.mul(h, qOut, term: "mla q_proj")
                qBias = qOut
            }
            let kvA = try Checked.mul(h, kvRank + rope, term: "mla kv_a_proj")
            let kvB = try Checked.mul(kvRank, heads, Int128(size: mla.qkNopeHeadDim + mla.vHeadDim), term: "mla kv_b_proj")
            let o = try Checked.mul(heads, Int128(size: mla.vHeadDim), h, term: "mla o_proj")
            matrices = try Checked.add(q, kvA, kvB, o, term: "attention parameters")
            biases = (a.qkvBias ? qBias + kvRank + rope : 0) + outBias
            // q_a_layernorm (q_lora_rank) and kv_a_layernorm (kv_lora_rank): RMSNorm weights.
            normParameters += Int128(size: mla.qLoraRank ?? 0) + kvRank
            if !a.readsSharedKV { kvElementsPerToken = kvRank + rope }
        case .standard(let kvHeads, let headDim, let valueDim):
            let qWidth = try Checked.mul(heads, Int128(size: headDim), term: "attention width")
            let qProjected = a.outputGate ? 2 * qWidth : qWidth
            let kWidth = !a.readsSharedKV ? try Checked.mul(Int128(size: kvHeads), Int128(size: headDim), term: "kv width") : 0
            let vWidth = !a.readsSharedKV ? try Checked.mul(Int128(size: kvHeads), Int128(size: valueDim), term: "kv width") : 0
            let oWidth = try Checked.mul(heads, Int128(size: valueDim), term: "attention width")
            // q (twice as wide with an output gate), k, v: hidden x width each; o: heads x value dim x hidden.
            matrices = try Checked.mul(h, try Checked.add(qProjected, kWidth, vWidth, oWidth, term: "attention width"),
                                       term: "attention parameters")
            biases = try Checked.add(a.qkvBias ? try Checked.add(qProjected, kWidth, vWidth, term: "attention bias") : 0,
                                     outBias, term: "attention bias")
            kvElementsPerToken = kWidth + vWidth
            let qkWidth: Int128 = switch a.qkNorm {
            case .none: 0
            case .head: 2 * Int128(size: headDim)
            case .full: try Checked.mul(Int128(size: a.heads) + Int128(size: kvHeads), Int128(size: headDim), term: "qk norms")
            }
            normParameters = try Checked.add(normParameters, try Checked.mul(qkWidth, vectors, term: "qk norms"),
                                             term: "norm parameters")
        }
        if let indexer = a.indexer, case .latent(let mla) = a.form {
            // wq_b q_lora_rank x heads·dim, wk hidden x dim, weights_proj hidden x heads; k_norm a LayerNorm of dim.
            let width = try Checked.mul(Int128(size: indexer.heads), Int128(size: indexer.headDim), term: "indexer")
            let dim = Int128(size: indexer.headDim)
            let indexerMatrices = try Checked.add(
                try Checked.mul(Int128(size: mla.qLoraRank ?? 0), width, term: "indexer"),
                try Checked.mul(h, dim + Int128(size: indexer.heads), term: "indexer"), term: "indexer")
            matrices = try Checked.add(matrices, indexerMatrices, term: "attention parameters")
            normParameters += 2 * dim
            if !a.readsSharedKV { kvElementsPerToken += dim }
        }
        if a.sinks { biases += heads }
        attentionParameters = try Checked.add(matrices, biases, term: "attention parameters")
        matricesPerToken = try Checked.add(matricesPerToken, matrices, term: "layer weights")
    }

    mutating func addLinearAttention(_ l: LinearAttentionSpec, hidden h: Int128) throws(CostError) {
        let kh = Int128(size: l.keyHeads), vh = Int128(size: l.valueHeads)
        let kd = Int128(size: l.keyHeadDim), vd = Int128(size: l.valueHeadDim)
        let keyWidth = try Checked.mul(kh, kd, term: "linear attention width")
        let valueWidth = try Checked.mul(vh, vd, term: "linear attention width")
        let state = try Checked.mul(vh, kd, vd, term: "linear attention state")
        switch l.kind {
        case .gatedDeltaNet:
            // in_proj_qkvz hidden x (2 key + 2 value), in_proj_ba hidden x 2 value heads, out_proj value x hidden.
            let matrices = try Checked.mul(h, 2 * keyWidth + 3 * valueWidth + 2 * vh, term: "linear attention")
            let convChannels = 2 * keyWidth + valueWidth
            let conv = try Checked.mul(convChannels, Int128(size: l.convKernel), term: "linear attention conv")
            // conv1d (no bias), dt_bias and A_log per value head, gated RMSNorm over one value head.
            ssmParameters = try Checked.add(matrices, conv, 2 * vh, vd, term: "linear attention")
            matricesPerToken = try Checked.add(matricesPerToken, matrices, term: "layer weights")
            stateElements = try Checked.add(state, conv, term: "linear attention state")
            // S^T k, the rank-1 update and S^T q: three products of kd x vd per value head, plus the convolution.
            recurrentFlopsPerToken = try Checked.add(try Checked.mul(6, state, term: "linear attention FLOPs"),
                                                     2 * conv, term: "linear attention FLOPs")
        case .lightning:
            // qkv_proj hidden x 3·width, output_gate hidden x width, out_proj width x hidden, RMSNorm over width.
            let matrices = try Checked.mul(h, 5 * keyWidth, term: "linear attention")
            ssmParameters = try Checked.add(matrices, keyWidth, term: "linear attention")
            matricesPerToken = try Checked.add(matricesPerToken, matrices, term: "layer weights")
            stateElements = state
            // k v^T added to the state and q read out: two products of d x d per head.
            recurrentFlopsPerToken = try Checked.mul(4, state, term: "linear attention FLOPs")
        }
    }

    mutating func addShortConv(_ c: ShortConvSpec, hidden h: Int128) throws(CostError) {
        // in_proj hidden x 3·hidden and out_proj hidden x hidden; a depthwise conv1d of kernel taps per channel.
        let matrices = try Checked.mul(4, h, h, term: "short conv")
        let conv = try Checked.mul(h, Int128(size: c.kernel), term: "short conv")
        let biases: Int128 = c.bias ? 3 * h + h + h : 0
        ssmParameters = try Checked.add(matrices, conv, biases, term: "short conv")
        matricesPerToken = try Checked.add(matricesPerToken, matrices, term: "layer weights")
        stateElements = conv
        recurrentFlopsPerToken = 2 * conv
    }

    mutating func addMamba2(_ s: SSMSpec, hidden h: Int128) throws(CostError) {
        let inner = Int128(size: s.innerSize), n = Int128(size: s.stateSize), heads = Int128(size: s.heads)
        let groupsState = try Checked.mul(2, Int128(size: s.groups), n, term: "mamba2 width")
        let convChannels = inner + groupsState
        let inProj = try Checked.mul(h, 2 * inner + groupsState + heads, term: "mamba2 in_proj")
        let outProj = try Checked.mul(inner, h, term: "mamba2 out_proj")
        let conv = try Checked.mul(convChannels, Int128(size: s.convKernel), term: "mamba2 conv")
        let projectionBias: Int128 = s.projectionBias ? 2 * inner + groupsState + heads + h : 0
        let params = try Checked.add(inProj, outProj, conv, s.convBias ? convChannels : 0, 3 * heads,
                                     s.gatedNorm ? inner : 0, projectionBias, term: "mamba2 parameters")
        ssmParameters = try Checked.add(ssmParameters, params, term: "ssm parameters")
        matricesPerToken = try Checked.add(matricesPerToken, inProj, outProj, term: "layer weights")
        let state = try Checked.mul(heads, Int128(size: s.headDim), n, term: "mamba2 state")
        stateElements = try Checked.add(stateElements, state, conv, term: "mamba2 state")
        // State update (dt·x B^T) and readout (C h): two products of head_dim x state per head; the convolution.
        recurrentFlopsPerToken = try Checked.add(recurrentFlopsPerToken, try Checked.mul(4, state, term: "mamba2 FLOPs"),
                                                 2 * conv, term: "mamba2 FLOPs")
    }

    mutating func addMamba(_ s: SSMSpec, hidden h: Int128) throws(CostError) {
        let inner = Int128(size: s.innerSize), n = Int128(size: s.stateSize), rank = Int128(size: s.dtRank)
        let inProj = try Checked.mul(h, 2 * inner, term: "mamba in_proj")
        let xProj = try Checked.mul(inner, rank + 2 * n, term: "mamba x_proj")
        let dtProj = try Checked.mul(rank, inner, term: "mamba dt_proj")
        let outProj = try Checked.mul(inner, h, term: "mamba out_proj")
        let conv = try Checked.mul(inner, Int128(size: s.convKernel), term: "mamba conv")
        let aLog = try Checked.mul(inner, n, term: "mamba A_log")
        let projectionBias: Int128 = s.projectionBias ? 2 * inner + h : 0
        let norms: Int128 = s.innerNorms ? rank + 2 * n : 0
        ssmParameters = try Checked.add(inProj, xProj, dtProj, inner, outProj, conv, s.convBias ? inner : 0, aLog,
                                        inner, projectionBias, norms, term: "mamba parameters")
        matricesPerToken = try Checked.add(matricesPerToken, inProj, xProj, dtProj, outProj, term: "layer weights")
        stateElements = try Checked.add(aLog, conv, term: "mamba state")
        recurrentFlopsPerToken = try Checked.add(try Checked.mul(4, aLog, term: "mamba FLOPs"), 2 * conv,
                                                 term: "mamba FLOPs")
    }
}

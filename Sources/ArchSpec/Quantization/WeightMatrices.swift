/// The weight matrices of a spec, with shapes, as quantisation and sharding see them.
public struct WeightMatrix: Hashable, Sendable {
    /// `attention.q`, `mlp.down`, `expert.up`, `mamba2.in_proj`, `embedding`.
    public var name: String
    /// Output features (rows of the stored matrix).
    public var rows: Int128
    /// Input features (columns; groups run along a row).
    public var columns: Int128
    /// How tensor parallelism splits it.
    public var split: TensorSplit
    /// Which block it belongs to, which says how many copies a model has.
    public var block: MatrixBlock
    /// Copies in one block of its kind (routed experts: `experts`; shared experts: `shared_experts`; else 1).
    public var copies: Int128
}

/// Where a matrix lives.
public enum MatrixBlock: Hashable, Sendable {
    /// In every layer of plan kind `kind` (`LayerPlan.kinds[kind]`): attention, mixers, dense MLP, shared
    /// experts and the router.
    case layer(kind: Int)
    /// The routed experts of layers of plan kind `kind`.
    case routedExpert(kind: Int)
    /// Once per model (embedding, lm_head).
    case model

    /// The plan kind, for per-layer blocks.
    public var kind: Int? {
        switch self {
        case .layer(let kind), .routedExpert(let kind): kind
        case .model: nil
        }
    }
}

/// How a matrix is divided across `tp` devices.
public enum TensorSplit: Hashable, Sendable {
    /// Output features split (column-parallel: q, gate, up, in_proj, embedding rows by vocabulary).
    case rows
    /// Input features split (row-parallel: o, down, out_proj).
    case columns
    /// K and V of a layer with this many KV heads: split by KV head while `tp <= kv_heads`, otherwise each
    /// device keeps one KV head (replicated).
    case kvHeads(Int)
    /// Every device keeps the whole matrix (MLA's down-projections, the MoE router, Mamba's x_proj).
    case replicated
}

public enum WeightMatrices {
    /// Every distinct matrix of `spec`'s layer plan with its block and copy count.
    public static func list(_ spec: ArchitectureSpec, plan: LayerPlan) -> [WeightMatrix] {
        var matrices: [WeightMatrix] = []
        let hidden = Int128(spec.hiddenSize)
        for (kind, layer) in plan.kinds.enumerated() {
            matrices += mixer(layer.mixer, hidden: hidden, kind: kind)
            switch layer.channel {
            case .dense(let ff):
                matrices += feedForward(ff, hidden: hidden, prefix: "mlp", block: .layer(kind: kind), copies: 1)
            case .moe(let moe):
                matrices += feedForward(moe.expert, hidden: hidden, prefix: "expert", block: .routedExpert(kind: kind),
                                        copies: Int128(moe.experts))
                if moe.sharedExperts > 0 {
                    matrices += feedForward(moe.shared, hidden: hidden, prefix: "shared_expert", block: .layer(kind: kind),
                                            copies: Int128(moe.sharedExperts))
                }
                matrices.append(WeightMatrix(name: "router", rows: Int128(moe.experts), columns: hidden, split: .replicated,
                                             block: .layer(kind: kind), copies: 1))
            case .none:
                break
            }
        }
        let vocab = Int128(spec.vocabSize)
        matrices.append(WeightMatrix(name: "embedding", rows: vocab, columns: hidden, split: .rows, block: .model, copies: 1))
        if !spec.tieEmbeddings {
            matrices.append(WeightMatrix(name: "lm_head", rows: vocab, columns: hidden, split: .rows, block: .model, copies: 1))
        }
        return matrices
    }

    static func mixer(_ mixer: TokenMixer, hidden: Int128, kind: Int) -> [WeightMatrix] {
        func m(_ name: String, _ rows: Int128, _ columns: Int128, _ split: TensorSplit) -> WeightMatrix {
            WeightMatrix(name: name, rows: rows, columns: columns, split: split, block: .layer(kind: kind), copies: 1)
        }
        switch mixer {
        case .attention(let a):
            return attention(a, hidden: hidden, m)
        case .attentionMamba2(let a, let s):
            return attention(a, hidden: hidden, m) + mamba2(s, hidden: hidden, m)
        case .mamba2(let s):
            return mamba2(s, hidden: hidden, m)
        case .mamba(let s):
            let inner = Int128(s.innerSize), n = Int128(s.stateSize), rank = Int128(s.dtRank)
            return [m("mamba.in_proj", 2 * inner, hidden, .rows), m("mamba.x_proj", rank + 2 * n, inner, .replicated),
                    m("mamba.dt_proj", inner, rank, .rows), m("mamba.out_proj", hidden, inner, .columns)]
        case .linearAttention(let l):
            let kw = Int128(l.keyHeads * l.keyHeadDim), vw = Int128(l.valueHeads * l.valueHeadDim)
            switch l.kind {
            case .gatedDeltaNet:
                return [m("linear_attention.in_proj_qkvz", 2 * kw + 2 * vw, hidden, .rows),
                        m("linear_attention.in_proj_ba", 2 * Int128(l.valueHeads), hidden, .rows),
                        m("linear_attention.out_proj", hidden, vw, .columns)]
            case .lightning:
                return [m("linear_attention.qkv_proj", 3 * kw, hidden, .rows),
                        m("linear_attention.output_gate", kw, hidden, .rows),
                        m("linear_attention.out_proj", hidden, kw, .columns)]
            }
        case .shortConv:
            return [m("short_conv.in_proj", 3 * hidden, hidden, .rows), m("short_conv.out_proj", hidden, hidden, .columns)]
        case .none:
            return []
        }
    }

    static func mamba2(_ s: SSMSpec, hidden: Int128, _ m: (String, Int128, Int128, TensorSplit) -> WeightMatrix) -> [WeightMatrix] {
        let inner = Int128(s.innerSize), groupsState = 2 * Int128(s.groups) * Int128(s.stateSize)
        return [m("mamba2.in_proj", 2 * inner + groupsState + Int128(s.heads), hidden, .rows),
                m("mamba2.out_proj", hidden, inner, .columns)]
    }

    static func attention(_ a: AttentionMixer, hidden: Int128,
                          _ m: (String, Int128, Int128, TensorSplit) -> WeightMatrix) -> [WeightMatrix] {
        let heads = Int128(a.heads)
        var list: [WeightMatrix]
        switch a.form {
        case .latent(let mla):
            let rank = Int128(mla.kvLoraRank), rope = Int128(mla.qkRopeHeadDim)
            list = []
            if let qRank = mla.qLoraRank.map(Int128.init) {
                list += [m("attention.q_a", qRank, hidden, .replicated), m("attention.q_b", heads * Int128(mla.qkHeadDim), qRank, .rows)]
            } else {
                list.append(m("attention.q", heads * Int128(mla.qkHeadDim), hidden, .rows))
            }
            list += [m("attention.kv_a", rank + rope, hidden, .replicated),
                     m("attention.kv_b", heads * Int128(mla.qkNopeHeadDim + mla.vHeadDim), rank, .rows),
                     m("attention.o", hidden, heads * Int128(mla.vHeadDim), .columns)]
            if let indexer = a.indexer {
                let width = Int128(indexer.heads * indexer.headDim)
                list += [m("indexer.wq_b", width, Int128(mla.qLoraRank ?? 0), .replicated),
                         m("indexer.wk", Int128(indexer.headDim), hidden, .replicated),
                         m("indexer.weights_proj", Int128(indexer.heads), hidden, .replicated)]
            }
        case .standard(let kvHeads, let headDim, let valueDim):
            let kv = Int128(kvHeads), q = heads * Int128(headDim) * (a.outputGate ? 2 : 1)
            list = [m("attention.q", q, hidden, .rows)]
            if !a.readsSharedKV {
                list += [m("attention.k", kv * Int128(headDim), hidden, .kvHeads(kvHeads)),
                         m("attention.v", kv * Int128(valueDim), hidden, .kvHeads(kvHeads))]
            }
            list.append(m("attention.o", hidden, heads * Int128(valueDim), .columns))
        }
        return list
    }

    static func feedForward(_ ff: FeedForward, hidden: Int128, prefix: String, block: MatrixBlock, copies: Int128)
        -> [WeightMatrix] {
        let width = Int128(ff.width)
        var list: [WeightMatrix] = []
        if ff.gated {
            list.append(WeightMatrix(name: "\(prefix).gate", rows: width, columns: hidden, split: .rows, block: block, copies: copies))
        }
        list.append(WeightMatrix(name: "\(prefix).up", rows: width, columns: hidden, split: .rows, block: block, copies: copies))
        list.append(WeightMatrix(name: "\(prefix).down", rows: hidden, columns: width, split: .columns, block: block, copies: copies))
        return list
    }

    /// The shape one of `tp` devices stores.
    public static func shard(_ matrix: WeightMatrix, tp: Int) -> (rows: Int128, columns: Int128) {
        let tp128 = Int128(tp)
        switch matrix.split {
        case .rows: return ((matrix.rows + tp128 - 1) / tp128, matrix.columns)
        case .columns: return (matrix.rows, (matrix.columns + tp128 - 1) / tp128)
        case .replicated: return (matrix.rows, matrix.columns)
        case .kvHeads(let heads):
            let kvHeads = Int128(max(heads, 1))
            let perDevice = Int128(max(1, heads / max(tp, 1)))
            return (matrix.rows / kvHeads * perDevice, matrix.columns)
        }
    }
}

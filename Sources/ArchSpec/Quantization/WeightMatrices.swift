/// The weight matrices of a spec, with shapes, as quantisation and sharding see them.
public struct WeightMatrix: Hashable, Sendable {
    /// `attention.q`, `mlp.down`, `expert.up`, `embedding`.
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
    /// In every layer (attention).
    case everyLayer
    /// In dense layers only (the MLP of a dense model, or the dense layers of an MoE model).
    case denseLayer
    /// Routed experts of MoE layers.
    case routedExpert
    /// Shared experts and the router of MoE layers.
    case moeShared
    /// Once per model (embedding, lm_head).
    case model
}

/// How a matrix is divided across `tp` devices.
public enum TensorSplit: Hashable, Sendable {
    /// Output features split (column-parallel: q, gate, up, embedding rows by vocabulary).
    case rows
    /// Input features split (row-parallel: o, down).
    case columns
    /// K and V: split by KV head while `tp <= kv_heads`, otherwise each device keeps one KV head (replicated).
    case kvHeads
    /// Every device keeps the whole matrix (MLA's down-projections, the MoE router).
    case replicated
}

public enum WeightMatrices {
    /// Every distinct matrix of `spec` with its block and copy count.
    public static func list(_ spec: ArchitectureSpec) -> [WeightMatrix] {
        let hidden = Int128(spec.hiddenSize)
        var matrices = attention(spec)
        matrices += mlp(spec, width: Int128(spec.mlp.intermediateSize), prefix: "mlp", block: .denseLayer, copies: 1)
        if let moe = spec.moe {
            matrices += mlp(spec, width: Int128(moe.expertIntermediateSize), prefix: "expert", block: .routedExpert,
                            copies: Int128(moe.experts))
            if moe.sharedExperts > 0 {
                matrices += mlp(spec, width: Int128(moe.sharedExpertIntermediateSize), prefix: "shared_expert",
                                block: .moeShared, copies: Int128(moe.sharedExperts))
            }
            matrices.append(WeightMatrix(name: "router", rows: Int128(moe.experts), columns: hidden, split: .replicated,
                                         block: .moeShared, copies: 1))
        }
        let vocab = Int128(spec.vocabSize)
        matrices.append(WeightMatrix(name: "embedding", rows: vocab, columns: hidden, split: .rows, block: .model, copies: 1))
        if !spec.tieEmbeddings {
            matrices.append(WeightMatrix(name: "lm_head", rows: vocab, columns: hidden, split: .rows, block: .model, copies: 1))
        }
        return matrices
    }

    static func attention(_ spec: ArchitectureSpec) -> [WeightMatrix] {
        let hidden = Int128(spec.hiddenSize), a = spec.attention, heads = Int128(a.heads)
        func m(_ name: String, _ rows: Int128, _ columns: Int128, _ split: TensorSplit) -> WeightMatrix {
            WeightMatrix(name: "attention.\(name)", rows: rows, columns: columns, split: split, block: .everyLayer, copies: 1)
        }
        if let mla = a.mla {
            let rank = Int128(mla.kvLoraRank), rope = Int128(mla.qkRopeHeadDim)
            var list: [WeightMatrix] = []
            if let qRank = mla.qLoraRank.map(Int128.init) {
                list += [m("q_a", qRank, hidden, .replicated), m("q_b", heads * Int128(mla.qkHeadDim), qRank, .rows)]
            } else {
                list.append(m("q", heads * Int128(mla.qkHeadDim), hidden, .rows))
            }
            return list + [m("kv_a", rank + rope, hidden, .replicated),
                           m("kv_b", heads * Int128(mla.qkNopeHeadDim + mla.vHeadDim), rank, .rows),
                           m("o", hidden, heads * Int128(mla.vHeadDim), .columns)]
        }
        let kv = Int128(a.kvHeads)
        return [m("q", heads * Int128(a.headDim), hidden, .rows), m("k", kv * Int128(a.headDim), hidden, .kvHeads),
                m("v", kv * Int128(a.valueHeadDim), hidden, .kvHeads), m("o", hidden, heads * Int128(a.valueHeadDim), .columns)]
    }

    static func mlp(_ spec: ArchitectureSpec, width: Int128, prefix: String, block: MatrixBlock, copies: Int128) -> [WeightMatrix] {
        let hidden = Int128(spec.hiddenSize)
        var list: [WeightMatrix] = []
        if spec.mlp.kind == .gated {
            list.append(WeightMatrix(name: "\(prefix).gate", rows: width, columns: hidden, split: .rows, block: block, copies: copies))
        }
        list.append(WeightMatrix(name: "\(prefix).up", rows: width, columns: hidden, split: .rows, block: block, copies: copies))
        list.append(WeightMatrix(name: "\(prefix).down", rows: hidden, columns: width, split: .columns, block: block, copies: copies))
        return list
    }

    /// The shape one of `tp` devices stores.
    public static func shard(_ matrix: WeightMatrix, tp: Int, spec: ArchitectureSpec) -> (rows: Int128, columns: Int128) {
        let tp128 = Int128(tp)
        switch matrix.split {
        case .rows: return ((matrix.rows + tp128 - 1) / tp128, matrix.columns)
        case .columns: return (matrix.rows, (matrix.columns + tp128 - 1) / tp128)
        case .replicated: return (matrix.rows, matrix.columns)
        case .kvHeads:
            let kvHeads = Int128(max(spec.attention.kvHeads, 1))
            let perDevice = Int128(max(1, spec.attention.kvHeads / max(tp, 1)))
            return (matrix.rows / kvHeads * perDevice, matrix.columns)
        }
    }

    /// Layers of each kind in layers `start..<end` (0-based), counted without walking them.
    static func layerCounts(_ spec: ArchitectureSpec, start: Int, end: Int) -> (moe: Int128, dense: Int128, sliding: Int128) {
        let moe = spec.moe.map { $0.moeLayerCount(layers: end) - $0.moeLayerCount(layers: start) } ?? 0
        let sliding = spec.attention.slidingLayerCount(layers: end) - spec.attention.slidingLayerCount(layers: start)
        return (Int128(moe), Int128(end - start - moe), Int128(sliding))
    }
}

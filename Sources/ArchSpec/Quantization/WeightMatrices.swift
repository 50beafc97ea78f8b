/// The weight matrices of a spec, with shapes, as quantisation and sharding see them.
public struct WeightMatrix: Hashable, Sendable {
    /// `q_proj`, `mlp.down`, `embedding`.
    public var name: String
    /// Output features (rows of the stored matrix).
    public var rows: Int128
    /// Input features (columns; groups run along a row).
    public var columns: Int128
    /// How tensor parallelism splits it.
    public var split: TensorSplit
    /// Whether it sits inside every block (`true`) or once per model (embedding, lm_head).
    public var perLayer: Bool
}

/// How a matrix is divided across `tp` devices.
public enum TensorSplit: Hashable, Sendable {
    /// Output features split (column-parallel: q, gate, up, embedding rows by vocabulary).
    case rows
    /// Input features split (row-parallel: o, down).
    case columns
    /// K and V: split by KV head while `tp <= kv_heads`, otherwise each device keeps one KV head (replicated).
    case kvHeads
}

public enum WeightMatrices {
    /// Every distinct matrix: per-layer ones once (multiply by layers), then embedding and lm_head.
    public static func list(_ spec: ArchitectureSpec) -> [WeightMatrix] {
        let hidden = Int128(spec.hiddenSize)
        let q = Int128(spec.attention.heads) * Int128(spec.attention.headDim)
        let kv = Int128(spec.attention.kvHeads) * Int128(spec.attention.headDim)
        let inter = Int128(spec.mlp.intermediateSize)
        var matrices = [
            WeightMatrix(name: "attention.q", rows: q, columns: hidden, split: .rows, perLayer: true),
            WeightMatrix(name: "attention.k", rows: kv, columns: hidden, split: .kvHeads, perLayer: true),
            WeightMatrix(name: "attention.v", rows: kv, columns: hidden, split: .kvHeads, perLayer: true),
            WeightMatrix(name: "attention.o", rows: hidden, columns: q, split: .columns, perLayer: true),
        ]
        if spec.mlp.kind == .gated {
            matrices.append(WeightMatrix(name: "mlp.gate", rows: inter, columns: hidden, split: .rows, perLayer: true))
        }
        matrices.append(WeightMatrix(name: "mlp.up", rows: inter, columns: hidden, split: .rows, perLayer: true))
        matrices.append(WeightMatrix(name: "mlp.down", rows: hidden, columns: inter, split: .columns, perLayer: true))
        let vocab = Int128(spec.vocabSize)
        matrices.append(WeightMatrix(name: "embedding", rows: vocab, columns: hidden, split: .rows, perLayer: false))
        if !spec.tieEmbeddings {
            matrices.append(WeightMatrix(name: "lm_head", rows: vocab, columns: hidden, split: .rows, perLayer: false))
        }
        return matrices
    }

    /// The shape one of `tp` devices stores.
    public static func shard(
        _ matrix: WeightMatrix, tp: Int, kvHeads: Int, headDim: Int
    ) -> (rows: Int128, columns: Int128) {
        let tp128 = Int128(tp)
        switch matrix.split {
        case .rows: return ((matrix.rows + tp128 - 1) / tp128, matrix.columns)
        case .columns: return (matrix.rows, (matrix.columns + tp128 - 1) / tp128)
        case .kvHeads:
            let headsPerDevice = max(1, kvHeads / max(tp, 1))
            return (Int128(headsPerDevice) * Int128(headDim), matrix.columns)
        }
    }
}

/// Scale-metadata bytes of each granularity for one spec: the answer to "per-head, per-layer or per-group?".
public struct ScaleOverheadRow: Hashable, Sendable {
    public var granularity: ScaleGranularity
    /// Scales (one per scale factor; zero points ride along) in the whole model or cache.
    public var scales: Int128
    /// Scale and zero-point bytes.
    public var bytes: Int128
    /// Bytes of the quantised values themselves.
    public var payload: Int128
}

public enum ScaleOverhead {
    /// Weight metadata for the block matrices (and embeddings when `weights.quantizeEmbeddings`), whole model.
    public static func weights(_ spec: ArchitectureSpec, weights: WeightQuantization) throws(QuantizationError) -> [ScaleOverheadRow] {
        let granularities: [ScaleGranularity] = [.perTensor, .perChannel, .perGroup(256), .perGroup(128), .perGroup(64), .perGroup(32)]
        var rows: [ScaleOverheadRow] = []
        for granularity in granularities {
            var scales: Int128 = 0, elements: Int128 = 0
            guard let plan = try? spec.plan else { throw .tooLarge }
            for matrix in WeightMatrices.list(spec, plan: plan) where matrix.block != .model || weights.quantizeEmbeddings {
                let blocks = Int128(matrix.block.kind.map { plan.kindCounts[$0] } ?? 1)
                let copies = try ScaleCount.mul(blocks, matrix.copies)
                scales += try ScaleCount.mul(copies, ScaleCount.weightScales(
                    rows: matrix.rows, columns: matrix.columns, granularity: granularity))
                elements += try ScaleCount.mul(copies, matrix.rows, matrix.columns)
            }
            rows.append(ScaleOverheadRow(
                granularity: granularity, scales: scales,
                bytes: (try ScaleCount.mul(scales, Int128(weights.bitsPerScale)) + 7) / 8,
                payload: weights.dtype.bytes(for: elements)))
        }
        return rows
    }

    /// KV-cache metadata at `context` x `batch` tokens for each granularity (every layer holding every token:
    /// sliding windows are not applied in this table).
    public static func kvCache(
        _ spec: ArchitectureSpec, kv: KVQuantization, context: Int, batch: Int
    ) throws(QuantizationError) -> [ScaleOverheadRow] {
        guard let layers = try? PlanCosts(spec) else { throw .tooLarge }
        var shapes: [(cache: ShardedModel.KindCache, layers: Int128)] = []
        for group in layers.groups {
            let cache = ShardedModel.kindCache(group.layer, cost: group.cost, tp: 1)
            if cache.elements > 0 { shapes.append((cache, group.count)) }
        }
        let tokens = try ScaleCount.mul(Int128(context), Int128(batch))
        var payloadElements: Int128 = 0
        for shape in shapes { payloadElements += try ScaleCount.mul(shape.cache.elements, shape.layers, tokens) }
        let payload = kv.dtype.bytes(for: payloadElements)
        var rows: [ScaleOverheadRow] = []
        for granularity in [ScaleGranularity.perTensor, .perHead, .perToken, .perGroup(64), .perGroup(32)] {
            var scales: Int128 = 0
            for shape in shapes {
                let fixed = try ScaleCount.kvStaticScales(layers: shape.layers, vectors: shape.cache.vectors, granularity: granularity)
                let perToken = try ScaleCount.kvScalesPerLayerToken(
                    vectors: shape.cache.vectors, length: shape.cache.length, granularity: granularity)
                scales += fixed + (try ScaleCount.mul(perToken, shape.layers, tokens))
            }
            rows.append(ScaleOverheadRow(granularity: granularity, scales: scales,
                                         bytes: try ScaleCount.mul(scales, kv.bytesPerScale), payload: payload))
        }
        return rows
    }

    /// The two tables for `archcalc size --scales`, using the result's formats (int4 and fp8 when 16-bit);
    /// `nil` when a count does not fit in 128 bits.
    public static func report(_ spec: ArchitectureSpec, result: SizingResult) -> ScaleOverheadReport? {
        var weights = result.weights
        if !weights.isQuantized { weights = WeightQuantization(dtype: .int4) }
        var kv = result.kv
        if !kv.isQuantized { kv = KVQuantization(dtype: .fp8) }
        guard let weightRows = try? Self.weights(spec, weights: weights),
              let kvRows = try? kvCache(spec, kv: kv, context: result.context, batch: result.batch) else { return nil }
        return ScaleOverheadReport(weights: weights, weightRows: weightRows, kv: kv, kvRows: kvRows,
                                   context: result.context, batch: result.batch)
    }
}

/// The scale-metadata bytes of each quantisation granularity, for the weights and for the KV cache.
public struct ScaleOverheadReport: Hashable, Sendable {
    /// The weight format the rows count (int4 when the result's weights are 16-bit).
    public var weights: WeightQuantization
    public var weightRows: [ScaleOverheadRow]
    /// The KV-cache format the rows count (fp8 when the result's cache is 16-bit).
    public var kv: KVQuantization
    public var kvRows: [ScaleOverheadRow]
    /// Tokens per sequence and sequences of the cache counted.
    public var context: Int
    public var batch: Int

    /// `weight scales, int4 with bf16 scales + int4 zero points, whole model`.
    public var weightTitle: String {
        "weight scales, \(weights.dtype.rawValue) with \(weights.scaleDType.rawValue) scales"
            + (weights.hasZeroPoint ? " + \(weights.dtype.rawValue) zero points" : "") + ", whole model"
    }

    /// `KV-cache scales, fp8 with fp32 scales, context 8192 x batch 1, whole cache`.
    public var kvTitle: String {
        "KV-cache scales, \(kv.dtype.rawValue) with \(kv.scaleDType.rawValue) scales, "
            + "context \(context) x batch \(batch), whole cache"
    }
}

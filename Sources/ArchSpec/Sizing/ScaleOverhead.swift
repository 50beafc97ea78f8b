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

    /// The two tables for `archcalc size --scales`, using the result's formats (int4 and fp8 when 16-bit).
    public static func report(_ spec: ArchitectureSpec, result: SizingResult, format: SizingFormat) -> String {
        var weights = result.weights
        if !weights.isQuantized { weights = WeightQuantization(dtype: .int4) }
        var kv = result.kv
        if !kv.isQuantized { kv = KVQuantization(dtype: .fp8) }
        guard let weightRows = try? Self.weights(spec, weights: weights),
              let kvRows = try? kvCache(spec, kv: kv, context: result.context, batch: result.batch) else {
            return "scale overhead: too large to count\n"
        }
        let weightTitle = "weight scales, \(weights.dtype.rawValue) with \(weights.scaleDType.rawValue) scales"
            + (weights.hasZeroPoint ? " + \(weights.dtype.rawValue) zero points" : "") + ", whole model"
        let kvTitle = "KV-cache scales, \(kv.dtype.rawValue) with \(kv.scaleDType.rawValue) scales, "
            + "context \(result.context) x batch \(result.batch), whole cache"
        return table(weightTitle, weightRows, format: format) + "\n" + table(kvTitle, kvRows, format: format)
    }

    static func table(_ title: String, _ rows: [ScaleOverheadRow], format: SizingFormat) -> String {
        let header = ["granularity", "scales", "scale bytes", "payload", "overhead"]
        let body = rows.map { row -> [String] in
            let percent = row.payload > 0 ? Double(row.bytes) / Double(row.payload) * 100 : 0
            return [row.granularity.description, HumanUnits.grouped(row.scales),
                    HumanUnits.grouped(row.bytes) + " (" + HumanUnits.bytes(row.bytes) + ")",
                    HumanUnits.bytes(row.payload), HumanUnits.fixed(percent, decimals: 3) + "%"]
        }
        if format == .markdown {
            return (["**\(title)**", "", "| " + header.joined(separator: " | ") + " |", "|---|---:|---:|---:|---:|"]
                + body.map { "| " + $0.joined(separator: " | ") + " |" }).joined(separator: "\n") + "\n"
        }
        let all = [header] + body
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return ([title] + all.map { row in
            row.indices.map { column in
                let fill = String(repeating: " ", count: widths[column] - row[column].count)
                return column == 0 ? row[column] + fill : fill + row[column]
            }.joined(separator: "  ")
        }).joined(separator: "\n") + "\n"
    }
}

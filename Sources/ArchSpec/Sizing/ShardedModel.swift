/// Bytes one device holds for a spec under a layout and quantisation: weights per stage and KV per token.
struct ShardedModel: Hashable, Sendable {
    /// Weight bytes on one device of each stage (payload + scales + norms and biases).
    var weightsPerStage: [Int128]
    /// KV-cache bytes one device of each stage adds per cached token of one sequence (scales included).
    var kvPerTokenPerStage: [Int128]
    /// KV scale bytes that do not grow with tokens, per device of each stage.
    var kvStaticPerStage: [Int128]
    /// Scale and zero-point bytes included in `weightsPerStage`, per device of the largest stage.
    var weightScaleBytes: Int128

    /// The dtype norms, biases and unquantised matrices stay in: the spec's when 16 bits or wider, else bf16.
    static func wideDType(_ spec: ArchitectureSpec, _ weights: WeightQuantization) -> DType {
        if !weights.isQuantized { return weights.dtype }
        return spec.dtype.bits >= 16 ? spec.dtype : .bf16
    }

    static func build(
        _ spec: ArchitectureSpec, layout: ParallelLayout, weights: WeightQuantization, kv: KVQuantization
    ) throws(SizingError) -> ShardedModel {
        let tp = layout.tp
        let wide = wideDType(spec, weights)
        var layerBytes: Int128 = 0, layerScales: Int128 = 0, embeddingBytes: Int128 = 0, lmHeadBytes: Int128 = 0
        var embeddingScales: Int128 = 0
        for matrix in WeightMatrices.list(spec) {
            let shape = WeightMatrices.shard(
                matrix, tp: tp, kvHeads: spec.attention.kvHeads, headDim: spec.attention.headDim)
            let elements = try Wide.mul(shape.rows, shape.columns, term: "weights")
            let quantized = weights.isQuantized && (matrix.perLayer || weights.quantizeEmbeddings)
            var bytes = try Wide.bytes(elements, bits: quantized ? weights.dtype.bits : wide.bits, term: "weights")
            var scaleBytes: Int128 = 0
            if quantized {
                let scales: Int128
                do {
                    scales = try ScaleCount.weightScales(
                        rows: shape.rows, columns: shape.columns, granularity: weights.effectiveGranularity)
                } catch { throw .quantization(error) }
                scaleBytes = try Wide.bytes(scales, bits: weights.bitsPerScale, term: "weight scales")
                bytes += scaleBytes
            }
            switch matrix.name {
            case "embedding": embeddingBytes = bytes; embeddingScales = scaleBytes
            case "lm_head": lmHeadBytes = bytes
            default: layerBytes += bytes; layerScales += scaleBytes
            }
        }
        layerBytes += try smallParametersPerLayer(spec, tp: tp, kvHeadsPerDevice: layout.kvHeadsPerDevice(spec), wide)
        let finalNorm = try Wide.bytes(
            Int128(spec.norm.vectorsPerNorm) * Int128(spec.hiddenSize), bits: wide.bits, term: "norms")
        let positions: Int128 = spec.position.kind == .learned
            ? try Wide.bytes(try Wide.mul(Int128(spec.contextLength), Int128(spec.hiddenSize), term: "positions"),
                             bits: wide.bits, term: "positions") : 0
        // A tied lm_head reuses the embedding on one stage; split across stages, the last stage keeps a copy.
        let head = spec.tieEmbeddings ? (layout.pp > 1 ? embeddingBytes : 0) : lmHeadBytes

        let stages = layout.layersPerStage(spec.layers)
        var weightsPerStage: [Int128] = []
        for (index, layers) in stages.enumerated() {
            var bytes = try Wide.mul(Int128(layers), layerBytes, term: "weights")
            if index == 0 { bytes = try Wide.add(bytes, embeddingBytes, positions, term: "weights") }
            if index == stages.count - 1 { bytes = try Wide.add(bytes, head, finalNorm, term: "weights") }
            weightsPerStage.append(bytes)
        }
        let maxLayers = Int128(stages.max() ?? 0)
        let kvParts = try kvBytes(spec, layout: layout, kv: kv, stages: stages)
        return ShardedModel(
            weightsPerStage: weightsPerStage, kvPerTokenPerStage: kvParts.perToken, kvStaticPerStage: kvParts.fixed,
            weightScaleBytes: try Wide.add(try Wide.mul(maxLayers, layerScales, term: "scales"), embeddingScales,
                                           term: "scales"))
    }

    /// Biases and the two norms of one layer on one device, in the wide dtype.
    static func smallParametersPerLayer(
        _ spec: ArchitectureSpec, tp: Int, kvHeadsPerDevice: Int, _ wide: DType
    ) throws(SizingError) -> Int128 {
        let hidden = Int128(spec.hiddenSize), headDim = Int128(spec.attention.headDim)
        var elements = Int128(2 * spec.norm.vectorsPerNorm) * hidden
        if spec.attention.qkvBias {
            elements += (Int128(spec.attention.heads / tp) + 2 * Int128(kvHeadsPerDevice)) * headDim
        }
        if spec.attention.outBias { elements += hidden }
        if spec.mlp.bias {
            let inter = (Int128(spec.mlp.intermediateSize) + Int128(tp) - 1) / Int128(tp)
            elements += Int128(spec.mlp.kind.matrices - 1) * inter + hidden
        }
        return try Wide.bytes(elements, bits: wide.bits, term: "norms and biases")
    }

    static func kvBytes(
        _ spec: ArchitectureSpec, layout: ParallelLayout, kv: KVQuantization, stages: [Int]
    ) throws(SizingError) -> (perToken: [Int128], fixed: [Int128]) {
        let heads = Int128(layout.kvHeadsPerDevice(spec)), headDim = Int128(spec.attention.headDim)
        var perToken: [Int128] = [], fixed: [Int128] = []
        for layers in stages {
            let elements = try Wide.mul(2, Int128(layers), heads, headDim, term: "KV cache")
            var bytes = try Wide.bytes(elements, bits: kv.dtype.bits, term: "KV cache")
            var staticBytes: Int128 = 0
            if kv.isQuantized {
                do {
                    let tokenScales = try ScaleCount.kvScalesPerToken(
                        layers: Int128(layers), kvHeads: heads, headDim: headDim, granularity: kv.effectiveGranularity)
                    let staticScales = try ScaleCount.kvStaticScales(
                        layers: Int128(layers), kvHeads: heads, granularity: kv.effectiveGranularity)
                    bytes += try Wide.mul(tokenScales, kv.bytesPerScale, term: "KV scales")
                    staticBytes = try Wide.mul(staticScales, kv.bytesPerScale, term: "KV scales")
                } catch let error as QuantizationError {
                    throw .quantization(error)
                } catch let error as SizingError {
                    throw error
                } catch {
                    throw .quantization(.tooLarge)
                }
            }
            perToken.append(bytes)
            fixed.append(staticBytes)
        }
        return (perToken, fixed)
    }
}

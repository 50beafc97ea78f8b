/// Bytes of each kind of block on one tensor rank: the pieces `ShardedModel` stacks into pipeline stages.
struct BlockBytes {
    var attentionPerLayer: Int128 = 0
    var densePerLayer: Int128 = 0
    var routedPerMoELayer: Int128 = 0
    var moeSharedPerLayer: Int128 = 0
    /// Norms and biases of one layer, replicated on every rank.
    var smallPerLayer: Int128 = 0
    /// Scale bytes of the attention matrices of one layer and of one dense MLP.
    var scalesPerLayer: Int128 = 0
    var denseScalesPerLayer: Int128 = 0
    var embedding: Int128 = 0
    var embeddingScales: Int128 = 0
    var lmHead: Int128 = 0
    var position: Int128 = 0
    /// Final norm and lm_head bias.
    var lastStageExtras: Int128 = 0

    init(
        _ spec: ArchitectureSpec, tp: Int, weights: WeightQuantization, wide: DType, parameters: ParameterBreakdown
    ) throws(SizingError) {
        let layers = Int128(spec.layers)
        let moeLayers = Int128(spec.moe?.moeLayerCount(layers: spec.layers) ?? 0)
        var matrixElements: Int128 = 0  // unsharded, whole model, to find what is left for norms and biases
        for matrix in WeightMatrices.list(spec) {
            let shape = WeightMatrices.shard(matrix, tp: tp, spec: spec)
            let elements = try Wide.mul(shape.rows, shape.columns, matrix.copies, term: "weights")
            let quantized = weights.isQuantized && (matrix.block != .model || weights.quantizeEmbeddings)
            var bytes = try Wide.bytes(elements, bits: quantized ? weights.dtype.bits : wide.bits, term: "weights")
            var scaleBytes: Int128 = 0
            if quantized {
                let scales: Int128
                do {
                    scales = try ScaleCount.mul(matrix.copies, try ScaleCount.weightScales(
                        rows: shape.rows, columns: shape.columns, granularity: weights.effectiveGranularity))
                } catch { throw .quantization(error) }
                scaleBytes = try Wide.bytes(scales, bits: weights.bitsPerScale, term: "weight scales")
                bytes += scaleBytes
            }
            let full = try Wide.mul(matrix.rows, matrix.columns, matrix.copies, term: "weights")
            switch matrix.block {
            case .everyLayer:
                attentionPerLayer += bytes; scalesPerLayer += scaleBytes
                matrixElements += try Wide.mul(full, layers, term: "weights")
            case .denseLayer:
                densePerLayer += bytes; denseScalesPerLayer += scaleBytes
                matrixElements += try Wide.mul(full, layers - moeLayers, term: "weights")
            case .routedExpert:
                routedPerMoELayer += bytes
                matrixElements += try Wide.mul(full, moeLayers, term: "weights")
            case .moeShared:
                moeSharedPerLayer += bytes
                matrixElements += try Wide.mul(full, moeLayers, term: "weights")
            case .model:
                if matrix.name == "embedding" { embedding = bytes; embeddingScales = scaleBytes } else { lmHead = bytes }
                matrixElements += full
            }
        }
        let finalNorm = spec.norm.final ? Int128(spec.norm.vectorsPerNorm) * Int128(spec.hiddenSize) : 0
        let headBias: Int128 = spec.lmHeadBias ? Int128(spec.vocabSize) : 0
        let small = parameters.total - matrixElements - parameters.position - finalNorm - headBias
        let smallPerLayerElements = layers > 0 ? (max(small, 0) + layers - 1) / layers : 0
        smallPerLayer = try Wide.bytes(smallPerLayerElements, bits: wide.bits, term: "norms and biases")
        position = try Wide.bytes(parameters.position, bits: wide.bits, term: "positions")
        lastStageExtras = try Wide.bytes(finalNorm + headBias, bits: wide.bits, term: "norms")
    }
}

/// Bytes of each plan layer kind on one tensor rank: the pieces `ShardedModel` stacks into pipeline stages.
struct BlockBytes {
    /// Per plan kind (`LayerPlan.kinds`): this rank's matrices except routed experts, with their scales, plus
    /// the layer's norms, biases, convolutions and other vectors, replicated on every rank.
    var perLayer: [Int128]
    /// Per plan kind: this rank's routed-expert matrices (0 without MoE): experts / ep of them (rounded up), each
    /// split over `expertTP` ranks (tp / ep; dp x tp / ep with attention data parallelism).
    var routedPerLayer: [Int128]
    /// Per plan kind: scale bytes of the attention, mixer and dense-MLP matrices of one layer.
    var scalesPerLayer: [Int128]
    var embedding: Int128 = 0
    var embeddingScales: Int128 = 0
    var lmHead: Int128 = 0
    var position: Int128 = 0
    /// Final norm and lm_head bias.
    var lastStageExtras: Int128 = 0

    init(
        _ layers: PlanCosts, tp: Int, ep: Int = 1, expertTP: Int? = nil, weights: WeightQuantization, wide: DType, parameters: ParameterBreakdown
    ) throws(SizingError) {
        let spec = layers.spec, plan = layers.plan
        let kinds = plan.kinds.count
        perLayer = Array(repeating: 0, count: kinds)
        routedPerLayer = Array(repeating: 0, count: kinds)
        scalesPerLayer = Array(repeating: 0, count: kinds)
        var matrixElements = [Int128](repeating: 0, count: kinds)  // unsharded, one layer, to find the vectors
        let ep = Int128(max(ep, 1))
        for listed in WeightMatrices.list(spec, plan: plan) {
            var matrix = listed
            var shape = WeightMatrices.shard(matrix, tp: tp)
            if case .routedExpert = matrix.block, ep > 1 {
                shape = WeightMatrices.shard(matrix, tp: expertTP ?? max(1, tp / Int(ep)))
                matrix.copies = (matrix.copies + ep - 1) / ep
            }
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
            let full = try Wide.mul(listed.rows, listed.columns, listed.copies, term: "weights")
            switch matrix.block {
            case .layer(let kind):
                perLayer[kind] += bytes
                if !matrix.name.hasPrefix("shared_expert") && matrix.name != "router" { scalesPerLayer[kind] += scaleBytes }
                matrixElements[kind] += full
            case .routedExpert(let kind):
                routedPerLayer[kind] += bytes
                matrixElements[kind] += full
            case .model:
                if matrix.name == "embedding" { embedding = bytes; embeddingScales = scaleBytes } else { lmHead = bytes }
            }
        }
        for (kind, group) in layers.groups.enumerated() {
            let all: Int128
            do { all = try group.cost.parameters } catch { throw .cost(error) }
            let vectors = max(0, all - matrixElements[kind])
            perLayer[kind] += try Wide.bytes(vectors, bits: wide.bits, term: "norms and biases")
        }
        let finalNorm = spec.norm.final ? Int128(spec.norm.vectorsPerNorm) * Int128(spec.hiddenSize) : 0
        let headBias: Int128 = spec.lmHeadBias ? Int128(spec.vocabSize) : 0
        position = try Wide.bytes(parameters.position, bits: wide.bits, term: "positions")
        lastStageExtras = try Wide.bytes(finalNorm + headBias, bits: wide.bits, term: "norms")
    }
}

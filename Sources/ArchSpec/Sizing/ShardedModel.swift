/// Bytes one device holds for a spec under a layout and quantisation: weights per pipeline stage, and the KV
/// cache per stage as a function of context.
///
/// Matrices come from `WeightMatrices` (standard, MLA and MoE blocks); everything else the cost model counts
/// (norms, biases, router biases, the shared-expert gate) is spread evenly over the layers and replicated across
/// tensor ranks, except the final norm and lm_head bias (last stage) and the position table (first stage).
struct ShardedModel: Hashable, Sendable {
    /// Weight bytes on one device of each stage (payload + scales + norms and biases).
    var weightsPerStage: [Int128]
    /// The routed-expert part of `weightsPerStage` (0 for dense models).
    var routedExpertsPerStage: [Int128]
    /// Scale and zero-point bytes in the fullest stage.
    var weightScaleBytes: Int128
    /// Full-context and windowed layers of each stage.
    var kvLayersPerStage: [(full: Int128, sliding: Int128)]
    /// Sliding window, tokens, when any layer is windowed.
    var window: Int128?
    /// KV elements one device caches per token in one layer (its K/V heads, or MLA's replicated latent).
    var kvElementsPerLayer: Int128
    /// Head vectors per token per layer on one device (2 x KV heads; 1 latent for MLA) and their length.
    var kvVectors: Int128
    var kvVectorLength: Int128
    var kv: KVQuantization

    static func == (lhs: ShardedModel, rhs: ShardedModel) -> Bool {
        lhs.weightsPerStage == rhs.weightsPerStage && lhs.kvElementsPerLayer == rhs.kvElementsPerLayer
            && lhs.kvLayersPerStage.map(\.full) == rhs.kvLayersPerStage.map(\.full)
    }

    func hash(into hasher: inout Hasher) { hasher.combine(weightsPerStage) }

    /// The dtype norms, biases and unquantised matrices stay in: the spec's when 16 bits or wider, else bf16.
    static func wideDType(_ spec: ArchitectureSpec, _ weights: WeightQuantization) -> DType {
        if !weights.isQuantized { return weights.dtype }
        return spec.dtype.bits >= 16 ? spec.dtype : .bf16
    }

    /// KV-cache bytes one device of `stage` holds for `batch` sequences of `context` tokens, scales included.
    func kvBytes(stage: Int, context: Int, batch: Int) throws(SizingError) -> Int128 {
        let layers = kvLayersPerStage[stage]
        let capped = window.map { min(Int128(context), $0) } ?? Int128(context)
        let layerTokens = try Wide.add(try Wide.mul(layers.full, Int128(context), term: "KV cache"),
                                       try Wide.mul(layers.sliding, capped, term: "KV cache"), term: "KV cache")
        var perSequence = try Wide.bytes(try Wide.mul(kvElementsPerLayer, layerTokens, term: "KV cache"),
                                         bits: kv.dtype.bits, term: "KV cache")
        var fixed: Int128 = 0
        if kv.isQuantized {
            do {
                let perLayerToken = try ScaleCount.kvScalesPerLayerToken(
                    vectors: kvVectors, length: kvVectorLength, granularity: kv.effectiveGranularity)
                perSequence += try ScaleCount.mul(perLayerToken, layerTokens, kv.bytesPerScale)
                fixed = try ScaleCount.mul(try ScaleCount.kvStaticScales(
                    layers: layers.full + layers.sliding, vectors: kvVectors, granularity: kv.effectiveGranularity),
                                           kv.bytesPerScale)
            } catch { throw .quantization(error) }
        }
        return try Wide.add(try Wide.mul(perSequence, Int128(batch), term: "KV cache"), fixed, term: "KV cache")
    }

    static func build(
        _ spec: ArchitectureSpec, layout: ParallelLayout, weights: WeightQuantization, kv: KVQuantization,
        parameters: ParameterBreakdown
    ) throws(SizingError) -> ShardedModel {
        let wide = wideDType(spec, weights)
        let blocks = try BlockBytes(spec, tp: layout.tp, weights: weights, wide: wide, parameters: parameters)
        let stages = layout.layersPerStage(spec.layers)
        var weightsPerStage: [Int128] = [], routedPerStage: [Int128] = [], kvLayers: [(Int128, Int128)] = []
        var start = 0, fullestScales: Int128 = 0
        for (index, count) in stages.enumerated() {
            let kinds = WeightMatrices.layerCounts(spec, start: start, end: start + count)
            start += count
            let routed = try Wide.mul(kinds.moe, blocks.routedPerMoELayer, term: "weights")
            var bytes = try Wide.add(
                try Wide.mul(Int128(count), try Wide.add(blocks.attentionPerLayer, blocks.smallPerLayer, term: "weights"),
                             term: "weights"),
                try Wide.mul(kinds.dense, blocks.densePerLayer, term: "weights"), routed,
                try Wide.mul(kinds.moe, blocks.moeSharedPerLayer, term: "weights"), term: "weights")
            var scales = try Wide.add(try Wide.mul(Int128(count), blocks.scalesPerLayer, term: "scales"),
                                      try Wide.mul(kinds.dense, blocks.denseScalesPerLayer, term: "scales"), term: "scales")
            if index == 0 {
                bytes = try Wide.add(bytes, blocks.embedding, blocks.position, term: "weights")
                scales += blocks.embeddingScales
            }
            if index == stages.count - 1 {
                // A tied lm_head reuses the embedding on one stage; split across stages, the last keeps a copy.
                let head = spec.tieEmbeddings ? (layout.pp > 1 ? blocks.embedding : 0) : blocks.lmHead
                bytes = try Wide.add(bytes, head, blocks.lastStageExtras, term: "weights")
            }
            weightsPerStage.append(bytes)
            routedPerStage.append(routed)
            fullestScales = max(fullestScales, scales)
            kvLayers.append((Int128(count) - kinds.sliding, kinds.sliding))
        }
        let shape = kvShape(spec, layout: layout)
        return ShardedModel(
            weightsPerStage: weightsPerStage, routedExpertsPerStage: routedPerStage, weightScaleBytes: fullestScales,
            kvLayersPerStage: kvLayers,
            window: spec.attention.slidingLayerCount(layers: spec.layers) > 0
                ? spec.attention.slidingWindow.map { Int128($0.window) } : nil,
            kvElementsPerLayer: shape.elements, kvVectors: shape.vectors, kvVectorLength: shape.length, kv: kv)
    }

    /// Per device and layer: cached elements per token, head vectors and their length.
    static func kvShape(_ spec: ArchitectureSpec, layout: ParallelLayout) -> (elements: Int128, vectors: Int128, length: Int128) {
        let a = spec.attention
        if let mla = a.mla {
            // The latent and rope key are shared by all heads, so every tensor rank caches all of it.
            let length = Int128(mla.kvLoraRank + mla.qkRopeHeadDim)
            return (length, 1, length)
        }
        let heads = Int128(layout.kvHeadsPerDevice(spec))
        return (heads * Int128(a.headDim + a.valueHeadDim), 2 * heads, Int128(a.headDim))
    }
}

/// Bytes one device holds for a spec under a layout and quantisation: weights per pipeline stage, and the KV
/// cache and recurrent state per stage as a function of context and batch.
///
/// Everything is read from the layer plan: each plan kind's matrices come from `WeightMatrices`, its other
/// parameters (norms, biases, convolutions, sinks) are replicated on every tensor rank, and each stage stacks
/// the kinds of the layers it holds. The final norm and lm_head bias sit on the last stage, the embedding and
/// position table on the first.
struct ShardedModel: Hashable, Sendable {
    /// Weight bytes on one device of each stage (payload + scales + norms and biases).
    var weightsPerStage: [Int128]
    /// The routed-expert part of `weightsPerStage` (0 for dense models).
    var routedExpertsPerStage: [Int128]
    /// Scale and zero-point bytes in the fullest stage.
    var weightScaleBytes: Int128
    /// Layers of each plan kind in each stage.
    var kindsPerStage: [[Int]]
    /// Per plan kind, on one device: the KV cache's shape and span, and the constant recurrent state.
    var cache: [KindCache]
    var kv: KVQuantization
    /// The dtype of recurrent state.
    var stateDType: DType
    /// How the cache is allocated (exact tokens, or an engine's blocks, pools and padding).
    var accounting: KVAccounting = .ideal

    /// One plan kind's cache on one tensor rank.
    struct KindCache: Hashable, Sendable {
        /// KV elements per token (0 when the layer caches nothing or reads another layer's cache).
        var elements: Int128
        /// Head vectors per token (2 x KV heads; 1 latent for MLA) and their length, for KV scales.
        var vectors: Int128
        var length: Int128
        var span: AttentionSpan
        /// Recurrent and convolution state per sequence, elements.
        var state: Int128
    }

    /// The dtype norms, biases and unquantised matrices stay in: the spec's when 16 bits or wider, else bf16.
    static func wideDType(_ spec: ArchitectureSpec, _ weights: WeightQuantization) -> DType {
        if !weights.isQuantized { return weights.dtype }
        return spec.dtype.bits >= 16 ? spec.dtype : .bf16
    }

    /// KV-cache and state bytes one device of `stage` holds for `batch` sequences of `context` tokens, scales
    /// included.
    func kvBytes(stage: Int, context: Int, batch: Int) throws(SizingError) -> Int128 {
        let engine = EngineCache.plan(accounting, cache: cache, counts: kindsPerStage[stage], context: Int128(context),
                                      kvBits: kv.dtype.bits, stateBits: stateDType.bits)
        var perSequence: Int128 = 0, fixed: Int128 = 0, state: Int128 = 0, statePages: Int128 = 0
        for (kind, count) in kindsPerStage[stage].enumerated() where count > 0 {
            let c = cache[kind], layers = engine.layers[kind]
            if let page = engine.statePageBytes[kind] {
                statePages = try Wide.add(statePages, try Wide.mul(layers, page, term: "state"), term: "state")
            } else {
                state = try Wide.add(state, try Wide.mul(layers, c.state, term: "state"), term: "state")
            }
            guard c.elements > 0 else { continue }
            let layerTokens = try Wide.mul(layers, engine.tokens[kind], term: "KV cache")
            perSequence += try Wide.bytes(try Wide.mul(c.elements, layerTokens, term: "KV cache"), bits: kv.dtype.bits,
                                          term: "KV cache")
            if kv.isQuantized {
                do {
                    let perLayerToken = try ScaleCount.kvScalesPerLayerToken(
                        vectors: c.vectors, length: c.length, granularity: kv.effectiveGranularity)
                    perSequence += try ScaleCount.mul(perLayerToken, layerTokens, kv.bytesPerScale)
                    fixed += try ScaleCount.mul(try ScaleCount.kvStaticScales(
                        layers: layers, vectors: c.vectors, granularity: kv.effectiveGranularity), kv.bytesPerScale)
                } catch { throw .quantization(error) }
            }
        }
        let stateBytes = try Wide.mul(try Wide.add(try Wide.bytes(state, bits: engine.stateBits, term: "state"),
                                                   statePages, term: "state"), engine.stateCopies, term: "state")
        return try Wide.add(try Wide.mul(try Wide.add(perSequence, stateBytes, term: "KV cache"), Int128(batch),
                                         term: "KV cache"), fixed, term: "KV cache")
    }

    static func build(
        _ spec: ArchitectureSpec, plan: LayerPlan, layout: ParallelLayout, weights: WeightQuantization,
        kv: KVQuantization, parameters: ParameterBreakdown
    ) throws(SizingError) -> ShardedModel {
        let layers: PlanCosts
        do { layers = try PlanCosts(spec, plan: plan) } catch { throw .cost(error) }
        return try build(layers, layout: layout, weights: weights, kv: kv, parameters: parameters)
    }

    /// As `build(_:plan:...)`, with the plan's layer costs already computed (once per sizing run).
    static func build(
        _ layers: PlanCosts, layout: ParallelLayout, weights: WeightQuantization, kv: KVQuantization,
        parameters: ParameterBreakdown
    ) throws(SizingError) -> ShardedModel {
        let spec = layers.spec, plan = layers.plan
        let wide = wideDType(spec, weights)
        let blocks = try BlockBytes(layers, tp: layout.tp, ep: layout.ep, expertTP: layout.expertTP, weights: weights, wide: wide, parameters: parameters)
        let stages = layout.layersPerStage(spec.layers)
        var weightsPerStage: [Int128] = [], routedPerStage: [Int128] = [], kinds: [[Int]] = []
        var start = 0, fullestScales: Int128 = 0
        for (index, count) in stages.enumerated() {
            let counts = plan.kindCounts(in: start..<(start + count))
            start += count
            var bytes: Int128 = 0, routed: Int128 = 0, scales: Int128 = 0
            for (kind, n) in counts.enumerated() where n > 0 {
                let layers = Int128(n)
                bytes = try Wide.add(bytes, try Wide.mul(layers, blocks.perLayer[kind], term: "weights"), term: "weights")
                routed = try Wide.add(routed, try Wide.mul(layers, blocks.routedPerLayer[kind], term: "weights"), term: "weights")
                scales = try Wide.add(scales, try Wide.mul(layers, blocks.scalesPerLayer[kind], term: "scales"), term: "scales")
            }
            bytes = try Wide.add(bytes, routed, term: "weights")
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
            kinds.append(counts)
        }
        let cache = layers.groups.map { kindCache($0.layer, cost: $0.cost, tp: layout.tp) }
        return ShardedModel(
            weightsPerStage: weightsPerStage, routedExpertsPerStage: routedPerStage, weightScaleBytes: fullestScales,
            kindsPerStage: kinds, cache: cache, kv: kv, stateDType: spec.stateDType ?? kv.dtype)
    }

    /// One device's cache of a layer: its KV heads (all of MLA's replicated latent), and its share of the
    /// recurrent state (heads are split across tensor ranks, rounded up).
    static func kindCache(_ layer: Layer, cost: LayerCost, tp: Int) -> KindCache {
        let tp128 = Int128(max(tp, 1))
        let state = (cost.stateElements + tp128 - 1) / tp128
        guard let a = layer.mixer.attention, cost.kvElementsPerToken > 0 else {
            return KindCache(elements: 0, vectors: 0, length: 0, span: .full, state: state)
        }
        switch a.form {
        case .latent:
            // The latent and rope key (and the indexer key) are shared by all heads: every rank caches all of it.
            return KindCache(elements: cost.kvElementsPerToken, vectors: 1, length: cost.kvElementsPerToken,
                             span: a.span, state: state)
        case .standard(let kvHeads, let headDim, let valueDim):
            let heads = Int128(max(1, kvHeads / max(tp, 1)))
            return KindCache(elements: heads * Int128(headDim + valueDim), vectors: 2 * heads, length: Int128(headDim),
                             span: a.span, state: state)
        }
    }
}

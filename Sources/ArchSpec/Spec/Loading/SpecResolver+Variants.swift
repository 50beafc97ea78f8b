/// Resolution passes for the architecture variants: latent attention, sliding windows, experts, norm and
/// position details. Each pass applies defaults and reports located errors for inconsistent values.
extension SpecResolver {
    static let mlaKeys = ["q_lora_rank", "kv_lora_rank", "qk_rope_head_dim", "qk_nope_head_dim", "v_head_dim"]

    /// MLA sizes belong to `kind: mla` only; `kind: mla` needs all but `q_lora_rank`.
    mutating func checkMLAKeys(kind: AttentionKind) -> Bool {
        let before = diagnostics.count
        for key in Self.mlaKeys where kind != .mla && values["attention.\(key)"] != nil {
            fail(SpecChecks.mlaKeyWithoutMLA(key))
        }
        if kind == .mla {
            for key in Self.mlaKeys.dropFirst() where values["attention.\(key)"] == nil {
                fail(.missingField, "attention.kind mla needs attention.\(key)", path: "attention.kind")
            }
        }
        return diagnostics.count == before
    }

    mutating func resolveMLA(heads: Int) -> AttentionSpec? {
        guard let kvRank = int("attention.kv_lora_rank"), let rope = int("attention.qk_rope_head_dim"),
              let nope = int("attention.qk_nope_head_dim"), let value = int("attention.v_head_dim") else { return nil }
        let mla = MLASpec(qLoraRank: int("attention.q_lora_rank"), kvLoraRank: kvRank, qkRopeHeadDim: rope,
                          qkNopeHeadDim: nope, vHeadDim: value)
        if let kvHeads = int("attention.kv_heads"), kvHeads != heads {
            fail(.mlaDimensions, "attention.kv_heads \(kvHeads) must equal attention.heads \(heads) for mla (every head expands the shared latent)",
                 path: "attention.kv_heads")
        }
        if let headDim = int("attention.head_dim"), let problem = SpecChecks.mlaHeadDim(headDim: headDim, nope: nope, rope: rope) {
            fail(problem)
        }
        var attention = AttentionSpec(
            heads: heads, kvHeads: heads, headDim: mla.qkHeadDim,
            qkvBias: bool("attention.qkv_bias", default: false), outBias: bool("attention.out_bias", default: false))
        attention.kind = .mla
        attention.mla = mla
        attention.qkNorm = string("attention.qk_norm").flatMap(QKNormKind.init(rawValue:)) ?? .none
        return attention
    }

    mutating func resolveSlidingWindow(layers: Int) -> SlidingWindowSpec? {
        var pattern = values["attention.layer_pattern"]?.strings?.compactMap(LayerAttention.init(rawValue:)) ?? []
        if let explicit = values["attention.layer_types"]?.strings?.compactMap(LayerAttention.init(rawValue:)) {
            if !pattern.isEmpty {
                fail(.inconsistent, "attention.layer_types and attention.layer_pattern are alternatives; give one",
                     path: "attention.layer_types")
            }
            guard checkPerLayerCount(explicit.count, path: "attention.layer_types", layers: layers) else { return nil }
            pattern = LayerAssignment.explicit(explicit).pattern
        }
        let full = values["attention.full_layers"]?.integers ?? []
        let sliding = values["attention.sliding_layers"]?.integers ?? []
        let window = int("attention.sliding_window"), chunk = int("attention.chunk_size")
        checkLayerIndices(full, path: "attention.full_layers", layers: layers)
        checkLayerIndices(sliding, path: "attention.sliding_layers", layers: layers)
        if !full.isEmpty, !sliding.isEmpty, let both = sliding.first(where: Set(full).contains) {
            fail(.inconsistent, "layer \(both) is in both attention.full_layers and attention.sliding_layers",
                 path: "attention.sliding_layers")
        }
        let usesSliding = (pattern.isEmpty && window != nil) || pattern.contains(.sliding) || !sliding.isEmpty
        if usesSliding, window == nil {
            let key = ["layer_types", "layer_pattern", "sliding_layers"].first { values["attention.\($0)"] != nil } ?? "layer_pattern"
            fail(.attentionSpans, "attention.\(key) needs attention.sliding_window",
                 path: "attention.\(key)")
            return nil
        }
        if pattern.contains(.chunked), chunk == nil {
            let key = values["attention.layer_types"] != nil ? "layer_types" : "layer_pattern"
            fail(.attentionSpans, "attention.\(key) has chunked layers; set attention.chunk_size", path: "attention.\(key)")
            return nil
        }
        if window == nil, chunk == nil {
            // Only full layers (transformers 5 writes layer_types: [full_attention, ...] for every model).
            if !full.isEmpty { fail(.attentionSpans, "attention.full_layers needs attention.sliding_window", path: "attention.full_layers") }
            return nil
        }
        if chunk != nil, !pattern.contains(.chunked), window == nil {
            fail(.attentionSpans, "attention.chunk_size needs chunked layers in attention.layer_pattern or layer_types",
                 path: "attention.chunk_size")
            return nil
        }
        return SlidingWindowSpec(window: window ?? 0, pattern: pattern.isEmpty && window == nil ? [.chunked] : pattern,
                                 fullLayers: full, slidingLayers: sliding, chunkSize: chunk)
    }

    /// A per-layer list must have one entry per layer.
    mutating func checkPerLayerCount(_ count: Int, path: String, layers: Int) -> Bool {
        guard count != layers else { return true }
        fail(.inconsistent, "\(path) has \(count) \(count == 1 ? "entry" : "entries"), but layers is \(layers): give one per layer",
             path: path)
        return false
    }

    mutating func checkLayerIndices(_ indices: [Int], path: String, layers: Int) {
        if let bad = indices.first(where: { $0 >= layers || $0 < 0 }) {
            fail(.outOfRange, "\(path) names layer \(bad), but layers are numbered 0 to \(layers - 1)", path: path)
        }
    }

    mutating func resolveMoE(layers: Int, intermediate: Int) -> MoESpec? {
        guard let experts = int("moe.experts"), let topK = int("moe.top_k") else { return nil }
        if let problem = SpecChecks.topKWithinExperts(topK: topK, experts: experts) { fail(problem) }
        let shared = int("moe.shared_experts") ?? 0
        let gate = bool("moe.shared_expert_gate", default: false)
        if gate, shared == 0 {
            fail(.sharedExpertGate, "moe.shared_expert_gate needs moe.shared_experts of at least 1", path: "moe.shared_expert_gate")
        }
        let dense = int("moe.dense_layers") ?? 0
        if dense > layers { fail(.outOfRange, "moe.dense_layers \(dense) exceeds layers \(layers)", path: "moe.dense_layers") }
        let indices = values["moe.dense_layer_indices"]?.integers ?? []
        checkLayerIndices(indices, path: "moe.dense_layer_indices", layers: layers)
        let expertSize = int("moe.expert_intermediate_size") ?? intermediate
        let moe = MoESpec(
            experts: experts, topK: topK, sharedExperts: shared, expertIntermediateSize: expertSize,
            sharedExpertIntermediateSize: int("moe.shared_expert_intermediate_size"), denseLayers: dense,
            layerInterval: int("moe.layer_interval") ?? 1, denseLayerIndices: indices,
            routerBias: bool("moe.router_bias", default: false), sharedExpertGate: gate,
            groups: int("moe.n_group"), topKGroups: int("moe.topk_group"))
        if let groups = moe.groups,
           let problem = SpecChecks.expertGroups(experts: experts, groups: groups, chosen: moe.topKGroups, topK: topK) {
            fail(problem)
        }
        return moe
    }

    mutating func resolveNormDetails(_ norm: NormSpec, parallel: Bool) -> NormSpec {
        var norm = norm
        norm.perLayer = int("norm.per_layer") ?? (parallel ? 1 : 2)
        norm.weight = bool("norm.weight", default: true)
        norm.final = bool("norm.final", default: true)
        if !norm.weight, norm.bias, values["norm.bias"] != nil {
            fail(.inconsistent, "norm.bias true needs norm.weight true (a norm without weight has no bias)", path: "norm.bias")
        }
        if !norm.weight { norm.bias = false }
        return norm
    }

    mutating func resolvePositionDetails(_ position: PositionSpec) -> PositionSpec {
        var position = position
        position.offset = int("position.offset") ?? 0
        if position.offset > 0, position.kind != .learned {
            fail(.inconsistent, "position.offset applies to a learned position table (position.kind: learned)",
                 path: "position.offset")
        }
        if let type = string("position.rope_scaling.type") {
            position.ropeScaling = RopeScalingSpec(
                type: type, factor: values["position.rope_scaling.factor"]?.number,
                originalContextLength: int("position.rope_scaling.original_context_length"))
        }
        return position
    }
}

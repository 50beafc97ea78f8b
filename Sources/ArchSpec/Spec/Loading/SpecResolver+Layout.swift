/// Resolution passes for the per-layer expression: token and channel mixers by layer, per-layer sizes, KV
/// sharing, the recurrent mixers' sizes and the remaining attention details (sinks, gates, the indexer).
extension SpecResolver {
    /// A key that is an integer or a per-layer list: the scalar, or the list's first entry (checked for length).
    mutating func firstOrScalar(_ path: String, layers: Int) -> Int? {
        if let list = values[path]?.integers {
            guard checkPerLayerCount(list.count, path: path, layers: layers), let first = list.first else { return nil }
            return first
        }
        return int(path)
    }

    mutating func resolveLayout(_ spec: inout ArchitectureSpec) {
        let layers = spec.layers
        var layout = LayerLayoutSpec()
        layout.mixers = mixerAssignment(layers: layers)
        layout.channels = channelAssignment(layers: layers, hasMoE: spec.moe != nil)
        func perLayer(_ path: String) -> [Int] {
            guard let list = values[path]?.integers, list.count == layers else { return [] }
            return LayerAssignment<Int>.shortestPeriod(list) == 1 ? [] : list
        }
        layout.heads = perLayer("attention.heads")
        layout.kvHeads = perLayer("attention.kv_heads")
        layout.intermediateSizes = perLayer("mlp.intermediate_size")
        if !layout.heads.isEmpty, values["attention.kv_heads"] == nil { layout.kvHeads = layout.heads }  // MHA per layer
        checkHeadLists(layout, spec: spec)
        layout.kvSources = kvSharing(layers: layers)
        spec.layout = layout
        spec.attention.sinks = bool("attention.sinks", default: false)
        spec.attention.outputGate = bool("attention.output_gate", default: false)
        if let heads = int("attention.indexer.heads"), let dim = int("attention.indexer.head_dim"),
           let topK = int("attention.indexer.top_k") {
            if spec.attention.kind != .mla {
                fail(.inconsistent, "attention.indexer is only used with attention.kind: mla", path: "attention.indexer")
            }
            spec.attention.indexer = IndexerSpec(heads: heads, headDim: dim, topK: topK)
        }
        spec.linearAttention = resolveLinearAttention()
        spec.ssm = resolveSSM(hidden: spec.hiddenSize)
        if let kernel = int("short_conv.kernel") {
            spec.shortConv = ShortConvSpec(kernel: kernel, bias: bool("short_conv.bias", default: false))
        }
        spec.mtpLayers = int("mtp_layers") ?? 0
        spec.mlp.activationParameters = int("mlp.activation_parameters") ?? 0
        spec.visionParameters = int("vision_parameters") ?? 0
        spec.stateDType = string("state_dtype").flatMap(DType.init(rawValue:))
        checkMixerSections(spec)
    }

    mutating func mixerAssignment(layers: Int) -> LayerAssignment<MixerKind> {
        var assignment = LayerAssignment<MixerKind>()
        let pattern = values["layer_pattern"]?.strings?.compactMap(MixerKind.init(rawValue:))
        let explicit = values["layer_types"]?.strings?.compactMap(MixerKind.init(rawValue:))
        if pattern != nil, explicit != nil {
            fail(.inconsistent, "layer_types and layer_pattern are alternatives; give one", path: "layer_types")
        }
        if let explicit, checkPerLayerCount(explicit.count, path: "layer_types", layers: layers) {
            assignment = LayerAssignment.explicit(explicit)
        } else if let pattern {
            assignment.pattern = pattern
        }
        let attention = values["attention_layers"]?.integers ?? []
        checkLayerIndices(attention, path: "attention_layers", layers: layers)
        for index in attention where index >= 0 && index < layers { assignment.overrides[index] = .attention }
        if assignment.pattern.allSatisfy({ $0 == .attention }) && assignment.overrides.isEmpty { return LayerAssignment() }
        return assignment
    }

    mutating func channelAssignment(layers: Int, hasMoE: Bool) -> LayerAssignment<ChannelKind> {
        let pattern = values["mlp.layer_pattern"]?.strings?.compactMap(ChannelKind.init(rawValue:))
        let explicit = values["mlp.layer_types"]?.strings?.compactMap(ChannelKind.init(rawValue:))
        if pattern != nil, explicit != nil {
            fail(.inconsistent, "mlp.layer_types and mlp.layer_pattern are alternatives; give one", path: "mlp.layer_types")
        }
        var assignment = LayerAssignment<ChannelKind>()
        if let explicit, checkPerLayerCount(explicit.count, path: "mlp.layer_types", layers: layers) {
            assignment = LayerAssignment.explicit(explicit)
        } else if let pattern {
            assignment.pattern = pattern
        }
        guard !assignment.isEmpty else { return assignment }
        let path = explicit != nil ? "mlp.layer_types" : "mlp.layer_pattern"
        if assignment.pattern.contains(.moe), !hasMoE {
            fail(.inconsistent, "\(path) has moe layers and needs a moe section", path: path)
        }
        for key in ["dense_layers", "layer_interval", "dense_layer_indices"] where values["moe.\(key)"] != nil {
            fail(.inconsistent, "moe.\(key) and \(path) both place the MoE layers; give one", path: "moe.\(key)")
        }
        return assignment
    }

    mutating func checkHeadLists(_ layout: LayerLayoutSpec, spec: ArchitectureSpec) {
        guard !layout.heads.isEmpty || !layout.kvHeads.isEmpty else { return }
        if spec.attention.kind == .mla {
            return fail(.inconsistent, "per-layer attention.heads or kv_heads lists are not supported with mla", path: "attention.heads")
        }
        for i in 0..<spec.layers {
            let heads = layout.heads.isEmpty ? spec.attention.heads : layout.heads[i]
            let kvHeads = layout.kvHeads.isEmpty ? spec.attention.kvHeads : layout.kvHeads[i]
            if let problem = SpecChecks.headsDivisibleByKVHeads(heads: heads, kvHeads: kvHeads) {
                return fail(problem, prefix: "layer \(i): ", path: layout.kvHeads.isEmpty ? "attention.heads" : "attention.kv_heads")
            }
        }
    }

    mutating func kvSharing(layers: Int) -> [Int: Int] {
        guard let targets = values["attention.kv_sharing.layers"]?.integers,
              let sources = values["attention.kv_sharing.sources"]?.integers else { return [:] }
        guard targets.count == sources.count else {
            fail(.inconsistent, "attention.kv_sharing.sources has \(sources.count) entries for \(targets.count) layers; give one source per layer",
                 path: "attention.kv_sharing.sources")
            return [:]
        }
        checkLayerIndices(targets, path: "attention.kv_sharing.layers", layers: layers)
        checkLayerIndices(sources, path: "attention.kv_sharing.sources", layers: layers)
        var map: [Int: Int] = [:]
        for (target, source) in zip(targets, sources) {
            if source == target {
                fail(.inconsistent, "layer \(target) cannot share the KV cache of itself", path: "attention.kv_sharing.sources")
                return [:]
            }
            if source > target {
                fail(.inconsistent, "layer \(target) shares the KV cache of layer \(source), which comes later; a layer can only reuse an earlier layer's cache",
                     path: "attention.kv_sharing.sources")
                return [:]
            }
            if map[target] != nil {
                fail(.inconsistent, "layer \(target) is listed twice in attention.kv_sharing.layers", path: "attention.kv_sharing.layers")
                return [:]
            }
            map[target] = source
        }
        for (target, source) in map where map[source] != nil {
            fail(.inconsistent, "layer \(target) shares the KV cache of layer \(source), which itself reads layer \(map[source]!); name layer \(map[source]!)",
                 path: "attention.kv_sharing.sources")
            return [:]
        }
        return map
    }

    mutating func resolveLinearAttention() -> LinearAttentionSpec? {
        guard let kindText = string("linear_attention.kind"), let kind = LinearAttentionKind(rawValue: kindText),
              let keyHeads = int("linear_attention.key_heads"), let keyDim = int("linear_attention.key_head_dim")
        else { return nil }
        let valueHeads = int("linear_attention.value_heads") ?? keyHeads
        let valueDim = int("linear_attention.value_head_dim") ?? keyDim
        if kind == .lightning, valueHeads != keyHeads || valueDim != keyDim {
            fail(.inconsistent, "linear_attention.kind lightning has one head geometry: value_heads and value_head_dim must equal key_heads and key_head_dim",
                 path: "linear_attention.value_heads")
        }
        if kind == .gatedDeltaNet, valueHeads % keyHeads != 0 {
            fail(.inconsistent, "linear_attention.value_heads \(valueHeads) is not divisible by key_heads \(keyHeads)",
                 path: "linear_attention.value_heads")
        }
        return LinearAttentionSpec(
            kind: kind, keyHeads: keyHeads, valueHeads: valueHeads, keyHeadDim: keyDim, valueHeadDim: valueDim,
            convKernel: int("linear_attention.conv_kernel") ?? (kind == .gatedDeltaNet ? 4 : 0))
    }

    mutating func resolveSSM(hidden: Int) -> SSMSpec? {
        guard let inner = int("ssm.inner_size"), let state = int("ssm.state_size") else { return nil }
        let heads = int("ssm.heads") ?? 0, headDim = int("ssm.head_dim") ?? 0
        if heads > 0 || headDim > 0 {
            let (product, overflow) = heads.multipliedReportingOverflow(by: headDim)
            if overflow || product != inner {
                fail(.inconsistent, "ssm.heads \(heads) x ssm.head_dim \(headDim) must equal ssm.inner_size \(inner)",
                     path: "ssm.heads")
            }
        }
        let groups = int("ssm.groups") ?? 1
        if heads > 0, heads % groups != 0 {
            fail(.inconsistent, "ssm.heads \(heads) is not divisible by ssm.groups \(groups)", path: "ssm.groups")
        }
        return SSMSpec(
            innerSize: inner, stateSize: state, convKernel: int("ssm.conv_kernel") ?? 4, heads: heads, headDim: headDim,
            groups: groups, dtRank: int("ssm.dt_rank") ?? (hidden + 15) / 16,
            projectionBias: bool("ssm.projection_bias", default: false), convBias: bool("ssm.conv_bias", default: true),
            gatedNorm: bool("ssm.gated_norm", default: true), innerNorms: bool("ssm.inner_norms", default: false))
    }

    /// Every mixer kind a layer uses needs its section, and Mamba-2 needs heads.
    mutating func checkMixerSections(_ spec: ArchitectureSpec) {
        // A layer list already refused says nothing about which sections its layers use.
        if diagnostics.contains(where: { $0.keyPath == "layer_types" || $0.keyPath == "layer_pattern" }) { return }
        let l = spec.layout.mixers
        let used = Set(l.pattern).union(l.overrides.values)
        let path = values["layer_types"] != nil ? "layer_types" : "layer_pattern"
        if used.contains(.linearAttention), spec.linearAttention == nil {
            fail(.missingField, "\(path) has linear_attention layers and needs a linear_attention section", path: path)
        }
        if !used.isDisjoint(with: [.mamba, .mamba2, .attentionMamba2]), spec.ssm == nil {
            fail(.missingField, "\(path) has mamba layers and needs an ssm section", path: path)
        }
        if !used.isDisjoint(with: [.mamba2, .attentionMamba2]), let ssm = spec.ssm, ssm.heads == 0 {
            fail(.missingField, "mamba2 layers need ssm.heads and ssm.head_dim", path: "ssm")
        }
        if spec.linearAttention != nil, !used.contains(.linearAttention) {
            fail(.inconsistent, "linear_attention is set but no layer is a linear_attention layer (layer_pattern or layer_types)",
                 path: "linear_attention")
        }
        if used.contains(.shortConv), spec.shortConv == nil {
            fail(.missingField, "\(path) has short_conv layers and needs a short_conv section", path: path)
        }
        if spec.shortConv != nil, !used.contains(.shortConv) {
            fail(.inconsistent, "short_conv is set but no layer is a short_conv layer (layer_pattern or layer_types)",
                 path: "short_conv")
        }
        if spec.ssm != nil, used.isDisjoint(with: [.mamba, .mamba2, .attentionMamba2]) {
            fail(.inconsistent, "ssm is set but no layer is a mamba or mamba2 layer (layer_pattern or layer_types)", path: "ssm")
        }
    }
}

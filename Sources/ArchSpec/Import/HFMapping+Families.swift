/// How transformers builds each supported model type, as archspec values.
extension HFMapping {
    mutating func mapFamily() {
        let cls = family.configClass
        switch family.mapper {
        case .llama:
            attentionBias(key: "attention_bias", default: false)
            bool("mlp.bias", _key: "mlp_bias", default: false)
            norms(.rmsnorm, perLayer: 2, "\(cls): input and post-attention RMSNorm")
        case .mistral, .mixtral:
            fixedBias(qkv: false, out: false)
            norms(.rmsnorm, perLayer: 2, "\(cls): input and post-attention RMSNorm")
            window(key: "sliding_window", default: family.mapper == .mistral ? 4096 : nil)
            if family.mapper == .mixtral {
                moe(experts: "num_local_experts", 8, topK: "num_experts_per_tok", 2, size: nil)
            }
        case .qwen2, .qwen2MoE, .qwen3, .qwen3MoE:
            mapQwen()
        case .gemma, .gemma2, .gemma3Text:
            mapGemma()
        case .phi3:
            fixedBias(qkv: false, out: false)
            if config.bool("attention_bias") == true {
                warn("attention_bias", "attention_bias true is not counted: transformers' Phi3Attention builds qkv_proj and o_proj without bias")
            }
            norms(.rmsnorm, perLayer: 2, "\(cls): input and post-attention RMSNorm")
            window(key: "sliding_window", default: nil)
        case .falcon:
            mapFalcon()
        case .gpt2, .gptJ, .gptNeoX, .opt:
            mapGPTStyle()
        case .starcoder2:
            let bias = bool("attention.qkv_bias", _key: "use_bias", default: true)
            fixed("attention.out_bias", .boolean(bias), "use_bias: o_proj bias")
            fixed("mlp.bias", .boolean(bias), "use_bias: c_fc and c_proj biases")
            fixed("mlp.kind", .string(MLPKind.plain.rawValue), "\(cls): c_fc and c_proj")
            norms(.layernorm, perLayer: 2, "\(cls): LayerNorm with bias", bias: true)
            window(key: "sliding_window", default: nil)
        case .olmo:
            attentionBias(key: "attention_bias", default: false)
            norms(.layernorm, perLayer: 2, "\(cls): OlmoLayerNorm has no weight or bias", bias: false)
            fixed("norm.weight", .boolean(false), "\(cls): OlmoLayerNorm has no learned parameters")
        case .olmo2:
            attentionBias(key: "attention_bias", default: false)
            norms(.rmsnorm, perLayer: 2, "\(cls): post-attention and post-feedforward RMSNorm")
            fixed("attention.qk_norm", .string(QKNormKind.full.rawValue), "\(cls): q_norm and k_norm over all heads")
        case .deepseekV2, .deepseekV3, .deepseekV32, .glm4MoELite:
            mapDeepSeek()
        case .gptOSS, .llama4Text, .glm4MoE, .graniteMoE, .ernie45MoE, .hunyuanMoE, .minimaxM2, .phiMoE:
            mapMoEFamily()
        case .glm4, .cohere, .cohere2, .phi, .granite, .smolLM3, .seedOSS, .olmo3, .exaone4, .ernie45,
             .hunyuanDense, .apertus, .arcee:
            mapDenseFamily()
        case .olmoe, .dots1:
            mapRecentMoE()
        case .qwen3Next, .qwen35, .qwen35MoE, .minimax, .jamba, .nemotronH, .falconH1, .bamba, .graniteMoEHybrid, .mamba2:
            mapHybridFamily()
        case .lfm2:
            mapLFM2()
        case .refused, .multimodal:
            break  // handled before mapping (HFImport.load)
        }
    }

    mutating func fixedBias(qkv: Bool, out: Bool) {
        fixed("attention.qkv_bias", .boolean(qkv), "\(family.configClass): q, k, v projections \(qkv ? "with" : "without") bias")
        fixed("attention.out_bias", .boolean(out), "\(family.configClass): o projection \(out ? "with" : "without") bias")
    }

    mutating func attentionBias(key: String, default fallback: Bool) {
        let bias = bool("attention.qkv_bias", _key: key, default: fallback)
        set("attention.out_bias", .boolean(bias), note: config.has(key) ? key : "\(key) absent: \(family.configClass) default",
            key: config.has(key) ? key : nil)
    }

    mutating func norms(_ kind: NormKind, perLayer: Int, _ reason: String, bias: Bool = false, key: String? = nil) {
        fixed("norm.kind", .string(kind.rawValue), reason)
        fixed("norm.bias", .boolean(bias), reason)
        set("norm.per_layer", .integer(perLayer), note: reason, key: key)
    }

    /// A window on every layer from `key`, or transformers' default when the key is absent (not when it is null).
    mutating func window(key: String, default fallback: Int?) {
        if let size = config.int(key) {
            guard size >= 1 else { return }
            set("attention.sliding_window", .integer(size), note: key, key: key)
        } else if !present(key), let fallback {
            set("attention.sliding_window", .integer(fallback), note: "\(key) absent: \(family.configClass) default")
        }
    }

    mutating func moe(experts: String, _ expertsDefault: Int?, topK: String, _ topKDefault: Int?, size: String?,
                      sizeDefault: Int? = nil) {
        int("moe.experts", _key: experts, default: expertsDefault)
        int("moe.top_k", _key: topK, default: topKDefault)
        if let size { int("moe.expert_intermediate_size", _key: size, default: sizeDefault) }
    }

    /// Layer lists are written out one index per layer; refuse sizes no real model has rather than allocate them.
    static let maxListedLayers = 100_000

    /// transformers' `layer_types` list ("sliding_attention" / "full_attention") as the shortest repeating pattern.
    mutating func layerTypes() -> Bool {
        guard let types = config.strings("layer_types") else { return false }
        let names: [String: LayerAttention] = ["sliding_attention": .sliding, "full_attention": .full,
                                               "chunked_attention": .chunked]
        let kinds = types.map { names[$0] }
        guard !kinds.isEmpty, kinds.allSatisfy({ $0 != nil }) else {
            unsupported("layer_types", "layer_types holds a kind other than sliding_attention, full_attention and chunked_attention")
            return true
        }
        let list = kinds.compactMap { $0 }
        if let layers = values["layers"]?.integer, list.count != layers {
            unsupported("layer_types", "layer_types lists \(list.count) layers, but num_hidden_layers is \(layers)")
            return true
        }
        // The shortest repeating pattern (periods up to 64 are tried; otherwise the whole list is the pattern).
        let period = (1...min(list.count, 64)).first { p in list.indices.allSatisfy { list[$0] == list[$0 % p] } }
            ?? list.count
        set("attention.layer_pattern", .strings(list.prefix(period).map(\.rawValue)), note: "layer_types", key: "layer_types")
        return true
    }
}

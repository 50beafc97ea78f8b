/// MoE families added with transformers 5.23 whose layers are existing archspec pieces: OLMoE (full q/k norms,
/// every layer MoE) and dots.llm1 (Qwen3 attention with DeepSeek-style shared experts after dense layers).
extension HFMapping {
    mutating func mapRecentMoE() {
        let cls = family.configClass
        switch family.mapper {
        case .olmoe:
            attentionBias(key: "attention_bias", default: false)
            norms(.rmsnorm, perLayer: 2, "\(cls): input and post-attention RMSNorm")
            // OlmoeAttention: q_norm over hidden_size, k_norm over (hidden_size / heads) x kv_heads.
            let hidden = values["hidden_size"]?.integer ?? 0, heads = max(1, values["attention.heads"]?.integer ?? 1)
            if let dim = config.int("head_dim"), dim * heads != hidden {
                unsupported("head_dim", "head_dim \(dim) x num_attention_heads \(heads) is not hidden_size \(hidden): OlmoeAttention's q_norm and k_norm stay sized by hidden_size")
            }
            fixed("attention.qk_norm", .string(QKNormKind.full.rawValue), "\(cls): q_norm and k_norm over all heads")
            moe(experts: "num_experts", 64, topK: "num_experts_per_tok", 8, size: "intermediate_size", sizeDefault: 2048)
        case .dots1:
            attentionBias(key: "attention_bias", default: false)
            fixed("attention.qk_norm", .string(QKNormKind.head.rawValue), "\(cls): q_norm and k_norm over head_dim")
            norms(.rmsnorm, perLayer: 2, "\(cls): input and post-attention RMSNorm")
            dots1Windows()
            // Dots1Config defaults n_routed_experts and num_experts_per_tok to None: every real config writes them.
            moe(experts: "n_routed_experts", nil, topK: "num_experts_per_tok", nil, size: "moe_intermediate_size", sizeDefault: 1408)
            int("moe.shared_experts", _key: "n_shared_experts", default: 0, minimum: 0)
            int("moe.dense_layers", _key: "first_k_dense_replace", default: 0, minimum: 0)
            groupedRouting()
            notes["moe.experts"] = "n_routed_experts (the router's e_score_correction_bias is a buffer in transformers, not counted)"
        default:
            break
        }
    }

    /// Dots1Config: `layer_types`, or (with a sliding_window) the layers from max_window_layers on are windowed.
    mutating func dots1Windows() {
        config.markRead(["use_sliding_window", "max_window_layers"])
        guard let window = config.int("sliding_window") else { return config.markRead(["layer_types"]) }
        set("attention.sliding_window", .integer(window), note: "sliding_window", key: "sliding_window")
        if layerTypes() { return }
        let layers = values["layers"]?.integer ?? 0, first = max(0, config.int("max_window_layers") ?? 62)
        guard first < layers else {
            values["attention.sliding_window"] = nil
            notes["attention.sliding_window"] = nil
            return
        }
        guard layers <= Self.maxListedLayers else {
            return unsupported("num_hidden_layers", "num_hidden_layers \(layers) is too many to list windowed layers for")
        }
        fixed("attention.layer_pattern", .strings([LayerAttention.full.rawValue]), "max_window_layers: the first layers attend fully")
        set("attention.sliding_layers", .integers(Array(first..<layers)),
            note: "max_window_layers \(first): layers from it on are windowed", key: "max_window_layers")
    }
}

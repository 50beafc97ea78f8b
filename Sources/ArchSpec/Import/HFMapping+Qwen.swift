extension HFMapping {
    /// Qwen2 / Qwen2-MoE (q, k, v bias; o without) and Qwen3 / Qwen3-MoE (attention_bias; per-head q/k norms).
    mutating func mapQwen() {
        let cls = family.configClass
        let qwen3 = family.mapper == .qwen3 || family.mapper == .qwen3MoE
        if qwen3 {
            attentionBias(key: "attention_bias", default: false)
            fixed("attention.qk_norm", .string(QKNormKind.head.rawValue), "\(cls): q_norm and k_norm over head_dim")
        } else if family.mapper == .qwen2MoE {
            qkvOnlyBias(key: "qkv_bias", default: true)  // Qwen2MoeConfig.qkv_bias: q, k, v; o_proj never
        } else {
            fixedBias(qkv: true, out: false)
        }
        norms(.rmsnorm, perLayer: 2, "\(cls): input and post-attention RMSNorm")
        // A window only when use_sliding_window; then layers from max_window_layers on are windowed.
        let useWindow = config.bool("use_sliding_window") ?? false
        let windowSize = config.int("sliding_window")
        let firstWindowed = max(0, config.int("max_window_layers") ?? 28)
        if !layerTypes(), useWindow, let windowSize {
            set("attention.sliding_window", .integer(windowSize), note: "sliding_window (use_sliding_window true)",
                key: "sliding_window")
            let layers = values["layers"]?.integer ?? 0
            if layers > Self.maxListedLayers {
                unsupported("num_hidden_layers", "num_hidden_layers \(layers) is too many to list windowed layers for")
            } else if firstWindowed < layers {
                fixed("attention.layer_pattern", .strings([LayerAttention.full.rawValue]), "max_window_layers: the first layers attend fully")
                set("attention.sliding_layers", .integers(Array(firstWindowed..<layers)),
                    note: "max_window_layers \(firstWindowed): layers from it on are windowed", key: "max_window_layers")
            } else {
                values["attention.sliding_window"] = nil
                notes["attention.sliding_window"] = nil
            }
        }
        guard family.mapper == .qwen2MoE || family.mapper == .qwen3MoE else { return }
        // Qwen3MoeConfig maps num_experts to num_local_experts (transformers 5 writes the latter).
        let expertsKey = qwen3 && config.has("num_local_experts") ? "num_local_experts" : "num_experts"
        if qwen3, let local = config.int("num_local_experts"), let named = config.int("num_experts"), local != named {
            unsupported("num_local_experts", "num_local_experts \(local) and num_experts \(named) disagree; Qwen3MoeConfig reads them as one value")
        }
        config.markRead(["num_local_experts", "num_experts"])
        moe(experts: expertsKey, qwen3 ? 128 : 60, topK: "num_experts_per_tok", qwen3 ? 8 : 4,
            size: "moe_intermediate_size", sizeDefault: qwen3 ? 768 : 1408)
        if qwen3 {
            // Keys Qwen3-Coder's config carries that Qwen3MoeForCausalLM does not read.
            config.markRead(["qkv_bias", "shared_expert_intermediate_size", "use_qk_norm", "use_sliding_window"])
        }
        int("moe.layer_interval", _key: "decoder_sparse_step", default: 1)
        if let dense = config.ints("mlp_only_layers"), !dense.isEmpty {
            set("moe.dense_layer_indices", .integers(dense), note: "mlp_only_layers", key: "mlp_only_layers")
        }
        if !qwen3 {
            let size = int("moe.shared_expert_intermediate_size", _key: "shared_expert_intermediate_size", default: 5632,
                           minimum: 0) ?? 0
            if size > 0 {
                fixed("moe.shared_experts", .integer(1), "\(cls): one shared expert")
                fixed("moe.shared_expert_gate", .boolean(true), "\(cls): shared_expert_gate (hidden x 1)")
            } else {
                values["moe.shared_expert_intermediate_size"] = nil
            }
        }
    }

    /// Gemma (2 norms), Gemma 2 (4 norms, alternating windows), Gemma 3 text (4 norms, q/k norms, 5:1 windows).
    mutating func mapGemma() {
        let cls = family.configClass
        attentionBias(key: "attention_bias", default: false)
        guard family.mapper != .gemma else {
            return norms(.rmsnorm, perLayer: 2, "\(cls): input and post-attention RMSNorm")
        }
        norms(.rmsnorm, perLayer: 4, "\(cls): input, post-attention, pre- and post-feedforward RMSNorm")
        let gemma3 = family.mapper == .gemma3Text
        if gemma3 {
            fixed("attention.qk_norm", .string(QKNormKind.head.rawValue), "\(cls): q_norm and k_norm over head_dim")
        }
        config.markRead(["sliding_window_size"])  // older Gemma 2 configs repeat sliding_window under this name
        window(key: "sliding_window", default: 4096)
        guard values["attention.sliding_window"] != nil, !layerTypes() else { return }
        if gemma3 {
            let period = config.int("sliding_window_pattern") ?? 6
            guard period >= 1 else { return unsupported("sliding_window_pattern", "sliding_window_pattern must be at least 1") }
            let pattern = Array(repeating: LayerAttention.sliding.rawValue, count: period - 1) + [LayerAttention.full.rawValue]
            set("attention.layer_pattern", .strings(pattern),
                note: config.has("sliding_window_pattern") ? "sliding_window_pattern: every \(period)th layer is global"
                    : "sliding_window_pattern absent: \(cls) default 6", key: "sliding_window_pattern")
        } else {
            fixed("attention.layer_pattern", .strings([LayerAttention.sliding.rawValue, LayerAttention.full.rawValue]),
                  "\(cls): even layers windowed, odd layers global")
        }
    }
}

/// Dense families whose blocks are Llama-like with their own biases, norms and windows (transformers 5 modules).
extension HFMapping {
    mutating func mapDenseFamily() {
        let cls = family.configClass
        switch family.mapper {
        case .glm4:
            // q, k, v biases from attention_bias; o_proj without; fused gate_up_proj; four RMSNorms per layer.
            qkvOnlyBias(key: "attention_bias", default: true)
            norms(.rmsnorm, perLayer: 4, "\(cls): input, post-self-attention, post-attention and post-MLP RMSNorm")
        case .cohere, .cohere2:
            attentionBias(key: "attention_bias", default: false)
            fixed("parallel_attention", .boolean(true), "\(cls): attention and MLP in parallel from input_layernorm")
            norms(.layernorm, perLayer: 1, "\(cls): one LayerNorm (weight, no bias) per layer", bias: false)
            if family.mapper == .cohere, config.bool("use_qk_norm") == true {
                fixed("attention.qk_norm", .string(QKNormKind.full.rawValue), "use_qk_norm: LayerNorm over heads x head_dim")
            } else {
                config.markRead(["use_qk_norm"])
            }
            if family.mapper == .cohere2 {
                window(key: "sliding_window", default: 4096)
                slidingLayerTypes(periodKey: "sliding_window_pattern", period: 4)
            }
        case .phi:
            fixedBias(qkv: true, out: true)
            fixed("mlp.kind", .string(MLPKind.plain.rawValue), "\(cls): fc1 and fc2")
            fixed("mlp.bias", .boolean(true), "\(cls): fc1 and fc2 with bias")
            fixed("parallel_attention", .boolean(true), "\(cls): attention and MLP in parallel from input_layernorm")
            norms(.layernorm, perLayer: 1, "\(cls): one LayerNorm with bias per layer", bias: true)
            fixed("lm_head_bias", .boolean(true), "\(cls): lm_head is nn.Linear with bias")
            if config.bool("qk_layernorm") == true {
                unsupported("qk_layernorm", "qk_layernorm true (LayerNorms with bias over each head) is not supported")
            }
        case .granite, .smolLM3, .arcee:
            attentionBias(key: "attention_bias", default: false)
            bool("mlp.bias", _key: "mlp_bias", default: false)
            norms(.rmsnorm, perLayer: 2, "\(cls): input and post-attention RMSNorm")
            if family.mapper == .arcee { fixed("mlp.kind", .string(MLPKind.plain.rawValue), "\(cls): up_proj and down_proj (ReLU²)") }
            if family.mapper == .smolLM3 { qwenStyleWindow() }
        case .seedOSS:
            bool("attention.qkv_bias", _key: "attention_bias", default: true)
            bool("attention.out_bias", _key: "attention_out_bias", default: false)
            bool("mlp.bias", _key: "mlp_bias", default: false)
            norms(.rmsnorm, perLayer: 2, "\(cls): input and post-attention RMSNorm")
        case .olmo3, .exaone4:
            attentionBias(key: "attention_bias", default: false)
            norms(.rmsnorm, perLayer: 2, "\(cls): post-attention and post-feedforward RMSNorm")
            let qk: QKNormKind = family.mapper == .olmo3 ? .full : .head
            fixed("attention.qk_norm", .string(qk.rawValue), "\(cls): q_norm and k_norm")
            window(key: "sliding_window", default: 4096)
            slidingLayerTypes(periodKey: "sliding_window_pattern", period: 4)
        case .ernie45:
            let bias = bool("attention.qkv_bias", _key: "use_bias", default: false)
            fixed("attention.out_bias", .boolean(bias), "use_bias: o_proj bias")
            fixed("mlp.bias", .boolean(bias), "use_bias: MLP biases")
            norms(.rmsnorm, perLayer: 2, "\(cls): input and post-attention RMSNorm")
        case .hunyuanDense:
            attentionBias(key: "attention_bias", default: false)
            fixed("attention.qk_norm", .string(QKNormKind.head.rawValue), "\(cls): query_layernorm and key_layernorm over head_dim")
            norms(.rmsnorm, perLayer: 2, "\(cls): input and post-attention RMSNorm")
            config.markRead(["use_qk_norm", "attention_head_dim", "mlp_bias", "norm_type"])  // not read by the module
        case .apertus:
            attentionBias(key: "attention_bias", default: false)
            fixed("mlp.kind", .string(MLPKind.plain.rawValue), "\(cls): up_proj and down_proj (xIELU)")
            fixed("attention.qk_norm", .string(QKNormKind.head.rawValue), "\(cls): q_norm and k_norm over head_dim")
            norms(.rmsnorm, perLayer: 2, "\(cls): attention_layernorm and feedforward_layernorm")
            config.markRead(["mlp_bias", "qk_norm", "post_norm"])  // ApertusMLP and ApertusAttention do not read them
            fixed("mlp.activation_parameters", .integer(2), "\(cls): xIELU learns alpha_p and alpha_n in every MLP")
        default:
            break
        }
    }

    /// Biases on q, k and v only (o without), from `key`.
    mutating func qkvOnlyBias(key: String, default fallback: Bool) {
        bool("attention.qkv_bias", _key: key, default: fallback)
        fixed("attention.out_bias", .boolean(false), "\(family.configClass): o_proj without bias")
    }

    /// A window only with `use_sliding_window` (SmolLM3, Qwen2 style); transformers 5 writes full-attention layer_types.
    mutating func qwenStyleWindow() {
        config.markRead(["no_rope_layers", "no_rope_layer_interval", "max_window_layers", "sliding_window"])
        let use = config.bool("use_sliding_window") ?? false
        if use, let size = config.int("sliding_window") {
            set("attention.sliding_window", .integer(size), note: "sliding_window (use_sliding_window true)", key: "sliding_window")
        }
        if !layerTypes(), use, config.has("sliding_window") {
            unsupported("use_sliding_window", "use_sliding_window true without layer_types: the windowed layers are not known")
        }
    }

    /// `layer_types` when present, else every `period`-th layer global (`sliding_window_pattern`, int or "LLLG").
    mutating func slidingLayerTypes(periodKey: String, period fallback: Int) {
        guard values["attention.sliding_window"] != nil else { return config.markRead(["layer_types", periodKey]) }
        if layerTypes() { return config.markRead([periodKey]) }
        var period = fallback
        if let text = config.mapping[periodKey]?.scalar?.value {
            config.markRead([periodKey])
            if let number = Int(text) { period = number } else if text.allSatisfy({ $0 == "L" || $0 == "G" }), !text.isEmpty {
                period = text.count
            }
        }
        guard period >= 1 else { return }
        let pattern = Array(repeating: LayerAttention.sliding.rawValue, count: period - 1) + [LayerAttention.full.rawValue]
        set("attention.layer_pattern", .strings(pattern), note: "\(periodKey) \(period): every \(period)th layer global",
            key: config.has(periodKey) ? periodKey : nil)
    }
}

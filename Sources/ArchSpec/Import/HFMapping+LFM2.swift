/// LFM2 (Liquid): short-convolution layers and GQA attention layers, each with a SwiGLU MLP.
extension HFMapping {
    mutating func mapLFM2() {
        let cls = family.configClass
        fixedBias(qkv: false, out: false)
        fixed("attention.qk_norm", .string(QKNormKind.head.rawValue), "\(cls): q_layernorm and k_layernorm over head_dim")
        norms(.rmsnorm, perLayer: 2, "\(cls): operator_norm and ffn_norm (embedding_norm is the final norm)")
        int("short_conv.kernel", _key: "conv_L_cache", default: 3)
        bool("short_conv.bias", _key: "conv_bias", default: false)
        if config.has("tie_embedding"), !config.has("tie_word_embeddings") {
            bool("tie_embeddings", _key: "tie_embedding", default: true)
        }
        mapLFM2Width()
        if !mixerTypes(["conv": .shortConv, "full_attention": .attention]) {
            let layers = values["layers"]?.integer ?? 0
            if let attention = config.ints("full_attn_idxs") {
                set("layer_pattern", .strings([MixerKind.shortConv.rawValue]), note: "full_attn_idxs: the other layers are conv")
                set("attention_layers", .integers(attention), note: "full_attn_idxs", key: "full_attn_idxs")
            } else {
                notes["layers"] = "layer_types and full_attn_idxs absent: \(cls) makes all \(layers) layers full attention"
            }
        }
        config.markRead(["full_attn_idxs", "block_dim", "block_ff_dim", "block_mlp_init_scale", "block_out_init_scale",
                         "block_use_swiglu", "block_use_xavier_init", "block_norm_eps", "conv_dim", "conv_dim_out",
                         "conv_use_xavier_init", "use_pos_enc", "num_heads", "norm_eps"])
    }

    /// Lfm2MLP's width: with block_auto_adjust_ff_dim, int(2 x intermediate / 3), times block_ffn_dim_multiplier,
    /// rounded up to block_multiple_of.
    mutating func mapLFM2Width() {
        let key = config.has("intermediate_size") ? "intermediate_size" : "block_ff_dim"
        guard let given = config.int(key) ?? values["mlp.intermediate_size"]?.integer else { return }
        config.markRead(["intermediate_size", "block_ff_dim"])
        guard config.bool("block_auto_adjust_ff_dim") ?? true else {
            config.markRead(["block_auto_adjust_ff_dim", "block_ffn_dim_multiplier", "block_multiple_of"])
            return set("mlp.intermediate_size", .integer(given), note: key, key: key)
        }
        var width = 2 * given / 3
        let multiple = config.int("block_multiple_of") ?? 256
        // An explicit null multiplier skips the multiplier and the rounding, as Lfm2MLP does.
        let explicitNull = present("block_ffn_dim_multiplier") && config.number("block_ffn_dim_multiplier") == nil
        if !explicitNull, multiple > 0 {
            let factor = config.number("block_ffn_dim_multiplier") ?? 1.0
            width = Int(factor * Double(width))
            width = multiple * ((width + multiple - 1) / multiple)
        }
        config.markRead(["block_auto_adjust_ff_dim", "block_ffn_dim_multiplier", "block_multiple_of"])
        guard width >= 1 else { return unsupported(key, "\(key) \(given) leaves Lfm2MLP no width") }
        set("mlp.intermediate_size", .integer(width),
            note: "\(key) \(given), adjusted as Lfm2MLP does: 2/3, x block_ffn_dim_multiplier, rounded up to block_multiple_of \(multiple)",
            key: key)
    }
}

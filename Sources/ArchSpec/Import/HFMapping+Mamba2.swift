/// Mamba-2 families: Falcon-H1 (attention and Mamba-2 in parallel in every layer), Bamba and Granite 4.0 hybrid
/// (Mamba-2 layers with a few attention layers), and pure Mamba-2.
extension HFMapping {
    mutating func mapMamba2Family() {
        let cls = family.configClass
        let hidden = values["hidden_size"]?.integer ?? 0
        let pure = family.mapper == .mamba2
        let prefix = pure ? "" : "mamba_"
        let heads = int("ssm.heads", _key: pure ? "num_heads" : "mamba_n_heads", default: 128) ?? 0
        let dim = int("ssm.head_dim", _key: pure ? "head_dim" : "mamba_d_head", default: family.mapper == .falconH1 ? 8 : 64) ?? 0
        int("ssm.state_size", _key: pure ? "state_size" : "mamba_d_state", default: pure ? 128 : 256)
        int("ssm.groups", _key: pure ? "n_groups" : "mamba_n_groups", default: pure ? 8 : 1)
        int("ssm.conv_kernel", _key: pure ? "conv_kernel" : "mamba_d_conv", default: 4)
        bool("ssm.conv_bias", _key: pure ? "use_conv_bias" : "mamba_conv_bias", default: true)
        let inBias = bool("ssm.projection_bias", _key: pure ? "use_bias" : "mamba_proj_bias", default: false)
        let expand = config.int("\(prefix)expand") ?? 2
        var inner = expand * hidden
        var innerNote = "\(prefix)expand x hidden_size"
        if family.mapper == .falconH1, let ssm = config.int("mamba_d_ssm") { inner = ssm; innerNote = "mamba_d_ssm" }
        set("ssm.inner_size", .integer(inner), note: innerNote, key: config.has("mamba_d_ssm") ? "mamba_d_ssm" : nil)
        if heads * dim != inner {
            unsupported(pure ? "num_heads" : "mamba_n_heads",
                        "\(cls): Mamba-2 heads \(heads) x head_dim \(dim) = \(heads * dim) differs from the inner width \(inner); archcalc needs them equal")
        }
        config.markRead(["\(prefix)expand", "mamba_d_ssm", "\(prefix)chunk_size", "chunk_size", "time_step_limit", "time_step_min",
                         "time_step_max", "time_step_floor", "time_step_rank", "time_step_init_scheme", "time_step_scale",
                         "use_mamba_kernels", "num_logits_to_keep", "rescale_prenorm_residual", "residual_in_fp32",
                         "norm_before_gate", "mamba_norm_before_gate", "z_loss_coefficient", "attn_rotary_emb",
                         "mamba_use_mlp", "mlp_expansion_factor", "init_method", "normalization_function",
                         "position_embedding_type", "mamba_hidden_act"])
        switch family.mapper {
        case .falconH1:
            let outBias = config.bool("projectors_bias") ?? false
            if outBias != inBias {
                unsupported("projectors_bias", "projectors_bias \(outBias) differs from mamba_proj_bias \(inBias); archcalc has one ssm.projection_bias for in_proj and out_proj")
            }
            bool("ssm.gated_norm", _key: "mamba_rms_norm", default: false)
            fixed("layer_pattern", .strings([MixerKind.attentionMamba2.rawValue]), "\(cls): attention and Mamba-2 in parallel in every layer")
            attentionBias(key: "attention_bias", default: false)
            bool("mlp.bias", _key: "mlp_bias", default: false)
            norms(.rmsnorm, perLayer: 2, "\(cls): input and pre-feed-forward RMSNorm")
            config.markRead(["lm_head_multiplier", "embedding_multiplier", "mlp_multipliers", "key_multiplier",
                             "attention_out_multiplier", "attention_in_multiplier", "ssm_multipliers", "ssm_in_multiplier",
                             "ssm_out_multiplier"])
        case .bamba:
            fixed("layer_pattern", .strings([MixerKind.mamba2.rawValue]), "\(cls): Mamba-2 layers except attn_layer_indices")
            if let indices = config.ints("attn_layer_indices") {
                set("attention_layers", .integers(indices), note: "attn_layer_indices", key: "attn_layer_indices")
            }
            attentionBias(key: "attention_bias", default: false)
            bool("mlp.bias", _key: "mlp_bias", default: false)
            norms(.rmsnorm, perLayer: 2, "\(cls): input and pre-feed-forward RMSNorm")
        case .graniteMoEHybrid:
            let names: [String: MixerKind] = ["mamba": .mamba2, "linear_attention": .mamba2, "attention": .attention,
                                              "full_attention": .attention]
            if !mixerTypes(names) { fixed("layer_pattern", .strings([MixerKind.mamba2.rawValue]), "\(cls) default: every layer Mamba-2") }
            config.markRead(["layers_block_type"])
            attentionBias(key: "attention_bias", default: false)
            norms(.rmsnorm, perLayer: 2, "\(cls): input and post-attention RMSNorm")
            let shared = int("moe.shared_expert_intermediate_size", _key: "shared_intermediate_size", default: 1024) ?? 0
            let experts = config.int("num_local_experts") ?? 8
            if experts > 0 {
                moe(experts: "num_local_experts", 8, topK: "num_experts_per_tok", 2, size: "intermediate_size", sizeDefault: family.intermediate)
                fixed("moe.shared_experts", .integer(1), "\(cls): shared_mlp of shared_intermediate_size beside the experts")
            } else {
                values["moe.shared_expert_intermediate_size"] = nil
                set("mlp.intermediate_size", .integer(shared), note: "num_local_experts 0: only shared_mlp, of shared_intermediate_size",
                    key: "shared_intermediate_size")
                config.markRead(["num_experts_per_tok"])
            }
            config.markRead(["embedding_multiplier", "logits_scaling", "residual_multiplier", "attention_multiplier",
                             "router_aux_loss_coef", "output_router_logits"])
        default:
            fixed("attention.heads", .integer(1), "\(cls) has no attention layers (a placeholder archspec needs)")
            fixed("layer_pattern", .strings([MixerKind.mamba2.rawValue]), "\(cls): every layer a Mamba-2 mixer")
            fixed("mlp.intermediate_size", .integer(max(1, hidden)), "\(cls) has no MLP (a placeholder archspec needs)")
            fixed("mlp.layer_pattern", .strings([ChannelKind.none.rawValue]), "\(cls): no feed-forward block")
            fixed("context_length", .integer(family.maxPositions > 0 ? family.maxPositions : 4096),
                  "\(cls) has no position limit: 4096 is a placeholder (pass --context)")
            norms(.rmsnorm, perLayer: 1, "\(cls): one RMSNorm per block")
            config.markRead(["rms_norm", "layer_norm_epsilon"])
        }
    }
}

/// Families with linear-attention or state-space layers (transformers 5 modules): each layer's token mixer is
/// written as top-level `layer_types`, its channel mixer as `mlp.layer_types` where the two vary.
extension HFMapping {
    mutating func mapHybridFamily() {
        let cls = family.configClass
        switch family.mapper {
        case .qwen3Next, .qwen35, .qwen35MoE:
            mapQwenHybrid()
        case .minimax:
            fixedBias(qkv: false, out: false)
            norms(.rmsnorm, perLayer: 2, "\(cls): input and post-attention RMSNorm")
            let heads = values["attention.heads"]?.integer ?? 1
            let dim = values["attention.head_dim"]?.integer ?? (values["hidden_size"]?.integer ?? 0) / max(1, heads)
            fixed("linear_attention.kind", .string(LinearAttentionKind.lightning.rawValue), "\(cls): lightning attention layers")
            fixed("linear_attention.key_heads", .integer(heads), "\(cls): lightning attention has num_attention_heads heads")
            fixed("linear_attention.key_head_dim", .integer(dim), "\(cls): of head_dim")
            if !mixerTypes(["linear_attention": .linearAttention, "full_attention": .attention]) {
                if let list = config.ints("attn_type_list") {
                    set("layer_types", .strings(list.map { $0 == 1 ? MixerKind.attention.rawValue : MixerKind.linearAttention.rawValue }),
                        note: "attn_type_list: 1 full attention, 0 lightning", key: "attn_type_list")
                } else {
                    cyclicMixers(interval: 2, offsetFirst: true, note: "\(cls) default: even layers full attention")
                }
            }
            config.markRead(["attn_type_list", "block_size", "full_attn_alpha_factor", "full_attn_beta_factor",
                             "linear_attn_alpha_factor", "linear_attn_beta_factor", "mlp_alpha_factor", "mlp_beta_factor",
                             "rotary_dim", "postnorm", "layernorm_full_attention_alpha", "layernorm_full_attention_beta",
                             "layernorm_linear_attention_alpha", "layernorm_linear_attention_beta", "layernorm_mlp_alpha",
                             "layernorm_mlp_beta"])
            moe(experts: "num_local_experts", 8, topK: "num_experts_per_tok", 2, size: "intermediate_size", sizeDefault: 14336)
            window(key: "sliding_window", default: nil)
        case .jamba:
            mapJamba()
        case .nemotronH:
            mapNemotronH()
        case .falconH1, .bamba, .graniteMoEHybrid, .mamba2:
            mapMamba2Family()
        default:
            break
        }
    }

    mutating func linearAttention(_ kind: LinearAttentionKind, keyHeads: (String, Int), valueHeads: (String, Int),
                                  keyDim: (String, Int), valueDim: (String, Int), conv: (String, Int)) {
        fixed("linear_attention.kind", .string(kind.rawValue), "\(family.configClass): \(kind.rawValue) layers")
        int("linear_attention.key_heads", _key: keyHeads.0, default: keyHeads.1)
        int("linear_attention.value_heads", _key: valueHeads.0, default: valueHeads.1)
        int("linear_attention.key_head_dim", _key: keyDim.0, default: keyDim.1)
        int("linear_attention.value_head_dim", _key: valueDim.0, default: valueDim.1)
        int("linear_attention.conv_kernel", _key: conv.0, default: conv.1)
    }

    /// `layer_types` (transformers' names) as archspec token mixers; false when the config has none.
    mutating func mixerTypes(_ names: [String: MixerKind], key: String = "layer_types") -> Bool {
        guard let types = config.strings(key) else { return false }
        var kinds: [String] = []
        for name in types {
            guard let kind = names[name] else {
                unsupported(key, "\(key) holds '\(Escaping.short(name))'; archcalc knows \(names.keys.sorted().joined(separator: ", "))")
                return true
            }
            kinds.append(kind.rawValue)
        }
        if let layers = values["layers"]?.integer, kinds.count != layers {
            unsupported(key, "\(key) lists \(kinds.count) layers, but num_hidden_layers is \(layers)")
            return true
        }
        set("layer_types", .strings(kinds), note: key, key: key)
        return true
    }

    /// Every `interval`-th layer attention (the last of each group, or the first with `offsetFirst`), the rest linear.
    mutating func cyclicMixers(interval: Int, offsetFirst: Bool = false, note: String) {
        guard interval >= 1 else { return unsupported("full_attention_interval", "full_attention_interval must be at least 1") }
        var pattern = Array(repeating: MixerKind.linearAttention.rawValue, count: interval)
        pattern[offsetFirst ? 0 : interval - 1] = MixerKind.attention.rawValue
        set("layer_pattern", .strings(pattern), note: note)
    }

    /// Jamba: attention where i % attn_layer_period == attn_layer_offset, Mamba elsewhere; MoE where
    /// i % expert_layer_period == expert_layer_offset.
    mutating func mapJamba() {
        let cls = family.configClass
        fixedBias(qkv: false, out: false)
        norms(.rmsnorm, perLayer: 2, "\(cls): input and pre-feed-forward RMSNorm")
        let period = max(1, config.int("attn_layer_period") ?? 8), offset = config.int("attn_layer_offset") ?? 4
        set("layer_pattern", .strings((0..<period).map { $0 == offset ? MixerKind.attention.rawValue : MixerKind.mamba.rawValue }),
            note: "attn_layer_period \(period), attn_layer_offset \(offset)", key: "attn_layer_period")
        let expertPeriod = max(1, config.int("expert_layer_period") ?? 2), expertOffset = config.int("expert_layer_offset") ?? 1
        moe(experts: "num_experts", 16, topK: "num_experts_per_tok", 2, size: "intermediate_size", sizeDefault: 14336)
        set("mlp.layer_pattern", .strings((0..<expertPeriod).map { $0 == expertOffset ? ChannelKind.moe.rawValue : ChannelKind.dense.rawValue }),
            note: "expert_layer_period \(expertPeriod), expert_layer_offset \(expertOffset)", key: "expert_layer_period")
        let hidden = values["hidden_size"]?.integer ?? 0
        let expand = config.int("mamba_expand") ?? 2
        set("ssm.inner_size", .integer(expand * hidden), note: "mamba_expand x hidden_size", key: config.has("mamba_expand") ? "mamba_expand" : nil)
        int("ssm.state_size", _key: "mamba_d_state", default: 16)
        int("ssm.conv_kernel", _key: "mamba_d_conv", default: 4)
        if config.mapping["mamba_dt_rank"]?.scalar?.value == "auto" {
            config.markRead(["mamba_dt_rank"])
            set("ssm.dt_rank", .integer((hidden + 15) / 16), note: "mamba_dt_rank auto: ceil(hidden_size / 16)", key: "mamba_dt_rank")
        } else {
            int("ssm.dt_rank", _key: "mamba_dt_rank", default: 256)
        }
        bool("ssm.conv_bias", _key: "mamba_conv_bias", default: true)
        bool("ssm.projection_bias", _key: "mamba_proj_bias", default: false)
        fixed("ssm.inner_norms", .boolean(true), "\(cls): dt_layernorm, b_layernorm and c_layernorm")
        config.markRead(["use_mamba_kernels", "num_logits_to_keep", "use_mambapy", "use_associative_scan", "sliding_window"])
    }

    /// Nemotron-H: each block is one of Mamba-2 (M), attention (*), MLP (-) or MoE (E), with one norm.
    mutating func mapNemotronH() {
        let cls = family.configClass
        var blocks: [Character] = []
        if let pattern = config.string("hybrid_override_pattern") {
            blocks = Array(pattern)
        } else if let types = config.strings("layers_block_type") ?? config.strings("layer_types") {
            let names: [String: Character] = ["linear_attention": "M", "mamba": "M", "full_attention": "*", "attention": "*",
                                              "mlp": "-", "moe": "E"]
            blocks = types.map { names[$0] ?? "?" }
        } else {
            blocks = ["M", "E", "*", "-"]
        }
        config.markRead(["hybrid_override_pattern", "layers_block_type", "layer_types"])
        guard blocks.allSatisfy({ "M*-E".contains($0) }) else {
            return unsupported("hybrid_override_pattern", "the block pattern holds a block other than M, *, - and E")
        }
        set("layers", .integer(blocks.count), note: "the length of the block pattern (num_hidden_layers is ignored)",
            key: config.has("hybrid_override_pattern") ? "hybrid_override_pattern" : "layers_block_type")
        set("layer_types", .strings(blocks.map { $0 == "M" ? MixerKind.mamba2.rawValue : $0 == "*" ? MixerKind.attention.rawValue : MixerKind.none.rawValue }),
            note: "block pattern: M Mamba-2, * attention, - and E no token mixer")
        set("mlp.layer_types", .strings(blocks.map { $0 == "-" ? ChannelKind.dense.rawValue : $0 == "E" ? ChannelKind.moe.rawValue : ChannelKind.none.rawValue }),
            note: "block pattern: - MLP, E mixture of experts")
        attentionBias(key: "attention_bias", default: false)
        norms(.rmsnorm, perLayer: 1, "\(cls): one RMSNorm per block")
        fixed("mlp.kind", .string(MLPKind.plain.rawValue), "\(cls): up_proj and down_proj (ReLU²)")
        bool("mlp.bias", _key: "mlp_bias", default: false)
        let heads = int("ssm.heads", _key: "mamba_num_heads", default: 128) ?? 0
        let dim = int("ssm.head_dim", _key: "mamba_head_dim", default: 64) ?? 0
        fixed("ssm.inner_size", .integer(heads * dim), "\(cls): mamba_num_heads x mamba_head_dim")
        int("ssm.state_size", _key: "ssm_state_size", default: 128)
        int("ssm.groups", _key: "n_groups", default: 8)
        int("ssm.conv_kernel", _key: "conv_kernel", default: 4)
        bool("ssm.conv_bias", _key: "use_conv_bias", default: true)
        bool("ssm.projection_bias", _key: "use_bias", default: false)
        if blocks.contains("E") {
            moe(experts: "n_routed_experts", 8, topK: "num_experts_per_tok", 2, size: "moe_intermediate_size", sizeDefault: 7688)
            int("moe.shared_experts", _key: "n_shared_experts", default: 1, minimum: 0)
            int("moe.shared_expert_intermediate_size", _key: "moe_shared_expert_intermediate_size", default: 7688)
            if config.has("moe_latent_size") { unsupported("moe_latent_size", "moe_latent_size (latent expert projections) is not supported") }
            groupedRouting()
        }
        config.markRead(["num_hidden_layers", "attention_head_dim", "expand", "mamba_proj_bias", "use_mamba_kernels", "num_logits_to_keep",
                         "mamba_hidden_act", "mlp_hidden_act", "time_step_rank", "time_step_limit", "time_step_min",
                         "time_step_max", "time_step_floor", "chunk_size", "rescale_prenorm_residual", "residual_in_fp32",
                         "mamba_ssm_cache_dtype", "sliding_window", "n_routed_experts", "num_experts_per_tok",
                         "moe_intermediate_size", "n_shared_experts", "moe_shared_expert_intermediate_size",
                         "moe_shared_expert_overlap", "n_group", "topk_group", "num_nextn_predict_layers",
                         "mtp_layers_block_type", "moe_latent_size"])
    }
}

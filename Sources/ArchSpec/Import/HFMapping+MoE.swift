/// Mixture-of-experts families: experts, shared experts and router as transformers 5 builds them.
extension HFMapping {
    mutating func mapMoEFamily() {
        let cls = family.configClass
        switch family.mapper {
        case .gptOSS:
            attentionBias(key: "attention_bias", default: true)
            fixed("attention.sinks", .boolean(true), "\(cls): one learned sink logit per head")
            fixed("mlp.bias", .boolean(true), "\(cls): gate_up_proj and down_proj biases on every expert")
            norms(.rmsnorm, perLayer: 2, "\(cls): input and post-attention RMSNorm")
            moe(experts: "num_local_experts", 128, topK: "num_experts_per_tok", 4, size: "intermediate_size", sizeDefault: 2880)
            fixed("moe.router_bias", .boolean(true), "\(cls): the router has a bias")
            config.markRead(["experts_per_token", "initial_context_length", "swiglu_limit", "swiglu_alpha"])
            window(key: "sliding_window", default: 128)
            if !layerTypes() {
                fixed("attention.layer_pattern", .strings([LayerAttention.sliding.rawValue, LayerAttention.full.rawValue]),
                      "\(cls): even layers windowed, odd layers global")
            }
        case .llama4Text:
            mapLlama4()
        case .glm4MoE:
            qkvOnlyBias(key: "attention_bias", default: false)
            if config.bool("use_qk_norm") == true {
                fixed("attention.qk_norm", .string(QKNormKind.head.rawValue), "use_qk_norm: q_norm and k_norm over head_dim")
            }
            norms(.rmsnorm, perLayer: 2, "\(cls): input and post-attention RMSNorm")
            moe(experts: "n_routed_experts", 128, topK: "num_experts_per_tok", 8, size: "moe_intermediate_size", sizeDefault: 1408)
            int("moe.shared_experts", _key: "n_shared_experts", default: 1, minimum: 0)
            int("moe.dense_layers", _key: "first_k_dense_replace", default: 1, minimum: 0)
            groupedRouting()
            mtpWarning("num_nextn_predict_layers")
        case .graniteMoE:
            attentionBias(key: "attention_bias", default: false)
            norms(.rmsnorm, perLayer: 2, "\(cls): input and post-attention RMSNorm")
            moe(experts: "num_local_experts", 8, topK: "num_experts_per_tok", 2, size: "intermediate_size", sizeDefault: family.intermediate)
        case .ernie45MoE:
            mapErnieMoE()
        case .hunyuanMoE:
            mapHunyuanMoE()
        case .minimaxM2:
            fixedBias(qkv: false, out: false)
            fixed("attention.qk_norm", .string(QKNormKind.full.rawValue), "\(cls): q_norm and k_norm over all heads")
            norms(.rmsnorm, perLayer: 2, "\(cls): input and post-attention RMSNorm")
            moe(experts: "num_local_experts", 256, topK: "num_experts_per_tok", 8, size: "intermediate_size", sizeDefault: 1536)
            config.markRead(["attn_type_list", "qk_norm_type", "use_qk_norm", "rotary_dim", "use_routing_bias",
                             "shared_intermediate_size", "use_mtp", "num_mtp_modules", "mtp_transformer_layers"])
        case .phiMoE:
            attentionBias(key: "attention_bias", default: false)
            norms(.layernorm, perLayer: 2, "\(cls): input and post-attention LayerNorm with bias", bias: true)
            bool("lm_head_bias", _key: "lm_head_bias", default: false)
            moe(experts: "num_local_experts", 16, topK: "num_experts_per_tok", 2, size: "intermediate_size", sizeDefault: 6400)
            window(key: "sliding_window", default: nil)
        default:
            break
        }
    }

    mutating func groupedRouting() {
        if let groups = config.int("n_group") { set("moe.n_group", .integer(groups), note: "n_group", key: "n_group") }
        if let chosen = config.int("topk_group") { set("moe.topk_group", .integer(chosen), note: "topk_group", key: "topk_group") }
    }

    /// Multi-token-prediction layers: counted apart (`parameters.mtp`), not in the total, as transformers does
    /// not build them.
    mutating func mtpWarning(_ key: String) {
        if let extra = config.int(key), extra > 0 {
            set("mtp_layers", .integer(extra),
                note: "\(key): counted apart as MTP parameters, not in the total (transformers does not build them)", key: key)
        }
    }

    /// Writes which layers are MoE as `mlp.layer_types`.
    mutating func channelTypes(_ isMoE: (Int) -> Bool, note: String, key: String?) {
        let layers = values["layers"]?.integer ?? 0
        guard layers <= Self.maxListedLayers else {
            return unsupported(key ?? "num_hidden_layers", "num_hidden_layers \(layers) is too many to list the MoE layers for")
        }
        let kinds = (0..<layers).map { isMoE($0) ? ChannelKind.moe.rawValue : ChannelKind.dense.rawValue }
        set("mlp.layer_types", .strings(kinds), note: note, key: key)
    }

    /// Llama 4: MoE layers from moe_layers (or interleave_moe_layer_step) with one shared expert; dense layers
    /// of intermediate_size_mlp; chunked attention on the layers that use RoPE; L2 q/k norms without weights.
    mutating func mapLlama4() {
        let cls = family.configClass
        attentionBias(key: "attention_bias", default: false)
        norms(.rmsnorm, perLayer: 2, "\(cls): input and post-attention RMSNorm")
        config.markRead(["use_qk_norm", "attn_temperature_tuning", "floor_scale", "attn_scale", "for_llm_compressor",
                         "no_rope_layers", "no_rope_layer_interval", "router_jitter_noise"])
        moe(experts: "num_local_experts", 16, topK: "num_experts_per_tok", 1, size: "intermediate_size", sizeDefault: 8192)
        fixed("moe.shared_experts", .integer(1), "\(cls): one shared expert of intermediate_size")
        let dense = int("mlp.intermediate_size", _key: "intermediate_size_mlp", default: 16384) ?? 0
        _ = dense
        let layers = values["layers"]?.integer ?? 0
        if let listed = config.ints("moe_layers") {
            let set = Set(listed)
            channelTypes({ set.contains($0) }, note: "moe_layers", key: "moe_layers")
        } else {
            let step = config.int("interleave_moe_layer_step") ?? 1
            guard step >= 1 else { return unsupported("interleave_moe_layer_step", "interleave_moe_layer_step must be at least 1") }
            // Llama4TextConfig: moe_layers = range(step - 1, layers, step).
            channelTypes({ $0 % step == step - 1 }, note: "interleave_moe_layer_step \(step)",
                         key: config.has("interleave_moe_layer_step") ? "interleave_moe_layer_step" : nil)
        }
        config.markRead(["interleave_moe_layer_step"])
        if let chunk = config.int("attention_chunk_size") {
            set("attention.chunk_size", .integer(chunk), note: "attention_chunk_size", key: "attention_chunk_size")
            if !layerTypes() {
                // Llama4TextConfig: layers with RoPE (no_rope_layers 1, every 4th layer without) are chunked.
                _ = layers
                fixed("attention.layer_pattern", .strings([LayerAttention.chunked, .chunked, .chunked, .full].map(\.rawValue)),
                      "\(cls): three chunked layers, then one full (no_rope_layer_interval 4)")
            }
        } else {
            config.markRead(["layer_types"])
        }
    }

    /// ERNIE 4.5 MoE: layers from moe_layer_start_index to moe_layer_end_index with (i + 1) % interval == 0 are
    /// MoE; shared experts are one MLP of moe_intermediate_size x moe_num_shared_experts; moe_statics adds one
    /// correction bias per expert (a parameter, counted as the router bias).
    mutating func mapErnieMoE() {
        let cls = family.configClass
        let bias = bool("attention.qkv_bias", _key: "use_bias", default: false)
        fixed("attention.out_bias", .boolean(bias), "use_bias: o_proj bias")
        fixed("mlp.bias", .boolean(bias), "use_bias: MLP and expert biases")
        fixed("lm_head_bias", .boolean(bias), "use_bias: lm_head bias")
        norms(.rmsnorm, perLayer: 2, "\(cls): input and post-attention RMSNorm")
        moe(experts: "moe_num_experts", 64, topK: "moe_k", 6, size: "moe_intermediate_size", sizeDefault: 1536)
        let expertSize = values["moe.expert_intermediate_size"]?.integer ?? 1536
        let shared = int("moe.shared_experts", _key: "moe_num_shared_experts", default: 2, minimum: 0) ?? 0
        if shared > 1 {
            set("moe.shared_experts", .integer(1), note: "moe_num_shared_experts \(shared): one MLP of \(shared) x moe_intermediate_size",
                key: "moe_num_shared_experts")
            fixed("moe.shared_expert_intermediate_size", .integer(expertSize * shared),
                  "\(cls): shared_experts is one MLP of moe_intermediate_size x moe_num_shared_experts")
        }
        fixed("moe.router_bias", .boolean(true), "\(cls): moe_statics.e_score_correction_bias is a parameter, one per expert")
        let start = config.int("moe_layer_start_index") ?? 1
        let layers = values["layers"]?.integer ?? 0
        let end = config.int("moe_layer_end_index") ?? (layers - 1)
        let interval = max(1, config.int("moe_layer_interval") ?? 1)
        channelTypes({ ($0 + 1) % interval == 0 && $0 >= start && $0 <= end },
                     note: "moe_layer_start_index \(start), moe_layer_end_index \(end), moe_layer_interval \(interval)", key: nil)
        config.markRead(["moe_capacity", "moe_gate", "moe_use_aux_free", "moe_norm_min"])
    }

    /// Hunyuan MoE: experts and the shared MLP are intermediate_size wide (the module reads no other width).
    mutating func mapHunyuanMoE() {
        let cls = family.configClass
        attentionBias(key: "attention_bias", default: false)
        fixed("attention.qk_norm", .string(QKNormKind.head.rawValue), "\(cls): query_layernorm and key_layernorm over head_dim")
        norms(.rmsnorm, perLayer: 2, "\(cls): input and post-attention RMSNorm")
        config.markRead(["use_qk_norm", "attention_head_dim", "mlp_bias", "norm_type", "moe_intermediate_size",
                         "num_shared_expert", "use_mixed_mlp_moe"])
        for key in ["num_experts", "moe_topk"] {
            if case .sequence = config.mapping[key], let list = config.ints(key) {
                guard let first = list.first, list.allSatisfy({ $0 == first }) else {
                    unsupported(key, "\(key) differs between layers; archcalc needs one value")
                    continue
                }
                set(key == "num_experts" ? "moe.experts" : "moe.top_k", .integer(first), note: "\(key) (the same for every layer)", key: key)
            } else {
                int(key == "num_experts" ? "moe.experts" : "moe.top_k", _key: key, default: 1)
            }
        }
        fixed("moe.shared_experts", .integer(1), "\(cls): shared_mlp of intermediate_size")
        fixed("moe.expert_intermediate_size", .integer(values["mlp.intermediate_size"]?.integer ?? family.intermediate),
              "\(cls): experts are intermediate_size wide")
    }
}

extension HFMapping {
    /// Falcon: fused query_key_value, parallel attention, LayerNorm with bias, plain GELU MLP.
    mutating func mapFalcon() {
        let cls = family.configClass
        let heads = values["attention.heads"]?.integer ?? 1
        let newArchitecture = config.bool("new_decoder_architecture") ?? false
        let parallel = config.bool("parallel_attn") ?? true
        if newArchitecture {
            int("attention.kv_heads", _key: "num_kv_heads", default: heads)
            config.markRead(["multi_query"])
        } else if config.bool("multi_query") ?? true {
            set("attention.kv_heads", .integer(1), note: "multi_query: one key/value head", key: "multi_query")
            config.markRead(["num_kv_heads"])
        } else {
            set("attention.kv_heads", .integer(heads), note: "multi_query false: one key/value head per head", key: "multi_query")
            config.markRead(["num_kv_heads"])
        }
        let bias = bool("attention.qkv_bias", _key: "bias", default: false)
        fixed("attention.out_bias", .boolean(bias), "bias: dense projection bias")
        fixed("mlp.bias", .boolean(bias), "bias: dense_h_to_4h and dense_4h_to_h biases")
        fixed("mlp.kind", .string(MLPKind.plain.rawValue), "\(cls): dense_h_to_4h and dense_4h_to_h")
        set("parallel_attention", .boolean(parallel || newArchitecture), note: "parallel_attn", key: "parallel_attn")
        let perLayer: Int
        if newArchitecture {
            perLayer = config.int("num_ln_in_parallel_attn") ?? 2
        } else {
            perLayer = parallel ? 1 : 2
            config.markRead(["num_ln_in_parallel_attn"])
        }
        norms(.layernorm, perLayer: perLayer,
              newArchitecture ? "new_decoder_architecture: ln_attn and ln_mlp" : (parallel ? "parallel_attn: one input_layernorm" : "input and post-attention LayerNorm"),
              bias: true, key: newArchitecture && config.has("num_ln_in_parallel_attn") ? "num_ln_in_parallel_attn" : nil)
    }

    /// GPT-2, GPT-J, GPT-NeoX and OPT: LayerNorm with bias, plain MLP with bias.
    mutating func mapGPTStyle() {
        let cls = family.configClass
        fixed("mlp.kind", .string(MLPKind.plain.rawValue), "\(cls): up and down projections")
        switch family.mapper {
        case .gpt2:
            if config.bool("add_cross_attention") == true {
                unsupported("add_cross_attention", "add_cross_attention true (encoder-decoder GPT-2) is not supported")
            }
            fixedBias(qkv: true, out: true)
            fixed("mlp.bias", .boolean(true), "\(cls): Conv1D layers with bias")
            norms(.layernorm, perLayer: 2, "\(cls): ln_1 and ln_2", bias: true)
        case .gptJ:
            fixedBias(qkv: false, out: false)
            fixed("mlp.bias", .boolean(true), "\(cls): fc_in and fc_out with bias")
            fixed("parallel_attention", .boolean(true), "\(cls): attention and MLP in parallel from ln_1")
            norms(.layernorm, perLayer: 1, "\(cls): one ln_1 per layer", bias: true)
            fixed("lm_head_bias", .boolean(true), "\(cls): lm_head is nn.Linear with bias")
        case .gptNeoX:
            attentionBias(key: "attention_bias", default: true)
            fixed("mlp.bias", .boolean(true), "\(cls): dense_h_to_4h and dense_4h_to_h with bias")
            bool("parallel_attention", _key: "use_parallel_residual", default: true)
            norms(.layernorm, perLayer: 2, "\(cls): input and post-attention LayerNorm", bias: true)
        default:
            mapOPT()
        }
    }

    mutating func mapOPT() {
        let cls = family.configClass
        let hidden = values["hidden_size"]?.integer ?? 0
        if let projection = config.int("word_embed_proj_dim"), projection != hidden {
            unsupported("word_embed_proj_dim",
                        "word_embed_proj_dim \(projection) differs from hidden_size \(hidden); OPT's project_in/project_out layers are not supported")
        }
        let bias = bool("attention.qkv_bias", _key: "enable_bias", default: true)
        fixed("attention.out_bias", .boolean(bias), "enable_bias: out_proj bias")
        fixed("mlp.bias", .boolean(bias), "enable_bias: fc1 and fc2 biases")
        let affine = config.bool("layer_norm_elementwise_affine") ?? true
        norms(.layernorm, perLayer: 2, "\(cls): self_attn_layer_norm and final_layer_norm per layer", bias: affine)
        fixed("norm.weight", .boolean(affine), "layer_norm_elementwise_affine")
        let before = config.bool("do_layer_norm_before") ?? true
        let removed = config.bool("_remove_final_layer_norm") ?? false
        fixed("norm.final", .boolean(before && !removed), "do_layer_norm_before and not _remove_final_layer_norm")
        fixed("position.offset", .integer(2), "\(cls): OPTLearnedPositionalEmbedding has max_position_embeddings + 2 rows")
    }

    /// DeepSeek-V2/V3: multi-head latent attention, shared and routed experts after `first_k_dense_replace` layers.
    mutating func mapDeepSeek() {
        let cls = family.configClass
        let v3 = family.mapper != .deepseekV2
        fixed("attention.kind", .string(AttentionKind.mla.rawValue), "\(cls): multi-head latent attention")
        attentionBias(key: "attention_bias", default: false)
        if family.mapper == .deepseekV2 {
            bool("mlp.bias", _key: "mlp_bias", default: false)  // DeepseekV2MLP: gate, up, down biases
        } else {
            config.markRead(["mlp_bias"])  // DeepseekV3MLP has no biases whatever the config says
        }
        norms(.rmsnorm, perLayer: 2, "\(cls): input and post-attention RMSNorm")
        config.markRead(["num_key_value_heads", "head_dim", "qk_head_dim"])
        if family.mapper == .deepseekV32 {
            int("attention.indexer.heads", _key: "index_n_heads", default: 64)
            int("attention.indexer.head_dim", _key: "index_head_dim", default: 128)
            int("attention.indexer.top_k", _key: "index_topk", default: 2048)
            config.markRead(["layer_types"])  // indexed_attention on every layer
        }
        if present("q_lora_rank"), !config.has("q_lora_rank") {
            config.markRead(["q_lora_rank"])  // null: queries projected directly (DeepSeek-V2-Lite)
        } else {
            int("attention.q_lora_rank", _key: "q_lora_rank", default: family.mapper == .glm4MoELite ? 768 : 1536)
        }
        int("attention.kv_lora_rank", _key: "kv_lora_rank", default: 512)
        int("attention.qk_rope_head_dim", _key: "qk_rope_head_dim", default: 64)
        int("attention.qk_nope_head_dim", _key: "qk_nope_head_dim", default: family.mapper == .glm4MoELite ? 192 : 128)
        int("attention.v_head_dim", _key: "v_head_dim", default: family.mapper == .glm4MoELite ? 256 : 128)
        // num_experts_per_tok (or n_routed_experts) null means a dense model, as DeepseekV3Config documents.
        if (present("num_experts_per_tok") && !config.has("num_experts_per_tok"))
            || (present("n_routed_experts") && !config.has("n_routed_experts")) {
            return config.markRead(["num_experts_per_tok", "n_routed_experts", "n_shared_experts", "moe_intermediate_size",
                                    "first_k_dense_replace", "moe_layer_freq", "n_group", "topk_group"])
        }
        let lite = family.mapper == .glm4MoELite  // Glm4MoeLiteConfig: DeepSeek-V3's modules, its own defaults
        moe(experts: "n_routed_experts", lite ? 64 : v3 ? 256 : 64, topK: "num_experts_per_tok", lite ? 4 : v3 ? 8 : nil,
            size: "moe_intermediate_size", sizeDefault: lite ? 1536 : v3 ? 2048 : 1407)
        int("moe.shared_experts", _key: "n_shared_experts", default: v3 ? 1 : 2, minimum: 0)
        if let types = config.strings("mlp_layer_types") {
            config.markRead(["first_k_dense_replace", "moe_layer_freq"])
            guard types.allSatisfy({ $0 == "dense" || $0 == "sparse" }) else {
                return unsupported("mlp_layer_types", "mlp_layer_types holds a kind other than dense and sparse")
            }
            set("mlp.layer_types", .strings(types.map { $0 == "sparse" ? ChannelKind.moe.rawValue : ChannelKind.dense.rawValue }),
                note: "mlp_layer_types (sparse: MoE)", key: "mlp_layer_types")
            groupedRouting()
            return mtpWarning("num_nextn_predict_layers")
        }
        if family.mapper == .glm4MoELite {
            // Glm4MoeLiteConfig without mlp_layer_types: the first layer dense, MoE from the second on.
            fixed("moe.dense_layers", .integer(1), "mlp_layer_types absent: \(cls) default (the first layer is dense)")
            config.markRead(["first_k_dense_replace", "moe_layer_freq"])
            if let dense = config.int("first_k_dense_replace"), dense != 1 {
                warn("first_k_dense_replace", "first_k_dense_replace \(dense) is not read by \(cls): without mlp_layer_types only the first layer is dense")
            }
            groupedRouting()
            return mtpWarning("num_nextn_predict_layers")
        }
        let dense = int("moe.dense_layers", _key: "first_k_dense_replace", default: v3 ? 3 : 0, minimum: 0) ?? 0
        let frequency = config.int("moe_layer_freq") ?? 1
        let layers = values["layers"]?.integer ?? 0
        if frequency > 1, layers > Self.maxListedLayers {
            unsupported("moe_layer_freq", "num_hidden_layers \(layers) is too many to list the dense layers of moe_layer_freq \(frequency) for")
        } else if frequency > 1, dense < layers {
            // DeepSeek: layer i >= first_k_dense_replace is MoE when i % moe_layer_freq == 0.
            set("moe.dense_layer_indices", .integers((dense..<layers).filter { $0 % frequency != 0 }),
                note: "moe_layer_freq \(frequency): layers i with i % \(frequency) != 0 are dense", key: "moe_layer_freq")
        }
        if let groups = config.int("n_group") { set("moe.n_group", .integer(groups), note: "n_group", key: "n_group") }
        if let chosen = config.int("topk_group") { set("moe.topk_group", .integer(chosen), note: "topk_group", key: "topk_group") }
        mtpWarning("num_nextn_predict_layers")
        if v3 { notes["moe.experts"] = "n_routed_experts (the router's e_score_correction_bias is a buffer in transformers, not counted)" }
    }
}

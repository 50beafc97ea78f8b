/// Qwen3-Next and Qwen3.5 (dense and MoE): gated delta-net layers with gated full-attention layers between them.
///
/// Qwen3.5 splits Qwen3-Next's fused `in_proj_qkvz` / `in_proj_ba` into `in_proj_qkv`, `in_proj_z`, `in_proj_b` and
/// `in_proj_a`; the four hold the same hidden x (2 key + 2 value widths + 2 value heads) weights, so both are the
/// `gated_deltanet` linear-attention kind.
extension HFMapping {
    mutating func mapQwenHybrid() {
        let cls = family.configClass
        attentionBias(key: "attention_bias", default: false)
        fixed("attention.output_gate", .boolean(true), "\(cls): q_proj also projects a sigmoid output gate")
        fixed("attention.qk_norm", .string(QKNormKind.head.rawValue), "\(cls): q_norm and k_norm over head_dim")
        norms(.rmsnorm, perLayer: 2, "\(cls): input and post-attention RMSNorm")
        linearAttention(.gatedDeltaNet, keyHeads: ("linear_num_key_heads", 16), valueHeads: ("linear_num_value_heads", 32),
                        keyDim: ("linear_key_head_dim", 128), valueDim: ("linear_value_head_dim", 128),
                        conv: ("linear_conv_kernel_dim", 4))
        if !mixerTypes(["linear_attention": .linearAttention, "full_attention": .attention]) {
            let interval = config.int("full_attention_interval") ?? 4
            cyclicMixers(interval: interval, note: "full_attention_interval \(interval): every \(interval)th layer is full attention")
        }
        config.markRead(["full_attention_interval", "use_sliding_window", "sliding_window", "max_window_layers"])
        switch family.mapper {
        case .qwen35:
            qwen35Extras()
        case .qwen35MoE:
            qwen35Extras()
            moe(experts: "num_experts", 256, topK: "num_experts_per_tok", 8, size: "moe_intermediate_size", sizeDefault: 512)
            qwenSharedExpert()
            // Qwen3_5MoeTextConfig has no sparse step or dense-layer list: every layer is an MoE layer.
            for key in ["decoder_sparse_step", "mlp_only_layers"] where config.has(key) {
                warn(key, "\(key) is not read by \(cls): every layer is an MoE layer")
            }
            config.markRead(["decoder_sparse_step", "mlp_only_layers", "norm_topk_prob"])
        default:
            moe(experts: "num_experts", 512, topK: "num_experts_per_tok", 10, size: "moe_intermediate_size", sizeDefault: 512)
            qwenSharedExpert()
            int("moe.layer_interval", _key: "decoder_sparse_step", default: 1)
            if let dense = config.ints("mlp_only_layers"), !dense.isEmpty {
                set("moe.dense_layer_indices", .integers(dense), note: "mlp_only_layers", key: "mlp_only_layers")
            }
        }
    }

    /// One shared expert of `shared_expert_intermediate_size` with its hidden x 1 sigmoid gate.
    mutating func qwenSharedExpert() {
        let cls = family.configClass
        fixed("moe.shared_experts", .integer(1), "\(cls): one shared expert with its gate")
        int("moe.shared_expert_intermediate_size", _key: "shared_expert_intermediate_size", default: 512)
        fixed("moe.shared_expert_gate", .boolean(true), "\(cls): shared_expert_gate (hidden x 1)")
    }

    /// Qwen3.5's keys beyond Qwen3-Next's: the MTP layers transformers does not build, and the output gate switch
    /// its attention ignores.
    mutating func qwen35Extras() {
        mtpWarning("mtp_num_hidden_layers")
        config.markRead(["mtp_num_hidden_layers", "mtp_use_dedicated_embeddings", "attn_output_gate"])
        if config.bool("attn_output_gate") == false {
            warn("attn_output_gate", "attn_output_gate false is not honoured: \(family.configClass)'s attention always projects the output gate")
        }
    }
}

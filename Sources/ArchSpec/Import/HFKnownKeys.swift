/// Config keys whose meaning archcalc knows and that do not change parameter, FLOP or KV counts
/// (token ids, dropout, initialisation, epsilons, softcapping, routing details, serving hints).
enum HFKnownKeys {
    static let noCostEffect: Set<String> = [
        "architectures", "model_type", "transformers_version", "_name_or_path", "auto_map", "tokenizer_class",
        "bos_token_id", "eos_token_id", "pad_token_id", "sep_token_id", "decoder_start_token_id", "use_cache",
        "initializer_range", "init_std", "initializer_factor", "attention_dropout", "hidden_dropout", "dropout",
        "activation_dropout", "embd_pdrop", "resid_pdrop", "attn_pdrop", "summary_first_dropout", "layerdrop",
        "classifier_dropout", "rms_norm_eps", "layer_norm_eps", "layer_norm_epsilon", "norm_epsilon",
        "pretraining_tp", "output_router_logits", "router_aux_loss_coef", "router_jitter_noise", "aux_loss_alpha",
        "seq_aux", "norm_topk_prob", "scoring_func", "topk_method", "routed_scaling_factor", "ep_size",
        "attn_logit_softcapping", "final_logit_softcapping", "query_pre_attn_scalar", "cache_implementation",
        "rope_local_base_freq", "clip_qkv", "rotary_pct", "rotary_emb_base", "rotary_dim", "partial_rotary_factor",
        "original_max_position_embeddings", "use_return_dict", "return_dict", "output_attentions",
        "output_hidden_states", "torchscript", "is_decoder", "id2label", "label2id", "problem_type",
        "task_specific_params", "summary_type", "summary_use_proj", "summary_activation", "summary_proj_to_labels",
        "scale_attn_weights", "scale_attn_by_inverse_layer_idx", "reorder_and_upcast_attn", "n_ctx",
        "apply_residual_connection_post_layernorm", "prefix", "use_bfloat16", "chunk_size_feed_forward",
        "gradient_checkpointing", "tie_encoder_decoder", "max_length", "min_length", "do_sample", "num_beams",
        "temperature", "top_k", "top_p", "repetition_penalty", "length_penalty", "no_repeat_ngram_size",
        "bad_words_ids", "forced_bos_token_id", "forced_eos_token_id", "remove_invalid_values", "finetuning_task",
        "torch_dtype", "dtype", "keys_to_ignore_at_inference", "use_flash_attn", "_attn_implementation",
        "attn_implementation", "rope_type", "mlp_only_layers", "max_window_layers", "rope_interleave", "use_mrope",
        "rotary", "gradient_checkpointing_kwargs", "use_flash_attention_2",
        // PretrainedConfig's own keys (transformers 4 and 5) that any config may carry.
        "is_encoder_decoder", "cross_attention_hidden_size", "add_cross_attention", "pruned_heads", "tf_legacy_loss",
        "tie_word_embeddings_", "early_stopping", "num_beam_groups", "diversity_penalty", "typical_p",
        "encoder_no_repeat_ngram_size", "num_return_sequences", "output_scores", "return_dict_in_generate",
        "exponential_decay_length_penalty", "suppress_tokens", "begin_suppress_tokens", "xla_device",
        // Serving hints, multipliers and scaling factors with no parameter, FLOP or cache effect.
        "logit_scale", "embedding_multiplier", "logits_scaling", "residual_multiplier", "attention_multiplier",
        "residual_dropout", "router_jitter_noise", "input_jitter_noise", "use_bidirectional_attention",
        "sliding_window_pattern", "_sliding_window_pattern", "model_max_length", "attention_bias_",
        "order_of_interleaved_layers", "position_embedding_type", "rotary_pct", "use_embedding_sharing",
        "use_gated_activation", "use_parallel_block", "use_parallel_embedding", "eod_token_id", "mlp_bias_",
        "moe_norm_min", "layer_norm_eps", "norm_eps", "time_step_limit", "mrope_section", "rope_parameters_",
    ]

    /// Sub-keys of `rope_scaling` with no cost effect beyond the recorded type, factor and original length.
    static let ropeScaling: Set<String> = [
        "type", "rope_type", "factor", "original_max_position_embeddings", "low_freq_factor", "high_freq_factor",
        "beta_fast", "beta_slow", "mscale", "mscale_all_dim", "attention_factor", "short_factor", "long_factor",
        "short_mscale", "long_mscale", "finetuned", "truncate", "rope_theta", "partial_rotary_factor",
        "mrope_section", "mrope_interleaved", "alpha",
    ]
}

extension HFMapping {
    /// A located warning for each top-level key that was neither mapped nor known to have no cost effect.
    mutating func warnUnknownKeys() {
        let wrapped = outer != nil || values["vision_parameters"] != nil
        if var top = outer {
            Self.warnUnknown(in: &top, family: family.modelType, known: Self.wrapperKeys)
            outer = top
        }
        Self.warnUnknown(in: &config, family: family.modelType, known: wrapped ? Self.wrapperKeys : [])
    }

    static func warnUnknown(in config: inout HFConfigReader, family: String, known: Set<String>) {
        for entry in config.mapping.entries {
            guard let key = entry.name, !config.consumed.contains(key), !HFKnownKeys.noCostEffect.contains(key),
                  !known.contains(key)
            else { continue }
            config.warning(.unknownKey,
                           "unknown config key '\(Escaping.short(key))' for \(family) is ignored; archcalc does not know its effect on cost",
                           at: entry.key.location, key: key)
        }
    }

    /// Whether `key` is written at all, `null` included.
    func present(_ key: String) -> Bool { config.mapping.entries.contains { $0.name == key } }

    mutating func mapRope() {
        let learned = family.mapper == .gpt2 || family.mapper == .opt
        if learned {
            fixed("position.kind", .string(PositionKind.learned.rawValue), "\(family.configClass): learned position table")
            return
        }
        if family.mapper == .falcon, config.bool("alibi") == true {
            return set("position.kind", .string(PositionKind.alibi.rawValue), note: "alibi", key: "alibi")
        }
        config.markRead(["alibi"])
        if family.mapper == .jamba || family.mapper == .mamba2 || family.mapper == .nemotronH {
            // Jamba's and Nemotron-H's attention layers rotate nothing: the Mamba layers carry position.
            return fixed("position.kind", .string(PositionKind.none.rawValue), "\(family.configClass): no positional encoding")
        }
        fixed("position.kind", .string(PositionKind.rope.rawValue), "\(family.configClass): rotary embeddings")
        if let theta = config.number("rope_theta") {
            set("position.rope_theta", .number(theta), note: "rope_theta", key: "rope_theta")
        }
        // Newer transformers write rope_parameters (rope_theta and the scaling in one mapping, or one mapping
        // per layer type for Gemma 3); read it like rope_scaling.
        let scalingKey = config.has("rope_parameters") && !config.has("rope_scaling") ? "rope_parameters" : "rope_scaling"
        config.markRead(["rope_parameters", "rope_scaling"])
        if scalingKey == "rope_parameters", let parameters = config.entry(scalingKey)?.value.mapping {
            if parameters.entries.contains(where: { $0.value.mapping != nil }) { return }  // per layer type: informational
            if values["position.rope_theta"] == nil, let theta = parameters["rope_theta"]?.scalar,
               case .value(let value) = ScalarParsing.number(theta) {
                set("position.rope_theta", .number(value), note: "rope_parameters.rope_theta", key: scalingKey)
            }
        }
        guard let entry = config.entry(scalingKey), case .mapping(let scaling) = entry.value else {
            if config.has(scalingKey) {
                config.error(.wrongType, "\(scalingKey) must be a mapping", at: config.location(scalingKey))
            }
            return
        }
        for sub in scaling.entries {
            guard let name = sub.name, !HFKnownKeys.ropeScaling.contains(name) else { continue }
            config.warning(.unknownKey, "unknown \(scalingKey) key '\(Escaping.short(name))' is ignored",
                           at: sub.key.location, key: scalingKey)
        }
        let type = (scaling["rope_type"] ?? scaling["type"])?.scalar?.value ?? "default"
        guard type != "default" else { return }
        guard RopeScalingSpec.types.contains(type) else {
            return config.warning(.unsupported, "\(scalingKey) type '\(Escaping.short(type))' is not recorded (no cost effect)",
                                  at: entry.value.location, key: scalingKey)
        }
        set("position.rope_scaling.type", .string(type), note: "\(scalingKey).type", key: scalingKey)
        if let factor = scaling["factor"]?.scalar, case .value(let value) = ScalarParsing.number(factor) {
            set("position.rope_scaling.factor", .number(value), note: "\(scalingKey).factor", key: scalingKey)
        }
        if let original = scaling["original_max_position_embeddings"]?.scalar,
           case .value(let value) = ScalarParsing.integer(original), value >= 1 {
            set("position.rope_scaling.original_context_length", .integer(value),
                note: "\(scalingKey).original_max_position_embeddings", key: scalingKey)
        }
    }
}

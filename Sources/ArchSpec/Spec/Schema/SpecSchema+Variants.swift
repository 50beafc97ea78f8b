/// Keys for the architecture variants: mixture of experts, latent attention, sliding windows, norm and
/// position details.
extension SpecSchema {
    static let moe: [SchemaField] = [
        SchemaField("experts", .integer(minimum: 1), required: true, "Routed experts per MoE layer."),
        SchemaField("top_k", .integer(minimum: 1), required: true, "Routed experts each token runs through."),
        SchemaField("shared_experts", .integer(minimum: 0), default: "0",
                    "Always-on experts per MoE layer (DeepSeek n_shared_experts; 1 for Qwen2-MoE's shared expert)."),
        SchemaField("expert_intermediate_size", .integer(minimum: 1), default: "mlp.intermediate_size",
                    "Hidden width of one routed expert."),
        SchemaField("shared_expert_intermediate_size", .integer(minimum: 1), default: "expert_intermediate_size",
                    "Hidden width of one shared expert."),
        SchemaField("dense_layers", .integer(minimum: 0), default: "0",
                    "The first N layers use the dense MLP (DeepSeek first_k_dense_replace)."),
        SchemaField("layer_interval", .integer(minimum: 1), default: "1",
                    "Layer i (0-based) at or after dense_layers is an MoE layer when (i + 1) % layer_interval == 0 (Qwen decoder_sparse_step)."),
        SchemaField("dense_layer_indices", .integerList(minimum: 0), default: "[]",
                    "Further layers (0-based) that use the dense MLP (Qwen mlp_only_layers)."),
        SchemaField("router_bias", .boolean, default: "false",
                    "Whether the router projection has a bias (experts values per MoE layer)."),
        SchemaField("shared_expert_gate", .boolean, default: "false",
                    "Whether a hidden x 1 sigmoid gate scales the shared experts' output (Qwen2-MoE)."),
        SchemaField("n_group", .integer(minimum: 1),
                    "Expert groups for grouped routing (DeepSeek; informational, no cost effect)."),
        SchemaField("topk_group", .integer(minimum: 1),
                    "Groups each token may route into (DeepSeek; informational, no cost effect)."),
    ]

    static let attentionVariants: [SchemaField] = [
        SchemaField("kind", .choice(AttentionKind.allCases.map(\.rawValue)), default: "standard",
                    "standard (MHA, GQA, MQA) or mla (multi-head latent attention, DeepSeek-V2/V3)."),
        SchemaField("qk_norm", .choice(QKNormKind.allCases.map(\.rawValue)), default: "none",
                    "Norms on queries and keys: head (one head_dim vector each, Qwen3, Gemma 3) or full (over heads x head_dim and kv_heads x head_dim, OLMo 2)."),
        SchemaField("q_lora_rank", .integer(minimum: 1),
                    "MLA: rank of the query compression; absent means queries are projected directly."),
        SchemaField("kv_lora_rank", .integer(minimum: 1), "MLA: width of the cached key/value latent; required for mla."),
        SchemaField("qk_rope_head_dim", .integer(minimum: 1), "MLA: rotary part of each query/key head; required for mla."),
        SchemaField("qk_nope_head_dim", .integer(minimum: 1), "MLA: non-rotary part of each query/key head; required for mla."),
        SchemaField("v_head_dim", .integer(minimum: 1), "MLA: width of each value head; required for mla."),
        SchemaField("sliding_window", .integer(minimum: 1),
                    "Keys a windowed query attends to (itself included), tokens; caps the KV cache and attention FLOPs of windowed layers."),
        SchemaField("layer_pattern", .choiceList(LayerAttention.allCases.map(\.rawValue)), default: "every layer sliding",
                    "Layer kinds repeated cyclically over the layers, e.g. [sliding, full] (Gemma 2); needs sliding_window."),
        SchemaField("full_layers", .integerList(minimum: 0), default: "[]",
                    "Layers (0-based) that attend to the full context whatever layer_pattern says."),
        SchemaField("sliding_layers", .integerList(minimum: 0), default: "[]",
                    "Layers (0-based) that use the window whatever layer_pattern says."),
        SchemaField("layer_types", .choiceList(LayerAttention.allCases.map(\.rawValue)),
                    "Attention span of each layer, one per layer (instead of layer_pattern); must have exactly layers entries."),
        SchemaField("chunk_size", .integer(minimum: 1),
                    "Tokens per attention chunk of chunked layers (Llama 4 attention_chunk_size); caps their KV cache and attention FLOPs."),
        SchemaField("sinks", .boolean, default: "false",
                    "Whether each head has a learned attention-sink logit (gpt-oss): heads parameters per layer."),
        SchemaField("output_gate", .boolean, default: "false",
                    "Whether a sigmoid output gate is projected with the queries, doubling q_proj (Qwen3-Next)."),
        SchemaField("indexer", .section(indexer),
                    "DeepSeek sparse attention's lightning indexer (DeepSeek-V3.2; mla only)."),
        SchemaField("kv_sharing", .section(kvSharing),
                    "Layers that read an earlier layer's KV cache instead of caching their own (cross-layer sharing)."),
    ]

    static let indexer: [SchemaField] = [
        SchemaField("heads", .integer(minimum: 1), required: true, "Indexer heads (index_n_heads)."),
        SchemaField("head_dim", .integer(minimum: 1), required: true, "Width of one indexer head; the indexer caches one key of it per token (index_head_dim)."),
        SchemaField("top_k", .integer(minimum: 1), required: true, "Tokens the main attention attends to per query (index_topk)."),
    ]

    static let kvSharing: [SchemaField] = [
        SchemaField("layers", .integerList(minimum: 0), required: true, "Layers (0-based) that reuse another layer's KV cache."),
        SchemaField("sources", .integerList(minimum: 0), required: true,
                    "For each entry of layers, the earlier layer whose cache it reads (same length as layers)."),
    ]

    static let linearAttention: [SchemaField] = [
        SchemaField("kind", .choice(LinearAttentionKind.allCases.map(\.rawValue)), required: true,
                    "gated_deltanet (Qwen3-Next) or lightning (MiniMax-Text-01)."),
        SchemaField("key_heads", .integer(minimum: 1), required: true, "Query and key heads."),
        SchemaField("value_heads", .integer(minimum: 1), default: "key_heads", "Value heads (the recurrent state's heads)."),
        SchemaField("key_head_dim", .integer(minimum: 1), required: true, "Width of one key head."),
        SchemaField("value_head_dim", .integer(minimum: 1), default: "key_head_dim", "Width of one value head."),
        SchemaField("conv_kernel", .integer(minimum: 0), default: "4 for gated_deltanet, 0 for lightning",
                    "Taps of the depthwise causal convolution over q, k and v."),
    ]

    static let shortConv: [SchemaField] = [
        SchemaField("kernel", .integer(minimum: 1), required: true, "Taps of the depthwise causal convolution (conv_L_cache)."),
        SchemaField("bias", .boolean, default: "false", "Whether in_proj, the convolution and out_proj carry biases (conv_bias)."),
    ]

    static let ssm: [SchemaField] = [
        SchemaField("inner_size", .integer(minimum: 1), required: true, "Width of the expanded inner stream (expand x hidden_size)."),
        SchemaField("state_size", .integer(minimum: 1), required: true, "SSM state size per channel (d_state)."),
        SchemaField("conv_kernel", .integer(minimum: 1), default: "4", "Taps of the depthwise causal convolution (d_conv)."),
        SchemaField("heads", .integer(minimum: 1), "Mamba-2 heads; required for mamba2 layers (inner_size = heads x head_dim)."),
        SchemaField("head_dim", .integer(minimum: 1), "Mamba-2 head width; required for mamba2 layers."),
        SchemaField("groups", .integer(minimum: 1), default: "1", "Mamba-2 groups sharing B and C (n_groups)."),
        SchemaField("dt_rank", .integer(minimum: 1), default: "ceil(hidden_size / 16)", "Mamba v1 rank of the step-size projection."),
        SchemaField("projection_bias", .boolean, default: "false", "Whether in_proj and out_proj carry biases."),
        SchemaField("conv_bias", .boolean, default: "true", "Whether the convolution carries a bias."),
        SchemaField("gated_norm", .boolean, default: "true", "Whether Mamba-2's gated RMSNorm over inner_size has a weight."),
        SchemaField("inner_norms", .boolean, default: "false", "Whether Mamba v1 normalises dt, B and C (Jamba)."),
    ]

    static let normVariants: [SchemaField] = [
        SchemaField("per_layer", .integer(minimum: 0), default: "2, or 1 with parallel_attention",
                    "Norms of hidden_size in each layer (Gemma 2 and 3: 4; Falcon-7B and GPT-J: 1)."),
        SchemaField("weight", .boolean, default: "true",
                    "Whether each norm has a learned weight vector (false: OLMo's non-parametric LayerNorm)."),
        SchemaField("final", .boolean, default: "true", "Whether a final norm follows the last layer."),
    ]

    static let positionVariants: [SchemaField] = [
        SchemaField("offset", .integer(minimum: 0), default: "0",
                    "Extra rows of a learned position table beyond context_length (OPT: 2)."),
        SchemaField("rope_scaling", .section(ropeScaling), "RoPE scaling for context extension (informational)."),
    ]

    static let ropeScaling: [SchemaField] = [
        SchemaField("type", .choice(RopeScalingSpec.types), required: true, "The scaling method."),
        SchemaField("factor", .number, "Context extension factor."),
        SchemaField("original_context_length", .integer(minimum: 1),
                    "Context length the model was pre-trained with (original_max_position_embeddings)."),
    ]
}

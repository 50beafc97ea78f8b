/// The archspec v1 format: every key, its type and its documentation.
public enum SpecSchema {
    /// The format version this build reads.
    public static let version = 1

    public static let dtypes = DType.allCases.map(\.rawValue)

    /// Every spelling a `.choice(options)` field accepts, with the canonical option it stands for: the options
    /// themselves, and for dtype fields the aliases (`float16` for fp16). The loader and the JSON Schema both
    /// read this, so they accept the same values.
    public static func spellings(of options: [String]) -> [(spelling: String, canonical: String)] {
        let own = options.map { ($0, $0) }
        guard options == dtypes else { return own }
        return own + DType.aliases.map { ($0.spelling, $0.dtype.rawValue) }
    }

    public static let root: [SchemaField] = [
        SchemaField("archspec", .integer(minimum: 1), required: true,
                    "Marks the file as an archspec and versions the format; must be 1."),
        SchemaField("name", .string, default: "the file name", "The model's name."),
        SchemaField("vocab_size", .integer(minimum: 1), required: true, "Rows of the token embedding matrix."),
        SchemaField("hidden_size", .integer(minimum: 1), required: true, "Width of the residual stream (d_model)."),
        SchemaField("layers", .integer(minimum: 1), required: true, "Number of transformer blocks."),
        SchemaField("context_length", .integer(minimum: 1), required: true,
                    "The model's maximum context in tokens (max_position_embeddings)."),
        SchemaField("dtype", .choice(dtypes), default: "bf16", "The dtype the weights are stored in."),
        SchemaField("tie_embeddings", .boolean, default: "false",
                    "Whether the lm_head shares the token embedding matrix."),
        SchemaField("lm_head_bias", .boolean, default: "false",
                    "Whether the lm_head projection has a bias of vocab_size values (GPT-J)."),
        SchemaField("parallel_attention", .boolean, default: "false",
                    "Whether attention and the MLP read the same block input in parallel (Falcon, GPT-J, GPT-NeoX); sets the default of norm.per_layer to 1."),
        SchemaField("attention", .section(attention), required: true, "The attention block of every layer."),
        SchemaField("mlp", .section(mlp), required: true,
                    "The feed-forward block of every layer (of the dense layers when moe is set)."),
        SchemaField("moe", .section(moe),
                    "Mixture of experts: routed and shared experts replacing the dense MLP in the MoE layers."),
        SchemaField("norm", .section(norm), "The normalisation layers (two per block and one final)."),
        SchemaField("position", .section(position), "How positions enter the model."),
        SchemaField("layer_pattern", .choiceList(MixerKind.allCases.map(\.rawValue)), default: "attention in every layer",
                    "Token mixers repeated cyclically over the layers, e.g. [linear_attention, linear_attention, linear_attention, attention] (Qwen3-Next) or [mamba, mamba, mamba, mamba, attention, mamba, mamba, mamba] (Jamba)."),
        SchemaField("layer_types", .choiceList(MixerKind.allCases.map(\.rawValue)),
                    "Token mixers, one per layer (instead of layer_pattern); must have exactly layers entries."),
        SchemaField("attention_layers", .integerList(minimum: 0), default: "[]",
                    "Layers (0-based) that run attention whatever layer_pattern says (Bamba attn_layer_indices)."),
        SchemaField("linear_attention", .section(linearAttention),
                    "The linear-attention mixer of linear_attention layers (gated DeltaNet, lightning attention)."),
        SchemaField("ssm", .section(ssm), "The state-space mixer of mamba and mamba2 layers."),
        SchemaField("short_conv", .section(shortConv), "The gated short convolution of short_conv layers (LFM2)."),
        SchemaField("mtp_layers", .integer(minimum: 0), default: "0",
                    "Multi-token-prediction layers after the last layer (DeepSeek-V3 num_nextn_predict_layers); counted apart from the total."),
        SchemaField("vision_parameters", .integer(minimum: 0), default: "0",
                    "Parameters of a multimodal model's vision tower and projector, reported apart from the text model's total."),
        SchemaField("state_dtype", .choice(dtypes), default: "the KV-cache dtype",
                    "The dtype of the recurrent and convolution state of linear-attention and state-space layers."),
        SchemaField("parallelism", .section(parallelism),
                    "Parallelism degrees the model is deployed or trained with; lint checks the sizes against them."),
    ]

    static let attention: [SchemaField] = [
        SchemaField("heads", .integerOrList(minimum: 1), required: true,
                    "Query heads per layer, or a list with one value per layer (then head_dim is required)."),
        SchemaField("kv_heads", .integerOrList(minimum: 1), default: "heads",
                    "Key/value heads per layer: equal to heads is MHA, 1 is MQA, a divisor in between is GQA; or a list with one value per layer."),
        SchemaField("head_dim", .integer(minimum: 1), default: "hidden_size / heads",
                    "Width of one attention head; an error when hidden_size / heads does not divide and this is absent."),
        SchemaField("qkv_bias", .boolean, default: "false", "Whether the q, k and v projections carry a bias."),
        SchemaField("out_bias", .boolean, default: "false", "Whether the output projection carries a bias."),
    ] + attentionVariants

    static let mlp: [SchemaField] = [
        SchemaField("kind", .choice(MLPKind.allCases.map(\.rawValue)), default: "gated",
                    "gated: gate, up and down projections (SwiGLU, GeGLU); plain: up and down."),
        SchemaField("intermediate_size", .integerOrList(minimum: 1), required: true,
                    "Width of the hidden projection, or a list with one value per layer."),
        SchemaField("activation", .string, default: "silu", "Activation function (informational)."),
        SchemaField("bias", .boolean, default: "false", "Whether the projections carry biases (routed and shared experts too)."),
        SchemaField("activation_parameters", .integer(minimum: 0), default: "0",
                    "Learned parameters of the activation in each dense MLP block (Apertus' xIELU: 2)."),
        SchemaField("layer_pattern", .choiceList(ChannelKind.allCases.map(\.rawValue)), default: "moe's placement rules",
                    "Feed-forward blocks repeated cyclically over the layers: dense, moe or none (replaces moe.dense_layers, layer_interval and dense_layer_indices)."),
        SchemaField("layer_types", .choiceList(ChannelKind.allCases.map(\.rawValue)),
                    "Feed-forward blocks, one per layer (instead of layer_pattern); must have exactly layers entries."),
    ]

    static let norm: [SchemaField] = [
        SchemaField("kind", .choice(NormKind.allCases.map(\.rawValue)), default: "rmsnorm",
                    "rmsnorm (a weight vector) or layernorm (a weight vector, and a bias vector when bias is true)."),
        SchemaField("bias", .boolean, default: "false for rmsnorm, true for layernorm",
                    "Whether each norm has a bias vector."),
    ] + normVariants

    static let position: [SchemaField] = [
        SchemaField("kind", .choice(PositionKind.allCases.map(\.rawValue)), default: "rope",
                    "rope, learned (a context_length x hidden_size table), alibi or none."),
        SchemaField("rope_theta", .number, "RoPE base frequency (informational)."),
    ] + positionVariants

    static let parallelism: [SchemaField] = [
        SchemaField("tensor", .integer(minimum: 1), default: "1", "Tensor-parallel degree (devices a layer is split across)."),
        SchemaField("pipeline", .integer(minimum: 1), default: "1", "Pipeline-parallel degree (stages the layers are split into)."),
        SchemaField("expert", .integer(minimum: 1), default: "1", "Expert-parallel degree (devices the experts are spread across)."),
    ]
}

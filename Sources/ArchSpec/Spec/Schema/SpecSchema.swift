/// The archspec v1 format: every key, its type and its documentation.
public enum SpecSchema {
    /// The format version this build reads.
    public static let version = 1

    public static let dtypes = DType.allCases.map(\.rawValue)

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
        SchemaField("parallelism", .section(parallelism),
                    "Parallelism degrees the model is deployed or trained with; lint checks the sizes against them."),
    ]

    static let attention: [SchemaField] = [
        SchemaField("heads", .integer(minimum: 1), required: true, "Query heads per layer."),
        SchemaField("kv_heads", .integer(minimum: 1), default: "heads",
                    "Key/value heads per layer: equal to heads is MHA, 1 is MQA, a divisor in between is GQA."),
        SchemaField("head_dim", .integer(minimum: 1), default: "hidden_size / heads",
                    "Width of one attention head; an error when hidden_size / heads does not divide and this is absent."),
        SchemaField("qkv_bias", .boolean, default: "false", "Whether the q, k and v projections carry a bias."),
        SchemaField("out_bias", .boolean, default: "false", "Whether the output projection carries a bias."),
    ] + attentionVariants

    static let mlp: [SchemaField] = [
        SchemaField("kind", .choice(MLPKind.allCases.map(\.rawValue)), default: "gated",
                    "gated: gate, up and down projections (SwiGLU, GeGLU); plain: up and down."),
        SchemaField("intermediate_size", .integer(minimum: 1), required: true, "Width of the hidden projection."),
        SchemaField("activation", .string, default: "silu", "Activation function (informational)."),
        SchemaField("bias", .boolean, default: "false", "Whether the projections carry biases."),
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

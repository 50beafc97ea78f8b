/// A transformer architecture, fully resolved: every default applied, every derived size filled in.
///
/// Sizes are counts (not bytes). A value of this type is produced by `SpecLoader` from an archspec YAML file
/// (or a Hugging Face `config.json`) and consumed by the cost model, the linter and the sizing model.
public struct ArchitectureSpec: Hashable, Codable, Sendable {
    /// The model's name, as written in the spec (`name:`), or the file's base name.
    public var name: String
    /// Number of token embeddings (rows of the embedding matrix).
    public var vocabSize: Int
    /// Width of the residual stream (d_model).
    public var hiddenSize: Int
    /// Number of transformer blocks.
    public var layers: Int
    /// The model's maximum context, in tokens.
    public var contextLength: Int
    /// The dtype the weights are stored in.
    public var dtype: DType
    /// Whether the lm_head shares the input embedding matrix.
    public var tieEmbeddings: Bool
    public var attention: AttentionSpec
    public var mlp: MLPSpec
    public var norm: NormSpec
    public var position: PositionSpec
    /// Parallelism degrees the spec declares (all 1 when absent).
    public var parallelism: ParallelismSpec = ParallelismSpec()
    /// The mixture-of-experts block, when the model has one (`nil`: every layer uses the dense MLP).
    public var moe: MoESpec? = nil
    /// Whether the lm_head projection carries a bias of vocab_size values (GPT-J).
    public var lmHeadBias: Bool = false
    /// Whether attention and the MLP read the same block input in parallel (Falcon, GPT-J, GPT-NeoX);
    /// informational: the norm count is `norm.per_layer`.
    public var parallelAttention: Bool = false
    /// How layers differ: token and channel mixers by layer, per-layer sizes, KV sharing (uniform when empty).
    public var layout = LayerLayoutSpec()
    /// The linear-attention mixer of `linear_attention` layers, when any layer has one.
    public var linearAttention: LinearAttentionSpec? = nil
    /// The state-space mixer of `mamba` / `mamba2` layers, when any layer has one.
    public var ssm: SSMSpec? = nil
    /// The short convolution of `short_conv` layers, when any layer has one.
    public var shortConv: ShortConvSpec? = nil
    /// Multi-token-prediction layers after the last layer (DeepSeek-V3 `num_nextn_predict_layers`): counted apart,
    /// not in the total (inference engines load them for speculative decoding only).
    public var mtpLayers: Int = 0
    /// Parameters of a multimodal wrapper's vision tower and projector, reported apart from the text model's total.
    public var visionParameters: Int = 0
    /// The dtype recurrent and convolution state is kept in (`nil`: the KV-cache dtype).
    public var stateDType: DType? = nil

    public init(
        name: String, vocabSize: Int, hiddenSize: Int, layers: Int, contextLength: Int, dtype: DType,
        tieEmbeddings: Bool, attention: AttentionSpec, mlp: MLPSpec, norm: NormSpec, position: PositionSpec
    ) {
        self.name = name
        self.vocabSize = vocabSize
        self.hiddenSize = hiddenSize
        self.layers = layers
        self.contextLength = contextLength
        self.dtype = dtype
        self.tieEmbeddings = tieEmbeddings
        self.attention = attention
        self.mlp = mlp
        self.norm = norm
        self.position = position
    }
}

/// The attention block of every layer.
public struct AttentionSpec: Hashable, Codable, Sendable {
    /// Query heads per layer.
    public var heads: Int
    /// Key/value heads per layer: `heads` is MHA, 1 is MQA, a divisor in between is GQA.
    public var kvHeads: Int
    /// Width of one head, in elements.
    public var headDim: Int
    /// Whether the q, k and v projections carry a bias.
    public var qkvBias: Bool
    /// Whether the output projection carries a bias.
    public var outBias: Bool
    /// Standard (MHA/GQA/MQA) or latent (MLA) attention.
    public var kind: AttentionKind = .standard
    /// The latent-attention sizes when `kind` is `.mla`.
    public var mla: MLASpec? = nil
    /// The sliding window and the layers it applies to; `nil` when every layer attends to the full context.
    public var slidingWindow: SlidingWindowSpec? = nil
    /// Norms applied to queries and keys.
    public var qkNorm: QKNormKind = .none
    /// Whether each head has a learned attention sink logit (gpt-oss): `heads` parameters per layer.
    public var sinks: Bool = false
    /// Whether a sigmoid output gate of heads x head_dim is projected with the queries (Qwen3-Next): q_proj
    /// is twice as wide.
    public var outputGate: Bool = false
    /// DeepSeek sparse attention's indexer (MLA only).
    public var indexer: IndexerSpec? = nil

    public init(heads: Int, kvHeads: Int, headDim: Int, qkvBias: Bool = false, outBias: Bool = false) {
        self.heads = heads
        self.kvHeads = kvHeads
        self.headDim = headDim
        self.qkvBias = qkvBias
        self.outBias = outBias
    }

    /// Width of one value head, elements (`head_dim`, or MLA's `v_head_dim`).
    public var valueHeadDim: Int { mla?.vHeadDim ?? headDim }

    /// Windowed layers among `layers`.
    public func slidingLayerCount(layers: Int) -> Int { slidingWindow?.slidingLayerCount(layers: layers) ?? 0 }

    /// Query heads that share one key/value head.
    public var groupSize: Int { kvHeads > 0 ? heads / kvHeads : 0 }
}

/// The feed-forward block of every layer.
public struct MLPSpec: Hashable, Codable, Sendable {
    public var kind: MLPKind
    /// Width of the hidden (intermediate) projection.
    public var intermediateSize: Int
    /// Activation function name (informational: it does not change the matmul count).
    public var activation: String
    /// Whether the projections carry biases.
    public var bias: Bool
    /// Learned parameters of the activation function in each MLP block (Apertus' xIELU: alpha_p and alpha_n).
    public var activationParameters: Int = 0

    public init(kind: MLPKind, intermediateSize: Int, activation: String, bias: Bool = false) {
        self.kind = kind
        self.intermediateSize = intermediateSize
        self.activation = activation
        self.bias = bias
    }
}

/// How the feed-forward block is built.
public enum MLPKind: String, Hashable, Codable, Sendable, CaseIterable {
    /// Gate, up and down projections (SwiGLU, GeGLU): three matrices.
    case gated
    /// Up and down projections: two matrices.
    case plain

    /// Weight matrices of hidden x intermediate size in one block.
    public var matrices: Int { self == .gated ? 3 : 2 }
}

/// The normalisation layers.
public struct NormSpec: Hashable, Codable, Sendable {
    public var kind: NormKind
    /// Whether each norm has a bias vector (LayerNorm only).
    public var bias: Bool
    /// Norms of hidden_size in each layer: 2 (pre-attention, pre-MLP), 1 (Falcon-7B, GPT-J), 4 (Gemma 2 and 3).
    public var perLayer: Int = 2
    /// Whether each norm has a learned weight vector (false: OLMo's non-parametric LayerNorm).
    public var weight: Bool = true
    /// Whether a final norm follows the last layer.
    public var final: Bool = true

    public init(kind: NormKind, bias: Bool) {
        self.kind = kind
        self.bias = bias
    }

    /// Learned vectors of `hidden_size` elements in one norm.
    public var vectorsPerNorm: Int { (weight ? 1 : 0) + (kind == .layernorm && bias ? 1 : 0) }
}

public enum NormKind: String, Hashable, Codable, Sendable, CaseIterable {
    case rmsnorm
    case layernorm
}

/// How positions enter the model.
public struct PositionSpec: Hashable, Codable, Sendable {
    public var kind: PositionKind
    /// RoPE base frequency, when given (informational).
    public var ropeTheta: Double?
    /// Extra rows of a learned position table beyond context_length (OPT: 2).
    public var offset: Int = 0
    /// RoPE scaling for context extension (informational).
    public var ropeScaling: RopeScalingSpec? = nil

    public init(kind: PositionKind, ropeTheta: Double? = nil) {
        self.kind = kind
        self.ropeTheta = ropeTheta
    }
}

public enum PositionKind: String, Hashable, Codable, Sendable, CaseIterable {
    /// Rotary embeddings: no parameters.
    case rope
    /// A learned table of context_length x hidden_size.
    case learned
    /// ALiBi biases: no parameters.
    case alibi
    /// No positional signal.
    case none
}

/// Parallelism degrees a spec declares for deployment or training.
public struct ParallelismSpec: Hashable, Codable, Sendable {
    /// Tensor-parallel degree.
    public var tensor: Int
    /// Pipeline-parallel degree.
    public var pipeline: Int
    /// Expert-parallel degree.
    public var expert: Int

    public init(tensor: Int = 1, pipeline: Int = 1, expert: Int = 1) {
        self.tensor = tensor
        self.pipeline = pipeline
        self.expert = expert
    }
}

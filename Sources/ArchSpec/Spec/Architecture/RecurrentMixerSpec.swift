/// Which linear-attention mixer a model's `linear_attention` layers run.
public enum LinearAttentionKind: String, Hashable, Codable, Sendable, CaseIterable {
    /// Gated DeltaNet (Qwen3-Next): fused qkvz and ba projections, a depthwise causal convolution over q, k and v,
    /// a per-head decay and step size, a gated RMSNorm over each value head, and the output projection.
    case gatedDeltaNet = "gated_deltanet"
    /// Lightning attention (MiniMax-Text-01): fused qkv projection, an output gate, an RMSNorm over
    /// heads x head_dim, and the output projection; the state is heads x head_dim x head_dim.
    case lightning
}

/// The sizes of the linear-attention mixer (`linear_attention:`).
///
/// The recurrent state of one layer and one sequence is `value_heads x key_head_dim x value_head_dim`
/// elements, whatever the context; gated DeltaNet also keeps its convolution's last `conv_kernel` inputs.
public struct LinearAttentionSpec: Hashable, Codable, Sendable {
    public var kind: LinearAttentionKind
    /// Key (and query) heads.
    public var keyHeads: Int
    /// Value heads (the recurrent state's head count).
    public var valueHeads: Int
    /// Width of one key head, elements.
    public var keyHeadDim: Int
    /// Width of one value head, elements.
    public var valueHeadDim: Int
    /// Taps of the depthwise causal convolution (0: none).
    public var convKernel: Int

    public init(kind: LinearAttentionKind, keyHeads: Int, valueHeads: Int, keyHeadDim: Int, valueHeadDim: Int,
                convKernel: Int) {
        self.kind = kind
        self.keyHeads = keyHeads
        self.valueHeads = valueHeads
        self.keyHeadDim = keyHeadDim
        self.valueHeadDim = valueHeadDim
        self.convKernel = convKernel
    }
}

/// The sizes of the state-space mixers (`ssm:`), shared by a model's `mamba` or `mamba2` layers.
///
/// Mamba (v1, Jamba): in_proj hidden x 2·inner, a depthwise convolution over inner channels, x_proj inner x
/// (dt_rank + 2·state), dt_proj dt_rank x inner with bias, A_log inner x state, D inner, out_proj inner x hidden;
/// state per sequence inner x state plus the convolution's inner x conv_kernel inputs.
/// Mamba-2 (SSD): in_proj hidden x (2·inner + 2·groups·state + heads), a depthwise convolution over
/// inner + 2·groups·state channels, dt_bias, A_log and D of heads, a gated RMSNorm over inner, out_proj inner x
/// hidden; state per sequence heads x head_dim x state plus the convolution's inputs.
public struct SSMSpec: Hashable, Codable, Sendable {
    /// Width of the expanded inner stream (expand x hidden_size), elements.
    public var innerSize: Int
    /// SSM state size per channel (d_state, N).
    public var stateSize: Int
    /// Taps of the depthwise causal convolution (d_conv).
    public var convKernel: Int
    /// Mamba-2 heads (inner_size / head_dim); 0 for Mamba v1.
    public var heads: Int
    /// Mamba-2 head width, elements; 0 for Mamba v1.
    public var headDim: Int
    /// Mamba-2 groups sharing B and C (n_groups).
    public var groups: Int
    /// Mamba v1 rank of the step-size projection (dt_rank).
    public var dtRank: Int
    /// Whether in_proj and out_proj carry biases.
    public var projectionBias: Bool
    /// Whether the convolution carries a bias.
    public var convBias: Bool
    /// Whether Mamba-2's gated RMSNorm over inner has a weight vector.
    public var gatedNorm: Bool
    /// Whether Mamba v1 normalises dt, B and C (Jamba's dt/b/c layernorms).
    public var innerNorms: Bool

    public init(innerSize: Int, stateSize: Int, convKernel: Int, heads: Int = 0, headDim: Int = 0, groups: Int = 1,
                dtRank: Int = 0, projectionBias: Bool = false, convBias: Bool = true, gatedNorm: Bool = true,
                innerNorms: Bool = false) {
        self.innerSize = innerSize
        self.stateSize = stateSize
        self.convKernel = convKernel
        self.heads = heads
        self.headDim = headDim
        self.groups = groups
        self.dtRank = dtRank
        self.projectionBias = projectionBias
        self.convBias = convBias
        self.gatedNorm = gatedNorm
        self.innerNorms = innerNorms
    }
}

/// The gated short convolution of `short_conv` layers (LFM2): in_proj hidden x 3·hidden (B, C and x), a
/// depthwise causal convolution of `kernel` taps over hidden channels, out_proj hidden x hidden; the state per
/// sequence is the convolution's last `kernel` inputs per channel.
public struct ShortConvSpec: Hashable, Codable, Sendable {
    /// Taps of the depthwise convolution (LFM2 `conv_L_cache`).
    public var kernel: Int
    /// Whether in_proj, the convolution and out_proj carry biases (LFM2 `conv_bias`).
    public var bias: Bool

    public init(kernel: Int, bias: Bool) {
        self.kernel = kernel
        self.bias = bias
    }
}

/// DeepSeek sparse attention's lightning indexer (DeepSeek-V3.2): per layer it scores every cached token with
/// `heads` small heads and keeps the `top_k` best for the main attention, caching one key of `head_dim` per token.
public struct IndexerSpec: Hashable, Codable, Sendable {
    public var heads: Int
    public var headDim: Int
    /// Tokens the main attention attends to per query once the context exceeds it.
    public var topK: Int

    public init(heads: Int, headDim: Int, topK: Int) {
        self.heads = heads
        self.headDim = headDim
        self.topK = topK
    }
}

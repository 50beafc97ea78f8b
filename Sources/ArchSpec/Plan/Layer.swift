/// One layer of the plan: what it computes, with every size it needs.
///
/// A layer is a token mixer (attention, a linear-attention or state-space mixer, both in parallel, or none),
/// a channel mixer (dense MLP, mixture of experts, or none) and its norms. Equal layers are one value, so the
/// plan stores each distinct layer once.
public struct Layer: Hashable, Codable, Sendable {
    public var mixer: TokenMixer
    public var channel: ChannelMixer
    /// Norms of hidden_size in this layer (pre-mixer, pre-MLP, and post-norms where the model has them).
    public var norms: Int

    public init(mixer: TokenMixer, channel: ChannelMixer, norms: Int) {
        self.mixer = mixer
        self.channel = channel
        self.norms = norms
    }
}

/// The token mixer of a layer: a closed set, so every consumer handles each kind.
public enum TokenMixer: Hashable, Codable, Sendable {
    /// Softmax attention: standard (MHA/GQA/MQA) or latent (MLA), with its span.
    case attention(AttentionMixer)
    /// Linear attention with a constant recurrent state (gated DeltaNet, lightning attention).
    case linearAttention(LinearAttentionSpec)
    /// A Mamba (v1) selective-scan mixer.
    case mamba(SSMSpec)
    /// A Mamba-2 (SSD) mixer.
    case mamba2(SSMSpec)
    /// Attention and a Mamba-2 mixer in parallel on the same input (Falcon-H1).
    case attentionMamba2(AttentionMixer, SSMSpec)
    /// A gated short causal convolution (LFM2).
    case shortConv(ShortConvSpec)
    /// No token mixer (a feed-forward-only layer, or an identity when the channel mixer is none too).
    case none

    /// The attention part, if any.
    public var attention: AttentionMixer? {
        switch self {
        case .attention(let a), .attentionMamba2(let a, _): a
        case .linearAttention, .mamba, .mamba2, .shortConv, .none: nil
        }
    }

    /// Short name for breakdowns: `full`, `sliding`, `chunked`, `mla`, `linear_attention`, `mamba`, ...
    public var label: String {
        switch self {
        case .attention(let a): a.label
        case .linearAttention(let l): l.kind.rawValue
        case .mamba: "mamba"
        case .mamba2: "mamba2"
        case .attentionMamba2(let a, _): "\(a.label)+mamba2"
        case .shortConv: "short_conv"
        case .none: "none"
        }
    }
}

/// The channel mixer (feed-forward block) of a layer.
public enum ChannelMixer: Hashable, Codable, Sendable {
    case dense(FeedForward)
    case moe(ExpertsBlock)
    case none

    public var label: String {
        switch self {
        case .dense: "mlp"
        case .moe: "moe"
        case .none: "none"
        }
    }
}

/// A dense feed-forward block of `width` hidden units.
public struct FeedForward: Hashable, Codable, Sendable {
    /// Gate, up and down (true) or up and down (false).
    public var gated: Bool
    public var width: Int
    /// Whether the projections carry biases.
    public var bias: Bool
    /// Learned parameters of the activation (xIELU's alpha_p and alpha_n).
    public var activationParameters: Int = 0

    public init(gated: Bool, width: Int, bias: Bool, activationParameters: Int = 0) {
        self.gated = gated
        self.width = width
        self.bias = bias
        self.activationParameters = activationParameters
    }

    /// Weight matrices of hidden x width.
    public var matrices: Int { gated ? 3 : 2 }
}

/// A mixture-of-experts block: a router choosing `topK` of `experts`, plus always-on shared experts.
public struct ExpertsBlock: Hashable, Codable, Sendable {
    public var experts: Int
    public var topK: Int
    public var expert: FeedForward
    public var sharedExperts: Int
    public var shared: FeedForward
    /// A hidden x 1 sigmoid gate on the shared experts' output (Qwen2-MoE).
    public var sharedGate: Bool
    public var routerBias: Bool

    public init(experts: Int, topK: Int, expert: FeedForward, sharedExperts: Int, shared: FeedForward,
                sharedGate: Bool, routerBias: Bool) {
        self.experts = experts
        self.topK = topK
        self.expert = expert
        self.sharedExperts = sharedExperts
        self.shared = shared
        self.sharedGate = sharedGate
        self.routerBias = routerBias
    }
}

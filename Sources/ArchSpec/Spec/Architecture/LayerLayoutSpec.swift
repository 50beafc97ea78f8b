/// The token mixer a layer runs.
public enum MixerKind: String, Hashable, Codable, Sendable, CaseIterable {
    /// Softmax attention (standard or MLA, full, sliding or chunked per `attention`).
    case attention
    /// Linear attention with a constant recurrent state (`linear_attention`: gated DeltaNet, lightning).
    case linearAttention = "linear_attention"
    /// A Mamba (selective scan, v1) mixer (`ssm`).
    case mamba
    /// A Mamba-2 (SSD) mixer (`ssm`).
    case mamba2
    /// Attention and a Mamba-2 mixer reading the same input in parallel (Falcon-H1).
    case attentionMamba2 = "attention+mamba2"
    /// A gated short causal convolution (`short_conv`: LFM2's conv layers).
    case shortConv = "short_conv"
    /// No token mixer: the layer is a feed-forward block only (Nemotron-H's MLP layers) or an identity.
    case none
}

/// The channel mixer (feed-forward block) a layer runs.
public enum ChannelKind: String, Hashable, Codable, Sendable, CaseIterable {
    /// The dense MLP of `mlp`.
    case dense
    /// The mixture-of-experts block of `moe`.
    case moe
    /// No feed-forward block (Mamba-2 models, Nemotron-H's mixer layers).
    case none
}

/// A per-layer property: a cyclic pattern and explicit per-layer overrides.
///
/// Layer `i` (0-based) takes `overrides[i]` when present, else `pattern[i % pattern.count]`, else the default.
/// An explicit list of one entry per layer is stored as a pattern (compressed to its shortest period).
public struct LayerAssignment<Kind: Hashable & Codable & Sendable>: Hashable, Codable, Sendable {
    /// Kinds repeated cyclically over the layers; empty: the default everywhere.
    public var pattern: [Kind]
    /// Layers (0-based) whose kind is set explicitly.
    public var overrides: [Int: Kind]

    public init(pattern: [Kind] = [], overrides: [Int: Kind] = [:]) {
        self.pattern = pattern
        self.overrides = overrides
    }

    /// Whether nothing is assigned (every layer takes the default).
    public var isEmpty: Bool { pattern.isEmpty && overrides.isEmpty }

    /// A list of one kind per layer, compressed to its shortest period (so a 10,000-entry alternating list
    /// becomes a pattern of two).
    public static func explicit(_ list: [Kind]) -> LayerAssignment {
        LayerAssignment(pattern: Array(list.prefix(shortestPeriod(list))))
    }

    /// The shortest `p` such that `list[i] == list[i % p]` for every index `i` of the list (from the prefix
    /// function, linear time). `p` need not divide the count: the list is a prefix of its cycle repeated.
    static func shortestPeriod(_ list: [Kind]) -> Int {
        guard list.count > 1 else { return list.count }
        var failure = [Int](repeating: 0, count: list.count)
        var k = 0
        for i in 1..<list.count {
            while k > 0 && list[i] != list[k] { k = failure[k - 1] }
            if list[i] == list[k] { k += 1 }
            failure[i] = k
        }
        return list.count - failure[list.count - 1]
    }
}

/// How the layers differ from one another: token mixers, channel mixers, per-layer sizes and KV sharing.
///
/// Everything empty (the default) means every layer is the same block: attention (spanned per
/// `attention.layer_pattern`) and the dense MLP or, by `moe`'s rules, the MoE block.
public struct LayerLayoutSpec: Hashable, Codable, Sendable {
    /// Token mixer by layer (`layer_pattern` / `layer_types`); default attention.
    public var mixers = LayerAssignment<MixerKind>()
    /// Channel mixer by layer (`mlp.layer_pattern` / `mlp.layer_types`); empty: `moe`'s placement rules.
    public var channels = LayerAssignment<ChannelKind>()
    /// Query heads by layer (`attention.heads` as a list); empty: `attention.heads` everywhere.
    public var heads: [Int] = []
    /// Key/value heads by layer (`attention.kv_heads` as a list).
    public var kvHeads: [Int] = []
    /// Dense MLP width by layer (`mlp.intermediate_size` as a list).
    public var intermediateSizes: [Int] = []
    /// Layer (0-based) -> the earlier layer whose KV cache it reads instead of caching its own
    /// (`attention.kv_sharing`: cross-layer KV sharing, YOCO/CLA-style). Such a layer has no k and v projections.
    public var kvSources: [Int: Int] = [:]

    public init() {}

    public var isUniform: Bool {
        mixers.isEmpty && channels.isEmpty && heads.isEmpty && kvHeads.isEmpty && intermediateSizes.isEmpty
            && kvSources.isEmpty
    }
}

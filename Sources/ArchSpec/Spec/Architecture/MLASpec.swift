/// Multi-head latent attention (DeepSeek-V2/V3): keys and values are cached as one compressed latent plus a
/// shared rotary key, and expanded per head by `kv_b_proj`.
///
/// Projections per layer: `q_a_proj` hidden x q_lora_rank, its norm, `q_b_proj` q_lora_rank x heads x
/// (qk_nope + qk_rope) (or one `q_proj` hidden x heads x (qk_nope + qk_rope) without `qLoraRank`);
/// `kv_a_proj_with_mqa` hidden x (kv_lora_rank + qk_rope), its norm over kv_lora_rank, `kv_b_proj` kv_lora_rank x
/// heads x (qk_nope + v_head_dim); `o_proj` heads x v_head_dim x hidden.
public struct MLASpec: Hashable, Codable, Sendable {
    /// Rank of the query compression, or `nil` when queries are projected directly.
    public var qLoraRank: Int?
    /// Width of the cached key/value latent, elements.
    public var kvLoraRank: Int
    /// Rotary part of each query/key head (shared by all heads for keys), elements.
    public var qkRopeHeadDim: Int
    /// Non-rotary part of each query/key head, elements.
    public var qkNopeHeadDim: Int
    /// Width of each value head, elements.
    public var vHeadDim: Int

    public init(qLoraRank: Int?, kvLoraRank: Int, qkRopeHeadDim: Int, qkNopeHeadDim: Int, vHeadDim: Int) {
        self.qLoraRank = qLoraRank
        self.kvLoraRank = kvLoraRank
        self.qkRopeHeadDim = qkRopeHeadDim
        self.qkNopeHeadDim = qkNopeHeadDim
        self.vHeadDim = vHeadDim
    }

    /// Width of one query/key head: `qk_nope_head_dim + qk_rope_head_dim`.
    public var qkHeadDim: Int { qkNopeHeadDim + qkRopeHeadDim }
}

/// Which attention block the layers use.
public enum AttentionKind: String, Hashable, Codable, Sendable, CaseIterable {
    /// Multi-head, grouped-query or multi-query attention with q, k, v and o projections.
    case standard
    /// Multi-head latent attention (DeepSeek-V2/V3).
    case mla
}

/// Normalisation applied to queries and keys inside attention.
public enum QKNormKind: String, Hashable, Codable, Sendable, CaseIterable {
    case none
    /// One weight vector of head_dim for queries and one for keys, shared by all heads (Qwen3, Gemma 3).
    case head
    /// One weight vector over the whole q projection (heads x head_dim) and one over k (kv_heads x head_dim) (OLMo 2).
    case full
}

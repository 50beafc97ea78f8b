/// How far a layer's attention reaches.
public enum AttentionSpan: Hashable, Codable, Sendable {
    /// Every earlier token.
    case full
    /// The last `window` tokens, the query itself included.
    case sliding(window: Int)
    /// The earlier tokens of the query's own chunk of `size` tokens (Llama 4).
    case chunked(size: Int)

    /// Tokens one sequence keeps cached in this layer at `context` tokens; `beforeStep` holds one token less
    /// in capped layers (transformers' convention: the next token's key is not yet there).
    func cachedTokens(_ context: Int128, beforeStep: Bool = false) -> Int128 {
        let less: Int128 = beforeStep ? 1 : 0
        return switch self {
        case .full: context
        case .sliding(let window): min(context, max(0, Int128(window) - less))
        case .chunked(let size): min(context, max(0, Int128(size) - less))
        }
    }
}

/// The geometry of an attention layer's projections.
public enum AttentionForm: Hashable, Codable, Sendable {
    /// q, k, v, o projections: `kvHeads` key/value heads of `headDim` (values of `valueHeadDim`).
    case standard(kvHeads: Int, headDim: Int, valueHeadDim: Int)
    /// Multi-head latent attention: a cached latent and rotary key, expanded per head.
    case latent(MLASpec)
}

/// A softmax attention layer.
public struct AttentionMixer: Hashable, Codable, Sendable {
    public var heads: Int
    public var form: AttentionForm
    public var span: AttentionSpan
    public var qkvBias: Bool
    public var outBias: Bool
    public var qkNorm: QKNormKind
    /// A learned sink logit per head (gpt-oss).
    public var sinks: Bool
    /// A sigmoid output gate projected with the queries (q_proj twice as wide).
    public var outputGate: Bool
    /// DeepSeek sparse attention's indexer.
    public var indexer: IndexerSpec?
    /// Whether this layer reads an earlier layer's KV cache (cross-layer sharing, `attention.kv_sharing` names
    /// which): no k/v projections, no cache of its own.
    public var readsSharedKV: Bool

    public init(heads: Int, form: AttentionForm, span: AttentionSpan, qkvBias: Bool = false, outBias: Bool = false,
                qkNorm: QKNormKind = .none, sinks: Bool = false, outputGate: Bool = false,
                indexer: IndexerSpec? = nil, readsSharedKV: Bool = false) {
        self.heads = heads
        self.form = form
        self.span = span
        self.qkvBias = qkvBias
        self.outBias = outBias
        self.qkNorm = qkNorm
        self.sinks = sinks
        self.outputGate = outputGate
        self.indexer = indexer
        self.readsSharedKV = readsSharedKV
    }

    /// Width of one query/key head, elements.
    public var headDim: Int {
        switch form {
        case .standard(_, let headDim, _): headDim
        case .latent(let mla): mla.qkHeadDim
        }
    }

    /// Width of one value head, elements.
    public var valueHeadDim: Int {
        switch form {
        case .standard(_, _, let value): value
        case .latent(let mla): mla.vHeadDim
        }
    }

    /// Key/value heads (MLA: every head expands the latent).
    public var kvHeads: Int {
        switch form {
        case .standard(let kvHeads, _, _): kvHeads
        case .latent: heads
        }
    }

    /// `full`, `sliding`, `chunked`, or `mla` for latent attention over the full context.
    public var label: String {
        let span = switch span {
        case .full: "full"
        case .sliding: "sliding"
        case .chunked: "chunked"
        }
        if case .latent = form { return span == "full" ? "mla" : "mla \(span)" }
        return span
    }
}

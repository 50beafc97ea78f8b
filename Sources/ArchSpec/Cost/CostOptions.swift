/// How prefill attention FLOPs are counted.
public enum AttentionFlopsConvention: String, Hashable, Codable, Sendable, CaseIterable {
    /// Causal: position i attends to i + 1 keys (what a causal kernel computes). Default.
    case causal
    /// The whole S x S score matrix, as a plain framework forward or a training step counts it.
    case full
}

/// Which prefill positions compute logits through the lm_head.
public enum LogitsConvention: String, Hashable, Codable, Sendable, CaseIterable {
    /// Only the last position of each sequence (what generation needs). Default.
    case last
    /// Every position (a training step, or a plain framework forward).
    case all
}

/// Which form of MLA decode attention the FLOP count follows.
public enum MLADecodeForm: String, Hashable, Codable, Sendable, CaseIterable {
    /// kv_b_proj absorbed into the query and output sides: scores and sums run against the cached latent
    /// (what efficient serving engines run). Default.
    case absorbed
    /// Every cached latent is re-expanded through kv_b_proj into per-head keys and values each step.
    case naive
}

/// How many tokens a sliding-window (or chunked) layer's cache holds once the context passes the window.
public enum WindowCacheConvention: String, Hashable, Codable, Sendable, CaseIterable {
    /// `window` tokens: the keys the next query attends to, its own included, resident while it runs
    /// (serving engines allocate this). Default.
    case window
    /// `window - 1` tokens: what transformers' DynamicSlidingWindowLayer keeps between steps (the next token's
    /// key is appended when it runs).
    case windowMinusOne = "window-minus-one"
}

/// The workload and conventions an estimate is computed for.
public struct CostOptions: Hashable, Codable, Sendable {
    /// Tokens per sequence: prompt length for prefill, tokens already cached for decode. `nil`: the spec's context.
    public var context: Int?
    /// Sequences processed together.
    public var batch: Int
    /// Weight dtype override. `nil`: the spec's dtype.
    public var weightsDType: DType?
    /// KV-cache dtype. `nil`: the weights' dtype.
    public var kvDType: DType?
    public var attentionFlops: AttentionFlopsConvention
    public var logits: LogitsConvention
    /// The MLA decode form (no effect on standard attention).
    public var mlaDecode: MLADecodeForm = .absorbed
    /// Tokens a windowed or chunked layer's cache holds past its window.
    public var windowCache: WindowCacheConvention = .window

    public init(
        context: Int? = nil, batch: Int = 1, weightsDType: DType? = nil, kvDType: DType? = nil,
        attentionFlops: AttentionFlopsConvention = .causal, logits: LogitsConvention = .last,
        mlaDecode: MLADecodeForm = .absorbed
    ) {
        self.mlaDecode = mlaDecode
        self.context = context
        self.batch = batch
        self.weightsDType = weightsDType
        self.kvDType = kvDType
        self.attentionFlops = attentionFlops
        self.logits = logits
    }
}

extension CostOptions {
    /// The same options with another window-cache convention.
    public func with(windowCache: WindowCacheConvention) -> CostOptions {
        var options = self
        options.windowCache = windowCache
        return options
    }
}

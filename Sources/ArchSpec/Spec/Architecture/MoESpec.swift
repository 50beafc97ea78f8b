/// A mixture-of-experts feed-forward block: a router picks `topK` of `experts` per token; shared experts always run.
///
/// Layer `i` (0-based) uses the MoE block when `i >= denseLayers`, `(i + 1) % layerInterval == 0` and `i` is not in
/// `denseLayerIndices`; every other layer uses the dense MLP of `MLPSpec` (transformers' `first_k_dense_replace`,
/// `decoder_sparse_step` and `mlp_only_layers` rules).
public struct MoESpec: Hashable, Codable, Sendable {
    /// Routed experts per MoE layer.
    public var experts: Int
    /// Routed experts each token runs through.
    public var topK: Int
    /// Always-on experts per MoE layer (DeepSeek `n_shared_experts`; Qwen2-MoE's one shared expert).
    public var sharedExperts: Int
    /// Hidden width of one routed expert, elements.
    public var expertIntermediateSize: Int
    /// Hidden width of one shared expert, elements.
    public var sharedExpertIntermediateSize: Int
    /// The first this many layers use the dense MLP (DeepSeek `first_k_dense_replace`).
    public var denseLayers: Int
    /// Every `layerInterval`-th layer is an MoE layer (Qwen `decoder_sparse_step`): layer `i` when `(i + 1) % n == 0`.
    public var layerInterval: Int
    /// Further layers (0-based) that use the dense MLP (Qwen `mlp_only_layers`).
    public var denseLayerIndices: [Int]
    /// Whether the router projection has a bias (one value per expert).
    public var routerBias: Bool
    /// Whether a sigmoid gate (hidden x 1 projection) scales the shared experts' output (Qwen2-MoE).
    public var sharedExpertGate: Bool
    /// Expert groups for grouped routing (DeepSeek `n_group`; informational, no cost effect).
    public var groups: Int?
    /// Groups each token may route into (DeepSeek `topk_group`; informational).
    public var topKGroups: Int?

    public init(
        experts: Int, topK: Int, sharedExperts: Int = 0, expertIntermediateSize: Int,
        sharedExpertIntermediateSize: Int? = nil, denseLayers: Int = 0, layerInterval: Int = 1,
        denseLayerIndices: [Int] = [], routerBias: Bool = false, sharedExpertGate: Bool = false,
        groups: Int? = nil, topKGroups: Int? = nil
    ) {
        self.experts = experts
        self.topK = topK
        self.sharedExperts = sharedExperts
        self.expertIntermediateSize = expertIntermediateSize
        self.sharedExpertIntermediateSize = sharedExpertIntermediateSize ?? expertIntermediateSize
        self.denseLayers = denseLayers
        self.layerInterval = layerInterval
        self.denseLayerIndices = denseLayerIndices
        self.routerBias = routerBias
        self.sharedExpertGate = sharedExpertGate
        self.groups = groups
        self.topKGroups = topKGroups
    }

    /// Whether layer `index` (0-based) follows the interval and dense-prefix rules, before `denseLayerIndices`.
    func isMoEByRule(_ index: Int) -> Bool {
        index >= denseLayers && (index + 1) % layerInterval == 0
    }

    /// Whether layer `index` (0-based) uses the MoE block.
    public func isMoELayer(_ index: Int) -> Bool {
        isMoEByRule(index) && !denseLayerIndices.contains(index)
    }

    /// MoE layers among `layers`, counted without walking the layers (a spec may declare any number).
    public func moeLayerCount(layers: Int) -> Int {
        guard layers > denseLayers, layerInterval >= 1 else { return 0 }
        let byRule = layers / layerInterval - denseLayers / layerInterval
        let excluded = Set(denseLayerIndices).filter { $0 < layers && isMoEByRule($0) }.count
        return max(0, byRule - excluded)
    }
}

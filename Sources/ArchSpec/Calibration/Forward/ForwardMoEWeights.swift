/// One mixture-of-experts layer's fp32 weights: the router, the routed experts and the shared experts.
///
/// Every expert is a feed-forward block of the spec's MLP kind (gated or plain, with its biases), as the cost
/// model counts them (`LayerWeights.mlp(spec, width:)`).
final class ForwardMoEWeights: @unchecked Sendable {
    /// Router projection, experts x hidden, and its optional bias (one value per expert).
    let router: FloatBuffer, routerBias: FloatBuffer?
    /// `experts` routed experts of `expertIntermediateSize` hidden units.
    let experts: [ForwardMLPWeights]
    /// `sharedExperts` always-on experts of `sharedExpertIntermediateSize` hidden units.
    let shared: [ForwardMLPWeights]
    /// The shared-expert gate, 1 x hidden (a sigmoid of it scales the shared experts' output), when present.
    let sharedGate: FloatBuffer?

    /// - Parameter seed: The layer's seed; expert `e` draws from its own range so no two experts are equal.
    init(_ spec: ArchitectureSpec, moe: MoESpec, seed: UInt64) {
        let h = spec.hiddenSize
        router = ForwardMLPWeights.matrix(moe.experts, h, seed: seed &+ 7)
        routerBias = ForwardMLPWeights.bias(moe.routerBias, moe.experts, seed: seed &+ 8)
        sharedGate = moe.sharedExpertGate ? ForwardMLPWeights.matrix(1, h, seed: seed &+ 9) : nil
        experts = (0..<moe.experts).map {
            ForwardMLPWeights(spec, width: moe.expertIntermediateSize, seed: seed &+ (UInt64($0) + 1) &<< 32)
        }
        shared = (0..<moe.sharedExperts).map {
            ForwardMLPWeights(spec, width: moe.sharedExpertIntermediateSize, seed: seed &+ (UInt64($0) + 1) &<< 48)
        }
    }

    /// fp32 elements of one MoE layer's weights (all experts, biases included), for the memory-fit check.
    static func elements(_ spec: ArchitectureSpec, moe: MoESpec) -> Int128 {
        let h = Int128(spec.hiddenSize), e = Int128(moe.experts)
        let router = e * h + (moe.routerBias ? e : 0) + (moe.sharedExpertGate ? h : 0)
        return router + e * mlpElements(spec, width: moe.expertIntermediateSize)
            + Int128(moe.sharedExperts) * mlpElements(spec, width: moe.sharedExpertIntermediateSize)
    }

    /// fp32 elements of one feed-forward block of `width` hidden units, biases included.
    static func mlpElements(_ spec: ArchitectureSpec, width: Int) -> Int128 {
        let h = Int128(spec.hiddenSize), w = Int128(width)
        let upRows = spec.mlp.kind == .gated ? 2 * w : w
        return upRows * h + h * w + (spec.mlp.bias ? upRows + h : 0)
    }
}

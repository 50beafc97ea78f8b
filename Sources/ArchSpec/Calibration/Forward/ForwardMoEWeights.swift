/// One mixture-of-experts layer's fp32 weights: the router, the routed experts and the shared experts, as the
/// layer plan's `ExpertsBlock` describes them.
final class ForwardMoEWeights: @unchecked Sendable {
    let block: ExpertsBlock
    /// Router projection, experts x hidden, and its optional bias (one value per expert).
    let router: FloatBuffer, routerBias: FloatBuffer?
    /// The routed experts.
    let experts: [ForwardMLPWeights]
    /// The always-on shared experts.
    let shared: [ForwardMLPWeights]
    /// The shared-expert gate, 1 x hidden (a sigmoid of it scales the shared experts' output), when present.
    let sharedGate: FloatBuffer?

    /// - Parameter seed: The layer's seed; expert `e` draws from its own range so no two experts are equal.
    init(_ block: ExpertsBlock, hidden h: Int, seed: UInt64) {
        self.block = block
        router = ForwardMLPWeights.matrix(block.experts, h, seed: seed &+ 7)
        routerBias = ForwardMLPWeights.bias(block.routerBias, block.experts, seed: seed &+ 8)
        sharedGate = block.sharedGate && block.sharedExperts > 0 ? ForwardMLPWeights.matrix(1, h, seed: seed &+ 9) : nil
        experts = (0..<block.experts).map {
            ForwardMLPWeights(block.expert, hidden: h, seed: seed &+ (UInt64($0) + 1) &<< 32)
        }
        shared = (0..<block.sharedExperts).map {
            ForwardMLPWeights(block.shared, hidden: h, seed: seed &+ (UInt64($0) + 1) &<< 48)
        }
    }
}

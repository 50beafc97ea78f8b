/// One transformer block's fp32 weights, stored out-features major (N x K), as the kernels expect.
final class ForwardLayerWeights: @unchecked Sendable {
    let norm1: FloatBuffer, norm1Bias: FloatBuffer?
    /// Fused [q; k; v] projection, ((heads + 2·kvHeads)·headDim) x hidden.
    let qkv: FloatBuffer, qkvBias: FloatBuffer?
    let out: FloatBuffer, outBias: FloatBuffer?
    let norm2: FloatBuffer, norm2Bias: FloatBuffer?
    /// The dense MLP (nil in an MoE layer).
    let dense: ForwardMLPWeights?
    /// The router and experts (nil in a dense layer).
    let moe: ForwardMoEWeights?

    /// - Parameter index: The layer's 0-based index, which decides dense or MoE by the spec's `moe` rules.
    init(_ spec: ArchitectureSpec, index: Int, seed: UInt64) {
        let h = spec.hiddenSize, a = spec.attention
        let qkvRows = (a.heads + 2 * a.kvHeads) * a.headDim
        let layerNormBias = spec.norm.kind == .layernorm && spec.norm.bias
        norm1 = FloatBuffer(repeating: 1, count: h)
        norm1Bias = ForwardMLPWeights.bias(layerNormBias, h, seed: seed &+ 1)
        qkv = ForwardMLPWeights.matrix(qkvRows, h, seed: seed &+ 2)
        qkvBias = ForwardMLPWeights.bias(a.qkvBias, qkvRows, seed: seed &+ 3)
        out = ForwardMLPWeights.matrix(h, a.heads * a.headDim, seed: seed &+ 4)
        outBias = ForwardMLPWeights.bias(a.outBias, h, seed: seed &+ 5)
        norm2 = FloatBuffer(repeating: 1, count: h)
        norm2Bias = ForwardMLPWeights.bias(layerNormBias, h, seed: seed &+ 6)
        if let moe = spec.moe, moe.isMoELayer(index) {
            dense = nil
            self.moe = ForwardMoEWeights(spec, moe: moe, seed: seed)
        } else {
            dense = ForwardMLPWeights(spec, width: spec.mlp.intermediateSize, seed: seed &+ 7)
            moe = nil
        }
    }
}

/// One feed-forward block (the dense MLP, a routed expert or a shared expert) of `width` hidden units.
final class ForwardMLPWeights: @unchecked Sendable {
    /// Fused [gate; up] (gated MLP) or up projection, (2·)width x hidden.
    let up: FloatBuffer, upBias: FloatBuffer?
    let down: FloatBuffer, downBias: FloatBuffer?

    /// Draws its four buffers from seeds `seed`, `seed + 1`, `seed + 2`, `seed + 3`.
    init(_ spec: ArchitectureSpec, width: Int, seed: UInt64) {
        let h = spec.hiddenSize, upRows = spec.mlp.kind == .gated ? 2 * width : width
        up = Self.matrix(upRows, h, seed: seed)
        upBias = Self.bias(spec.mlp.bias, upRows, seed: seed &+ 1)
        down = Self.matrix(h, width, seed: seed &+ 2)
        downBias = Self.bias(spec.mlp.bias, h, seed: seed &+ 3)
    }

    /// An n x k matrix, uniform in ±1/√k (activations keep their scale through it).
    static func matrix(_ n: Int, _ k: Int, seed: UInt64) -> FloatBuffer {
        FloatBuffer(random: n * k, scale: 1 / Float(k).squareRoot(), seed: seed)
    }

    static func bias(_ present: Bool, _ n: Int, seed: UInt64) -> FloatBuffer? {
        present ? FloatBuffer(random: n, scale: 0.02, seed: seed) : nil
    }
}

/// All weights of a spec with random values, plus its KV cache.
final class ForwardWeights: @unchecked Sendable {
    let embedding: FloatBuffer
    /// Learned position table, context x hidden, when the spec has one.
    let positions: FloatBuffer?
    let layers: [ForwardLayerWeights]
    let finalNorm: FloatBuffer, finalNormBias: FloatBuffer?
    /// nil when tied to `embedding`.
    let lmHead: FloatBuffer?
    /// Per layer, [kvHeads][capacity][headDim].
    let keys: [FloatBuffer], values: [FloatBuffer]
    let capacity: Int

    init(_ spec: ArchitectureSpec, capacity: Int, seed: UInt64 = 42) {
        let h = spec.hiddenSize
        embedding = FloatBuffer(random: spec.vocabSize * h, scale: 1, seed: seed)
        positions = spec.position.kind == .learned ? FloatBuffer(random: capacity * h, scale: 0.1, seed: seed &+ 1) : nil
        layers = (0..<spec.layers).map { ForwardLayerWeights(spec, index: $0, seed: seed &+ 100 &* UInt64($0 + 1)) }
        finalNorm = FloatBuffer(repeating: 1, count: h)
        finalNormBias = spec.norm.kind == .layernorm && spec.norm.bias ? FloatBuffer(h) : nil
        lmHead = spec.tieEmbeddings ? nil : FloatBuffer(random: spec.vocabSize * h, scale: 1 / Float(h).squareRoot(),
                                                        seed: seed &+ 2)
        let cache = spec.attention.kvHeads * capacity * spec.attention.headDim
        keys = (0..<spec.layers).map { _ in FloatBuffer(cache) }
        values = (0..<spec.layers).map { _ in FloatBuffer(cache) }
        self.capacity = capacity
    }

    /// Bytes the weights, cache and activations will take, for the refuse-if-it-will-not-fit check (every
    /// routed expert counts: all of them are allocated).
    static func bytesNeeded(_ spec: ArchitectureSpec, capacity: Int, prefill: Int) -> Int128 {
        let h = Int128(spec.hiddenSize), a = spec.attention
        let qkvRows = Int128((a.heads + 2 * a.kvHeads) * a.headDim)
        let attention = qkvRows * h + h * Int128(a.heads * a.headDim) + 8 * h + qkvRows
        let moeLayers = Int128(spec.moe?.moeLayerCount(layers: spec.layers) ?? 0)
        let dense = (Int128(spec.layers) - moeLayers) * ForwardMoEWeights.mlpElements(spec, width: spec.mlp.intermediateSize)
        let experts = spec.moe.map { moeLayers * ForwardMoEWeights.elements(spec, moe: $0) } ?? 0
        let embeddings = Int128(spec.vocabSize) * h * (spec.tieEmbeddings ? 1 : 2)
        let cache = 2 * Int128(spec.layers) * Int128(a.kvHeads * a.headDim) * Int128(capacity)
        let rows = Int128(prefill)
        let moeRows = spec.moe.map { Int128($0.experts) + h + 1 } ?? 0  // router logits, gathered rows, gate
        let widths = [spec.mlp.intermediateSize] + (spec.moe.map { [$0.expertIntermediateSize, $0.sharedExpertIntermediateSize] } ?? [])
        let upRows = Int128(spec.mlp.kind == .gated ? 2 : 1) * Int128(widths.max() ?? 0)  // as ForwardPass.mlpWidth
        let activations = rows * (4 * h + qkvRows + upRows + Int128(a.heads * a.headDim) + moeRows)
            + 128 * Int128(capacity) + Int128(spec.vocabSize)
        return 4 * (Int128(spec.layers) * attention + dense + experts + embeddings + cache + activations)
    }
}

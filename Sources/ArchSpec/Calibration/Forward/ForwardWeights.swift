/// One transformer block's fp32 weights, stored out-features major (N x K), as the kernels expect.
final class ForwardLayerWeights: @unchecked Sendable {
    let norm1: FloatBuffer, norm1Bias: FloatBuffer?
    /// Fused [q; k; v] projection, ((heads + 2·kvHeads)·headDim) x hidden.
    let qkv: FloatBuffer, qkvBias: FloatBuffer?
    let out: FloatBuffer, outBias: FloatBuffer?
    let norm2: FloatBuffer, norm2Bias: FloatBuffer?
    /// Fused [gate; up] (gated MLP) or up projection, rows x hidden.
    let up: FloatBuffer, upBias: FloatBuffer?
    let down: FloatBuffer, downBias: FloatBuffer?

    init(_ spec: ArchitectureSpec, seed: UInt64) {
        let h = spec.hiddenSize, a = spec.attention, inter = spec.mlp.intermediateSize
        let qkvRows = (a.heads + 2 * a.kvHeads) * a.headDim
        let upRows = spec.mlp.kind == .gated ? 2 * inter : inter
        let layerNormBias = spec.norm.kind == .layernorm && spec.norm.bias
        func weights(_ n: Int, _ k: Int, _ s: UInt64) -> FloatBuffer {
            FloatBuffer(random: n * k, scale: 1 / Float(k).squareRoot(), seed: seed &+ s)
        }
        func bias(_ present: Bool, _ n: Int, _ s: UInt64) -> FloatBuffer? {
            present ? FloatBuffer(random: n, scale: 0.02, seed: seed &+ s) : nil
        }
        norm1 = FloatBuffer(repeating: 1, count: h)
        norm1Bias = bias(layerNormBias, h, 1)
        qkv = weights(qkvRows, h, 2)
        qkvBias = bias(a.qkvBias, qkvRows, 3)
        out = weights(h, a.heads * a.headDim, 4)
        outBias = bias(a.outBias, h, 5)
        norm2 = FloatBuffer(repeating: 1, count: h)
        norm2Bias = bias(layerNormBias, h, 6)
        up = weights(upRows, h, 7)
        upBias = bias(spec.mlp.bias, upRows, 8)
        down = weights(h, inter, 9)
        downBias = bias(spec.mlp.bias, h, 10)
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
        layers = (0..<spec.layers).map { ForwardLayerWeights(spec, seed: seed &+ 100 &* UInt64($0 + 1)) }
        finalNorm = FloatBuffer(repeating: 1, count: h)
        finalNormBias = spec.norm.kind == .layernorm && spec.norm.bias ? FloatBuffer(h) : nil
        lmHead = spec.tieEmbeddings ? nil : FloatBuffer(random: spec.vocabSize * h, scale: 1 / Float(h).squareRoot(),
                                                        seed: seed &+ 2)
        let cache = spec.attention.kvHeads * capacity * spec.attention.headDim
        keys = (0..<spec.layers).map { _ in FloatBuffer(cache) }
        values = (0..<spec.layers).map { _ in FloatBuffer(cache) }
        self.capacity = capacity
    }

    /// Bytes the weights, cache and activations will take, for the refuse-if-it-will-not-fit check.
    static func bytesNeeded(_ spec: ArchitectureSpec, capacity: Int, prefill: Int) -> Int128 {
        let h = Int128(spec.hiddenSize), a = spec.attention, inter = Int128(spec.mlp.intermediateSize)
        let qkvRows = Int128((a.heads + 2 * a.kvHeads) * a.headDim)
        let upRows = spec.mlp.kind == .gated ? 2 * inter : inter
        let perLayer = qkvRows * h + h * Int128(a.heads * a.headDim) + upRows * h + h * inter + 8 * h + qkvRows + upRows
        let embeddings = Int128(spec.vocabSize) * h * (spec.tieEmbeddings ? 1 : 2)
        let cache = 2 * Int128(spec.layers) * Int128(a.kvHeads * a.headDim) * Int128(capacity)
        let rows = Int128(prefill)
        let activations = rows * (4 * h + qkvRows + upRows + Int128(a.heads * a.headDim)) + 128 * Int128(capacity)
            + Int128(spec.vocabSize)
        return 4 * (Int128(spec.layers) * perLayer + embeddings + cache + activations)
    }
}

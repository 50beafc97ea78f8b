#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A real fp32 forward pass of a spec through the calibration kernels, layer by layer as the spec's layer plan
/// describes: embeddings, norms, rotary, learned or ALiBi positions, softmax attention (MHA/GQA/MQA with full,
/// sliding or chunked spans, sinks, q/k norms, output gates; or MLA with a latent cache), linear attention
/// (gated DeltaNet, lightning), Mamba, Mamba-2 and short convolutions (a recurrent step per token), parallel
/// blocks, dense MLPs or mixture-of-experts blocks, and the lm_head (logits of the last position).
///
/// Linear layers with one row use the GEMV kernel, more rows the packed GEMM: the same kernels `calibrate`
/// measures. Attention with a full causal span runs the backend's attention kernels; other attention forms run
/// `attendRow`, a plain loop. Recurrent mixers run the same per-token step in prefill and decode.
public final class ForwardPass: @unchecked Sendable {
    public let spec: ArchitectureSpec
    let backend: KernelBackend
    let weights: ForwardWeights
    let maxRows: Int
    /// Residual stream, normed rows, and a mixer/MLP output, each maxRows x hidden.
    let x: FloatBuffer, normed: FloatBuffer, projected: FloatBuffer, logits: FloatBuffer
    /// Working buffers by role, grown on first use.
    var scratch = ForwardScratch()
    /// Rope tables by rotated width: cos and sin, rows x width/2.
    var ropeTables: [Int: (cos: FloatBuffer, sin: FloatBuffer)] = [:]
    /// How MLA layers decode: through the absorbed latent (default) or by expanding every cached latent.
    public var latentDecode: LatentDecode = .absorbed
    /// Tokens already in the KV cache (of each sequence, in a batched decode step).
    public internal(set) var position = 0
    /// Cache slots between the sequences of a batched decode step (`decodeBatch`); 0 for one sequence.
    var sequenceStride = 0
    /// Wall time per operator group of the last `forward` call, seconds (same keys as `PhasePrediction`).
    public private(set) var lastBreakdown: [String: Double] = [:]
    /// Rows routed to each expert of each MoE layer in the last `forward` call, layer by layer (empty for a
    /// dense spec).
    public internal(set) var lastExpertRows: [Int] = []
    let clock = ContinuousClock()

    /// MLA decode: the absorbed form scores queries against the cached latent; the naive form expands keys and
    /// values of every cached token through kv_b_proj each step.
    public enum LatentDecode: String, Sendable, CaseIterable { case absorbed, naive }

    /// - Parameters:
    ///   - capacity: KV-cache slots (prefill plus decode tokens).
    ///   - maxRows: The largest number of tokens one call processes (the prefill length).
    ///   - only: Layers to run instead of the plan's (`LayerKindProbe`'s one-layer pass); nil runs the plan.
    public init(spec: ArchitectureSpec, backend: KernelBackend, capacity: Int, maxRows: Int, seed: UInt64 = 42,
                only: [Layer]? = nil) {
        self.spec = spec
        self.backend = backend
        self.maxRows = max(1, maxRows)
        weights = ForwardWeights(spec, capacity: capacity, seed: seed, only: only)
        let h = spec.hiddenSize, rows = self.maxRows
        x = FloatBuffer(rows * h)
        normed = FloatBuffer(rows * h)
        projected = FloatBuffer(rows * h)
        logits = FloatBuffer(spec.vocabSize)
    }

    /// Empties the KV caches and recurrent states (cache contents are overwritten by the next prefill).
    public func reset() {
        position = 0
        for layer in weights.layers { layer.recurrent?.clearState() }
    }

    /// Runs `tokens` (at positions position..<position+count) through the model and returns the logits of the
    /// last one (of every sequence, one after the other, in a batched decode step). Prefill (count > 1) must
    /// start at position 0.
    public func forward(_ tokens: [Int]) throws -> [Float] {
        let m = tokens.count, h = spec.hiddenSize
        let batched = sequenceStride > 0
        let fits = batched ? position < sequenceStride && m * sequenceStride <= weights.capacity : position + m <= weights.capacity
        guard m >= 1, m <= maxRows, fits, position == 0 || m == 1 || batched else {
            throw CalibrationError.invalid("forward: \(m) tokens at position \(position) do not fit the pass")
        }
        for (r, token) in tokens.enumerated() {
            let t = min(max(0, token), spec.vocabSize - 1)
            (x.pointer + r * h).update(from: weights.embedding.pointer + t * h, count: h)
            if let table = weights.positions { backend.add(table.pointer + rowPosition(r) * h, into: x.pointer + r * h, count: h) }
        }
        lastBreakdown = [:]
        lastExpertRows = []
        timed("elementwise") { fillRopeTables(rows: m) }
        for (index, layer) in weights.layers.enumerated() { block(layer, index: index, rows: m) }
        // Logits of the last position, or of every sequence in a batched step.
        let outRows = batched ? m : 1
        let out = batched ? scratch.buffer(.batchLogits, m * spec.vocabSize) : logits.pointer
        timed("elementwise") {
            norm(x.pointer + (m - outRows) * h, weight: weights.finalNorm, bias: weights.finalNormBias, rows: outRows)
        }
        timed("lm_head") {
            linear(normed.pointer, rows: outRows, weights: weights.lmHead ?? weights.embedding, bias: weights.lmHeadBias,
                   n: spec.vocabSize, k: h, out: out, ldOut: spec.vocabSize)
        }
        position += batched ? 1 : m
        return Array(UnsafeBufferPointer(start: out, count: outRows * spec.vocabSize))
    }

    /// Runs `body` and adds its wall time to `lastBreakdown[name]`.
    @inline(__always)
    func timed(_ name: String, _ body: () -> Void) {
        let start = clock.now
        body()
        lastBreakdown[name, default: 0] += seconds(clock.now - start)
    }

    /// Cos/sin tables for every rotated width the layers use, for rows position..<position+rows.
    func fillRopeTables(rows: Int) {
        guard spec.position.kind == .rope else { return }
        let theta = spec.position.ropeTheta ?? 10_000
        for width in weights.ropeWidths where width >= 2 {
            let half = width / 2
            if (ropeTables[width]?.cos.count ?? 0) < maxRows * half {
                ropeTables[width] = (FloatBuffer(maxRows * half), FloatBuffer(maxRows * half))
            }
            guard let table = ropeTables[width] else { continue }
            for i in 0..<half {
                let frequency = pow(theta, -2 * Double(i) / Double(width))
                for r in 0..<rows {
                    let angle = Double(rowPosition(r)) * frequency
                    table.cos.pointer[r * half + i] = Float(cos(angle))
                    table.sin.pointer[r * half + i] = Float(sin(angle))
                }
            }
        }
    }

    /// Rotates `heads` heads of `width` (at `headStride` apart, rows `rowStride` apart) by the current rows' angles.
    func rotate(_ p: UnsafeMutablePointer<Float>, rows: Int, heads: Int, width: Int, headStride: Int, rowStride: Int) {
        guard spec.position.kind == .rope, width >= 2, let table = ropeTables[width] else { return }
        if headStride == width {
            backend.rope(p, rows: rows, heads: heads, headDim: width, rowStride: rowStride, cos: table.cos.pointer,
                         sin: table.sin.pointer)
        } else {
            for head in 0..<heads {
                backend.rope(p + head * headStride, rows: rows, heads: 1, headDim: width, rowStride: rowStride,
                             cos: table.cos.pointer, sin: table.sin.pointer)
            }
        }
    }

    /// normed[0..<rows] = norm(source rows).
    func norm(_ source: UnsafePointer<Float>, weight: FloatBuffer, bias: FloatBuffer?, rows: Int) {
        let eps: Float = 1e-5
        switch spec.norm.kind {
        case .rmsnorm:
            backend.rmsNorm(source, weight: weight.pointer, out: normed.pointer, rows: rows, dim: spec.hiddenSize, eps: eps)
        case .layernorm:
            backend.layerNorm(source, weight: weight.pointer, bias: bias.map { UnsafePointer($0.pointer) },
                              out: normed.pointer, rows: rows, dim: spec.hiddenSize, eps: eps)
        }
    }

    /// out[rows, n] (row stride ldOut, which equals n wherever a bias is added) = input[rows, k] · Wᵀ + bias: GEMV for one row, GEMM on the weight packed once otherwise.
    func linear(_ input: UnsafePointer<Float>, rows: Int, lda: Int? = nil, weights w: FloatBuffer, bias: FloatBuffer?,
                n: Int, k: Int, out: UnsafeMutablePointer<Float>, ldOut: Int) {
        if rows == 1 {
            backend.gemvF32(n: n, k: k, w: w.pointer, x: input, y: out)
        } else {
            backend.sgemm(m: rows, a: input, lda: lda ?? k, packed: w.packed(n: n, k: k, by: backend), c: out, ldc: ldOut)
        }
        if let bias { backend.addBias(bias.pointer, to: out, rows: rows, dim: n) }
    }
}

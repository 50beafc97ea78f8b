#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A real fp32 forward pass of a spec through the calibration kernels: embeddings, norms, rotary or learned
/// positions, GQA/MQA attention with a KV cache, gated or plain MLP or mixture-of-experts layers (router,
/// softmax, top-k, experts run over the tokens routed to them, shared experts), lm_head (logits of the last
/// position).
///
/// Linear layers with one row use the GEMV kernel, more rows the packed GEMM: the same kernels `calibrate`
/// measures.
public final class ForwardPass: @unchecked Sendable {
    public let spec: ArchitectureSpec
    let backend: KernelBackend
    let weights: ForwardWeights
    let maxRows: Int
    // Activations, sized for `maxRows` rows.
    let x: FloatBuffer, normed: FloatBuffer, qkv: FloatBuffer, q: FloatBuffer, attention: FloatBuffer, projected: FloatBuffer
    let mlp: FloatBuffer, scores: FloatBuffer, logits: FloatBuffer, ropeCos: FloatBuffer, ropeSin: FloatBuffer
    /// MoE layers only: router logits [rows, experts], one expert's gathered input rows, shared-gate values.
    let routerLogits: FloatBuffer, gathered: FloatBuffer, gateValues: FloatBuffer
    /// Tokens already in the KV cache.
    public private(set) var position = 0
    /// Wall time per operator group of the last `forward` call, seconds (same keys as `PhasePrediction`).
    public private(set) var lastBreakdown: [String: Double] = [:]
    /// Rows routed to each expert of each MoE layer in the last `forward` call, layer by layer (empty for a
    /// dense spec).
    public internal(set) var lastExpertRows: [Int] = []
    let clock = ContinuousClock()

    /// - Parameters:
    ///   - capacity: KV-cache slots (prefill plus decode tokens).
    ///   - maxRows: The largest number of tokens one call processes (the prefill length).
    public init(spec: ArchitectureSpec, backend: KernelBackend, capacity: Int, maxRows: Int, seed: UInt64 = 42) {
        self.spec = spec
        self.backend = backend
        self.maxRows = max(1, maxRows)
        weights = ForwardWeights(spec, capacity: capacity, seed: seed)
        let a = spec.attention, h = spec.hiddenSize, rows = self.maxRows
        x = FloatBuffer(rows * h)
        normed = FloatBuffer(rows * h)
        qkv = FloatBuffer(rows * (a.heads + 2 * a.kvHeads) * a.headDim)
        attention = FloatBuffer(rows * a.heads * a.headDim)
        q = FloatBuffer(rows * a.heads * a.headDim)
        projected = FloatBuffer(rows * h)
        mlp = FloatBuffer(rows * Self.mlpWidth(spec))
        routerLogits = FloatBuffer(spec.moe.map { rows * $0.experts } ?? 1)
        gathered = FloatBuffer(spec.moe == nil ? 1 : rows * h)
        gateValues = FloatBuffer(spec.moe == nil ? 1 : rows)
        scores = FloatBuffer(max(128, a.heads) * capacity)
        logits = FloatBuffer(spec.vocabSize)
        ropeCos = FloatBuffer(rows * a.headDim / 2)
        ropeSin = FloatBuffer(rows * a.headDim / 2)
    }

    /// Columns of the widest up (or fused gate+up) projection among the dense MLP and the experts.
    static func mlpWidth(_ spec: ArchitectureSpec) -> Int {
        let widths = [spec.mlp.intermediateSize] + (spec.moe.map { [$0.expertIntermediateSize, $0.sharedExpertIntermediateSize] } ?? [])
        return (spec.mlp.kind == .gated ? 2 : 1) * (widths.max() ?? 0)
    }

    /// Empties the KV cache (its contents are overwritten by the next prefill).
    public func reset() { position = 0 }

    /// Runs `tokens` (at positions position..<position+count) through the model and returns the logits of the
    /// last one. Prefill (count > 1) must start at position 0.
    public func forward(_ tokens: [Int]) throws -> [Float] {
        let m = tokens.count, h = spec.hiddenSize
        guard m >= 1, m <= maxRows, position + m <= weights.capacity, position == 0 || m == 1 else {
            throw CalibrationError.invalid("forward: \(m) tokens at position \(position) do not fit the pass")
        }
        for (r, token) in tokens.enumerated() {
            let t = min(max(0, token), spec.vocabSize - 1)
            (x.pointer + r * h).update(from: weights.embedding.pointer + t * h, count: h)
            if let table = weights.positions { backend.add(table.pointer + (position + r) * h, into: x.pointer + r * h, count: h) }
        }
        lastBreakdown = [:]
        lastExpertRows = []
        timed("elementwise") { fillRopeTables(rows: m) }
        for (index, layer) in weights.layers.enumerated() { block(layer, index: index, rows: m) }
        let last = x.pointer + (m - 1) * h
        timed("elementwise") { norm(last, weight: weights.finalNorm, bias: weights.finalNormBias, rows: 1) }
        timed("lm_head") {
            linear(normed.pointer, rows: 1, weights: weights.lmHead ?? weights.embedding, bias: nil,
                   n: spec.vocabSize, k: h, out: logits.pointer, ldOut: spec.vocabSize)
        }
        position += m
        return Array(UnsafeBufferPointer(start: logits.pointer, count: spec.vocabSize))
    }

    /// Runs `body` and adds its wall time to `lastBreakdown[name]`.
    @inline(__always)
    func timed(_ name: String, _ body: () -> Void) {
        let start = clock.now
        body()
        lastBreakdown[name, default: 0] += seconds(clock.now - start)
    }

    func fillRopeTables(rows: Int) {
        guard spec.position.kind == .rope else { return }
        let half = spec.attention.headDim / 2, theta = spec.position.ropeTheta ?? 10_000
        for i in 0..<half {
            let frequency = pow(theta, -2 * Double(i) / Double(spec.attention.headDim))
            for r in 0..<rows {
                let angle = Double(position + r) * frequency
                ropeCos.pointer[r * half + i] = Float(cos(angle))
                ropeSin.pointer[r * half + i] = Float(sin(angle))
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

    /// out[rows, n] (row stride ldOut, which equals n wherever a bias is added) = input[rows, k] · Wᵀ + bias: GEMV for one row, GEMM otherwise.
    func linear(_ input: UnsafePointer<Float>, rows: Int, lda: Int? = nil, weights w: FloatBuffer, bias: FloatBuffer?,
                n: Int, k: Int, out: UnsafeMutablePointer<Float>, ldOut: Int) {
        if rows == 1 {
            backend.gemvF32(n: n, k: k, w: w.pointer, x: input, y: out)
        } else {
            backend.sgemm(m: rows, n: n, k: k, a: input, lda: lda ?? k, b: w.pointer, ldb: k, transposedB: true,
                          c: out, ldc: ldOut)
        }
        if let bias { backend.addBias(bias.pointer, to: out, rows: rows, dim: n) }
    }
}

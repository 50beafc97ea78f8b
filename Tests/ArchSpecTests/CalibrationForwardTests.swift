import Testing
@testable import ArchSpec

/// The forward pass on a spec small enough to work by hand: hidden 2, one head of width 2, identity
/// projections, a zero down projection (the MLP adds nothing), RMSNorm, no positions, untied lm_head = I.
@Suite struct CalibrationForwardTests {
    static let tiny = ArchitectureSpec(
        name: "tiny", vocabSize: 2, hiddenSize: 2, layers: 1, contextLength: 8, dtype: .fp32, tieEmbeddings: false,
        attention: AttentionSpec(heads: 1, kvHeads: 1, headDim: 2), mlp: MLPSpec(kind: .plain, intermediateSize: 2, activation: "relu"),
        norm: NormSpec(kind: .rmsnorm, bias: false), position: PositionSpec(kind: .none))

    func set(_ buffer: FloatBuffer, _ values: [Float]) {
        for (i, v) in values.enumerated() { buffer.pointer[i] = v }
    }

    func handWired(_ variant: KernelVariant) -> ForwardPass {
        let pass = ForwardPass(spec: Self.tiny, backend: KernelBackend(variant: variant, threads: 1), capacity: 8, maxRows: 2)
        let layer = pass.weights.layers[0]
        set(pass.weights.embedding, [1, 0, 0, 1])  // token 0 = [1, 0], token 1 = [0, 1]
        set(layer.attention!.projection, [1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1])  // q = k = v = the normed input
        set(layer.attention!.out, [1, 0, 0, 1])
        set(layer.dense!.up, [1, 0, 0, 1])
        set(layer.dense!.down, [0, 0, 0, 0])
        set(pass.weights.lmHead!, [1, 0, 0, 1])
        return pass
    }

    @Test(arguments: KernelVariant.allCases)
    func prefillAndDecodeMatchHandWorkedValues(variant: KernelVariant) throws {
        let pass = handWired(variant)
        // Prefill [0, 1]. Position 0: normed [√2, 0] attends to itself: x0 = [1 + √2, 0].
        // Position 1: normed [0, √2]; scores q·k/√2 = [0, √2]; p = [1, e^√2] / (1 + e^√2) = [0.195600, 0.804400];
        // out = p0·[√2, 0] + p1·[0, √2]; x1 = [0.276622, 2.137593]; logits = x1 / rms(x1) = [0.181465, 1.402520].
        let prefill = try pass.forward([0, 1])
        #expect(abs(prefill[0] - 0.181_465) < 2e-5 && abs(prefill[1] - 1.402_520) < 2e-5, "\(prefill)")
        // Decode token 0 at position 2: q = [√2, 0]; scores/√2 against k = [√2,0], [0,√2], [√2,0] are [√2, 0, √2];
        // p = [e^√2, 1, e^√2] / (2e^√2 + 1); x = [1 + 2·p0·√2, p1·√2]; logits = [1.410972, 0.095655].
        let decode = try pass.forward([0])
        #expect(abs(decode[0] - 1.410_972) < 2e-5 && abs(decode[1] - 0.095_655) < 2e-5, "\(decode)")
        #expect(pass.position == 3)
    }

    @Test func forwardRefusesTokensBeyondTheCache() {
        let pass = handWired(.portable)
        #expect(throws: CalibrationError.self) { try pass.forward([0, 1, 0]) }
    }

    @Test(arguments: KernelVariant.allCases)
    func activationsMatchTheirFormulas(variant: KernelVariant) {
        let backend = KernelBackend(variant: variant, threads: 1)
        // gelu_tanh(1) = 0.5·(1 + tanh(0.7978846·1.044715)) = 0.841192; gelu_tanh(-2) = -0.045402. Nine values
        // exercise the 8-wide path and the scalar tail.
        var x: [Float] = [1, -2, 1, -2, 1, -2, 1, -2, 1]
        backend.gelu(&x, count: x.count)
        #expect(x.enumerated().allSatisfy { abs($1 - ($0 % 2 == 0 ? 0.841_192 : -0.045_402)) < 2e-6 }, "\(x)")
        // silu(1)·3 = 3/(1 + e^-1) = 2.193176; silu(-2)·0.5 = -1/(1 + e^2) = -0.119203.
        var gate: [Float] = [1, -2, 1, -2, 1, -2, 1, -2, 1]
        let up: [Float] = [3, 0.5, 3, 0.5, 3, 0.5, 3, 0.5, 3]
        backend.siluMultiply(&gate, up, count: gate.count)
        #expect(gate.enumerated().allSatisfy { abs($1 - ($0 % 2 == 0 ? 2.193_176 : -0.119_203)) < 2e-6 }, "\(gate)")
    }

    @Test func ropeRotatesByPositionTimesFrequency() {
        // One head of width 2 at position 1 with theta^0 = 1: [1, 0] rotates by 1 rad to [cos 1, sin 1].
        var x: [Float] = [1, 0]
        let c: [Float] = [0.540_302_3], s: [Float] = [0.841_470_96]
        KernelBackend(variant: .fma, threads: 1).rope(&x, rows: 1, heads: 1, headDim: 2, rowStride: 2, cos: c, sin: s)
        #expect(abs(x[0] - 0.540_302_3) < 1e-6 && abs(x[1] - 0.841_470_96) < 1e-6)
    }

    static let gqaRope = ArchitectureSpec(
        name: "gqa", vocabSize: 50, hiddenSize: 32, layers: 2, contextLength: 16, dtype: .fp32, tieEmbeddings: true,
        attention: AttentionSpec(heads: 4, kvHeads: 2, headDim: 8), mlp: MLPSpec(kind: .gated, intermediateSize: 48, activation: "silu"),
        norm: NormSpec(kind: .rmsnorm, bias: false), position: PositionSpec(kind: .rope, ropeTheta: 10_000))
    static let mqaLearned = ArchitectureSpec(
        name: "mqa", vocabSize: 40, hiddenSize: 24, layers: 2, contextLength: 16, dtype: .fp32, tieEmbeddings: false,
        attention: AttentionSpec(heads: 3, kvHeads: 1, headDim: 8, qkvBias: true, outBias: true),
        mlp: MLPSpec(kind: .plain, intermediateSize: 40, activation: "gelu_new", bias: true),
        norm: NormSpec(kind: .layernorm, bias: true), position: PositionSpec(kind: .learned))

    /// Prefilling [a, b, c] must give the same last logits as prefilling [a, b] and decoding c: this ties the
    /// GEMM prefill path (causal attention, rope tables) to the GEMV decode path (KV cache, positions).
    @Test(arguments: [Self.gqaRope, Self.mqaLearned], KernelVariant.allCases)
    func prefillEqualsPrefillThenDecode(spec: ArchitectureSpec, variant: KernelVariant) throws {
        let backend = KernelBackend(variant: variant, threads: 2)
        let whole = ForwardPass(spec: spec, backend: backend, capacity: 8, maxRows: 3)
        let expected = try whole.forward([3, 7, 11])
        let split = ForwardPass(spec: spec, backend: backend, capacity: 8, maxRows: 3)
        _ = try split.forward([3, 7])
        let got = try split.forward([11])
        #expect(maxRelativeError(got, expected) < 1e-4)
        let finite = expected.allSatisfy { $0.isFinite }
        #expect(finite)
    }
}

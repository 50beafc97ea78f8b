import Testing
@testable import ArchSpec

/// Every layer kind of the plan through the forward pass, on tiny shapes: prefill(n) must give the last logits
/// of prefill(n - 1) then one decode step, on every kernel copy (this ties the GEMM prefill path and the plain
/// loops for windows, sinks and ALiBi to the GEMV decode path, and each recurrent prefill scan to its decode step).
@Suite struct CalibrationLayerKindTests {
    static let base = CalibrationForwardTests.gqaRope

    static func with(_ name: String, _ change: (inout ArchitectureSpec) -> Void) -> ArchitectureSpec {
        var spec = base
        spec.name = name
        change(&spec)
        return spec
    }

    static let kinds: [ArchitectureSpec] = [
        with("sliding") { $0.attention.slidingWindow = SlidingWindowSpec(window: 3, pattern: [.sliding, .full]) },
        with("chunked") { $0.attention.slidingWindow = SlidingWindowSpec(window: 0, pattern: [.chunked], chunkSize: 3) },
        with("sinks") { $0.attention.sinks = true },
        with("qk-norm-head") { $0.attention.qkNorm = .head },
        with("qk-norm-full") { $0.attention.qkNorm = .full },
        with("output-gate") { $0.attention.outputGate = true },
        with("alibi-parallel") {
            $0.position = PositionSpec(kind: .alibi)
            $0.attention.heads = 6
            $0.attention.kvHeads = 6
            $0.parallelAttention = true
            $0.norm = NormSpec(kind: .layernorm, bias: true)
        },
        with("mla") {
            $0.attention.kind = .mla
            $0.attention.mla = MLASpec(qLoraRank: 12, kvLoraRank: 16, qkRopeHeadDim: 4, qkNopeHeadDim: 8, vHeadDim: 6)
        },
        with("mla-direct-q") {
            $0.attention.kind = .mla
            $0.attention.mla = MLASpec(qLoraRank: nil, kvLoraRank: 8, qkRopeHeadDim: 4, qkNopeHeadDim: 4, vHeadDim: 8)
        },
        with("grouped-moe") {
            $0.moe = MoESpec(experts: 4, topK: 2, sharedExperts: 1, expertIntermediateSize: 16, groups: 2, topKGroups: 1)
        },
        with("gated-deltanet") {
            $0.linearAttention = LinearAttentionSpec(kind: .gatedDeltaNet, keyHeads: 2, valueHeads: 4, keyHeadDim: 8,
                                                     valueHeadDim: 6, convKernel: 4)
            $0.layout.mixers = LayerAssignment(pattern: [.linearAttention, .attention])
            $0.attention.outputGate = true
        },
        with("lightning") {
            $0.linearAttention = LinearAttentionSpec(kind: .lightning, keyHeads: 4, valueHeads: 4, keyHeadDim: 8,
                                                     valueHeadDim: 8, convKernel: 0)
            $0.layout.mixers = LayerAssignment(pattern: [.linearAttention])
        },
        with("mamba") {
            $0.ssm = SSMSpec(innerSize: 64, stateSize: 4, convKernel: 4, dtRank: 4, innerNorms: true)
            $0.layout.mixers = LayerAssignment(pattern: [.mamba])
            $0.layout.channels = LayerAssignment(pattern: [.none])
        },
        with("mamba2-hybrid") {
            $0.ssm = SSMSpec(innerSize: 32, stateSize: 8, convKernel: 4, heads: 4, headDim: 8, groups: 2)
            $0.layout.mixers = LayerAssignment(pattern: [.mamba2, .attentionMamba2])
        },
        with("short-conv") {
            $0.shortConv = ShortConvSpec(kernel: 3, bias: true)
            $0.layout.mixers = LayerAssignment(pattern: [.shortConv, .attention])
        },
    ]

    @Test(arguments: kinds, KernelVariant.allCases)
    func prefillEqualsPrefillThenDecode(spec: ArchitectureSpec, variant: KernelVariant) throws {
        #expect(ForwardPass.unsupportedFeatures(spec, tokens: 8).isEmpty, "\(spec.name)")
        let backend = KernelBackend(variant: variant, threads: 2)
        let tokens = [3, 7, 11, 2, 19, 5]
        let whole = ForwardPass(spec: spec, backend: backend, capacity: 8, maxRows: tokens.count)
        let expected = try whole.forward(tokens)
        let split = ForwardPass(spec: spec, backend: backend, capacity: 8, maxRows: tokens.count)
        _ = try split.forward(Array(tokens.dropLast()))
        let got = try split.forward([tokens[tokens.count - 1]])
        #expect(maxRelativeError(got, expected) < 1e-4, "\(spec.name)")
        #expect(expected.allSatisfy { $0.isFinite }, "\(spec.name)")
        // A reset starts a new sequence: recurrent states are cleared, so the prefill repeats exactly.
        split.reset()
        #expect(try split.forward(Array(tokens.dropLast())) == (try { () throws -> [Float] in
            let fresh = ForwardPass(spec: spec, backend: backend, capacity: 8, maxRows: tokens.count)
            return try fresh.forward(Array(tokens.dropLast()))
        })(), "\(spec.name)")
    }

    /// MLA decode through the absorbed latent equals decode by expanding every cached latent.
    @Test(arguments: KernelVariant.allCases)
    func absorbedLatentDecodeEqualsNaive(variant: KernelVariant) throws {
        let spec = Self.kinds.first { $0.name == "mla" }!
        let backend = KernelBackend(variant: variant, threads: 1)
        let absorbed = ForwardPass(spec: spec, backend: backend, capacity: 8, maxRows: 4)
        let naive = ForwardPass(spec: spec, backend: backend, capacity: 8, maxRows: 4)
        naive.latentDecode = .naive
        _ = try absorbed.forward([1, 2, 3, 4])
        _ = try naive.forward([1, 2, 3, 4])
        #expect(maxRelativeError(try absorbed.forward([5]), try naive.forward([5])) < 1e-4)
        #expect(absorbed.lastBreakdown["linear:kv_b_absorbed"] != nil && naive.lastBreakdown["linear:kv_b"] != nil)
    }

    @Test func alibiSlopesFollowThePaper() {
        // 8 heads: 2^-1 ... 2^-8. 6 heads: 4 heads' 2^-2, 2^-4, 2^-6, 2^-8, then 8 heads' odd steps 2^-1, 2^-3.
        #expect(ForwardPass.alibiSlopes(8) == (1...8).map { Float(1) / Float(1 << $0) })
        #expect(ForwardPass.alibiSlopes(6) == [0.25, 0.0625, 0.015625, 0.003_906_25, 0.5, 0.125])
    }

    @Test func spansStartWhereTheWindowOrChunkDoes() {
        #expect(ForwardPass.firstToken(.sliding(window: 3), position: 5) == 3)
        #expect(ForwardPass.firstToken(.sliding(window: 3), position: 1) == 0)
        #expect(ForwardPass.firstToken(.chunked(size: 4), position: 5) == 4)
        #expect(ForwardPass.firstToken(.full, position: 5) == 0)
    }

    /// Windowed prefill rows run the decode kernel over the row's part of the cache ([first, p], keys `capacity`
    /// apart per KV head); this ties it to `AttendRow`, the plain loop that ran them before, on every kernel copy.
    @Test(arguments: KernelVariant.allCases)
    func windowedRowsOnTheDecodeKernelMatchTheLoop(variant: KernelVariant) {
        let backend = KernelBackend(variant: variant, threads: 2)
        let heads = 4, kv = 2, d = 8, cap = 12, group = heads / kv
        let keys = pseudoRandom(kv * cap * d, seed: 21), values = pseudoRandom(kv * cap * d, seed: 22)
        let q = pseudoRandom(heads * d, seed: 23)
        let scale = 1 / Float(d).squareRoot()
        for (first, p) in [(0, 4), (3, 7), (6, 11), (11, 11)] {
            var kernel = [Float](repeating: .nan, count: heads * d), scores = [Float](repeating: 0, count: 128 * cap)
            keys.withUnsafeBufferPointer { k in
                values.withUnsafeBufferPointer { v in
                    backend.attentionDecode(q: q, keys: k.baseAddress! + first * d, values: v.baseAddress! + first * d,
                                            tokens: p - first + 1, heads: heads, kvHeads: kv, headDim: d, capacity: cap,
                                            out: &kernel, scores: &scores)
                }
            }
            for head in 0..<heads {
                let g = head / group
                var loop = [Float](repeating: 0, count: d)
                keys.withUnsafeBufferPointer { k in
                    values.withUnsafeBufferPointer { v in
                        q.withUnsafeBufferPointer { qb in
                            AttendRow(q1: qb.baseAddress! + head * d, k1: k.baseAddress! + (g * cap + first) * d, k1Stride: d,
                                      width1: d, values: v.baseAddress! + (g * cap + first) * d, valueStride: d, valueWidth: d,
                                      count: p - first + 1, scale: scale).run(out: &loop, scores: &scores, exp: backend.exp)
                        }
                    }
                }
                for i in 0..<d {
                    #expect(abs(kernel[head * d + i] - loop[i]) < 1e-5, "\(variant) rows \(first)...\(p) head \(head) [\(i)]")
                }
            }
        }
    }

    @Test func attendRowWeighsSinksAndALiBi() {
        let backend = KernelBackend(variant: .portable, threads: 1)
        var out: [Float] = [0, 0], scores: [Float] = [0, 0]
        // One token with q·k = 0 against a sink logit 0: p = 1 / (1 + 1), out = v / 2.
        let q: [Float] = [1, 0], k: [Float] = [0, 1, 0, 1], v: [Float] = [4, 2, 8, 6]
        AttendRow(q1: q, k1: k, k1Stride: 2, width1: 2, values: v, valueStride: 2, valueWidth: 2, count: 1, scale: 1,
                  sink: 0).run(out: &out, scores: &scores, exp: backend.exp)
        #expect(abs(out[0] - 2) < 1e-6 && abs(out[1] - 1) < 1e-6)
        // Two tokens, equal dot products, ALiBi slope 1 from distance -1: p = [1, e] / (1 + e) = [0.268941, 0.731059];
        // out = 0.268941·[4, 2] + 0.731059·[8, 6] = [6.924236, 4.924236].
        AttendRow(q1: q, k1: k, k1Stride: 2, width1: 2, values: v, valueStride: 2, valueWidth: 2, count: 2, scale: 1,
                  slope: 1, offset: -1).run(out: &out, scores: &scores, exp: backend.exp)
        #expect(abs(out[0] - 6.924_236) < 1e-5 && abs(out[1] - 4.924_236) < 1e-5, "\(out)")
    }

    @Test func shortConvolutionKeepsItsHistory() throws {
        // One channel... of hidden 32: taps [1, 2, 3] and no bias on channel 0; inputs 1, 10, 100 give
        // 3·1 = 3, 2·1 + 3·10 = 32, 1·1 + 2·10 + 3·100 = 321.
        let spec = Self.kinds.first { $0.name == "short-conv" }!
        let pass = ForwardPass(spec: spec, backend: KernelBackend(variant: .portable, threads: 1), capacity: 4, maxRows: 1)
        let w = try #require(pass.weights.layers[0].recurrent)
        let taps = w.sizes.convKernel
        for i in 0..<taps { w.conv!.pointer[i] = Float(i + 1) }
        w.convBias!.pointer[0] = 0
        var outputs: [Float] = []
        var row = [Float](repeating: 0, count: w.sizes.convChannels)
        for input: Float in [1, 10, 100] {
            row[0] = input
            pass.convolve(w, &row, silu: false)
            outputs.append(row[0])
        }
        #expect(outputs == [3, 32, 321])
    }
}

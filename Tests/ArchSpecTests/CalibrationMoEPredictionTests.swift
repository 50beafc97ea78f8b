import Testing
@testable import ArchSpec

extension CalibrationMoETests {
    /// Two MoE layers of 8 plain experts (up 8x4, exactly profiled), top 2, on the synthetic profile: GEMV
    /// 64 ns per 8x4 matrix; GEMM at 8x4 1e9 FLOP/s at M = 1, 2.5e9 at M = 2, 4e9 at M = 4.
    static let predicted: ArchitectureSpec = {
        var spec = CalibrationForwardTests.tiny
        spec.hiddenSize = 4
        spec.layers = 2
        spec.attention = AttentionSpec(heads: 1, kvHeads: 1, headDim: 4)
        spec.moe = MoESpec(experts: 8, topK: 2, expertIntermediateSize: 8)
        return spec
    }()

    @Test func latencyModelRunsEachExpertOverItsExpectedShare() {
        var model = LatencyModel(profile: CalibrationProfileTests.syntheticProfile(), threads: 2)
        // 4 tokens · top 2 = 8 rows over 8 experts: one row each, a GEMV: 2 layers · 8 · 64 ns.
        let four = model.prefill(Self.predicted, tokens: 4).breakdown
        #expect(abs((four["linear:expert_up"] ?? 0) - 16 * 64e-9) < 1e-15)
        // The router runs once over all 4 rows: 2 layers · 2·4·8·4 FLOP at 4e9 FLOP/s.
        #expect(abs((four["linear:router"] ?? 0) - 2 * 256 / 4e9) < 1e-15)
        #expect(four["linear:up"] == nil && four["linear:down"] == nil && (four["moe:combine"] ?? 0) > 0)
        // 5 tokens: 10 rows, so 6 experts take one row (GEMV) and 2 take two (2·2·8·4 FLOP at 2.5e9).
        let five = model.prefill(Self.predicted, tokens: 5).breakdown
        #expect(abs((five["linear:expert_up"] ?? 0) - 2 * (6 * 64e-9 + 2 * 128 / 2.5e9)) < 1e-15)
        // 16 tokens: 4 rows per expert, 2·4·8·4 FLOP at 4e9 each.
        let sixteen = model.prefill(Self.predicted, tokens: 16).breakdown
        #expect(abs((sixteen["linear:expert_up"] ?? 0) - 16 * 256 / 4e9) < 1e-15)
        // A decode step runs top_k = 2 experts per layer through the GEMV.
        let decode = model.decodeStep(Self.predicted, context: 8).breakdown
        #expect(abs((decode["linear:expert_up"] ?? 0) - 2 * 2 * 64e-9) < 1e-15)
    }

    @Test func denseSpecsKeepTheirOperators() {
        var model = LatencyModel(profile: CalibrationProfileTests.syntheticProfile(), threads: 2)
        let keys = Set(model.prefill(CalibrationForwardTests.tiny, tokens: 4).breakdown.keys)
        #expect(keys == ["linear:qkv", "linear:attn_out", "linear:up", "linear:down", "lm_head", "attention", "elementwise"])
        #expect(SpecShapes.linears(CalibrationForwardTests.tiny).allSatisfy { !$0.routed && $0.count >= 1 })
    }
}

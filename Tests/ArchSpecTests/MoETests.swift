import ArchSpec
import Testing

/// Mixture of experts: totals count every expert, active and FLOPs count top_k routed + shared + router.
struct MoETests {
    @Test func mixtralDecodeFlopsCountTopKExpertsAndRouter() throws {
        let spec = try ArchFixtures.load(ArchFixtures.hf("Mixtral-8x7B-v0.1"))
        let e = try ArchFixtures.estimate(spec, context: 2048)
        // Per layer a token multiplies: attention 4096 x (4096 + 1024 + 1024 + 4096) = 41,943,040,
        // 2 experts x 3 x 4096 x 14336 = 352,321,536 and the router 4096 x 8 = 32,768; 32 layers,
        // plus the lm_head 32000 x 4096 = 131,072,000. Linear FLOPs = 2 x that.
        let perLayer: Int128 = 41_943_040 + 352_321_536 + 32_768
        #expect(e.flops.decode.linear == 2 * (32 * perLayer + 131_072_000))
        // Attention: 4 x heads 32 x head_dim 128 x (2048 + 1) keys x 32 layers.
        #expect(e.flops.decode.attention == 4 * 32 * 128 * 2049 * 32)
        // Weights hold every expert.
        #expect(e.weights.bytes == 2 * 46_702_792_704)
        #expect(e.parameters.routedExperts == 32 * 8 * 3 * 4096 * 14336)
    }

    @Test func deepSeekV3ActiveParametersWorkedByHand() throws {
        let spec = try ArchFixtures.load(ArchFixtures.hf("DeepSeek-V3"))
        let e = try ArchFixtures.estimate(spec, context: 1)
        // 58 MoE layers each skip 248 of 256 routed experts of 3 x 7168 x 2048 = 44,040,192 parameters.
        #expect(e.parameters.active == 671_026_404_352 - 58 * 248 * 44_040_192)
        #expect(spec.moe?.moeLayerCount(layers: 61) == 58)
    }

    @Test func sharedExpertsGateRouterBiasAndLayerRulesWorkedByHand() throws {
        let spec = try ArchFixtures.spec("""
            archspec: 1
            vocab_size: 100
            hidden_size: 16
            layers: 6
            context_length: 64
            attention: {heads: 2}
            mlp: {intermediate_size: 32}
            moe: {experts: 4, top_k: 2, shared_experts: 1, expert_intermediate_size: 8,
                  shared_expert_intermediate_size: 24, shared_expert_gate: true, router_bias: true,
                  dense_layers: 1, layer_interval: 2, dense_layer_indices: [3]}
            """)
        // Layers 0..5: MoE when i >= 1 and (i + 1) % 2 == 0 -> 1, 3, 5; minus listed 3 -> 1 and 5.
        let moe = try #require(spec.moe)
        #expect(moe.moeLayerCount(layers: 6) == 2)
        #expect((0..<6).filter(moe.isMoELayer) == [1, 5])
        let e = try ArchFixtures.estimate(spec, context: 1)
        // Dense MLP 3 x 16 x 32 = 1536 (4 layers); expert 3 x 16 x 8 = 384; shared 3 x 16 x 24 = 1152 + gate 16;
        // router 16 x 4 + bias 4 = 68. MoE layer: 4 x 384 + 1168 + 68 = 2772; active: 2 x 384 + 1168 + 68 = 2004.
        #expect(e.parameters.mlp == 4 * 1536 + 2 * 2772)
        #expect(e.parameters.total - e.parameters.active == 2 * (2772 - 2004))
        // Decode linear: router matrix without its bias, 2 experts, shared and gate.
        let attention: Int128 = 16 * (16 + 16 + 16 + 16)
        let moeMatrices: Int128 = 64 + 2 * 384 + 1152 + 16
        #expect(e.flops.decode.linear == 2 * (6 * attention + 4 * 1536 + 2 * moeMatrices + 100 * 16))
    }

    @Test func topKAboveExpertsIsALocatedError() {
        let loaded = ArchFixtures.yaml("""
            archspec: 1
            vocab_size: 100
            hidden_size: 16
            layers: 2
            context_length: 64
            attention: {heads: 2}
            mlp: {intermediate_size: 32}
            moe:
              experts: 4
              top_k: 5
            """)
        #expect(loaded.spec == nil)
        let error = loaded.diagnostics.first { $0.message == "moe.top_k 5 is larger than moe.experts 4" }
        #expect(error?.location == SourceLocation(line: 10, column: 10))
    }
}

/// The closed-form layer counts agree with walking the layers one by one.
struct MoELayerCountTests {
    @Test func moeLayerCountMatchesAWalk() {
        for layers in 1...13 {
            for dense in 0...4 {
                for interval in 1...4 {
                    for indices in [[], [0], [2, 5], [5, 5, 40]] {
                        let moe = MoESpec(experts: 4, topK: 1, expertIntermediateSize: 8, denseLayers: dense,
                                          layerInterval: interval, denseLayerIndices: indices)
                        let walked = (0..<layers).filter(moe.isMoELayer).count
                        #expect(moe.moeLayerCount(layers: layers) == walked, "L \(layers) dense \(dense) every \(interval) \(indices)")
                    }
                }
            }
        }
    }

    @Test func slidingLayerCountMatchesAWalk() {
        let patterns: [[LayerAttention]] = [[], [.sliding, .full], [.full], [.sliding, .sliding, .full], [.full, .sliding]]
        for layers in 1...13 {
            for pattern in patterns {
                for (full, sliding) in [([], []), ([0], []), ([], [1, 2]), ([3, 3], [4]), ([20], [30])] as [([Int], [Int])] {
                    let window = SlidingWindowSpec(window: 8, pattern: pattern, fullLayers: full, slidingLayers: sliding)
                    let walked = (0..<layers).filter { window.kind(ofLayer: $0) == .sliding }.count
                    #expect(window.slidingLayerCount(layers: layers) == walked, "L \(layers) \(pattern) \(full) \(sliding)")
                }
            }
        }
    }
}

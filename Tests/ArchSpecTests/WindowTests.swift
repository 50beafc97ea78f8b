import ArchSpec
import Testing

/// Sliding windows cap the KV cache and attention FLOPs of the layers they apply to.
struct WindowTests {
    static func spec(_ extra: String) throws -> ArchitectureSpec {
        try ArchFixtures.spec("""
            archspec: 1
            vocab_size: 10
            hidden_size: 16
            layers: 4
            context_length: 64
            attention:
              heads: 2
              kv_heads: 1
              head_dim: 8
              sliding_window: 4
            \(extra)
            mlp: {intermediate_size: 32}
            """)
    }

    @Test func alternatingPatternWorkedByHand() throws {
        let spec = try Self.spec("  layer_pattern: [sliding, full]")
        #expect(spec.attention.slidingLayerCount(layers: 4) == 2)
        let e = try ArchFixtures.estimate(spec, context: 10)
        // 2 x 1 kv head x 8 = 16 elements per layer and token, bf16 32 bytes; 2 full layers hold 10 tokens,
        // 2 windowed layers 4.
        #expect(e.kvCache.bytesPerToken == 128)
        #expect(e.kvCache.bytes == 32 * (2 * 10 + 2 * 4))
        // Causal prefill of 10: full layers 55 pairs; windowed 4 x 5 / 2 + 6 x 4 = 34. 2 x 2 x 16 FLOPs per pair.
        #expect(e.flops.prefill.attention == 64 * (2 * 55 + 2 * 34))
        // Decode: full layers 11 keys, windowed 4.
        #expect(e.flops.decode.attention == 64 * (2 * 11 + 2 * 4))
    }

    @Test func overridesChangeSingleLayers() throws {
        let spec = try Self.spec("  full_layers: [0]")
        #expect(spec.attention.slidingWindow?.kind(ofLayer: 0) == .full)
        #expect(spec.attention.slidingLayerCount(layers: 4) == 3)
        #expect(try ArchFixtures.estimate(spec, context: 10).kvCache.bytes == 32 * (10 + 3 * 4))
        let overridden = try Self.spec("  layer_pattern: [full]\n  sliding_layers: [2, 3]")
        #expect(overridden.attention.slidingLayerCount(layers: 4) == 2)
    }

    @Test func mistralKVAt32kIsCappedAtItsWindow() throws {
        let spec = try ArchFixtures.load(ArchFixtures.hf("Mistral-7B-v0.1"))
        let e = try ArchFixtures.estimate(spec, context: 32768)
        #expect(e.kvCache.bytesPerToken == 131_072)
        #expect(e.kvCache.bytes == 131_072 * 4096)
        #expect(e.kvCache.windowedLayers == 32)
    }

    @Test func gemma2HalfTheLayersAreWindowed() throws {
        let spec = try ArchFixtures.load(ArchFixtures.hf("Gemma-2-9B"))
        // The config's torch_dtype is float32; count the cache at bf16.
        let e = try ArchFixtures.estimate(spec, context: 32768, CostOptions(kvDType: .bf16))
        // 8 kv heads x 256 x 2 (K, V) x 2 bytes = 8192 per layer and token (x 42 = 344,064); 21 layers capped at 4096.
        #expect(e.kvCache.bytesPerToken == 344_064)
        #expect(e.kvCache.bytes == 8192 * (21 * 32768 + 21 * 4096))
    }

    @Test func gemma3FiveLocalLayersPerGlobal() throws {
        let spec = try ArchFixtures.load(ArchFixtures.hf("gemma-3-1b"))
        // 26 layers, pattern of 6 with the 6th global: layers 5, 11, 17, 23 are global.
        #expect(spec.attention.slidingLayerCount(layers: 26) == 22)
        #expect(spec.attention.slidingWindow?.window == 512)
    }

    @Test func patternWithoutWindowIsAnError() {
        let loaded = ArchFixtures.yaml("""
            archspec: 1
            vocab_size: 10
            hidden_size: 16
            layers: 4
            context_length: 64
            attention: {heads: 2, layer_pattern: [sliding, full]}
            mlp: {intermediate_size: 32}
            """)
        #expect(loaded.diagnostics.contains { $0.message == "attention.layer_pattern needs attention.sliding_window" })
    }
}

import ArchSpec
import Testing

/// The layer plan: compression, counts by range, per-layer lists and overrides, and their bounds.
struct LayerPlanTests {
    static func yaml(layers: Int, _ body: String) -> String {
        """
        archspec: 1
        vocab_size: 1000
        hidden_size: 64
        layers: \(layers)
        context_length: 4096
        mlp: {intermediate_size: 128}
        \(body)
        """
    }

    @Test func uniformModelIsOneKindAndOneSegmentWhateverItsDepth() throws {
        let spec = try ArchFixtures.spec(Self.yaml(layers: 10_000, "attention: {heads: 4}"))
        let plan = try spec.plan
        #expect(plan.kinds.count == 1 && plan.segments.count == 1 && plan.kindCounts == [10_000])
    }

    @Test func cyclicPatternsCombineWithTheirLeastCommonMultiple() throws {
        let spec = try ArchFixtures.spec(Self.yaml(layers: 1_000, """
            layer_pattern: [mamba2, mamba2, attention]
            ssm: {inner_size: 128, state_size: 16, heads: 4, head_dim: 32}
            attention: {heads: 4, sliding_window: 64, layer_pattern: [sliding, full]}
            """))
        let plan = try spec.plan
        #expect(plan.segments.count == 1 && plan.segments[0].cycle.count == 6)
        // mixer i % 3, span i % 2: attention layers are i % 3 == 2; full ones also odd.
        let labels = (0..<1_000).map { plan.layer(at: $0)!.mixer.label }
        #expect(labels.filter { $0 == "full" }.count == (0..<1_000).filter { $0 % 3 == 2 && $0 % 2 == 1 }.count)
        #expect(labels.filter { $0 == "mamba2" }.count == (0..<1_000).filter { $0 % 3 != 2 }.count)
        // Counts over any range agree with walking the layers.
        for (lower, upper) in [(0, 1_000), (7, 8), (13, 977), (500, 500), (999, 1_000)] {
            var walked = [Int](repeating: 0, count: plan.kinds.count)
            for i in lower..<upper { walked[plan.kindIndex(at: i)!] += 1 }
            #expect(plan.kindCounts(in: lower..<upper) == walked)
        }
    }

    @Test func explicitListsCompressToTheirPeriod() throws {
        let list = (0..<4_000).map { $0 % 4 == 3 ? "attention" : "linear_attention" }.joined(separator: ", ")
        let spec = try ArchFixtures.spec(Self.yaml(layers: 4_000, """
            layer_types: [\(list)]
            linear_attention: {kind: gated_deltanet, key_heads: 2, value_heads: 4, key_head_dim: 16, value_head_dim: 16}
            attention: {heads: 4}
            """))
        #expect(spec.layout.mixers.pattern == [.linearAttention, .linearAttention, .linearAttention, .attention])
        #expect(try spec.plan.kindCounts.sorted() == [1_000, 3_000])
    }

    @Test func overridesSplitSegmentsAndCountExactly() throws {
        let full = stride(from: 0, to: 20_000, by: 3).map(String.init).joined(separator: ", ")
        let spec = try ArchFixtures.spec(Self.yaml(layers: 20_000,
            "attention: {heads: 4, sliding_window: 128, layer_pattern: [sliding], full_layers: [\(full)]}"))
        let e = try ArchFixtures.estimate(spec, context: 4096)
        let fullCount = (0..<20_000).filter { $0 % 3 == 0 }.count
        #expect(e.kvCache.windowedLayers == 20_000 - fullCount)
        // K and V of 4 heads x 16 per layer and token, bf16.
        #expect(e.kvCache.bytes == Int128(fullCount * 4096 + (20_000 - fullCount) * 128) * 128 * 2)
    }

    @Test func perLayerHeadsAndWidths() throws {
        let spec = try ArchFixtures.spec(Self.yaml(layers: 3, """
            attention: {heads: [4, 8, 2], kv_heads: [2, 4, 1], head_dim: 16}
            """).replacingOccurrences(of: "mlp: {intermediate_size: 128}", with: "mlp: {intermediate_size: [128, 256, 64]}"))
        let e = try ArchFixtures.estimate(spec, context: 16)
        // Attention per layer: hidden x (2 x heads + 2 x kv_heads) x 16.
        let attention: Int128 = 64 * 16 * 42  // (8 + 4) + (16 + 8) + (4 + 2)
        let mlp: Int128 = 3 * 64 * 448
        let perToken: Int128 = 7 * 2 * 16 * 2
        #expect(e.parameters.attention == attention)
        #expect(e.parameters.mlp == mlp)
        #expect(e.kvCache.bytesPerToken == perToken)
        let written = SpecWriter().write(spec)
        #expect(try ArchFixtures.spec(written) == spec)
    }

    @Test func sharedKVLayersCacheNothingAndHaveNoKVProjections() throws {
        let base = try ArchFixtures.spec(Self.yaml(layers: 4, "attention: {heads: 4, kv_heads: 2}"))
        let shared = try ArchFixtures.spec(Self.yaml(layers: 4,
            "attention: {heads: 4, kv_heads: 2, kv_sharing: {layers: [1, 3], sources: [0, 2]}}"))
        let a = try ArchFixtures.estimate(base, context: 100), b = try ArchFixtures.estimate(shared, context: 100)
        #expect(b.kvCache.bytesPerToken * 2 == a.kvCache.bytesPerToken)
        #expect(a.parameters.attention - b.parameters.attention == 2 * (2 * 64 * 32))
        #expect(a.flops.decode.attention == b.flops.decode.attention)
    }

    @Test func chunkedAttentionCapsCacheAndPairs() throws {
        let spec = try ArchFixtures.spec(Self.yaml(layers: 4,
            "attention: {heads: 4, chunk_size: 8, layer_pattern: [chunked, chunked, chunked, full]}"))
        let e = try ArchFixtures.estimate(spec, context: 20, CostOptions())
        #expect(e.kvCache.chunkedLayers == 3 && e.kvCache.chunk == 8)
        // Chunked layers keep at most 8 tokens, the full layer 20: (3 x 8 + 20) x 2 x 64 elements x 2 bytes.
        #expect(e.kvCache.bytes == Int128(3 * 8 + 20) * 128 * 2)
        // Prefill pairs in a chunked layer at 20 tokens: 2 chunks of 8 (36 each) + 4 (10) = 82; full: 210.
        // Per pair: 2 x 4 heads x (16 + 16) = 256 FLOPs.
        #expect(e.flops.prefill.attention == Int128(3 * 82 + 210) * 256)
        // Decode at 20 cached: the new token is the 5th of its chunk; the full layer scores 21 keys.
        #expect(e.flops.decode.attention == Int128(3 * 5 + 21) * 256)
    }

    @Test func tooIrregularLayoutsAreRefusedQuickly() {
        // Pattern lengths 997 and 991 (coprime): 988,027 positions per cycle, repeated by overrides.
        let a = (0..<997).map { $0 == 0 ? "attention" : "mamba2" }.joined(separator: ", ")
        let b = (0..<991).map { $0 == 0 ? "full" : "sliding" }.joined(separator: ", ")
        let loaded = ArchFixtures.yaml(Self.yaml(layers: 100_000_000, """
            layer_pattern: [\(a)]
            ssm: {inner_size: 128, state_size: 16, heads: 4, head_dim: 32}
            attention: {heads: 4, sliding_window: 64, layer_pattern: [\(b)], full_layers: [1, 5000, 90000, 400000, 800000]}
            """))
        guard let spec = loaded.spec else { Issue.record("\(loaded.diagnostics.map(\.oneLine))"); return }
        #expect(throws: CostError.self) { try CostModel.estimate(spec) }
    }
}

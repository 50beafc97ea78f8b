import ArchSpec
import Testing

/// Multi-head latent attention: latent KV cache, parameter shapes, absorbed and naive decode FLOPs.
struct MLATests {
    static let small = """
        archspec: 1
        vocab_size: 100
        hidden_size: 64
        layers: 2
        context_length: 64
        attention: {kind: mla, heads: 4, q_lora_rank: 32, kv_lora_rank: 16, qk_rope_head_dim: 8,
                    qk_nope_head_dim: 16, v_head_dim: 8}
        mlp: {intermediate_size: 128}
        """

    @Test func parametersWorkedByHand() throws {
        let e = try ArchFixtures.estimate(try ArchFixtures.spec(Self.small), context: 9)
        // q_a 64x32 = 2048, q_b 32 x 4 x 24 = 3072, kv_a 64 x 24 = 1536, kv_b 16 x 4 x 24 = 1536, o 4 x 8 x 64 = 2048.
        #expect(e.parameters.attention == 2 * 10_240)
        // Norms: 2 x 64 per layer, q_a_layernorm 32, kv_a_layernorm 16, final 64.
        #expect(e.parameters.norm == 2 * (128 + 32 + 16) + 64)
        #expect(e.parameters.total == 2 * (10_240 + 24_576) + 352 + 64 + 12_800)
        // KV: kv_lora_rank + qk_rope_head_dim = 24 elements per layer, bf16: 2 x 24 x 2 = 96 bytes.
        #expect(e.kvCache.bytesPerToken == 96)
        #expect(e.kvCache.bytes == 96 * 9)
    }

    @Test func absorbedAndNaiveDecodeWorkedByHand() throws {
        let spec = try ArchFixtures.spec(Self.small)
        let absorbed = try ArchFixtures.estimate(spec, context: 9)
        // Absorbed: 2 x heads 4 x (2 x 16 + 8) = 320 per key, 10 keys, 2 layers.
        #expect(absorbed.flops.decode.attention == 320 * 10 * 2)
        let naive = try ArchFixtures.estimate(spec, context: 9, CostOptions(mlaDecode: .naive))
        // Naive: 2 x 4 x (24 + 8) = 256 per key, plus re-expanding 9 cached latents through kv_b:
        // 2 x 16 x 4 x (16 + 8) = 3072 per token and layer.
        #expect(naive.flops.decode.attention == 256 * 10 * 2 + 3072 * 9 * 2)
        #expect(naive.flops.decode.linear == absorbed.flops.decode.linear)
        // Prefill always uses expanded heads: 256 per pair.
        #expect(naive.flops.prefill.attention == absorbed.flops.prefill.attention)
        #expect(absorbed.flops.prefill.attention == 256 * (9 * 10 / 2) * 2)
    }

    @Test func mlaKeysNeedKindMLA() {
        let loaded = ArchFixtures.yaml("""
            archspec: 1
            vocab_size: 100
            hidden_size: 64
            layers: 2
            context_length: 64
            attention: {heads: 4, kv_lora_rank: 16}
            mlp: {intermediate_size: 128}
            """)
        #expect(loaded.spec == nil)
        #expect(loaded.diagnostics.contains { $0.message == "attention.kv_lora_rank is only read when attention.kind is mla; set kind: mla or remove the MLA keys" })
    }
}

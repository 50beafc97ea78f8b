import ArchSpec
import Testing

/// The details real configs need: parallel blocks, norm counts and weightless norms, partial biases,
/// position offsets, lm_head bias, q/k norms.
struct ArchitectureDetailsTests {
    static func spec(_ extra: String, attention: String = "{heads: 2}") throws -> ArchitectureSpec {
        try ArchFixtures.spec("""
            archspec: 1
            vocab_size: 10
            hidden_size: 16
            layers: 3
            context_length: 8
            attention: \(attention)
            mlp: {intermediate_size: 32}
            \(extra)
            """)
    }

    @Test func normCountsAndWeightlessNorms() throws {
        // Default: 2 per layer + final = 7 vectors of 16.
        #expect(try ArchFixtures.estimate(try Self.spec(""), context: 1).parameters.norm == 7 * 16)
        // Parallel attention: 1 per layer unless stated.
        #expect(try ArchFixtures.estimate(try Self.spec("parallel_attention: true"), context: 1).parameters.norm == 4 * 16)
        // Gemma 2 style: 4 per layer.
        #expect(try ArchFixtures.estimate(try Self.spec("norm: {per_layer: 4}"), context: 1).parameters.norm == 13 * 16)
        // OLMo: LayerNorm without weight or bias.
        let olmo = try Self.spec("norm: {kind: layernorm, bias: false, weight: false}")
        #expect(try ArchFixtures.estimate(olmo, context: 1).parameters.norm == 0)
        // LayerNorm with bias, no final norm: 2 vectors x 6.
        let noFinal = try Self.spec("norm: {kind: layernorm, final: false}")
        #expect(try ArchFixtures.estimate(noFinal, context: 1).parameters.norm == 2 * 6 * 16)
    }

    @Test func qkNormsHeadAndFull() throws {
        let head = try Self.spec("", attention: "{heads: 2, kv_heads: 1, qk_norm: head}")
        // Per layer q_norm and k_norm of head_dim 8; plus 7 block norms.
        #expect(try ArchFixtures.estimate(head, context: 1).parameters.norm == 7 * 16 + 3 * 2 * 8)
        let full = try Self.spec("", attention: "{heads: 2, kv_heads: 1, qk_norm: full}")
        #expect(try ArchFixtures.estimate(full, context: 1).parameters.norm == 7 * 16 + 3 * (16 + 8))
    }

    @Test func learnedPositionsWithOffsetAndLMHeadBias() throws {
        let spec = try Self.spec("position: {kind: learned, offset: 2}\nlm_head_bias: true")
        let p = try ArchFixtures.estimate(spec, context: 1).parameters
        #expect(p.position == (8 + 2) * 16)
        #expect(p.lmHead == 10 * 16 + 10)
        let opt = try ArchFixtures.load(ArchFixtures.hf("opt-125m"))
        #expect(opt.position.offset == 2)
    }

    @Test func gptJHasParallelBlockAndLMHeadBias() throws {
        let spec = try ArchFixtures.load(ArchFixtures.hf("gpt-j-6b"))
        #expect(spec.parallelAttention && spec.lmHeadBias && spec.norm.perLayer == 1)
        #expect(!spec.attention.qkvBias && spec.mlp.bias)
    }

    @Test func falconSevenBIsMQAWithOneNorm() throws {
        let spec = try ArchFixtures.load(ArchFixtures.hf("Falcon-7B"))
        #expect(spec.attention.kvHeads == 1 && spec.attention.headDim == 64 && spec.norm.perLayer == 1)
        #expect(spec.mlp.kind == .plain && spec.mlp.intermediateSize == 4 * 4544 && spec.tieEmbeddings)
    }

    @Test func offsetNeedsLearnedPositions() {
        let loaded = ArchFixtures.yaml("""
            archspec: 1
            vocab_size: 10
            hidden_size: 16
            layers: 3
            context_length: 8
            attention: {heads: 2}
            mlp: {intermediate_size: 32}
            position: {offset: 2}
            """)
        #expect(loaded.diagnostics.contains {
            $0.message == "position.offset applies to a learned position table (position.kind: learned)"
        })
    }
}

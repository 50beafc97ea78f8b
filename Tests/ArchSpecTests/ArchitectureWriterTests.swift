import ArchSpec
import Foundation
import Testing

/// `SpecWriter` output loads back to the identical spec, for every spec in `specs/` and for every variant key.
struct ArchitectureWriterTests {
    static let specFiles: [String] = {
        let directory = "\(ArchFixtures.root)/specs"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "\(directory)/\($0)" }
    }()

    @Test func specsDirectoryIsNotEmpty() { #expect(Self.specFiles.count >= 10) }

    @Test(arguments: specFiles)
    func writtenSpecLoadsBackIdentically(_ path: String) throws {
        let spec = try ArchFixtures.load(path)
        #expect(try ArchFixtures.spec(SpecWriter().write(spec)) == spec)
    }

    @Test func everyVariantKeyRoundTrips() throws {
        let spec = try ArchFixtures.spec("""
            archspec: 1
            name: "every \\"variant\\""
            vocab_size: 100
            hidden_size: 64
            layers: 6
            context_length: 128
            lm_head_bias: true
            parallel_attention: true
            attention: {kind: mla, heads: 4, kv_lora_rank: 16, qk_rope_head_dim: 8, qk_nope_head_dim: 16,
                        v_head_dim: 8, qk_norm: head, sliding_window: 32, layer_pattern: [sliding, full, full],
                        full_layers: [0], sliding_layers: [1]}
            mlp: {intermediate_size: 128, kind: plain, bias: true}
            moe: {experts: 4, top_k: 2, shared_experts: 1, shared_expert_gate: true, router_bias: true,
                  dense_layers: 1, layer_interval: 2, dense_layer_indices: [3], n_group: 2, topk_group: 1}
            norm: {kind: layernorm, per_layer: 3, final: false}
            position: {kind: learned, offset: 2}
            parallelism: {tensor: 2}
            """)
        #expect(try ArchFixtures.spec(SpecWriter().write(spec)) == spec)
        let scaled = try ArchFixtures.spec("""
            archspec: 1
            vocab_size: 100
            hidden_size: 64
            layers: 2
            context_length: 128
            attention: {heads: 4}
            mlp: {intermediate_size: 128}
            norm: {kind: layernorm, weight: false, bias: false}
            position: {rope_theta: 500000, rope_scaling: {type: llama3, factor: 8, original_context_length: 64}}
            """)
        #expect(try ArchFixtures.spec(SpecWriter().write(scaled)) == scaled)
    }
}

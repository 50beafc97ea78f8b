import ArchSpec
import Foundation
import Testing

/// Hostile per-layer input: every case is one located error naming the key and the expectation, in bounded time.
struct LayerPlanBadInputTests {
    static func only(_ body: String, layers: Int = 4) throws -> Diagnostic {
        let loaded = ArchFixtures.yaml(LayerPlanTests.yaml(layers: layers, body))
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        #expect(loaded.spec == nil)
        #expect(errors.count == 1, "\(errors.map(\.oneLine))")
        let error = try #require(errors.first)
        #expect(error.location != nil, "\(error.oneLine)")
        return error
    }

    @Test(arguments: [
        ("layer_types: [attention, mamba2]\nssm: {inner_size: 128, state_size: 16, heads: 4, head_dim: 32}\nattention: {heads: 4}",
         "layer_types has 2 entries, but layers is 4: give one per layer"),
        ("layer_types: [attention, attention, attention, attention, attention]\nattention: {heads: 4}",
         "layer_types has 5 entries, but layers is 4: give one per layer"),
        ("attention: {heads: 4, kv_heads: [2, 2, 2]}", "attention.kv_heads has 3 entries, but layers is 4: give one per layer"),
        ("attention: {heads: 4, sliding_window: 0}", "attention.sliding_window must be at least 1, got 0"),
        ("attention: {heads: 4, sliding_window: 1099511627776}",
         "attention.sliding_window is too large: 1099511627776 exceeds the limit of 4294967296"),
        ("layer_pattern: [attention, mamba3]\nattention: {heads: 4}",
         "layer_pattern[1] must be one of attention, linear_attention, mamba, mamba2, attention+mamba2, short_conv, none, got 'mamba3'"),
        ("attention: {heads: 4, kv_sharing: {layers: [1], sources: [2]}}",
         "layer 1 shares the KV cache of layer 2, which comes later; a layer can only reuse an earlier layer's cache"),
        ("attention: {heads: 4, kv_sharing: {layers: [1], sources: [1]}}", "layer 1 cannot share the KV cache of itself"),
        ("attention: {heads: 4, kv_sharing: {layers: [1, 2], sources: [0]}}",
         "attention.kv_sharing.sources has 1 entries for 2 layers; give one source per layer"),
        ("attention: {heads: 4, kv_sharing: {layers: [2, 3], sources: [1, 2]}}",
         "layer 3 shares the KV cache of layer 2, which itself reads layer 1; name layer 1"),
        ("layer_pattern: [mamba2]\nattention: {heads: 4}", "layer_pattern has mamba layers and needs an ssm section"),
        ("layer_pattern: [mamba2]\nssm: {inner_size: 128, state_size: 16, heads: 4, head_dim: 16}\nattention: {heads: 4}",
         "ssm.heads 4 x ssm.head_dim 16 must equal ssm.inner_size 128"),
        ("ssm: {inner_size: 128, state_size: 16}\nattention: {heads: 4}",
         "ssm is set but no layer is a mamba or mamba2 layer (layer_pattern or layer_types)"),
        ("attention: {heads: 4, layer_pattern: [chunked, full]}",
         "attention.layer_pattern has chunked layers; set attention.chunk_size"),
        ("attention: {heads: 4, layer_pattern: [sliding, full]}", "attention.layer_pattern needs attention.sliding_window"),
        ("attention: {heads: [4, 4, 4, 4]}", "attention.heads as a per-layer list needs attention.head_dim"),
    ])
    func locatedErrors(body: String, message: String) throws {
        let error = try Self.only(body)
        #expect(error.message == message)
    }

    @Test func hugeStateSizesAreExactOrRefusedNeverATrap() throws {
        // Every size at the 2^32 limit: products stay inside 128 bits or are a CostError.
        let spec = try ArchFixtures.spec(LayerPlanTests.yaml(layers: 4, """
            layer_pattern: [mamba2]
            ssm: {inner_size: 4294967296, state_size: 4294967296, heads: 1, head_dim: 4294967296, groups: 1, conv_kernel: 4294967296}
            attention: {heads: 4}
            """))
        do {
            let e = try ArchFixtures.estimate(spec, context: 4096)
            #expect(e.kvCache.stateBytesPerSequence > 0)
        } catch is CostError {}
    }

    @Test func aMillionEntryListIsRefusedInBoundedTime() {
        let list = "[" + Array(repeating: "attention", count: 1_000_000).joined(separator: ", ") + "]"
        let start = Date()
        let loaded = ArchFixtures.yaml(LayerPlanTests.yaml(layers: 1_000_000, "layer_types: \(list)\nattention: {heads: 4}"))
        #expect(loaded.spec == nil)
        #expect(loaded.diagnostics.contains { $0.message.contains("more than 250000 nodes") || $0.message.contains("file is too large") })
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func hundredThousandEntryOverridesLoadAndEstimateQuickly() throws {
        let full = stride(from: 0, to: 200_000, by: 2).map(String.init).joined(separator: ", ")
        let start = Date()
        let spec = try ArchFixtures.spec(LayerPlanTests.yaml(layers: 200_000,
            "attention: {heads: 4, sliding_window: 64, layer_pattern: [sliding], full_layers: [\(full)]}"))
        let e = try ArchFixtures.estimate(spec, context: 4096)
        #expect(e.kvCache.windowedLayers == 100_000)
        // Debug builds are several times slower than the 50 ms release target; this bound rules out quadratic work.
        #expect(Date().timeIntervalSince(start) < 10)
        let plan = try spec.plan
        #expect(plan.kinds.count == 2 && plan.segments.count == 1)
    }
}

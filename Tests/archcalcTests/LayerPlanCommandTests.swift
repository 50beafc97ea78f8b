import Foundation
import Testing

/// End-to-end: hybrid and per-layer specs through estimate, size and convert.
struct LayerPlanCommandTests {
    @Test func hybridEstimateReportsStateAndLayerKinds() throws {
        let result = try CLI.run(["estimate", "specs/qwen3-next-80b-a3b.yaml", "--context", "32k", "--format", "json"])
        #expect(result.status == 0)
        let array = try #require(JSONDocument.estimates(result.stdout))
        let kv = try #require(array.first?["kv_cache"] as? [String: Any])
        // 12 full layers cache K and V of 2 heads x 256: 12,288 elements x 2 bytes per token.
        #expect((kv["bytes_per_token"] as? NSNumber)?.int64Value == 24_576)
        // 36 gated DeltaNet layers hold 32 x 128 x 128 state + (2 x 16 x 128 + 32 x 128) x 4 conv inputs, bf16.
        #expect((kv["state_bytes_per_sequence"] as? NSNumber)?.int64Value == Int64(36 * (524_288 + 32_768) * 2))
        #expect((kv["bytes"] as? NSNumber)?.int64Value == Int64(24_576 * 32_768 + 40_108_032))
        let layers = try #require(array.first?["layers"] as? [[String: Any]])
        #expect(layers.map { $0["mixer"] as? String } == ["gated_deltanet", "full"])
        #expect(layers.map { $0["count"] as? Int } == [36, 12])
        let text = try CLI.run(["estimate", "specs/qwen3-next-80b-a3b.yaml", "--context", "32k"])
        #expect(text.stdout.contains("layers: 36 gated_deltanet + 12 full"))
        #expect(text.stdout.contains("State per sequence (bf16)    38.3 MiB"))
    }

    @Test func windowCacheConventionIsSwitchable() throws {
        func bytes(_ extra: [String]) throws -> Int64 {
            let result = try CLI.run(["estimate", "specs/gpt-oss-120b.yaml", "--context", "4096", "--kv-dtype", "bf16",
                                      "--format", "json"] + extra)
            let array = try #require(JSONDocument.estimates(result.stdout))
            let kv = try #require(array.first?["kv_cache"] as? [String: Any])
            return try #require((kv["bytes"] as? NSNumber)?.int64Value)
        }
        // 18 windowed layers (window 128) each hold one token less: 8 KV heads x 64 x 2 (K, V) x 2 bytes.
        #expect(try bytes([]) - bytes(["--window-cache", "window-minus-one"]) == 18 * 8 * 64 * 2 * 2)
    }

    @Test func sizeCountsStateTimesBatch() throws {
        func kvBytes(batch: Int) throws -> Int64 {
            let result = try CLI.run(["size", "specs/mamba-codestral-7b.yaml", "--hardware", "h100-sxm", "--gpus", "1",
                                      "--context", "4096", "--batch", "\(batch)", "--format", "json"])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let memory = try #require(object["memory"] as? [String: Any])
            return try #require((memory["kv_cache"] as? NSNumber)?.int64Value)
        }
        // No attention layer: the cache is the constant Mamba-2 state, the same at any context, linear in batch.
        let one = try kvBytes(batch: 1)
        #expect(one > 0)
        #expect(try kvBytes(batch: 8) == 8 * one)
    }

    @Test func convertWritesThePerLayerExpressionBack() throws {
        let result = try CLI.run(["convert", "Tests/Fixtures/hf/reference/Jamba-v0.1.json"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("layer_pattern: [mamba, mamba, mamba, mamba, attention, mamba, mamba, mamba]"))
        #expect(result.stdout.contains("layer_pattern: [dense, moe]"))
    }
}

import ArchSpec
import Testing

/// FLOPs and bytes against figures worked by hand (docs/cost-model.md shows the working).
struct FlopAndMemoryTests {
    let llama: ArchitectureSpec

    init() throws { llama = try #require(load(llama3YAML).spec) }

    @Test func llama3DecodeAtContext2048() throws {
        let decode = try CostModel.estimate(llama, options: CostOptions(context: 2048)).flops.decode
        #expect(decode.linear == 15_009_316_864)
        // 4 x 32 heads x 128 head_dim x 2049 keys x 32 layers.
        #expect(decode.attention == 1_074_266_112)
        #expect(decode.total == 16_083_582_976)
    }

    @Test func llama3PrefillFullAttentionAllLogits() throws {
        let options = CostOptions(context: 2048, attentionFlops: .full, logits: .all)
        let prefill = try CostModel.estimate(llama, options: options).flops.prefill
        #expect(prefill.total == 32_938_104_193_024)
        #expect(prefill.linear == 15_009_316_864 * 2048)
        #expect(prefill.attention == 4 * 4096 * 2048 * 2048 * 32)
    }

    @Test func causalPrefillCountsTriangleAndLastLogits() throws {
        let prefill = try CostModel.estimate(llama, options: CostOptions(context: 2048)).flops.prefill
        let layerWeights: Int128 = 32 * (41_943_040 + 176_160_768)
        #expect(prefill.linear == 2 * 2048 * layerWeights + 2 * 525_336_576)
        #expect(prefill.attention == 4 * 4096 * (2048 * 2049 / 2) * 32)
    }

    @Test func batchScalesFlopsAndKVLinearly() throws {
        let one = try CostModel.estimate(llama, options: CostOptions(context: 1000))
        let eight = try CostModel.estimate(llama, options: CostOptions(context: 1000, batch: 8))
        #expect(eight.flops.decode.total == 8 * one.flops.decode.total)
        #expect(eight.flops.prefill.total == 8 * one.flops.prefill.total)
        #expect(eight.kvCache.bytes == 8 * one.kvCache.bytes)
    }

    @Test func kvCacheBytes() throws {
        let estimate = try CostModel.estimate(llama)
        #expect(estimate.kvCache.bytesPerToken == 131_072)
        #expect(estimate.kvCache.bytes == 131_072 * 8192)
        let fp8 = try CostModel.estimate(llama, options: CostOptions(kvDType: .fp8))
        #expect(fp8.kvCache.bytesPerToken == 65_536)
        #expect(fp8.weights.dtype == .bf16)
    }

    @Test func weightsBytesFollowDType() throws {
        let bf16 = try CostModel.estimate(llama)
        #expect(bf16.weights.bytes == 8_030_261_248 * 2)
        let int4 = try CostModel.estimate(llama, options: CostOptions(weightsDType: .int4))
        #expect(int4.weights.bytes == 4_015_130_624)
        #expect(int4.kvCache.dtype == .int4)
    }

    @Test func mqaKVIsSmallerThanGQAAndMHA() throws {
        var mqa = llama, mha = llama
        mqa.attention.kvHeads = 1
        mha.attention.kvHeads = 32
        let kv = { (spec: ArchitectureSpec) in try CostModel.estimate(spec).kvCache.bytesPerToken }
        #expect(try kv(mqa) < kv(llama))
        #expect(try kv(llama) < kv(mha))
        #expect(try kv(mqa) == 2 * 32 * 128 * 2)
    }

    @Test func hugeSizesAreTooLargeNotATrap() throws {
        var spec = llama
        spec.layers = Int.max
        spec.hiddenSize = Int.max
        spec.mlp.intermediateSize = Int.max
        #expect(throws: CostError.self) { try CostModel.estimate(spec) }
        var manyLayers = llama
        manyLayers.layers = 1_000_000_000_000
        let estimate = try CostModel.estimate(manyLayers)
        #expect(estimate.parameters.total > 1_000_000_000_000)
    }

    @Test func invalidOptionsAreErrors() {
        #expect(throws: CostError.self) { try CostModel.estimate(llama, options: CostOptions(context: 0)) }
        #expect(throws: CostError.self) { try CostModel.estimate(llama, options: CostOptions(batch: 0)) }
    }
}

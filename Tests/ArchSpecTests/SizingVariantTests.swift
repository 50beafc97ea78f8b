import Foundation
import Testing
@testable import ArchSpec

/// Sizing agrees with the cost model on every real spec and Hugging Face fixture, whatever the architecture
/// (GQA, MQA, MLA, MoE, sliding windows, tied embeddings, biases).
@Suite struct SizingVariantTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var files: [String] {
        let manager = FileManager.default
        let specs = (try? manager.contentsOfDirectory(atPath: repository.appendingPathComponent("specs").path)) ?? []
        let hf = (try? manager.contentsOfDirectory(atPath: repository.appendingPathComponent("Tests/Fixtures/hf").path)) ?? []
        return specs.filter { $0.hasSuffix(".yaml") }.map { "specs/\($0)" }.sorted()
            + hf.filter { $0.hasSuffix(".json") }.map { "Tests/Fixtures/hf/\($0)" }.sorted()
    }

    static func load(_ file: String) throws -> ArchitectureSpec {
        let result = SpecLoader.load(path: repository.appendingPathComponent(file).path)
        return try #require(result.spec, "\(file): \(result.diagnostics.map(\.oneLine))")
    }

    @Test func thereAreFixturesToCheck() {
        #expect(Self.files.count >= 20)
        #expect(Self.files.contains("Tests/Fixtures/hf/DeepSeek-V3.json"))
    }

    @Test(arguments: files)
    func oneDeviceMatchesTheCostModel(_ file: String) throws {
        let spec = try Self.load(file)
        let huge = HardwareProfile(
            id: "huge", name: "huge", vendor: "test", memory: Sourced(1e15), memoryBandwidth: Sourced(1e12),
            peakFlops: PeakFlops(bf16: Sourced(1e14)), interconnect: Interconnect(kind: "x", bandwidth: Sourced(1e11)),
            devicesPerNode: 8)
        let context = min(spec.contextLength, 32768)
        let result = try Sizer.size(spec, on: huge, request: SizingRequest(
            context: context, batch: 3, devices: 1, weights: WeightQuantization(dtype: .bf16), kv: KVQuantization(dtype: .bf16)))
        let estimate = try CostModel.estimate(spec, options: CostOptions(
            context: context, batch: 3, weightsDType: .bf16, kvDType: .bf16))
        #expect(result.memory.weights == estimate.weights.bytes, "\(file) weights")
        #expect(result.memory.kvCache == estimate.kvCache.bytes, "\(file) KV cache")
    }

    @Test func mixtralDecodeReadsOnlyTheExpertsItRoutesTo() throws {
        let spec = try Self.load("Tests/Fixtures/hf/Mixtral-8x7B-v0.1.json")
        let h100 = try #require(HardwareCatalog.profile(id: "h100-sxm"))
        let one = try Sizer.size(spec, on: h100, request: SizingRequest(context: 1, batch: 1, devices: 2))
        let many = try Sizer.size(spec, on: h100, request: SizingRequest(context: 1, batch: 64, devices: 2))
        // Batch 1 reads 2 of 8 experts per layer; at batch 64, 1 - (3/4)^64 of them, effectively all.
        #expect(Double(one.decode.bytesPerDevice) < 0.4 * Double(one.memory.weights))
        #expect(Double(many.decode.bytesPerDevice) > 0.99 * Double(many.memory.weights))
    }

    @Test func mlaLatentCacheIsReplicatedAcrossTensorRanks() throws {
        let spec = try Self.load("Tests/Fixtures/hf/DeepSeek-V3.json")
        var wide = try #require(HardwareCatalog.profile(id: "h200"))
        wide.memory = Sourced(1e13)
        let tp1 = try Sizer.size(spec, on: wide, request: SizingRequest(context: 4096, batch: 1, tp: 1, pp: 1))
        let tp8 = try Sizer.size(spec, on: wide, request: SizingRequest(context: 4096, batch: 1, tp: 8, pp: 1))
        // 61 layers x (512 + 64) latent elements x 2 bytes x 4096 tokens, on every rank.
        #expect(tp1.memory.kvCache == 61 * 576 * 2 * 4096)
        #expect(tp8.memory.kvCache == tp1.memory.kvCache)
        #expect(tp8.memory.weights * 7 < tp1.memory.weights)
    }
}

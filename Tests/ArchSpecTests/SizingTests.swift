import Testing
@testable import ArchSpec

@Suite struct SizingTests {
    let a100 = SizingFixtures.hardware("a100-80gb")

    @Test func llama2DecodeOnA100IsMemoryBoundAt151TokensPerSecond() throws {
        // 6,738,415,616 parameters x 2 bytes = 13,476,831,232 bytes; 2.039e12 B/s / 13.4768e9 B = 151.3 tokens/s.
        let result = try Sizer.size(
            SizingFixtures.llama2_7b, on: a100, request: SizingRequest(context: 1, batch: 1, devices: 1, timing: .roofline))
        #expect(result.memory.weights == 13_476_831_232)
        #expect(result.decode.bound == .memory)
        let ideal = result.idealDecodeTokensPerSecond
        #expect(abs(ideal - 151.3) < 0.2, "ideal decode \(ideal) tokens/s")
        // With the default 0.8 memory efficiency the estimate is 0.8 x 151.3 = 121 tokens/s.
        #expect(abs(result.decodeTokensPerSecond - 121.0) < 0.5)
        #expect(result.fits)
    }

    @Test func weightsAndKVMatchTheCostModelOnOneDevice() throws {
        let spec = SizingFixtures.llama31_8b
        let result = try Sizer.size(spec, on: a100, request: SizingRequest(context: 4096, batch: 2, devices: 1))
        let estimate = try CostModel.estimate(spec, options: CostOptions(context: 4096, batch: 2))
        #expect(result.memory.weights == estimate.weights.bytes)
        #expect(result.memory.kvCache == estimate.kvCache.bytes)
    }

    @Test func llama3_70bNeedsMoreThanOneA100AndSaysWhy() throws {
        let result = try Sizer.size(SizingFixtures.llama3_70b, on: a100, request: SizingRequest(context: 8192))
        // 70,553,706,496 x 2 bytes = 141.1 GB of weights: one 80 GiB device fails. At tp 2 each device holds
        // half of every matrix plus a full copy of the norms ((2 x 80 + 1) x 8192 x 2 B = 2,637,824 B):
        // (141,107,412,992 - 2,637,824) / 2 + 2,637,824 = 70,555,025,408 B (65.7 GiB), which with 1.25 GiB of KV,
        // activations and the 8 GiB reserve fits in 80 GiB.
        #expect(result.fits)
        #expect(result.layout == ParallelLayout(tp: 2, pp: 1))
        #expect(result.memory.weights == 70_555_025_408)
        #expect(result.attempts.map(\.layout.devices) == [1])
        #expect(result.attempts.allSatisfy { $0.reason.contains("over by") })
    }

    @Test func kvCacheDominatesLlama31At128k() throws {
        let result = try Sizer.size(
            SizingFixtures.llama31_8b, on: SizingFixtures.hardware("h200"),
            request: SizingRequest(context: 131072, batch: 1, devices: 1))
        // KV: 32 layers x 2 x 8 heads x 128 x 2 bytes = 131,072 bytes per token; x 131,072 tokens = 16 GiB.
        #expect(result.memory.kvCache == 17_179_869_184)
        #expect(result.memory.weights == 16_060_522_496)
        #expect(result.memory.kvCache > result.memory.weights)
    }

    @Test func tensorParallelBeyondKVHeadsReplicatesKV() throws {
        let spec = SizingFixtures.llama31_8b
        let tp8 = try Sizer.size(spec, on: a100, request: SizingRequest(context: 1024, batch: 1, tp: 8, pp: 1))
        let tp16Layout = ParallelLayout(tp: 16, pp: 1)
        #expect(tp16Layout.problem(for: spec, on: a100) != nil)  // 16 > 8 devices per node
        // 8 KV heads over tp 8: one head each, so KV per device is 1/8 of the total.
        #expect(tp8.memory.kvCache * 8 == 131_072 * 1024)
        var wide = a100
        wide.devicesPerNode = 32
        let tp32 = try Sizer.size(spec, on: wide, request: SizingRequest(context: 1024, batch: 1, tp: 32, pp: 1))
        // 32 ranks, 8 KV heads: each rank still stores one head, the same KV bytes as tp 8.
        #expect(tp32.memory.kvCache == tp8.memory.kvCache)
    }

    @Test func maxBatchAndContextAreTheLastThatFit() throws {
        let spec = SizingFixtures.llama2_7b
        let result = try Sizer.size(spec, on: a100, request: SizingRequest(context: 4096, batch: 1, devices: 1))
        let atMax = try Sizer.size(spec, on: a100, request: SizingRequest(context: 4096, batch: result.maxBatch, devices: 1))
        let beyond = try Sizer.size(spec, on: a100, request: SizingRequest(context: 4096, batch: result.maxBatch + 1, devices: 1))
        #expect(atMax.fits)
        #expect(!beyond.fits)
        #expect(result.maxContext == 4096 && result.maxContextIsModelLimit)
    }

    @Test func int4GroupScalesAreCounted() throws {
        let spec = SizingFixtures.llama2_7b
        let int4 = try Sizer.size(spec, on: a100, request: SizingRequest(
            context: 1, devices: 1, weights: WeightQuantization(dtype: .int4, granularity: .perGroup(128))))
        // Block matrices: 32 x (4 x 4096^2 + 3 x 4096 x 11008) = 6,476,005,376 elements at 4 bits = 3,238,002,688 B;
        // scales: one fp16 scale + int4 zero (20 bits) per 128 elements = 50,593,792 scales -> 126,484,480 B;
        // embedding + lm_head stay bf16: 2 x 32000 x 4096 x 2 = 524,288,000 B; norms 65 x 4096 x 2 = 532,480 B.
        #expect(int4.memory.weights == 3_238_002_688 + 126_484_480 + 524_288_000 + 532_480)
    }

    @Test func declaredParallelismIsTheDefaultLayout() throws {
        var spec = SizingFixtures.llama3_70b
        spec.parallelism = ParallelismSpec(tensor: 8, pipeline: 1)
        let declared = try Sizer.size(spec, on: a100, request: SizingRequest(context: 8192))
        #expect(declared.layout == ParallelLayout(tp: 8, pp: 1))
        let pinned = try Sizer.size(spec, on: a100, request: SizingRequest(context: 8192, devices: 4))
        #expect(pinned.layout.devices == 4)
    }

    @Test func largestSearchFindsTheBoundary() {
        #expect(Limits.largest(upTo: 1000) { $0 <= 377 } == 377)
        #expect(Limits.largest(upTo: 1000) { _ in true } == 1000)
        #expect(Limits.largest(upTo: 1000) { _ in false } == 0)
        #expect(Limits.largest(upTo: 1) { $0 <= 1 } == 1)
    }

    @Test func badOptionsThrow() {
        #expect(throws: SizingError.self) {
            try Sizer.size(SizingFixtures.llama2_7b, on: a100, request: SizingRequest(batch: 0))
        }
        #expect(throws: SizingError.self) {
            try Sizer.size(SizingFixtures.llama2_7b, on: a100, request: SizingRequest(devices: 3, tp: 2, pp: 2))
        }
    }
}

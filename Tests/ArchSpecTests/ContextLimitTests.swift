import Testing
@testable import ArchSpec

/// Context warnings, what bounds the max context, the layout search's reasons and the chart's scales, with
/// numbers worked by hand.
@Suite struct ContextLimitTests {
    let a100 = SizingFixtures.hardware("a100-80gb")

    @Test func theWarningIsSetOnlyPastTheLimit() throws {
        #expect(ContextWarning.check(model: "m", context: 4096, limit: 4096) == nil)
        let warning = try #require(ContextWarning.check(model: "m", context: 4097, limit: 4096))
        #expect(warning.description == "context 4,097 exceeds the model's context_length 4,096 (AC501): positions past it are untrained")
        let estimate = try CostModel.estimate(SizingFixtures.llama2_7b, options: CostOptions(context: 8192))
        #expect(estimate.contextWarning == ContextWarning(model: "llama-2-7b", context: 8192, limit: 4096))
        #expect(try CostModel.estimate(SizingFixtures.llama2_7b).contextWarning == nil)
    }

    @Test func boundsOfTheContextSearch() {
        #expect(ContextBound.of(best: 4096, searchLimit: 4096, contextLength: 4096) == .modelLimit)
        #expect(ContextBound.of(best: 8192, searchLimit: 8192, contextLength: 4096) == .requestedContext)
        #expect(ContextBound.of(best: 3000, searchLimit: 8192, contextLength: 4096) == .memory)
    }

    /// Llama 2 7B on one A100 80GB at batch 1, asked for 200,000 tokens (limit 4,096): capacity 85,899,345,920
    /// less the runtime parts (0.33 GiB = 354,334,802 of context and libraries + 1 GiB of captured graphs =
    /// 1,428,076,626), weights 13,476,831,232 and the activations of one 8,192-token chunk
    /// (8,192 x (2 x 4096 + 4096 + 32 x 256 + 2 x 11008) x 2 bytes + 4 x 32,000 logits = 696,382,464) leaves
    /// 70,298,055,598 bytes of KV cache at 524,288 per token: 134,082 tokens, bounded by memory.
    @Test func theMaxContextPastTheLimitIsBoundedByMemory() throws {
        let result = try Sizer.size(SizingFixtures.llama2_7b, on: a100,
                                    request: SizingRequest(context: 200_000, batch: 1, devices: 1))
        #expect(result.memory.activations == 696_382_464)
        #expect(result.maxContext == 134_082 && result.maxContextBound == .memory)
        #expect(result.contextWarning?.context == 200_000 && result.contextLength == 4096)
        let asked = try Sizer.size(SizingFixtures.llama2_7b, on: a100, request: SizingRequest(context: 8192, devices: 1))
        #expect(asked.maxContext == 8192 && asked.maxContextBound == .requestedContext && !asked.maxContextIsModelLimit)
    }

    @Test func aSearchThatFindsNothingSaysWhy() {
        #expect(throws: SizingError.invalidOption("no layout up to 1024 devices can run llama-2-7b: tp 3 does not divide heads 32")) {
            try Sizer.size(SizingFixtures.llama2_7b, on: a100, request: SizingRequest(tp: 3))
        }
        #expect(throws: SizingError.invalidOption("--gpus 4 is not a multiple of --tp 8")) {
            try Sizer.size(SizingFixtures.llama2_7b, on: a100, request: SizingRequest(devices: 4, tp: 8))
        }
    }

    /// A given tp is searched at tp x 1, 2, 4, ...: 3, 6, 12, ..., 768 up to 1024 devices.
    @Test func deviceCountsAreMultiplesOfAGivenDegree() throws {
        let setup = try Setup(SizingFixtures.llama2_7b, hardware: a100, request: SizingRequest(tp: 3))
        #expect(LayoutSearch.counts(setup) == [3, 6, 12, 24, 48, 96, 192, 384, 768])
    }

    /// 48 GiB of capacity: 1.25 x 48 = 60 needed, steps of 10 (60 / 6): ticks 0 to 60. A point at 200 GiB is
    /// capped at 3 x capacity = 144 -> steps of 25 to 150.
    @Test func theMemoryScaleFramesCapacity() {
        let scale = SizingChart.memoryScale(capacity: 48, point: 36.4, weights: 15)
        #expect(scale.top == 60 && scale.ticks == [0, 10, 20, 30, 40, 50, 60])
        let over = SizingChart.memoryScale(capacity: 48, point: 200, weights: 15)
        #expect(over.top == 150 && over.ticks.count == 7)
        #expect(PlotArea.powerOfTwoTicks(256...131_072) { "\(Int($0))" }.map(\.1) == ["256", "1024", "4096", "16384", "65536"])
    }
}

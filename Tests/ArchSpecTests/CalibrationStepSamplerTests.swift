import Testing
@testable import ArchSpec

/// The step sampler on a tiny spec: every sample kept, rounds bounded, the profile round-trips.
@Suite struct CalibrationStepSamplerTests {
    static let spec = ArchitectureSpec(
        name: "tiny-steps", vocabSize: 64, hiddenSize: 32, layers: 2, contextLength: 128, dtype: .fp32, tieEmbeddings: true,
        attention: AttentionSpec(heads: 4, kvHeads: 2, headDim: 8), mlp: MLPSpec(kind: .gated, intermediateSize: 48, activation: "silu"),
        norm: NormSpec(kind: .rmsnorm, bias: false), position: PositionSpec(kind: .rope))

    static func profile(rounds: Int = 3, budget: Double = 5) throws -> StepProfile {
        let plan = StepPlan(prefillTokens: [4, 16], decodeContexts: [8, 32, 100], rounds: rounds, budgetSeconds: budget, retries: 1)
        return try StepSampler.run(spec: spec, plan: plan, threads: 1)
    }

    @Test func keepsEverySampleAndFitsTheSurface() throws {
        let p = try Self.profile()
        #expect(p.model == "step-surface" && p.threads == 1 && p.rounds >= 1 && p.rounds <= 3)
        #expect(p.prefill.sizes == [4, 16] && p.decode.sizes == [8, 32, 100] && p.prefill.batches == [1])
        for point in p.prefill.points + p.decode.points {
            // One sample per round, plus at most one rerun per disturbed sample.
            #expect(point.samples.count >= p.rounds && point.samples.count <= 2 * p.rounds)
            #expect(point.samples.count == point.contaminated.count && point.samples.count == point.otherCores.count)
            #expect(point.samples.allSatisfy { $0 > 0 } && point.dispersion.p50 > 0)
        }
        #expect(p.sentinel.samples.count == p.rounds)
        let surface = try #require(p.decode.surface())
        for (i, point) in p.decode.points.enumerated() {
            #expect(abs((surface.estimate(batch: 1, size: point.size)?.seconds ?? 0) - point.fitted) <= 1e-9 * point.fitted)
            if i > 0 { #expect(point.fitted >= p.decode.points[i - 1].fitted) }
        }
        #expect(p.fingerprint == StepProfile.fingerprint(Self.spec))
    }

    @Test func batchedDecodeGridHasEveryCell() throws {
        let plan = StepPlan(prefillTokens: [4], decodeBatches: [1, 3], decodeContexts: [8, 20], rounds: 2, budgetSeconds: 5, retries: 0)
        let p = try StepSampler.run(spec: Self.spec, plan: plan, threads: 1)
        #expect(p.decode.batches == [1, 3] && p.decode.points.map(\.batch) == [1, 1, 3, 3] && p.decode.points.map(\.size) == [8, 20, 8, 20])
        #expect(p.decode.points.allSatisfy { $0.samples.count == p.rounds })
        let surface = try #require(p.decode.surface())
        #expect(surface.estimate(batch: 2, size: 12) != nil && surface.estimate(batch: 4, size: 12) == nil)
    }

    /// Sequence 0 of a batched step over a prefilled cache is the ordinary decode step; sequence 1, over an empty
    /// cache, is a one-sequence step over an empty cache; their keys land in each sequence's own slots.
    @Test(arguments: KernelVariant.allCases)
    func batchedDecodeMatchesOneSequenceSteps(variant: KernelVariant) throws {
        let prompt = [3, 1, 4, 1, 5], v = Self.spec.vocabSize
        func pass() -> ForwardPass {
            ForwardPass(spec: Self.spec, backend: KernelBackend(variant: variant, threads: 1), capacity: 12, maxRows: 5)
        }
        let ordinary = pass()
        _ = try ordinary.forward(prompt)
        let expected0 = try ordinary.forward([1])
        let expected1 = try pass().decodeBatch(1, context: 5)
        let batched = pass()
        _ = try batched.forward(prompt)
        let both = try batched.decodeBatch(2, context: 5)
        #expect(both.count == 2 * v && batched.position == 0)
        for i in 0..<v {
            #expect(abs(both[i] - expected0[i]) < 1e-4 && abs(both[v + i] - expected1[i]) < 1e-4, "logit \(i)")
        }
        let keys = try #require(batched.weights.layers[0].attention?.keys.pointer)
        #expect((0..<8).contains { keys[(0 * 12 + 6 + 5) * 8 + $0] != 0 } && (0..<8).allSatisfy { keys[(0 * 12 + 6 + 4) * 8 + $0] == 0 })
        #expect(throws: CalibrationError.self) { try batched.decodeBatch(2, context: 6) }  // 2 x 7 slots > 12
    }

    @Test func roundsStopAtTheBudget() throws {
        let p = try Self.profile(rounds: 1000, budget: 0.05)
        #expect(p.rounds >= 1 && p.rounds < 1000)
        #expect(p.notes.contains { $0.contains("rounds fit the budget") })
    }

    @Test func refusesWhatItCannotRunOrFit() throws {
        let plan = StepPlan(prefillTokens: [4], decodeContexts: [8], rounds: 1, budgetSeconds: 1, retries: 0)
        #expect(throws: CalibrationError.self) {
            try StepSampler.run(spec: Self.spec, plan: plan, threads: 1, memoryLimit: 1024)
        }
    }

    @Test func profileRoundTripsThroughYAML() throws {
        var result = Calibrator.run(CalibrationProfileTests.smokePlan())
        result.stepSurfaces = [try Self.profile(rounds: 2)]
        let path = "/tmp/archcalc-steps-test-\(UInt32.random(in: 0...UInt32.max)).yaml"
        try OutputFile.write(try result.yaml(), to: path)
        let reread = try CalibrationResult.load(path: path)
        #expect(reread.stepSurfaces?.first?.decode.sizes == [8, 32, 100])
        #expect(reread.stepSurfaces?.first?.prefill.points.map(\.samples.count) == result.stepSurfaces?.first?.prefill.points.map(\.samples.count))
    }

    @Test func plansStopAtTheContextLengthAndTrim() {
        var spec = Self.spec
        spec.contextLength = 100
        let quick = StepPlan.make(spec: spec, quick: true)
        #expect(quick.prefillTokens == [16, 64] && quick.decodeContexts == [64] && quick.budgetSeconds == 4)
        #expect(quick.decodeBatches == [1, 4] && quick.capacity == 4 * 65 && quick.maxRows == 64)
        let full = StepPlan.make(spec: spec, quick: false)
        #expect(full.prefillTokens == [16, 32, 64] && full.decodeContexts == [64] && full.rounds == 7)
        #expect(full.decodeBatches == [1, 2, 4, 8])
        #expect(full.trimmed(forMemory: false)?.prefillTokens == [16, 32])
        #expect(full.trimmed(forMemory: true)?.decodeBatches == [1, 2, 4])
        let last = StepPlan(prefillTokens: [4], decodeContexts: [8], rounds: 1, budgetSeconds: 1, retries: 0)
        #expect(last.trimmed(forMemory: true) == nil && last.trimmed(forMemory: false) == nil)
        // A pass that decodes one sequence at a time (Mamba-2, MLA, sinks, ALiBi) gets batch 1 only.
        var alibi = spec
        alibi.position = PositionSpec(kind: .alibi)
        #expect(StepPlan.make(spec: alibi, quick: true).decodeBatches == [1])
    }
}

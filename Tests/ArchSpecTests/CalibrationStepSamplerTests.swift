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
        try AtomicFile.write(try result.yaml(), to: path)
        let reread = try CalibrationResult.load(path: path)
        #expect(reread.stepSurfaces?.first?.decode.sizes == [8, 32, 100])
        #expect(reread.stepSurfaces?.first?.prefill.points.map(\.samples.count) == result.stepSurfaces?.first?.prefill.points.map(\.samples.count))
    }

    @Test func plansStopAtTheContextLengthAndTrim() {
        var spec = Self.spec
        spec.contextLength = 100
        let quick = StepPlan.make(spec: spec, quick: true)
        #expect(quick.prefillTokens == [16, 64] && quick.decodeContexts == [64] && quick.budgetSeconds == 4)
        let full = StepPlan.make(spec: spec, quick: false)
        #expect(full.prefillTokens == [16, 32, 64] && full.decodeContexts == [64] && full.rounds == 7)
        #expect(full.trimmed()?.prefillTokens == [16, 32])
        let last = StepPlan(prefillTokens: [4], decodeContexts: [8], rounds: 1, budgetSeconds: 1, retries: 0)
        #expect(last.trimmed() == nil)
    }
}

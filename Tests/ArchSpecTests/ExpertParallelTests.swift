import Foundation
import Testing
@testable import ArchSpec

/// Expert parallelism in `size`: routed experts spread over `ep` ranks of the tensor-parallel group, dispatched
/// and combined by all-to-all (`docs/sizing.md`, "Expert parallelism"). Worked on Mixtral-8x7B: 32 layers, hidden
/// 4096, 8 experts of 3 x 14336 x 4096, top 2.
@Suite struct ExpertParallelTests {
    static let mixtral: ArchitectureSpec = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Tests/Fixtures/hf/Mixtral-8x7B-v0.1.json")
        return SpecLoader.load(path: url.path).spec!
    }()
    static let h100 = SizingFixtures.hardware("h100-sxm")

    static func candidate(tp: Int, ep: Int, batch: Int = 1) throws -> (Setup, Candidate) {
        let setup = try Setup(mixtral, hardware: h100, request: SizingRequest(context: 4096, batch: batch, tp: tp, pp: 1, ep: ep))
        return (setup, try LayoutSearch.evaluate(ParallelLayout(tp: tp, pp: 1, ep: ep), setup))
    }

    /// At tp 2, ep 2 each device holds 4 whole experts per layer; at ep 1 half of each of the 8: the same
    /// 32 x 4 x 3 x 14336 x 4096 x 2 B = 45,097,156,608 bytes either way. At tp 4, ep 2, 4 experts split in two.
    @Test func routedExpertsAreSpreadOverTheExpertRanks() throws {
        let routed: Int128 = 32 * 4 * 3 * 14336 * 4096 * 2
        for ep in [1, 2] {
            let (_, c) = try Self.candidate(tp: 2, ep: ep)
            #expect(c.model.routedExpertsPerStage == [routed])
        }
        let (_, four) = try Self.candidate(tp: 4, ep: 2)
        #expect(four.model.routedExpertsPerStage == [routed / 2])
    }

    /// The step model sees whole experts (gate_up 28672 x 4096) on each of 2 expert ranks, and adds a dispatch
    /// and a combine all-to-all of tokens x top_k x hidden x 2 bytes to each layer's two all-reduces.
    @Test func aDecodeStepAddsTheAllToAlls() throws {
        let (setup, c) = try Self.candidate(tp: 2, ep: 2)
        let work = StepWorkBuilder(setup: setup, candidate: c).decode()
        #expect(work.ep == 2)
        let layer = try #require(work.stages.first?.layers.first)
        #expect(layer.moe?.gemms.map { [$0.n, $0.k] } == [[28672, 4096], [4096, 14336]])
        let kernels = KernelTimes(hardware: Self.h100)
        let step = StepTimeModel.time(work, kernels: kernels)
        let perLayer = 2 * kernels.allReduce(message: 4096 * 2, ranks: 2) + 2 * kernels.allToAll(bytes: 2 * 4096 * 2, ranks: 2)
        #expect(abs(step.communication - 32 * perLayer) < 1e-12)
        // By hand, on NVLink (pplx-kernels' fit): 41.5 us + 1/2 x 16,384 B / (450 GB/s x 0.42) = 41.5433 us per
        // all-to-all; the custom all-reduce: 4.3 us + 2 x 1/2 x 8,192 B / (450 GB/s x 0.75) = 4.3243 us.
        #expect(abs(kernels.allToAll(bytes: 2 * 4096 * 2, ranks: 2) - (41.5e-6 + 8192 / 189e9)) < 1e-12)
        #expect(abs(step.communication - 32 * (2 * (4.3e-6 + 8192 / 337.5e9) + 2 * (41.5e-6 + 8192 / 189e9))) < 1e-12)
        let (plainSetup, plain) = try Self.candidate(tp: 2, ep: 1)
        let tpOnly = StepTimeModel.time(StepWorkBuilder(setup: plainSetup, candidate: plain).decode(), kernels: kernels)
        #expect(abs(tpOnly.communication - 32 * 2 * kernels.allReduce(message: 4096 * 2, ranks: 2)) < 1e-12)
    }

    @Test func theSearchTriesEveryDivisorAndTheRequestIsChecked() throws {
        let result = try Sizer.size(Self.mixtral, on: Self.h100, request: SizingRequest(context: 4096, tp: 4, ep: 4))
        #expect(result.layout == ParallelLayout(tp: 4, pp: 1, ep: 4))
        let setup = try Setup(Self.mixtral, hardware: Self.h100, request: SizingRequest(context: 4096))
        #expect(LayoutSearch.expertDegrees(tp: 8, setup) == [1, 2, 4, 8])
        let dense = try Setup(SizingFixtures.llama31_8b, hardware: Self.h100, request: SizingRequest())
        #expect(LayoutSearch.expertDegrees(tp: 8, dense) == [1])
        #expect(throws: SizingError.invalidOption("--ep 3 does not divide --tp 4 (experts are spread over the tensor-parallel group)")) {
            try Sizer.size(Self.mixtral, on: Self.h100, request: SizingRequest(tp: 4, ep: 3))
        }
        #expect(throws: SizingError.invalidOption("--ep 2 needs routed experts; llama-3.1-8b has none")) {
            try Sizer.size(SizingFixtures.llama31_8b, on: Self.h100, request: SizingRequest(tp: 2, ep: 2))
        }
        #expect(ParallelLayout(tp: 16, pp: 1, ep: 16).problem(for: Self.mixtral, on: SizingFixtures.hardware("gb200"))
                == "ep 16 exceeds the 8 routed experts")
        #expect(throws: SizingError.self) { try Sizer.size(Self.mixtral, on: Self.h100, request: SizingRequest(ep: 0)) }
        #expect(throws: SizingError.self) { try Sizer.size(Self.mixtral, on: Self.h100, request: SizingRequest(ep: 1 << 40)) }
    }
}

/// `recommend --ep`: expert-parallel degrees pair with the tensor-parallel degrees they divide.
@Suite struct ExpertParallelPlannerTests {
    @Test func expertDegreesPairWithTheTensorDegreesTheyDivide() throws {
        let workload = ServingWorkload(requestRate: 5, input: .fixed(1024), output: .fixed(128))
        let request = ServingRequest(candidates: [ExpertParallelTests.h100], tp: [2, 4], chunks: [2048], ep: [1, 2, 4])
        let plan = try ServingPlanner.plan(ExpertParallelTests.mixtral, workload: workload,
                                           targets: ServingTargets(ttftP90: 5, tpotP90: 0.2), request: request)
        // tp 2 with ep 1 and 2, tp 4 with ep 1, 2 and 4: five layouts of one chunk size; tp 2 x ep 4 is never built.
        #expect(plan.configurations == 5)
        #expect(!plan.rejections.contains { $0.reason.contains("does not divide") })
        #expect(plan.frontier.contains { $0.config.layout.ep > 1 } || plan.best != nil)
        let dense = try ServingPlanner.plan(SizingFixtures.llama31_8b, workload: workload,
                                            targets: ServingTargets(ttftP90: 5, tpotP90: 0.2),
                                            request: ServingRequest(candidates: [ExpertParallelTests.h100], tp: [2],
                                                                    chunks: [2048], ep: [2]))
        #expect(dense.best == nil && dense.rejections.contains { $0.reason.contains("needs routed experts") })
    }
}

import Testing
@testable import ArchSpec

/// Wide expert parallelism with data-parallel attention (`size --dp`, `recommend --dp`; `docs/sizing.md`,
/// "Attention data parallelism"): dp replicas of the attention and dense layers, each serving batch / dp
/// sequences, and the routed experts over ep = dp x tp ranks. Worked on Mixtral-8x7B (32 layers, hidden 4096,
/// 32 heads and 8 KV heads of 128, 8 experts of 3 x 14336 x 4096, top 2, vocabulary 32000), bf16.
@Suite struct AttentionDataParallelTests {
    static let mixtral = ExpertParallelTests.mixtral
    static let h100 = ExpertParallelTests.h100

    static func candidate(tp: Int = 1, dp: Int, ep: Int? = nil, batch: Int, context: Int = 4096) throws -> (Setup, Candidate) {
        let request = SizingRequest(context: context, batch: batch, tp: tp, pp: 1, ep: ep, dp: dp)
        let setup = try Setup(mixtral, hardware: h100, request: request)
        let layout = ParallelLayout(tp: tp, pp: 1, ep: setup.request.ep ?? dp * tp, dp: dp)
        return (setup, try LayoutSearch.evaluate(layout, setup))
    }

    /// dp 2, tp 1, ep 2 at batch 4: each device holds
    /// - 4 of the 8 experts whole: 32 x 4 x 3 x 14336 x 4096 x 2 B = 45,097,156,608 B;
    /// - the whole attention of its replica: 32 x (4096 x 4096 x 2 + 1024 x 4096 x 2 + router 8 x 4096 + 2 norms x
    ///   4096) = 1,343,488,000 elements, plus embedding and lm_head 2 x 32000 x 4096 and the final norm 4096:
    ///   1,605,636,096 elements x 2 B = 3,211,272,192 B;
    /// - the KV cache of its own 2 sequences: 32 x 8 x 128 x 2 x 2 B x 4096 tokens x 2 = 1,073,741,824 B (half
    ///   what one device holds for all 4 at dp 1).
    @Test func eachDeviceHoldsItsReplicaAndItsShareOfTheExperts() throws {
        let (_, c) = try Self.candidate(dp: 2, batch: 4)
        #expect(c.layout.devices == 2 && c.layout.expertTP == 1)
        #expect(c.model.routedExpertsPerStage == [45_097_156_608])
        #expect(c.memory.weights == 45_097_156_608 + 3_211_272_192)
        #expect(c.memory.kvCache == 1_073_741_824)
        let (_, single) = try Self.candidate(dp: 1, ep: 1, batch: 4)
        #expect(single.memory.kvCache == 2 * 1_073_741_824)
        // An odd batch rounds up: 5 sequences over 2 replicas leave 3 on the fuller one.
        let (_, odd) = try Self.candidate(dp: 2, batch: 5)
        #expect(odd.memory.kvCache == 3 * 1_073_741_824 / 2)
    }

    /// A decode step at dp 2, batch 4: each device runs attention and the dense GEMMs for its 2 sequences (M = 2),
    /// its experts see the 4 tokens of both replicas over 2 ranks (the same grouped GEMMs as a 4-token step at ep 2),
    /// and each layer dispatches and combines its 2 tokens x top 2 x 4096 x 2 B = 32,768 B; no all-reduce at tp 1.
    /// By hand on NVLink (pplx-kernels' fit): 41.5 us + 1/2 x 32,768 B / (450 GB/s x 0.42) each.
    @Test func aDecodeStepTimesEachReplicaAndTheExpertsOnAllTokens() throws {
        let (setup, c) = try Self.candidate(dp: 2, batch: 4)
        let work = StepWorkBuilder(setup: setup, candidate: c).decode()
        #expect(work.tokens == 2 && work.sequences == 2 && work.dp == 2 && work.ep == 2 && !work.expertsCrossNodes)
        let kernels = KernelTimes(hardware: Self.h100)
        let step = StepTimeModel.time(work, kernels: kernels)
        #expect(abs(step.communication - 32 * 2 * (41.5e-6 + 16_384 / 189e9)) < 1e-12)
        var global = work
        global.tokens = 4
        global.dp = 1
        let layer = try #require(work.stages.first?.layers.first)
        let moe = try #require(layer.moe)
        let mine = StepTimeModel.experts(moe, work: work, kernels: kernels)
        let all = StepTimeModel.experts(moe, work: global, kernels: kernels)
        #expect(mine.seconds == all.seconds)
        // Attention reads the KV of this replica's 2 sequences only.
        #expect(layer.cacheBytes == 2 * 32 * 8 * 128 * 2 * 2 * 4096 / 32)
    }

    /// An expert group wider than the node (dp 4 on a 2-device-per-node H100) sends its all-to-all over the NIC:
    /// DeepEP's RDMA figures, 13.5 us + 3/4 x bytes / (50 GB/s x 1.0); within the node NVLink's.
    @Test func anExpertGroupPastTheNodeCrossesTheNetwork() throws {
        var pairs = Self.h100
        pairs.devicesPerNode = 2
        let setup = try Setup(Self.mixtral, hardware: pairs, request: SizingRequest(context: 4096, batch: 8, tp: 1, pp: 1, dp: 4))
        #expect(setup.request.ep == 4)
        let c = try LayoutSearch.evaluate(ParallelLayout(tp: 1, pp: 1, ep: 4, dp: 4), setup)
        let work = StepWorkBuilder(setup: setup, candidate: c).decode()
        #expect(work.expertsCrossNodes && work.tokens == 2)
        let kernels = KernelTimes(hardware: pairs)
        let bytes = 2.0 * 2 * 4096 * 2
        let rdma = 13.5e-6 + 3.0 / 4 * bytes / 50e9
        #expect(abs(kernels.allToAll(bytes: bytes, ranks: 4, acrossNodes: true) - rdma) < 1e-15)
        #expect(abs(StepTimeModel.time(work, kernels: kernels).communication - 32 * 2 * rdma) < 1e-12)
        #expect(abs(kernels.allToAll(bytes: bytes, ranks: 4) - (41.5e-6 + 3.0 / 4 * bytes / 189e9)) < 1e-15)
        // A profile's own network link (step_time.scaleout_bandwidth) replaces the 50 GB/s NIC.
        let yaml = StepTimeTests.profileYAML(interconnect: "NVLink 4") + "\nstep_time: {scaleout_bandwidth: 100 GB/s}\n"
        let wider = try HardwareLoader.parse(yaml, path: "x.yaml")
        #expect(abs(KernelTimes(hardware: wider).allToAll(bytes: bytes, ranks: 4, acrossNodes: true)
                    - (13.5e-6 + 3.0 / 4 * bytes / 100e9)) < 1e-15)
        #expect(throws: HardwareError.self) {
            try HardwareLoader.parse(StepTimeTests.profileYAML(interconnect: "NVLink 4")
                                     + "\nstep_time: {scaleout_bandwidth: 0}\n", path: "x.yaml")
        }
    }

    /// The request is checked: dp pairs with routed experts, ep divides dp x tp, the device count is dp x tp x pp.
    @Test func theRequestIsChecked() throws {
        #expect(throws: SizingError.self) {
            try Sizer.size(SizingFixtures.llama31_8b, on: Self.h100, request: SizingRequest(tp: 1, pp: 1, dp: 2))
        }
        #expect(throws: SizingError.invalidOption("--ep 3 does not divide --dp 2 x --tp 2 (experts are spread over the"
            + " stage's ranks)")) {
            try Sizer.size(Self.mixtral, on: Self.h100, request: SizingRequest(tp: 2, pp: 1, ep: 3, dp: 2))
        }
        #expect(throws: SizingError.invalidOption("--gpus 8 is not dp 2 x tp 2 x pp 1")) {
            try Sizer.size(Self.mixtral, on: Self.h100, request: SizingRequest(devices: 8, tp: 2, pp: 1, dp: 2))
        }
        #expect(throws: SizingError.self) { try Sizer.size(Self.mixtral, on: Self.h100, request: SizingRequest(dp: 0)) }
        #expect(throws: SizingError.self) {
            try Sizer.size(Self.mixtral, on: Self.h100, request: SizingRequest(tp: 1 << 20, dp: 1 << 20))
        }
        // A dp whose product with tp overflows Int is refused, not trapped on.
        #expect(throws: SizingError.invalidOption("dp \(Int.max) is beyond the 1048576 devices archcalc models")) {
            try Sizer.size(Self.mixtral, on: Self.h100, request: SizingRequest(tp: 4, dp: Int.max))
        }
        let result = try Sizer.size(Self.mixtral, on: Self.h100, request: SizingRequest(context: 4096, batch: 8, dp: 4))
        #expect(result.layout == ParallelLayout(tp: 1, pp: 1, ep: 4, dp: 4))
        #expect(ParallelLayout(tp: 1, pp: 1, ep: 1, dp: 2).problem(for: Self.mixtral, on: Self.h100) != nil)
        // Throughput counts every replica's sequences: batch / step time.
        #expect(abs(result.aggregateTokensPerSecond - 8 / result.decode.seconds) < 1e-9)
    }
}

/// DeepSeek-V3 as the SGLang team served it (lm-sys/lm-sys.github.io @ 2db4e40, blog/2025-05-05-large-scale-ep.md,
/// "Overall Throughput", decode table, "SGLang (Default)"): 9 nodes of 8 H100 (EP72, DP attention), batch 256 per
/// device, KV cache length 2,000: 22,282 output tokens/s per node, with two-batch overlap and EPLB. archcalc, not
/// fitted to it, predicts 160,706 tokens/s over 9 nodes: 17,856 per node, 0.80 of it; its all-to-alls are not
/// overlapped with compute (52.5 of the 115 ms step), which is most of the gap. The deployment fits (7.06 GiB free).
@Suite struct DeepSeekWideExpertCheck {
    @Test func decodeThroughputIsWithinAQuarterOfSGLangs() throws {
        let spec = try #require(SpecLoader.load(path: Repository.path("specs/deepseek-v3.yaml")).spec)
        let result = try Sizer.size(spec, on: SizingFixtures.hardware("h100-sxm"), request: SizingRequest(
            context: 2000, batch: 72 * 256, tp: 1, pp: 1, weights: WeightQuantization(dtype: .fp8), dp: 72))
        #expect(result.fits && result.layout == ParallelLayout(tp: 1, pp: 1, ep: 72, dp: 72))
        let ratio = result.aggregateTokensPerSecond / 9 / 22_282
        #expect(ratio > 0.75 && ratio < 1.25, "predicted / measured \(ratio)")
        // Without the all-to-alls, as if two-batch overlap hid them all, it would over-predict.
        let step = try #require(result.decode.step)
        #expect(Double(72 * 256) / (result.decode.seconds - step.communication) / 9 > 22_282)
    }
}

/// `recommend --dp`: each dp above 1 adds one wide expert-parallel layout per tp and pp; a replica past the budget
/// is rejected before it is sized.
@Suite struct AttentionDataParallelPlannerTests {
    @Test func dataParallelDegreesAddWideExpertLayouts() throws {
        let workload = ServingWorkload(requestRate: 5, input: .fixed(1024), output: .fixed(128))
        let request = ServingRequest(candidates: [ExpertParallelTests.h100], tp: [1, 2], chunks: [2048], gpuBudget: 8,
                                     dp: [1, 2, 8])
        let plan = try ServingPlanner.plan(ExpertParallelTests.mixtral, workload: workload,
                                           targets: ServingTargets(ttftP90: 5, tpotP90: 0.2), request: request)
        // tp 1 and 2 at dp 1, dp 2 x tp 1 and dp 2 x tp 2; dp 8 x tp 1 (ep 8); dp 8 x tp 2 is 16 devices, past the budget.
        #expect(plan.configurations == 5)
        // dp 8 (ep 8, one expert per device, 8 replicas of attention) gives the frontier's top tokens per device.
        #expect(plan.frontier.contains { $0.config.layout == ParallelLayout(tp: 1, pp: 1, ep: 8, dp: 8) })
        #expect(plan.dp == [1, 2, 8])
    }
}

import Testing
@testable import ArchSpec

/// The planner widens its default pp (and dp) when no requested layout holds the weights, and only then.
@Suite struct ServingWideningTests {
    let workload = ServingWorkload(requestRate: 1, input: .fixed(512), output: .fixed(64))
    let targets = ServingTargets(ttftP90: 10, tpotP90: 1)

    /// An H100 copy whose memory is 0.9 x the bf16 weights of Llama-3.1-8B at tp 1 x pp 1 (W): tp 1 x pp 1
    /// cannot hold them (W alone is over), pp 2 can (the fullest stage holds 16 of 32 layers and one of the two
    /// 0.5B-parameter embedding tables: about 4.5B of 8.0B parameters, 0.56 W, leaving 0.34 W for KV, activations
    /// and the reserve).
    func small() throws -> (HardwareProfile, Int128) {
        var hardware = SizingFixtures.hardware("h100-sxm")
        let factory = try ReplicaFactory(SizingFixtures.llama31_8b, hardware: hardware, weights: .bf16, kv: nil,
                                         workload: workload)
        let weights = try Widening.evaluate(ParallelLayout(tp: 1, pp: 1), factory.setup).memory.weights
        hardware.id = "small"
        hardware.memory = Sourced(Double(weights) * 0.9)
        return (hardware, weights)
    }

    func plan(_ hardware: HardwareProfile, pp: [Int] = [1], widen: Bool, budget: Int = 1024) throws -> ServingPlan {
        try ServingPlanner.plan(SizingFixtures.llama31_8b, workload: workload, targets: targets, request: ServingRequest(
            candidates: [hardware], weightDTypes: [.bf16], tp: [1], pp: pp, chunks: [512], gpuBudget: budget,
            widenPP: widen, widenDP: widen))
    }

    @Test func widensPPToTheFirstDegreeThatHoldsTheWeightsPlusOneDoubling() throws {
        let (hardware, weights) = try small()
        let plan = try plan(hardware, widen: true)
        let widening = try #require(plan.widened.first)
        #expect(plan.widened.count == 1)
        #expect(widening.pp == [1, 2, 4])
        #expect(widening.dp == nil)  // no routed experts
        #expect(widening.fits)
        #expect(widening.reason == "no tp up to 1 holds \(HumanUnits.bytes(weights)) of bf16 weights on small")
        #expect(widening.description.hasPrefix("pp widened to 1..4: no tp up to 1 holds"))
        // One layout per pp degree, one chunk.
        #expect(plan.configurations == 3)
        let best = try #require(plan.best)
        #expect(best.pools.allSatisfy { $0.config.layout.pp >= 2 })
        #expect(TextServingRenderer().render(plan).contains("widened    pp widened to 1..4: no tp up to 1 holds"))
    }

    @Test func explicitPPIsNeverWidened() throws {
        let (hardware, _) = try small()
        let plan = try plan(hardware, widen: false)
        #expect(plan.widened.isEmpty)
        #expect(plan.configurations == 1)
        #expect(plan.best == nil)
        #expect(plan.rejections.allSatisfy { $0.reason.hasPrefix("weights do not fit") })
        // bf16 at tp 1 x pp 1 is over; fp8 halves the weights (0.5 W of 0.9 W): the hint names it.
        #expect(plan.hints.count == 1)
        #expect(plan.hints.first?.contains("fp8 weights fit (tp 1 x pp 1): try --dtype fp8") == true)
    }

    @Test func wideningIsBoundedByTheLayersAndTheBudget() throws {
        var (hardware, _) = try small()
        hardware.memory = Sourced(1e9)  // 1 GB: no layout holds 16 GB of weights
        let plan = try plan(hardware, widen: true)
        let widening = try #require(plan.widened.first)
        #expect(!widening.fits)
        // Doubling stops at the 32 layers: 1, 2, 4, 8, 16, 32 and no more.
        #expect(widening.pp == [1, 2, 4, 8, 16, 32])
        #expect(widening.reason.contains("; even tp 1 x pp 32 does not: needs"))
        #expect(plan.configurations == 6)
        #expect(plan.best == nil)
        // The budget bounds it too: 4 devices allow pp 2 and 4 only.
        let narrow = try self.plan(hardware, widen: true, budget: 4)
        #expect(narrow.widened.first?.pp == [1, 2, 4])
        #expect(narrow.configurations == 3)
    }

    @Test func jsonSearchedNamesTheWidening() throws {
        let (hardware, _) = try small()
        let json = JSONServingRenderer().render(try plan(hardware, widen: true)).filter { !$0.isWhitespace }
        #expect(json.contains("\"widened\":[{\"hardware\":\"small\",\"weight_dtype\":\"bf16\",\"pp\":[1,2,4],\"dp\":null,"
            + "\"fits\":true,\"reason\":\"notpupto1holds"))
        let unwidened = JSONServingRenderer().render(try plan(hardware, pp: [1], widen: false)).filter { !$0.isWhitespace }
        #expect(unwidened.contains("\"widened\":[]"))
        #expect(unwidened.contains("\"hints\":[\"nolayoutsearchedholdsbf16weightsonsmall;fp8weightsfit"))
    }
}

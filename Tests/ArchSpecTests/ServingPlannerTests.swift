import Foundation
import Testing
@testable import ArchSpec

/// The planner on real specs and catalog devices: answers, bounded searches, and what it says when nothing fits.
@Suite struct ServingPlannerTests {
    let h100 = SizingFixtures.hardware("h100-sxm")
    let workload = ServingWorkload(requestRate: 100, input: .fixed(2048), output: .fixed(256))
    let targets = ServingTargets(ttftP90: 1, tpotP90: 0.020)

    @Test func smallestDeploymentMeetsTheTargetsAndOneFewerReplicaDoesNot() throws {
        let plan = try ServingPlanner.plan(SizingFixtures.llama31_8b, workload: workload, targets: targets,
                                           request: ServingRequest(candidates: [h100], tp: [1, 2], chunks: [512, 2048]))
        let best = try #require(plan.best)
        #expect(best.ttftP90 <= 1 && best.tpotP90 <= 0.020)
        // 100 requests/s x 256 tokens = 25,600 output tokens/s whatever the deployment.
        #expect(abs(best.outputTokensPerSecond - 25_600) < 1e-6)
        #expect(abs(best.tokensPerSecondPerDevice - 25_600 / Double(best.devices)) < 1e-6)
        #expect(plan.configurations == 4)
        // Every smaller deployment is listed with a reason, fewest devices first.
        #expect(!plan.rejections.isEmpty)
        #expect(plan.rejections.allSatisfy { $0.devices < best.devices && !$0.reason.isEmpty })
        #expect(plan.rejections.map(\.devices) == plan.rejections.map(\.devices).sorted())
        let pool = try #require(best.pools.first)
        #expect(pool.point.concurrency <= Double(pool.maxConcurrency))
        // Little's law: concurrency = rate per replica x output x step.
        let little = pool.point.requestRate * 256 * pool.point.stepSeconds
        #expect(abs(little - pool.point.concurrency) / little < 1e-3)
    }

    @Test func priceGivesDollarsPerMillionTokens() throws {
        let plan = try ServingPlanner.plan(
            SizingFixtures.llama31_8b, workload: workload, targets: targets,
            request: ServingRequest(candidates: [h100], tp: [1], chunks: [512], pricePerDeviceHour: ["h100-sxm": 3.6]))
        let best = try #require(plan.best)
        // $3.60 per device-hour = $0.001 per device-second; / 25,600 tokens/s x 1e6.
        let expected = Double(best.devices) * 0.001 / 25_600 * 1e6
        #expect(abs((best.dollarsPerMillionTokens ?? 0) - expected) < 1e-9)
    }

    @Test func disaggregatedPlanHasAPrefillAndADecodePool() throws {
        let plan = try ServingPlanner.plan(
            SizingFixtures.llama31_8b, workload: workload, targets: targets,
            request: ServingRequest(candidates: [h100], tp: [1], chunks: [2048], modes: [.disaggregated]))
        let best = try #require(plan.best)
        #expect(best.mode == .disaggregated)
        #expect(best.pools.map(\.role) == [.prefill, .decode])
        #expect(best.pools[0].point.kvTransferSeconds > 0)
        #expect(best.devices == best.pools[0].devices + best.pools[1].devices)
    }

    @Test func unreachableTargetsExplainWhy() throws {
        let plan = try ServingPlanner.plan(
            SizingFixtures.llama31_8b, workload: workload, targets: ServingTargets(ttftP90: 0.001),
            request: ServingRequest(candidates: [h100], tp: [1, 8], chunks: [512]))
        #expect(plan.best == nil)
        #expect(plan.rejections.count == 2)
        #expect(plan.rejections.allSatisfy { $0.reason.hasPrefix("TTFT p90") })
    }

    @Test func hugeBudgetIsBisectedNotEnumerated() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let plan = try ServingPlanner.plan(
            SizingFixtures.llama31_8b, workload: ServingWorkload(requestRate: 1e7, input: .fixed(2048), output: .fixed(256)),
            targets: ServingTargets(ttftP90: 1e-4),
            request: ServingRequest(candidates: [h100], tp: [1, 2, 4, 8], gpuBudget: 1_000_000_000))
        #expect(plan.best == nil)
        #expect(!plan.rejections.isEmpty)
        #expect(clock.now - start < .seconds(10))
    }

    @Test func emptyCandidatesAndBadOptionsAreErrors() {
        let spec = SizingFixtures.llama31_8b
        #expect(throws: ServingError.self) {
            try ServingPlanner.plan(spec, workload: workload, targets: targets, request: ServingRequest(candidates: []))
        }
        #expect(throws: ServingError.self) {
            try ServingPlanner.plan(spec, workload: workload, targets: targets,
                                    request: ServingRequest(candidates: [h100], gpuBudget: 0))
        }
        #expect(throws: ServingError.self) {
            try ServingPlanner.plan(spec, workload: workload, targets: targets,
                                    request: ServingRequest(candidates: [h100], tp: []))
        }
    }

    @Test func layoutsThatCannotRunAreRejectedWithTheirReason() throws {
        // tp 3 does not divide 32 heads; 405B weights do not fit one device.
        let plan = try ServingPlanner.plan(
            SizingFixtures.llama31_8b, workload: workload, targets: ServingTargets(ttftP90: 0.001),
            request: ServingRequest(candidates: [h100], tp: [3], chunks: [512]))
        #expect(plan.rejections.first?.reason == "tp 3 does not divide heads 32")
    }
}

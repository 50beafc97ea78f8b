import Foundation
import Testing
@testable import ArchSpec

/// The continuous-batching model against a step timer simple enough to solve by hand.
@Suite struct ServingSteadyStateTests {
    /// 10 ms per step, 0.01 ms per prompt token, 0.1 ms per decoding sequence.
    struct LinearTimer: StepTimer {
        func seconds(_ step: BatchStep) -> Double { 0.010 + 0.00001 * step.prefillTokens + 0.0001 * step.decodes }
    }

    static func state(capacity: Int = 1000, chunk: Int = 1000, hit: Double = 0) -> SteadyState {
        let config = ReplicaConfig(hardware: "stub", weights: .bf16, kv: .bf16, layout: ParallelLayout(tp: 1, pp: 1),
                                   chunk: chunk)
        let replica = Replica(config: config, maxConcurrency: capacity, timer: LinearTimer(), kvBytesPerPromptToken: 1e6)
        return SteadyState(replica: replica, workload: ServingWorkload(
            requestRate: 10, input: .fixed(1000), output: .fixed(100), prefixHitRate: hit))
    }

    @Test func aggregatedPointWorkedByHand() throws {
        // T0 = 10 + 0.1 n ms, TC - T0 = 10 ms. T = T0 / (1 - 10 x 1000 x 0.010 / 1000) = T0 / 0.9.
        // Little: n = 10 x 100 x T  =>  0.9 n = 10 + 0.1 n (T in ms)  =>  n = 12.5, T = 12.5 ms.
        let point = try Self.state().aggregated(rate: 10).get()
        #expect(abs(point.concurrency - 12.5) < 1e-2)
        #expect(abs(point.stepSeconds - 0.0125) < 1e-6)
        // Chunks in q = 10 x 0.0125 x 1000 / 1000 = 12.5% of steps.
        #expect(abs(point.chunkShare - 0.125) < 1e-4)
        // Prefill service S = T(1000, 12.5) = 21.25 ms for every prompt: rho = 0.2125,
        // W = 10 x 0.02125^2 / (2 x 0.7875) = 2.867 ms; p90 wait = (W / rho) ln(0.2125 / 0.1) = 10.17 ms.
        #expect(abs(point.prefillUtilisation - 0.2125) < 1e-4)
        #expect(abs(point.ttftP50 - 0.02125) < 1e-5)
        #expect(abs(point.ttftP90 - 0.031420) < 2e-5)
        // TPOT: sd = 10 ms x sqrt(0.125 x 0.875 / 100) = 0.3307 ms; p90 = 12.5 + 1.2816 x 0.3307 = 12.924 ms.
        #expect(abs(point.tpotP50 - 0.0125) < 1e-6)
        #expect(abs(point.tpotP90 - 0.012924) < 2e-6)
    }

    @Test func prefixHitsRemovePromptCompute() throws {
        // Half the prompt cached: T = T0 / (1 - 10 x 500 x 0.010 / 1000) = T0 / 0.95 => 0.95 n = 10 + 0.1 n,
        // n = 11.765, T = 11.765 ms; the service step computes 500 tokens: 10 + 5 + 1.1765 = 16.18 ms.
        let point = try Self.state(hit: 0.5).aggregated(rate: 10).get()
        #expect(abs(point.concurrency - 11.765) < 1e-2)
        #expect(abs(point.ttftP50 - 0.016176) < 1e-5)
    }

    @Test func memoryBoundsTheConcurrency() {
        // 12.5 sequences are needed; a cache of 12 cannot hold them.
        guard case .failure(let shortfall) = Self.state(capacity: 12).aggregated(rate: 10) else {
            Issue.record("expected a shortfall")
            return
        }
        #expect(shortfall.reason.contains("needs over 12 concurrent sequences"))
    }

    @Test func prefillThatCannotKeepUpIsReported() {
        // 100 requests/s x 1000 tokens x 0.01 ms = 1 s of prompt per second: the denominator reaches 0.
        guard case .failure(let shortfall) = Self.state().aggregated(rate: 100) else {
            Issue.record("expected a shortfall")
            return
        }
        #expect(shortfall.reason.hasPrefix("prefill cannot keep up"))
    }

    @Test func decodePoolHasNoPrefillInItsSteps() throws {
        // n = 10 x 100 x (10 + 0.1 n) ms => 0.9 n = 10, n = 11.11, T = 11.11 ms.
        let point = try Self.state().decodePool(rate: 10).get()
        #expect(abs(point.concurrency - 11.111) < 1e-2)
        #expect(abs(point.tpotP90 - 0.011111) < 1e-5)
    }

    @Test func prefillPoolAddsTheKVTransfer() throws {
        // Service 20 ms, rho = 0.2, W = 10 x 0.0004 / 1.6 = 2.5 ms; 1000 tokens x 1 MB at 50 GB/s = 20 ms.
        let point = try Self.state().prefillPool(rate: 10, bandwidth: 50e9).get()
        #expect(abs(point.prefillUtilisation - 0.2) < 1e-9)
        #expect(abs(point.kvTransferSeconds - 0.020) < 1e-9)
        #expect(abs(point.ttftP50 - 0.040) < 1e-9)
        // p90 wait = (2.5 ms / 0.2) ln(0.2 / 0.1) = 8.664 ms.
        #expect(abs(point.ttftP90 - (0.040 + 0.0125 * log(2))) < 1e-9)
    }

    @Test func saturatedPointsFollowLittlesLaw() {
        // At n = 50: share = 50 x 1000 / (1000 x 100) = 0.5, T = (10 + 5) + 0.5 x 10 = 20 ms:
        // 50 tokens/s per user and 50 / 0.02 = 2,500 tokens/s per device. n = 128 would need 1.28 chunks a step.
        let points = Pareto.points(Self.state(capacity: 50))
        #expect(points.map(\.concurrency) == [1, 2, 4, 8, 16, 32, 50])
        let last = points.last!
        #expect(abs(last.tokensPerSecondPerUser - 50) < 1e-9)
        #expect(abs(last.tokensPerSecondPerDevice - 2500) < 1e-6)
        #expect(Pareto.points(Self.state(capacity: 1000)).map(\.concurrency).last == 64)
    }

    @Test func goodputCountsRequestsWithinTargets() throws {
        let state = Self.state()
        let point = try state.aggregated(rate: 10).get()
        let pool = Pool(role: .both, config: state.replica.config, replicas: 1, maxConcurrency: 1000, point: point)
        // Every TTFT is at least the 21.25 ms service: a 20 ms target is never met.
        #expect(Goodput.share(pools: [pool], states: [state], targets: ServingTargets(ttftP90: 0.020),
                              transferBandwidth: 1) == 0)
        // With 1 s, P(wait <= 0.97875 s) = 1 - 0.2125 exp(-0.2125 x 0.97875 / 0.002867) ~ 1.
        #expect(Goodput.share(pools: [pool], states: [state], targets: ServingTargets(ttftP90: 1), transferBandwidth: 1) > 0.9999)
        // TPOT target at the mean: half the requests meet it.
        let half = Goodput.share(pools: [pool], states: [state], targets: ServingTargets(tpotP50: point.tpotP50),
                                 transferBandwidth: 1)
        #expect(abs(half - 0.5) < 1e-9)
    }
}

import Foundation
import Testing
@testable import ArchSpec

/// The queueing formulas and the Pareto frontier, against numbers worked by hand.
@Suite struct ServingQueueTests {
    @Test func deterministicServiceFollowsPollaczekKhinchine() {
        // rate 2/s, S = 0.25 s always: rho = 0.5, E[S^2] = 0.0625, W = 2 x 0.0625 / (2 x 0.5) = 0.125 s.
        let queue = MG1Queue(rate: 2, meanService: 0.25, secondMoment: 0.0625)
        #expect(abs(queue.utilisation - 0.5) < 1e-12)
        #expect(abs(queue.meanWait - 0.125) < 1e-12)
    }

    @Test func exponentialServiceMatchesMM1Exactly() {
        // M/M/1 with lambda 2, mu 4: E[S^2] = 2 / mu^2 = 0.125, W = rho / (mu - lambda) = 0.25 s,
        // P(W > t) = rho e^{-(mu - lambda) t}: the 90th percentile is ln(0.5 / 0.1) / 2 = 0.8047 s.
        let queue = MG1Queue(rate: 2, meanService: 0.25, secondMoment: 0.125)
        #expect(abs(queue.meanWait - 0.25) < 1e-12)
        #expect(abs(queue.waitQuantile(0.9) - log(5) / 2) < 1e-12)
        // The median: rho = 0.5 is not above 1 - 0.5, so half the requests do not wait at all.
        #expect(queue.waitQuantile(0.5) == 0)
        #expect(abs(queue.waitProbability(atMost: log(5) / 2) - 0.9) < 1e-12)
        #expect(queue.waitProbability(atMost: -1) == 0)
    }

    @Test func saturatedQueueHasNoFiniteWait() {
        let queue = MG1Queue(rate: 4, meanService: 0.25, secondMoment: 0.0625)
        #expect(queue.utilisation == 1)
        #expect(queue.meanWait == .infinity)
        #expect(queue.waitQuantile(0.9) == .infinity)
        #expect(queue.waitProbability(atMost: 100) == 0)
    }

    static func point(_ user: Double, _ device: Double, tp: Int = 1) -> ParetoPoint {
        ParetoPoint(config: ReplicaConfig(hardware: "x", weights: .bf16, kv: .bf16, layout: ParallelLayout(tp: tp, pp: 1),
                                          chunk: 512),
                    concurrency: 1, tokensPerSecondPerUser: user, tokensPerSecondPerDevice: device)
    }

    @Test func frontierKeepsOnlyUndominatedPoints() {
        // A(100, 10) B(80, 20) C(90, 5) D(50, 20) E(40, 30): C is beaten by A, D by B (same throughput, slower).
        let a = Self.point(100, 10), b = Self.point(80, 20), c = Self.point(90, 5), d = Self.point(50, 20)
        let e = Self.point(40, 30)
        let frontier = Pareto.frontier([c, d, a, e, b])
        #expect(frontier.map(\.tokensPerSecondPerUser) == [100, 80, 40])
        #expect(frontier.map(\.tokensPerSecondPerDevice) == [10, 20, 30])
    }

    @Test func frontierKeepsTheFirstOfTwoEqualPoints() {
        let first = Self.point(10, 10, tp: 1), second = Self.point(10, 10, tp: 2)
        #expect(Pareto.frontier([first, second]).map(\.config.layout.tp) == [1])
        #expect(Pareto.frontier([]).isEmpty)
    }

    @Test func concurrenciesArePowersOfTwoThenTheCapacity() {
        #expect(Pareto.concurrencies(upTo: 0) == [])
        #expect(Pareto.concurrencies(upTo: 1) == [1])
        #expect(Pareto.concurrencies(upTo: 8) == [1, 2, 4, 8])
        #expect(Pareto.concurrencies(upTo: 214) == [1, 2, 4, 8, 16, 32, 64, 128, 214])
    }
}

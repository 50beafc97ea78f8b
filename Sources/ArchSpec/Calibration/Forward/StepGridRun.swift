/// The samples of one grid point as they are taken.
struct SampleLog {
    var seconds: [Double] = []
    var interference: [Interference] = []

    mutating func add(_ t: Double, _ seen: Interference) {
        seconds.append(t)
        interference.append(seen)
    }

    func point(batch: Int, size: Int) -> StepPoint {
        StepPoint(batch: batch, size: size, samples: seconds, otherCores: interference.map(\.otherCores),
                  contaminated: interference.map(\.isContaminated))
    }
}

/// The points of a step grid in the order rounds visit them, and their samples.
final class StepGridRun {
    struct Point { var prefill: Bool; var size: Int }
    let points: [Point]
    var logs: [SampleLog]

    /// Prefill and decode points alternate (p0, d0, p1, d1, ...), the longer list's rest at the end.
    init(plan: StepPlan) {
        var order: [Point] = []
        for i in 0..<max(plan.prefillTokens.count, plan.decodeContexts.count) {
            if i < plan.prefillTokens.count { order.append(Point(prefill: true, size: plan.prefillTokens[i])) }
            if i < plan.decodeContexts.count { order.append(Point(prefill: false, size: plan.decodeContexts[i])) }
        }
        points = order
        logs = Array(repeating: SampleLog(), count: order.count)
    }

    /// Point indices for round `round`: the same cycle, starting `round` points later.
    func order(round: Int) -> [Int] {
        let n = points.count
        return (0..<n).map { ($0 + round) % n }
    }

    /// The measured grid of one phase (batch 1), each point's `fitted` set from the monotone surface.
    func grid(prefill: Bool) -> StepGrid {
        let chosen = points.indices.filter { points[$0].prefill == prefill }
        var result = StepGrid(batches: [1], sizes: chosen.map { points[$0].size },
                              points: chosen.map { logs[$0].point(batch: 1, size: points[$0].size) })
        if let surface = result.surface() {
            for i in result.points.indices { result.points[i].fitted = surface.fitted[i] }
        }
        return result
    }
}

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
    struct Point: Hashable { var prefill: Bool; var batch: Int; var size: Int }
    let plan: StepPlan
    let points: [Point]
    var logs: [SampleLog]

    /// Prefill and decode points alternate (p0, d0, p1, d1, ...), the longer list's rest at the end; decode
    /// points run batch by batch, context by context.
    init(plan: StepPlan) {
        self.plan = plan
        let prefill = plan.prefillTokens.map { Point(prefill: true, batch: 1, size: $0) }
        let decode = plan.decodeBatches.flatMap { b in plan.decodeContexts.map { Point(prefill: false, batch: b, size: $0) } }
        var order: [Point] = []
        for i in 0..<max(prefill.count, decode.count) {
            if i < prefill.count { order.append(prefill[i]) }
            if i < decode.count { order.append(decode[i]) }
        }
        points = order
        logs = Array(repeating: SampleLog(), count: order.count)
    }

    /// Point indices for round `round`: the same cycle, starting `round` points later.
    func order(round: Int) -> [Int] {
        let n = points.count
        return (0..<n).map { ($0 + round) % n }
    }

    /// The measured grid of one phase, each point's `fitted` set from the monotone surface.
    func grid(prefill: Bool) -> StepGrid {
        let batches = prefill ? [1] : plan.decodeBatches, sizes = prefill ? plan.prefillTokens : plan.decodeContexts
        let index = Dictionary(uniqueKeysWithValues: points.enumerated().map { ($1, $0) })
        let cells = batches.flatMap { b in sizes.map { Point(prefill: prefill, batch: b, size: $0) } }
        var result = StepGrid(batches: batches, sizes: sizes, points: cells.map { cell in
            index[cell].map { logs[$0].point(batch: cell.batch, size: cell.size) }
                ?? SampleLog().point(batch: cell.batch, size: cell.size)
        })
        if let surface = result.surface() {
            for i in result.points.indices { result.points[i].fitted = surface.fitted[i] }
        }
        return result
    }
}

/// Memory per device against context for several batch sizes, on the layout a sizing chose (for the chart).
public struct MemoryCurves: Hashable, Sendable {
    /// Context lengths, tokens, ascending.
    public var contexts: [Int]
    /// One series per batch size: total bytes per device at each context.
    public var series: [(batch: Int, totals: [Int128])]
    /// Weight bytes per device (constant across the chart).
    public var weights: Int128
    public var capacity: Int128
    public var reserve: Int128

    public static func == (lhs: MemoryCurves, rhs: MemoryCurves) -> Bool {
        lhs.contexts == rhs.contexts && lhs.series.map(\.batch) == rhs.series.map(\.batch)
            && lhs.series.map(\.totals) == rhs.series.map(\.totals) && lhs.weights == rhs.weights
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(contexts) }

    /// Computes the curves for `result`'s layout: contexts 256, 512, ... up to the model's limit (or the
    /// requested context when longer), plus the requested context and the max context (so the requested
    /// batch's curve passes through the requested point and meets capacity at the max context); batches 1, 4,
    /// 16, 64 and the requested one.
    public static func compute(
        _ spec: ArchitectureSpec, on hardware: HardwareProfile, request: SizingRequest, result: SizingResult
    ) throws(SizingError) -> MemoryCurves {
        var fixed = request
        fixed.tp = result.layout.tp
        fixed.pp = result.layout.pp
        fixed.devices = result.layout.devices
        let setup = try Setup(spec, hardware: hardware, request: fixed)
        let candidate = try LayoutSearch.evaluate(result.layout, setup)
        let limit = max(spec.contextLength, result.context)
        var contexts: [Int] = []
        var context = min(256, limit)
        while context < limit, context <= Int.max / 2 { contexts.append(context); context *= 2 }
        contexts.append(limit)
        let first = contexts[0]
        contexts = Array(Set(contexts + [result.context, result.maxContext].filter { $0 >= first && $0 <= limit })).sorted()
        let batches = Array(Set([1, 4, 16, 64, result.batch])).sorted()
        var series: [(Int, [Int128])] = []
        for batch in batches {
            var totals: [Int128] = []
            for context in contexts {
                let memory = try MemoryPlan.plan(
                    spec, model: candidate.model, layout: result.layout, hardware: hardware, context: context,
                    batch: batch, request: fixed, activationBits: setup.activationBits)
                totals.append(memory.total)
            }
            series.append((batch, totals))
        }
        return MemoryCurves(contexts: contexts, series: series, weights: result.memory.weights,
                            capacity: result.memory.capacity, reserve: result.memory.reserve)
    }
}

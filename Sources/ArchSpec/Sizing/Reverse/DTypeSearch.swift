/// The reverse query "which storage formats fit": tries weight and KV dtypes from the most precise down on a
/// fixed device count and answers the first combination that fits, with why each more precise one fails.
public enum DTypeSearch {
    /// One combination tried.
    public struct Trial: Hashable, Sendable {
        public var weights: DType
        public var kv: DType
        public var result: SizingResult
        public var fits: Bool { result.fits }
        /// Why it does not fit (empty when it fits).
        public var reason: String { result.fits ? "" : LayoutSearch.overrun(result.memory) }
    }

    /// The answer: every combination tried in order, the last the one chosen when any fits.
    public struct Choice: Hashable, Sendable {
        public var trials: [Trial]
        /// The most precise combination that fits, or `nil` when none does.
        public var best: Trial? { trials.last.flatMap { $0.fits ? $0 : nil } }
    }

    /// Weight dtypes tried, most precise first (16-bit means the spec's own 16-bit dtype).
    public static let weightOrder: [DType] = [.bf16, .fp8, .int8, .int4]
    /// KV dtypes tried for each weight dtype, most precise first.
    public static let kvOrder: [DType] = [.bf16, .fp8, .int8, .int4]

    /// Combinations in order: weight precision first (weights move quality most), then KV; fp8 before int8.
    public static func combinations(wide: DType) -> [(DType, DType)] {
        let swap: (DType) -> DType = { $0 == .bf16 ? wide : $0 }
        return weightOrder.flatMap { w in kvOrder.map { (swap(w), swap($0)) } }
    }

    /// Sizes `spec` on `request.devices` devices (default tp x pp, or 1) for each combination until one fits.
    /// Weight and KV scale granularities in `request` are kept; dtypes are replaced.
    public static func best(
        _ spec: ArchitectureSpec, on hardware: HardwareProfile, request: SizingRequest
    ) throws(SizingError) -> Choice {
        var fixed = request
        if fixed.devices == nil { fixed.devices = (fixed.tp ?? 1) * (fixed.pp ?? 1) }
        let wide: DType = spec.dtype.bits >= 16 && spec.dtype != .fp32 ? spec.dtype : .bf16
        var trials: [Trial] = []
        for (w, k) in combinations(wide: wide) {
            var attempt = fixed
            attempt.weights = WeightQuantization(
                dtype: w, granularity: w.bits < 16 ? request.weights?.granularity : nil,
                quantizeEmbeddings: request.weights?.quantizeEmbeddings ?? false)
            attempt.kv = KVQuantization(dtype: k, granularity: k.bits < 16 ? request.kv?.granularity : nil)
            attempt.computeDType = nil
            let result = try Sizer.size(spec, on: hardware, request: attempt)
            trials.append(Trial(weights: w, kv: k, result: result))
            if result.fits { break }
        }
        return Choice(trials: trials)
    }
}
